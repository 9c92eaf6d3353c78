// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

namespace steward {

// Everything that differs between the SQL databases Steward runs on lives behind this seam,
// so that repositories and services never ask which database they talk to. SQLite is the
// embedded default; PostgreSQL (for shared backends) adds a second implementation.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // The Qt SQL driver name ("QSQLITE").
    [[nodiscard]] virtual QString driverName() const = 0;
    // The Qt resource folder holding this dialect's numbered migration scripts.
    [[nodiscard]] virtual QString migrationDirectory() const = 0;
    // Statements run once on every new connection (pragmas, session settings).
    [[nodiscard]] virtual QStringList connectionSetup() const = 0;
    // Does the schema bookkeeping table exist? (Each database keeps its catalogue elsewhere.)
    [[nodiscard]] virtual QString schemaTableExistsQuery() const = 0;
    // Feeds the full-text index with the events whose ids lie in [?, ?].
    [[nodiscard]] virtual QString indexEventsForSearch() const = 0;
};

class SqliteDialect final : public SqlDialect
{
public:
    [[nodiscard]] QString driverName() const override;
    [[nodiscard]] QString migrationDirectory() const override;
    [[nodiscard]] QStringList connectionSetup() const override;
    [[nodiscard]] QString schemaTableExistsQuery() const override;
    [[nodiscard]] QString indexEventsForSearch() const override;
};

} // namespace steward
