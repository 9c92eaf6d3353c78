// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "storage/sqldialect.h"
#include "storage/storelocation.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

namespace steward {

// A Steward workspace kept in one SQLite file or one PostgreSQL database: opening, creating and
// migrating it, and the connection every repository works through. Every function taking a
// location accepts a file path or a URL postgresql://user[:password]@host[:port]/database
// (see StoreLocation). One Store is used from the thread that opened it.
class Store final
{
public:
    struct Options
    {
        // How long a write waits for another program's write (or, on PostgreSQL, a row lock)
        // before giving up.
        int busyTimeoutMs = 5000;
    };

    // Opens an existing workspace and brings its schema up to date. A missing file, a file that
    // is not a Steward workspace, a damaged one, one written by a newer Steward, or one another
    // program holds locked is refused with a clear message, and the file is left as it was.
    // Likewise a database server that cannot be reached or refuses the login, an empty
    // database, and one holding other tables or a newer schema.
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(const QString &location, Options options);
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(const QString &location)
    {
        return open(location, Options{});
    }

    // Opens a workspace for reading only: nothing is migrated or written, not even the journal
    // mode, so the file's bytes stay as they are (an auditor's bundle must keep its hash).
    // The schema must be the one this build writes.
    [[nodiscard]] static Result<std::unique_ptr<Store>> openReadOnly(const QString &location);

    // Creates a new, empty workspace at the current schema. Refuses to overwrite a file, and on
    // PostgreSQL wants an existing database without tables.
    [[nodiscard]] static Result<std::unique_ptr<Store>> create(const QString &location, Options options);
    [[nodiscard]] static Result<std::unique_ptr<Store>> create(const QString &location)
    {
        return create(location, Options{});
    }

    // For tests of the migrations: creates a workspace at an older schema version.
    [[nodiscard]] static Result<std::unique_ptr<Store>> createAtVersion(const QString &location, int schemaVersion);

    ~Store();
    Q_DISABLE_COPY_MOVE(Store)

    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] const SqlDialect &dialect() const { return *m_dialect; }
    // The file's path, or the database's URL without its password.
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    // The id given to the workspace when it was created (kept in workspace_settings).
    [[nodiscard]] QString workspaceId() const;

    // Translates a database failure into an Error a user can act on.
    [[nodiscard]] static Error errorFrom(const QSqlError &error, const QString &doing);

private:
    Store(QString path, QString connectionName, std::unique_ptr<SqlDialect> dialect);
    [[nodiscard]] static Result<std::unique_ptr<Store>> connect(const StoreLocation &location, Options options,
                                                                bool readOnly);
    [[nodiscard]] static Result<std::unique_ptr<Store>> createEmpty(const QString &location, Options options);
    [[nodiscard]] static Result<std::unique_ptr<Store>> openChecked(const QString &location, Options options,
                                                                    bool readOnly);

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<SqlDialect> m_dialect;
    bool m_readOnly = false;
};

// Begins a transaction on construction and rolls it back on destruction unless committed, so
// that an early return never leaves half of a change behind.
class Transaction final
{
public:
    // Immediate waits for the write lock at the start (SqlDialect::beginWrite): every change
    // may meet another writer (a second stewardd, stewardctl beside the app), and on SQLite a
    // deferred transaction that read before another one committed fails at its first write
    // instead of waiting. Deferred is for transactions that only read.
    enum class Mode { Deferred, Immediate };

    explicit Transaction(const Store &store, Mode mode = Mode::Immediate);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] const Error &beginError() const { return m_beginError; }
    [[nodiscard]] Status commit();

private:
    QSqlDatabase m_database;
    bool m_active = false;
    bool m_committed = false;
    Error m_beginError;
};

} // namespace steward
