// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalanalyticsservice.h"

#include "service/authorizer.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <algorithm>

namespace steward {

ApprovalAnalyticsService::ApprovalAnalyticsService(const Store &store) : m_tree(store), m_approvals(store) { }

Result<ApprovalAnalytics> ApprovalAnalyticsService::analytics(NodeId nodeId, const QDateTime &from, const QDateTime &to,
                                                              const VisibilityFilter *filter) const
{
    if (!from.isValid() || !to.isValid() || from >= to) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ApprovalAnalyticsService", "the range must end after it starts")};
    }
    if (from.daysTo(to) > MaxRangeDays) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ApprovalAnalyticsService", "the range may span at most %1 days")
                .arg(MaxRangeDays)};
    }
    const Result<OrgNode> node = m_tree.node(nodeId);
    if (!node) {
        return node.error();
    }
    const Result<QList<ApprovalRepository::DecisionTime>> times =
        m_approvals.decisionTimes(node->path, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
    if (!times) {
        return times.error();
    }
    QList<DecisionSample> all;
    // Keyed by name and by path, so both lists come out in that order.
    QMap<QString, QList<DecisionSample>> byReviewer;
    QMap<QString, std::pair<NodeId, QList<DecisionSample>>> byAgent;
    for (const ApprovalRepository::DecisionTime &time : times.value()) {
        if (filter != nullptr && !filter->canSee(NodeKind::Agent, time.agentPath, time.visibility)) {
            continue;
        }
        const DecisionSample sample{time.verdict, std::max<qint64>(0, time.decidedAtMs - time.createdAtMs)};
        all.append(sample);
        byReviewer[time.reviewer].append(sample);
        auto &agent = byAgent[time.agentPath];
        agent.first = time.agentId;
        agent.second.append(sample);
    }
    ApprovalAnalytics analytics;
    analytics.nodeId = nodeId;
    analytics.from = from.toUTC();
    analytics.to = to.toUTC();
    analytics.subtree = decisionStatsOf(all);
    for (auto it = byReviewer.cbegin(); it != byReviewer.cend(); ++it) {
        analytics.reviewers.append({it.key(), decisionStatsOf(it.value())});
    }
    std::stable_sort(
        analytics.reviewers.begin(), analytics.reviewers.end(),
        [](const ReviewerAnalytics &a, const ReviewerAnalytics &b) { return a.stats.decisions > b.stats.decisions; });
    for (auto it = byAgent.cbegin(); it != byAgent.cend(); ++it) {
        analytics.agents.append({it.value().first, it.key(), decisionStatsOf(it.value().second)});
    }
    return analytics;
}

} // namespace steward
