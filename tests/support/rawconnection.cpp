// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawconnection.h"

#include "storage/storelocation.h"

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace steward::test {

RawConnection::RawConnection(const QString &location)
{
    static std::atomic<int> count{0};
    m_name = QStringLiteral("raw-%1").arg(++count);
    const Result<StoreLocation> where = StoreLocation::parse(location);
    const bool postgres = where && where->kind == StoreLocation::Kind::Postgres;
    QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
    if (postgres) {
        db.setDatabaseName(where->databaseName);
        db.setHostName(where->hostName);
        db.setPort(where->port);
        db.setUserName(where->userName);
    } else {
        db.setDatabaseName(location);
    }
    db.open();
}

RawConnection::~RawConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool RawConnection::exec(const QString &statement)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(statement)) {
        qWarning() << statement << query.lastError().text();
        return false;
    }
    return true;
}

QVariant RawConnection::scalar(const QString &statement)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(statement) || !query.next()) {
        return {};
    }
    return query.value(0);
}

} // namespace steward::test
