// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

namespace steward {

QString SqliteDialect::driverName() const
{
    return QStringLiteral("QSQLITE");
}

QString SqliteDialect::connectOptions(int busyTimeoutMs, bool readOnly) const
{
    return QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs)
        + (readOnly ? QStringLiteral(";QSQLITE_OPEN_READONLY") : QString());
}

QString SqliteDialect::migrationDirectory() const
{
    return QStringLiteral(":/steward/storage/migrations/sqlite");
}

QStringList SqliteDialect::connectionSetup() const
{
    // WAL lets readers (the app's views) run while the writer ingests; NORMAL durability is
    // what WAL is designed for (a power cut may lose the last commits, never corrupts);
    // foreign keys are off by default in SQLite and must be asked for on every connection.
    return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA temp_store=MEMORY")};
}

QString SqliteDialect::schemaTableExistsQuery() const
{
    return QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
}

QString SqliteDialect::createSchemaTable() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                          "version INTEGER NOT NULL PRIMARY KEY, "
                          "name TEXT NOT NULL, "
                          "applied_at INTEGER NOT NULL)");
}

QString SqliteDialect::indexEventsForSearch() const
{
    return QStringLiteral("INSERT INTO activity_search(rowid, summary, detail, meta) "
                          "SELECT id, summary, detail, meta FROM activity_search_source WHERE id BETWEEN ? AND ?");
}

QString SqliteDialect::utf8Bytes(const QString &column) const
{
    return QStringLiteral("CAST(%1 AS BLOB)").arg(column);
}

QString SqliteDialect::copyIntoFile() const
{
    return QStringLiteral("VACUUM INTO ?");
}

QStringList SqliteDialect::beginMigration() const
{
    // IMMEDIATE takes the write lock at once (waiting up to the busy timeout), where a plain
    // BEGIN would only take it at the first write, after the schema version was read.
    return {QStringLiteral("BEGIN IMMEDIATE")};
}

QStringList SqliteDialect::beginWrite() const
{
    // A deferred transaction that read before another connection committed cannot write at
    // all (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not wait out); IMMEDIATE waits
    // for the lock first and then reads what is current.
    return {QStringLiteral("BEGIN IMMEDIATE")};
}

QString SqliteDialect::lockStreamForAppend() const
{
    // One writer at a time holds the file's write lock until it commits: sequence numbers are
    // handed out and made visible in the same order already.
    return {};
}

QString SqliteDialect::notifyStream() const
{
    // SQLite cannot reach other connections; StreamListener polls instead.
    return {};
}

} // namespace steward
