// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/principal.h"
#include "domain/result.h"
#include "storage/principalrepository.h"

namespace steward {

class Clock;
class OrgService;
class Store;

// Who may act: people and agent identities, the roles granted to them on subtrees (inherited
// by everything below), and their bearer tokens. Every change is audited like a tree edit;
// a token is shown once when created and only its SHA-256 is kept.
class AccessService final
{
public:
    AccessService(const Store &store, const Clock &clock, OrgService &org);

    struct IssuedToken
    {
        ApiToken token;
        QString secret; // the bearer token: shown once, never stored
    };

    [[nodiscard]] Result<Principal> addPrincipal(const QString &name, const QString &displayName, PrincipalKind kind,
                                                 const QString &actor, const QString &reason);
    // The agent role is only granted on agents, to agent identities.
    [[nodiscard]] Result<Grant> grant(const QString &principalName, Role role, const QString &nodePath,
                                      const QString &actor, const QString &reason);
    [[nodiscard]] Status revoke(const QString &principalName, Role role, const QString &nodePath, const QString &actor,
                                const QString &reason);
    [[nodiscard]] Result<IssuedToken> createToken(const QString &principalName, const QString &tokenName,
                                                  const QString &actor, const QString &reason);
    [[nodiscard]] Status revokeToken(const QString &principalName, const QString &tokenName, const QString &actor,
                                     const QString &reason);

    // The principal a bearer token belongs to; refused for unknown and revoked tokens.
    [[nodiscard]] Result<Principal> authenticate(const QString &secret);
    // Whether the principal holds `role` on the node or above it. Admin holds every role
    // except the agent role, which only agent identities hold.
    [[nodiscard]] Result<bool> holds(PrincipalId principalId, Role role, const OrgNode &node) const;

    [[nodiscard]] const PrincipalRepository &principals() const { return m_principals; }

    // SHA-256 (hex) of a bearer token: what the store keeps.
    [[nodiscard]] static QByteArray tokenHash(const QString &secret);

private:
    [[nodiscard]] Result<Principal> principalNamed(const QString &name) const;

    const Store &m_store;
    const Clock &m_clock;
    OrgService &m_org;
    PrincipalRepository m_principals;
};

} // namespace steward
