#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds the test build (Debug with AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs every test: unit, model, GUI (offscreen), CLI and
# packaging checks, with a real secret service on a private D-Bus session.
set -eu
cd "$(dirname "$0")/.."
source_dir=$(pwd)

sh scripts/install-deps.sh

# ccache keys on paths; the base dir lets a fresh clone elsewhere reuse earlier builds.
export CCACHE_BASEDIR="$source_dir"
start=$(date +%s)
cmake --preset debug >/dev/null
cmake --build --preset debug
echo "test: built in $(( $(date +%s) - start )) s"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"

HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" \
    xvfb-run -a dbus-run-session -- sh scripts/with-keyring.sh \
    ctest --preset debug --parallel 2 --timeout 600
