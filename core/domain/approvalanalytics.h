// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "orgnode.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace steward {

// How a set of approval decisions went: how many of each verdict, and how long the reviewers
// took, from the approval's creation to the decision.
struct DecisionStats
{
    qint64 decisions = 0;
    qint64 approvals = 0;
    qint64 rejections = 0;
    qint64 edits = 0;
    qint64 medianMs = 0; // time to decision; 0 without decisions
    qint64 p90Ms = 0;

    [[nodiscard]] double approvalRate() const { return rate(approvals); }
    [[nodiscard]] double rejectionRate() const { return rate(rejections); }
    [[nodiscard]] double editRate() const { return rate(edits); }

    // Decisions this fast and this uniform suggest a reviewer approves without reading: a
    // median under RubberStampMedianMs with at least RubberStampApprovalRate approvals.
    static constexpr qint64 RubberStampMedianMs = 10'000;
    static constexpr double RubberStampApprovalRate = 0.95;
    [[nodiscard]] bool looksRubberStamped() const
    {
        return decisions > 0 && medianMs < RubberStampMedianMs && approvalRate() >= RubberStampApprovalRate;
    }

    friend bool operator==(const DecisionStats &, const DecisionStats &) = default;

private:
    [[nodiscard]] double rate(qint64 count) const
    {
        return decisions > 0 ? static_cast<double>(count) / static_cast<double>(decisions) : 0.0;
    }
};

// One decision as analytics reads it.
struct DecisionSample
{
    QString verdict; // "approve", "reject", "edit"
    qint64 durationMs = 0; // decided_at - the approval's created_at
};

// The counts of the samples and the median and 90th percentile of their durations (linear
// interpolation between the closest ranks, so the median of two is their mean).
[[nodiscard]] DecisionStats decisionStatsOf(const QList<DecisionSample> &samples);

struct ReviewerAnalytics
{
    QString reviewer;
    DecisionStats stats;
};

struct AgentApprovalAnalytics
{
    NodeId agentId = NoNode;
    QString path;
    DecisionStats stats;
};

// Reviewer analytics of a node's subtree over [from, to) by the decisions' times: per
// reviewer (most decisions first, then by name), per agent (path order, agents with decisions
// only) and for the whole subtree. Only agents the asker may see count.
struct ApprovalAnalytics
{
    NodeId nodeId = NoNode;
    QDateTime from;
    QDateTime to;
    DecisionStats subtree;
    QList<ReviewerAnalytics> reviewers;
    QList<AgentApprovalAnalytics> agents;
};

} // namespace steward
