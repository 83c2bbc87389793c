#!/usr/bin/env bash
# Saves a screenshot of the app after it has had DELAY seconds to load:
#   scripts/screenshot.sh OUT.png DELAY -- dosql-studio ARGS...
# Needs: xvfb xauth imagemagick (installed by scripts/setup.sh).
set -euo pipefail
out=$1; delay=$2; shift 2
[ "${1:-}" = "--" ] && shift
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  out=$1; delay=$2; shift 2
  "$@" & pid=$!
  sleep "$delay"
  import -window root "$out"
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
' screenshot "$out" "$delay" "$@"
echo "saved $out"
