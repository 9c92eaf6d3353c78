// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/orgnode.h"
#include "domain/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace steward {

class Store;

// What OpenTelemetry ingest reads and keeps beside the activity log: which run each trace
// became per agent (otlp_trace_runs), the live agents a span may name by their node name, and a
// run's totals over its events.
class OtlpRepository final
{
public:
    explicit OtlpRepository(const Store &store) : m_store(store) { }

    // The run this agent's part of the trace became, if it has been recorded.
    [[nodiscard]] Result<std::optional<RunId>> runOfTrace(NodeId agentId, const QString &traceId) const;
    // Inside the caller's transaction.
    [[nodiscard]] Status recordTraceRun(NodeId agentId, const QString &traceId, RunId runId);
    // The live agents whose node name is `name`, in id order.
    [[nodiscard]] Result<QList<NodeId>> liveAgentsNamed(const QString &name) const;

    struct Totals
    {
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double cost = 0.0;
    };
    // The sums over the run's events, leaving out the event of one span.
    [[nodiscard]] Result<Totals> runTotals(RunId runId, const QString &exceptSpanId) const;

private:
    const Store &m_store;
};

} // namespace steward
