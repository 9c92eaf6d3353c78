// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The live stream of the real stewardd: history from `since`, live items as they are committed,
// resume without a gap or a duplicate, visibility, and refusal without a token. Runs on SQLite
// and, as tst_stewardd_stream_pg, on PostgreSQL.
#include "serverfixture.h"
#include "serverprocess.h"
#include "streamrecorder.h"
#include "teststore.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewarddStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void historyThenLive();
    void resumeGetsExactlyWhatWasMissed();
    void privateActivityIsInvisible();
    void refusedWithoutToken();
    void plainGetIsTold();

private:
    [[nodiscard]] QString token(const QString &principal) const { return m_seeded.tokens.value(principal); }
    // Posts `count` output events for the agent at `path` as root-admin; returns the client ids.
    QStringList postEvents(const QString &path, int count, const QString &prefix);

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    int m_posted = 0;
};

void TestStewarddStream::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestStewarddStream::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

QStringList TestStewarddStream::postEvents(const QString &path, int count, const QString &prefix)
{
    QJsonArray events;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("%1-%2").arg(prefix).arg(++m_posted);
        ids.append(id);
        events.append(QJsonObject{{QStringLiteral("clientId"), id},
                                  {QStringLiteral("agentId"), m_seeded.nodes.value(path)},
                                  {QStringLiteral("kind"), QStringLiteral("output")},
                                  {QStringLiteral("summary"), QString(QStringLiteral("event ") + id)}});
    }
    const HttpReply reply =
        HttpClient(m_server.url(), token(QStringLiteral("root-admin")))
            .post(QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("events"), events}});
    if (reply.status != 200) {
        qWarning("post failed: %s", reply.body.constData());
        return {};
    }
    return ids;
}

static QStringList clientIds(const QList<QJsonObject> &messages)
{
    QStringList ids;
    for (const QJsonObject &message : messages) {
        if (message.value(QStringLiteral("type")).toString() == QLatin1String("event")) {
            ids.append(message.value(QStringLiteral("data")).toObject().value(QStringLiteral("clientId")).toString());
        }
    }
    return ids;
}

void TestStewarddStream::historyThenLive()
{
    StreamRecorder admin(m_server.url(), token(QStringLiteral("root-admin")), 0);
    QVERIFY(admin.waitConnected());
    admin.waitQuiet();
    // The seeding's tree, from the start of the stream: every node, the private agents too.
    QStringList paths;
    for (const QJsonObject &message : admin.messagesOfType(QStringLiteral("node"))) {
        paths.append(message.value(QStringLiteral("data")).toObject().value(QStringLiteral("path")).toString());
    }
    for (auto node = m_seeded.nodes.cbegin(); node != m_seeded.nodes.cend(); ++node) {
        QVERIFY2(paths.contains(node.key()), qPrintable(node.key()));
    }
    const qsizetype history = admin.messages().size();

    const QStringList posted =
        postEvents(QStringLiteral("/acme/sales/outbound/prospect-mailer"), 25, QStringLiteral("live"));
    QCOMPARE(posted.size(), 25);
    QVERIFY(admin.waitForMessages(history + 25));
    QCOMPARE(clientIds(admin.messages().mid(history)), posted);
    qint64 previous = 0;
    for (const QJsonObject &message : admin.messages()) {
        const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
        QVERIFY2(seq > previous, "sequence numbers only go up");
        previous = seq;
    }
}

void TestStewarddStream::resumeGetsExactlyWhatWasMissed()
{
    const QString mailer = QStringLiteral("/acme/sales/outbound/prospect-mailer");
    StreamRecorder first(m_server.url(), token(QStringLiteral("outsider")));
    QVERIFY(first.waitConnected());
    const QStringList before = postEvents(mailer, 10, QStringLiteral("before"));
    QVERIFY(first.waitForMessages(10));
    const qint64 resumeFrom = first.lastSeq();
    first.close();

    const QStringList missed = postEvents(mailer, 30, QStringLiteral("missed"));
    StreamRecorder second(m_server.url(), token(QStringLiteral("outsider")), resumeFrom);
    QVERIFY(second.waitConnected());
    QVERIFY(second.waitForMessages(30));
    const QStringList after = postEvents(mailer, 5, QStringLiteral("after"));
    QVERIFY(second.waitForMessages(35));
    second.waitQuiet();
    QCOMPARE(clientIds(first.messages()), before);
    QCOMPARE(clientIds(second.messages()), missed + after);
}

void TestStewarddStream::privateActivityIsInvisible()
{
    StreamRecorder outsider(m_server.url(), token(QStringLiteral("outsider")));
    StreamRecorder reviewer(m_server.url(), token(QStringLiteral("outbound-reviewer")));
    QVERIFY(outsider.waitConnected());
    QVERIFY(reviewer.waitConnected());
    const QStringList secret =
        postEvents(QStringLiteral("/acme/sales/outbound/pricing-bot"), 3, QStringLiteral("secret"));
    const QStringList open = postEvents(QStringLiteral("/acme/support/tier1/triage"), 2, QStringLiteral("open"));
    QVERIFY(outsider.waitForMessages(2));
    QVERIFY(reviewer.waitForMessages(5));
    outsider.waitQuiet();
    QCOMPARE(clientIds(outsider.messages()), open);
    QCOMPARE(clientIds(reviewer.messages()), secret + open);
}

void TestStewarddStream::refusedWithoutToken()
{
    StreamRecorder anonymous(m_server.url(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(anonymous.closeCode(), 4401, 10'000);
    QVERIFY(anonymous.messages().isEmpty());
    StreamRecorder guesser(m_server.url(), QStringLiteral("wrong"));
    QTRY_COMPARE_WITH_TIMEOUT(guesser.closeCode(), 4401, 10'000);
}

void TestStewarddStream::plainGetIsTold()
{
    const HttpReply reply =
        HttpClient(m_server.url(), token(QStringLiteral("root-admin"))).get(QStringLiteral("/api/v1/stream"));
    QCOMPARE(reply.status, 426);
    QCOMPARE(reply.errorCode(), QStringLiteral("upgrade_required"));
}

QTEST_GUILESS_MAIN(TestStewarddStream)
#include "tst_stewardd_stream.moc"
