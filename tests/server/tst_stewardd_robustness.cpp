// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What clients do to a server on a bad day: drop the connection mid-request, send half a body
// and stall, send headers or bodies far over the limits, send garbage. Each is answered
// cleanly (or the connection closed), and the server keeps serving.
#include "serverfixture.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewarddRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void clientsDroppingMidRequest();
    void clientsDroppingBeforeTheAnswer();
    void halfWrittenBodyTimesOut();
    void declaredBodyOverTheLimit();
    void chunkedBodyOverTheLimit();
    void headerOverTheLimit();
    void garbageInsteadOfHttp_data();
    void garbageInsteadOfHttp();
    void keepAliveServesManyRequests();
    void failedLoginsAreRateLimited();

private:
    [[nodiscard]] bool stillServes() const
    {
        return HttpClient(m_server.url()).get(QStringLiteral("/healthz")).status == 200;
    }
    [[nodiscard]] QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &headers,
                                     const QByteArray &body) const;

    QTemporaryDir m_dir;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddRobustness::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString database = m_dir.filePath(QStringLiteral("robust.steward"));
    m_seeded = seedWorkspace(database);
    QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
    QVERIFY2(m_server.start(database,
                            {QStringLiteral("--request-timeout"), QStringLiteral("1"),
                             QStringLiteral("--failed-auth-per-minute"), QStringLiteral("5")}),
             qPrintable(m_server.error()));
}

void TestStewarddRobustness::cleanupTestCase()
{
    if (m_server.isRunning()) {
        // A clean exit: no crash, and the sanitizers found nothing to report on the way out.
        QCOMPARE(m_server.stop(), 0);
    }
}

QByteArray TestStewarddRobustness::request(const QByteArray &method, const QByteArray &path, const QByteArray &headers,
                                           const QByteArray &body) const
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + m_seeded.tokens.value(QStringLiteral("root-admin")).toUtf8() + "\r\n" + headers + "\r\n" + body;
}

void TestStewarddRobustness::clientsDroppingMidRequest()
{
    for (int i = 0; i < 50; ++i) {
        const QByteArray partial =
            request("POST", "/api/v1/events", "Content-Type: application/json\r\nContent-Length: 5000\r\n",
                    "{\"events\": [{\"clientId\": \"dro");
        QVERIFY(sendRaw(m_server.port(), partial, 1000, true).isEmpty());
    }
    QVERIFY(stillServes());
}

void TestStewarddRobustness::clientsDroppingBeforeTheAnswer()
{
    // Whole requests for the largest answers, abandoned as soon as they are sent: the answer
    // is written to a socket that is going away.
    for (int i = 0; i < 50; ++i) {
        const QByteArray path = i % 2 == 0 ? "/api/v1/tree" : "/api/v1/audit?limit=500";
        QVERIFY(sendRaw(m_server.port(), request("GET", path, {}, {}), 1000, true).isEmpty());
    }
    QVERIFY(stillServes());
}

void TestStewarddRobustness::halfWrittenBodyTimesOut()
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer =
        sendRaw(m_server.port(), request("POST", "/api/v1/events", "Content-Length: 100\r\n", "{\"events\":"), 10'000);
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    QVERIFY(answer.contains("\"timeout\""));
    QVERIFY(timer.elapsed() < 9'000);
    QVERIFY(stillServes());
}

void TestStewarddRobustness::declaredBodyOverTheLimit()
{
    const QByteArray answer = sendRaw(
        m_server.port(), request("POST", "/api/v1/events", "Content-Length: 1000000000\r\n", "{\"events\": ["), 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("\"too_large\""));
    QVERIFY(stillServes());
}

void TestStewarddRobustness::chunkedBodyOverTheLimit()
{
    // No length is declared; the guard counts what arrives.
    QByteArray chunked = request("POST", "/api/v1/events", "Transfer-Encoding: chunked\r\n", {});
    const QByteArray chunk(1024 * 1024, 'x');
    for (int i = 0; i < 10; ++i) {
        chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    const QByteArray answer = sendRaw(m_server.port(), chunked, 10'000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(stillServes());
}

void TestStewarddRobustness::headerOverTheLimit()
{
    const QByteArray answer = sendRaw(
        m_server.port(), "GET /healthz HTTP/1.1\r\nX-Filler: " + QByteArray(200 * 1024, 'a') + "\r\n\r\n", 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
    QVERIFY(stillServes());
}

void TestStewarddRobustness::garbageInsteadOfHttp_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("no request line") << QByteArray("HELLO\r\n\r\n");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\r\n\r\n", 8);
    QTest::newRow("bad version") << QByteArray("GET / HTTX/9.9\r\n\r\n");
    QTest::newRow("negative length") << QByteArray("POST /api/v1/events HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("tls hello on plain port") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
}

void TestStewarddRobustness::garbageInsteadOfHttp()
{
    QFETCH(QByteArray, bytes);
    const QByteArray answer = sendRaw(m_server.port(), bytes, 3000);
    QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer.left(200).constData());
    QVERIFY(stillServes());
}

void TestStewarddRobustness::keepAliveServesManyRequests()
{
    QByteArray pipelined;
    for (int i = 0; i < 20; ++i) {
        pipelined += "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }
    const QByteArray answers = sendRaw(m_server.port(), pipelined, 2000);
    QCOMPARE(answers.count("HTTP/1.1 200"), 20);
}

void TestStewarddRobustness::failedLoginsAreRateLimited()
{
    // The server allows 5 failures a minute from one address (earlier tests may have used
    // some of them): guessing is answered 401 until then, and 429 from then on.
    const HttpClient guesser(m_server.url(), QStringLiteral("guess"));
    int refused = 0;
    HttpReply limited = guesser.get(QStringLiteral("/api/v1/me"));
    while (limited.status == 401 && refused < 10) {
        ++refused;
        limited = guesser.get(QStringLiteral("/api/v1/me"));
    }
    QVERIFY(refused >= 1 && refused <= 5);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
    QVERIFY(limited.header("Retry-After").toInt() > 0);
    // From that address, even a good token waits: guessing cannot go on at speed.
    QCOMPARE(HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")))
                 .get(QStringLiteral("/api/v1/me"))
                 .status,
             429);
    QVERIFY(stillServes());
    const QString metrics = QString::fromUtf8(HttpClient(m_server.url()).get(QStringLiteral("/metrics")).body);
    QVERIFY(metrics.contains(QStringLiteral("steward_rate_limited_total 2")));
}

QTEST_GUILESS_MAIN(TestStewarddRobustness)
#include "tst_stewardd_robustness.moc"
