// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace steward {

// Everything that differs between the SQL databases Steward runs on lives behind this seam,
// so that repositories and services never ask which database they talk to. SQLite is the
// embedded default; PostgreSQL (for shared backends) adds a second implementation.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // The Qt SQL driver name ("QSQLITE", "QPSQL").
    [[nodiscard]] virtual QString driverName() const = 0;
    // The driver's connect options: how long to wait for another writer, and read-only or not.
    [[nodiscard]] virtual QString connectOptions(int busyTimeoutMs, bool readOnly) const = 0;
    // The Qt resource folder holding this dialect's numbered migration scripts.
    [[nodiscard]] virtual QString migrationDirectory() const = 0;
    // Statements run once on every new connection (pragmas, session settings).
    [[nodiscard]] virtual QStringList connectionSetup() const = 0;
    // Does the schema bookkeeping table exist? (Each database keeps its catalogue elsewhere.)
    [[nodiscard]] virtual QString schemaTableExistsQuery() const = 0;
    // Creates the schema bookkeeping table if it is missing.
    [[nodiscard]] virtual QString createSchemaTable() const = 0;
    // Feeds the full-text index with the events whose ids lie in [?, ?]; empty when the index
    // follows the table by itself.
    [[nodiscard]] virtual QString indexEventsForSearch() const = 0;
    // How many activity events to insert with one statement: many where every statement is a
    // network round trip, one where the database is in this process (SQLite measured slower
    // with multi-row inserts: bench_ingest).
    [[nodiscard]] virtual int eventsPerInsert() const = 0;
    // An expression giving a text column's stored UTF-8 bytes (read back as a QByteArray), so
    // that hashes are computed over exactly what is stored.
    [[nodiscard]] virtual QString utf8Bytes(const QString &column) const = 0;
    // Writes a consistent copy of the whole database into the new SQLite file named by the one
    // bound value; empty when the database cannot do that by itself.
    [[nodiscard]] virtual QString copyIntoFile() const = 0;
    // Starts a migration's transaction holding the database's write lock, so that two programs
    // opening an old store at once migrate it one after the other, never both.
    [[nodiscard]] virtual QStringList beginMigration() const = 0;
    // Starts a transaction that will write, holding the write lock from its first statement
    // where the database would otherwise take it only at the first write: a transaction that
    // reads, then writes, then finds another writer got in between would have to start again.
    [[nodiscard]] virtual QStringList beginWrite() const = 0;
    // Makes every later writer of stream rows wait until the caller's transaction ends, so that
    // stream sequence numbers become visible in the order they were handed out; empty when the
    // database lets only one writer in at a time anyway.
    [[nodiscard]] virtual QString lockStreamForAppend() const = 0;
    // Tells other connections, at commit, that the stream grew; the bound values are the
    // channel and the newest sequence number. Empty when the database cannot tell them.
    [[nodiscard]] virtual QString notifyStream() const = 0;
};

class SqliteDialect final : public SqlDialect
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
    [[nodiscard]] int eventsPerInsert() const override { return 1; }
    [[nodiscard]] QString lockStreamForAppend() const override;
    [[nodiscard]] QString notifyStream() const override;
};

} // namespace steward
