#!/usr/bin/env bash
# Sets everything up, builds, and runs every test. GUI tests run offscreen (set by CMake);
# screenshots they take land in build/test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
(cd build && ctest --output-on-failure --timeout 600 "$@")
# The wire codec's fuzz target, briefly, when clang is installed (longer by hand: scripts/fuzz.sh).
scripts/fuzz.sh 20
