// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The runtime's dispatcher on a real store (SQLite, and PostgreSQL in the _pg twin) with a
// manual clock and runners the test drives: a started run is traced (run.started, the runner's
// events with their client ids, its proposal in the inbox, run.finished and the run's outcome);
// the claim rules (paused, retired and archived agents, no runner, an unknown runner kind, the
// agent's own limit with overlap skip or queue, the process's limit); back-off after failures;
// the sweep of runs whose server stopped and the stop of the process's own runs; and two
// dispatchers on one database, each on its own thread and connection, never both starting one
// request.
#include "domain/clock.h"
#include "runtime/rundispatcher.h"
#include "runtime/runner.h"
#include "runtime/runnerfactory.h"
#include "runtime/runrequestservice.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace steward;

namespace {

const QString plainSpec = QStringLiteral("model: a\ninstructions: |\n  Work.\ncriticality: standard\n");

QString specWith(const QString &runnerLines)
{
    return plainSpec + runnerLines;
}

// A runner the test finishes by hand; it remembers what it was asked.
class ManualRunner final : public Runner
{
    Q_OBJECT

public:
    using Runner::Runner;

    RunRequest request;
    // The reason of the last cancel() of any ManualRunner (the runtime deletes a cancelled one).
    inline static QString lastCancel;

    void start(const RunRequest &started) override { request = started; }
    void cancel(const QString &reason) override
    {
        lastCancel = reason;
        Q_EMIT finished({RunStatus::Failed, reason});
    }
    void report(const QList<ActivityEvent> &events) { Q_EMIT eventsReported(events); }
    void propose(const NewApproval &proposal) { Q_EMIT proposalReported(proposal); }
    void end(RunStatus status, const QString &error = {}) { Q_EMIT finished({status, error, 0, 12, 34, 0.5}); }
};

// A runner that reports one event and succeeds on the next turn of the event loop.
class QuickRunner final : public Runner
{
    Q_OBJECT

public:
    using Runner::Runner;

    void start(const RunRequest &) override
    {
        QTimer::singleShot(0, this, [this] {
            ActivityEvent step;
            step.kind = QStringLiteral("step");
            step.summary = QStringLiteral("did it");
            Q_EMIT eventsReported({step});
            Q_EMIT finished({RunStatus::Succeeded, {}});
        });
    }
    void cancel(const QString &reason) override { Q_EMIT finished({RunStatus::Failed, reason}); }
};

// A dispatcher on its own thread and its own connection to the store, as a second stewardd
// would be, dispatching every few milliseconds until stopped.
class DispatcherThread final : public QThread
{
public:
    DispatcherThread(QString location, QString owner) : m_location(std::move(location)), m_owner(std::move(owner)) { }

    QStringList errors; // read after wait()

protected:
    void run() override
    {
        Result<std::unique_ptr<Store>> store = Store::open(m_location);
        if (!store) {
            errors.append(store.error().message);
            return;
        }
        SystemClock clock;
        OrgService org(*store.value(), clock);
        ActivityService activity(*store.value(), clock);
        ApprovalService approvals(*store.value(), clock, org);
        RunnerFactory runners;
        runners.add(QStringLiteral("command"),
                    [](const AgentSpec::Runner &) { return std::make_unique<QuickRunner>(); });
        RunDispatcher::Options options;
        options.owner = m_owner;
        RunDispatcher dispatcher(*store.value(), clock, activity, approvals, runners, options);
        QObject::connect(&dispatcher, &RunDispatcher::recordFailed,
                         [this](RunId, const QString &message) { errors.append(message); });
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, [this, &dispatcher] {
            if (const Result<int> started = dispatcher.dispatchDue(); !started) {
                errors.append(started.error().message);
            }
        });
        timer.start(2);
        exec();
    }

private:
    QString m_location;
    QString m_owner;
};

// How many runs a pass started; -1 when it failed.
int dispatch(RunDispatcher &dispatcher)
{
    const Result<int> started = dispatcher.dispatchDue();
    if (!started) {
        qWarning("%s", qPrintable(started.error().message));
        return -1;
    }
    return started.value();
}

} // namespace

class TestRunDispatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backoff_doublesUpToTheCap_data();
    void backoff_doublesUpToTheCap();
    void dispatch_startsAndTracesARun();
    void dispatch_failedRun_recordsErrorAndOutcome();
    void dispatch_refusesWhatMayNotRun_data();
    void dispatch_refusesWhatMayNotRun();
    void dispatch_overlapSkip_skipsWhileARunIsUnderWay();
    void dispatch_overlapQueue_waitsForTheRunningOne();
    void dispatch_agentLimit_allowsThatManyAtOnce();
    void dispatch_processLimit_holdsTheRestBack();
    void dispatch_notBeforeInTheFuture_waits();
    void backoff_afterFailures_postponesAndSkipsFires_successResets();
    void sweep_interruptsOnlyStaleRunsOfOtherOwners();
    void stop_cancelsOwnRunsAsInterrupted();
    void fireSchedule_sameFireTwice_oneRequest();
    void fireEvent_requestsListeningActiveAgentsOnly();
    void twoDispatchers_neverBothStartOneRequest();

private:
    [[nodiscard]] NodeId addAgent(const QString &name, const QString &spec);
    void setStatus(NodeId agent, const QString &status);
    [[nodiscard]] RunRequestId requestRun(NodeId agent, RunTrigger trigger = RunTrigger::Manual);
    [[nodiscard]] std::unique_ptr<RunDispatcher> dispatcher(RunDispatcher::Options options = {});
    [[nodiscard]] RunRequestEntry requestOf(RunRequestId id) const;
    [[nodiscard]] Run runOf(RunId id) const;
    [[nodiscard]] QList<ActivityEvent> eventsOf(RunId id) const;
    [[nodiscard]] ManualRunner *runnerOf(RunId id) const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<ActivityService> m_activity;
    std::unique_ptr<ApprovalService> m_approvals;
    std::unique_ptr<RunRequestService> m_requests;
    RunnerFactory m_runners;
    QList<QPointer<ManualRunner>> m_made;
    NodeId m_team = NoNode;
};

void TestRunDispatcher::init()
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
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_activity = std::make_unique<ActivityService>(*m_store, *m_clock);
    m_approvals = std::make_unique<ApprovalService>(*m_store, *m_clock, *m_org);
    m_requests = std::make_unique<RunRequestService>(*m_store, *m_clock);
    m_made.clear();
    m_runners = RunnerFactory();
    m_runners.add(QStringLiteral("command"), [this](const AgentSpec::Runner &) {
        auto runner = std::make_unique<ManualRunner>();
        m_made.append(runner.get());
        return runner;
    });
    const auto acme = m_org->createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    const auto team = m_org->createGroup(acme->id, NodeKind::Team, QStringLiteral("billing"), QStringLiteral("ops"),
                                         QStringLiteral("setup"));
    QVERIFY(team.ok());
    m_team = team->id;
}

void TestRunDispatcher::cleanup()
{
    m_requests.reset();
    m_approvals.reset();
    m_activity.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

NodeId TestRunDispatcher::addAgent(const QString &name, const QString &spec)
{
    AgentService agents(*m_store, *m_clock, *m_org);
    const auto agent =
        agents.createAgent({m_team, name, QStringLiteral("dana"), Visibility::Team, Criticality::Standard, spec},
                           QStringLiteral("ops"), QStringLiteral("setup"));
    if (!agent) {
        qWarning("%s", qPrintable(agent.error().message));
        return NoNode;
    }
    return agent->id;
}

void TestRunDispatcher::setStatus(NodeId agent, const QString &status)
{
    // Pausing through the service is another part's; the dispatcher reads the stored status.
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE agents SET status = ? WHERE node_id = ?"));
    query.addBindValue(status);
    query.addBindValue(agent);
    QVERIFY(query.exec());
}

RunRequestId TestRunDispatcher::requestRun(NodeId agent, RunTrigger trigger)
{
    if (trigger == RunTrigger::Schedule) {
        const Result<RunRequestId> fired =
            m_requests->fireSchedule(agent, QStringLiteral("* * * * *"), 0, m_clock->now());
        return fired ? fired.value() : 0;
    }
    const Result<RunRequestEntry> request =
        m_requests->runNow(agent, {{QStringLiteral("n"), 1}}, QStringLiteral("try it"), QStringLiteral("alice"));
    if (!request) {
        qWarning("%s", qPrintable(request.error().message));
        return 0;
    }
    return request->id;
}

std::unique_ptr<RunDispatcher> TestRunDispatcher::dispatcher(RunDispatcher::Options options)
{
    if (options.owner.isEmpty()) {
        options.owner = QStringLiteral("here");
    }
    return std::make_unique<RunDispatcher>(*m_store, *m_clock, *m_activity, *m_approvals, m_runners, options);
}

RunRequestEntry TestRunDispatcher::requestOf(RunRequestId id) const
{
    const Result<RunRequestEntry> request = m_requests->request(id);
    return request ? request.value() : RunRequestEntry{};
}

Run TestRunDispatcher::runOf(RunId id) const
{
    const Result<Run> run = ActivityRepository(*m_store).run(id);
    return run ? run.value() : Run{};
}

QList<ActivityEvent> TestRunDispatcher::eventsOf(RunId id) const
{
    QList<ActivityEvent> events;
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT client_id, kind, status, summary, version, agent_id FROM activity_events "
                                 "WHERE run_id = ? ORDER BY id"));
    query.addBindValue(id);
    if (!query.exec()) {
        return events;
    }
    while (query.next()) {
        ActivityEvent event;
        event.clientId = query.value(0).toString();
        event.kind = query.value(1).toString();
        event.status = query.value(2).toString();
        event.summary = query.value(3).toString();
        event.version = query.value(4).toInt();
        event.agentId = query.value(5).toLongLong();
        event.runId = id;
        events.append(event);
    }
    return events;
}

ManualRunner *TestRunDispatcher::runnerOf(RunId id) const
{
    for (const QPointer<ManualRunner> &runner : m_made) {
        if (runner && runner->request.run.id == id) {
            return runner;
        }
    }
    return nullptr;
}

void TestRunDispatcher::backoff_doublesUpToTheCap_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("one") << 1 << qint64(30'000);
    QTest::newRow("two") << 2 << qint64(60'000);
    QTest::newRow("three") << 3 << qint64(120'000);
    QTest::newRow("six") << 6 << qint64(960'000);
    QTest::newRow("seven, capped") << 7 << qint64(1'800'000);
    QTest::newRow("many, capped") << 40 << qint64(1'800'000);
}

void TestRunDispatcher::backoff_doublesUpToTheCap()
{
    QFETCH(int, failures);
    QFETCH(qint64, expectedMs);
    QCOMPARE(RunDispatcher::backoffMs(failures, RunDispatcher::Options{}), expectedMs);
}

void TestRunDispatcher::dispatch_startsAndTracesARun()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"), specWith(QStringLiteral("runner: command /bin/true\n")));
    QVERIFY(agent != NoNode);
    const RunRequestId id = requestRun(agent);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 1);

    const RunRequestEntry request = requestOf(id);
    QCOMPARE(request.state, RunRequestState::Started);
    QCOMPARE(request.claimedBy, QStringLiteral("here"));
    QVERIFY(request.runId != 0);
    const Run run = runOf(request.runId);
    QCOMPARE(run.status, RunStatus::Running);
    QCOMPARE(run.trigger, RunTrigger::Manual);
    QCOMPARE(run.triggerDetail, QStringLiteral("try it"));
    QCOMPARE(run.version, 1);
    QCOMPARE(runtime->runsUnderWay(), 1);

    ManualRunner *runner = runnerOf(run.id);
    QVERIFY(runner != nullptr);
    QCOMPARE(runner->request.agentPath, QStringLiteral("/acme/billing/scorer"));
    QCOMPARE(runner->request.spec.runner.target, QStringLiteral("/bin/true"));
    QCOMPARE(runner->request.payload.value(QStringLiteral("n")).toInt(), 1);

    ActivityEvent step;
    step.kind = QStringLiteral("step");
    step.summary = QStringLiteral("looked");
    runner->report({step, step});
    runner->report({step});
    runner->propose(
        {NoNode, 0, 0, QStringLiteral("Send the score"), QStringLiteral("Score: 7"), QStringLiteral("markdown"), {}});
    m_clock->advance(1500);
    runner->end(RunStatus::Succeeded);

    const Run finished = runOf(run.id);
    QCOMPARE(finished.status, RunStatus::Succeeded);
    QCOMPARE(finished.tokensIn, 12);
    QCOMPARE(finished.tokensOut, 34);
    QCOMPARE(finished.latencyMs, 1500);
    QCOMPARE(runtime->runsUnderWay(), 0);
    QCOMPARE(runtime->counts().succeeded, 1);

    const QList<ActivityEvent> events = eventsOf(run.id);
    QStringList clientIds;
    for (const ActivityEvent &event : events) {
        clientIds.append(event.clientId);
        QCOMPARE(event.agentId, agent);
        QCOMPARE(event.version, 1);
    }
    const QString prefix = QStringLiteral("run-%1-").arg(run.id);
    QCOMPARE(
        clientIds,
        (QStringList{prefix + QStringLiteral("started"), prefix + QStringLiteral("1"), prefix + QStringLiteral("2"),
                     prefix + QStringLiteral("3"), prefix + QStringLiteral("finished")}));
    QCOMPARE(events.constFirst().kind, QStringLiteral("run.started"));
    QCOMPARE(events.constLast().kind, QStringLiteral("run.finished"));
    QCOMPARE(events.constLast().status, QStringLiteral("ok"));

    ApprovalFilter filter;
    filter.agentId = agent;
    const Result<ApprovalPage> inbox = m_approvals->list(filter, QStringLiteral("ops"), nullptr);
    QVERIFY(inbox.ok());
    QCOMPARE(inbox->items.size(), 1);
    QCOMPARE(inbox->items.constFirst().runId, run.id);
    QCOMPARE(inbox->items.constFirst().version, 1);
    QCOMPARE(inbox->items.constFirst().title, QStringLiteral("Send the score"));
}

void TestRunDispatcher::dispatch_failedRun_recordsErrorAndOutcome()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"), specWith(QStringLiteral("runner: command /bin/false\n")));
    const RunRequestId id = requestRun(agent);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 1);
    const RunId runId = requestOf(id).runId;
    runnerOf(runId)->end(RunStatus::Failed, QStringLiteral("exit status 3"));

    QCOMPARE(runOf(runId).status, RunStatus::Failed);
    const QList<ActivityEvent> events = eventsOf(runId);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(1).kind, QStringLiteral("error"));
    QCOMPARE(events.at(1).summary, QStringLiteral("exit status 3"));
    QCOMPARE(events.at(2).kind, QStringLiteral("run.finished"));
    QCOMPARE(events.at(2).status, QStringLiteral("error"));
    QCOMPARE(runtime->counts().failed, 1);
}

void TestRunDispatcher::dispatch_refusesWhatMayNotRun_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");
    const QString runner = QStringLiteral("runner: command /bin/true\n");
    QTest::newRow("paused") << specWith(runner) << "paused"
                            << "the agent is paused";
    QTest::newRow("retired") << specWith(runner) << "retired"
                             << "the agent is retired";
    QTest::newRow("no runner") << plainSpec << "active"
                               << "the agent has no runner";
    QTest::newRow("a kind this server cannot run")
        << specWith(QStringLiteral("runner: http https://harness.example/run\n")) << "active"
        << "this server cannot run \"http\" runners";
}

void TestRunDispatcher::dispatch_refusesWhatMayNotRun()
{
    QFETCH(QString, spec);
    QFETCH(QString, status);
    QFETCH(QString, reason);
    const NodeId agent = addAgent(QStringLiteral("scorer"), spec);
    setStatus(agent, status);
    const RunRequestId scheduled = requestRun(agent, RunTrigger::Schedule);
    const RunRequestId manual = requestRun(agent);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 0);
    for (const RunRequestId id : {scheduled, manual}) {
        const RunRequestEntry request = requestOf(id);
        QCOMPARE(request.state, RunRequestState::Refused);
        QCOMPARE(request.reason, reason);
        QCOMPARE(request.runId, 0);
    }
    QCOMPARE(runtime->counts().refused, 2);
    QVERIFY(m_made.isEmpty());
    const Result<QList<Run>> runs = ActivityRepository(*m_store).recentRuns(agent, 10);
    QVERIFY(runs.ok());
    QVERIFY(runs->isEmpty());
}

void TestRunDispatcher::dispatch_overlapSkip_skipsWhileARunIsUnderWay()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"), specWith(QStringLiteral("runner: command /bin/true\n")));
    const RunRequestId first = requestRun(agent);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 1);
    const RunRequestId second = requestRun(agent, RunTrigger::Schedule);
    QCOMPARE(dispatch(*runtime), 0);
    QCOMPARE(requestOf(second).state, RunRequestState::Skipped);
    QCOMPARE(requestOf(second).reason, QStringLiteral("a run of the agent was under way"));

    runnerOf(requestOf(first).runId)->end(RunStatus::Succeeded);
    const RunRequestId third = requestRun(agent);
    QCOMPARE(dispatch(*runtime), 1);
    QCOMPARE(requestOf(third).state, RunRequestState::Started);
}

void TestRunDispatcher::dispatch_overlapQueue_waitsForTheRunningOne()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"),
                                  specWith(QStringLiteral("runner: command /bin/true\nrunner.overlap: queue\n")));
    const RunRequestId first = requestRun(agent);
    const RunRequestId second = requestRun(agent);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 1);
    QCOMPARE(requestOf(first).state, RunRequestState::Started);
    QCOMPARE(requestOf(second).state, RunRequestState::Pending);
    QCOMPARE(dispatch(*runtime), 0);

    runnerOf(requestOf(first).runId)->end(RunStatus::Succeeded);
    // The end frees the slot and looks again on the next turn of the event loop.
    QTRY_COMPARE(requestOf(second).state, RunRequestState::Started);
    QCOMPARE(runtime->runsUnderWay(), 1);
}

void TestRunDispatcher::dispatch_agentLimit_allowsThatManyAtOnce()
{
    const NodeId agent =
        addAgent(QStringLiteral("scorer"),
                 specWith(QStringLiteral("runner: command /bin/true\nrunner.overlap: queue\nrunner.concurrency: 2\n")));
    QList<RunRequestId> ids;
    for (int i = 0; i < 3; ++i) {
        ids.append(requestRun(agent));
    }
    // Another instance's run counts too: one running run owned elsewhere leaves room for one.
    auto elsewhere = dispatcher({QStringLiteral("elsewhere")});
    const RunRequestId theirs = requestRun(agent);
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE run_requests SET not_before = 0 WHERE id = ?"));
    query.addBindValue(theirs);
    QVERIFY(query.exec());
    QCOMPARE(dispatch(*elsewhere), 2);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 0);
    const RunId theirRun = requestOf(theirs).runId;
    QVERIFY(theirRun != 0);
    runnerOf(theirRun)->end(RunStatus::Succeeded);
    QCOMPARE(dispatch(*runtime), 1);
    int started = 0;
    for (const RunRequestId id : ids) {
        started += requestOf(id).state == RunRequestState::Started ? 1 : 0;
    }
    QCOMPARE(started, 2);
}

void TestRunDispatcher::dispatch_processLimit_holdsTheRestBack()
{
    const QString spec = specWith(QStringLiteral("runner: command /bin/true\n"));
    const RunRequestId a = requestRun(addAgent(QStringLiteral("a"), spec));
    const RunRequestId b = requestRun(addAgent(QStringLiteral("b"), spec));
    const RunRequestId c = requestRun(addAgent(QStringLiteral("c"), spec));
    RunDispatcher::Options options;
    options.maxConcurrentRuns = 2;
    auto runtime = dispatcher(options);
    QCOMPARE(dispatch(*runtime), 2);
    QCOMPARE(requestOf(c).state, RunRequestState::Pending);
    QCOMPARE(dispatch(*runtime), 0);
    runnerOf(requestOf(a).runId)->end(RunStatus::Succeeded);
    QTRY_COMPARE(requestOf(c).state, RunRequestState::Started);
    QCOMPARE(requestOf(b).state, RunRequestState::Started);
}

void TestRunDispatcher::dispatch_notBeforeInTheFuture_waits()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"), specWith(QStringLiteral("runner: command /bin/true\n")));
    const Result<RunRequestId> fired =
        m_requests->fireSchedule(agent, QStringLiteral("* * * * *"), 0, m_clock->now().addSecs(60));
    QVERIFY(fired.ok());
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 0);
    m_clock->advance(60'000);
    QCOMPARE(dispatch(*runtime), 1);
    const RunRequestEntry request = requestOf(fired.value());
    QCOMPARE(request.payload.value(QStringLiteral("scheduledFor")).toString(), m_clock->now().toString(Qt::ISODate));
}

void TestRunDispatcher::backoff_afterFailures_postponesAndSkipsFires_successResets()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"),
                                  specWith(QStringLiteral("runner: command /bin/true\nrunner.overlap: queue\n")));
    auto runtime = dispatcher();
    const auto runAndEnd = [&](RunStatus status) -> RunRequestId {
        const RunRequestId id = requestRun(agent);
        if (dispatch(*runtime) != 1) {
            return 0;
        }
        runnerOf(requestOf(id).runId)->end(status, QStringLiteral("boom"));
        return id;
    };
    QVERIFY(runAndEnd(RunStatus::Failed) != 0);
    const QDateTime firstFailure = m_clock->now();

    // Within 30 s of one failure: a Run now waits until the window ends, a schedule fire is
    // skipped.
    m_clock->advance(10'000);
    const RunRequestId manual = requestRun(agent);
    const RunRequestId fire = requestRun(agent, RunTrigger::Schedule);
    QCOMPARE(dispatch(*runtime), 0);
    QCOMPARE(requestOf(manual).state, RunRequestState::Pending);
    QCOMPARE(requestOf(manual).notBefore, firstFailure.addSecs(30));
    QVERIFY(requestOf(manual).reason.startsWith(QStringLiteral("backing off after 1 failed run")));
    QCOMPARE(requestOf(fire).state, RunRequestState::Skipped);
    QVERIFY(requestOf(fire).reason.startsWith(QStringLiteral("backing off")));

    m_clock->set(firstFailure.addSecs(30));
    QCOMPARE(dispatch(*runtime), 1);
    runnerOf(requestOf(manual).runId)->end(RunStatus::Failed, QStringLiteral("again"));
    const QDateTime secondFailure = m_clock->now();

    // Two failures in a row: 60 s.
    const RunRequestId next = requestRun(agent);
    QCOMPARE(dispatch(*runtime), 0);
    QCOMPARE(requestOf(next).notBefore, secondFailure.addSecs(60));
    m_clock->set(secondFailure.addSecs(60));
    QCOMPARE(dispatch(*runtime), 1);
    runnerOf(requestOf(next).runId)->end(RunStatus::Succeeded);

    // A success resets: the next request starts at once.
    QTRY_COMPARE(runtime->runsUnderWay(), 0);
    const RunRequestId after = requestRun(agent);
    QCOMPARE(dispatch(*runtime), 1);
    QCOMPARE(requestOf(after).state, RunRequestState::Started);
}

void TestRunDispatcher::sweep_interruptsOnlyStaleRunsOfOtherOwners()
{
    const QString spec = specWith(QStringLiteral("runner: command /bin/true\n"));
    const NodeId agent = addAgent(QStringLiteral("scorer"), spec);
    const NodeId other = addAgent(QStringLiteral("other"), spec);
    // A run the server "gone" started, then stopped renewing.
    auto gone = dispatcher({QStringLiteral("gone")});
    const RunRequestId goneRequest = requestRun(agent);
    QCOMPARE(dispatch(*gone), 1);
    const RunId abandoned = requestOf(goneRequest).runId;
    // A run an agent reports itself: no owner, never touched.
    Run reported;
    reported.agentId = other;
    const Result<Run> selfReported = m_activity->startRun(reported);
    QVERIFY(selfReported.ok());

    RunDispatcher::Options options;
    options.leaseMs = 30'000;
    auto runtime = dispatcher(options);
    const RunRequestId mineRequest = requestRun(other);
    QCOMPARE(dispatch(*runtime), 1);
    const RunId mine = requestOf(mineRequest).runId;

    m_clock->advance(20'000);
    QCOMPARE(runtime->sweep().value(), 0);
    m_clock->advance(20'000);
    QVERIFY(runtime->heartbeat().ok());
    QCOMPARE(runtime->sweep().value(), 1);

    QCOMPARE(runOf(abandoned).status, RunStatus::Interrupted);
    QCOMPARE(runOf(abandoned).endedAt, m_clock->now());
    const QList<ActivityEvent> events = eventsOf(abandoned);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(1).kind, QStringLiteral("error"));
    QCOMPARE(events.at(1).summary, QStringLiteral("interrupted: the server running it stopped"));
    QCOMPARE(runOf(mine).status, RunStatus::Running);
    QCOMPARE(runOf(selfReported->id).status, RunStatus::Running);
    QCOMPARE(runtime->counts().interrupted, 1);

    // The one whose server went away cannot end it any more: the interruption stands.
    QSignalSpy refused(gone.get(), &RunDispatcher::recordFailed);
    runnerOf(abandoned)->end(RunStatus::Succeeded);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(runOf(abandoned).status, RunStatus::Interrupted);
    // Another sweep finds nothing more.
    QCOMPARE(runtime->sweep().value(), 0);
}

void TestRunDispatcher::stop_cancelsOwnRunsAsInterrupted()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"), specWith(QStringLiteral("runner: command /bin/true\n")));
    const RunRequestId id = requestRun(agent);
    auto runtime = dispatcher();
    QCOMPARE(dispatch(*runtime), 1);
    const RunId runId = requestOf(id).runId;
    QPointer<ManualRunner> runner = runnerOf(runId);
    QVERIFY(runner);
    ManualRunner::lastCancel.clear();
    runtime->stop(QStringLiteral("the server stopped"));
    QCOMPARE(ManualRunner::lastCancel, QStringLiteral("the server stopped"));
    QCOMPARE(runOf(runId).status, RunStatus::Interrupted);
    QCOMPARE(eventsOf(runId).at(1).summary, QStringLiteral("interrupted: the server stopped"));
    QCOMPARE(runtime->runsUnderWay(), 0);
    QVERIFY(runner.isNull());
}

void TestRunDispatcher::fireSchedule_sameFireTwice_oneRequest()
{
    const NodeId agent = addAgent(QStringLiteral("scorer"), specWith(QStringLiteral("runner: command /bin/true\n")));
    const QDateTime at = m_clock->now();
    const Result<RunRequestId> first = m_requests->fireSchedule(agent, QStringLiteral("* * * * *"), 0, at);
    const Result<RunRequestId> again = m_requests->fireSchedule(agent, QStringLiteral("* * * * *"), 0, at);
    const Result<RunRequestId> otherTrigger = m_requests->fireSchedule(agent, QStringLiteral("*/5 * * * *"), 1, at);
    QVERIFY(first.ok() && again.ok() && otherTrigger.ok());
    QVERIFY(first.value() != 0);
    QCOMPARE(again.value(), 0);
    QVERIFY(otherTrigger.value() != 0);
    const Result<QList<RunRequestEntry>> recent = m_requests->recent(agent, 10);
    QVERIFY(recent.ok());
    QCOMPARE(recent->size(), 2);
}

void TestRunDispatcher::fireEvent_requestsListeningActiveAgentsOnly()
{
    const QString listening =
        specWith(QStringLiteral("triggers:\n  - event lead.created\nrunner: command /bin/true\n"));
    const NodeId a = addAgent(QStringLiteral("a"), listening);
    const NodeId paused = addAgent(QStringLiteral("paused"), listening);
    setStatus(paused, QStringLiteral("paused"));
    QVERIFY(addAgent(QStringLiteral("deaf"), specWith(QStringLiteral("triggers:\n  - event lead.lost\n"))) != NoNode);
    const Result<QList<RunRequestEntry>> requests = m_requests->fireEvent(
        QStringLiteral("lead.created"), {{QStringLiteral("lead"), 7}}, QStringLiteral("crm"), nullptr);
    QVERIFY(requests.ok());
    QCOMPARE(requests->size(), 1);
    QCOMPARE(requests->constFirst().agentId, a);
    QCOMPARE(requests->constFirst().trigger, RunTrigger::Event);
    QCOMPARE(requests->constFirst().triggerDetail, QStringLiteral("lead.created"));
    QCOMPARE(requests->constFirst().payload.value(QStringLiteral("lead")).toInt(), 7);
    QCOMPARE(requests->constFirst().state, RunRequestState::Pending);

    const Result<QList<RunRequestEntry>> none =
        m_requests->fireEvent(QStringLiteral("nobody.listens"), {}, QStringLiteral("crm"), nullptr);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestRunDispatcher::twoDispatchers_neverBothStartOneRequest()
{
    // Many agents, each allowing many runs at once, so that both dispatchers find work in every
    // pass and race for the same rows.
    const QString spec =
        specWith(QStringLiteral("runner: command /bin/true\nrunner.overlap: queue\nrunner.concurrency: 100\n"));
    QList<NodeId> agents;
    for (int i = 0; i < 4; ++i) {
        agents.append(addAgent(QStringLiteral("agent%1").arg(i), spec));
    }
    constexpr int Requests = 60;
    QList<RunRequestId> ids;
    // Due at once for both, on their system clocks.
    m_clock->set(QDateTime::currentDateTimeUtc().addSecs(-1));
    for (int i = 0; i < Requests; ++i) {
        ids.append(requestRun(agents.at(i % agents.size())));
    }
    DispatcherThread one(m_where->location(), QStringLiteral("one"));
    DispatcherThread two(m_where->location(), QStringLiteral("two"));
    one.start();
    two.start();
    const auto allDone = [&] {
        QSqlQuery query(m_store->database());
        return query.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status = 'succeeded'")) && query.next()
            && query.value(0).toInt() == Requests;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDone(), 30'000);
    one.quit();
    two.quit();
    QVERIFY(one.wait(10'000));
    QVERIFY(two.wait(10'000));
    QVERIFY2(one.errors.isEmpty(), qPrintable(one.errors.join(QLatin1Char('\n'))));
    QVERIFY2(two.errors.isEmpty(), qPrintable(two.errors.join(QLatin1Char('\n'))));

    QSet<RunId> runs;
    QSet<QString> owners;
    for (const RunRequestId id : ids) {
        const RunRequestEntry request = requestOf(id);
        QCOMPARE(request.state, RunRequestState::Started);
        runs.insert(request.runId);
        owners.insert(request.claimedBy);
    }
    QCOMPARE(runs.size(), Requests);
    QSqlQuery count(m_store->database());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM runs")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), Requests);
    QVERIFY(owners.contains(QStringLiteral("one")) || owners.contains(QStringLiteral("two")));
}

QTEST_GUILESS_MAIN(TestRunDispatcher)
#include "tst_rundispatcher.moc"
