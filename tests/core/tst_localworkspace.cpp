// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The local workspace that front ends use: changes announce themselves with signals, and an
// auditor's bundle opens read-only with every change refused.
#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "runtime/runner.h"
#include "service/activityservice.h"
#include "service/approvalservice.h"
#include "service/localworkspace.h"
#include "storage/activityrepository.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace steward;

namespace {

QString spec(const QString &instructions, const QString &criticality)
{
    return QStringLiteral("model: m\ninstructions: |\n  %1\ncriticality: %2\n").arg(instructions, criticality);
}

ActivityEvent makeEvent(NodeId agentId, const QString &kind, const QString &summary = {}, RunId runId = 0,
                        const QString &spanId = {}, const QString &parentSpanId = {})
{
    ActivityEvent made;
    made.agentId = agentId;
    made.kind = kind;
    made.summary = summary;
    made.runId = runId;
    made.spanId = spanId;
    made.parentSpanId = parentSpanId;
    return made;
}

Run runOf(NodeId agentId)
{
    Run run;
    run.agentId = agentId;
    return run;
}

// A runner that succeeds on the next turn of the event loop, or waits when told to.
class InstantRunner final : public Runner
{
    Q_OBJECT

public:
    explicit InstantRunner(bool hang) : m_hang(hang) { }

    void start(const RunRequest &request) override
    {
        if (m_hang) {
            return;
        }
        QTimer::singleShot(0, this, [this, request] {
            ActivityEvent step;
            step.kind = QStringLiteral("step");
            step.summary = request.payload.value(QStringLiteral("say")).toString();
            Q_EMIT eventsReported({step});
            Q_EMIT finished({RunStatus::Succeeded, {}});
        });
    }
    void cancel(const QString &reason) override { Q_EMIT finished({RunStatus::Failed, reason}); }

private:
    bool m_hang = false;
};

} // namespace

class TestLocalWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void changes_emitAgentChangedAndAuditAppended();
    void exportBundle_createsTheDefaultKeyOnce();
    void bundle_opensReadOnlyAndRefusesChanges();
    void approvals_theFilesOwnUserDecides();
    void activity_fromAnotherConnectionIsAnnounced();
    void runEvents_givesTheRunOldestFirst();
    void runNow_runsInThisProcessAndIsListed();
    void runNow_refusedAndInvalidRequests();
    void close_interruptsRunsUnderWay();
    void setAgentStatus_pausesResumesAndAnnounces();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalWorkspace> m_workspace;
    NodeId m_standard = NoNode;
    NodeId m_critical = NoNode;
};

void TestLocalWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLocalWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::create(m_dir->filePath(QStringLiteral("w.steward")));
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("ada"));
    const auto acme = m_workspace->createCompany(QStringLiteral("acme"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    SystemClock clock;
    OrgService org(m_workspace->store(), clock);
    AgentService agents(m_workspace->store(), clock, org);
    const auto standard =
        agents.createAgent({acme->id, QStringLiteral("notes"), QStringLiteral("ada"), Visibility::Team,
                            Criticality::Standard, spec(QStringLiteral("a"), QStringLiteral("standard"))},
                           QStringLiteral("ada"), QStringLiteral("setup"));
    const auto critical =
        agents.createAgent({acme->id, QStringLiteral("mailer"), QStringLiteral("ada"), Visibility::Team,
                            Criticality::Critical, spec(QStringLiteral("a"), QStringLiteral("critical"))},
                           QStringLiteral("ada"), QStringLiteral("setup"));
    QVERIFY(standard.ok() && critical.ok());
    m_standard = standard->id;
    m_critical = critical->id;
}

void TestLocalWorkspace::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void TestLocalWorkspace::changes_emitAgentChangedAndAuditAppended()
{
    QSignalSpy agentChanged(m_workspace.get(), &Workspace::agentChanged);
    QSignalSpy auditAppended(m_workspace.get(), &Workspace::auditAppended);
    const auto saved = m_workspace->changeSpec(m_standard, 1, spec(QStringLiteral("b"), QStringLiteral("standard")),
                                               QStringLiteral("edit"));
    QVERIFY(saved.ok() && saved->saved.has_value());
    QCOMPARE(agentChanged.count(), 1);
    QCOMPARE(agentChanged.first().first().value<NodeId>(), m_standard);
    QCOMPARE(auditAppended.count(), 1);
    QCOMPARE(m_workspace->history(m_standard)->size(), 2);

    const auto proposed = m_workspace->changeSpec(m_critical, 1, spec(QStringLiteral("b"), QStringLiteral("critical")),
                                                  QStringLiteral("edit"));
    QVERIFY(proposed.ok() && proposed->proposed.has_value());
    QCOMPARE(m_workspace->pendingProposals(NoNode)->size(), 1);
    // The actor proposed it, so the same workspace user may not approve it.
    const auto self = m_workspace->approveProposal(proposed->proposed->id, QStringLiteral("ok"));
    QVERIFY(!self.ok());
    QCOMPARE(agentChanged.count(), 2);
    const auto rejected = m_workspace->rejectProposal(proposed->proposed->id, QStringLiteral("not now"));
    QVERIFY(rejected.ok());
    QCOMPARE(agentChanged.count(), 3);
    QCOMPARE(auditAppended.count(), 3);

    const auto failed = m_workspace->changeSpec(m_standard, 1, spec(QStringLiteral("c"), QStringLiteral("standard")),
                                                QStringLiteral("stale"));
    QVERIFY(!failed.ok());
    QCOMPARE(agentChanged.count(), 3);
    QVERIFY(m_workspace->verifyAudit()->intact());
    AuditFilter filter;
    filter.action = QStringLiteral("version.");
    QCOMPARE(m_workspace->auditEntries(filter, 0, 10)->size(), 3);
}

void TestLocalWorkspace::exportBundle_createsTheDefaultKeyOnce()
{
    const QString keyPath = SigningKey::defaultPathFor(m_workspace->store().workspaceId());
    QFile::remove(keyPath);
    const auto first =
        m_workspace->exportBundle(m_dir->filePath(QStringLiteral("a.bundle")), {}, QStringLiteral("audit"));
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().message));
    QVERIFY(QFile::exists(keyPath));
    const auto second =
        m_workspace->exportBundle(m_dir->filePath(QStringLiteral("b.bundle")), {}, QStringLiteral("audit"));
    QVERIFY(second.ok());
    QCOMPARE(second->publicKey, first->publicKey);
    QVERIFY(AuditBundle::verify(m_dir->filePath(QStringLiteral("b.bundle")), first->publicKey)->ok());
    QFile::remove(keyPath);
}

void TestLocalWorkspace::bundle_opensReadOnlyAndRefusesChanges()
{
    const QString bundlePath = m_dir->filePath(QStringLiteral("r.bundle"));
    const auto manifest = m_workspace->exportBundle(bundlePath, {}, QStringLiteral("audit"));
    QVERIFY(manifest.ok());
    QFile::remove(SigningKey::defaultPathFor(m_workspace->store().workspaceId()));
    auto opened = LocalWorkspace::openBundle(bundlePath, QStringLiteral("auditor"));
    QVERIFY(opened.ok());
    const std::unique_ptr<LocalWorkspace> bundle = std::move(opened).value();
    QVERIFY(bundle->isReadOnly());
    QCOMPARE(bundle->root()->path, QStringLiteral("/acme"));
    QCOMPARE(bundle->history(m_standard)->size(), 1);
    const auto refused =
        bundle->createGroup(bundle->root()->id, NodeKind::Department, QStringLiteral("x"), QStringLiteral("try"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QVERIFY(
        !bundle->changeSpec(m_standard, 1, spec(QStringLiteral("z"), QStringLiteral("standard")), QStringLiteral("x"))
             .ok());
    QVERIFY(!bundle->exportBundle(m_dir->filePath(QStringLiteral("again.bundle")), {}, QStringLiteral("x")).ok());
    QVERIFY(bundle->verifyAudit()->intact());
    QVERIFY(AuditBundle::verify(bundlePath, manifest->publicKey)->ok());
}

void TestLocalWorkspace::approvals_theFilesOwnUserDecides()
{
    SystemClock clock;
    OrgService org(m_workspace->store(), clock);
    ApprovalService service(m_workspace->store(), clock, org);
    const auto submit = [&](NodeId agentId) {
        const auto submitted = service.submit(
            {agentId, 0, 0, QStringLiteral("Send it"), QStringLiteral("Hello"), QStringLiteral("markdown"), {}},
            QStringLiteral("notes-bot"));
        return submitted ? submitted->id : ApprovalId(0);
    };
    const ApprovalId standard = submit(m_standard);
    const ApprovalId critical = submit(m_critical);
    QVERIFY(standard > 0 && critical > 0);
    // A critical agent's spec change is a version proposal: it comes in the same inbox.
    const auto proposed = m_workspace->changeSpec(m_critical, 1, spec(QStringLiteral("b"), QStringLiteral("critical")),
                                                  QStringLiteral("tighter"));
    QVERIFY(proposed.ok() && proposed->proposed);

    const auto page = m_workspace->approvals({});
    QVERIFY(page.ok());
    QCOMPARE(page->items.size(), 2);
    QCOMPARE(page->proposals.size(), 1);
    ApprovalFilter mine;
    mine.mine = true;
    // ada owns the critical agent and wrote the proposal: only the standard agent's item is hers.
    const auto hers = m_workspace->approvals(mine);
    QCOMPARE(hers->items.size(), 1);
    QCOMPARE(hers->items.first().id, standard);
    QCOMPARE(hers->proposals.size(), 0);
    QCOMPARE(m_workspace->approvalCounts()->pendingForMe, 1);

    QSignalSpy changed(m_workspace.get(), &Workspace::approvalChanged);
    const auto refused = m_workspace->decideApproval(critical, {QStringLiteral("approve"), 1, QString(), QString()});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QCOMPARE(changed.size(), 0);
    const auto approved = m_workspace->decideApproval(standard, {QStringLiteral("approve"), 1, QString(), QString()});
    QVERIFY(approved.ok());
    QCOMPARE(approved->state, ApprovalState::Approved);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<ApprovalId>(), standard);
    QCOMPARE(m_workspace->sweepApprovals()->size(), 0);
}

void TestLocalWorkspace::activity_fromAnotherConnectionIsAnnounced()
{
    // An agent or stewardctl writes through its own connection, as another process would.
    auto other = Store::open(m_workspace->store().path());
    QVERIFY(other.ok());
    SystemClock clock;
    ActivityService writer(*other.value(), clock);
    const auto before = writer.ingest({makeEvent(m_standard, QStringLiteral("step"))});
    QVERIFY(before.ok());

    QSignalSpy appended(m_workspace.get(), &Workspace::activityAppended);
    QList<ActivityEvent> batch;
    for (int i = 0; i < 2500; ++i) {
        batch.append(
            makeEvent(i % 2 ? m_standard : m_critical, QStringLiteral("output"), QStringLiteral("event %1").arg(i)));
    }
    QVERIFY(writer.ingest(batch).ok());

    // Only what was written after the watch began, each event once, oldest first, however
    // many turns the backlog takes.
    QList<ActivityEvent> seen;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (; !appended.isEmpty(); appended.removeFirst()) {
                seen += appended.first().first().value<QList<ActivityEvent>>();
            }
            return seen.size() >= batch.size();
        }(),
        5000);
    QCOMPARE(seen.size(), batch.size());
    QCOMPARE(seen.first().summary, QStringLiteral("event 0"));
    QCOMPARE(seen.last().summary, QStringLiteral("event 2499"));
    for (qsizetype i = 1; i < seen.size(); ++i) {
        QVERIFY(seen.at(i).id > seen.at(i - 1).id);
    }
}

void TestLocalWorkspace::runEvents_givesTheRunOldestFirst()
{
    SystemClock clock;
    ActivityService activity(m_workspace->store(), clock);
    const auto run = activity.startRun(runOf(m_standard));
    const auto otherRun = activity.startRun(runOf(m_critical));
    QVERIFY(run.ok() && otherRun.ok());
    QVERIFY(activity
                .ingest({makeEvent(m_standard, QStringLiteral("run.started"), {}, run->id, QStringLiteral("a")),
                         makeEvent(m_critical, QStringLiteral("step"), {}, otherRun->id),
                         makeEvent(m_standard, QStringLiteral("tool.call"), {}, run->id, QStringLiteral("b"),
                                   QStringLiteral("a"))})
                .ok());

    const auto events = m_workspace->runEvents(run->id);
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0).kind, QStringLiteral("run.started"));
    QCOMPARE(events->at(1).parentSpanId, QStringLiteral("a"));
    QVERIFY(m_workspace->runEvents(otherRun->id + 100).value().isEmpty());
}

void TestLocalWorkspace::runNow_runsInThisProcessAndIsListed()
{
    m_workspace->runners().add(QStringLiteral("command"),
                               [](const AgentSpec::Runner &) { return std::make_unique<InstantRunner>(false); });
    QVERIFY(
        m_workspace
            ->changeSpec(m_standard, 1,
                         spec(QStringLiteral("a"), QStringLiteral("standard")) + QStringLiteral("runner: command x\n"),
                         QStringLiteral("runs"))
            .ok());
    const Result<RunRequestEntry> request =
        m_workspace->runNow(m_standard, {{QStringLiteral("say"), QStringLiteral("hello")}}, QStringLiteral("try"));
    QVERIFY(request.ok());
    QCOMPARE(request->state, RunRequestState::Started);
    QCOMPARE(request->requestedBy, QStringLiteral("ada"));
    QCOMPARE(request->trigger, RunTrigger::Manual);
    QCOMPARE(request->triggerDetail, QStringLiteral("try"));
    QVERIFY(request->runId != 0);

    QTRY_COMPARE(m_workspace->recentRuns(m_standard, 5).value().constFirst().status, RunStatus::Succeeded);
    const auto events = m_workspace->runEvents(request->runId);
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 3); // run.started, the step, run.finished
    QCOMPARE(events->at(1).summary, QStringLiteral("hello"));
    QCOMPARE(events->at(1).version, 2);

    const auto listed = m_workspace->runRequests(m_standard, 10);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->constFirst().id, request->id);
}

void TestLocalWorkspace::runNow_refusedAndInvalidRequests()
{
    // No runner in the spec: stored, and refused with the reason.
    const Result<RunRequestEntry> refused = m_workspace->runNow(m_standard, {}, QStringLiteral("try"));
    QVERIFY(refused.ok());
    QCOMPARE(refused->state, RunRequestState::Refused);
    QCOMPARE(refused->reason, QStringLiteral("the agent has no runner"));
    // No reason, or not an agent: refused outright, nothing stored.
    const Result<RunRequestEntry> unexplained = m_workspace->runNow(m_standard, {}, QStringLiteral(" "));
    QVERIFY(!unexplained);
    QCOMPARE(unexplained.error().code, Error::Code::Invalid);
    const Result<RunRequestEntry> company = m_workspace->runNow(m_workspace->root()->id, {}, QStringLiteral("try"));
    QVERIFY(!company);
    QCOMPARE(m_workspace->runRequests(m_standard, 10).value().size(), 1);
}

void TestLocalWorkspace::close_interruptsRunsUnderWay()
{
    m_workspace->runners().add(QStringLiteral("command"),
                               [](const AgentSpec::Runner &) { return std::make_unique<InstantRunner>(true); });
    QVERIFY(
        m_workspace
            ->changeSpec(m_standard, 1,
                         spec(QStringLiteral("a"), QStringLiteral("standard")) + QStringLiteral("runner: command x\n"),
                         QStringLiteral("runs"))
            .ok());
    const Result<RunRequestEntry> request = m_workspace->runNow(m_standard, {}, QStringLiteral("try"));
    QVERIFY(request.ok());
    const QString file = m_workspace->location();
    m_workspace.reset();

    auto store = Store::open(file);
    QVERIFY(store.ok());
    const Result<Run> run = ActivityRepository(*store.value()).run(request->runId);
    QVERIFY(run.ok());
    QCOMPARE(run->status, RunStatus::Interrupted);
}

void TestLocalWorkspace::setAgentStatus_pausesResumesAndAnnounces()
{
    QSignalSpy agentChanged(m_workspace.get(), &Workspace::agentChanged);
    QSignalSpy auditAppended(m_workspace.get(), &Workspace::auditAppended);
    const auto paused = m_workspace->setAgentStatus(m_standard, AgentStatus::Paused, QStringLiteral("holiday"));
    QVERIFY2(paused.ok(), qPrintable(paused ? QString() : paused.error().message));
    QCOMPARE(paused->status, AgentStatus::Paused);
    QCOMPARE(m_workspace->agent(m_standard)->status, AgentStatus::Paused);
    QCOMPARE(agentChanged.count(), 1);
    QCOMPARE(agentChanged.first().first().value<NodeId>(), m_standard);
    QCOMPARE(auditAppended.count(), 1);

    QVERIFY(!m_workspace->setAgentStatus(m_standard, AgentStatus::Paused, QStringLiteral("again")).ok());
    QVERIFY(!m_workspace->setAgentStatus(m_standard, AgentStatus::Active, QString()).ok());
    QCOMPARE(agentChanged.count(), 1);

    const auto resumed = m_workspace->setAgentStatus(m_standard, AgentStatus::Active, QStringLiteral("back"));
    QVERIFY(resumed.ok());
    QCOMPARE(m_workspace->agent(m_standard)->status, AgentStatus::Active);
    QCOMPARE(agentChanged.count(), 2);
    AuditFilter filter;
    filter.action = QStringLiteral("agent.");
    const auto entries = m_workspace->auditEntries(filter, 0, 10);
    QVERIFY(entries.ok());
    QStringList actions;
    for (const AuditEntry &entry : entries.value()) {
        actions.append(entry.action + QLatin1Char(' ') + entry.actor + QLatin1Char(' ') + entry.reason);
    }
    QVERIFY2(actions.contains(QStringLiteral("agent.pause ada holiday")), qPrintable(actions.join(QLatin1Char(','))));
    QVERIFY2(actions.contains(QStringLiteral("agent.resume ada back")), qPrintable(actions.join(QLatin1Char(','))));
}

QTEST_GUILESS_MAIN(TestLocalWorkspace)
#include "tst_localworkspace.moc"
