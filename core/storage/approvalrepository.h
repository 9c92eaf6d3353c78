// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"
#include "domain/result.h"

#include <QList>

namespace steward {

class Store;

// Proposals waiting for reviewers, and the decisions on them.
class ApprovalRepository final
{
public:
    explicit ApprovalRepository(const Store &store) : m_store(store) { }

    [[nodiscard]] Result<ApprovalId> insert(const Approval &approval);
    [[nodiscard]] Result<QList<Approval>> forAgent(NodeId agentId, ApprovalState state, int limit) const;
    [[nodiscard]] Result<qint64> countInState(ApprovalState state) const;

private:
    const Store &m_store;
};

} // namespace steward
