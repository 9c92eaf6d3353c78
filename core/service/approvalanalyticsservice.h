// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approvalanalytics.h"
#include "domain/result.h"
#include "storage/approvalrepository.h"
#include "storage/treerepository.h"

#include <QDateTime>

namespace steward {

class Store;
class VisibilityFilter;

// Reviewer analytics: who decides the approvals of a subtree, how fast, and how (see
// ApprovalAnalytics). Reads the decisions of the range; the percentiles are computed here
// because the SQL dialects have no common percentile function. With a VisibilityFilter (the
// server, for a principal) decisions on agents the asker may not see count for nothing; without
// one (the owner of a local file) every decision counts.
class ApprovalAnalyticsService final
{
public:
    explicit ApprovalAnalyticsService(const Store &store);

    // The longest range asked for at once: a year of decisions.
    static constexpr qint64 MaxRangeDays = 366;

    [[nodiscard]] Result<ApprovalAnalytics> analytics(NodeId nodeId, const QDateTime &from, const QDateTime &to,
                                                      const VisibilityFilter *filter = nullptr) const;

private:
    TreeRepository m_tree;
    ApprovalRepository m_approvals;
};

} // namespace steward
