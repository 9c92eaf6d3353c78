// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Webhook calls against a real HTTP receiver on 127.0.0.1: the body arrives with a signature a
// receiver can recompute and a stable idempotency key; answers are classified as delivered,
// worth retrying or permanent; a hung receiver times out; a URL that cannot be called never
// reaches the network.
#include "domain/clock.h"
#include "execution/webhooksender.h"
#include "webhookreceiver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace steward;

Q_DECLARE_METATYPE(steward::WebhookResult::Outcome)

class TestWebhookSender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void signature_matchesKnownVector();
    void send_deliversSignedBodyWithHeaders();
    void classify_data();
    void classify();
    void send_classifiesTheAnswer_data();
    void send_classifiesTheAnswer();
    void send_hungReceiver_timesOut();
    void send_uncallableUrl_neverTouchesNetwork_data();
    void send_uncallableUrl_neverTouchesNetwork();
    void send_nobodyListening_isWorthRetrying();
    void send_httpsToUntrustedCertificate_sendsNothing();
    void destroy_withCallUnderWay_neverCallsBack();

private:
    // Sends and waits for the result.
    [[nodiscard]] std::optional<WebhookResult> deliver(WebhookSender &sender, const QUrl &url);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<test::WebhookReceiver> m_receiver;
};

void TestWebhookSender::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    m_receiver = std::make_unique<test::WebhookReceiver>();
    QVERIFY(m_receiver->listen());
}

std::optional<WebhookResult> TestWebhookSender::deliver(WebhookSender &sender, const QUrl &url)
{
    std::optional<WebhookResult> result;
    sender.send({url, QByteArrayLiteral("{\"approvalId\":7}"), QByteArrayLiteral("s3cret"),
                 QStringLiteral("steward-approval-7")},
                [&result](const WebhookResult &answer) { result = answer; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000)) {
        return std::nullopt;
    }
    return result;
}

void TestWebhookSender::signature_matchesKnownVector()
{
    // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b's3cret',
    // b'1700000000.{\"a\":1}', hashlib.sha256).hexdigest())"
    QCOMPARE(WebhookSender::signature(1700000000, QByteArrayLiteral("{\"a\":1}"), QByteArrayLiteral("s3cret")),
             QByteArrayLiteral("t=1700000000,v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940"));
}

void TestWebhookSender::send_deliversSignedBodyWithHeaders()
{
    WebhookSender sender(*m_clock, {});
    const std::optional<WebhookResult> result = deliver(sender, m_receiver->url());
    QVERIFY(result);
    QCOMPARE(result->outcome, WebhookResult::Outcome::Delivered);
    QCOMPARE(result->httpStatus, 200);
    QCOMPARE(result->reason, QStringLiteral("HTTP 200 OK"));

    QCOMPARE(m_receiver->requests().size(), 1);
    const test::WebhookReceiver::Request request = m_receiver->requests().constFirst();
    QCOMPARE(request.method, QByteArrayLiteral("POST"));
    QCOMPARE(request.path, QByteArrayLiteral("/hook"));
    QCOMPARE(request.body, QByteArrayLiteral("{\"approvalId\":7}"));
    QCOMPARE(request.headers.value("content-type"), QByteArrayLiteral("application/json"));
    QCOMPARE(request.headers.value("idempotency-key"), QByteArrayLiteral("steward-approval-7"));

    // What a receiver does: split the header, recompute the MAC over "<t>.<body>", compare.
    const QList<QByteArray> parts = request.headers.value("steward-signature").split(',');
    QCOMPARE(parts.size(), 2);
    QVERIFY(parts.at(0).startsWith("t="));
    QVERIFY(parts.at(1).startsWith("v1="));
    const QByteArray time = parts.at(0).mid(2);
    QCOMPARE(time.toLongLong(), m_clock->now().toSecsSinceEpoch());
    const QByteArray expected =
        QMessageAuthenticationCode::hash(time + '.' + request.body, "s3cret", QCryptographicHash::Sha256).toHex();
    QCOMPARE(parts.at(1).mid(3), expected);
    const QByteArray forged =
        QMessageAuthenticationCode::hash(time + '.' + request.body, "other", QCryptographicHash::Sha256).toHex();
    QVERIFY(parts.at(1).mid(3) != forged);
}

void TestWebhookSender::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<WebhookResult::Outcome>("outcome");
    using Outcome = WebhookResult::Outcome;
    QTest::newRow("200") << 200 << Outcome::Delivered;
    QTest::newRow("204") << 204 << Outcome::Delivered;
    QTest::newRow("299") << 299 << Outcome::Delivered;
    QTest::newRow("301") << 301 << Outcome::Permanent;
    QTest::newRow("400") << 400 << Outcome::Permanent;
    QTest::newRow("401") << 401 << Outcome::Permanent;
    QTest::newRow("404") << 404 << Outcome::Permanent;
    QTest::newRow("408") << 408 << Outcome::Retry;
    QTest::newRow("409") << 409 << Outcome::Permanent;
    QTest::newRow("429") << 429 << Outcome::Retry;
    QTest::newRow("500") << 500 << Outcome::Retry;
    QTest::newRow("503") << 503 << Outcome::Retry;
}

void TestWebhookSender::classify()
{
    QFETCH(int, status);
    QFETCH(WebhookResult::Outcome, outcome);
    QCOMPARE(WebhookSender::classify(status), outcome);
}

void TestWebhookSender::send_classifiesTheAnswer_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<WebhookResult::Outcome>("outcome");
    QTest::addColumn<QString>("reason");
    using Outcome = WebhookResult::Outcome;
    QTest::newRow("accepted") << 202 << Outcome::Delivered << QStringLiteral("HTTP 202 Accepted");
    QTest::newRow("redirect") << 302 << Outcome::Permanent
                              << QStringLiteral("HTTP 302 Found (webhooks do not follow redirects): "
                                                "the receiver says no");
    QTest::newRow("bad request") << 400 << Outcome::Permanent
                                 << QStringLiteral("HTTP 400 Bad Request: the receiver says no");
    QTest::newRow("not found") << 404 << Outcome::Permanent
                               << QStringLiteral("HTTP 404 Not Found: the receiver says no");
    QTest::newRow("request timeout") << 408 << Outcome::Retry
                                     << QStringLiteral("HTTP 408 Request Timeout: the receiver says no");
    QTest::newRow("too many") << 429 << Outcome::Retry
                              << QStringLiteral("HTTP 429 Too Many Requests: the receiver says no");
    QTest::newRow("server error") << 500 << Outcome::Retry
                                  << QStringLiteral("HTTP 500 Internal Server Error: the receiver says no");
    QTest::newRow("unavailable") << 503 << Outcome::Retry
                                 << QStringLiteral("HTTP 503 Service Unavailable: the receiver says no");
}

void TestWebhookSender::send_classifiesTheAnswer()
{
    QFETCH(int, status);
    QFETCH(WebhookResult::Outcome, outcome);
    QFETCH(QString, reason);
    m_receiver->setStatus(status);
    WebhookSender sender(*m_clock, {});
    const std::optional<WebhookResult> result = deliver(sender, m_receiver->url());
    QVERIFY(result);
    QCOMPARE(result->outcome, outcome);
    QCOMPARE(result->httpStatus, status);
    QCOMPARE(result->reason, reason);
    // Not followed: the receiver saw one call.
    QCOMPARE(m_receiver->requests().size(), 1);
}

void TestWebhookSender::send_hungReceiver_timesOut()
{
    m_receiver->hangNext(1);
    WebhookSender sender(*m_clock, {300});
    QElapsedTimer elapsed;
    elapsed.start();
    const std::optional<WebhookResult> result = deliver(sender, m_receiver->url());
    QVERIFY(result);
    QCOMPARE(result->outcome, WebhookResult::Outcome::Retry);
    QCOMPARE(result->httpStatus, 0);
    QCOMPARE(result->reason, QStringLiteral("no answer within 300 ms"));
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(m_receiver->requests().size(), 1);
    QCOMPARE(sender.callsUnderWay(), 0);
}

void TestWebhookSender::send_uncallableUrl_neverTouchesNetwork_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/hook")
                         << QStringLiteral("a webhook URL must start with http:// or https://, not ftp://");
    QTest::newRow("relative") << QStringLiteral("/hook") << QStringLiteral("\"/hook\" is not a URL");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\" is not a URL");
    QTest::newRow("no host") << QStringLiteral("http:///hook") << QStringLiteral("the webhook URL names no host");
}

void TestWebhookSender::send_uncallableUrl_neverTouchesNetwork()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    WebhookSender sender(*m_clock, {});
    const std::optional<WebhookResult> result = deliver(sender, QUrl(url));
    QVERIFY(result);
    QCOMPARE(result->outcome, WebhookResult::Outcome::Permanent);
    QCOMPARE(result->httpStatus, 0);
    QCOMPARE(result->reason, reason);
    QVERIFY(m_receiver->requests().isEmpty());
}

void TestWebhookSender::send_nobodyListening_isWorthRetrying()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    WebhookSender sender(*m_clock, {});
    const std::optional<WebhookResult> result =
        deliver(sender, QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)));
    QVERIFY(result);
    QCOMPARE(result->outcome, WebhookResult::Outcome::Retry);
    QCOMPARE(result->httpStatus, 0);
    QVERIFY2(result->reason.startsWith(QStringLiteral("no answer: ")), qPrintable(result->reason));
}

void TestWebhookSender::send_httpsToUntrustedCertificate_sendsNothing()
{
    // A receiver over TLS with a certificate no authority vouches for: the sender checks it and
    // sends nothing, not even the signed body.
    QTemporaryDir dir;
    const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), certificate});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        QSKIP("openssl could not make a certificate");
    }
    QFile certificateFile(certificate);
    QFile keyFile(key);
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificateFile.readAll(), QSsl::Pem));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    QSslServer server;
    server.setSslConfiguration(tls);
    QByteArray received;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server, &received] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] { received += socket->readAll(); });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    WebhookSender sender(*m_clock, {});
    const std::optional<WebhookResult> result =
        deliver(sender, QUrl(QStringLiteral("https://127.0.0.1:%1/hook").arg(server.serverPort())));
    QVERIFY(result);
    QCOMPARE(result->outcome, WebhookResult::Outcome::Retry);
    QCOMPARE(result->httpStatus, 0);
    QVERIFY2(result->reason.startsWith(QStringLiteral("no answer: ")), qPrintable(result->reason));
    QVERIFY(received.isEmpty());
}

void TestWebhookSender::destroy_withCallUnderWay_neverCallsBack()
{
    m_receiver->hangNext(1);
    auto sender = std::make_unique<WebhookSender>(*m_clock, WebhookSender::Options{});
    bool calledBack = false;
    sender->send({m_receiver->url(), "{}", "s3cret", QStringLiteral("k")},
                 [&calledBack](const WebhookResult &) { calledBack = true; });
    QTRY_COMPARE(m_receiver->requests().size(), 1);
    QCOMPARE(sender->callsUnderWay(), 1);
    sender.reset();
    QTest::qWait(100);
    QVERIFY(!calledBack);
}

QTEST_GUILESS_MAIN(TestWebhookSender)
#include "tst_webhooksender.moc"
