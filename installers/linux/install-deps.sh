#!/usr/bin/env bash
# Installs what LlamaGate needs on Debian 12 (run as root). With --test, also what its test suite needs.
set -euo pipefail

packages=(build-essential cmake ninja-build
          qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
          qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libssl-dev)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools procps)
    command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
