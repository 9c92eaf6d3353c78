// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Executing approved actions against a real HTTP receiver on 127.0.0.1: approved items arrive
// exactly once with a valid signature and the approved payload, others never; a receiver
// failing twice is tried three times with growing waits; a permanent refusal fails the
// approval with its reason in the activity and audit logs; two executors on one database
// deliver each item once; a claim whose executor died is taken over when its lease runs out.
#include "domain/clock.h"
#include "execution/executionservice.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/approvalrepository.h"
#include "storage/auditrepository.h"
#include "storage/executionrepository.h"
#include "storage/store.h"
#include "storage/streamrepository.h"
#include "teststore.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace steward;

namespace {

const QString spec = QStringLiteral("model: a\ninstructions: |\n  Mail.\ncriticality: standard\n");
const QByteArray secretValue = QByteArrayLiteral("0p3n-s3same");

WebhookSecrets secrets()
{
    return WebhookSecrets({{QStringLiteral("billing"), secretValue}});
}

// An executor on its own thread and its own connection to the store, as a second stewardd
// would be, asking for due work every few milliseconds until stopped.
class ExecutorThread final : public QThread
{
public:
    ExecutorThread(QString location, const Clock &clock, QString owner)
        : m_location(std::move(location)), m_clock(clock), m_owner(std::move(owner))
    {
    }

    QStringList errors; // read after wait()

protected:
    void run() override
    {
        Result<std::unique_ptr<Store>> store = Store::open(m_location);
        if (!store) {
            errors.append(store.error().message);
            return;
        }
        ExecutionService::Options options;
        options.owner = m_owner;
        options.maxUnderWay = 2;
        ExecutionService service(*store.value(), m_clock, secrets(), options);
        QObject::connect(&service, &ExecutionService::recordFailed,
                         [this](ApprovalId, const QString &message) { errors.append(message); });
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, [this, &service] {
            if (const Result<int> started = service.runDue(); !started) {
                errors.append(started.error().message);
            }
        });
        timer.start(2);
        exec();
    }

private:
    QString m_location;
    const Clock &m_clock;
    QString m_owner;
};

} // namespace

class TestExecutionService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void retryDelay_doublesUpToTheCap_data();
    void retryDelay_doublesUpToTheCap();
    void runDue_approvedItemsArriveOnceSigned_othersNever();
    void runDue_failingTwice_executedAfterThreeAttemptsWithBackoff();
    void runDue_permanentRefusal_failsWithReasonInActivityAndAudit();
    void runDue_retriesExhausted_fails();
    void runDue_unperformableAction_failsWithoutCalling_data();
    void runDue_unperformableAction_failsWithoutCalling();
    void runDue_claimsNoMoreThanMayBeUnderWay();
    void runDue_twoExecutors_deliverEachItemOnce();
    void runDue_crashedClaim_isTakenOverWhenLeaseRunsOut();
    void lateAnswer_afterTakeOver_changesNothing();

private:
    [[nodiscard]] ApprovalId addApproval(ApprovalState state, const QJsonObject &action);
    // Stored as it is, for states and actions the approval rules would not produce.
    [[nodiscard]] ApprovalId insertApproval(ApprovalState state, const QJsonObject &action);
    [[nodiscard]] QJsonObject webhook() const;
    [[nodiscard]] std::unique_ptr<ExecutionService> executor(ExecutionService::Options options = {}) const;
    [[nodiscard]] ApprovalState stateOf(ApprovalId id) const;
    [[nodiscard]] Execution executionOf(ApprovalId id) const;
    [[nodiscard]] QList<ActivityEvent> events(const QString &kind) const;
    [[nodiscard]] QList<AuditEntry> audit(const QString &action) const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<test::WebhookReceiver> m_receiver;
    NodeId m_agent = NoNode;
    RunId m_run = 0;
};

void TestExecutionService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    m_receiver = std::make_unique<test::WebhookReceiver>();
    QVERIFY(m_receiver->listen());

    OrgService org(*m_store, *m_clock);
    AgentService agents(*m_store, *m_clock, org);
    const QString ops = QStringLiteral("ops");
    const QString setup = QStringLiteral("setup");
    const auto acme = org.createCompany(QStringLiteral("acme"), ops, setup);
    QVERIFY(acme.ok());
    const auto team = org.createGroup(acme->id, NodeKind::Team, QStringLiteral("billing"), ops, setup);
    QVERIFY(team.ok());
    const auto agent = agents.createAgent({team->id, QStringLiteral("invoicer"), QStringLiteral("dana"),
                                           Visibility::Private, Criticality::Standard, spec},
                                          ops, setup);
    QVERIFY(agent.ok());
    m_agent = agent->id;
    Run run;
    run.agentId = m_agent;
    const Result<Run> started = ActivityService(*m_store, *m_clock).startRun(run);
    QVERIFY(started.ok());
    m_run = started->id;
}

void TestExecutionService::cleanup()
{
    m_receiver.reset();
    m_store.reset();
    m_where.reset();
}

QJsonObject TestExecutionService::webhook() const
{
    return {{QStringLiteral("type"), QStringLiteral("webhook")},
            {QStringLiteral("url"), m_receiver->url().toString()},
            {QStringLiteral("secret"), QStringLiteral("billing")}};
}

ApprovalId TestExecutionService::addApproval(ApprovalState state, const QJsonObject &action)
{
    // Through the approval rules: the agent submits, a reviewer edits then approves (the payload
    // to execute differs from the proposed one) or rejects. A store without principals is one
    // person's: its user may decide.
    OrgService org(*m_store, *m_clock);
    ApprovalService approvals(*m_store, *m_clock, org);
    const Result<Approval> submitted =
        approvals.submit({m_agent, m_run, 1, QStringLiteral("Refund order 42"), QStringLiteral("{\"refund\": 100}"),
                          QStringLiteral("json"), action},
                         QStringLiteral("invoicer-bot"));
    if (!submitted) {
        qWarning("%s", qPrintable(submitted.error().message));
        return 0;
    }
    Result<Approval> decided = submitted;
    if (state == ApprovalState::Approved) {
        decided = approvals.decide(
            submitted->id, {QStringLiteral("edit"), 1, QStringLiteral("less"), QStringLiteral("{\"refund\": 80}")},
            QStringLiteral("alice"));
    } else if (state == ApprovalState::Rejected) {
        decided = approvals.decide(submitted->id, {QStringLiteral("reject"), 1, QStringLiteral("no"), QString()},
                                   QStringLiteral("alice"));
    }
    if (!decided || decided->state != state) {
        qWarning("%s", decided ? "not in the state asked for" : qPrintable(decided.error().message));
        return 0;
    }
    return decided->id;
}

ApprovalId TestExecutionService::insertApproval(ApprovalState state, const QJsonObject &action)
{
    Approval approval;
    approval.agentId = m_agent;
    approval.runId = m_run;
    approval.version = 1;
    approval.title = QStringLiteral("Refund order 42");
    approval.payload = QStringLiteral("{\"refund\": 100}");
    approval.payloadFormat = QStringLiteral("json");
    approval.action = action;
    approval.state = state;
    approval.createdAt = m_clock->now();
    approval.submittedBy = QStringLiteral("invoicer-bot");
    approval.approvedPayload = QStringLiteral("{\"refund\": 80}");
    const Result<ApprovalId> id = ApprovalRepository(*m_store).insert(approval);
    if (!id) {
        qWarning("%s", qPrintable(id.error().message));
        return 0;
    }
    return id.value();
}

std::unique_ptr<ExecutionService> TestExecutionService::executor(ExecutionService::Options options) const
{
    if (options.owner.isEmpty()) {
        options.owner = QStringLiteral("test");
    }
    return std::make_unique<ExecutionService>(*m_store, *m_clock, secrets(), options);
}

ApprovalState TestExecutionService::stateOf(ApprovalId id) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT state FROM approvals WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        return ApprovalState::Pending;
    }
    return parseEnum<ApprovalState>(query.value(0).toString()).value_or(ApprovalState::Pending);
}

Execution TestExecutionService::executionOf(ApprovalId id) const
{
    const Result<Execution> execution = ExecutionRepository(*m_store).execution(id);
    return execution ? execution.value() : Execution{};
}

QList<ActivityEvent> TestExecutionService::events(const QString &kind) const
{
    const Result<QList<ActivityEvent>> newest =
        ActivityRepository(*m_store).newestEvents(m_agent, std::numeric_limits<EventId>::max(), 100);
    QList<ActivityEvent> matching;
    for (const ActivityEvent &event : newest.ok() ? newest.value() : QList<ActivityEvent>()) {
        if (event.kind == kind) {
            matching.append(event);
        }
    }
    return matching;
}

QList<AuditEntry> TestExecutionService::audit(const QString &action) const
{
    AuditFilter filter;
    filter.action = action;
    const Result<QList<AuditEntry>> entries = AuditRepository(*m_store).query(filter, 0, 100);
    return entries ? entries.value() : QList<AuditEntry>();
}

void TestExecutionService::retryDelay_doublesUpToTheCap_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("delay");
    QTest::newRow("after 1") << 1 << qint64(1000);
    QTest::newRow("after 2") << 2 << qint64(2000);
    QTest::newRow("after 3") << 3 << qint64(4000);
    QTest::newRow("after 9") << 9 << qint64(256000);
    QTest::newRow("after 10: capped") << 10 << qint64(300000);
    QTest::newRow("after 80: no overflow") << 80 << qint64(300000);
}

void TestExecutionService::retryDelay_doublesUpToTheCap()
{
    QFETCH(int, attempts);
    QFETCH(qint64, delay);
    QCOMPARE(ExecutionService::retryDelayMs(attempts, {}), delay);
}

void TestExecutionService::runDue_approvedItemsArriveOnceSigned_othersNever()
{
    const ApprovalId first = addApproval(ApprovalState::Approved, webhook());
    const ApprovalId second = addApproval(ApprovalState::Approved, webhook());
    const ApprovalId pending = addApproval(ApprovalState::Pending, webhook());
    const ApprovalId rejected = addApproval(ApprovalState::Rejected, webhook());
    const ApprovalId expired = insertApproval(ApprovalState::Expired, webhook());
    // Approved without an action: the agent acts on the decision itself.
    const ApprovalId actionless = addApproval(ApprovalState::Approved, {});
    QVERIFY(first && second && pending && rejected && expired && actionless);
    const qint64 streamBefore = StreamRepository(*m_store).lastSeq().value();

    const auto service = executor();
    QSignalSpy recorded(service.get(), &ExecutionService::attemptRecorded);
    QSignalSpy failures(service.get(), &ExecutionService::recordFailed);
    const Result<int> started = service->runDue();
    QVERIFY(started.ok());
    QCOMPARE(started.value(), 2);
    QTRY_COMPARE(recorded.count(), 2);
    QCOMPARE(failures.count(), 0);

    // Nothing more to do, now or an hour later.
    m_clock->advance(3600 * 1000);
    QCOMPARE(service->runDue().value(), 0);
    QTest::qWait(50);
    QCOMPARE(m_receiver->requests().size(), 2);

    QSet<qint64> delivered;
    for (const test::WebhookReceiver::Request &request : m_receiver->requests()) {
        const QList<QByteArray> parts = request.headers.value("steward-signature").split(',');
        QCOMPARE(parts.size(), 2);
        const QByteArray time = parts.at(0).mid(2);
        QCOMPARE(parts.at(1).mid(3),
                 QMessageAuthenticationCode::hash(time + '.' + request.body, secretValue, QCryptographicHash::Sha256)
                     .toHex());
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const qint64 id = body.value(QStringLiteral("approvalId")).toInteger();
        delivered.insert(id);
        QCOMPARE(request.headers.value("idempotency-key"), QStringLiteral("steward-approval-%1").arg(id).toUtf8());
        QCOMPARE(body.value(QStringLiteral("payload")).toString(), QStringLiteral("{\"refund\": 80}"));
        QCOMPARE(body.value(QStringLiteral("agentPath")).toString(), QStringLiteral("/acme/billing/invoicer"));
        QCOMPARE(body.value(QStringLiteral("runId")).toInteger(), m_run);
        QCOMPARE(body.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(body.value(QStringLiteral("decidedBy")).toArray(), QJsonArray{QStringLiteral("alice")});
        QCOMPARE(body.value(QStringLiteral("decidedAt")).toString(), QStringLiteral("2026-05-04T09:00:00.000Z"));
    }
    QCOMPARE(delivered, (QSet<qint64>{first, second}));

    QCOMPARE(stateOf(first), ApprovalState::Executed);
    QCOMPARE(stateOf(second), ApprovalState::Executed);
    QCOMPARE(stateOf(pending), ApprovalState::Pending);
    QCOMPARE(stateOf(rejected), ApprovalState::Rejected);
    QCOMPARE(stateOf(expired), ApprovalState::Expired);
    QCOMPARE(stateOf(actionless), ApprovalState::Approved);
    QCOMPARE(executionOf(first).attempts, 1);
    QCOMPARE(executionOf(first).lastStatus, 200);
    QVERIFY(executionOf(first).leaseOwner.isEmpty());
    QCOMPARE(service->counts().executed, 2);

    const QList<ActivityEvent> executed = events(QStringLiteral("action.executed"));
    QCOMPARE(executed.size(), 2);
    QCOMPARE(executed.constFirst().runId, m_run);
    QCOMPARE(executed.constFirst().version, 1);
    QCOMPARE(executed.constFirst().status, QStringLiteral("ok"));
    QCOMPARE(executed.constFirst().body.value(QStringLiteral("httpStatus")).toInt(), 200);
    const QList<AuditEntry> audited = audit(QStringLiteral("approval.executed"));
    QCOMPARE(audited.size(), 2);
    QCOMPARE(audited.constFirst().actor, QStringLiteral("executor"));
    QCOMPARE(audited.constFirst().subject, QStringLiteral("/acme/billing/invoicer"));
    QCOMPARE(audited.constFirst().reason, QStringLiteral("HTTP 200 OK"));

    // Clients see each outcome: the approval and its event in the change stream.
    const Result<QList<StreamItem>> stream = StreamRepository(*m_store).readAfter(streamBefore, 100);
    QVERIFY(stream.ok());
    QSet<qint64> approvalsStreamed;
    for (const StreamItem &item : stream.value()) {
        if (item.type == StreamItemType::Approval) {
            approvalsStreamed.insert(item.subjectId);
            QCOMPARE(item.nodeId, m_agent);
        }
    }
    QCOMPARE(approvalsStreamed, (QSet<qint64>{first, second}));
}

void TestExecutionService::runDue_failingTwice_executedAfterThreeAttemptsWithBackoff()
{
    const ApprovalId id = addApproval(ApprovalState::Approved, webhook());
    QVERIFY(id);
    m_receiver->failNext(2, 500);
    const auto service = executor();
    QSignalSpy recorded(service.get(), &ExecutionService::attemptRecorded);

    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 1);
    QCOMPARE(stateOf(id), ApprovalState::Approved);
    QCOMPARE(executionOf(id).attempts, 1);
    QCOMPARE(executionOf(id).lastStatus, 500);
    QCOMPARE(executionOf(id).nextAttemptAt, m_clock->now().addMSecs(1000));
    QVERIFY(executionOf(id).lastError.startsWith(QLatin1String("HTTP 500 Internal Server Error")));

    // Not before its time: 1 s after the first failure, 2 s after the second.
    QCOMPARE(service->runDue().value(), 0);
    m_clock->advance(999);
    QCOMPARE(service->runDue().value(), 0);
    m_clock->advance(1);
    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 2);
    QCOMPARE(executionOf(id).attempts, 2);
    QCOMPARE(executionOf(id).nextAttemptAt, m_clock->now().addMSecs(2000));
    m_clock->advance(1999);
    QCOMPARE(service->runDue().value(), 0);
    m_clock->advance(1);
    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 3);

    QCOMPARE(stateOf(id), ApprovalState::Executed);
    QCOMPARE(executionOf(id).attempts, 3);
    QCOMPARE(executionOf(id).lastStatus, 200);
    QCOMPARE(m_receiver->requests().size(), 3);
    for (const test::WebhookReceiver::Request &request : m_receiver->requests()) {
        QCOMPARE(request.headers.value("idempotency-key"), QStringLiteral("steward-approval-%1").arg(id).toUtf8());
        QCOMPARE(request.body, m_receiver->requests().constFirst().body);
    }
    QCOMPARE(service->counts().retrying, 2);
    QCOMPARE(service->counts().executed, 1);
    QCOMPARE(events(QStringLiteral("action.executed")).size(), 1);
    QCOMPARE(events(QStringLiteral("action.executed")).constFirst().body.value(QStringLiteral("attempts")).toInt(), 3);
}

void TestExecutionService::runDue_permanentRefusal_failsWithReasonInActivityAndAudit()
{
    const ApprovalId id = addApproval(ApprovalState::Approved, webhook());
    QVERIFY(id);
    m_receiver->setStatus(404);
    const auto service = executor();
    QSignalSpy recorded(service.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 1);

    const QString reason = QStringLiteral("HTTP 404 Not Found: the receiver says no");
    QCOMPARE(stateOf(id), ApprovalState::Failed);
    QCOMPARE(executionOf(id).attempts, 1);
    QCOMPARE(executionOf(id).lastError, reason);
    m_clock->advance(3600 * 1000);
    QCOMPARE(service->runDue().value(), 0);
    QCOMPARE(m_receiver->requests().size(), 1);

    const QList<ActivityEvent> failed = events(QStringLiteral("action.failed"));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().status, QStringLiteral("error"));
    QCOMPARE(failed.constFirst().detail, reason);
    QCOMPARE(failed.constFirst().runId, m_run);
    QCOMPARE(failed.constFirst().body.value(QStringLiteral("httpStatus")).toInt(), 404);
    QVERIFY(events(QStringLiteral("action.executed")).isEmpty());
    const QList<AuditEntry> audited = audit(QStringLiteral("approval.failed"));
    QCOMPARE(audited.size(), 1);
    QCOMPARE(audited.constFirst().actor, QStringLiteral("executor"));
    QCOMPARE(audited.constFirst().reason, reason);
    QCOMPARE(service->counts().failed, 1);
}

void TestExecutionService::runDue_retriesExhausted_fails()
{
    const ApprovalId id = addApproval(ApprovalState::Approved, webhook());
    QVERIFY(id);
    m_receiver->setStatus(503);
    ExecutionService::Options options;
    options.maxAttempts = 2;
    const auto service = executor(options);
    QSignalSpy recorded(service.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 1);
    m_clock->advance(1000);
    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 2);

    QCOMPARE(stateOf(id), ApprovalState::Failed);
    QCOMPARE(executionOf(id).lastError,
             QStringLiteral("gave up after 2 attempts; the last: HTTP 503 Service Unavailable: the receiver says no"));
    QCOMPARE(audit(QStringLiteral("approval.failed")).size(), 1);
    m_clock->advance(3600 * 1000);
    QCOMPARE(service->runDue().value(), 0);
    QCOMPARE(m_receiver->requests().size(), 2);
}

void TestExecutionService::runDue_unperformableAction_failsWithoutCalling_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown type") << QJsonObject{{QStringLiteral("type"), QStringLiteral("email")}}
                                  << QStringLiteral("Steward cannot perform actions of type \"email\"");
    QTest::newRow("no secret") << QJsonObject{{QStringLiteral("secret"), QString()}}
                               << QStringLiteral("the webhook action names no secret to sign with");
    QTest::newRow("unknown secret") << QJsonObject{{QStringLiteral("secret"), QStringLiteral("crm")}}
                                    << QStringLiteral("stewardd has no secret named \"crm\" (see --secrets)");
    QTest::newRow("bad url") << QJsonObject{{QStringLiteral("url"), QStringLiteral("file:///etc/passwd")}}
                             << QStringLiteral("a webhook URL must start with http:// or https://, not file://");
}

void TestExecutionService::runDue_unperformableAction_failsWithoutCalling()
{
    QFETCH(QJsonObject, change);
    QFETCH(QString, reason);
    QJsonObject action = webhook();
    for (auto entry = change.begin(); entry != change.end(); ++entry) {
        action.insert(entry.key(), entry.value());
    }
    const ApprovalId id = insertApproval(ApprovalState::Approved, action);
    QVERIFY(id);
    const auto service = executor();
    QSignalSpy recorded(service.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(service->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 1);
    QCOMPARE(stateOf(id), ApprovalState::Failed);
    QCOMPARE(executionOf(id).lastError, reason);
    QCOMPARE(events(QStringLiteral("action.failed")).constFirst().detail, reason);
    QVERIFY(m_receiver->requests().isEmpty());
}

void TestExecutionService::runDue_claimsNoMoreThanMayBeUnderWay()
{
    for (int i = 0; i < 5; ++i) {
        QVERIFY(addApproval(ApprovalState::Approved, webhook()));
    }
    m_receiver->hangNext(5);
    ExecutionService::Options options;
    options.maxUnderWay = 3;
    options.webhook.timeoutMs = 500;
    const auto service = executor(options);
    QSignalSpy recorded(service.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(service->runDue().value(), 3);
    QTRY_COMPARE(m_receiver->requests().size(), 3);
    QCOMPARE(service->runDue().value(), 0);
    QCOMPARE(service->attemptsUnderWay(), 3);
    // The three time out (retries are scheduled), which makes room for the other two.
    QTRY_COMPARE(recorded.count(), 3);
    QCOMPARE(service->runDue().value(), 2);
    QCOMPARE(service->counts().retrying, 3);
}

void TestExecutionService::runDue_twoExecutors_deliverEachItemOnce()
{
    QSet<QByteArray> keys;
    for (int i = 0; i < 20; ++i) {
        const ApprovalId id = addApproval(ApprovalState::Approved, webhook());
        QVERIFY(id);
        keys.insert(ExecutionService::idempotencyKey(id).toUtf8());
    }
    ExecutorThread one(m_where->location(), *m_clock, QStringLiteral("one"));
    ExecutorThread two(m_where->location(), *m_clock, QStringLiteral("two"));
    // Stopped however the test ends: a QThread destroyed while running ends the process.
    const auto stop = qScopeGuard([&one, &two] {
        one.quit();
        two.quit();
        one.wait();
        two.wait();
    });
    one.start();
    two.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), 20, 30000);
    const auto executed = [this] {
        QSqlQuery query(m_store->database());
        return query.exec(QStringLiteral("SELECT count(*) FROM approvals WHERE state = 'executed'")) && query.next()
            ? query.value(0).toInt()
            : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(executed(), 20, 30000);
    QTest::qWait(100);
    one.quit();
    two.quit();
    QVERIFY(one.wait(10000));
    QVERIFY(two.wait(10000));
    QVERIFY2(one.errors.isEmpty(), qPrintable(one.errors.join(QLatin1Char('\n'))));
    QVERIFY2(two.errors.isEmpty(), qPrintable(two.errors.join(QLatin1Char('\n'))));

    QCOMPARE(m_receiver->requests().size(), 20);
    QSet<QByteArray> received;
    for (const test::WebhookReceiver::Request &request : m_receiver->requests()) {
        received.insert(request.headers.value("idempotency-key"));
    }
    QCOMPARE(received, keys);
    QSqlQuery attempts(m_store->database());
    QVERIFY(attempts.exec(QStringLiteral("SELECT count(*), sum(attempts) FROM executions")) && attempts.next());
    QCOMPARE(attempts.value(0).toInt(), 20);
    QCOMPARE(attempts.value(1).toInt(), 20);
    QCOMPARE(events(QStringLiteral("action.executed")).size(), 20);
}

void TestExecutionService::runDue_crashedClaim_isTakenOverWhenLeaseRunsOut()
{
    const ApprovalId id = addApproval(ApprovalState::Approved, webhook());
    QVERIFY(id);
    m_receiver->hangNext(1);
    ExecutionService::Options options;
    options.leaseMs = 60000;
    options.owner = QStringLiteral("crashing");
    auto crashing = executor(options);
    QCOMPARE(crashing->runDue().value(), 1);
    QTRY_COMPARE(m_receiver->requests().size(), 1);
    QCOMPARE(executionOf(id).leaseOwner, QStringLiteral("crashing"));
    // The process dies mid-call: nothing is recorded, the claim stays until its lease ends.
    crashing.reset();

    options.owner = QStringLiteral("survivor");
    const auto survivor = executor(options);
    QSignalSpy recorded(survivor.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(survivor->runDue().value(), 0);
    m_clock->advance(59999);
    QCOMPARE(survivor->runDue().value(), 0);
    m_clock->advance(1);
    QCOMPARE(survivor->runDue().value(), 1);
    QTRY_COMPARE(recorded.count(), 1);

    QCOMPARE(stateOf(id), ApprovalState::Executed);
    QCOMPARE(executionOf(id).attempts, 2);
    QVERIFY(executionOf(id).leaseOwner.isEmpty());
    QCOMPARE(m_receiver->requests().size(), 2);
    QCOMPARE(m_receiver->requests().at(0).headers.value("idempotency-key"),
             m_receiver->requests().at(1).headers.value("idempotency-key"));
}

void TestExecutionService::lateAnswer_afterTakeOver_changesNothing()
{
    const ApprovalId id = addApproval(ApprovalState::Approved, webhook());
    QVERIFY(id);
    m_receiver->hangNext(1);
    ExecutionService::Options options;
    options.owner = QStringLiteral("slow");
    options.webhook.timeoutMs = 2000;
    const auto slow = executor(options);
    QSignalSpy slowRecorded(slow.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(slow->runDue().value(), 1);
    QTRY_COMPARE(m_receiver->requests().size(), 1);

    // The slow one's lease runs out while its call still hangs; another executor takes over.
    m_clock->advance(options.leaseMs);
    options.owner = QStringLiteral("quick");
    const auto quick = executor(options);
    QSignalSpy quickRecorded(quick.get(), &ExecutionService::attemptRecorded);
    QCOMPARE(quick->runDue().value(), 1);
    QTRY_COMPARE(quickRecorded.count(), 1);
    QCOMPARE(stateOf(id), ApprovalState::Executed);

    // The slow call times out later; its claim is gone, so nothing it learnt is recorded.
    QTRY_COMPARE_WITH_TIMEOUT(slow->attemptsUnderWay(), 0, 10000);
    QCOMPARE(slowRecorded.count(), 0);
    QCOMPARE(slow->counts().retrying, 0);
    QCOMPARE(executionOf(id).attempts, 2);
    QCOMPARE(executionOf(id).lastStatus, 200);
    QCOMPARE(stateOf(id), ApprovalState::Executed);
    QCOMPARE(audit(QStringLiteral("approval.executed")).size(), 1);
    QCOMPARE(events(QStringLiteral("action.executed")).size(), 1);
}

QTEST_GUILESS_MAIN(TestExecutionService)
#include "tst_executionservice.moc"
