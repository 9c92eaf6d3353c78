// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "orgnode.h"

#include <QDateTime>
#include <QString>

namespace steward {

using PrincipalId = qint64;

// A person or an agent identity that can act.
struct Principal
{
    PrincipalId id = 0;
    QString name; // login-style, e.g. "dana.kim"
    QString displayName;
    PrincipalKind kind = PrincipalKind::User;
};

// A role on a subtree, inherited by everything below it.
struct Grant
{
    PrincipalId principalId = 0;
    Role role = Role::Reviewer;
    NodeId nodeId = NoNode;
    QString nodePath; // filled in when read, for people and tables

    // The node itself and everything below it; the '/' keeps "/a/b" from covering "/a/bc".
    [[nodiscard]] bool covers(const QString &path) const
    {
        return path == nodePath || path.startsWith(nodePath + QLatin1Char('/'));
    }

    friend bool operator==(const Grant &a, const Grant &b)
    {
        return a.principalId == b.principalId && a.role == b.role && a.nodeId == b.nodeId;
    }
};

// A bearer token's record. The token itself is never stored, only its SHA-256.
struct ApiToken
{
    qint64 id = 0;
    PrincipalId principalId = 0;
    QString name;
    QDateTime createdAt;
    QDateTime revokedAt; // null while the token works
    QDateTime lastUsedAt;
};

} // namespace steward
