// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "orgnode.h"

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
};

} // namespace steward
