// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approvalanalytics.h"
#include "domain/result.h"

#include <QJsonObject>
#include <QJsonValue>

// The JSON of reviewer analytics (GET /api/v1/nodes/{id}/approval-analytics), with the
// conventions of jsoncodec.h: {nodeId, from, to, subtree, reviewers: [{reviewer, ...stats}],
// agents: [{agentId, path, ...stats}]}, where stats are {decisions, approvals, rejections, edits,
// medianMs, p90Ms} and, for readers that only display, approvalRate, rejectionRate, editRate and
// rubberStamping (readers ignore those and compute them again).
namespace steward {

[[nodiscard]] QJsonObject toJson(const DecisionStats &stats);
[[nodiscard]] QJsonObject toJson(const ApprovalAnalytics &analytics);
[[nodiscard]] Result<ApprovalAnalytics> approvalAnalyticsFromJson(const QJsonValue &value);

} // namespace steward
