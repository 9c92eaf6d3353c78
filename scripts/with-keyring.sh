#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command with an unlocked gnome-keyring secret service on the current D-Bus session, so
# that QtKeychain talks to a real secret store. Use inside dbus-run-session with a throwaway HOME:
#   HOME=$(mktemp -d) dbus-run-session -- sh scripts/with-keyring.sh COMMAND...
# gnome-keyring-daemon returns before it owns org.freedesktop.secrets; asking earlier would
# D-Bus-activate a second daemon that prompts, so wait for the name.
set -eu
echo steward-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ]; then
        echo "with-keyring: the secret service did not come up" >&2
        exit 1
    fi
    sleep 0.1
done
exec "$@"
