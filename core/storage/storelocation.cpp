// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storelocation.h"

#include "storage/postgresdialect.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace steward {

Result<StoreLocation> StoreLocation::parse(const QString &location)
{
    StoreLocation result;
    if (!location.startsWith(QLatin1String("postgresql://")) && !location.startsWith(QLatin1String("postgres://"))) {
        result.shown = location;
        result.databaseName = location;
        return result;
    }
    // The URL itself is never quoted back: it may hold a password.
    const QUrl url(location, QUrl::StrictMode);
    const QString database = url.path(QUrl::FullyDecoded).mid(1);
    if (!url.isValid() || database.isEmpty() || database.contains(QLatin1Char('/'))) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::StoreLocation",
                                                 "The database address is not valid. Write it as "
                                                 "postgresql://user:password@host:port/database.")};
    }
    const QUrlQuery query(url);
    result.kind = Kind::Postgres;
    result.shown = url.toDisplayString(QUrl::RemovePassword);
    result.databaseName = database;
    result.hostName = query.hasQueryItem(QStringLiteral("host"))
        ? query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
        : url.host(QUrl::FullyDecoded);
    result.port = url.port(-1);
    result.userName = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    return result;
}

std::unique_ptr<SqlDialect> StoreLocation::dialect() const
{
    if (kind == Kind::Postgres) {
        return std::make_unique<PostgresDialect>();
    }
    return std::make_unique<SqliteDialect>();
}

} // namespace steward
