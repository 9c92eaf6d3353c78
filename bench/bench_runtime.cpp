// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How many scheduled agents one stewardd sustains (issue 7's figure): AGENTS agents, each on a
// one-minute schedule ("* * * * *") with a command runner, served by a real stewardd on a fresh
// SQLite file for MINUTES minutes. Prints the start latency (the fire time to the run's start)
// p50/p95/max, stewardd's CPU seconds per minute (utime + stime from /proc/PID/stat over the
// measured minutes), and the runs that succeeded, failed, were skipped or never started.
//   bench_runtime [AGENTS] [MINUTES] [true|events] [MAX_CONCURRENT_RUNS]
// "true" runs /bin/true; "events" (the default) a shell script that reads the payload and
// writes three events.
#include "benchworkspace.h"
#include "domain/clock.h"
#include "serverprocess.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

#include <cstdio>

using namespace steward;
using namespace steward::bench;

namespace {

// utime + stime of the process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0.0;
    }
    const QByteArray line = stat.readAll();
    // The fields after the command name (which is in parentheses and may hold spaces).
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = static_cast<double>(fields.value(11).toLongLong() + fields.value(12).toLongLong());
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

void waitUntil(const QDateTime &time)
{
    while (QDateTime::currentDateTimeUtc() < time) {
        QThread::msleep(
            static_cast<unsigned long>(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(time), 1, 1000)));
    }
}

QDateTime nextMinute(const QDateTime &after)
{
    const QDateTime utc = after.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC).addSecs(60);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int agentCount = arguments.value(1, QStringLiteral("1000")).toInt();
    const int minutes = arguments.value(2, QStringLiteral("3")).toInt();
    const QString mode = arguments.value(3, QStringLiteral("events"));
    const QString maxConcurrent = arguments.value(4, QStringLiteral("32"));

    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("runtime.steward"));
    QString command = QStringLiteral("/bin/true");
    if (mode == QLatin1String("events")) {
        const QString script = dir.filePath(QStringLiteral("agent.sh"));
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(script));
            return 1;
        }
        file.write("read payload\n"
                   "echo '{\"kind\": \"step\", \"summary\": \"looked at the queue\"}'\n"
                   "echo '{\"kind\": \"decision\", \"summary\": \"nothing urgent\"}'\n"
                   "echo '{\"kind\": \"output\", \"summary\": \"all quiet\"}'\n");
        command = QStringLiteral("/bin/sh ") + script;
    }

    // The agents, written straight into the store before the server starts.
    {
        Result<std::unique_ptr<Store>> store = Store::create(location);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
            return 1;
        }
        SystemClock clock;
        OrgService org(*store.value(), clock);
        AgentService agents(*store.value(), clock, org);
        const auto company = org.createCompany(QStringLiteral("bench"), QStringLiteral("bench"), QStringLiteral("b"));
        if (!company) {
            std::fprintf(stderr, "%s\n", qPrintable(company.error().message));
            return 1;
        }
        const QString spec = QStringLiteral("model: m\ninstructions: |\n  Check the queue.\ncriticality: standard\n"
                                            "triggers:\n  - schedule * * * * *\nrunner: command %1\n")
                                 .arg(command);
        for (int i = 0; i < agentCount; ++i) {
            const auto agent =
                agents.createAgent({company->id, QStringLiteral("agent-%1").arg(i, 4, 10, QLatin1Char('0')),
                                    QStringLiteral("bench"), Visibility::Team, Criticality::Standard, spec},
                                   QStringLiteral("bench"), QStringLiteral("b"));
            if (!agent) {
                std::fprintf(stderr, "%s\n", qPrintable(agent.error().message));
                return 1;
            }
        }
    }

    test::ServerProcess server;
    if (!server.start(location, {QStringLiteral("--max-concurrent-runs"), maxConcurrent})) {
        std::fprintf(stderr, "%s\n", qPrintable(server.error()));
        return 1;
    }
    // Measured from the first whole minute after the server started until `minutes` later, so
    // that exactly `minutes` fires of every schedule fall inside.
    const QDateTime from = nextMinute(QDateTime::currentDateTimeUtc());
    const QDateTime to = from.addSecs(60 * minutes);
    std::printf("%d agents, %s, --max-concurrent-runs %s; measuring %s .. %s\n", agentCount, qPrintable(command),
                qPrintable(maxConcurrent), qPrintable(from.toString(Qt::ISODate)),
                qPrintable(to.toString(Qt::ISODate)));
    std::fflush(stdout);
    waitUntil(from.addMSecs(-500));
    const double cpuBefore = cpuSeconds(server.processId());
    waitUntil(to.addMSecs(-500));
    const double cpuAfter = cpuSeconds(server.processId());
    // The last fire's runs finish after it.
    QThread::sleep(30);
    server.stop();

    Result<std::unique_ptr<Store>> store = Store::open(location);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    QSqlQuery query(store.value()->database());
    query.prepare(QStringLiteral("SELECT q.state, q.not_before, r.started_at, r.status FROM run_requests q "
                                 "LEFT JOIN runs r ON r.id = q.run_id WHERE q.trigger = 'schedule' "
                                 "AND q.not_before >= ? AND q.not_before < ?"));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    if (!query.exec()) {
        std::fprintf(stderr, "cannot read the requests\n");
        return 1;
    }
    QList<double> latencies;
    int requests = 0;
    QHash<QString, int> states;
    QHash<QString, int> outcomes;
    while (query.next()) {
        ++requests;
        ++states[query.value(0).toString()];
        if (!query.value(2).isNull()) {
            latencies.append(static_cast<double>(query.value(2).toLongLong() - query.value(1).toLongLong()));
            ++outcomes[query.value(3).toString()];
        }
    }
    const int expected = agentCount * minutes;
    std::printf("fires expected %d, requests %d: started %d, skipped %d, refused %d, pending %d\n", expected, requests,
                states.value(QStringLiteral("started")), states.value(QStringLiteral("skipped")),
                states.value(QStringLiteral("refused")), states.value(QStringLiteral("pending")));
    std::printf("runs succeeded %d, failed %d, interrupted %d, running %d\n",
                outcomes.value(QStringLiteral("succeeded")), outcomes.value(QStringLiteral("failed")),
                outcomes.value(QStringLiteral("interrupted")), outcomes.value(QStringLiteral("running")));
    if (!latencies.isEmpty()) {
        QList<double> sorted = latencies;
        const double p50 = percentile(sorted, 50);
        const double p95 = percentile(sorted, 95);
        const double max = *std::max_element(latencies.cbegin(), latencies.cend());
        std::printf("start latency (fire -> run started): p50 %.0f ms, p95 %.0f ms, max %.0f ms\n", p50, p95, max);
    }
    std::printf("stewardd CPU: %.1f s over %d min = %.1f s per minute\n", cpuAfter - cpuBefore, minutes,
                (cpuAfter - cpuBefore) / minutes);
    return 0;
}
