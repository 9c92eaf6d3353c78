// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/reliability.h"
#include "domain/result.h"

#include <QJsonObject>
#include <QJsonValue>

// The JSON of reliability over time (GET /api/v1/nodes/{id}/reliability and .../agents), with
// the conventions of jsoncodec.h. Totals carry their counts and the latency histogram (an array
// of LatencyHistogram::BucketCount counts), which a reader needs to add them up, and, for
// readers that only display, the rates and percentiles computed from them (errorRate,
// approvalRate, rejectionRate, editRate, latencyP50Ms, latencyP95Ms); readers ignore those.
namespace steward {

[[nodiscard]] QJsonObject toJson(const ReliabilityTotals &totals);
// {nodeId, bucket, timeZone, agentCount, points: [{start, end, ...totals}]}
[[nodiscard]] QJsonObject toJson(const ReliabilitySeries &series);
// {agentId, path, ...totals}
[[nodiscard]] QJsonObject toJson(const AgentReliability &agent);

[[nodiscard]] Result<ReliabilitySeries> reliabilitySeriesFromJson(const QJsonValue &value);
[[nodiscard]] Result<AgentReliability> agentReliabilityFromJson(const QJsonValue &value, const QString &path);

} // namespace steward
