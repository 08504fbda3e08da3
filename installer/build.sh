#!/usr/bin/env bash
# Builds the Tablewise installer for this operating system with JDK 17's jpackage:
#   installer/build.sh              # Linux: .deb and .rpm and a portable app-image .tar.gz; Windows: .msi; macOS: .dmg
#   installer/build.sh app-image    # only the portable app folder (any OS, fastest)
#   installer/build.sh deb|rpm|msi|dmg
# Output: target/installer/. Needs JDK 17 (with jmods) and Maven; .deb needs dpkg-deb, fakeroot and objcopy,
# .rpm needs rpmbuild, .msi needs WiX 3 on the PATH, .dmg needs macOS.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
version="$(awk '/<artifactId>tablewise<\/artifactId>/ {f=1} f && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)"
case "$(uname -s)" in
  Linux*) os=linux; default_types="deb rpm app-image" ;;
  Darwin*) os=mac; default_types="dmg" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types="msi" ;;
  *) echo "error: unknown operating system $(uname -s)" >&2; exit 2 ;;
esac
asked="$*"
types="${asked:-$default_types}"

# What each type needs; a type that cannot be built here is skipped with a line saying why, and the rest are built.
missing_tools() {
  local need=()
  case "$1" in
    deb) need=(dpkg-deb fakeroot objcopy) ;;
    rpm) need=(rpmbuild) ;;
    msi) need=(candle light) ;;
  esac
  local t
  for t in "${need[@]}"; do
    command -v "$t" >/dev/null 2>&1 || echo -n "$t "
  done
}
buildable=()
skipped=()
for type in $types; do
  case "$type" in
    app-image|deb|rpm|msi|dmg) ;;
    *) echo "error: unknown installer type '$type' (app-image, deb, rpm, msi, dmg)" >&2; exit 2 ;;
  esac
  gone="$(missing_tools "$type")"
  if [[ $type == dmg && $os != mac ]] || [[ $type == msi && $os != windows ]] || [[ ( $type == deb || $type == rpm ) && $os != linux ]]; then
    echo "skipped $type: jpackage builds it only on its own operating system" >&2
    skipped+=("$type")
  elif [[ -n $gone ]]; then
    echo "skipped $type: needs ${gone% } (not installed)" >&2
    skipped+=("$type")
  else
    buildable+=("$type")
  fi
done
if [[ ${#buildable[@]} -eq 0 ]]; then
  echo "error: nothing can be built here (${skipped[*]})" >&2
  exit 1
fi

mvn -q -B -DskipTests package
input=target/installer/input
out=target/installer
rm -rf "$input" "$out/app"
mkdir -p "$input" "$out"
cp "target/tablewise-$version.jar" "$input/tablewise.jar"
cp -r target/lib "$input/lib"
# Sample projects travel with the app (the start page offers them); results of earlier runs do not.
mkdir -p "$input/projects-sample"
for dir in projects-sample/*/; do
  name="$(basename "$dir")"
  mkdir -p "$input/projects-sample/$name"
  (cd "$dir" && find . -path ./output -prune -o -path ./runs -prune -o -path ./.tablewise-results -prune -o -type f -print) | while read -r f; do
    mkdir -p "$input/projects-sample/$name/$(dirname "$f")"
    cp "$dir/$f" "$input/projects-sample/$name/$f"
  done
done
cp projects-sample/README.md "$input/projects-sample/" 2>/dev/null || true
cp installer/linux/tablewise-launch.sh "$input/tablewise-launch.sh"

# The modules the app uses (jdeps per jar, see docs), plus jdk.charsets for CP949 and EUC-KR files: a runtime
# about 40 MB smaller than the default one.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.unsupported.desktop,jdk.localedata,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.jfr
common=(--name Tablewise --app-version "$version" --vendor "Tablewise" --copyright "Copyright 2026 Tablewise"
  --description "No-code machine learning for tabular data"
  --input "$input" --main-jar tablewise.jar --main-class io.tablewise.Main
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands"
  --java-options "-XX:MaxRAMPercentage=60 -Dfile.encoding=UTF-8"
  --add-launcher "tablewise-cli=installer/cli-launcher.properties"
  --dest "$out")
icon=installer/icons/tablewise.png
[[ $os == windows ]] && icon=installer/icons/tablewise.ico
[[ $os == mac ]] && icon=installer/icons/tablewise.icns
common+=(--icon "$icon")

for type in "${buildable[@]}"; do
  echo "building $type ..." >&2
  # only this type's earlier output goes: a .deb built before stays when the .rpm is built next
  case "$type" in
    deb) rm -f "$out"/*.deb ;;
    rpm) rm -f "$out"/*.rpm ;;
    msi) rm -f "$out"/*.msi ;;
    dmg) rm -f "$out"/*.dmg ;;
  esac
  case "$type" in
    app-image)
      rm -rf "$out/Tablewise"
      jpackage --type app-image "${common[@]}"
      if [[ $os == linux ]]; then
        tar -C "$out" -czf "$out/tablewise-$version-linux-x64.tar.gz" Tablewise
      fi ;;
    deb|rpm)
      jpackage --type "$type" "${common[@]}" --license-file LICENSE \
        --file-associations installer/flow-association.properties \
        --linux-package-name tablewise --linux-deb-maintainer "${TABLEWISE_MAINTAINER:-maintainers@tablewise.io}" --linux-menu-group "Science;Education;Office" --linux-shortcut \
        --linux-app-category science --resource-dir installer/linux/resources \
        --linux-package-deps "libgtk-3-0, libgomp1, libgl1, libxtst6" ;;
    msi)
      jpackage --type msi "${common[@]}" --license-file LICENSE \
        --file-associations installer/flow-association.properties \
        --win-menu --win-menu-group Tablewise --win-shortcut --win-dir-chooser \
        --win-upgrade-uuid 6c2f3c1e-3f7b-4a55-9d6e-2b1c7c4a9e10 ;;
    dmg)
      jpackage --type dmg "${common[@]}" --license-file LICENSE \
        --file-associations installer/flow-association.properties \
        --mac-package-identifier io.tablewise.studio ;;
  esac
done
ls -la "$out" | grep -E '\.(deb|rpm|msi|dmg|tar\.gz)$|Tablewise$' || true
# a type asked for by name and not built is a failure; the default set only says what it skipped
if [[ -n $asked && ${#skipped[@]} -gt 0 ]]; then
  echo "error: not built here: ${skipped[*]}" >&2
  exit 1
fi
