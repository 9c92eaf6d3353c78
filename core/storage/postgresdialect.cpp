// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresdialect.h"

namespace steward {

QString PostgresDialect::driverName() const
{
    return QStringLiteral("QPSQL");
}

QString PostgresDialect::connectOptions(int busyTimeoutMs, bool readOnly) const
{
    // A server that does not answer is given up on after ten seconds; a row another backend
    // holds locked is waited for as long as SQLite waits for a busy file; notices (such as
    // "schema_version already exists, skipping") stay on the server.
    return QStringLiteral("connect_timeout=10;application_name=steward;"
                          "options='-c lock_timeout=%1 -c client_min_messages=warning%2'")
        .arg(busyTimeoutMs)
        .arg(readOnly ? QStringLiteral(" -c default_transaction_read_only=on") : QString());
}

QString PostgresDialect::migrationDirectory() const
{
    return QStringLiteral(":/steward/storage/migrations/postgresql");
}

QStringList PostgresDialect::connectionSetup() const
{
    // Session settings travel in the connect options; foreign keys and durability need no asking.
    return {};
}

QString PostgresDialect::schemaTableExistsQuery() const
{
    return QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                          "WHERE schemaname = current_schema() AND tablename = 'schema_version'");
}

QString PostgresDialect::createSchemaTable() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                          "version BIGINT NOT NULL PRIMARY KEY, "
                          "name TEXT NOT NULL, "
                          "applied_at BIGINT NOT NULL)");
}

QString PostgresDialect::indexEventsForSearch() const
{
    // activity_events_search is an expression index: PostgreSQL keeps it with every insert.
    return {};
}

QString PostgresDialect::utf8Bytes(const QString &column) const
{
    return QStringLiteral("convert_to(%1, 'UTF8')").arg(column);
}

QString PostgresDialect::copyIntoFile() const
{
    return {};
}

QString PostgresDialect::tableCountQuery()
{
    return QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
}

QStringList PostgresDialect::beginMigration() const
{
    // A transaction-scoped advisory lock that every Steward process migrating this database
    // takes: DDL alone would not stop two of them from running the same script. The key is
    // "stwd" in ASCII.
    return {QStringLiteral("BEGIN"), QStringLiteral("SELECT pg_advisory_xact_lock(1937012580)")};
}

QStringList PostgresDialect::beginWrite() const
{
    // The services check, then write (a stale base version, a proposal still pending, a free
    // name); under READ COMMITTED two backends could both pass the check and both write. One
    // write transaction at a time per database, as SQLite's write lock gives, keeps every check
    // true until its commit. Readers never wait for it. The key is "stww" in ASCII.
    return {QStringLiteral("BEGIN"), QStringLiteral("SELECT pg_advisory_xact_lock(1937012599)")};
}

QString PostgresDialect::lockStreamForAppend() const
{
    // Identity values are handed out at insert but become visible at commit, so without this a
    // transaction that took 11 could commit before the one that took 10, and a client reading
    // "everything after 11" would never see 10. Holding this transaction-scoped lock from the
    // first stream row to the commit makes commit order the sequence order. The key is "stws"
    // in ASCII (the migration lock is "stwd").
    return QStringLiteral("SELECT pg_advisory_xact_lock(1937012595)");
}

QString PostgresDialect::notifyStream() const
{
    // pg_notify rather than NOTIFY, which takes no bound values; delivered at commit, and not at
    // all if the transaction rolls back.
    return QStringLiteral("SELECT pg_notify(?, ?)");
}

} // namespace steward
