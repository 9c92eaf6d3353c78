// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "principalrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

Principal principalFrom(const QSqlQuery &query)
{
    Principal principal;
    principal.id = query.value(0).toLongLong();
    principal.name = query.value(1).toString();
    principal.displayName = query.value(2).toString();
    principal.kind = parseEnum<PrincipalKind>(query.value(3).toString()).value_or(PrincipalKind::User);
    return principal;
}

} // namespace

Result<PrincipalId> PrincipalRepository::insert(const Principal &principal, const QDateTime &createdAt)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO principals(name, display_name, kind, created_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(principal.name);
    query.addBindValue(principal.displayName);
    query.addBindValue(toText(principal.kind));
    query.addBindValue(createdAt.toMSecsSinceEpoch());
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "adding a person"));
    }
    return query.lastInsertId().toLongLong();
}

Result<Principal> PrincipalRepository::byName(const QString &name) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, name, display_name, kind FROM principals WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "reading people"));
    }
    if (!query.next()) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::PrincipalRepository", "There is nobody called %1.").arg(name)};
    }
    return principalFrom(query);
}

Result<QList<Principal>> PrincipalRepository::all() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT id, name, display_name, kind FROM principals ORDER BY name"))) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "reading people"));
    }
    QList<Principal> principals;
    while (query.next()) {
        principals.append(principalFrom(query));
    }
    return principals;
}

Status PrincipalRepository::grant(const Grant &grant)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("INSERT INTO grants(principal_id, role, node_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    query.addBindValue(grant.principalId);
    query.addBindValue(toText(grant.role));
    query.addBindValue(grant.nodeId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "granting a role"));
    }
    return Done{};
}

} // namespace steward
