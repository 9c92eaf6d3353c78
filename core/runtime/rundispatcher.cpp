// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rundispatcher.h"

#include "domain/clock.h"
#include "runtime/runner.h"
#include "runtime/runnerfactory.h"
#include "service/activityservice.h"
#include "service/approvalservice.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace steward {

namespace {

// Requests looked at in one pass; the rest wait for the next.
constexpr int claimBatch = 200;
// Enough of an agent's latest outcomes to reach the longest back-off (30 s * 2^6 > 30 min).
constexpr int outcomesForBackoff = 8;
// The principal a runtime run's proposals are submitted as.
const QString submitter = QStringLiteral("runtime");

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::RunDispatcher", text);
}

QString defaultOwner()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

ActivityEvent runEvent(const Run &run, const QString &suffix, const char *kind, const QDateTime &time)
{
    ActivityEvent event;
    event.clientId = QStringLiteral("run-%1-%2").arg(run.id).arg(suffix);
    event.time = time;
    event.agentId = run.agentId;
    event.version = run.version;
    event.runId = run.id;
    event.kind = QString::fromLatin1(kind);
    event.status = QStringLiteral("ok");
    return event;
}

// The events that close a run: an error saying why when it did not succeed, and run.finished,
// from which the reliability rollups count runs, failures and latency.
QList<ActivityEvent> endEvents(const Run &run, const QString &error)
{
    QList<ActivityEvent> events;
    const bool succeeded = run.status == RunStatus::Succeeded;
    if (!succeeded) {
        ActivityEvent failure = runEvent(run, QStringLiteral("error"), EventKinds::Error, run.endedAt);
        failure.status = QStringLiteral("error");
        failure.summary = error.isEmpty() ? displayName(run.status) : error;
        failure.detail = error;
        events.append(failure);
    }
    ActivityEvent finished = runEvent(run, QStringLiteral("finished"), EventKinds::RunFinished, run.endedAt);
    finished.status = succeeded ? QStringLiteral("ok") : QStringLiteral("error");
    finished.summary = succeeded               ? translated("Run succeeded")
        : run.status == RunStatus::Interrupted ? translated("Run interrupted")
                                               : translated("Run failed");
    finished.latencyMs = run.latencyMs;
    finished.body = QJsonObject{{QStringLiteral("status"), toText(run.status)}};
    events.append(finished);
    return events;
}

} // namespace

RunDispatcher::RunDispatcher(const Store &store, const Clock &clock, ActivityService &activity,
                             ApprovalService &approvals, const RunnerFactory &runners, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_activity(activity)
    , m_approvals(approvals)
    , m_runners(runners)
    , m_options(std::move(options))
    , m_requests(store)
    , m_tree(store)
    , m_versions(store)
{
    if (m_options.owner.isEmpty()) {
        m_options.owner = defaultOwner();
    }
    connect(&m_pollTimer, &QTimer::timeout, this, &RunDispatcher::poll);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] {
        if (const Status renewed = heartbeat(); !renewed) {
            Q_EMIT recordFailed(0, renewed.error().message);
        }
    });
}

RunDispatcher::~RunDispatcher()
{
    for (const UnderWay &underWay : std::as_const(m_underWay)) {
        delete underWay.runner;
    }
}

qint64 RunDispatcher::backoffMs(int failures, const Options &options)
{
    qint64 delay = options.firstBackoffMs;
    for (int i = 1; i < failures && delay < options.maxBackoffMs; ++i) {
        delay *= 2;
    }
    return std::min(delay, options.maxBackoffMs);
}

void RunDispatcher::start()
{
    poll();
    m_pollTimer.start(static_cast<int>(m_options.pollMs));
    m_heartbeatTimer.start(static_cast<int>(m_options.heartbeatMs));
}

void RunDispatcher::poll()
{
    // A sweep every half lease finds an abandoned run at most one and a half leases after its
    // server stopped.
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    if (m_lastSweepMs == 0 || nowMs - m_lastSweepMs >= m_options.leaseMs / 2) {
        m_lastSweepMs = nowMs;
        if (const Result<int> swept = sweep(); !swept) {
            Q_EMIT recordFailed(0, swept.error().message);
        }
    }
    if (const Result<int> started = dispatchDue(); !started) {
        Q_EMIT recordFailed(0, started.error().message);
    }
}

Result<int> RunDispatcher::dispatchDue()
{
    if (m_underWay.size() >= m_options.maxConcurrentRuns) {
        return 0;
    }
    const Result<bool> anyDue = m_requests.anyDue(m_clock.now());
    if (!anyDue) {
        return anyDue.error();
    }
    if (!anyDue.value()) {
        return 0;
    }
    const Result<QList<Started>> started = claimDue();
    if (!started) {
        return started.error();
    }
    for (const Started &run : started.value()) {
        launch(run);
    }
    return static_cast<int>(started->size());
}

Result<RunDispatcher::AgentFacts> RunDispatcher::factsOf(NodeId agentId, const QDateTime &now)
{
    AgentFacts facts;
    const Result<OrgNode> node = m_tree.node(agentId);
    if (!node) {
        if (node.error().code != Error::Code::NotFound) {
            return node.error();
        }
        facts.problem = translated("there is no agent %1").arg(agentId);
        return facts;
    }
    facts.path = node->path;
    if (node->kind != NodeKind::Agent) {
        facts.problem = translated("%1 is not an agent").arg(node->path);
        return facts;
    }
    if (node->isArchived()) {
        facts.problem = translated("the agent is archived");
        return facts;
    }
    const Result<Agent> agent = m_tree.agent(agentId);
    if (!agent) {
        return agent.error();
    }
    if (agent->status != AgentStatus::Active) {
        facts.problem = translated("the agent is %1").arg(displayName(agent->status).toLower());
        return facts;
    }
    if (agent->headVersion == 0) {
        facts.problem = translated("the agent has no version yet");
        return facts;
    }
    const Result<AgentVersion> version = m_versions.version(agentId, agent->headVersion);
    if (!version) {
        return version.error();
    }
    Result<AgentSpec> spec = AgentSpec::parse(version->spec);
    if (!spec) {
        facts.problem =
            translated("version %1's spec cannot be read: %2").arg(agent->headVersion).arg(spec.error().message);
        return facts;
    }
    facts.version = agent->headVersion;
    facts.spec = std::move(spec).value();
    if (facts.spec.runner.kind.isEmpty()) {
        facts.problem = translated("the agent has no runner");
        return facts;
    }
    if (!m_runners.canMake(facts.spec.runner.kind)) {
        facts.problem = translated("this server cannot run \"%1\" runners").arg(facts.spec.runner.kind);
        return facts;
    }
    const Result<QList<Run>> outcomes = m_requests.latestOutcomes(agentId, outcomesForBackoff);
    if (!outcomes) {
        return outcomes.error();
    }
    for (const Run &run : outcomes.value()) {
        if (run.status != RunStatus::Failed) {
            break;
        }
        ++facts.failures;
    }
    if (facts.failures > 0) {
        const QDateTime until = outcomes->constFirst().endedAt.addMSecs(backoffMs(facts.failures, m_options));
        if (until > now) {
            facts.backoffUntil = until;
        }
    }
    return facts;
}

Result<QList<RunDispatcher::Started>> RunDispatcher::claimDue()
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const QDateTime now = m_clock.now();
    const Result<QList<RunRequestEntry>> due = m_requests.due(now, claimBatch);
    if (!due) {
        return due.error();
    }
    QHash<NodeId, AgentFacts> agents;
    QList<Started> started;
    qint64 skipped = 0;
    qint64 refused = 0;
    QList<qint64> latencies;
    for (const RunRequestEntry &request : due.value()) {
        if (m_underWay.size() + started.size() >= m_options.maxConcurrentRuns) {
            break;
        }
        auto facts = agents.constFind(request.agentId);
        if (facts == agents.cend()) {
            Result<AgentFacts> read = factsOf(request.agentId, now);
            if (!read) {
                return read.error();
            }
            facts = agents.insert(request.agentId, std::move(read).value());
        }
        RunRequestState state = RunRequestState::Started;
        QString reason;
        if (!facts->problem.isEmpty()) {
            state = RunRequestState::Refused;
            reason = facts->problem;
        } else if (facts->backoffUntil.isValid()) {
            reason = QCoreApplication::translate("steward::RunDispatcher",
                                                 "backing off after %n failed run(s) in a row, until %1", nullptr,
                                                 facts->failures)
                         .arg(facts->backoffUntil.toUTC().toString(Qt::ISODate));
            if (request.trigger != RunTrigger::Schedule) {
                if (const Status postponed = m_requests.postpone(request.id, facts->backoffUntil, reason); !postponed) {
                    return postponed.error();
                }
                continue;
            }
            state = RunRequestState::Skipped;
        } else {
            // Counted in this transaction, so it includes the runs this pass started.
            const Result<int> running = m_requests.runningRuns(request.agentId);
            if (!running) {
                return running.error();
            }
            if (running.value() >= std::max(1, facts->spec.runner.maxConcurrentRuns)) {
                if (facts->spec.runner.overlap == QLatin1String("queue")) {
                    continue; // waits for a run to end
                }
                state = RunRequestState::Skipped;
                reason = translated("a run of the agent was under way");
            }
        }
        RunId runId = 0;
        if (state == RunRequestState::Started) {
            const Result<Run> run = startInTransaction(request, facts.value(), now);
            if (!run) {
                return run.error();
            }
            runId = run->id;
            started.append({run.value(), facts->path, facts->spec, request.payload});
            latencies.append(request.notBefore.msecsTo(now));
        } else if (state == RunRequestState::Skipped) {
            ++skipped;
        } else {
            ++refused;
        }
        const Result<bool> decided = m_requests.decide(request.id, state, reason, m_options.owner, now, runId);
        if (!decided) {
            return decided.error();
        }
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    m_counts.skipped += skipped;
    m_counts.refused += refused;
    for (const qint64 latency : std::as_const(latencies)) {
        countStartLatency(latency);
    }
    return started;
}

Result<Run> RunDispatcher::startInTransaction(const RunRequestEntry &request, const AgentFacts &facts,
                                              const QDateTime &now)
{
    Run run;
    run.agentId = request.agentId;
    run.version = facts.version;
    run.trigger = request.trigger;
    run.triggerDetail = request.triggerDetail;
    run.startedAt = now;
    const Result<Run> started = m_activity.startRunInTransaction(run);
    if (!started) {
        return started.error();
    }
    if (const Status owned = m_requests.own(started->id, m_options.owner, now); !owned) {
        return owned.error();
    }
    ActivityEvent begun = runEvent(started.value(), QStringLiteral("started"), EventKinds::RunStarted, now);
    begun.summary = translated("Run started (%1)").arg(displayName(started->trigger).toLower());
    begun.body = QJsonObject{{QStringLiteral("trigger"), toText(started->trigger)},
                             {QStringLiteral("triggerDetail"), started->triggerDetail},
                             {QStringLiteral("runner"), facts.spec.runner.kind},
                             {QStringLiteral("owner"), m_options.owner}};
    if (const Result<ActivityService::IngestResult> stored = m_activity.ingestInTransaction({begun}); !stored) {
        return stored.error();
    }
    return started;
}

void RunDispatcher::countStartLatency(qint64 ms)
{
    const double seconds = static_cast<double>(std::max<qint64>(ms, 0)) / 1000.0;
    for (std::size_t i = 0; i < LatencyBuckets.size(); ++i) {
        if (seconds <= LatencyBuckets.at(i)) {
            ++m_counts.startLatency.at(i);
        }
    }
    ++m_counts.startLatencyCount;
    m_counts.startLatencySum += seconds;
}

void RunDispatcher::launch(const Started &started)
{
    ++m_counts.started;
    const RunId runId = started.run.id;
    std::unique_ptr<Runner> runner = m_runners.make(started.spec.runner);
    if (!runner) {
        // The kind was there when the request was decided; a maker that makes nothing fails it.
        Run failed = started.run;
        failed.status = RunStatus::Failed;
        failed.endedAt = m_clock.now();
        if (const Result<bool> ended = endRun(failed, translated("no runner could be made")); !ended) {
            Q_EMIT recordFailed(runId, ended.error().message);
        } else if (ended.value()) {
            ++m_counts.failed;
        }
        return;
    }
    m_underWay.insert(runId, {started.run, started.agentPath, runner.get(), 0});
    connect(runner.get(), &Runner::eventsReported, this,
            [this, runId](const QList<ActivityEvent> &events) { storeEvents(runId, events); });
    connect(runner.get(), &Runner::proposalReported, this,
            [this, runId](const NewApproval &proposal) { submitProposal(runId, proposal); });
    connect(runner.get(), &Runner::finished, this,
            [this, runId](const RunnerOutcome &outcome) { finish(runId, outcome); });
    Q_EMIT runStarted(runId);
    RunRequest request{started.run, started.agentPath, started.spec, started.payload};
    runner.release()->start(request);
}

void RunDispatcher::storeRunEvents(const QList<ActivityEvent> &events, RunId runId)
{
    if (const Result<ActivityService::IngestResult> stored = m_activity.ingest(events); !stored) {
        Q_EMIT recordFailed(runId, stored.error().message);
    }
}

void RunDispatcher::storeEvents(RunId runId, QList<ActivityEvent> events)
{
    const auto underWay = m_underWay.find(runId);
    if (underWay == m_underWay.end()) {
        return;
    }
    for (ActivityEvent &event : events) {
        event.clientId = QStringLiteral("run-%1-%2").arg(runId).arg(++underWay->reported);
        event.agentId = underWay->run.agentId;
        event.version = underWay->run.version;
        event.runId = runId;
    }
    storeRunEvents(events, runId);
}

void RunDispatcher::submitProposal(RunId runId, const NewApproval &proposal)
{
    const auto underWay = m_underWay.find(runId);
    if (underWay == m_underWay.end()) {
        return;
    }
    NewApproval submitted = proposal;
    submitted.agentId = underWay->run.agentId;
    submitted.version = underWay->run.version;
    submitted.runId = runId;
    if (const Result<Approval> approval = m_approvals.submit(submitted, submitter); !approval) {
        // The refusal belongs in the run's trace, where the agent's owner looks for it.
        ActivityEvent refused =
            runEvent(underWay->run, QString::number(++underWay->reported), EventKinds::Error, m_clock.now());
        refused.status = QStringLiteral("error");
        refused.summary =
            translated("The proposal \"%1\" was refused: %2").arg(proposal.title, approval.error().message);
        storeRunEvents({refused}, runId);
        Q_EMIT recordFailed(runId, approval.error().message);
    }
}

void RunDispatcher::finish(RunId runId, const RunnerOutcome &outcome)
{
    const auto underWay = m_underWay.constFind(runId);
    if (underWay == m_underWay.cend()) {
        return;
    }
    const UnderWay ending = underWay.value();
    m_underWay.erase(underWay);
    ending.runner->deleteLater();

    Run run = ending.run;
    run.endedAt = m_clock.now();
    run.status = outcome.status == RunStatus::Succeeded ? RunStatus::Succeeded : RunStatus::Failed;
    run.tokensIn = outcome.tokensIn;
    run.tokensOut = outcome.tokensOut;
    run.cost = outcome.cost;
    run.latencyMs = run.startedAt.msecsTo(run.endedAt);
    const Result<bool> ended = endRun(run, outcome.error);
    if (!ended) {
        Q_EMIT recordFailed(runId, ended.error().message);
    } else if (!ended.value()) {
        // Swept as interrupted by another instance while this one could not renew its
        // heartbeat; that outcome stands.
        Q_EMIT recordFailed(runId, translated("run %1 had already been ended elsewhere").arg(runId));
    } else {
        ++(run.status == RunStatus::Succeeded ? m_counts.succeeded : m_counts.failed);
        Q_EMIT runFinished(runId, run.status);
    }
    // A slot freed: queued requests of this agent, or requests held back by the limit, may go.
    QTimer::singleShot(0, this, [this] {
        if (const Result<int> started = dispatchDue(); !started) {
            Q_EMIT recordFailed(0, started.error().message);
        }
    });
}

Result<bool> RunDispatcher::endRun(const Run &run, const QString &error)
{
    // The outcome and the events that close the run commit together: a run is never ended
    // without its run.finished, which the rollups count.
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Run> finished = m_activity.finishRunInTransaction(run);
    if (!finished) {
        if (finished.error().code == Error::Code::Conflict) {
            return false; // ended already, by another instance's sweep
        }
        return finished.error();
    }
    if (const Result<ActivityService::IngestResult> stored = m_activity.ingestInTransaction(endEvents(run, error));
        !stored) {
        return stored.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return true;
}

Result<bool> RunDispatcher::interrupt(const Run &run, const QString &reason)
{
    Run ended = run;
    ended.status = RunStatus::Interrupted;
    ended.endedAt = m_clock.now();
    ended.latencyMs = run.startedAt.msecsTo(ended.endedAt);
    const Result<bool> done = endRun(ended, reason);
    if (!done || !done.value()) {
        return done;
    }
    ++m_counts.interrupted;
    Q_EMIT runFinished(run.id, RunStatus::Interrupted);
    return true;
}

Status RunDispatcher::heartbeat()
{
    if (m_underWay.isEmpty()) {
        return Done{};
    }
    return m_requests.heartbeat(m_options.owner, m_clock.now());
}

Result<int> RunDispatcher::sweep()
{
    const Result<QList<Run>> stale = m_requests.staleRuns(m_clock.now().addMSecs(-m_options.leaseMs), m_options.owner);
    if (!stale) {
        return stale.error();
    }
    int interrupted = 0;
    for (const Run &run : stale.value()) {
        const Result<bool> ended = interrupt(run, translated("interrupted: the server running it stopped"));
        if (!ended) {
            return ended.error();
        }
        interrupted += ended.value() ? 1 : 0;
    }
    return interrupted;
}

void RunDispatcher::stop(const QString &reason)
{
    m_pollTimer.stop();
    m_heartbeatTimer.stop();
    const QHash<RunId, UnderWay> underWay = std::exchange(m_underWay, {});
    for (const UnderWay &run : underWay) {
        // Its finished() comes after this, to nobody: the outcome is "interrupted".
        run.runner->disconnect(this);
        run.runner->cancel(reason);
        delete run.runner;
        if (const Result<bool> ended = interrupt(run.run, translated("interrupted: %1").arg(reason)); !ended) {
            Q_EMIT recordFailed(run.run.id, ended.error().message);
        }
    }
}

} // namespace steward
