// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/execution.h"
#include "domain/result.h"

#include <QList>

namespace steward {

class Store;

// The executions table and the executor's view of approvals. Claims and outcomes are written
// inside the caller's write transaction: write transactions run one at a time per database
// (SqlDialect::beginWrite), so two executors never claim the same approval.
class ExecutionRepository final
{
public:
    explicit ExecutionRepository(const Store &store) : m_store(store) { }

    // Whether due() would find anything: a read that takes no write lock, so that an idle
    // executor polling the store never makes writers wait.
    [[nodiscard]] Result<bool> anyDue(const QDateTime &now) const;
    // Up to `limit` approved approvals with an action that are ready for an attempt: never
    // tried, a retry whose time has come, or a claim whose lease ran out. Oldest first.
    [[nodiscard]] Result<QList<ApprovalId>> due(const QDateTime &now, int limit) const;
    // Takes an approval from due() for one more attempt by `owner`, leased until `leaseUntil`.
    [[nodiscard]] Result<Execution> claim(ApprovalId id, const QString &owner, const QDateTime &now,
                                          const QDateTime &leaseUntil);
    // Records an attempt's outcome and gives up the lease, if `owner` still holds the claim it
    // made for attempt number `attempt`; false when another executor has taken it over since.
    [[nodiscard]] Result<bool> settle(const Execution &outcome, const QString &owner);
    // Ends execution: the approval goes from 'approved' to `state` (executed or failed); false
    // when it was no longer approved.
    [[nodiscard]] Result<bool> finishApproval(ApprovalId id, ApprovalState state);

    [[nodiscard]] Result<Execution> execution(ApprovalId id) const;
    [[nodiscard]] Result<ApprovedAction> approvedAction(ApprovalId id) const;

private:
    const Store &m_store;
};

} // namespace steward
