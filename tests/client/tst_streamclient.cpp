// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// StreamClient against the real stewardd: history from `since`, the backoff while nobody
// listens, a refused token that does not reset the backoff, stop(), and the pinned certificate
// over wss.
#include "client/streamclient.h"
#include "serverfixture.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStreamClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sinceGivesTheHistoryInOrder();
    void backsOffWhileNobodyListens();
    void refusedTokenKeepsBackingOff();
    void stopEndsTheAttempts();
    void certificates_data();
    void certificates();

private:
    [[nodiscard]] ServerConnection connection(const QString &principal) const;
    [[nodiscard]] static QList<int> delays(const QSignalSpy &retries);

    QTemporaryDir m_dir;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    ServerProcess m_tlsServer;
};

void TestStreamClient::initTestCase()
{
    const QString database = m_dir.filePath(QStringLiteral("stream.steward"));
    m_seeded = seedWorkspace(database);
    QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
    QVERIFY2(m_server.start(database), qPrintable(m_server.error()));
    if (QSslSocket::supportsSsl()) {
        QVERIFY(makeCertificate(m_dir.filePath(QStringLiteral("server.pem")),
                                m_dir.filePath(QStringLiteral("server.key"))));
        QVERIFY2(m_tlsServer.start(database,
                                   {QStringLiteral("--tls-certificate"), m_dir.filePath(QStringLiteral("server.pem")),
                                    QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("server.key"))}),
                 qPrintable(m_tlsServer.error()));
    }
}

void TestStreamClient::cleanupTestCase()
{
    for (ServerProcess *server : {&m_server, &m_tlsServer}) {
        if (server->isRunning()) {
            QCOMPARE(server->stop(), 0);
        }
    }
}

ServerConnection TestStreamClient::connection(const QString &principal) const
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = m_seeded.tokens.value(principal, QStringLiteral("stw_unknown"));
    return connection;
}

QList<int> TestStreamClient::delays(const QSignalSpy &retries)
{
    QList<int> list;
    for (const QList<QVariant> &retry : retries) {
        list.append(retry.at(0).toInt());
    }
    return list;
}

void TestStreamClient::sinceGivesTheHistoryInOrder()
{
    StreamClient stream(connection(QStringLiteral("root-admin")));
    QSignalSpy items(&stream, &StreamClient::itemReceived);
    QSignalSpy connection(&stream, &StreamClient::connectionChanged);
    stream.start(0);
    // The seeding made one node item for each of its 10 nodes.
    QTRY_VERIFY(items.size() >= 10);
    QCOMPARE(connection.first().at(0).toBool(), true);
    QVERIFY(stream.isConnected());
    qint64 previous = 0;
    int nodes = 0;
    for (const QList<QVariant> &item : items) {
        QVERIFY(item.at(0).toLongLong() > previous);
        previous = item.at(0).toLongLong();
        nodes += item.at(1).value<StreamItemType>() == StreamItemType::Node ? 1 : 0;
    }
    QCOMPARE(nodes, 10);
    QCOMPARE(stream.lastSeq(), previous);
}

void TestStreamClient::backsOffWhileNobodyListens()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    ServerConnection nowhere = connection(QStringLiteral("auditor"));
    nowhere.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(taken.serverPort()));
    taken.close();
    StreamClient stream(nowhere);
    QSignalSpy retries(&stream, &StreamClient::retryScheduled);
    QSignalSpy connection(&stream, &StreamClient::connectionChanged);
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(retries.size() >= 4, 10'000);
    QCOMPARE(delays(retries).mid(0, 4), (QList<int>{500, 1000, 2000, 4000}));
    QVERIFY(!stream.isConnected());
    QVERIFY(connection.size() >= 3);
    for (const QList<QVariant> &change : connection) {
        QCOMPARE(change.at(0).toBool(), false);
        QVERIFY(!change.at(1).toString().isEmpty());
    }
}

void TestStreamClient::refusedTokenKeepsBackingOff()
{
    StreamClient stream(connection(QStringLiteral("nobody")));
    QSignalSpy retries(&stream, &StreamClient::retryScheduled);
    QSignalSpy connection(&stream, &StreamClient::connectionChanged);
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(retries.size() >= 3, 10'000);
    // The server takes the connection and closes it at once: that is no success to reset on.
    QCOMPARE(delays(retries).mid(0, 3), (QList<int>{500, 1000, 2000}));
    bool toldWhy = false;
    for (const QList<QVariant> &change : connection) {
        toldWhy = toldWhy || change.at(1).toString().contains(QStringLiteral("not signed in"));
    }
    QVERIFY(toldWhy);
}

void TestStreamClient::stopEndsTheAttempts()
{
    StreamClient stream(connection(QStringLiteral("auditor")));
    QSignalSpy connection(&stream, &StreamClient::connectionChanged);
    QSignalSpy retries(&stream, &StreamClient::retryScheduled);
    stream.start();
    QTRY_VERIFY(stream.isConnected());
    stream.stop();
    QTRY_VERIFY(!stream.isConnected());
    QCOMPARE(connection.last().at(0).toBool(), false);
    QTest::qWait(1'000);
    QVERIFY(retries.isEmpty());
}

void TestStreamClient::certificates_data()
{
    QTest::addColumn<bool>("pinned");
    QTest::newRow("self-signed, nothing pinned") << false;
    QTest::newRow("the server's own certificate pinned") << true;
}

void TestStreamClient::certificates()
{
    if (!m_tlsServer.isRunning()) {
        QSKIP("Qt has no TLS backend here");
    }
    QFETCH(bool, pinned);
    ServerConnection connection = TestStreamClient::connection(QStringLiteral("auditor"));
    connection.url = m_tlsServer.url();
    if (pinned) {
        connection.pinnedCertificate =
            ServerConnection::readCertificate(m_dir.filePath(QStringLiteral("server.pem"))).value();
    }
    StreamClient stream(connection);
    QSignalSpy changes(&stream, &StreamClient::connectionChanged);
    stream.start();
    QTRY_VERIFY(!changes.isEmpty());
    QCOMPARE(changes.first().at(0).toBool(), pinned);
    if (!pinned) {
        QVERIFY2(changes.first().at(1).toString().contains(QStringLiteral("certificate is not trusted")),
                 qPrintable(changes.first().at(1).toString()));
    }
    stream.stop();
}

QTEST_GUILESS_MAIN(TestStreamClient)
#include "tst_streamclient.moc"
