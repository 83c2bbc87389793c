#!/usr/bin/env bash
# Sets everything up, builds, and launches DoSQL Studio on the bundled demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh dosql-studio
exec build/bin/dosql-studio --demo --table orders "$@"
