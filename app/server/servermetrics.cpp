// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servermetrics.h"

#include <QStringList>

#include <algorithm>

namespace steward {

namespace {

// Label values are our own route patterns and method names, but escape as the format asks.
QString label(QString value)
{
    return value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

void ServerMetrics::countRequest(const QString &method, const QString &route, int status, double seconds)
{
    ++m_requests[method + QLatin1Char('\n') + route + QLatin1Char('\n') + QString::number(status)];
    Latency &latency = m_latency[route];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++latency.buckets[i];
        }
    }
    ++latency.count;
    latency.sum += seconds;
}

QByteArray ServerMetrics::prometheusText() const
{
    QString text;
    text += QLatin1String("# HELP steward_http_requests_total HTTP requests answered, by method, route and status.\n"
                          "# TYPE steward_http_requests_total counter\n");
    QStringList keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys) {
        const QStringList parts = key.split(QLatin1Char('\n'));
        text += QStringLiteral("steward_http_requests_total{method=\"%1\",route=\"%2\",status=\"%3\"} %4\n")
                    .arg(label(parts.at(0)), label(parts.at(1)), parts.at(2))
                    .arg(m_requests.value(key));
    }

    text += QLatin1String("# HELP steward_http_request_duration_seconds Time from a complete request to its answer.\n"
                          "# TYPE steward_http_request_duration_seconds histogram\n");
    QStringList routes = m_latency.keys();
    std::sort(routes.begin(), routes.end());
    for (const QString &route : routes) {
        const Latency &latency = m_latency.value(route);
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            text += QStringLiteral("steward_http_request_duration_seconds_bucket{route=\"%1\",le=\"%2\"} %3\n")
                        .arg(label(route), number(kBuckets[i]))
                        .arg(latency.buckets[i]);
        }
        text += QStringLiteral("steward_http_request_duration_seconds_bucket{route=\"%1\",le=\"+Inf\"} %2\n"
                               "steward_http_request_duration_seconds_sum{route=\"%1\"} %3\n"
                               "steward_http_request_duration_seconds_count{route=\"%1\"} %2\n")
                    .arg(label(route))
                    .arg(latency.count)
                    .arg(number(latency.sum));
    }

    const auto gauge = [&text](const char *name, const char *help, const char *type, qint64 value) {
        text += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n%1 %4\n")
                    .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type))
                    .arg(value);
    };
    gauge("steward_ingested_events_total", "Activity events stored through the API.", "counter", m_ingestedEvents);
    gauge("steward_failed_authentications_total", "Requests refused for a missing, unknown or revoked token.",
          "counter", m_failedAuthentications);
    gauge("steward_rate_limited_total", "Requests refused because their address failed to authenticate too often.",
          "counter", m_rateLimited);
    gauge("steward_stream_clients", "Live-stream (WebSocket) clients connected.", "gauge",
          m_streamClients ? m_streamClients() : 0);
    gauge("steward_stream_queued_bytes", "Bytes of stream messages waiting to be sent to clients.", "gauge",
          m_streamQueued ? m_streamQueued() : 0);

    const ExecutionService::Counts executions = m_executionCounts ? m_executionCounts() : ExecutionService::Counts{};
    text += QStringLiteral("# HELP steward_executions_total Attempts at approved actions by this instance, by outcome "
                           "(retrying: failed and scheduled again).\n"
                           "# TYPE steward_executions_total counter\n"
                           "steward_executions_total{outcome=\"executed\"} %1\n"
                           "steward_executions_total{outcome=\"failed\"} %2\n"
                           "steward_executions_total{outcome=\"retrying\"} %3\n")
                .arg(executions.executed)
                .arg(executions.failed)
                .arg(executions.retrying);

    const RunDispatcher::Counts runs = m_runtimeCounts ? m_runtimeCounts() : RunDispatcher::Counts{};
    text += QStringLiteral("# HELP steward_runs_total Runs this instance's runtime started and ended, by outcome, and "
                           "run requests it skipped or refused.\n"
                           "# TYPE steward_runs_total counter\n"
                           "steward_runs_total{outcome=\"started\"} %1\n"
                           "steward_runs_total{outcome=\"succeeded\"} %2\n"
                           "steward_runs_total{outcome=\"failed\"} %3\n"
                           "steward_runs_total{outcome=\"interrupted\"} %4\n"
                           "steward_runs_total{outcome=\"skipped\"} %5\n"
                           "steward_runs_total{outcome=\"refused\"} %6\n"
                           "# HELP steward_runs_under_way Runs this instance's runtime has under way.\n"
                           "# TYPE steward_runs_under_way gauge\n"
                           "steward_runs_under_way %7\n")
                .arg(runs.started)
                .arg(runs.succeeded)
                .arg(runs.failed)
                .arg(runs.interrupted)
                .arg(runs.skipped)
                .arg(runs.refused)
                .arg(m_runsUnderWay ? m_runsUnderWay() : 0);
    text += QStringLiteral("# HELP steward_run_start_latency_seconds From a request's due time (a schedule's fire "
                           "time, an event's or Run now's arrival) to its run's start.\n"
                           "# TYPE steward_run_start_latency_seconds histogram\n");
    for (std::size_t i = 0; i < RunDispatcher::LatencyBuckets.size(); ++i) {
        text += QStringLiteral("steward_run_start_latency_seconds_bucket{le=\"%1\"} %2\n")
                    .arg(RunDispatcher::LatencyBuckets.at(i))
                    .arg(runs.startLatency.at(i));
    }
    text += QStringLiteral("steward_run_start_latency_seconds_bucket{le=\"+Inf\"} %1\n"
                           "steward_run_start_latency_seconds_sum %2\n"
                           "steward_run_start_latency_seconds_count %1\n")
                .arg(runs.startLatencyCount)
                .arg(runs.startLatencySum);
    return text.toUtf8();
}

} // namespace steward
