#!/bin/sh
# Tablewise on Linux, installed: `tablewise` opens the studio, `tablewise FILE.flow` opens a flow, and
# `tablewise run FLOW` (or any other command) runs headless. XGBoost's OpenMP threads spin against the JVM's on
# small machines unless they wait passively, and only the environment can tell them before the JVM starts.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
app="$(dirname "$(dirname "$(dirname "$(readlink -f "$0")")")")"
if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ "${1%.flow}" != "$1" ]; }; then
  exec "$app/bin/Tablewise" "$@"
fi
exec "$app/bin/tablewise-cli" "$@"
