// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "teststore.h"

#include "storage/storelocation.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace steward::test {
namespace {

Status runAdmin(const QString &statement)
{
    QSqlQuery query(QSqlDatabase::database(TestStore::adminConnectionName()));
    if (!query.exec(statement)) {
        return Error{Error::Code::StoreFailure, query.lastError().text()};
    }
    return Done{};
}

} // namespace

TestStore::Backend TestStore::backendOfThisRun()
{
    return qEnvironmentVariable("STEWARD_TEST_STORE") == QLatin1String("postgresql") ? Backend::Postgres
                                                                                     : Backend::Sqlite;
}

QString TestStore::serverUrl()
{
    return qEnvironmentVariable("STEWARD_TEST_PG_URL");
}

QString TestStore::skipReason(Backend backend)
{
    if (backend == Backend::Postgres && serverUrl().isEmpty()) {
        return QStringLiteral("STEWARD_TEST_PG_URL is not set: no PostgreSQL server to test against "
                              "(scripts/test.sh starts one)");
    }
    return {};
}

QString TestStore::adminConnectionName()
{
    const QString name = QStringLiteral("steward-test-admin");
    if (!QSqlDatabase::contains(name)) {
        const Result<StoreLocation> server = StoreLocation::parse(serverUrl());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (server) {
            db.setDatabaseName(server->databaseName);
            db.setHostName(server->hostName);
            db.setPort(server->port);
            db.setUserName(server->userName);
            db.setPassword(server->password);
        }
        db.open();
    }
    return name;
}

TestStore::TestStore(Backend backend)
{
    if (backend == Backend::Sqlite) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_location = m_dir->filePath(QStringLiteral("test.steward"));
        return;
    }
    if (const QString reason = skipReason(backend); !reason.isEmpty()) {
        m_error = Error{Error::Code::StoreMissing, reason};
        return;
    }
    // Database names cannot be bound; this one is made here of a fixed prefix and hex digits.
    m_database =
        QStringLiteral("steward_test_%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    if (const Status created = runAdmin(QStringLiteral("CREATE DATABASE %1").arg(m_database)); !created) {
        m_error = created.error();
        m_database.clear();
        return;
    }
    QUrl url(serverUrl());
    url.setPath(QLatin1Char('/') + m_database);
    m_location = url.toString();
}

TestStore::~TestStore()
{
    if (!m_database.isEmpty()) {
        if (const Status dropped = runAdmin(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_database));
            !dropped) {
            qWarning("could not drop the test database %s: %s", qPrintable(m_database),
                     qPrintable(dropped.error().message));
        }
    }
}

} // namespace steward::test
