// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ApiClient against the real stewardd (in clear text and over TLS with a self-signed
// certificate): answers, the server's errors as Error, paging, downloads, a server that is not
// there or does not answer, the pinned certificate, and a caller whose event loop is not run.
#include "client/apiclient.h"
#include "serverfixture.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace steward;
using namespace steward::test;

class TestApiClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void answersAndErrors_data();
    void answersAndErrors();
    void postAnswersWithTheStoredThing();
    void getItemsFollowsTheCursor();
    void downloadWritesTheFileOrNothing();
    void serverNotThere();
    void serverThatDoesNotAnswer();
    void callersEventLoopIsNotRun();
    void certificates_data();
    void certificates();

private:
    [[nodiscard]] ServerConnection connection(const QString &principal) const;
    // NAME.pem and NAME.key in the test's folder.
    [[nodiscard]] bool makeCertificate(const QString &name);

    QTemporaryDir m_dir;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    ServerProcess m_tlsServer;
};

bool TestApiClient::makeCertificate(const QString &name)
{
    return test::makeCertificate(m_dir.filePath(name + QStringLiteral(".pem")),
                                 m_dir.filePath(name + QStringLiteral(".key")));
}

void TestApiClient::initTestCase()
{
    const QString database = m_dir.filePath(QStringLiteral("api.steward"));
    m_seeded = seedWorkspace(database);
    QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
    QVERIFY2(m_server.start(database), qPrintable(m_server.error()));
    if (QSslSocket::supportsSsl()) {
        QVERIFY(makeCertificate(QStringLiteral("server")));
        QVERIFY(makeCertificate(QStringLiteral("other")));
        QVERIFY2(m_tlsServer.start(database,
                                   {QStringLiteral("--tls-certificate"), m_dir.filePath(QStringLiteral("server.pem")),
                                    QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("server.key"))}),
                 qPrintable(m_tlsServer.error()));
    }
}

void TestApiClient::cleanupTestCase()
{
    for (ServerProcess *server : {&m_server, &m_tlsServer}) {
        if (server->isRunning()) {
            QCOMPARE(server->stop(), 0);
        }
    }
}

ServerConnection TestApiClient::connection(const QString &principal) const
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = m_seeded.tokens.value(principal, QStringLiteral("stw_unknown"));
    return connection;
}

void TestApiClient::answersAndErrors_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code"); // -1: an answer
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *principal, const char *path, int code, const char *message) {
        QTest::newRow(name) << QString::fromUtf8(principal) << QString::fromUtf8(path) << code
                            << QString::fromUtf8(message);
    };
    row("an answer", "auditor", "/api/v1/me", -1, "");
    row("an unknown token", "nobody", "/api/v1/me", int(Error::Code::Forbidden), "Not signed in");
    row("no such node", "root-admin", "/api/v1/nodes/999999", int(Error::Code::NotFound), "There is no node 999999.");
    row("hidden like missing", "outsider", "/api/v1/agents/%pricing-bot", int(Error::Code::NotFound),
        "There is no node");
    row("no such route", "root-admin", "/api/v1/nowhere", int(Error::Code::NotFound), "");
    row("not an id", "root-admin", "/api/v1/nodes/abc", int(Error::Code::Invalid), "");
    row("not allowed", "sales-editor", "/api/v1/audit/verify", int(Error::Code::Forbidden), "sales-editor may not");
}

void TestApiClient::answersAndErrors()
{
    QFETCH(QString, principal);
    QFETCH(QString, path);
    QFETCH(int, code);
    QFETCH(QString, message);
    path.replace(QStringLiteral("%pricing-bot"),
                 QString::number(m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/pricing-bot"))));
    const ApiClient api(connection(principal));
    const Result<QJsonValue> answer = api.get(path);
    if (code < 0) {
        QVERIFY(answer);
        QCOMPARE(answer->toObject().value(QStringLiteral("principal")).toObject().value(QStringLiteral("name")),
                 QJsonValue(principal));
        return;
    }
    QVERIFY(!answer);
    QCOMPARE(int(answer.error().code), code);
    QVERIFY2(answer.error().message.contains(message), qPrintable(answer.error().message));
}

void TestApiClient::postAnswersWithTheStoredThing()
{
    const ApiClient api(connection(QStringLiteral("sales-editor")));
    const Result<QJsonValue> created =
        api.post(QStringLiteral("/api/v1/nodes"),
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("team")},
                             {QStringLiteral("parentId"), m_seeded.nodes.value(QStringLiteral("/acme/sales"))},
                             {QStringLiteral("name"), QStringLiteral("partners")},
                             {QStringLiteral("reason"), QStringLiteral("channel")}});
    QVERIFY(created);
    const qint64 id = created->toObject().value(QStringLiteral("id")).toInteger();
    const Result<QJsonValue> renamed = api.patch(QStringLiteral("/api/v1/nodes/%1").arg(id),
                                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("alliances")},
                                                             {QStringLiteral("reason"), QStringLiteral("clearer")}});
    QVERIFY(renamed);
    QCOMPARE(renamed->toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/acme/sales/alliances"));
    // The server's checks come back as they are: a duplicate name.
    const Result<QJsonValue> duplicate =
        api.post(QStringLiteral("/api/v1/nodes"),
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("team")},
                             {QStringLiteral("parentId"), m_seeded.nodes.value(QStringLiteral("/acme/sales"))},
                             {QStringLiteral("name"), QStringLiteral("alliances")},
                             {QStringLiteral("reason"), QStringLiteral("again")}});
    QCOMPARE(duplicate.error().code, Error::Code::Invalid);
    QVERIFY2(duplicate.error().message.contains(QStringLiteral("already has something called")),
             qPrintable(duplicate.error().message));
}

void TestApiClient::getItemsFollowsTheCursor()
{
    // More events than one page (500) holds.
    QJsonArray events;
    for (int i = 0; i < 1'200; ++i) {
        events.append(QJsonObject{
            {QStringLiteral("clientId"), QStringLiteral("page-%1").arg(i)},
            {QStringLiteral("agentId"), m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/prospect-mailer"))},
            {QStringLiteral("kind"), QStringLiteral("output")}});
    }
    const ApiClient api(connection(QStringLiteral("root-admin")));
    QVERIFY(api.post(QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("events"), events}}));

    const Result<QJsonArray> all = api.getItems(QStringLiteral("/api/v1/events"));
    QVERIFY(all);
    QCOMPARE(all->size(), 1'200);
    QSet<QString> clientIds;
    for (const QJsonValue &event : all.value()) {
        clientIds.insert(event.toObject().value(QStringLiteral("clientId")).toString());
    }
    QCOMPARE(clientIds.size(), 1'200);
    const Result<QJsonArray> some = api.getItems(QStringLiteral("/api/v1/events"), {}, 700);
    QVERIFY(some);
    QCOMPARE(some->size(), 700);
    QCOMPARE(some->first(), all->first());
    QCOMPARE(some->last(), all->at(699));
}

void TestApiClient::downloadWritesTheFileOrNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("download.bundle"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("reason"), QStringLiteral("a copy"));
    const Result<ApiClient::Headers> headers =
        ApiClient(connection(QStringLiteral("auditor"))).download(QStringLiteral("/api/v1/export"), query, path);
    QVERIFY(headers);
    QVERIFY(QFile(path).size() > 0);
    bool hasManifest = false;
    for (const auto &[name, value] : headers.value()) {
        hasManifest = hasManifest || (name.compare("Steward-Manifest", Qt::CaseInsensitive) == 0 && !value.isEmpty());
    }
    QVERIFY(hasManifest);

    // An existing file is never overwritten.
    const Result<ApiClient::Headers> again =
        ApiClient(connection(QStringLiteral("auditor"))).download(QStringLiteral("/api/v1/export"), query, path);
    QCOMPARE(again.error().code, Error::Code::StoreFailure);
    // A refusal leaves no file.
    const QString refusedPath = m_dir.filePath(QStringLiteral("refused.bundle"));
    const Result<ApiClient::Headers> refused = ApiClient(connection(QStringLiteral("outsider")))
                                                   .download(QStringLiteral("/api/v1/export"), query, refusedPath);
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QVERIFY(!QFile::exists(refusedPath));
}

void TestApiClient::serverNotThere()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    ServerConnection nowhere = connection(QStringLiteral("auditor"));
    nowhere.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(taken.serverPort()));
    taken.close();
    const Result<QJsonValue> answer = ApiClient(nowhere).get(QStringLiteral("/api/v1/me"));
    QCOMPARE(answer.error().code, Error::Code::StoreMissing);
    QVERIFY2(answer.error().message.startsWith(QStringLiteral("Cannot reach %1: ").arg(nowhere.url.toString())),
             qPrintable(answer.error().message));
}

void TestApiClient::serverThatDoesNotAnswer()
{
    // Listening, so the connection is made (the kernel accepts it), but nobody ever answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ServerConnection connection = TestApiClient::connection(QStringLiteral("auditor"));
    connection.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    connection.timeoutMs = 300;
    QElapsedTimer timer;
    timer.start();
    const Result<QJsonValue> answer = ApiClient(connection).get(QStringLiteral("/api/v1/me"));
    QVERIFY(timer.elapsed() < 5'000);
    QCOMPARE(answer.error().code, Error::Code::StoreFailure);
    QVERIFY2(answer.error().message.contains(QStringLiteral("did not answer within 0.3 s")),
             qPrintable(answer.error().message));
}

void TestApiClient::callersEventLoopIsNotRun()
{
    const ApiClient api(connection(QStringLiteral("auditor")));
    bool ran = false;
    QTimer::singleShot(0, this, [&ran] { ran = true; });
    QVERIFY(api.get(QStringLiteral("/api/v1/me")));
    QVERIFY(api.get(QStringLiteral("/api/v1/tree")));
    // The timer was due all along: only the caller's own event loop runs it.
    QVERIFY(!ran);
    QTRY_VERIFY(ran);
}

void TestApiClient::certificates_data()
{
    QTest::addColumn<QString>("pinned"); // a certificate file, or empty
    QTest::addColumn<bool>("accepted");
    QTest::newRow("self-signed, nothing pinned") << QString() << false;
    QTest::newRow("the server's own certificate pinned") << QStringLiteral("server.pem") << true;
    QTest::newRow("another certificate pinned") << QStringLiteral("other.pem") << false;
}

void TestApiClient::certificates()
{
    if (!m_tlsServer.isRunning()) {
        QSKIP("Qt has no TLS backend here");
    }
    QFETCH(QString, pinned);
    QFETCH(bool, accepted);
    ServerConnection connection = TestApiClient::connection(QStringLiteral("auditor"));
    connection.url = m_tlsServer.url();
    if (!pinned.isEmpty()) {
        const Result<QSslCertificate> certificate = ServerConnection::readCertificate(m_dir.filePath(pinned));
        QVERIFY(certificate);
        connection.pinnedCertificate = certificate.value();
    }
    const Result<QJsonValue> answer = ApiClient(connection).get(QStringLiteral("/api/v1/me"));
    QCOMPARE(answer.ok(), accepted);
    if (!accepted) {
        QCOMPARE(answer.error().code, Error::Code::StoreMissing);
        QVERIFY2(answer.error().message.contains(QStringLiteral("certificate is not trusted")),
                 qPrintable(answer.error().message));
    }
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
