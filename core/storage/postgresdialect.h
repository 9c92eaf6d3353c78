// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sqldialect.h"

namespace steward {

// PostgreSQL (15 and later) through Qt's QPSQL driver, for workspaces that several backend
// instances share. Its schema mirrors SQLite's version by version (migrations/postgresql);
// full-text search is a GIN expression index, so there is nothing to feed after an insert.
class PostgresDialect final : public SqlDialect
{
public:
    [[nodiscard]] QString driverName() const override;
    [[nodiscard]] QString connectOptions(int busyTimeoutMs, bool readOnly) const override;
    [[nodiscard]] QString migrationDirectory() const override;
    [[nodiscard]] QStringList connectionSetup() const override;
    [[nodiscard]] QString schemaTableExistsQuery() const override;
    [[nodiscard]] QString createSchemaTable() const override;
    [[nodiscard]] QString indexEventsForSearch() const override;
    [[nodiscard]] QString utf8Bytes(const QString &column) const override;
    [[nodiscard]] QString copyIntoFile() const override;
    [[nodiscard]] QStringList beginMigration() const override;
    [[nodiscard]] QStringList beginWrite() const override;
    [[nodiscard]] int eventsPerInsert() const override { return 100; }
    [[nodiscard]] QString lockStreamForAppend() const override;
    [[nodiscard]] QString notifyStream() const override;

    // How many tables the connection's schema holds (a database to create a workspace in
    // must hold none).
    [[nodiscard]] static QString tableCountQuery();
};

} // namespace steward
