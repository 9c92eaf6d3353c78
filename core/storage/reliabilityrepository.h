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

#include <optional>
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
    // approvals in the hour and the UTC day of `time`, inside the caller's transaction. Whoever stores an
    // approval decision calls this in the same transaction.
    [[nodiscard]] Status recordDecisionInRollup(NodeId agentId, const QDateTime &time, const QString &verdict);

    // Which rollups to read: the hours' rows (activity_rollup_hourly) or the UTC days' rows
    // (activity_rollup_daily), which hold the same counts 24 to a row.
    enum class Grain { Hour, Day };

    // The agents' rollup rows starting in [fromMs, toMs), summed over the agents: one entry per
    // hour or day that has any, by its start, oldest first.
    [[nodiscard]] Result<QList<std::pair<qint64, ReliabilityTotals>>>
    totalsByTime(Grain grain, const QList<NodeId> &agentIds, qint64 fromMs, qint64 toMs) const;
    // The hours' rows in [fromMs, toMs) whose time of day (UTC, in ms after midnight) is in
    // [dayFromMs, dayToMs), summed over the agents per hour: the edges of days in a time zone.
    [[nodiscard]] Result<QList<std::pair<qint64, ReliabilityTotals>>>
    hoursOfDay(const QList<NodeId> &agentIds, qint64 fromMs, qint64 toMs, qint64 dayFromMs, qint64 dayToMs) const;
    // The same rows summed per agent; agents without rows there are absent.
    [[nodiscard]] Result<QHash<NodeId, ReliabilityTotals>> totalsByAgent(Grain grain, const QList<NodeId> &agentIds,
                                                                         qint64 fromMs, qint64 toMs) const;

private:
    // Runs `SELECT key, sums FROM rollups WHERE agents and times GROUP BY key` for each chunk
    // of agents and hands every row's key and totals to `take`; the key is the agent or the time.
    template<typename Take>
    [[nodiscard]] Status sumBy(Grain grain, bool byAgent, const QList<NodeId> &agentIds, qint64 fromMs, qint64 toMs,
                               const std::optional<std::pair<qint64, qint64>> &timeOfDay, Take take) const;

    const Store &m_store;
};

} // namespace steward
