// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Activity search latency (issue 5's figure, targets T4-T6): p50/p95 of ActivitySearch (parse,
// compile, run, read the page's events and agent paths) on a local store of N events, for a
// rare word (1 event in 100,000) and a common word (1 in 10), each alone and with an agent: or
// kind: filter, a phrase, a 3-letter prefix, the newest page and a deep keyset page.
//   bench_search FILE|postgresql://.../DATABASE N [cold]
// The store is made with N events when it does not open yet (no file; an empty PostgreSQL
// database), rows written with the repository's batch path, 10,000 to a transaction; else it is
// reused. "cold" drops the kernel's page
// cache before every query (needs root: sync; echo 3 > /proc/sys/vm/drop_caches) and reopens
// the store, so each query reads the file from disk.
#include "benchworkspace.h"
#include "query/activitysearch.h"
#include "storage/activityrepository.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cmath>
#include <cstdio>
#include <ctime>

#include <unistd.h>

using namespace steward;
using namespace steward::bench;

namespace {

constexpr int kAgents = 50;
constexpr int kBatch = 10'000;
constexpr int kRareEvery = 100'000;
constexpr int kCommonEvery = 10;
constexpr int kVocabulary = 30'000;
const QString kRare = QStringLiteral("zanzibar");
const QString kCommon = QStringLiteral("invoice");

// Made-up words from syllables, so that the index has a realistic vocabulary; picked with a
// Zipf-like skew (a few words everywhere, most words rare), as in real text.
class Words
{
public:
    Words()
    {
        static const char *syllables[] = {"ka",  "lo",  "mi",  "ne",  "ru",  "ta", "vo", "shi", "den", "mar",
                                          "pel", "qui", "sto", "bra", "gen", "ol", "ix", "um",  "tor", "fa"};
        QRandomGenerator random(7);
        for (int i = 0; i < kVocabulary; ++i) {
            QString word;
            const int length = 2 + static_cast<int>(random.bounded(3));
            for (int s = 0; s < length; ++s) {
                word += QLatin1String(syllables[random.bounded(20)]);
            }
            m_words.append(word);
        }
    }
    [[nodiscard]] const QString &pick(QRandomGenerator &random) const
    {
        const double u = random.generateDouble();
        const auto index = static_cast<qsizetype>(std::pow(static_cast<double>(kVocabulary), u)) - 1;
        return m_words.at(qBound<qsizetype>(0, index, m_words.size() - 1));
    }

private:
    QStringList m_words;
};

QString sentence(const Words &words, QRandomGenerator &random, int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i) {
        parts.append(words.pick(random));
    }
    return parts.join(QLatin1Char(' '));
}

bool generate(const QString &file, qint64 count)
{
    const BenchWorkspace workspace = createBenchWorkspace(file, kAgents);
    if (!workspace.error.isEmpty()) {
        std::fprintf(stderr, "workspace: %s\n", qPrintable(workspace.error));
        return false;
    }
    Result<std::unique_ptr<Store>> store = Store::open(file);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", qPrintable(store.error().message));
        return false;
    }
    ActivityRepository activity(*store.value());
    const Words words;
    QRandomGenerator random(42);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    const double msPerEvent = 30.0 * 24 * 3600 * 1000 / static_cast<double>(count);
    QElapsedTimer timer;
    timer.start();
    for (qint64 from = 0; from < count; from += kBatch) {
        QList<ActivityEvent> events;
        for (qint64 i = from; i < qMin(count, from + kBatch); ++i) {
            ActivityEvent event;
            event.time = start.addMSecs(static_cast<qint64>(static_cast<double>(i) * msPerEvent));
            event.agentId = workspace.agents.at(static_cast<qsizetype>(random.bounded(kAgents)));
            event.version = 1 + static_cast<int>(random.bounded(5));
            event.kind = i % 47 == 0 ? QStringLiteral("error")
                : i % 10 == 1        ? QStringLiteral("step")
                                     : QStringLiteral("output");
            event.status = event.kind == QLatin1String("error") ? QStringLiteral("error") : QStringLiteral("ok");
            QString summary = sentence(words, random, 6);
            if (i % kCommonEvery == 3) {
                summary += QLatin1Char(' ') + kCommon + QStringLiteral(" overdue");
            }
            if (i % kRareEvery == 77) {
                summary += QLatin1Char(' ') + kRare;
            }
            event.summary = summary;
            event.detail = sentence(words, random, 36);
            event.tokensIn = random.bounded(2000);
            event.tokensOut = random.bounded(500);
            event.cost = random.generateDouble() / 10;
            event.latencyMs = random.bounded(5000);
            events.append(event);
        }
        Transaction transaction(*store.value());
        const auto appended = activity.appendEvents(events);
        if (!appended || !transaction.commit()) {
            std::fprintf(stderr, "append failed: %s\n", appended ? "commit" : qPrintable(appended.error().message));
            return false;
        }
        if ((from / kBatch) % 50 == 0) {
            std::fprintf(stderr, "\r%lld events, %.0f/s   ", static_cast<long long>(from + kBatch),
                         static_cast<double>(from + kBatch) / (static_cast<double>(timer.elapsed()) / 1000.0));
        }
    }
    std::fprintf(stderr, "\nwrote %lld events in %.1f s\n", static_cast<long long>(count),
                 static_cast<double>(timer.elapsed()) / 1000.0);
    return true;
}

// This thread's CPU time: on a shared, busy machine the wall time also counts the time other
// programs had the CPU, the CPU time does not.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

bool dropPageCache()
{
    QFile control(QStringLiteral("/proc/sys/vm/drop_caches"));
    std::fflush(stdout);
    ::sync();
    return control.open(QIODevice::WriteOnly) && control.write("3\n") == 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: bench_search FILE N [cold]\n");
        return 2;
    }
    const QString file = arguments.at(1);
    const qint64 count = arguments.at(2).toLongLong();
    const bool cold = arguments.size() > 3 && arguments.at(3) == QLatin1String("cold");
    // A store that does not open yet (no file, an empty PostgreSQL database) is made first.
    if (!Store::open(file) && !generate(file, count)) {
        return 1;
    }
    if (cold && !dropPageCache()) {
        std::fprintf(stderr, "cannot drop the page cache (needs root)\n");
        return 1;
    }
    Result<std::unique_ptr<Store>> opened = Store::open(file);
    if (!opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<Store> store = std::move(opened).value();
    QSqlQuery ids(store->database());
    ids.exec(QStringLiteral("SELECT count(*), min(id), max(id) FROM activity_events"));
    ids.next();
    const qint64 stored = ids.value(0).toLongLong();
    const EventId middle = ids.value(1).toLongLong() / 2 + ids.value(2).toLongLong() / 2;
    QSqlQuery size(store->database());
    const bool sized = size.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && size.next();
    const qint64 bytes = sized ? size.value(0).toLongLong() : QFileInfo(file).size();
    std::printf("%s: %lld events, %.0f bytes per event (whole database), %s\n", qPrintable(file),
                static_cast<long long>(stored),
                static_cast<double>(bytes) / static_cast<double>(qMax<qint64>(stored, 1)),
                cold ? "cold (page cache dropped before every query)" : "warm");
    const QString agent = QStringLiteral(" agent:/bench/ops/crew/agent-7");
    const struct
    {
        const char *name;
        QString query;
        EventId before;
    } cases[] = {
        {"newest page (no query)", QString(), 0},
        {"deep keyset page (no query)", QString(), middle},
        {"rare word", kRare, 0},
        {"rare word + agent:", kRare + agent, 0},
        {"rare word + kind:", kRare + QStringLiteral(" kind:output"), 0},
        {"common word", kCommon, 0},
        {"common word + agent:", kCommon + agent, 0},
        {"common word + kind:error", kCommon + QStringLiteral(" kind:error"), 0},
        {"common word, deep page", kCommon, middle},
        {"common phrase", QStringLiteral("\"invoice overdue\""), 0},
        {"common word OR rare word", kCommon + QStringLiteral(" OR ") + kRare, 0},
        {"common word -kind:output", kCommon + QStringLiteral(" -kind:output"), 0},
        {"prefix inv*", QStringLiteral("inv*"), 0},
        {"prefix invoi*", QStringLiteral("invoi*"), 0},
        {"kind:error alone", QStringLiteral("kind:error"), 0},
        {"agent: alone", agent.trimmed(), 0},
        {"cost>0.09 (no index)", QStringLiteral("cost>0.099"), 0},
    };
    const int repeats = cold ? 5 : 30;
    std::printf("%-30s %9s %9s %11s %11s %6s\n", "query (limit 100)", "p50 ms", "p95 ms", "p50 cpu ms", "p95 cpu ms",
                "hits");
    for (const auto &c : cases) {
        QList<double> times;
        QList<double> cpuTimes;
        qsizetype hits = 0;
        for (int r = 0; r < repeats; ++r) {
            if (cold) {
                store.reset();
                dropPageCache();
                store = std::move(Store::open(file)).value();
            }
            const double cpuStart = threadCpuMs();
            QElapsedTimer timer;
            timer.start();
            const Result<ActivityPage> page =
                ActivitySearch(*store).search(c.query, c.before, 100, QDateTime::currentDateTimeUtc(), nullptr);
            times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            cpuTimes.append(threadCpuMs() - cpuStart);
            if (!page) {
                std::fprintf(stderr, "%s: %s\n", c.name, qPrintable(page.error().message));
                return 1;
            }
            hits = page->hits.size();
        }
        const double p50 = percentile(times, 50);
        const double p95 = percentile(times, 95);
        std::printf("%-30s %9.2f %9.2f %11.2f %11.2f %6lld\n", c.name, p50, p95, percentile(cpuTimes, 50),
                    percentile(cpuTimes, 95), static_cast<long long>(hits));
    }
    return 0;
}
