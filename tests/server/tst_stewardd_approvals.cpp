// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The approvals API against the real stewardd: an agent submits for its own agent only,
// reviewers decide, the long poll answers on a decision and on its timeout, a client that drops
// while waiting leaves the server serving, and two reviewers deciding at once (on one instance,
// and on two instances sharing the database) end with one 201 and one 409.
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using namespace steward;
using namespace steward::test;

class TestStewarddApprovals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void submit_onlyByTheAgentForItself();
    void decide_byAnEligibleReviewer();
    void list_filtersAndCounts();
    void policy_readByViewersSetByAdmins();
    void longPoll_answersOnTheDecision();
    void longPoll_answersOnTimeout();
    void clientDroppingMidWait_leavesTheServerServing();
    void racingReviewers_oneWins();
    void racingReviewers_onTwoInstances_oneWins();

private:
    [[nodiscard]] QString token(const QString &principal) const { return m_seeded.tokens.value(principal); }
    [[nodiscard]] HttpClient as(const QString &principal, const ServerProcess &server) const
    {
        return HttpClient(server.url(), token(principal));
    }
    [[nodiscard]] HttpClient as(const QString &principal) const { return as(principal, m_server); }
    // Submits a proposal as mailer-bot and gives its id (0 when refused).
    [[nodiscard]] qint64 submit(const QString &title = QStringLiteral("Send the follow-up"));
    // Starts a request without waiting for it.
    [[nodiscard]] QNetworkReply *start(const QByteArray &method, const QUrl &url, const QString &principal,
                                       const QByteArray &body = {});
    [[nodiscard]] static bool waitFor(const QList<QNetworkReply *> &replies, int timeoutMs);
    void race(const ServerProcess &first, const ServerProcess &second);

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    QNetworkAccessManager m_manager;
};

namespace {
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");

// GET /api/v1/approvals/{id}?wait=30 on the server.
QUrl waitUrl(const ServerProcess &server, qint64 id)
{
    QUrl url = server.url(QStringLiteral("/api/v1/approvals/%1").arg(id));
    url.setQuery(QStringLiteral("wait=30"));
    return url;
}
} // namespace

void TestStewarddApprovals::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // A second reviewer of the team, for quorums and races.
    const HttpClient admin = as(QStringLiteral("root-admin"));
    const QString reason = QStringLiteral("a second reviewer");
    QCOMPARE(admin
                 .post(QStringLiteral("/api/v1/principals"),
                       {{QStringLiteral("name"), QStringLiteral("second-reviewer")},
                        {QStringLiteral("kind"), QStringLiteral("user")},
                        {QStringLiteral("reason"), reason}})
                 .status,
             201);
    QCOMPARE(admin
                 .post(QStringLiteral("/api/v1/principals/second-reviewer/grants"),
                       {{QStringLiteral("role"), QStringLiteral("reviewer")},
                        {QStringLiteral("path"), QStringLiteral("/acme/sales/outbound")},
                        {QStringLiteral("reason"), reason}})
                 .status,
             201);
    const HttpReply issued =
        admin.post(QStringLiteral("/api/v1/principals/second-reviewer/tokens"),
                   {{QStringLiteral("tokenName"), QStringLiteral("t")}, {QStringLiteral("reason"), reason}});
    QCOMPARE(issued.status, 201);
    m_seeded.tokens.insert(QStringLiteral("second-reviewer"), issued.json().value(QStringLiteral("secret")).toString());
}

void TestStewarddApprovals::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

qint64 TestStewarddApprovals::submit(const QString &title)
{
    const HttpReply submitted =
        as(QStringLiteral("mailer-bot"))
            .post(QStringLiteral("/api/v1/approvals"),
                  {{QStringLiteral("agentId"), m_seeded.nodes.value(mailerPath)},
                   {QStringLiteral("title"), title},
                   {QStringLiteral("payload"), QStringLiteral("Hi Ann,\nshall we talk?\n")},
                   {QStringLiteral("payloadFormat"), QStringLiteral("email")},
                   {QStringLiteral("action"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                                {QStringLiteral("url"), QStringLiteral("https://x.example/")}}}});
    if (submitted.status != 201) {
        qWarning("%s", submitted.body.constData());
        return 0;
    }
    return submitted.json().value(QStringLiteral("id")).toInteger();
}

QNetworkReply *TestStewarddApprovals::start(const QByteArray &method, const QUrl &url, const QString &principal,
                                            const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token(principal).toUtf8());
    return m_manager.sendCustomRequest(request, method, body);
}

bool TestStewarddApprovals::waitFor(const QList<QNetworkReply *> &replies, int timeoutMs)
{
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    for (QNetworkReply *reply : replies) {
        connect(reply, &QNetworkReply::finished, &loop, [&loop, replies] {
            if (std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); })) {
                loop.quit();
            }
        });
    }
    if (!std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); })) {
        loop.exec();
    }
    return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); });
}

void TestStewarddApprovals::submit_onlyByTheAgentForItself()
{
    const qint64 id = submit();
    QVERIFY(id > 0);
    const HttpReply read = as(QStringLiteral("mailer-bot")).get(QStringLiteral("/api/v1/approvals/%1").arg(id));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value(QStringLiteral("approval")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("pending"));

    const QJsonObject forTriage{
        {QStringLiteral("agentId"), m_seeded.nodes.value(QStringLiteral("/acme/support/tier1/triage"))},
        {QStringLiteral("title"), QStringLiteral("Not mine")},
        {QStringLiteral("payload"), QStringLiteral("x")},
        {QStringLiteral("payloadFormat"), QStringLiteral("markdown")}};
    // Another agent's identity sees nothing but its own agent: as if triage did not exist.
    QCOMPARE(as(QStringLiteral("mailer-bot")).post(QStringLiteral("/api/v1/approvals"), forTriage).status, 404);
    // People do not submit in an agent's name.
    QJsonObject forMailer = forTriage;
    forMailer.insert(QStringLiteral("agentId"), m_seeded.nodes.value(mailerPath));
    QCOMPARE(as(QStringLiteral("root-admin")).post(QStringLiteral("/api/v1/approvals"), forMailer).status, 403);
    // Strict bodies.
    forMailer.insert(QStringLiteral("priority"), 1);
    const HttpReply unknown = as(QStringLiteral("mailer-bot")).post(QStringLiteral("/api/v1/approvals"), forMailer);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.errorCode(), QStringLiteral("invalid"));
}

void TestStewarddApprovals::decide_byAnEligibleReviewer()
{
    const qint64 id = submit();
    const QString path = QStringLiteral("/api/v1/approvals/%1/decisions").arg(id);
    const QJsonObject approve{{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 1}};
    QCOMPARE(as(QStringLiteral("outsider")).post(path, approve).status, 403);
    QCOMPARE(as(QStringLiteral("mailer-bot")).post(path, approve).status, 403);
    const QJsonObject stale{{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 2}};
    const HttpReply conflict = as(QStringLiteral("outbound-reviewer")).post(path, stale);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorCode(), QStringLiteral("conflict"));
    const HttpReply approved = as(QStringLiteral("outbound-reviewer")).post(path, approve);
    QCOMPARE(approved.status, 201);
    QCOMPARE(approved.json().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(approved.json().value(QStringLiteral("approvedPayload")).toString(),
             QStringLiteral("Hi Ann,\nshall we talk?\n"));
    const HttpReply history = as(QStringLiteral("outsider")).get(QStringLiteral("/api/v1/approvals/%1").arg(id));
    QCOMPARE(history.status, 200);
    QCOMPARE(history.json().value(QStringLiteral("decisions")).toArray().size(), 1);
}

void TestStewarddApprovals::list_filtersAndCounts()
{
    const qint64 id = submit(QStringLiteral("Counted"));
    const HttpReply mine =
        as(QStringLiteral("outbound-reviewer")).get(QStringLiteral("/api/v1/approvals?mine=true&limit=500"));
    QCOMPARE(mine.status, 200);
    QList<qint64> ids;
    for (const QJsonValue &item : mine.json().value(QStringLiteral("items")).toArray()) {
        ids.append(item.toObject().value(QStringLiteral("id")).toInteger());
    }
    QVERIFY(ids.contains(id));
    const HttpReply counts = as(QStringLiteral("outbound-reviewer")).get(QStringLiteral("/api/v1/approval-counts"));
    QCOMPARE(counts.status, 200);
    QCOMPARE(counts.json().value(QStringLiteral("pendingForMe")).toInteger(), ids.size());
    QCOMPARE(as(QStringLiteral("outsider"))
                 .get(QStringLiteral("/api/v1/approval-counts"))
                 .json()
                 .value(QStringLiteral("pendingForMe"))
                 .toInteger(),
             0);
    const HttpReply first = as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/approvals?limit=1"));
    QCOMPARE(first.json().value(QStringLiteral("items")).toArray().size(), 1);
    const QString cursor = first.json().value(QStringLiteral("nextCursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const HttpReply second =
        as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/approvals?limit=1&before=") + cursor);
    QVERIFY(second.json()
                .value(QStringLiteral("items"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("id"))
                .toInteger()
            < cursor.toLongLong() + 1);
    QCOMPARE(as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/approvals?state=maybe")).status, 400);
    // A private agent stays hidden from those without a grant on it.
    const QString pricing = QString::number(m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/pricing-bot")));
    QCOMPARE(as(QStringLiteral("outsider")).get(QStringLiteral("/api/v1/approvals?agent=") + pricing).status, 404);
}

void TestStewarddApprovals::policy_readByViewersSetByAdmins()
{
    const QString acme = QString::number(m_seeded.nodes.value(QStringLiteral("/acme")));
    const QString outbound = QString::number(m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound")));
    const QJsonObject change{{QStringLiteral("policy"),
                              QJsonObject{{QStringLiteral("quorum"), 1}, {QStringLiteral("expirySeconds"), 86400}}},
                             {QStringLiteral("reason"), QStringLiteral("a day to decide")}};
    const QString acmePolicy = QStringLiteral("/api/v1/nodes/%1/approval-policy").arg(acme);
    QCOMPARE(as(QStringLiteral("outbound-reviewer")).send("PUT", acmePolicy, QJsonDocument(change).toJson()).status,
             403);
    const HttpReply set = as(QStringLiteral("root-admin")).send("PUT", acmePolicy, QJsonDocument(change).toJson());
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(QStringLiteral("ownPolicy")).toBool(), true);
    const HttpReply inherited =
        as(QStringLiteral("outsider")).get(QStringLiteral("/api/v1/nodes/%1/approval-policy").arg(outbound));
    QCOMPARE(inherited.status, 200);
    QCOMPARE(inherited.json().value(QStringLiteral("definedAtPath")).toString(), QStringLiteral("/acme"));
    QCOMPARE(
        inherited.json().value(QStringLiteral("policy")).toObject().value(QStringLiteral("expirySeconds")).toInteger(),
        86400);
    const QJsonObject bad{{QStringLiteral("policy"), QJsonObject{{QStringLiteral("quorum"), 0}}},
                          {QStringLiteral("reason"), QStringLiteral("none")}};
    QCOMPARE(as(QStringLiteral("root-admin")).send("PUT", acmePolicy, QJsonDocument(bad).toJson()).status, 400);
    const QJsonObject clear{{QStringLiteral("policy"), QJsonValue()},
                            {QStringLiteral("reason"), QStringLiteral("back")}};
    const HttpReply cleared = as(QStringLiteral("root-admin")).send("PUT", acmePolicy, QJsonDocument(clear).toJson());
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json().value(QStringLiteral("ownPolicy")).toBool(), false);
}

void TestStewarddApprovals::longPoll_answersOnTheDecision()
{
    const qint64 id = submit();
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *waiting = start("GET", waitUrl(m_server, id), QStringLiteral("mailer-bot"));
    QTest::qWait(300);
    QVERIFY(!waiting->isFinished());
    const HttpReply rejected = as(QStringLiteral("outbound-reviewer"))
                                   .post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id),
                                         {{QStringLiteral("verdict"), QStringLiteral("reject")},
                                          {QStringLiteral("revision"), 1},
                                          {QStringLiteral("reason"), QStringLiteral("not now")}});
    QCOMPARE(rejected.status, 201);
    QVERIFY(waitFor({waiting}, 10000));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(waiting->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject answer = QJsonDocument::fromJson(waiting->readAll()).object();
    QCOMPARE(answer.value(QStringLiteral("approval")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("rejected"));
    waiting->deleteLater();
}

void TestStewarddApprovals::longPoll_answersOnTimeout()
{
    const qint64 id = submit();
    QElapsedTimer timer;
    timer.start();
    const HttpReply waited =
        as(QStringLiteral("mailer-bot")).get(QStringLiteral("/api/v1/approvals/%1?wait=1").arg(id));
    QCOMPARE(waited.status, 200);
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(waited.json().value(QStringLiteral("approval")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("pending"));
    QCOMPARE(as(QStringLiteral("mailer-bot")).get(QStringLiteral("/api/v1/approvals/%1?wait=61").arg(id)).status, 400);
    // A decided approval answers at once, wait or not.
    QCOMPARE(as(QStringLiteral("outbound-reviewer"))
                 .post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id),
                       {{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 1}})
                 .status,
             201);
    timer.restart();
    QCOMPARE(as(QStringLiteral("mailer-bot")).get(QStringLiteral("/api/v1/approvals/%1?wait=30").arg(id)).status, 200);
    QVERIFY(timer.elapsed() < 5000);
}

void TestStewarddApprovals::clientDroppingMidWait_leavesTheServerServing()
{
    const qint64 id = submit();
    const QByteArray request = "GET /api/v1/approvals/" + QByteArray::number(id)
        + "?wait=30 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token(QStringLiteral("mailer-bot")).toUtf8() + "\r\n\r\n";
    for (int i = 0; i < 5; ++i) {
        // Sends the request and hangs up at once, while the server holds it.
        QVERIFY(sendRaw(m_server.port(), request, 300, true).isEmpty());
    }
    QList<QNetworkReply *> aborted;
    for (int i = 0; i < 5; ++i) {
        aborted.append(start("GET", waitUrl(m_server, id), QStringLiteral("mailer-bot")));
    }
    QTest::qWait(300);
    for (QNetworkReply *reply : aborted) {
        reply->abort();
        reply->deleteLater();
    }
    QTest::qWait(200);
    // The decision wakes the waiters that are gone: nothing may be written to their sockets.
    QCOMPARE(as(QStringLiteral("outbound-reviewer"))
                 .post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id),
                       {{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 1}})
                 .status,
             201);
    QTest::qWait(500);
    QVERIFY(m_server.isRunning());
    QCOMPARE(HttpClient(m_server.url()).get(QStringLiteral("/healthz")).status, 200);
    QCOMPARE(as(QStringLiteral("mailer-bot")).get(QStringLiteral("/api/v1/approvals/%1").arg(id)).status, 200);
}

void TestStewarddApprovals::race(const ServerProcess &first, const ServerProcess &second)
{
    for (int round = 0; round < 5; ++round) {
        const qint64 id = submit(QStringLiteral("Race %1").arg(round));
        QVERIFY(id > 0);
        const QByteArray approve = R"({"verdict": "approve", "revision": 1})";
        const QList<QNetworkReply *> replies{
            start("POST", first.url(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id)),
                  QStringLiteral("outbound-reviewer"), approve),
            start("POST", second.url(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id)),
                  QStringLiteral("second-reviewer"), approve)};
        QVERIFY(waitFor(replies, 20000));
        QList<int> statuses;
        for (QNetworkReply *reply : replies) {
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            reply->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{201, 409}));
        const HttpReply after = as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/approvals/%1").arg(id));
        QCOMPARE(after.json().value(QStringLiteral("decisions")).toArray().size(), 1);
        QCOMPARE(after.json().value(QStringLiteral("approval")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("approved"));
    }
}

void TestStewarddApprovals::racingReviewers_oneWins()
{
    race(m_server, m_server);
}

void TestStewarddApprovals::racingReviewers_onTwoInstances_oneWins()
{
    ServerProcess second;
    QVERIFY2(second.start(m_store->location()), qPrintable(second.error()));
    race(m_server, second);
    // A waiter on one instance hears of a decision taken on the other.
    const qint64 id = submit();
    QNetworkReply *waiting = start("GET", waitUrl(second, id), QStringLiteral("mailer-bot"));
    QTest::qWait(300);
    QCOMPARE(as(QStringLiteral("outbound-reviewer"))
                 .post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id),
                       {{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 1}})
                 .status,
             201);
    QVERIFY(waitFor({waiting}, 10000));
    QCOMPARE(QJsonDocument::fromJson(waiting->readAll())
                 .object()
                 .value(QStringLiteral("approval"))
                 .toObject()
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("approved"));
    waiting->deleteLater();
    QCOMPARE(second.stop(), 0);
}

QTEST_GUILESS_MAIN(TestStewarddApprovals)
#include "tst_stewardd_approvals.moc"
