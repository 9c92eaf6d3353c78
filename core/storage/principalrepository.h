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
    [[nodiscard]] Result<QList<Principal>> all() const;
    [[nodiscard]] Status grant(const Grant &grant);

private:
    const Store &m_store;
};

} // namespace steward
