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

// The one principal the prepared query finds, or NotFound with `missing`.
Result<Principal> onePrincipal(QSqlQuery &query, const QString &missing)
{
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "reading people"));
    }
    if (!query.next()) {
        return Error{Error::Code::NotFound, missing};
    }
    return principalFrom(query);
}

ApiToken tokenFrom(const QSqlQuery &query)
{
    const auto time = [](const QVariant &value) {
        return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
    };
    ApiToken token;
    token.id = query.value(0).toLongLong();
    token.principalId = query.value(1).toLongLong();
    token.name = query.value(2).toString();
    token.createdAt = time(query.value(3));
    token.revokedAt = time(query.value(4));
    token.lastUsedAt = time(query.value(5));
    return token;
}

const QString tokenColumns = QStringLiteral("id, principal_id, name, created_at, revoked_at, last_used_at");

} // namespace

Result<PrincipalId> PrincipalRepository::insert(const Principal &principal, const QDateTime &createdAt)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "INSERT INTO principals(name, display_name, kind, created_at) VALUES (?, ?, ?, ?) RETURNING id"));
    query.addBindValue(principal.name);
    query.addBindValue(principal.displayName);
    query.addBindValue(toText(principal.kind));
    query.addBindValue(createdAt.toMSecsSinceEpoch());
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "adding a person"));
    }
    return query.value(0).toLongLong();
}

Result<Principal> PrincipalRepository::byName(const QString &name) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, name, display_name, kind FROM principals WHERE name = ?"));
    query.addBindValue(name);
    return onePrincipal(
        query, QCoreApplication::translate("steward::PrincipalRepository", "There is nobody called %1.").arg(name));
}

Result<Principal> PrincipalRepository::byId(PrincipalId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, name, display_name, kind FROM principals WHERE id = ?"));
    query.addBindValue(id);
    return onePrincipal(
        query, QCoreApplication::translate("steward::PrincipalRepository", "There is nobody with id %1.").arg(id));
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

Status PrincipalRepository::revokeGrant(const Grant &grant)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("DELETE FROM grants WHERE principal_id = ? AND role = ? AND node_id = ?"));
    query.addBindValue(grant.principalId);
    query.addBindValue(toText(grant.role));
    query.addBindValue(grant.nodeId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "revoking a role"));
    }
    if (query.numRowsAffected() == 0) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::PrincipalRepository", "There is no such grant to revoke.")};
    }
    return Done{};
}

Result<QList<Grant>> PrincipalRepository::grantsOf(PrincipalId principalId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT g.principal_id, g.role, g.node_id, n.path FROM grants g "
                                 "JOIN nodes n ON n.id = g.node_id WHERE g.principal_id = ? AND n.archived_at IS NULL "
                                 "ORDER BY n.path, g.role"));
    query.addBindValue(principalId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "reading roles"));
    }
    QList<Grant> grants;
    while (query.next()) {
        Grant grant;
        grant.principalId = query.value(0).toLongLong();
        grant.role = parseEnum<Role>(query.value(1).toString()).value_or(Role::Reviewer);
        grant.nodeId = query.value(2).toLongLong();
        grant.nodePath = query.value(3).toString();
        grants.append(grant);
    }
    return grants;
}

Result<qint64> PrincipalRepository::insertToken(const ApiToken &token, const QByteArray &tokenHash)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "INSERT INTO api_tokens(principal_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id"));
    query.addBindValue(token.principalId);
    query.addBindValue(token.name);
    query.addBindValue(QString::fromLatin1(tokenHash));
    query.addBindValue(token.createdAt.toMSecsSinceEpoch());
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "creating a token"));
    }
    return query.value(0).toLongLong();
}

Result<ApiToken> PrincipalRepository::liveTokenByHash(const QByteArray &tokenHash) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + tokenColumns
                  + QStringLiteral(" FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    query.addBindValue(QString::fromLatin1(tokenHash));
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "checking a token"));
    }
    if (!query.next()) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate("steward::PrincipalRepository", "The token is unknown or revoked.")};
    }
    return tokenFrom(query);
}

Result<QList<ApiToken>> PrincipalRepository::tokensOf(PrincipalId principalId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + tokenColumns
                  + QStringLiteral(" FROM api_tokens WHERE principal_id = ? ORDER BY created_at, id"));
    query.addBindValue(principalId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "reading tokens"));
    }
    QList<ApiToken> tokens;
    while (query.next()) {
        tokens.append(tokenFrom(query));
    }
    return tokens;
}

Status PrincipalRepository::revokeToken(PrincipalId principalId, const QString &name, const QDateTime &at)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE principal_id = ? AND name = ? "
                                 "AND revoked_at IS NULL"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(principalId);
    query.addBindValue(name);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "revoking a token"));
    }
    if (query.numRowsAffected() == 0) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::PrincipalRepository", "There is no live token called %1.").arg(name)};
    }
    return Done{};
}

Status PrincipalRepository::markTokenUsed(qint64 tokenId, const QDateTime &at)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(tokenId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::PrincipalRepository", "recording a token's use"));
    }
    return Done{};
}

} // namespace steward
