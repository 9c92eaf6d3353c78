// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace steward {

class SqlDialect;

// Brings a database's schema to a version by running the dialect's numbered scripts in order,
// each in its own transaction together with its row in schema_version. A failed script leaves
// the database at the previous version.
class Migrator final
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QStringList statements;
    };

    Migrator(QSqlDatabase database, const SqlDialect &dialect);

    // The scripts this build knows, in order. Their count is the current schema version.
    [[nodiscard]] static QList<Migration> migrations(const SqlDialect &dialect);
    [[nodiscard]] static int latestVersion(const SqlDialect &dialect);

    // The version recorded in the database; 0 for a new, empty one.
    [[nodiscard]] Result<int> currentVersion() const;
    [[nodiscard]] Status migrateTo(int targetVersion);

    // Splits a script into statements at lines ending in ';'. Comment lines are dropped.
    [[nodiscard]] static QStringList splitStatements(const QString &script);

private:
    [[nodiscard]] Status ensureVersionTable();

    QSqlDatabase m_database;
    const SqlDialect &m_dialect;
};

} // namespace steward
