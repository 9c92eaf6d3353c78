// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/principal.h"
#include "domain/result.h"

#include <QDateTime>
#include <QList>

namespace steward {

class Store;

// People and agent identities, and the roles they hold on subtrees.
class PrincipalRepository final
{
public:
    explicit PrincipalRepository(const Store &store) : m_store(store) { }

    [[nodiscard]] Result<PrincipalId> insert(const Principal &principal, const QDateTime &createdAt);
    [[nodiscard]] Result<Principal> byName(const QString &name) const;
    [[nodiscard]] Result<Principal> byId(PrincipalId id) const;
    [[nodiscard]] Result<QList<Principal>> all() const;
    [[nodiscard]] Status grant(const Grant &grant);
    // Removes a grant; NotFound when there was none.
    [[nodiscard]] Status revokeGrant(const Grant &grant);
    // The principal's grants on live nodes with their paths, by path. Grants on archived nodes
    // are left out: a new node may take an archived node's path, and must not inherit its roles.
    [[nodiscard]] Result<QList<Grant>> grantsOf(PrincipalId principalId) const;

    [[nodiscard]] Result<qint64> insertToken(const ApiToken &token, const QByteArray &tokenHash);
    // The live token with this hash, if any.
    [[nodiscard]] Result<ApiToken> liveTokenByHash(const QByteArray &tokenHash) const;
    [[nodiscard]] Result<QList<ApiToken>> tokensOf(PrincipalId principalId) const;
    // Revokes the live token of that name; NotFound when there is none.
    [[nodiscard]] Status revokeToken(PrincipalId principalId, const QString &name, const QDateTime &at);
    [[nodiscard]] Status markTokenUsed(qint64 tokenId, const QDateTime &at);

private:
    const Store &m_store;
};

} // namespace steward
