// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Live feed on a server's workspace: events an agent POSTs to a real stewardd reach the
// feed through the live stream, for each principal only what it may see (a private agent's
// activity never shows to an outsider), and an event's run is read back as its trace.
#include "client/remoteworkspace.h"
#include "eventdetail.h"
#include "livefeedmodel.h"
#include "livefeedview.h"
#include "serverfixture.h"
#include "serverprocess.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestLiveFeedServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void postedEvents_appearInTheFeed_asVisibilityAllows();

private:
    [[nodiscard]] std::unique_ptr<RemoteWorkspace> open(const QString &principal) const;
    [[nodiscard]] NodeId id(const QString &path) const { return m_seeded.nodes.value(path); }
    // Posts events as root-admin; empty when the server stored them, else its answer.
    [[nodiscard]] QByteArray post(const QJsonArray &events) const;

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestLiveFeedServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
    QSettings().clear();
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestLiveFeedServer::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
    QSettings().clear();
}

std::unique_ptr<RemoteWorkspace> TestLiveFeedServer::open(const QString &principal) const
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = m_seeded.tokens.value(principal);
    Result<std::unique_ptr<RemoteWorkspace>> workspace =
        RemoteWorkspace::open(connection, RemoteWorkspace::Updates::Live);
    if (!workspace) {
        qWarning("cannot open the remote workspace: %s", qPrintable(workspace.error().message));
        return nullptr;
    }
    return std::move(workspace).value();
}

QByteArray TestLiveFeedServer::post(const QJsonArray &events) const
{
    const HttpReply reply =
        HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")))
            .post(QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("events"), events}});
    return reply.status == 200 ? QByteArray() : QByteArray::number(reply.status) + ' ' + reply.body;
}

void TestLiveFeedServer::postedEvents_appearInTheFeed_asVisibilityAllows()
{
    const auto admin = open(QStringLiteral("root-admin"));
    const auto outsider = open(QStringLiteral("outsider"));
    QVERIFY(admin && outsider);
    QSignalSpy adminLink(admin.get(), &RemoteWorkspace::connectionChanged);
    QSignalSpy outsiderLink(outsider.get(), &RemoteWorkspace::connectionChanged);
    QVERIFY(adminLink.wait() && (!outsiderLink.isEmpty() || outsiderLink.wait()));

    LiveFeedView adminFeed;
    adminFeed.setWorkspace(admin.get());
    LiveFeedModel outsiderFeed(outsider.get());
    QAbstractItemModelTester adminTester(adminFeed.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester outsiderTester(&outsiderFeed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(outsiderFeed.setQuery(QString()).ok());
    const int adminBefore = adminFeed.model()->rowCount();
    const int outsiderBefore = outsiderFeed.rowCount();

    const HttpReply run =
        HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")))
            .post(QStringLiteral("/api/v1/runs"),
                  QJsonObject{{QStringLiteral("id"), 1}, // the run's shape; the server assigns the id
                              {QStringLiteral("agentId"), id(QStringLiteral("/acme/sales/outbound/prospect-mailer"))},
                              {QStringLiteral("trigger"), QStringLiteral("manual")},
                              {QStringLiteral("status"), QStringLiteral("running")}});
    QVERIFY2(run.status == 201, run.body.constData());
    const qint64 runId = run.json().value(QStringLiteral("id")).toInteger();
    const auto event = [](NodeId agent, qint64 runId, const QString &kind, const QString &span, const QString &parent,
                          const QString &summary) {
        QJsonObject made{{QStringLiteral("clientId"), span}, {QStringLiteral("agentId"), agent},
                         {QStringLiteral("runId"), runId},   {QStringLiteral("kind"), kind},
                         {QStringLiteral("spanId"), span},   {QStringLiteral("summary"), summary}};
        if (!parent.isEmpty()) {
            made.insert(QStringLiteral("parentSpanId"), parent);
        }
        return made;
    };
    const NodeId mailer = id(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QCOMPARE(post({event(mailer, runId, QStringLiteral("run.started"), QStringLiteral("root"), {},
                         QStringLiteral("Started")),
                   event(mailer, runId, QStringLiteral("tool.call"), QStringLiteral("crm"), QStringLiteral("root"),
                         QStringLiteral("Looked the prospect up"))}),
             QByteArray());
    // The private agent's event is the admin's to see, never the outsider's.
    QCOMPARE(post({QJsonObject{{QStringLiteral("clientId"), QStringLiteral("secret")},
                               {QStringLiteral("agentId"), id(QStringLiteral("/acme/sales/outbound/pricing-bot"))},
                               {QStringLiteral("kind"), QStringLiteral("output")},
                               {QStringLiteral("summary"), QStringLiteral("Secret price")}}}),
             QByteArray());

    QTRY_COMPARE(adminFeed.model()->rowCount(), adminBefore + 3);
    QCOMPARE(adminFeed.model()->hit(0).event.summary, QStringLiteral("Secret price"));
    QCOMPARE(adminFeed.model()->hit(1).agentPath, QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QTRY_COMPARE(outsiderFeed.rowCount(), outsiderBefore + 2);
    QTest::qWait(300);
    QCOMPARE(outsiderFeed.rowCount(), outsiderBefore + 2);
    QCOMPARE(outsiderFeed.hit(0).event.summary, QStringLiteral("Looked the prospect up"));

    // The tool call's run, read from the server as a trace: the call below the run's start.
    QTableView *table = adminFeed.table();
    table->setCurrentIndex(adminFeed.model()->index(1, 0));
    const QStandardItemModel *trace = adminFeed.detail()->traceModel();
    QCOMPARE(trace->rowCount(), 1);
    QCOMPARE(trace->item(0)->text(), QStringLiteral("run.started"));
    QCOMPARE(trace->item(0)->rowCount(), 1);
    QCOMPARE(trace->item(0)->child(0)->text(), QStringLiteral("tool.call"));
}

QTEST_MAIN(TestLiveFeedServer)
#include "tst_livefeed_server.moc"
