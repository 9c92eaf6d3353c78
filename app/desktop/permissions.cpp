// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "permissions.h"

#include <algorithm>

namespace steward {

bool Permissions::allows(Action action, const QString &path) const
{
    if (!m_grants) {
        return true;
    }
    return std::any_of(m_grants->cbegin(), m_grants->cend(), [action, &path](const Grant &grant) {
        return grant.covers(path) && Authorizer::roleAllows(grant.role, action);
    });
}

} // namespace steward
