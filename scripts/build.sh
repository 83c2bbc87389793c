#!/usr/bin/env bash
# Configures (once) and builds DoSQL Studio into build/ with Ninja. Extra arguments name the
# targets to build (all by default).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build build --parallel "$jobs" ${1:+--target "$@"}
