// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

#include <QStringList>

namespace steward {

QString SqliteDialect::driverName() const
{
    return QStringLiteral("QSQLITE");
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

QString SqliteDialect::indexEventsForSearch() const
{
    return QStringLiteral("INSERT INTO activity_search(rowid, summary, detail, meta) "
                          "SELECT id, summary, detail, meta FROM activity_search_source WHERE id BETWEEN ? AND ?");
}

} // namespace steward
