// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Two stewardd processes on one database, as a shared deployment runs them: what is posted at
// one reaches the live clients of the other, and two reviewers deciding the same proposal at
// once on different instances end with exactly one winner. Meant for PostgreSQL
// (tst_stewardd_cluster_pg); on SQLite the same holds for two processes on one file.
#include "serverfixture.h"
#include "serverprocess.h"
#include "streamrecorder.h"
#include "teststore.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewarddCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void eventsPostedAtOneReachClientsOfTheOther();
    void racingDecisionsHaveOneWinner();

private:
    [[nodiscard]] QString token(const QString &principal) const { return m_seeded.tokens.value(principal); }

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_first;
    ServerProcess m_second;
};

void TestStewarddCluster::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_first);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QVERIFY2(m_second.start(m_store->location()), qPrintable(m_second.error()));
}

void TestStewarddCluster::cleanupTestCase()
{
    for (ServerProcess *server : {&m_first, &m_second}) {
        if (server->isRunning()) {
            QCOMPARE(server->stop(), 0);
        }
    }
}

void TestStewarddCluster::eventsPostedAtOneReachClientsOfTheOther()
{
    StreamRecorder atSecond(m_second.url(), token(QStringLiteral("root-admin")));
    QVERIFY(atSecond.waitConnected());
    QJsonArray events;
    for (int i = 0; i < 200; ++i) {
        events.append(
            QJsonObject{{QStringLiteral("clientId"), QStringLiteral("fan-%1").arg(i)},
                        {QStringLiteral("agentId"), m_seeded.nodes.value(QStringLiteral("/acme/support/tier1/triage"))},
                        {QStringLiteral("kind"), QStringLiteral("step")}});
    }
    const HttpReply posted =
        HttpClient(m_first.url(), token(QStringLiteral("root-admin")))
            .post(QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("events"), events}});
    QCOMPARE(posted.status, 200);
    QVERIFY(atSecond.waitForMessages(200));
    atSecond.waitQuiet();
    QCOMPARE(atSecond.messagesOfType(QStringLiteral("event")).size(), 200);
    QCOMPARE(atSecond.messagesOfType(QStringLiteral("event"))
                 .constFirst()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("clientId"))
                 .toString(),
             QStringLiteral("fan-0"));
}

void TestStewarddCluster::racingDecisionsHaveOneWinner()
{
    const QString agent = QString::number(m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/prospect-mailer")));
    const HttpClient editor(m_first.url(), token(QStringLiteral("sales-editor")));
    // The agent becomes critical: from then on each change is a proposal for a reviewer.
    const HttpReply critical = editor.post(
        QStringLiteral("/api/v1/agents/%1/versions").arg(agent),
        {{QStringLiteral("baseVersion"), 1},
         {QStringLiteral("spec"), sampleSpec(QStringLiteral("Mail prospects."), QStringLiteral("critical"))},
         {QStringLiteral("reason"), QStringLiteral("It writes to customers")}});
    QCOMPARE(critical.status, 201);

    QNetworkAccessManager manager;
    for (int round = 0; round < 10; ++round) {
        const HttpReply proposed = editor.post(
            QStringLiteral("/api/v1/agents/%1/versions").arg(agent),
            {{QStringLiteral("baseVersion"), 2 + round},
             {QStringLiteral("spec"),
              sampleSpec(QStringLiteral("Mail prospects, round %1.").arg(round), QStringLiteral("critical"))},
             {QStringLiteral("reason"), QStringLiteral("Round %1").arg(round)}});
        QCOMPARE(proposed.status, 202);
        const qint64 proposal =
            proposed.json().value(QStringLiteral("proposed")).toObject().value(QStringLiteral("id")).toInteger();

        // Both reviewers press Approve at once, each on their own instance.
        QList<QNetworkReply *> replies;
        for (ServerProcess *server : {&m_first, &m_second}) {
            QNetworkRequest request(server->url(QStringLiteral("/api/v1/proposals/%1/approve").arg(proposal)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + token(QStringLiteral("root-admin")).toUtf8());
            replies.append(manager.post(request, QByteArray(R"({"reason": "Looks right"})")));
        }
        QEventLoop loop;
        int finished = 0;
        for (QNetworkReply *reply : replies) {
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == 2) {
                    loop.quit();
                }
            });
        }
        loop.exec();
        QList<int> statuses;
        for (QNetworkReply *reply : replies) {
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            reply->setProperty("body", reply->readAll());
            reply->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        if (statuses != QList<int>{201, 409}) {
            for (QNetworkReply *reply : replies)
                qWarning("%s", reply->property("body").toByteArray().constData());
        }
        QCOMPARE(statuses, (QList<int>{201, 409}));
    }
    // Ten approvals, ten versions: nothing applied twice.
    const HttpReply history = editor.get(QStringLiteral("/api/v1/agents/%1/versions").arg(agent));
    QCOMPARE(history.json().value(QStringLiteral("items")).toArray().size(), 12);
}

QTEST_GUILESS_MAIN(TestStewarddCluster)
#include "tst_stewardd_cluster.moc"
