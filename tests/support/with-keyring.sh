#!/usr/bin/env bash
# Runs a command in a D-Bus session of its own with an unlocked GNOME keyring (the Secret
# Service), so that tests of the OS keychain run headless, against the real thing. A throwaway
# HOME keeps the test's keyring away from the user's.
set -euo pipefail
if [ -z "${DOSQL_IN_KEYRING_SESSION:-}" ]; then
    export DOSQL_IN_KEYRING_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
HOME=$(mktemp -d)
export HOME
trap 'rm -rf "$HOME"' EXIT
eval "$(printf 'test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null \
    | sed 's/^/export /')"
"$@"
