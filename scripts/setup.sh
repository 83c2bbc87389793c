#!/usr/bin/env bash
# Installs every Debian package DoSQL Studio needs to build, test and run. Idempotent: packages
# already present are skipped, so a second run costs one dpkg query.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    # Qt 6 (Charts needs the OpenGL dev package named explicitly on Debian 12)
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-websockets-dev
    qt6-httpserver-dev qt6-svg-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-qpa-plugins
    # embedded engine, SQL editor, keychain
    libsqlite3-dev sqlite3 libqscintilla2-qt6-dev qtkeychain-qt6-dev
    # the allocator every program links (cmake/StudioCompileOptions.cmake)
    libmimalloc-dev
    # headless GUI runs, screenshots, keychain tests
    xvfb xauth x11-utils imagemagick libgl1-mesa-dri fonts-dejavu-core libxkbcommon-dev
    libxkbcommon-x11-0 libxcb-cursor0 dbus dbus-x11 gnome-keyring libsecret-tools
    # TLS tests make their own CA and certificate
    openssl ca-certificates
    # python for the demo data generator
    python3
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
