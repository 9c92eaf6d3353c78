// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/orgnode.h"
#include "domain/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace steward {

class Store;

// What OpenTelemetry ingest reads and keeps beside the activity log: which run each trace
// became per agent (otlp_trace_runs), the live agents a span may name by their node name, and
// the state of runs about to be finished. Lookups for a batch's many traces and runs are one
// statement per few hundred, not one each: on PostgreSQL every statement is round trips.
class OtlpRepository final
{
public:
    explicit OtlpRepository(const Store &store) : m_store(store) { }

    using TraceKey = std::pair<NodeId, QString>; // an agent and a trace id

    // The runs these agents' parts of these traces became, for those that have one.
    [[nodiscard]] Result<QHash<TraceKey, RunId>> runsOfTraces(const QList<TraceKey> &keys) const;
    // Inside the caller's transaction.
    [[nodiscard]] Status recordTraceRun(NodeId agentId, const QString &traceId, RunId runId);
    // The live agents whose node name is `name`, in id order.
    [[nodiscard]] Result<QList<NodeId>> liveAgentsNamed(const QString &name) const;

    struct RunState
    {
        RunStatus status = RunStatus::Running;
        // Sums over all the run's events.
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double cost = 0.0;
    };
    [[nodiscard]] Result<QHash<RunId, RunState>> runStates(const QList<RunId> &runIds) const;

private:
    const Store &m_store;
};

} // namespace steward
