// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalanalytics.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace steward {
namespace {

// The value at fraction `p` of the sorted durations, between the two nearest ranks.
qint64 percentile(const QList<qint64> &sorted, double p)
{
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<qsizetype>(std::floor(position));
    const qsizetype above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - static_cast<double>(below);
    return std::llround(static_cast<double>(sorted.at(below)) * (1.0 - weight)
                        + static_cast<double>(sorted.at(above)) * weight);
}

} // namespace

DecisionStats decisionStatsOf(const QList<DecisionSample> &samples)
{
    DecisionStats stats;
    QList<qint64> durations;
    durations.reserve(samples.size());
    for (const DecisionSample &sample : samples) {
        ++stats.decisions;
        if (sample.verdict == QLatin1String("approve")) {
            ++stats.approvals;
        } else if (sample.verdict == QLatin1String("reject")) {
            ++stats.rejections;
        } else if (sample.verdict == QLatin1String("edit")) {
            ++stats.edits;
        }
        durations.append(sample.durationMs);
    }
    if (!durations.isEmpty()) {
        std::sort(durations.begin(), durations.end());
        stats.medianMs = percentile(durations, 0.5);
        stats.p90Ms = percentile(durations, 0.9);
    }
    return stats;
}

} // namespace steward
