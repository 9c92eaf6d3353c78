// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"
#include "domain/orgnode.h"
#include "domain/result.h"

#include <QDateTime>

#include <optional>

namespace steward {

class Store;

// The approval policies set on nodes (approval_policies).
class ApprovalPolicyRepository final
{
public:
    explicit ApprovalPolicyRepository(const Store &store) : m_store(store) { }

    struct Stored
    {
        NodeId nodeId = NoNode;
        QString nodePath;
        ApprovalPolicy policy;
    };

    // The policy set on the live node nearest to `path` on the way up (the node itself first),
    // if any.
    [[nodiscard]] Result<std::optional<Stored>> nearest(const QString &path) const;
    [[nodiscard]] Status set(NodeId nodeId, const ApprovalPolicy &policy, const QDateTime &at, const QString &by);
    // Removes the node's own policy; false when it had none.
    [[nodiscard]] Result<bool> remove(NodeId nodeId);

private:
    const Store &m_store;
};

} // namespace steward
