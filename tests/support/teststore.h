// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "storage/store.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace steward::test {

// Where a test's workspace lives. A test executable registered with POSTGRES runs twice: as
// itself on a fresh SQLite file, and as its "_pg" twin (STEWARD_TEST_STORE=postgresql) on a
// fresh database, steward_test_<random>, created on the server STEWARD_TEST_PG_URL names and
// dropped again when the TestStore goes.
class TestStore final
{
public:
    enum class Backend { Sqlite, Postgres };

    // The backend of this run: PostgreSQL when STEWARD_TEST_STORE is "postgresql".
    [[nodiscard]] static Backend backendOfThisRun();
    // The server URL from STEWARD_TEST_PG_URL, or empty.
    [[nodiscard]] static QString serverUrl();
    // Why a test on the backend cannot have its store (no server configured), or empty.
    [[nodiscard]] static QString skipReason(Backend backend = backendOfThisRun());

    explicit TestStore(Backend backend = backendOfThisRun());
    ~TestStore();
    Q_DISABLE_COPY_MOVE(TestStore)

    // Did making the fresh location work? (error() says why not.)
    [[nodiscard]] bool isValid() const { return m_error.message.isEmpty(); }
    [[nodiscard]] const Error &error() const { return m_error; }

    // The fresh file path or database URL, for Store::create, createAtVersion and open.
    [[nodiscard]] QString location() const { return m_location; }
    [[nodiscard]] Result<std::unique_ptr<Store>> create() const { return Store::create(m_location); }

    // A plain connection to the server's maintenance database (PostgreSQL only).
    [[nodiscard]] static QString adminConnectionName();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database;
    QString m_location;
    Error m_error;
};

} // namespace steward::test
