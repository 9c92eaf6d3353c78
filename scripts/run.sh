#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Steward (release build), creates the demo workspace if it
# is not there yet, and starts the desktop app on it. Without a display it runs the app
# under Xvfb and saves a screenshot instead.
set -eu
cd "$(dirname "$0")/.."
source_dir=$(pwd)

sh scripts/install-deps.sh

export CCACHE_BASEDIR="$source_dir"
cmake --preset release >/dev/null
cmake --build --preset release --target steward stewardctl

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/steward"
demo="$data_dir/demo.steward"
mkdir -p "$data_dir"
if [ ! -e "$demo" ]; then
    ./build/release/app/cli/stewardctl demo --out "$demo"
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec ./build/release/app/desktop/steward "$demo"
fi
echo "run: no display; starting Steward under Xvfb and saving a screenshot to $source_dir/steward-screenshot.png"
xvfb-run -a -s "-screen 0 1280x800x24" \
    ./build/release/app/desktop/steward "$demo" --grab "$source_dir/steward-screenshot.png"
