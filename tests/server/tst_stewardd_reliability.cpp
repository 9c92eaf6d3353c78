// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reliability over HTTP on the real stewardd: a node's series and the ranking of its agents
// count only what the caller may see (a private agent's runs are invisible to an outsider, and
// the agent itself is not found), bad parameters are refused, and RemoteWorkspace reads the
// same numbers. Runs on SQLite and, as tst_stewardd_reliability_pg, on PostgreSQL.
#include "client/remoteworkspace.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace steward;
using namespace steward::test;

namespace {

const QString outbound = QStringLiteral("/acme/sales/outbound");
const QString mailer = QStringLiteral("/acme/sales/outbound/prospect-mailer"); // public
const QString scorer = QStringLiteral("/acme/sales/outbound/lead-scorer"); // team
const QString pricing = QStringLiteral("/acme/sales/outbound/pricing-bot"); // private
const QString range = QStringLiteral("from=2026-05-04T00:00:00Z&to=2026-05-06T00:00:00Z");

qint64 runsOf(const QJsonObject &series)
{
    qint64 runs = 0;
    for (const QJsonValue &point : series.value(QStringLiteral("points")).toArray()) {
        runs += point.toObject().value(QStringLiteral("runs")).toInteger();
    }
    return runs;
}

} // namespace

class TestStewarddReliability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void series_countsWhatTheCallerSees_data();
    void series_countsWhatTheCallerSees();
    void series_ofAHiddenAgentIsNotFound();
    void ranking_listsVisibleAgentsInOrder();
    void badParametersAreRefused_data();
    void badParametersAreRefused();
    void remoteWorkspace_readsTheSameNumbers();

private:
    [[nodiscard]] HttpClient as(const QString &principal) const
    {
        return HttpClient(m_server.url(), m_seeded.tokens.value(principal));
    }
    [[nodiscard]] QString nodeUrl(const QString &path, const QString &rest) const
    {
        return QStringLiteral("/api/v1/nodes/%1/reliability%2").arg(m_seeded.nodes.value(path)).arg(rest);
    }
    // Runs of the agent on Monday 2026-05-04: each started at `hour` and finished after latencyMs.
    void postRuns(const QString &agentPath, int hour, int runs, int failed);

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddReliability::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    postRuns(mailer, 9, 1, 0);
    postRuns(scorer, 10, 2, 1);
    postRuns(pricing, 11, 4, 4);
}

void TestStewarddReliability::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

void TestStewarddReliability::postRuns(const QString &agentPath, int hour, int runs, int failed)
{
    QJsonArray events;
    for (int i = 0; i < runs; ++i) {
        const QDateTime start(QDate(2026, 5, 4), QTime(hour, i), QTimeZone::utc());
        const QString id = agentPath.section(QLatin1Char('/'), -1) + QString::number(i);
        const QJsonObject common{{QStringLiteral("agentId"), m_seeded.nodes.value(agentPath)}};
        QJsonObject started = common;
        started.insert(QStringLiteral("clientId"), QString(id + QStringLiteral("-start")));
        started.insert(QStringLiteral("kind"), QStringLiteral("run.started"));
        started.insert(QStringLiteral("time"), start.toString(Qt::ISODateWithMs));
        QJsonObject finished = common;
        finished.insert(QStringLiteral("clientId"), QString(id + QStringLiteral("-end")));
        finished.insert(QStringLiteral("kind"), QStringLiteral("run.finished"));
        finished.insert(QStringLiteral("status"), i < failed ? QStringLiteral("error") : QStringLiteral("ok"));
        finished.insert(QStringLiteral("time"), start.addSecs(2).toString(Qt::ISODateWithMs));
        finished.insert(QStringLiteral("latencyMs"), 2000);
        events.append(started);
        events.append(finished);
    }
    const HttpReply posted =
        as(QStringLiteral("root-admin")).post(QStringLiteral("/api/v1/events"), {{QStringLiteral("events"), events}});
    QVERIFY2(posted.status == 200, posted.body.constData());
}

void TestStewarddReliability::series_countsWhatTheCallerSees_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<int>("agents");
    QTest::addColumn<qint64>("runs");
    QTest::addColumn<qint64>("failed");
    // Outsiders see public agents; a role on the team shows team and private agents below it.
    QTest::newRow("root-admin") << QStringLiteral("root-admin") << 3 << qint64(7) << qint64(5);
    QTest::newRow("outbound-reviewer") << QStringLiteral("outbound-reviewer") << 3 << qint64(7) << qint64(5);
    QTest::newRow("outsider") << QStringLiteral("outsider") << 1 << qint64(1) << qint64(0);
}

void TestStewarddReliability::series_countsWhatTheCallerSees()
{
    QFETCH(QString, principal);
    QFETCH(int, agents);
    QFETCH(qint64, runs);
    QFETCH(qint64, failed);
    const HttpReply reply = as(principal).get(nodeUrl(outbound, QStringLiteral("?bucket=day&") + range));
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject series = reply.json();
    QCOMPARE(series.value(QStringLiteral("agentCount")).toInt(), agents);
    QCOMPARE(series.value(QStringLiteral("bucket")).toString(), QStringLiteral("day"));
    const QJsonArray points = series.value(QStringLiteral("points")).toArray();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0).toObject().value(QStringLiteral("start")).toString(),
             QStringLiteral("2026-05-04T00:00:00.000Z"));
    QCOMPARE(runsOf(series), runs);
    QCOMPARE(points.at(0).toObject().value(QStringLiteral("failedRuns")).toInteger(), failed);
    QCOMPARE(points.at(0).toObject().value(QStringLiteral("latencyHistogram")).toArray().size(), 32);
}

void TestStewarddReliability::series_ofAHiddenAgentIsNotFound()
{
    QCOMPARE(as(QStringLiteral("outsider")).get(nodeUrl(pricing, QStringLiteral("?") + range)).status, 404);
    QCOMPARE(as(QStringLiteral("outsider")).get(nodeUrl(pricing, QStringLiteral("/agents?") + range)).status, 404);
    const HttpReply own = as(QStringLiteral("root-admin")).get(nodeUrl(pricing, QStringLiteral("?") + range));
    QCOMPARE(own.status, 200);
    QCOMPARE(runsOf(own.json()), 4);
}

void TestStewarddReliability::ranking_listsVisibleAgentsInOrder()
{
    const HttpReply all =
        as(QStringLiteral("root-admin")).get(nodeUrl(outbound, QStringLiteral("/agents?sort=error_rate&") + range));
    QVERIFY2(all.status == 200, all.body.constData());
    const QJsonArray items = all.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("path")).toString(), pricing);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("errorRate")).toDouble(), 1.0);
    QCOMPARE(items.at(1).toObject().value(QStringLiteral("path")).toString(), scorer);
    QCOMPARE(items.at(2).toObject().value(QStringLiteral("path")).toString(), mailer);
    const HttpReply ascending =
        as(QStringLiteral("root-admin")).get(nodeUrl(outbound, QStringLiteral("/agents?sort=runs&order=asc&") + range));
    QCOMPARE(ascending.json().value(QStringLiteral("items")).toArray().at(0).toObject().value(u"path").toString(),
             mailer);
    const HttpReply outsider =
        as(QStringLiteral("outsider")).get(nodeUrl(outbound, QStringLiteral("/agents?") + range));
    const QJsonArray seen = outsider.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).toObject().value(QStringLiteral("path")).toString(), mailer);
}

void TestStewarddReliability::badParametersAreRefused_data()
{
    QTest::addColumn<QString>("rest");
    QTest::newRow("bucket") << QStringLiteral("?bucket=month");
    QTest::newRow("from") << QStringLiteral("?from=yesterday");
    QTest::newRow("reversed") << QStringLiteral("?from=2026-05-06T00:00:00Z&to=2026-05-04T00:00:00Z");
    QTest::newRow("time zone") << QStringLiteral("?timeZone=Mars/Olympus");
    QTest::newRow("too many hours") << QStringLiteral("?bucket=hour&from=2000-01-01T00:00:00Z");
    QTest::newRow("sort") << QStringLiteral("/agents?sort=vibes");
    QTest::newRow("order") << QStringLiteral("/agents?order=up");
}

void TestStewarddReliability::badParametersAreRefused()
{
    QFETCH(QString, rest);
    const HttpReply reply = as(QStringLiteral("root-admin")).get(nodeUrl(outbound, rest));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid"));
}

void TestStewarddReliability::remoteWorkspace_readsTheSameNumbers()
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = m_seeded.tokens.value(QStringLiteral("outsider"));
    const Result<std::unique_ptr<RemoteWorkspace>> opened =
        RemoteWorkspace::open(connection, RemoteWorkspace::Updates::Requests);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const RemoteWorkspace &workspace = *opened.value();
    const QDateTime from(QDate(2026, 5, 4), QTime(0, 0), QTimeZone::utc());
    const Result<ReliabilitySeries> series =
        workspace.reliability(m_seeded.nodes.value(outbound), {from, from.addDays(1), TimeBucket::Hour, {}});
    QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.error().message));
    QCOMPARE(series->agentCount, 1);
    QCOMPARE(series->points.size(), 24);
    QCOMPARE(series->points.at(9).totals.runs, 1);
    QCOMPARE(series->points.at(9).totals.latency.total(), 1);
    QCOMPARE(series->points.at(9).start, from.addSecs(9 * 3600));
    const Result<QList<AgentReliability>> ranking = workspace.reliabilityRanking(
        m_seeded.nodes.value(outbound), from, from.addDays(1), ReliabilityMeasure::Runs, Qt::DescendingOrder);
    QVERIFY(ranking.ok());
    QCOMPARE(ranking->size(), 1);
    QCOMPARE(ranking->constFirst().path, mailer);
    QCOMPARE(ranking->constFirst().totals.runs, 1);
    QCOMPARE(
        workspace.reliability(m_seeded.nodes.value(pricing), {from, from.addDays(1), TimeBucket::Day, {}}).error().code,
        Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestStewarddReliability)
#include "tst_stewardd_reliability.moc"
