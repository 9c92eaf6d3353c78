// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/reliability.h"
#include "domain/result.h"
#include "storage/reliabilityrepository.h"
#include "storage/treerepository.h"

#include <QDateTime>
#include <QList>

namespace steward {

class Store;
class VisibilityFilter;

// Reliability over time of an agent or a subtree, from the hourly rollups only: a series of
// hour, day or week buckets for charts, and a ranking of the agents below a node by any
// measure. A subtree means every live agent below the node that the asker may see: with a
// VisibilityFilter (the server, for a principal) hidden agents count for nothing, without one
// (the owner of a local file) every agent counts.
class ReliabilityService final
{
public:
    explicit ReliabilityService(const Store &store);

    // The most points one series may have (about two years of hours).
    static constexpr qsizetype MaxPoints = 20'000;

    [[nodiscard]] Result<ReliabilitySeries> series(NodeId nodeId, const ReliabilityQuery &query,
                                                   const VisibilityFilter *filter = nullptr) const;
    // Every agent below the node with its totals over [from, to), agents without activity
    // included, sorted by `sortBy` in `order`; ties are in path order.
    [[nodiscard]] Result<QList<AgentReliability>> ranking(NodeId nodeId, const QDateTime &from, const QDateTime &to,
                                                          ReliabilityMeasure sortBy, Qt::SortOrder order,
                                                          const VisibilityFilter *filter = nullptr) const;

private:
    // The live agents of the subtree at nodeId that the filter lets through, in path order.
    [[nodiscard]] Result<QList<OrgNode>> agentsBelow(NodeId nodeId, const VisibilityFilter *filter) const;
    // The totals of the buckets between `bounds` (UTC ms on whole hours, at least a day apart)
    // from the days' rollups and the hours at their edges.
    [[nodiscard]] Result<QList<ReliabilityTotals>> sumsFromDays(const QList<NodeId> &ids,
                                                                const QList<qint64> &bounds) const;

    TreeRepository m_tree;
    ReliabilityRepository m_rollups;
};

} // namespace steward
