// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"
#include "domain/result.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace steward {

class Store;

// Proposals waiting for reviewers, and the decisions on them.
class ApprovalRepository final
{
public:
    explicit ApprovalRepository(const Store &store) : m_store(store) { }

    // A list as the store can filter it. `deciderPaths`, when given, keeps the approvals that
    // a reviewer with DecideApproval grants on those paths may decide now (see ApprovalService)
    // and has not approved at the current revision yet (`decider` names that reviewer).
    struct Query
    {
        std::optional<ApprovalState> state;
        NodeId agentId = NoNode;
        QString subtreePath; // empty for the whole tree
        QDateTime createdBefore;
        QDateTime createdAfter;
        QDateTime expiresBefore;
        ApprovalId beforeId = 0;
        int limit = 100;
        std::optional<QStringList> deciderPaths;
        // When set: leaves out what this person submitted, approved at the current revision, or
        // owns as a critical agent (the default policy keeps owners from approving those).
        QString decider;
        // When given: only agents at or below one of these paths.
        std::optional<QStringList> anySubtree;
    };

    // An approval row with what listing and deciding need of its agent.
    struct Row
    {
        Approval approval;
        Visibility visibility = Visibility::Public;
        Criticality criticality = Criticality::Standard;
        QString owner;
    };

    [[nodiscard]] Result<ApprovalId> insert(const Approval &approval);
    [[nodiscard]] Result<QList<Approval>> forAgent(NodeId agentId, ApprovalState state, int limit) const;
    [[nodiscard]] Result<qint64> countInState(ApprovalState state) const;

    [[nodiscard]] Result<Row> row(ApprovalId id) const;
    // Newest first (by id).
    [[nodiscard]] Result<QList<Row>> list(const Query &query) const;
    [[nodiscard]] Result<qint64> count(const Query &query) const;
    // Writes the changing columns: payload, state, revision, approved payload, reviewer node,
    // escalation and decision times.
    [[nodiscard]] Status update(const Approval &approval);
    // Pending approvals whose expiry or escalation time has come, oldest first.
    [[nodiscard]] Result<QList<ApprovalId>> due(const QDateTime &now) const;

    [[nodiscard]] Status insertDecision(const ApprovalDecision &decision);
    // Oldest first.
    [[nodiscard]] Result<QList<ApprovalDecision>> decisions(ApprovalId id) const;
    // Newest first, across the agent's approvals.
    [[nodiscard]] Result<QList<ApprovalDecision>> decisionsForAgent(NodeId agentId, int limit) const;

    // A decision as reviewer analytics reads it, with what visibility needs of its agent.
    struct DecisionTime
    {
        NodeId agentId = NoNode;
        QString agentPath;
        Visibility visibility = Visibility::Private;
        QString reviewer;
        QString verdict;
        qint64 createdAtMs = 0; // the approval's
        qint64 decidedAtMs = 0; // the decision's
    };
    // The decisions on approvals of agents at or below `subtreePath` decided in [fromMs, toMs).
    [[nodiscard]] Result<QList<DecisionTime>> decisionTimes(const QString &subtreePath, qint64 fromMs,
                                                            qint64 toMs) const;

private:
    const Store &m_store;
};

} // namespace steward
