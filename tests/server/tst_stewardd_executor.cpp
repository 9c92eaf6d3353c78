// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The executor inside the real stewardd, against a real HTTP receiver in this test: an
// approval a reviewer approves is POSTed once, signed with the secret from --secrets; a refusal
// fails it with the reason; /metrics counts both. With --executor off nothing is sent, and an
// instance started later with the executor on catches up. A secret file others can read stops
// the server from starting.
#include "domain/clock.h"
#include "execution/executionservice.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "teststore.h"
#include "webhookreceiver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

namespace {

const QByteArray secretValue = QByteArrayLiteral("mailer-hook-s3cret");

} // namespace

class TestStewarddExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void approvedAction_isPostedOnceSigned();
    void throughTheApi_agentSeesItsActionExecuted();
    void refusedAction_failsWithTheReason();
    void twoInstances_postEachActionOnce();
    void executorOff_sendsNothing_laterInstanceCatchesUp();
    void secretsOthersCanRead_refusedAtStart();

private:
    // Submitted by the mailer's agent identity and approved by the outbound reviewer, through
    // the approval rules on a connection of the test's own.
    [[nodiscard]] ApprovalId approve(const QString &title);
    [[nodiscard]] QString stateOf(ApprovalId id) const;
    [[nodiscard]] bool writeSecrets(const QString &path, QFileDevice::Permissions permissions) const;

    QTemporaryDir m_dir;
    QString m_secrets;
    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    WebhookReceiver m_receiver;
    std::unique_ptr<Store> m_connection;
    SystemClock m_clock;
};

void TestStewarddExecutor::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    QVERIFY(m_receiver.listen());
    m_secrets = m_dir.filePath(QStringLiteral("secrets"));
    QVERIFY(writeSecrets(m_secrets, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QString failed = startSeededServer(m_store, m_seeded, m_server, {QStringLiteral("--secrets"), m_secrets});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    auto connection = Store::open(m_store->location());
    QVERIFY(connection.ok());
    m_connection = std::move(connection).value();
}

void TestStewarddExecutor::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
    m_connection.reset();
}

bool TestStewarddExecutor::writeSecrets(const QString &path, QFileDevice::Permissions permissions) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write("# receivers of approved actions\nmailer-hook = " + secretValue + "\n");
    file.close();
    return file.setPermissions(permissions);
}

ApprovalId TestStewarddExecutor::approve(const QString &title)
{
    OrgService org(*m_connection, m_clock);
    ApprovalService approvals(*m_connection, m_clock, org);
    const QJsonObject action{{QStringLiteral("type"), QStringLiteral("webhook")},
                             {QStringLiteral("url"), m_receiver.url().toString()},
                             {QStringLiteral("secret"), QStringLiteral("mailer-hook")}};
    const Result<Approval> submitted =
        approvals.submit({m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/prospect-mailer")), 0, 0, title,
                          QStringLiteral("Hello Ada, about your renewal."), QStringLiteral("markdown"), action},
                         QStringLiteral("mailer-bot"));
    if (!submitted) {
        qWarning("%s", qPrintable(submitted.error().message));
        return 0;
    }
    const Result<Approval> decided = approvals.decide(
        submitted->id, {QStringLiteral("approve"), submitted->revision, QStringLiteral("reads well"), QString()},
        QStringLiteral("outbound-reviewer"));
    if (!decided || decided->state != ApprovalState::Approved) {
        qWarning("%s", decided ? "not approved" : qPrintable(decided.error().message));
        return 0;
    }
    return decided->id;
}

QString TestStewarddExecutor::stateOf(ApprovalId id) const
{
    QSqlQuery query(m_connection->database());
    query.prepare(QStringLiteral("SELECT state FROM approvals WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

void TestStewarddExecutor::approvedAction_isPostedOnceSigned()
{
    QVERIFY(m_server.log().contains(QLatin1String("event=executor_started")));
    const qsizetype before = m_receiver.requests().size();
    const ApprovalId id = approve(QStringLiteral("Renewal mail to Ada"));
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("executed"), 15000);
    QCOMPARE(m_receiver.requests().size(), before + 1);

    const WebhookReceiver::Request request = m_receiver.requests().constLast();
    QCOMPARE(request.headers.value("idempotency-key"), ExecutionService::idempotencyKey(id).toUtf8());
    const QList<QByteArray> parts = request.headers.value("steward-signature").split(',');
    QCOMPARE(parts.size(), 2);
    const QByteArray time = parts.at(0).mid(2);
    QCOMPARE(
        parts.at(1).mid(3),
        QMessageAuthenticationCode::hash(time + '.' + request.body, secretValue, QCryptographicHash::Sha256).toHex());
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QStringLiteral("payload")).toString(), QStringLiteral("Hello Ada, about your renewal."));
    QCOMPARE(body.value(QStringLiteral("decidedBy")).toArray(), QJsonArray{QStringLiteral("outbound-reviewer")});

    // Nothing more is sent for it, and the server counts it.
    QTest::qWait(1500);
    QCOMPARE(m_receiver.requests().size(), before + 1);
    const HttpReply metrics = HttpClient(m_server.url()).get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.body.contains("steward_executions_total{outcome=\"executed\"} 1\n"), metrics.body.constData());
}

void TestStewarddExecutor::throughTheApi_agentSeesItsActionExecuted()
{
    const qsizetype before = m_receiver.requests().size();
    const HttpClient agent(m_server.url(), m_seeded.tokens.value(QStringLiteral("mailer-bot")));
    const HttpReply submitted = agent.post(
        QStringLiteral("/api/v1/approvals"),
        {{QStringLiteral("agentId"), m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/prospect-mailer"))},
         {QStringLiteral("title"), QStringLiteral("Renewal mail to Dee")},
         {QStringLiteral("payload"), QStringLiteral("Hello Dee.")},
         {QStringLiteral("payloadFormat"), QStringLiteral("markdown")},
         {QStringLiteral("action"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                      {QStringLiteral("url"), m_receiver.url().toString()},
                      {QStringLiteral("secret"), QStringLiteral("mailer-hook")}}}});
    QCOMPARE(submitted.status, 201);
    const qint64 id = submitted.json().value(QStringLiteral("id")).toInteger();
    const HttpClient reviewer(m_server.url(), m_seeded.tokens.value(QStringLiteral("outbound-reviewer")));
    const HttpReply decided = reviewer.post(QStringLiteral("/api/v1/approvals/%1/decisions").arg(id),
                                            {{QStringLiteral("verdict"), QStringLiteral("edit")},
                                             {QStringLiteral("revision"), 1},
                                             {QStringLiteral("reason"), QStringLiteral("warmer")},
                                             {QStringLiteral("editedPayload"), QStringLiteral("Dear Dee, hello.")}});
    QVERIFY2(decided.status == 200 || decided.status == 201, decided.body.constData());

    // What the agent reads back once the executor is done with it.
    const auto state = [&agent, id] {
        return agent.get(QStringLiteral("/api/v1/approvals/%1").arg(id))
            .json()
            .value(QStringLiteral("approval"))
            .toObject()
            .value(QStringLiteral("state"))
            .toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("executed"), 15000);
    QCOMPARE(m_receiver.requests().size(), before + 1);
    const QJsonObject body = QJsonDocument::fromJson(m_receiver.requests().constLast().body).object();
    QCOMPARE(body.value(QStringLiteral("approvalId")).toInteger(), id);
    QCOMPARE(body.value(QStringLiteral("payload")).toString(), QStringLiteral("Dear Dee, hello."));
}

void TestStewarddExecutor::refusedAction_failsWithTheReason()
{
    m_receiver.setStatus(410);
    const auto restore = qScopeGuard([this] { m_receiver.setStatus(200); });
    const ApprovalId id = approve(QStringLiteral("Renewal mail to Bob"));
    QVERIFY(id);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("failed"), 15000);

    AuditFilter filter;
    filter.action = QStringLiteral("approval.failed");
    const Result<QList<AuditEntry>> audited = AuditRepository(*m_connection).query(filter, 0, 10);
    QVERIFY(audited.ok());
    QCOMPARE(audited->size(), 1);
    QCOMPARE(audited->constFirst().actor, QStringLiteral("executor"));
    QVERIFY2(audited->constFirst().reason.startsWith(QLatin1String("HTTP 410")),
             qPrintable(audited->constFirst().reason));
    const HttpReply metrics = HttpClient(m_server.url()).get(QStringLiteral("/metrics"));
    QVERIFY2(metrics.body.contains("steward_executions_total{outcome=\"failed\"} 1\n"), metrics.body.constData());
}

void TestStewarddExecutor::twoInstances_postEachActionOnce()
{
    ServerProcess second;
    QVERIFY2(second.start(m_store->location(), {QStringLiteral("--secrets"), m_secrets}), qPrintable(second.error()));
    const qsizetype before = m_receiver.requests().size();
    QSet<QByteArray> keys;
    QList<ApprovalId> ids;
    for (int i = 0; i < 12; ++i) {
        const ApprovalId id = approve(QStringLiteral("Mail %1").arg(i));
        QVERIFY(id);
        ids.append(id);
        keys.insert(ExecutionService::idempotencyKey(id).toUtf8());
    }
    for (const ApprovalId id : std::as_const(ids)) {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("executed"), 15000);
    }
    QTest::qWait(1500);
    QCOMPARE(m_receiver.requests().size(), before + ids.size());
    QSet<QByteArray> received;
    for (qsizetype i = before; i < m_receiver.requests().size(); ++i) {
        received.insert(m_receiver.requests().at(i).headers.value("idempotency-key"));
    }
    QCOMPARE(received, keys);
    QCOMPARE(second.stop(), 0);
}

void TestStewarddExecutor::executorOff_sendsNothing_laterInstanceCatchesUp()
{
    QCOMPARE(m_server.stop(), 0);
    ServerProcess serving;
    QVERIFY2(serving.start(m_store->location(), {QStringLiteral("--executor"), QStringLiteral("off")}),
             qPrintable(serving.error()));
    QVERIFY(serving.log().contains(QLatin1String("event=executor_off")));
    const qsizetype before = m_receiver.requests().size();
    const ApprovalId id = approve(QStringLiteral("Renewal mail to Cy"));
    QVERIFY(id);
    QTest::qWait(2500);
    QCOMPARE(m_receiver.requests().size(), before);
    QCOMPARE(stateOf(id), QStringLiteral("approved"));

    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("executed"), 15000);
    QCOMPARE(m_receiver.requests().size(), before + 1);
    QCOMPARE(serving.stop(), 0);
}

void TestStewarddExecutor::secretsOthersCanRead_refusedAtStart()
{
    const QString open = m_dir.filePath(QStringLiteral("open-secrets"));
    QVERIFY(writeSecrets(
        open, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    ServerProcess refused;
    QVERIFY(!refused.start(m_store->location(), {QStringLiteral("--secrets"), open}));
    QVERIFY2(refused.error().contains(QLatin1String("chmod 600")), qPrintable(refused.error()));
    QVERIFY2(!refused.error().contains(QString::fromUtf8(secretValue)), qPrintable(refused.error()));
}

QTEST_GUILESS_MAIN(TestStewarddExecutor)
#include "tst_stewardd_executor.moc"
