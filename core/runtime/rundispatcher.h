// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/agentspec.h"
#include "domain/approval.h"
#include "domain/result.h"
#include "domain/runrequest.h"
#include "storage/runrequestrepository.h"
#include "storage/treerepository.h"
#include "storage/versionrepository.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <array>

namespace steward {

class ActivityService;
class ApprovalService;
class Clock;
class Runner;
class RunnerFactory;
class Store;
struct RunnerOutcome;

// Starts the runs that run requests ask for, and traces them. Pending requests whose time has
// come are decided in write transactions, oldest first, so that of several dispatchers on one
// database (stewardd instances sharing a PostgreSQL) exactly one decides each request:
// - refused: the agent is paused, retired or archived, has no version, has no runner, or names
//   a runner kind this process cannot make (only stored versions run: a critical agent's
//   pending proposal is no version);
// - backing off: after n failed runs in a row the agent waits min(30 s * 2^(n-1), 30 min)
//   from the last failure: a schedule fire inside that window is skipped, anything else waits;
// - the agent's own limit (spec.runner.maxConcurrentRuns, counting its running runs on every
//   instance) reached: with overlap "skip" the request is skipped, with "queue" it waits;
// - this process's limit (Options::maxConcurrentRuns) reached: it waits for another pass;
// - otherwise started: the run is recorded (ActivityService, so the stream and rollups see it
//   as any run) with this instance as its owner, in the same transaction as the decision.
// The runner (RunnerFactory) then runs it; the events it reports are stored with client ids
// run-<id>-<n> (a repeat is dropped), its proposals go to the approval inbox, and its outcome
// ends the run with a run.finished event (and an error event when it failed).
//
// Runs under way have their heartbeat renewed; sweep() marks running runs of other owners whose
// heartbeat is older than the lease as interrupted (their server stopped), and stop() ends this
// process's own runs as interrupted. Runs that agents report themselves have no owner and are
// never touched. Everything runs on the thread that made the dispatcher (the store's thread).
class RunDispatcher final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // This instance's name on runs and decisions; empty: host name, process id and a
        // random part.
        QString owner;
        // Runs under way at once in this process.
        int maxConcurrentRuns = 32;
        // A run whose heartbeat is older than this was left by a server that stopped.
        qint64 leaseMs = 30 * 1000;
        qint64 heartbeatMs = 10 * 1000;
        // How often start() has the timers look for due requests and abandoned runs.
        qint64 pollMs = 1000;
        qint64 firstBackoffMs = 30 * 1000;
        qint64 maxBackoffMs = 30 * 60 * 1000;
    };

    // Start latency (request due -> run started) is counted in these buckets, in seconds.
    static constexpr std::array<double, 10> LatencyBuckets{0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0};

    // What this dispatcher did since it started (for /metrics).
    struct Counts
    {
        qint64 started = 0;
        qint64 succeeded = 0;
        qint64 failed = 0;
        qint64 interrupted = 0; // its own runs at stop(), and abandoned runs it swept
        qint64 skipped = 0;
        qint64 refused = 0;
        std::array<qint64, LatencyBuckets.size()> startLatency{}; // cumulative, as Prometheus wants
        qint64 startLatencyCount = 0;
        double startLatencySum = 0.0; // seconds
    };

    RunDispatcher(const Store &store, const Clock &clock, ActivityService &activity, ApprovalService &approvals,
                  const RunnerFactory &runners, Options options, QObject *parent = nullptr);
    ~RunDispatcher() override;
    Q_DISABLE_COPY_MOVE(RunDispatcher)

    // Sweeps once, then keeps looking for due requests (every pollMs), renewing heartbeats and
    // sweeping on timers. Tests leave it unstarted and call the steps themselves.
    void start();
    // Decides the due requests and starts the runners of those it started; how many started.
    [[nodiscard]] Result<int> dispatchDue();
    // Renews the heartbeat of this process's runs under way.
    [[nodiscard]] Status heartbeat();
    // Marks other owners' runs with a stale heartbeat as interrupted; how many.
    [[nodiscard]] Result<int> sweep();
    // Cancels this process's runs under way and marks them interrupted (server shutting down).
    void stop(const QString &reason);

    [[nodiscard]] qsizetype runsUnderWay() const { return m_underWay.size(); }
    [[nodiscard]] const Counts &counts() const { return m_counts; }
    [[nodiscard]] QString owner() const { return m_options.owner; }
    [[nodiscard]] const Options &options() const { return m_options; }

    // The wait after `failures` failed runs in a row.
    [[nodiscard]] static qint64 backoffMs(int failures, const Options &options);

Q_SIGNALS:
    void runStarted(steward::RunId runId);
    // The run's end was stored.
    void runFinished(steward::RunId runId, steward::RunStatus status);
    // Something a run reported could not be stored (a refused event batch or proposal, a
    // finished run already marked interrupted elsewhere).
    void recordFailed(steward::RunId runId, const QString &message);

private:
    // What a pass found out about one agent, read once per pass.
    struct AgentFacts
    {
        QString path;
        QString problem; // why it may not run at all; empty when it may
        int version = 0;
        AgentSpec spec;
        QDateTime backoffUntil; // null when not backing off
        int failures = 0;
    };
    struct Started
    {
        Run run;
        QString agentPath;
        AgentSpec spec;
        QJsonObject payload;
    };
    struct UnderWay
    {
        Run run;
        QString agentPath;
        Runner *runner = nullptr;
        int reported = 0; // events stored so far, numbering their client ids
    };

    [[nodiscard]] Result<QList<Started>> claimDue();
    [[nodiscard]] Result<AgentFacts> factsOf(NodeId agentId, const QDateTime &now);
    [[nodiscard]] Result<Run> startInTransaction(const RunRequestEntry &request, const AgentFacts &facts,
                                                 const QDateTime &now);
    void launch(const Started &started);
    void storeEvents(RunId runId, QList<ActivityEvent> events);
    void submitProposal(RunId runId, const NewApproval &proposal);
    void finish(RunId runId, const RunnerOutcome &outcome);
    // Stores how the run ended with the events that close it; false when it had already ended.
    [[nodiscard]] Result<bool> endRun(const Run &run, const QString &error);
    // Ends a run as interrupted with an error event saying why; false when it had already ended.
    [[nodiscard]] Result<bool> interrupt(const Run &run, const QString &reason);
    void storeRunEvents(const QList<ActivityEvent> &events, RunId runId);
    void countStartLatency(qint64 ms);
    void poll();

    const Store &m_store;
    const Clock &m_clock;
    ActivityService &m_activity;
    ApprovalService &m_approvals;
    const RunnerFactory &m_runners;
    Options m_options;
    RunRequestRepository m_requests;
    TreeRepository m_tree;
    VersionRepository m_versions;
    QHash<RunId, UnderWay> m_underWay;
    Counts m_counts;
    QTimer m_pollTimer;
    QTimer m_heartbeatTimer;
    qint64 m_lastSweepMs = 0;
};

} // namespace steward
