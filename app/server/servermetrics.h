// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "execution/executionservice.h"
#include "runtime/rundispatcher.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <array>
#include <functional>

namespace steward {

// What stewardd counts, served as Prometheus text at /metrics: requests by route and status,
// request latency as a histogram per route, events ingested (Prometheus derives the rate),
// failed logins, live-stream clients and the bytes queued for them, approved actions executed,
// failed and retried. Routes are counted by
// their pattern (/api/v1/agents/{id}), never by the raw path, so the label set stays small.
class ServerMetrics final
{
public:
    void countRequest(const QString &method, const QString &route, int status, double seconds);
    void countIngested(qint64 events) { m_ingestedEvents += events; }
    void countFailedAuthentication() { ++m_failedAuthentications; }
    void countRateLimited() { ++m_rateLimited; }

    // Read when /metrics is asked for: the live stream reports its own figures.
    void setStreamGauges(std::function<qint64()> clients, std::function<qint64()> queuedBytes)
    {
        m_streamClients = std::move(clients);
        m_streamQueued = std::move(queuedBytes);
    }

    // Read when /metrics is asked for: the executor's outcomes so far (none while it is off).
    void setExecutionCounts(std::function<ExecutionService::Counts()> counts) { m_executionCounts = std::move(counts); }

    // Read when /metrics is asked for: the runtime's runs and how fast they started (none while
    // it is off).
    void setRuntimeCounts(std::function<RunDispatcher::Counts()> counts, std::function<qint64()> underWay)
    {
        m_runtimeCounts = std::move(counts);
        m_runsUnderWay = std::move(underWay);
    }

    [[nodiscard]] QByteArray prometheusText() const;

private:
    static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0};

    struct Latency
    {
        std::array<qint64, kBuckets.size()> buckets{};
        qint64 count = 0;
        double sum = 0.0;
    };

    QHash<QString, qint64> m_requests; // "method\nroute\nstatus"
    QHash<QString, Latency> m_latency; // by route
    qint64 m_ingestedEvents = 0;
    qint64 m_failedAuthentications = 0;
    qint64 m_rateLimited = 0;
    std::function<qint64()> m_streamClients;
    std::function<qint64()> m_streamQueued;
    std::function<ExecutionService::Counts()> m_executionCounts;
    std::function<RunDispatcher::Counts()> m_runtimeCounts;
    std::function<qint64()> m_runsUnderWay;
};

} // namespace steward
