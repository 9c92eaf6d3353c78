// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A reliability dashboard tile (target T7: every tile at most 100 ms at 10M events): the
// 30-day daily series of a subtree of 200 agents and the ranking of those agents, through
// ReliabilityService as the app and the server call it. The rollup rows are written directly,
// as ingest would have left them for EVENTS events: every agent active every hour with six
// events an hour (a run every ten minutes), so the history is EVENTS / (200 × 6) hours long.
// The tile's cost depends on agents × hours in its range, not on the length of the history;
// the two sizes show that.
//   bench_reliability [EVENTS] [STORE_FILE_OR_URL]
#include "benchworkspace.h"
#include "domain/latencyhistogram.h"
#include "service/reliabilityservice.h"
#include "storage/reliabilityrepository.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QVariant>

#include <cstdio>

using namespace steward;

namespace {

constexpr int Agents = 200;
constexpr int EventsPerAgentHour = 6;
constexpr qint64 MsPerHour = 3600 * 1000;
constexpr int Repeats = 20;

bool fillRollups(const Store &store, const QList<NodeId> &agents, qint64 firstHour, qint64 hours)
{
    QStringList columns{QStringLiteral("agent_id"),
                        QStringLiteral("hour"),
                        QStringLiteral("events"),
                        QStringLiteral("runs_started"),
                        QStringLiteral("runs_failed"),
                        QStringLiteral("errors"),
                        QStringLiteral("outputs"),
                        QStringLiteral("tokens_in"),
                        QStringLiteral("tokens_out"),
                        QStringLiteral("cost"),
                        QStringLiteral("latency_sum_ms"),
                        QStringLiteral("latency_count"),
                        QStringLiteral("decisions_approved"),
                        QStringLiteral("decisions_rejected"),
                        QStringLiteral("latency_b12"),
                        QStringLiteral("latency_b15")};
    const QString statement = QStringLiteral("INSERT INTO activity_rollup_hourly(%1) VALUES (%2)")
                                  .arg(columns.join(QLatin1Char(',')),
                                       QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')));
    for (qint64 hour = 0; hour < hours;) {
        Transaction transaction(store);
        QSqlQuery insert(store.database());
        insert.prepare(statement);
        for (int chunk = 0; chunk < 200 && hour < hours; ++chunk, ++hour) {
            for (qsizetype a = 0; a < agents.size(); ++a) {
                const qint64 seed = hour * 7919 + a;
                const int failed = seed % 13 == 0 ? 1 : 0;
                const QVariantList values{agents.at(a),
                                          firstHour + hour * MsPerHour,
                                          EventsPerAgentHour,
                                          1,
                                          failed,
                                          failed,
                                          2,
                                          900 + seed % 200,
                                          300 + seed % 90,
                                          0.004 * (1 + seed % 5),
                                          1000 + seed % 3000,
                                          1,
                                          seed % 3 == 0 ? 1 : 0,
                                          seed % 17 == 0 ? 1 : 0,
                                          failed == 1 ? 0 : 1,
                                          failed};
                for (int i = 0; i < values.size(); ++i) {
                    insert.bindValue(i, values.at(i));
                }
                if (!insert.exec()) {
                    std::fprintf(stderr, "%s\n", qPrintable(insert.lastError().text()));
                    return false;
                }
            }
        }
        if (!transaction.commit()) {
            return false;
        }
    }
    // The days' rows, as ingest keeps them beside the hours'.
    QStringList sums{QStringLiteral("events"),
                     QStringLiteral("runs_started"),
                     QStringLiteral("runs_failed"),
                     QStringLiteral("errors"),
                     QStringLiteral("outputs"),
                     QStringLiteral("tokens_in"),
                     QStringLiteral("tokens_out"),
                     QStringLiteral("cost"),
                     QStringLiteral("latency_sum_ms"),
                     QStringLiteral("latency_count"),
                     QStringLiteral("decisions_approved"),
                     QStringLiteral("decisions_rejected"),
                     QStringLiteral("decisions_edited")};
    sums += ReliabilityRepository::latencyColumns();
    QStringList summed;
    for (const QString &column : sums) {
        summed.append(QStringLiteral("sum(%1)").arg(column));
    }
    QSqlQuery days(store.database());
    if (!days.exec(QStringLiteral("INSERT INTO activity_rollup_daily(agent_id, day, %1) SELECT agent_id, "
                                  "hour / 86400000 * 86400000, %2 FROM activity_rollup_hourly "
                                  "GROUP BY agent_id, hour / 86400000 * 86400000")
                       .arg(sums.join(QLatin1Char(',')), summed.join(QLatin1Char(','))))) {
        std::fprintf(stderr, "%s\n", qPrintable(days.lastError().text()));
        return false;
    }
    return true;
}

template<typename Call> void measure(const char *name, Call call)
{
    QList<double> ms;
    for (int i = 0; i < Repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!call()) {
            std::fprintf(stderr, "%s failed\n", name);
            return;
        }
        ms.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    const double first = ms.constFirst();
    std::printf("%-28s first %7.1f ms   p50 %7.1f ms   p95 %7.1f ms\n", name, first, bench::percentile(ms, 50),
                bench::percentile(ms, 95));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 events = args.size() > 1 ? args.at(1).toLongLong() : 1'000'000;
    const QTemporaryDir dir;
    const QString location = args.size() > 2 ? args.at(2) : dir.filePath(QStringLiteral("reliability.steward"));
    const qint64 hours = events / (Agents * EventsPerAgentHour);

    const bench::BenchWorkspace workspace = bench::createBenchWorkspace(location, Agents);
    if (!workspace.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error));
        return 1;
    }
    auto opened = Store::open(location);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<Store> filled = std::move(opened).value();
    const Store &store = *filled;
    // The history ends at the start of the current hour.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / MsPerHour * MsPerHour;
    QElapsedTimer filling;
    filling.start();
    if (!fillRollups(store, workspace.agents, now - hours * MsPerHour, hours)) {
        return 1;
    }
    std::printf("%lld events' worth: %lld rollup rows (%d agents x %lld hours) written in %.1f s\n",
                static_cast<long long>(events), static_cast<long long>(hours * Agents), Agents,
                static_cast<long long>(hours), static_cast<double>(filling.elapsed()) / 1000.0);
    {
        QSqlQuery analyze(store.database());
        analyze.exec(QStringLiteral("ANALYZE"));
    }

    // A fresh connection, as the app has after opening the workspace.
    filled.reset();
    auto reopened = Store::open(location);
    if (!reopened) {
        return 1;
    }
    const ReliabilityService service(*reopened.value());
    const TreeRepository tree(*reopened.value());
    const NodeId crew = tree.nodeByPath(QStringLiteral("/bench/ops/crew")).value().id;
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc());
    const QDateTime from = to.addDays(-30);
    measure("series, 30 days by UTC day", [&] { return service.series(crew, {from, to, TimeBucket::Day, {}}).ok(); });
    measure("series, 30 days by Berlin day", [&] {
        return service.series(crew, {from, to, TimeBucket::Day, QByteArray("Europe/Berlin")}).ok();
    });
    measure("series, 12 weeks by UTC week", [&] {
        return service.series(crew, {to.addDays(-84), to, TimeBucket::Week, {}}).ok();
    });
    measure("series, 7 days by hour", [&] {
        return service.series(crew, {to.addDays(-7), to, TimeBucket::Hour, {}}).ok();
    });
    measure("ranking, 30 days by p95",
            [&] { return service.ranking(crew, from, to, ReliabilityMeasure::LatencyP95, Qt::DescendingOrder).ok(); });
    measure("series of one agent, 90 d", [&] {
        return service.series(workspace.agents.constFirst(), {to.addDays(-90), to, TimeBucket::Day, {}}).ok();
    });
    return 0;
}
