#!/usr/bin/env bash
# Regenerates the installer icons from assets/icons/app.svg (needs rsvg-convert, icotool, png2icns:
# apt-get install librsvg2-bin icoutils icnsutils). The results are committed, so builds do not need these tools.
set -euo pipefail
cd "$(dirname "$0")/.."
out=installer/icons
tmp=$(mktemp -d)
for s in 16 32 48 64 128 256 512; do rsvg-convert -w $s -h $s assets/icons/app.svg -o "$tmp/$s.png"; done
cp "$tmp/256.png" "$out/tablewise.png"
icotool -c -o "$out/tablewise.ico" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png"
png2icns "$out/tablewise.icns" "$tmp/16.png" "$tmp/32.png" "$tmp/128.png" "$tmp/256.png" "$tmp/512.png" >/dev/null
rm -rf "$tmp"
ls -la "$out"
