// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The http runner against a real HTTP receiver on 127.0.0.1: the run request arrives as JSON,
// signed, with the run's idempotency key; a 2xx answer is success unless its body says the run
// failed; other statuses, a harness that never answers, one that is not there and an oversized
// answer fail the run; finished() comes exactly once.
#include "domain/clock.h"
#include "runtime/httprunner.h"
#include "webhookreceiver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace steward;

class TestHttpRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void start_postsSignedRunRequest();
    void unsigned_withoutSecret();
    void answer_decidesTheOutcome_data();
    void answer_decidesTheOutcome();
    void hungHarness_timesOut();
    void nobodyListening_fails();
    void oversizedAnswer_fails();
    void notHttpUrl_failsWithoutNetwork_data();
    void notHttpUrl_failsWithoutNetwork();
    void cancel_abandonsTheRequest();
    void sharedNetwork_isUsed();

private:
    [[nodiscard]] RunRequest request(const QString &url, int timeoutSeconds = 30) const;
    [[nodiscard]] RunRequest request(const QUrl &url, int timeoutSeconds = 30) const
    {
        return request(url.toString(), timeoutSeconds);
    }
    // Starts the run and waits for finished(), then a little longer, to see it only once.
    [[nodiscard]] QList<RunnerOutcome> run(const RunRequest &request, HttpRunner::Options options = {});

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<test::WebhookReceiver> m_receiver;
};

void TestHttpRunner::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    m_receiver = std::make_unique<test::WebhookReceiver>();
    QVERIFY(m_receiver->listen());
}

RunRequest TestHttpRunner::request(const QString &url, int timeoutSeconds) const
{
    RunRequest request;
    request.run.id = 42;
    request.run.agentId = 7;
    request.run.version = 3;
    request.run.trigger = RunTrigger::Event;
    request.run.triggerDetail = QStringLiteral("lead.created");
    request.run.startedAt = QDateTime(QDate(2026, 5, 4), QTime(8, 59, 59, 250), Qt::UTC);
    request.agentPath = QStringLiteral("/acme/sales/outreach");
    request.spec.model = QStringLiteral("gpt-4o-mini");
    request.spec.instructions = QStringLiteral("Write to the lead.\nBe brief.");
    request.spec.runner.kind = QStringLiteral("http");
    request.spec.runner.target = url;
    request.spec.runner.timeoutSeconds = timeoutSeconds;
    request.payload = QJsonObject{{QStringLiteral("lead"), QStringLiteral("Ada")}};
    return request;
}

QList<RunnerOutcome> TestHttpRunner::run(const RunRequest &request, HttpRunner::Options options)
{
    QList<RunnerOutcome> outcomes;
    HttpRunner runner(*m_clock, std::move(options));
    bool reported = false;
    connect(&runner, &Runner::eventsReported, this, [&reported] { reported = true; });
    connect(&runner, &Runner::proposalReported, this, [&reported] { reported = true; });
    connect(&runner, &Runner::finished, this, [&outcomes](const RunnerOutcome &outcome) { outcomes.append(outcome); });
    runner.start(request);
    if (QTest::qWaitFor([&outcomes] { return !outcomes.isEmpty(); }, 20000)) {
        QTest::qWait(100);
    }
    // The harness reports its own events and proposals; the runner only the outcome.
    return reported ? QList<RunnerOutcome>() : outcomes;
}

void TestHttpRunner::start_postsSignedRunRequest()
{
    HttpRunner::Options options;
    options.secret = QByteArrayLiteral("s3cret");
    const QList<RunnerOutcome> outcomes = run(request(m_receiver->url(QStringLiteral("/run"))), options);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(outcomes.constFirst().error, QString());

    QCOMPARE(m_receiver->requests().size(), 1);
    const test::WebhookReceiver::Request received = m_receiver->requests().constFirst();
    QCOMPARE(received.method, QByteArrayLiteral("POST"));
    QCOMPARE(received.path, QByteArrayLiteral("/run"));
    QCOMPARE(received.headers.value("content-type"), QByteArrayLiteral("application/json"));
    QCOMPARE(received.headers.value("idempotency-key"), QByteArrayLiteral("steward-run-42"));

    const QJsonObject body = QJsonDocument::fromJson(received.body).object();
    const QJsonObject expected{
        {QStringLiteral("run"),
         QJsonObject{{QStringLiteral("id"), 42},
                     {QStringLiteral("agentId"), 7},
                     {QStringLiteral("agent"), QStringLiteral("/acme/sales/outreach")},
                     {QStringLiteral("version"), 3},
                     {QStringLiteral("trigger"), QStringLiteral("event")},
                     {QStringLiteral("triggerDetail"), QStringLiteral("lead.created")},
                     {QStringLiteral("startedAt"), QStringLiteral("2026-05-04T08:59:59.250Z")}}},
        {QStringLiteral("payload"), QJsonObject{{QStringLiteral("lead"), QStringLiteral("Ada")}}},
        {QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
        {QStringLiteral("instructions"), QStringLiteral("Write to the lead.\nBe brief.")}};
    QCOMPARE(body, expected);

    // What a harness does: recompute the MAC over "<t>.<body>" with the shared secret.
    const QList<QByteArray> parts = received.headers.value("steward-signature").split(',');
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0), "t=" + QByteArray::number(m_clock->now().toSecsSinceEpoch()));
    const QByteArray mac =
        QMessageAuthenticationCode::hash(parts.at(0).mid(2) + '.' + received.body, "s3cret", QCryptographicHash::Sha256)
            .toHex();
    QCOMPARE(parts.at(1), "v1=" + mac);
}

void TestHttpRunner::unsigned_withoutSecret()
{
    const QList<RunnerOutcome> outcomes = run(request(m_receiver->url()));
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(m_receiver->requests().size(), 1);
    QVERIFY(!m_receiver->requests().constFirst().headers.contains("steward-signature"));
}

void TestHttpRunner::answer_decidesTheOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer"); // null: the receiver's usual few words
    QTest::addColumn<RunStatus>("outcome");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qint64>("tokensIn");
    QTest::addColumn<qint64>("tokensOut");
    QTest::addColumn<double>("cost");
    QTest::newRow("200, text") << 200 << QByteArray() << RunStatus::Succeeded << QString() << qint64(0) << qint64(0)
                               << 0.0;
    QTest::newRow("202, empty") << 202 << QByteArray("") << RunStatus::Succeeded << QString() << qint64(0) << qint64(0)
                                << 0.0;
    QTest::newRow("200, usage") << 200
                                << QByteArray(R"({"status":"succeeded","tokensIn":120,"tokensOut":80,"cost":0.004})")
                                << RunStatus::Succeeded << QString() << qint64(120) << qint64(80) << 0.004;
    QTest::newRow("200, failed") << 200 << QByteArray(R"({"status":"failed","error":"the CRM is down","tokensIn":5})")
                                 << RunStatus::Failed << QStringLiteral("the CRM is down") << qint64(5) << qint64(0)
                                 << 0.0;
    QTest::newRow("200, failed, no reason")
        << 200 << QByteArray(R"({"status":"failed"})") << RunStatus::Failed
        << QStringLiteral("the harness says the run failed") << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("500") << 500 << QByteArray() << RunStatus::Failed << QStringLiteral("HTTP 500: the receiver says no")
                         << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("503, empty") << 503 << QByteArray("") << RunStatus::Failed << QStringLiteral("HTTP 503") << qint64(0)
                                << qint64(0) << 0.0;
    QTest::newRow("404, long") << 404 << QByteArray(300, 'x') << RunStatus::Failed
                               << QStringLiteral("HTTP 404: ") + QString(200, u'x') << qint64(0) << qint64(0) << 0.0;
    QTest::newRow("302, not followed") << 302 << QByteArray() << RunStatus::Failed
                                       << QStringLiteral("HTTP 302: the receiver says no") << qint64(0) << qint64(0)
                                       << 0.0;
}

void TestHttpRunner::answer_decidesTheOutcome()
{
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(RunStatus, outcome);
    QFETCH(QString, error);
    QFETCH(qint64, tokensIn);
    QFETCH(qint64, tokensOut);
    QFETCH(double, cost);
    m_receiver->setStatus(status);
    m_receiver->setAnswerBody(answer);
    const QList<RunnerOutcome> outcomes = run(request(m_receiver->url()));
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, outcome);
    QCOMPARE(outcomes.constFirst().error, error);
    QCOMPARE(outcomes.constFirst().tokensIn, tokensIn);
    QCOMPARE(outcomes.constFirst().tokensOut, tokensOut);
    QCOMPARE(outcomes.constFirst().cost, cost);
    QCOMPARE(m_receiver->requests().size(), 1);
}

void TestHttpRunner::hungHarness_timesOut()
{
    m_receiver->hangNext(1);
    QElapsedTimer elapsed;
    elapsed.start();
    const QList<RunnerOutcome> outcomes = run(request(m_receiver->url(), 1));
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(outcomes.constFirst().error, QStringLiteral("timed out after 1 s"));
    QVERIFY2(elapsed.elapsed() >= 1000 && elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(m_receiver->requests().size(), 1);
}

void TestHttpRunner::nobodyListening_fails()
{
    // A port that was free a moment ago: nothing listens there now.
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    const QList<RunnerOutcome> outcomes = run(request(QStringLiteral("http://127.0.0.1:%1/run").arg(port)));
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(outcomes.constFirst().error, QStringLiteral("no answer from the harness: Connection refused"));
}

void TestHttpRunner::oversizedAnswer_fails()
{
    m_receiver->setAnswerBody(QByteArray(2 * 1024 * 1024, 'x'));
    const QList<RunnerOutcome> outcomes = run(request(m_receiver->url()));
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(outcomes.constFirst().error, QStringLiteral("the harness's answer is longer than 1048576 bytes"));
}

void TestHttpRunner::notHttpUrl_failsWithoutNetwork_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("relative") << QStringLiteral("/run");
    QTest::newRow("empty") << QString();
    QTest::newRow("no host") << QStringLiteral("http:///run");
}

void TestHttpRunner::notHttpUrl_failsWithoutNetwork()
{
    QFETCH(QString, url);
    const QList<RunnerOutcome> outcomes = run(request(url));
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(outcomes.constFirst().error,
             QStringLiteral("the harness URL \"%1\" is not an http:// or https:// URL").arg(url));
    QVERIFY(m_receiver->requests().isEmpty());
}

void TestHttpRunner::cancel_abandonsTheRequest()
{
    m_receiver->hangNext(1);
    QList<RunnerOutcome> outcomes;
    HttpRunner runner(*m_clock);
    connect(&runner, &Runner::finished, this, [&outcomes](const RunnerOutcome &outcome) { outcomes.append(outcome); });
    runner.start(request(m_receiver->url()));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), 1, 5000);
    runner.cancel(QStringLiteral("the server is shutting down"));
    runner.cancel(QStringLiteral("asked twice"));
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 5000);
    QTest::qWait(100);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(outcomes.constFirst().error, QStringLiteral("the server is shutting down"));
}

void TestHttpRunner::sharedNetwork_isUsed()
{
    QNetworkAccessManager network;
    int replies = 0;
    connect(&network, &QNetworkAccessManager::finished, this, [&replies] { ++replies; });
    HttpRunner::Options options;
    options.network = &network;
    const QList<RunnerOutcome> outcomes = run(request(m_receiver->url()), options);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(replies, 1);
}

QTEST_GUILESS_MAIN(TestHttpRunner)
#include "tst_httprunner.moc"
