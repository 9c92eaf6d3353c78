// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reviewer analytics over HTTP on the real stewardd: decisions count only on agents the caller
// may see (an outsider sees the public agent's decision, not the private one's, and the private
// agent itself is not found), bad ranges are refused, and RemoteWorkspace reads the same
// numbers. Runs on SQLite and, as tst_stewardd_approvalanalytics_pg, on PostgreSQL.
#include "client/remoteworkspace.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QJsonArray>
#include <QTest>

using namespace steward;
using namespace steward::test;

namespace {

const QString outbound = QStringLiteral("/acme/sales/outbound");
const QString mailer = QStringLiteral("/acme/sales/outbound/prospect-mailer"); // public
const QString pricing = QStringLiteral("/acme/sales/outbound/pricing-bot"); // private
const QStringList executorOff{QStringLiteral("--executor"), QStringLiteral("off")};

} // namespace

class TestStewarddApprovalAnalytics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void analytics_countWhatTheCallerSees_data();
    void analytics_countWhatTheCallerSees();
    void analytics_ofAHiddenAgentIsNotFound();
    void badRangesAreRefused_data();
    void badRangesAreRefused();
    void remoteWorkspace_readsTheSameNumbers();

private:
    [[nodiscard]] HttpClient as(const QString &principal) const
    {
        return HttpClient(m_server.url(), m_seeded.tokens.value(principal));
    }
    [[nodiscard]] QString url(const QString &path, const QString &query = QString()) const
    {
        return QStringLiteral("/api/v1/nodes/%1/approval-analytics%2").arg(m_seeded.nodes.value(path)).arg(query);
    }
    // `submitter` proposes an output of the agent and `reviewer` decides it.
    void submitAndDecide(const QString &agentPath, const QString &submitter, const QString &reviewer,
                         const QString &verdict);

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddApprovalAnalytics::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server, executorOff);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // An identity for the private agent, so that it can submit too.
    const HttpClient admin = as(QStringLiteral("root-admin"));
    const QString reason = QStringLiteral("the pricing agent submits");
    QCOMPARE(admin
                 .post(QStringLiteral("/api/v1/principals"),
                       {{QStringLiteral("name"), QStringLiteral("pricing-id")},
                        {QStringLiteral("kind"), QStringLiteral("agent")},
                        {QStringLiteral("reason"), reason}})
                 .status,
             201);
    QCOMPARE(admin
                 .post(QStringLiteral("/api/v1/principals/pricing-id/grants"),
                       {{QStringLiteral("role"), QStringLiteral("agent")},
                        {QStringLiteral("path"), pricing},
                        {QStringLiteral("reason"), reason}})
                 .status,
             201);
    const HttpReply issued =
        admin.post(QStringLiteral("/api/v1/principals/pricing-id/tokens"),
                   {{QStringLiteral("tokenName"), QStringLiteral("t")}, {QStringLiteral("reason"), reason}});
    QCOMPARE(issued.status, 201);
    m_seeded.tokens.insert(QStringLiteral("pricing-id"), issued.json().value(QStringLiteral("secret")).toString());

    submitAndDecide(mailer, QStringLiteral("mailer-bot"), QStringLiteral("outbound-reviewer"),
                    QStringLiteral("approve"));
    submitAndDecide(mailer, QStringLiteral("mailer-bot"), QStringLiteral("outbound-reviewer"),
                    QStringLiteral("reject"));
    submitAndDecide(pricing, QStringLiteral("pricing-id"), QStringLiteral("outbound-reviewer"),
                    QStringLiteral("approve"));
}

void TestStewarddApprovalAnalytics::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

void TestStewarddApprovalAnalytics::submitAndDecide(const QString &agentPath, const QString &submitter,
                                                    const QString &reviewer, const QString &verdict)
{
    const HttpReply submitted =
        as(submitter).post(QStringLiteral("/api/v1/approvals"),
                           {{QStringLiteral("agentId"), m_seeded.nodes.value(agentPath)},
                            {QStringLiteral("title"), QStringLiteral("Send it")},
                            {QStringLiteral("payload"), QStringLiteral("Hi Ann\n")},
                            {QStringLiteral("payloadFormat"), QStringLiteral("email")},
                            {QStringLiteral("action"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                                         {QStringLiteral("url"), QStringLiteral("https://x.example/")}}}});
    QVERIFY2(submitted.status == 201, submitted.body.constData());
    const qint64 id = submitted.json().value(QStringLiteral("id")).toInteger();
    const HttpReply decided = as(reviewer).post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id),
                                                {{QStringLiteral("verdict"), verdict},
                                                 {QStringLiteral("revision"), 1},
                                                 {QStringLiteral("reason"), QStringLiteral("checked")}});
    QVERIFY2(decided.status == 201, decided.body.constData());
}

void TestStewarddApprovalAnalytics::analytics_countWhatTheCallerSees_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<int>("decisions");
    QTest::addColumn<int>("agents");
    QTest::newRow("reviewer of the team") << QStringLiteral("outbound-reviewer") << 3 << 2;
    QTest::newRow("admin") << QStringLiteral("root-admin") << 3 << 2;
    QTest::newRow("outsider") << QStringLiteral("outsider") << 2 << 1;
}

void TestStewarddApprovalAnalytics::analytics_countWhatTheCallerSees()
{
    QFETCH(QString, principal);
    QFETCH(int, decisions);
    QFETCH(int, agents);
    const HttpReply reply = as(principal).get(url(outbound));
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject body = reply.json();
    const QJsonObject subtree = body.value(QStringLiteral("subtree")).toObject();
    QCOMPARE(subtree.value(QStringLiteral("decisions")).toInteger(), decisions);
    QCOMPARE(subtree.value(QStringLiteral("rejections")).toInteger(), 1);
    QCOMPARE(body.value(QStringLiteral("agents")).toArray().size(), agents);
    QCOMPARE(body.value(QStringLiteral("agents")).toArray().first().toObject().value(QStringLiteral("path")).toString(),
             agents == 1 ? mailer : pricing);
    const QJsonArray reviewers = body.value(QStringLiteral("reviewers")).toArray();
    QCOMPARE(reviewers.size(), 1);
    QCOMPARE(reviewers.first().toObject().value(QStringLiteral("reviewer")).toString(),
             QStringLiteral("outbound-reviewer"));
    QCOMPARE(reviewers.first().toObject().value(QStringLiteral("decisions")).toInteger(), decisions);
}

void TestStewarddApprovalAnalytics::analytics_ofAHiddenAgentIsNotFound()
{
    QCOMPARE(as(QStringLiteral("outsider")).get(url(pricing)).status, 404);
    const HttpReply own = as(QStringLiteral("outbound-reviewer")).get(url(pricing));
    QCOMPARE(own.status, 200);
    QCOMPARE(own.json().value(QStringLiteral("subtree")).toObject().value(QStringLiteral("decisions")).toInteger(), 1);
}

void TestStewarddApprovalAnalytics::badRangesAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("not a time") << QStringLiteral("?from=yesterday");
    QTest::newRow("backwards") << QStringLiteral("?from=2026-05-06T00:00:00Z&to=2026-05-04T00:00:00Z");
    QTest::newRow("too long") << QStringLiteral("?from=2024-01-01T00:00:00Z&to=2026-05-04T00:00:00Z");
}

void TestStewarddApprovalAnalytics::badRangesAreRefused()
{
    QFETCH(QString, query);
    const HttpReply reply = as(QStringLiteral("outbound-reviewer")).get(url(outbound, query));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid"));
}

void TestStewarddApprovalAnalytics::remoteWorkspace_readsTheSameNumbers()
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = m_seeded.tokens.value(QStringLiteral("outsider"));
    const Result<std::unique_ptr<RemoteWorkspace>> opened =
        RemoteWorkspace::open(connection, RemoteWorkspace::Updates::Requests);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Result<ApprovalAnalytics> analytics =
        opened.value()->approvalAnalytics(m_seeded.nodes.value(outbound), now.addDays(-1), now.addSecs(60));
    QVERIFY2(analytics.ok(), qPrintable(analytics.ok() ? QString() : analytics.error().message));
    QCOMPARE(analytics->nodeId, m_seeded.nodes.value(outbound));
    QCOMPARE(analytics->subtree.decisions, 2);
    QCOMPARE(analytics->subtree.approvals, 1);
    QCOMPARE(analytics->reviewers.size(), 1);
    QCOMPARE(analytics->reviewers.first().stats.decisions, 2);
    QCOMPARE(analytics->agents.size(), 1);
    QCOMPARE(analytics->agents.first().path, mailer);
    QCOMPARE(analytics->agents.first().agentId, m_seeded.nodes.value(mailer));
}

QTEST_GUILESS_MAIN(TestStewarddApprovalAnalytics)
#include "tst_stewardd_approvalanalytics.moc"
