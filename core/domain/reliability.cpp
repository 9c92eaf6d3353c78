// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliability.h"

#include <algorithm>

namespace steward {
namespace {

double ratio(qint64 part, qint64 whole)
{
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

} // namespace

void ReliabilityTotals::add(const ReliabilityTotals &other)
{
    events += other.events;
    runs += other.runs;
    finishedRuns += other.finishedRuns;
    failedRuns += other.failedRuns;
    errors += other.errors;
    outputs += other.outputs;
    tokensIn += other.tokensIn;
    tokensOut += other.tokensOut;
    cost += other.cost;
    approved += other.approved;
    rejected += other.rejected;
    edited += other.edited;
    latency.add(other.latency);
}

void ReliabilityTotals::subtract(const ReliabilityTotals &other)
{
    events -= other.events;
    runs -= other.runs;
    finishedRuns -= other.finishedRuns;
    failedRuns -= other.failedRuns;
    errors -= other.errors;
    outputs -= other.outputs;
    tokensIn -= other.tokensIn;
    tokensOut -= other.tokensOut;
    // Sums of doubles taken apart again may leave a rounding crumb below zero.
    cost = std::max(0.0, cost - other.cost);
    approved -= other.approved;
    rejected -= other.rejected;
    edited -= other.edited;
    latency.subtract(other.latency);
}

double ReliabilityTotals::errorRate() const
{
    return ratio(failedRuns, finishedRuns);
}

double ReliabilityTotals::approvalRate() const
{
    return ratio(approved, decisions());
}

double ReliabilityTotals::rejectionRate() const
{
    return ratio(rejected, decisions());
}

double ReliabilityTotals::editRate() const
{
    return ratio(edited, decisions());
}

double ReliabilityTotals::value(ReliabilityMeasure measure) const
{
    switch (measure) {
    case ReliabilityMeasure::Runs: return static_cast<double>(runs);
    case ReliabilityMeasure::FailedRuns: return static_cast<double>(failedRuns);
    case ReliabilityMeasure::ErrorRate: return errorRate();
    case ReliabilityMeasure::Errors: return static_cast<double>(errors);
    case ReliabilityMeasure::Decisions: return static_cast<double>(decisions());
    case ReliabilityMeasure::ApprovalRate: return approvalRate();
    case ReliabilityMeasure::RejectionRate: return rejectionRate();
    case ReliabilityMeasure::EditRate: return editRate();
    case ReliabilityMeasure::LatencyP50: return latency.percentileMs(0.50);
    case ReliabilityMeasure::LatencyP95: return latency.percentileMs(0.95);
    case ReliabilityMeasure::TokensIn: return static_cast<double>(tokensIn);
    case ReliabilityMeasure::TokensOut: return static_cast<double>(tokensOut);
    case ReliabilityMeasure::Cost: return cost;
    case ReliabilityMeasure::Events: return static_cast<double>(events);
    }
    return 0.0;
}

} // namespace steward
