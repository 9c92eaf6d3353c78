#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what building, running and testing Steward needs on Debian 12, as root.
# Idempotent: when every package is already installed it asks no registry and returns at once.
set -eu

packages="
  g++ cmake ninja-build ccache pkg-config git file dpkg-dev
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6sql6-psql
  qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
  qtkeychain-qt6-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
  libgl1-mesa-dev libxkbcommon-dev xvfb xauth gnome-keyring dbus-x11 imagemagick
  desktop-file-utils appstream libdtl-dev libsodium-dev postgresql-15 openssl zlib1g-dev
"

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        "install ok installed") ;;
        *) missing="$missing $package" ;;
    esac
done

if [ -z "$missing" ]; then
    echo "install-deps: everything is installed"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: run this as root (or install them with sudo apt-get install)" >&2
    exit 1
fi

echo "install-deps: installing$missing"
apt-get update -q
# shellcheck disable=SC2086 # the list is meant to split into words
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
