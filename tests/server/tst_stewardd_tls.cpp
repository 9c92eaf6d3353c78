// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardd with a certificate and key: the API and the live stream over TLS, and nothing in
// clear text on that port.
#include "serverfixture.h"
#include "serverprocess.h"
#include "streamrecorder.h"

#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewarddTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void apiOverHttps();
    void streamOverWss();
    void clearTextIsRefused();
    void badKeyIsAClearStartError();

private:
    QTemporaryDir m_dir;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    QString m_certificate;
    QString m_key;
};

void TestStewarddTls::initTestCase()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("Qt has no TLS backend here");
    }
    m_certificate = m_dir.filePath(QStringLiteral("server.pem"));
    m_key = m_dir.filePath(QStringLiteral("server.key"));
    // A throwaway self-signed certificate for 127.0.0.1, made by the openssl tool.
    const int made = QProcess::execute(QStringLiteral("openssl"),
                                       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                                        QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                        QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                                        QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_certificate});
    QCOMPARE(made, 0);
    const QString database = m_dir.filePath(QStringLiteral("tls.steward"));
    m_seeded = seedWorkspace(database);
    QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
    QVERIFY2(m_server.start(database,
                            {QStringLiteral("--tls-certificate"), m_certificate, QStringLiteral("--tls-key"), m_key}),
             qPrintable(m_server.error()));
    QVERIFY(m_server.log().contains(QStringLiteral("tls=on")));
}

void TestStewarddTls::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

void TestStewarddTls::apiOverHttps()
{
    QCOMPARE(m_server.url().scheme(), QStringLiteral("https"));
    const HttpReply me =
        HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("auditor"))).get(QStringLiteral("/api/v1/me"));
    QVERIFY2(me.status == 200, me.body.constData());
    QCOMPARE(me.json().value(QStringLiteral("principal")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("auditor"));
}

void TestStewarddTls::streamOverWss()
{
    StreamRecorder stream(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")), 0);
    QVERIFY(stream.waitConnected());
    QVERIFY(stream.waitForMessages(1));
}

void TestStewarddTls::clearTextIsRefused()
{
    const QByteArray answer = sendRaw(m_server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 3000);
    QVERIFY2(!answer.contains("HTTP/1.1 200"), answer.constData());
    QCOMPARE(HttpClient(m_server.url()).get(QStringLiteral("/healthz")).status, 200);
}

void TestStewarddTls::badKeyIsAClearStartError()
{
    ServerProcess refused;
    QVERIFY(!refused.start(
        m_dir.filePath(QStringLiteral("other.steward")),
        {QStringLiteral("--tls-certificate"), m_certificate, QStringLiteral("--tls-key"), m_certificate}));
    QVERIFY2(refused.error().contains(QStringLiteral("tls-key")), qPrintable(refused.error()));
}

QTEST_GUILESS_MAIN(TestStewarddTls)
#include "tst_stewardd_tls.moc"
