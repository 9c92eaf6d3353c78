// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessservice.h"

#include "domain/clock.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace steward {
namespace {

constexpr int TokenBytes = 32;

Error invalid(const QString &message)
{
    return {Error::Code::Invalid, message};
}

// 32 bytes from the system's cryptographic generator, base64url, with a prefix that says
// what the secret is when it turns up in a log or a config file.
QString newSecret()
{
    QByteArray bytes(TokenBytes, '\0');
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QStringLiteral("stw_")
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

AccessService::AccessService(const Store &store, const Clock &clock, OrgService &org)
    : m_store(store), m_clock(clock), m_org(org), m_principals(store)
{
}

QByteArray AccessService::tokenHash(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

Result<Principal> AccessService::principalNamed(const QString &name) const
{
    return m_principals.byName(name);
}

Result<Principal> AccessService::addPrincipal(const QString &name, const QString &displayName, PrincipalKind kind,
                                              const QString &actor, const QString &reason)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    if (!pattern.match(name).hasMatch()) {
        return invalid(QCoreApplication::translate(
                           "steward::AccessService",
                           "\"%1\" is not a valid name: use lower-case letters, digits, '.', '-' and '_' (at most 64).")
                           .arg(name));
    }
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    if (principalNamed(name)) {
        return invalid(QCoreApplication::translate("steward::AccessService", "%1 already exists.").arg(name));
    }
    Principal principal;
    principal.name = name;
    principal.displayName = displayName.trimmed().isEmpty() ? name : displayName.trimmed();
    principal.kind = kind;
    const Result<PrincipalId> id = m_principals.insert(principal, m_clock.now());
    if (!id) {
        return id.error();
    }
    principal.id = id.value();
    if (const Status audited = m_org.recordAudit(
            actor, QStringLiteral("principal.add"), name,
            {{QStringLiteral("kind"), toText(kind)}, {QStringLiteral("displayName"), principal.displayName}}, reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return principal;
}

Result<Grant> AccessService::grant(const QString &principalName, Role role, const QString &nodePath,
                                   const QString &actor, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Principal> principal = principalNamed(principalName);
    if (!principal) {
        return principal.error();
    }
    const Result<OrgNode> node = m_org.tree().nodeByPath(nodePath);
    if (!node) {
        return node.error();
    }
    const bool agentRole = role == Role::Agent;
    if (agentRole != (principal->kind == PrincipalKind::Agent)) {
        return invalid(QCoreApplication::translate("steward::AccessService",
                                                   "The agent role is for agent identities, and agent identities hold "
                                                   "only the agent role."));
    }
    if (agentRole && node->kind != NodeKind::Agent) {
        return invalid(QCoreApplication::translate("steward::AccessService",
                                                   "An agent identity acts for one agent: grant it on an agent, not "
                                                   "on %1.")
                           .arg(node->path));
    }
    Grant granted{principal->id, role, node->id, node->path};
    const Result<QList<Grant>> existing = m_principals.grantsOf(principal->id);
    if (!existing) {
        return existing.error();
    }
    if (existing->contains(granted)) {
        return invalid(QCoreApplication::translate("steward::AccessService", "%1 is already %2 on %3.")
                           .arg(principalName, toText(role), node->path));
    }
    if (const Status stored = m_principals.grant(granted); !stored) {
        return stored.error();
    }
    if (const Status audited = m_org.recordAudit(
            actor, QStringLiteral("grant.add"), node->path,
            {{QStringLiteral("principal"), principalName}, {QStringLiteral("role"), toText(role)}}, reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return granted;
}

Status AccessService::revoke(const QString &principalName, Role role, const QString &nodePath, const QString &actor,
                             const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given;
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Principal> principal = principalNamed(principalName);
    if (!principal) {
        return principal.error();
    }
    const Result<OrgNode> node = m_org.tree().nodeByPath(nodePath);
    if (!node) {
        return node.error();
    }
    if (const Status removed = m_principals.revokeGrant({principal->id, role, node->id, node->path}); !removed) {
        return removed;
    }
    if (const Status audited = m_org.recordAudit(
            actor, QStringLiteral("grant.remove"), node->path,
            {{QStringLiteral("principal"), principalName}, {QStringLiteral("role"), toText(role)}}, reason);
        !audited) {
        return audited;
    }
    return transaction.commit();
}

Result<AccessService::IssuedToken> AccessService::createToken(const QString &principalName, const QString &tokenName,
                                                              const QString &actor, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    if (tokenName.trimmed().isEmpty() || tokenName.size() > 64) {
        return invalid(
            QCoreApplication::translate("steward::AccessService", "A token needs a name of 1 to 64 characters."));
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Principal> principal = principalNamed(principalName);
    if (!principal) {
        return principal.error();
    }
    const Result<QList<ApiToken>> tokens = m_principals.tokensOf(principal->id);
    if (!tokens) {
        return tokens.error();
    }
    for (const ApiToken &existing : tokens.value()) {
        if (existing.name == tokenName.trimmed() && !existing.revokedAt.isValid()) {
            return invalid(QCoreApplication::translate("steward::AccessService",
                                                       "%1 already has a live token called %2; revoke it first.")
                               .arg(principalName, existing.name));
        }
    }
    IssuedToken issued;
    issued.secret = newSecret();
    issued.token.principalId = principal->id;
    issued.token.name = tokenName.trimmed();
    issued.token.createdAt = m_clock.now();
    const Result<qint64> id = m_principals.insertToken(issued.token, tokenHash(issued.secret));
    if (!id) {
        return id.error();
    }
    issued.token.id = id.value();
    if (const Status audited = m_org.recordAudit(actor, QStringLiteral("token.create"), principalName,
                                                 {{QStringLiteral("token"), issued.token.name}}, reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return issued;
}

Status AccessService::revokeToken(const QString &principalName, const QString &tokenName, const QString &actor,
                                  const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given;
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Principal> principal = principalNamed(principalName);
    if (!principal) {
        return principal.error();
    }
    if (const Status revoked = m_principals.revokeToken(principal->id, tokenName, m_clock.now()); !revoked) {
        return revoked;
    }
    if (const Status audited = m_org.recordAudit(actor, QStringLiteral("token.revoke"), principalName,
                                                 {{QStringLiteral("token"), tokenName}}, reason);
        !audited) {
        return audited;
    }
    return transaction.commit();
}

Result<Principal> AccessService::authenticate(const QString &secret)
{
    const Result<ApiToken> token = m_principals.liveTokenByHash(tokenHash(secret));
    if (!token) {
        return token.error();
    }
    // "Last used" is for people deciding which tokens to revoke; a minute's precision is
    // plenty and spares the store a write on every request.
    const QDateTime now = m_clock.now();
    if (!token->lastUsedAt.isValid() || token->lastUsedAt.secsTo(now) >= 60) {
        if (const Status used = m_principals.markTokenUsed(token->id, now); !used) {
            return used.error();
        }
    }
    return m_principals.byId(token->principalId);
}

Result<bool> AccessService::holds(PrincipalId principalId, Role role, const OrgNode &node) const
{
    const Result<QList<Grant>> grants = m_principals.grantsOf(principalId);
    if (!grants) {
        return grants.error();
    }
    for (const Grant &grant : grants.value()) {
        const bool sameRole = grant.role == role || (grant.role == Role::Admin && role != Role::Agent);
        if (grant.covers(node.path) && sameRole) {
            return true;
        }
    }
    return false;
}

} // namespace steward
