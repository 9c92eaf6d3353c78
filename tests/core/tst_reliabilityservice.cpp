// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reliability over time from the hourly rollups: known events and decisions give exact hour,
// day and week buckets (in UTC and in a time zone), rates, percentiles within the histogram's
// resolution, subtree sums, the ranking's order, visibility, and the migration's backfill of a
// store written before the rollups had histograms and decisions.
#include "domain/clock.h"
#include "domain/latencyhistogram.h"
#include "service/agentservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "service/reliabilityservice.h"
#include "storage/activityrepository.h"
#include "storage/migrator.h"
#include "storage/reliabilityrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace steward;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

// The exact percentile of a list: the value of rank ceil(p * n).
qint64 exactPercentile(QList<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p * static_cast<double>(values.size())));
    return values.at(std::max<qsizetype>(rank, 1) - 1);
}

} // namespace

class TestReliabilityService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void histogram_percentileFallsInTheExactPercentilesBucket_data();
    void histogram_percentileFallsInTheExactPercentilesBucket();
    void series_hasExactBuckets_data();
    void series_hasExactBuckets();
    void series_daysInATimeZoneBeginAtLocalMidnight();
    void series_fromDaysEqualsTheSumOfItsHours_data();
    void series_fromDaysEqualsTheSumOfItsHours();
    void series_ratesAndPercentiles();
    void series_ofAGroupSumsItsAgents();
    void series_countsOnlyVisibleAgents();
    void series_refusesBadRangesAndZones();
    void ranking_sortsByAnyMeasure_data();
    void ranking_sortsByAnyMeasure();
    void ranking_overPartialDaysCountsExactly();
    void recordDecisionInRollup_refusesAnUnknownVerdict();
    void migration_backfillsHistogramsAndDecisions();

private:
    [[nodiscard]] Result<std::unique_ptr<Store>> makeStore(int schemaVersion);
    void setUpTree(Store &store);
    void append(NodeId agent, const QString &kind, const QDateTime &time, const QString &status = QStringLiteral("ok"),
                qint64 latencyMs = 0, qint64 tokens = 0, double cost = 0.0);
    void decide(NodeId agent, const QDateTime &time, const QString &verdict);
    // A run of an agent: started, finished `minutes` later with the latency and status.
    void run(NodeId agent, const QDateTime &start, qint64 latencyMs, const QString &status = QStringLiteral("ok"));
    void seed();

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    NodeId m_company = NoNode;
    NodeId m_sales = NoNode;
    NodeId m_mailer = NoNode; // /acme/sales/mailer, public
    NodeId m_triage = NoNode; // /acme/sales/triage, private
    NodeId m_cron = NoNode; // /acme/ops/cron, public
    QString m_triagePath;
};

Result<std::unique_ptr<Store>> TestReliabilityService::makeStore(int schemaVersion)
{
    m_where = std::make_unique<test::TestStore>();
    if (!m_where->isValid()) {
        return m_where->error();
    }
    return schemaVersion == 0 ? m_where->create() : Store::createAtVersion(m_where->location(), schemaVersion);
}

void TestReliabilityService::setUpTree(Store &store)
{
    const ManualClock clock(utc(5, 1, 8));
    OrgService org(store, clock);
    AgentService agents(store, clock, org);
    const auto acme = org.createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    const auto sales = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), QStringLiteral("ops"),
                                       QStringLiteral("setup"));
    const auto ops = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("ops"), QStringLiteral("ops"),
                                     QStringLiteral("setup"));
    QVERIFY(sales.ok() && ops.ok());
    const auto make = [&](NodeId parent, const QString &name, Visibility visibility) {
        const auto agent =
            agents.createAgent({parent, name, QStringLiteral("dana.kim"), visibility, Criticality::Standard,
                                QStringLiteral("model: a\ninstructions: |\n  Work.\ncriticality: standard\n")},
                               QStringLiteral("ops"), QStringLiteral("setup"));
        return agent ? agent.value() : OrgNode();
    };
    m_company = acme->id;
    m_sales = sales->id;
    m_mailer = make(sales->id, QStringLiteral("mailer"), Visibility::Public).id;
    const OrgNode triage = make(sales->id, QStringLiteral("triage"), Visibility::Private);
    m_triage = triage.id;
    m_triagePath = triage.path;
    m_cron = make(ops->id, QStringLiteral("cron"), Visibility::Public).id;
    QVERIFY(m_mailer != NoNode && m_triage != NoNode && m_cron != NoNode);
}

void TestReliabilityService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    auto store = makeStore(0);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    m_store = std::move(store).value();
    setUpTree(*m_store);
}

void TestReliabilityService::cleanup()
{
    m_store.reset();
    m_where.reset();
}

void TestReliabilityService::append(NodeId agent, const QString &kind, const QDateTime &time, const QString &status,
                                    qint64 latencyMs, qint64 tokens, double cost)
{
    ActivityEvent event;
    event.time = time;
    event.agentId = agent;
    event.version = 1;
    event.kind = kind;
    event.status = status;
    event.summary = kind;
    event.latencyMs = latencyMs;
    event.tokensIn = tokens;
    event.tokensOut = 2 * tokens;
    event.cost = cost;
    QList<ActivityEvent> events{event};
    Transaction transaction(*m_store);
    ActivityRepository activity(*m_store);
    const auto appended = activity.appendEvents(events);
    QVERIFY2(appended.ok(), qPrintable(appended.ok() ? QString() : appended.error().message));
    QVERIFY(transaction.commit().ok());
}

void TestReliabilityService::decide(NodeId agent, const QDateTime &time, const QString &verdict)
{
    Transaction transaction(*m_store);
    const Status counted = ReliabilityRepository(*m_store).recordDecisionInRollup(agent, time, verdict);
    QVERIFY2(counted.ok(), qPrintable(counted.ok() ? QString() : counted.error().message));
    QVERIFY(transaction.commit().ok());
}

void TestReliabilityService::run(NodeId agent, const QDateTime &start, qint64 latencyMs, const QString &status)
{
    append(agent, QLatin1String(EventKinds::RunStarted), start);
    append(agent, QLatin1String(EventKinds::RunFinished), start.addMSecs(latencyMs), status, latencyMs, 100, 0.25);
}

// Monday 2026-05-04 is the first day of a week.
void TestReliabilityService::seed()
{
    run(m_mailer, utc(5, 4, 9, 15), 1000);
    run(m_mailer, utc(5, 4, 10, 5), 3000, QStringLiteral("error"));
    append(m_mailer, QLatin1String(EventKinds::Error), utc(5, 4, 10, 6), QStringLiteral("error"));
    run(m_mailer, utc(5, 5, 23, 30), 200);
    run(m_mailer, utc(5, 11, 0, 10), 50);
    run(m_triage, utc(5, 4, 9, 30), 100);
    run(m_mailer, utc(3, 29, 1, 30), 500); // the night Berlin moves to summer time
    append(m_cron, QLatin1String(EventKinds::RunStarted), utc(5, 4, 9, 45));
    decide(m_mailer, utc(5, 4, 9, 50), QStringLiteral("approve"));
    decide(m_mailer, utc(5, 4, 11, 0), QStringLiteral("reject"));
    decide(m_mailer, utc(5, 5, 12, 0), QStringLiteral("edit"));
    decide(m_mailer, utc(5, 5, 12, 30), QStringLiteral("approve"));
}

void TestReliabilityService::histogram_percentileFallsInTheExactPercentilesBucket_data()
{
    QTest::addColumn<QList<qint64>>("latencies");
    QTest::addColumn<double>("p");
    QTest::newRow("one run") << QList<qint64>{1234} << 0.5;
    QTest::newRow("below 10 ms") << QList<qint64>{0, 3, 9} << 0.95;
    QTest::newRow("on a bound") << QList<qint64>{10, 15, 22, 34} << 0.5;
    QTest::newRow("wide spread p50") << QList<qint64>{5, 80, 900, 4000, 60000, 61000, 120000} << 0.5;
    QTest::newRow("wide spread p95") << QList<qint64>{5, 80, 900, 4000, 60000, 61000, 120000} << 0.95;
    QTest::newRow("hours") << QList<qint64>{3'600'000, 7'200'000} << 0.5;
    QList<qint64> ramp;
    for (qint64 ms = 1; ms <= 100'000; ms += 97) {
        ramp.append(ms);
    }
    QTest::newRow("ramp p50") << ramp << 0.5;
    QTest::newRow("ramp p95") << ramp << 0.95;
}

void TestReliabilityService::histogram_percentileFallsInTheExactPercentilesBucket()
{
    QFETCH(QList<qint64>, latencies);
    QFETCH(double, p);
    LatencyHistogram histogram;
    for (const qint64 ms : latencies) {
        histogram.add(ms);
    }
    QCOMPARE(histogram.total(), latencies.size());
    const qint64 exact = exactPercentile(latencies, p);
    const double estimate = histogram.percentileMs(p);
    const int bucket = LatencyHistogram::bucketOf(exact);
    QCOMPARE(LatencyHistogram::bucketOf(static_cast<qint64>(estimate)), bucket);
    QVERIFY(estimate >= static_cast<double>(LatencyHistogram::lowerBoundMs(bucket)));
    if (bucket < LatencyHistogram::BucketCount - 1) {
        QVERIFY(estimate < static_cast<double>(LatencyHistogram::upperBoundMs(bucket)));
        // The resolution: each bucket is at most 1.5 times (plus rounding) as wide as it starts.
        QVERIFY(LatencyHistogram::upperBoundMs(bucket) <= 1.5 * LatencyHistogram::lowerBoundMs(bucket) + 1
                || bucket == 0);
    }
}

void TestReliabilityService::series_hasExactBuckets_data()
{
    QTest::addColumn<TimeBucket>("bucket");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<QList<QDateTime>>("starts");
    QTest::addColumn<QList<qint64>>("runs");
    QTest::addColumn<QList<qint64>>("failed");
    QTest::addColumn<QList<qint64>>("errors");
    QTest::newRow("hours") << TimeBucket::Hour << utc(5, 4, 9, 30) << utc(5, 4, 12)
                           << QList<QDateTime>{utc(5, 4, 9), utc(5, 4, 10), utc(5, 4, 11)} << QList<qint64>{1, 1, 0}
                           << QList<qint64>{0, 1, 0} << QList<qint64>{0, 1, 0};
    QTest::newRow("days") << TimeBucket::Day << utc(5, 4, 0) << utc(5, 7, 0)
                          << QList<QDateTime>{utc(5, 4, 0), utc(5, 5, 0), utc(5, 6, 0)} << QList<qint64>{2, 1, 0}
                          << QList<qint64>{1, 0, 0} << QList<qint64>{1, 0, 0};
    QTest::newRow("day from midday") << TimeBucket::Day << utc(5, 5, 12) << utc(5, 5, 13)
                                     << QList<QDateTime>{utc(5, 5, 0)} << QList<qint64>{1} << QList<qint64>{0}
                                     << QList<qint64>{0};
    QTest::newRow("weeks from a Wednesday")
        << TimeBucket::Week << utc(5, 6, 0) << utc(5, 12, 0) << QList<QDateTime>{utc(5, 4, 0), utc(5, 11, 0)}
        << QList<qint64>{3, 1} << QList<qint64>{1, 0} << QList<qint64>{1, 0};
}

void TestReliabilityService::series_hasExactBuckets()
{
    QFETCH(TimeBucket, bucket);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(QList<QDateTime>, starts);
    QFETCH(QList<qint64>, runs);
    QFETCH(QList<qint64>, failed);
    QFETCH(QList<qint64>, errors);
    seed();
    const auto series = ReliabilityService(*m_store).series(m_mailer, {from, to, bucket, {}});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().message));
    QCOMPARE(series->agentCount, 1);
    QCOMPARE(series->points.size(), starts.size());
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const ReliabilityPoint &point = series->points.at(i);
        QCOMPARE(point.start, starts.at(i));
        if (i + 1 < starts.size()) {
            QCOMPARE(point.end, starts.at(i + 1));
        }
        QCOMPARE(point.totals.runs, runs.at(i));
        QCOMPARE(point.totals.finishedRuns, runs.at(i));
        QCOMPARE(point.totals.failedRuns, failed.at(i));
        QCOMPARE(point.totals.errors, errors.at(i));
    }
    const qint64 width = bucket == TimeBucket::Hour ? 3600 : bucket == TimeBucket::Day ? 86400 : 7 * 86400;
    QCOMPARE(series->points.constLast().start.secsTo(series->points.constLast().end), width);
}

void TestReliabilityService::series_daysInATimeZoneBeginAtLocalMidnight()
{
    seed();
    // Berlin is two hours ahead in May: mailer's run at 23:30 UTC on Tuesday is Wednesday there.
    const QTimeZone berlin("Europe/Berlin");
    const ReliabilityQuery query{QDateTime(QDate(2026, 5, 5), QTime(0, 0), berlin),
                                 QDateTime(QDate(2026, 5, 7), QTime(0, 0), berlin), TimeBucket::Day,
                                 QByteArray("Europe/Berlin")};
    const auto series = ReliabilityService(*m_store).series(m_mailer, query);
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().message));
    QCOMPARE(series->points.size(), 2);
    QCOMPARE(series->points.at(0).start, utc(5, 4, 22));
    QCOMPARE(series->points.at(1).start, utc(5, 5, 22));
    QCOMPARE(series->points.at(1).end, utc(5, 6, 22));
    QCOMPARE(series->points.at(0).totals.runs, 0);
    QCOMPARE(series->points.at(1).totals.runs, 1);
    // Decisions on Tuesday at 12:00 and 12:30 UTC are Tuesday in Berlin too.
    QCOMPARE(series->points.at(0).totals.decisions(), 2);
}

void TestReliabilityService::series_fromDaysEqualsTheSumOfItsHours_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<TimeBucket>("bucket");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    // Days at UTC midnight, before noon UTC (New York: the first hours of a UTC day are taken
    // off), after noon (Berlin, Sydney, Kolkata's half hour: the last hours are added on), and
    // across a change of summer time (two offsets in one series).
    for (const QByteArray &zone : {QByteArray(), QByteArray("America/New_York"), QByteArray("Europe/Berlin"),
                                   QByteArray("Australia/Sydney"), QByteArray("Asia/Kolkata")}) {
        const QByteArray name = zone.isEmpty() ? QByteArray("UTC") : zone;
        QTest::newRow(QByteArray(name + " days").constData())
            << zone << TimeBucket::Day << utc(5, 1, 0) << utc(5, 15, 0);
        QTest::newRow(QByteArray(name + " weeks").constData())
            << zone << TimeBucket::Week << utc(4, 20, 0) << utc(5, 20, 0);
    }
    QTest::newRow("Berlin days across summer time")
        << QByteArray("Europe/Berlin") << TimeBucket::Day << utc(3, 26, 0) << utc(4, 2, 0);
}

void TestReliabilityService::series_fromDaysEqualsTheSumOfItsHours()
{
    QFETCH(QByteArray, zone);
    QFETCH(TimeBucket, bucket);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    seed();
    const ReliabilityService service(*m_store);
    const auto series = service.series(m_sales, {from, to, bucket, zone});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().message));
    const auto hours = service.series(
        m_sales, {series->points.constFirst().start, series->points.constLast().end, TimeBucket::Hour, {}});
    QVERIFY(hours.ok());
    QList<ReliabilityTotals> expected(series->points.size());
    for (const ReliabilityPoint &hour : hours->points) {
        for (qsizetype i = 0; i < series->points.size(); ++i) {
            if (hour.start >= series->points.at(i).start && hour.start < series->points.at(i).end) {
                expected[i].add(hour.totals);
            }
        }
    }
    qint64 runs = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(series->points.at(i).totals.runs, expected.at(i).runs);
        QCOMPARE(series->points.at(i).totals.decisions(), expected.at(i).decisions());
        QCOMPARE(series->points.at(i).totals.latency, expected.at(i).latency);
        QCOMPARE(series->points.at(i).totals.tokensIn, expected.at(i).tokensIn);
        QVERIFY(qAbs(series->points.at(i).totals.cost - expected.at(i).cost) < 1e-9);
        runs += expected.at(i).runs;
    }
    QVERIFY(runs > 0); // the comparison saw the seeded runs
}

void TestReliabilityService::series_ratesAndPercentiles()
{
    seed();
    const auto series =
        ReliabilityService(*m_store).series(m_mailer, {utc(5, 4, 0), utc(5, 6, 0), TimeBucket::Day, {}});
    QVERIFY(series.ok());
    QCOMPARE(series->points.size(), 2);
    const ReliabilityTotals &monday = series->points.at(0).totals;
    QCOMPARE(monday.errorRate(), 0.5);
    QCOMPARE(monday.approved, 1);
    QCOMPARE(monday.rejected, 1);
    QCOMPARE(monday.approvalRate(), 0.5);
    QCOMPARE(monday.rejectionRate(), 0.5);
    QCOMPARE(monday.tokensIn, 200);
    QCOMPARE(monday.tokensOut, 400);
    QCOMPARE(monday.cost, 0.5);
    const ReliabilityTotals &tuesday = series->points.at(1).totals;
    QCOMPARE(tuesday.editRate(), 0.5);
    QCOMPARE(tuesday.approvalRate(), 0.5);
    QCOMPARE(tuesday.rejectionRate(), 0.0);
    QCOMPARE(tuesday.errorRate(), 0.0);
    // Both days together: latencies 1000, 3000 and 200 ms.
    ReliabilityTotals both = monday;
    both.add(tuesday);
    QCOMPARE(both.latency.total(), 3);
    QCOMPARE(LatencyHistogram::bucketOf(static_cast<qint64>(both.value(ReliabilityMeasure::LatencyP50))),
             LatencyHistogram::bucketOf(1000));
    QCOMPARE(LatencyHistogram::bucketOf(static_cast<qint64>(both.value(ReliabilityMeasure::LatencyP95))),
             LatencyHistogram::bucketOf(3000));
}

void TestReliabilityService::series_ofAGroupSumsItsAgents()
{
    seed();
    const ReliabilityQuery monday{utc(5, 4, 0), utc(5, 5, 0), TimeBucket::Day, {}};
    const auto sales = ReliabilityService(*m_store).series(m_sales, monday);
    const auto company = ReliabilityService(*m_store).series(m_company, monday);
    QVERIFY(sales.ok() && company.ok());
    QCOMPARE(sales->agentCount, 2);
    QCOMPARE(sales->points.constFirst().totals.runs, 3);
    QCOMPARE(sales->points.constFirst().totals.finishedRuns, 3);
    QCOMPARE(sales->points.constFirst().totals.cost, 0.75);
    QCOMPARE(company->agentCount, 3);
    QCOMPARE(company->points.constFirst().totals.runs, 4);
    QCOMPARE(company->points.constFirst().totals.latency.total(), 3);
}

void TestReliabilityService::series_countsOnlyVisibleAgents()
{
    seed();
    const ReliabilityQuery monday{utc(5, 4, 0), utc(5, 5, 0), TimeBucket::Day, {}};
    // Without grants a person sees the public agents only: the private triage counts for nothing.
    const VisibilityFilter outsider(PrincipalKind::User, {});
    const auto hidden = ReliabilityService(*m_store).series(m_sales, monday, &outsider);
    QVERIFY(hidden.ok());
    QCOMPARE(hidden->agentCount, 1);
    QCOMPARE(hidden->points.constFirst().totals.runs, 2);
    const auto ranking = ReliabilityService(*m_store).ranking(m_company, utc(5, 4, 0), utc(5, 5, 0),
                                                              ReliabilityMeasure::Runs, Qt::DescendingOrder, &outsider);
    QVERIFY(ranking.ok());
    QCOMPARE(ranking->size(), 2);
    for (const AgentReliability &agent : ranking.value()) {
        QVERIFY(agent.agentId != m_triage);
    }
    // A role on the private agent shows it.
    const VisibilityFilter reviewer(PrincipalKind::User, {Grant{1, Role::Reviewer, m_triage, m_triagePath}});
    const auto shown = ReliabilityService(*m_store).series(m_sales, monday, &reviewer);
    QVERIFY(shown.ok());
    QCOMPARE(shown->agentCount, 2);
    QCOMPARE(shown->points.constFirst().totals.runs, 3);
}

void TestReliabilityService::series_refusesBadRangesAndZones()
{
    const ReliabilityService service(*m_store);
    QCOMPARE(service.series(m_mailer, {utc(5, 4, 0), utc(5, 4, 0), TimeBucket::Day, {}}).error().code,
             Error::Code::Invalid);
    QCOMPARE(service.series(m_mailer, {QDateTime(), utc(5, 4, 0), TimeBucket::Day, {}}).error().code,
             Error::Code::Invalid);
    QCOMPARE(service.series(m_mailer, {utc(5, 4, 0), utc(5, 5, 0), TimeBucket::Day, "Nowhere/Else"}).error().code,
             Error::Code::Invalid);
    QCOMPARE(service.series(m_mailer, {utc(1, 1, 0), utc(1, 1, 0).addYears(5), TimeBucket::Hour, {}}).error().code,
             Error::Code::Invalid);
    QCOMPARE(service.series(9999, {utc(5, 4, 0), utc(5, 5, 0), TimeBucket::Day, {}}).error().code,
             Error::Code::NotFound);
    QCOMPARE(service.ranking(m_company, utc(5, 5, 0), utc(5, 4, 0), ReliabilityMeasure::Runs, Qt::AscendingOrder)
                 .error()
                 .code,
             Error::Code::Invalid);
}

void TestReliabilityService::ranking_sortsByAnyMeasure_data()
{
    QTest::addColumn<ReliabilityMeasure>("measure");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("names");
    // In [Mon, Wed): mailer 3 runs (1 failed), triage 1, cron 1 (started only); ties by path.
    QTest::newRow("runs desc") << ReliabilityMeasure::Runs << Qt::DescendingOrder
                               << QStringList{u"mailer"_s, u"cron"_s, u"triage"_s};
    QTest::newRow("runs asc") << ReliabilityMeasure::Runs << Qt::AscendingOrder
                              << QStringList{u"cron"_s, u"triage"_s, u"mailer"_s};
    QTest::newRow("error rate desc") << ReliabilityMeasure::ErrorRate << Qt::DescendingOrder
                                     << QStringList{u"mailer"_s, u"cron"_s, u"triage"_s};
    QTest::newRow("latency p95 asc") << ReliabilityMeasure::LatencyP95 << Qt::AscendingOrder
                                     << QStringList{u"cron"_s, u"triage"_s, u"mailer"_s};
    QTest::newRow("cost desc") << ReliabilityMeasure::Cost << Qt::DescendingOrder
                               << QStringList{u"mailer"_s, u"triage"_s, u"cron"_s};
    QTest::newRow("approval rate desc") << ReliabilityMeasure::ApprovalRate << Qt::DescendingOrder
                                        << QStringList{u"mailer"_s, u"cron"_s, u"triage"_s};
}

void TestReliabilityService::ranking_sortsByAnyMeasure()
{
    QFETCH(ReliabilityMeasure, measure);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, names);
    seed();
    const auto ranking = ReliabilityService(*m_store).ranking(m_company, utc(5, 4, 0), utc(5, 6, 0), measure, order);
    QVERIFY2(ranking.ok(), qPrintable(ranking.ok() ? QString() : ranking.error().message));
    QStringList got;
    for (const AgentReliability &agent : ranking.value()) {
        got.append(agent.path.section(QLatin1Char('/'), -1));
    }
    QCOMPARE(got, names);
    QCOMPARE(ranking->constFirst().path.startsWith(QLatin1String("/acme/")), true);
}

void TestReliabilityService::ranking_overPartialDaysCountsExactly()
{
    seed();
    // Monday from 10:00 (hours), all of Tuesday (its day row) and half an hour of Wednesday.
    const auto ranking = ReliabilityService(*m_store).ranking(m_sales, utc(5, 4, 10, 30), utc(5, 6, 0, 30),
                                                              ReliabilityMeasure::Runs, Qt::DescendingOrder);
    QVERIFY(ranking.ok());
    QCOMPARE(ranking->size(), 2);
    const AgentReliability &mailer = ranking->constFirst();
    QCOMPARE(mailer.agentId, m_mailer);
    QCOMPARE(mailer.totals.runs, 2); // Monday 10:05 and Tuesday 23:30, not Monday 09:15
    QCOMPARE(mailer.totals.failedRuns, 1);
    QCOMPARE(mailer.totals.errors, 1);
    QCOMPARE(mailer.totals.rejected, 1);
    QCOMPARE(mailer.totals.edited, 1);
    QCOMPARE(mailer.totals.approved, 1); // Tuesday's; Monday's at 09:50 is before the range
    QCOMPARE(mailer.totals.latency.total(), 2);
    QCOMPARE(ranking->at(1).totals.runs, 0); // triage ran at 09:30 on Monday
}

void TestReliabilityService::recordDecisionInRollup_refusesAnUnknownVerdict()
{
    QCOMPARE(ReliabilityRepository(*m_store)
                 .recordDecisionInRollup(m_mailer, utc(5, 4, 9), QStringLiteral("approve'); DROP TABLE nodes; --"))
                 .error()
                 .code,
             Error::Code::Invalid);
}

void TestReliabilityService::migration_backfillsHistogramsAndDecisions()
{
    // A store as the schema before the reliability rollups left it: events and their rollup
    // rows as ingest then wrote them, and decisions that no rollup counted.
    const QList<Migrator::Migration> migrations = Migrator::migrations(m_store->dialect());
    const auto reliability = std::find_if(migrations.cbegin(), migrations.cend(), [](const Migrator::Migration &m) {
        return m.name == QLatin1String("reliability");
    });
    QVERIFY(reliability != migrations.cend());
    const int before = reliability->version - 1;
    cleanup();
    {
        auto old = makeStore(before);
        QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().message));
        std::unique_ptr<Store> store = std::move(old).value();
        setUpTree(*store);
        QSqlQuery q(store->database());
        const qint64 hour = utc(5, 4, 9).toMSecsSinceEpoch();
        const auto exec = [&q](const QString &sql, const QVariantList &values) {
            q.prepare(sql);
            for (const QVariant &value : values) {
                q.addBindValue(value);
            }
            return q.exec();
        };
        const QString event = QStringLiteral("INSERT INTO activity_events(id, time, agent_id, version, kind, status, "
                                             "summary, latency_ms) VALUES (?, ?, ?, 1, 'run.finished', ?, 'done', ?)");
        QVERIFY2(exec(event, {1, hour + 60'000, m_mailer, u"ok"_s, 1000}), qPrintable(q.lastError().text()));
        QVERIFY(exec(event, {2, hour + 120'000, m_mailer, u"error"_s, 3000}));
        QVERIFY(exec(QStringLiteral("INSERT INTO activity_rollup_hourly(agent_id, hour, events, runs_failed, "
                                    "latency_sum_ms, latency_count) VALUES (?, ?, 2, 1, 4000, 2)"),
                     {m_mailer, hour}));
        QVERIFY2(exec(QStringLiteral("INSERT INTO approvals(id, agent_id, version, title, payload, payload_format, "
                                     "state, created_at) VALUES (1, ?, 1, 'Send', 'Hi', 'markdown', 'approved', ?)"),
                      {m_mailer, hour}),
                 qPrintable(q.lastError().text()));
        const QString decision = QStringLiteral("INSERT INTO approval_decisions(approval_id, reviewer, decided_at, "
                                                "verdict, revision) VALUES (1, 'li.wei', ?, ?, 1)");
        QVERIFY2(exec(decision, {hour + 600'000, u"reject"_s}), qPrintable(q.lastError().text()));
        QVERIFY(exec(decision, {hour + 3'700'000, u"approve"_s}));
    }
    auto opened = Store::open(m_where->location());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_store = std::move(opened).value();
    const auto series =
        ReliabilityService(*m_store).series(m_mailer, {utc(5, 4, 9), utc(5, 4, 11), TimeBucket::Hour, {}});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().message));
    QCOMPARE(series->points.size(), 2);
    const ReliabilityTotals &nine = series->points.at(0).totals;
    QCOMPARE(nine.events, 2);
    QCOMPARE(nine.failedRuns, 1);
    QCOMPARE(nine.latency.total(), 2);
    QCOMPARE(nine.latency.count(LatencyHistogram::bucketOf(1000)), 1);
    QCOMPARE(nine.latency.count(LatencyHistogram::bucketOf(3000)), 1);
    QCOMPARE(nine.rejected, 1);
    QCOMPARE(nine.approved, 0);
    // The days' rows are made from the hours' rows.
    const auto day = ReliabilityService(*m_store).series(m_mailer, {utc(5, 4, 0), utc(5, 5, 0), TimeBucket::Day, {}});
    QVERIFY(day.ok());
    QCOMPARE(day->points.size(), 1);
    QCOMPARE(day->points.constFirst().totals.events, 2);
    QCOMPARE(day->points.constFirst().totals.latency.total(), 2);
    QCOMPARE(day->points.constFirst().totals.decisions(), 2);
    // The approval an hour later has a rollup row of its own.
    QCOMPARE(series->points.at(1).totals.approved, 1);
    QCOMPARE(series->points.at(1).totals.events, 0);
}

QTEST_GUILESS_MAIN(TestReliabilityService)
#include "tst_reliabilityservice.moc"
