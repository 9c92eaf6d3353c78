// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/reliability.h"
#include "domain/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <utility>

namespace steward {

class Store;

// Reads the hourly rollups (activity_rollup_hourly) that ActivityRepository keeps at ingest,
// summed over agents and hours, and counts approval decisions into them. Nothing here reads
// the events: a dashboard's cost grows with agents × hours, never with history.
class ReliabilityRepository final
{
public:
    explicit ReliabilityRepository(const Store &store) : m_store(store) { }

    // The histogram's columns, latency_b00 .. latency_b31, in bucket order.
    [[nodiscard]] static const QStringList &latencyColumns();

    // Counts a reviewer's verdict ("approve", "reject" or "edit") on one of the agent's
    // approvals in the hour of `time`, inside the caller's transaction. Whoever stores an
    // approval decision calls this in the same transaction.
    [[nodiscard]] Status recordDecisionInRollup(NodeId agentId, const QDateTime &time, const QString &verdict);

    // The agents' rollups of the hours in [fromMs, toMs), summed over the agents: one entry per
    // hour that has any, oldest first.
    [[nodiscard]] Result<QList<std::pair<qint64, ReliabilityTotals>>> hourlyTotals(const QList<NodeId> &agentIds,
                                                                                   qint64 fromMs, qint64 toMs) const;
    // The same hours summed per agent; agents without rollups there are absent.
    [[nodiscard]] Result<QHash<NodeId, ReliabilityTotals>> agentTotals(const QList<NodeId> &agentIds, qint64 fromMs,
                                                                       qint64 toMs) const;

private:
    // Runs `SELECT key, sums FROM rollups WHERE agents and hours GROUP BY key` for each chunk
    // of agents and hands every row's key and totals to `take`.
    template<typename Take>
    [[nodiscard]] Status sumBy(const QString &key, const QList<NodeId> &agentIds, qint64 fromMs, qint64 toMs,
                               Take take) const;

    const Store &m_store;
};

} // namespace steward
