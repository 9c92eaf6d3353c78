#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds the test build (Debug with AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs every test: unit, model, GUI (offscreen), CLI and
# packaging checks, with a real secret service on a private D-Bus session, and the store tests
# on SQLite and on a throwaway PostgreSQL cluster.
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
pgdir=$(mktemp -d)
pg_bin=/usr/lib/postgresql/15/bin

# Runs a command as the owner of the PostgreSQL cluster (user postgres when we are root).
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$1"
    else
        sh -c "$1"
    fi
}

cleanup() {
    if [ -f "$pgdir/data/postmaster.pid" ]; then
        as_postgres "$pg_bin/pg_ctl -D '$pgdir/data' -m immediate stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$scratch" "$pgdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"

# A throwaway PostgreSQL cluster for the db-pg tests (tests/support/teststore.h): logins over
# TCP are trusted, except steward_password_check's, whose wrong password a test expects refused.
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$pgdir"
fi
as_postgres "$pg_bin/initdb -D '$pgdir/data' -U postgres -A trust --no-sync -E UTF8 >/dev/null"
cat >"$pgdir/data/pg_hba.conf" <<'EOF_HBA'
local all all trust
host all steward_password_check 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
EOF_HBA
pg_port=55432
until as_postgres "$pg_bin/pg_ctl -D '$pgdir/data' -l '$pgdir/log' -w \
        -o '-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null; do
    pg_port=$((pg_port + 1))
    if [ "$pg_port" -gt 55532 ]; then
        echo "test: no free port for PostgreSQL" >&2
        exit 1
    fi
done
export STEWARD_TEST_PG_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"
echo "test: PostgreSQL on port $pg_port"

HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" \
    xvfb-run -a dbus-run-session -- sh scripts/with-keyring.sh \
    ctest --preset debug --parallel 2 --timeout 600
