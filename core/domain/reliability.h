// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "latencyhistogram.h"
#include "orgnode.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace steward {

// What the hourly rollups add up to over some agents and hours: the measures of reliability.
// Runs count run.started events, finished and failed runs count run.finished events (failed:
// status "error"), decisions count reviewers' verdicts on the agents' approvals.
struct ReliabilityTotals
{
    qint64 events = 0;
    qint64 runs = 0;
    qint64 finishedRuns = 0;
    qint64 failedRuns = 0;
    qint64 errors = 0;
    qint64 outputs = 0;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double cost = 0.0; // US dollars
    qint64 approved = 0;
    qint64 rejected = 0;
    qint64 edited = 0;
    LatencyHistogram latency; // of finished runs

    void add(const ReliabilityTotals &other);
    // Takes away counts that `other` added before (a part of a sum that does not belong).
    void subtract(const ReliabilityTotals &other);
    [[nodiscard]] qint64 decisions() const { return approved + rejected + edited; }
    // Failed among finished runs; 0 without finished runs (and so for every rate below).
    [[nodiscard]] double errorRate() const;
    [[nodiscard]] double approvalRate() const;
    [[nodiscard]] double rejectionRate() const;
    [[nodiscard]] double editRate() const;
    // Any measure as a number, for sorting, charts and CSV.
    [[nodiscard]] double value(ReliabilityMeasure measure) const;

    friend bool operator==(const ReliabilityTotals &, const ReliabilityTotals &) = default;
};

// What a reliability series covers. Hours are UTC hours (the rollups' grain); days and weeks
// (starting on Monday) begin at midnight in `timeZone` (an IANA id; empty means UTC), taken to
// the hour: a zone whose offset is not whole hours has its days begin at the start of the UTC
// hour holding its midnight. `from` is moved back to the start of its bucket, `to` is exclusive.
struct ReliabilityQuery
{
    QDateTime from;
    QDateTime to;
    TimeBucket bucket = TimeBucket::Day;
    QByteArray timeZone;
};

// One bucket of a series.
struct ReliabilityPoint
{
    QDateTime start;
    QDateTime end; // exclusive
    ReliabilityTotals totals;
};

// The buckets of a node's agents (itself when it is an agent, else every live agent below it
// that the asker may see), every bucket of the range present, empty ones with zero totals.
struct ReliabilitySeries
{
    NodeId nodeId = NoNode;
    TimeBucket bucket = TimeBucket::Day;
    QByteArray timeZone;
    int agentCount = 0;
    QList<ReliabilityPoint> points;
};

// One agent's totals over a range, a row of the ranking.
struct AgentReliability
{
    NodeId agentId = NoNode;
    QString path;
    ReliabilityTotals totals;
};

} // namespace steward
