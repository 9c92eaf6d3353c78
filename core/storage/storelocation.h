// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "storage/sqldialect.h"

#include <QString>

#include <memory>

namespace steward {

// Where a workspace lives: an SQLite file (a path) or a PostgreSQL database, named by a URL
// postgresql://user[:password]@host[:port]/database (or postgres://; a unix socket directory
// is given as ?host=/path). The password is kept for connecting and never shown.
struct StoreLocation
{
    enum class Kind { SqliteFile, Postgres };

    Kind kind = Kind::SqliteFile;
    // What messages and logs call the workspace: the path, or the URL without its password.
    QString shown;
    // The SQLite file's path, or the PostgreSQL database's name.
    QString databaseName;
    QString hostName;
    int port = -1;
    QString userName;
    QString password;

    // Reads a path or a database URL. A URL that names no database is refused.
    [[nodiscard]] static Result<StoreLocation> parse(const QString &location);
    [[nodiscard]] std::unique_ptr<SqlDialect> dialect() const;
};

} // namespace steward
