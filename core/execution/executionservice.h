// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/execution.h"
#include "domain/result.h"
#include "execution/webhooksecrets.h"
#include "execution/webhooksender.h"
#include "storage/activityrepository.h"
#include "storage/auditrepository.h"
#include "storage/executionrepository.h"
#include "storage/streamrepository.h"
#include "storage/treerepository.h"

#include <QHash>
#include <QObject>

namespace steward {

class Clock;
class Store;

// Performs approved actions: only an approval in state 'approved' executes, and it ends
// 'executed' or 'failed'. Each attempt is claimed in a write transaction with a lease, so that
// of several executors on one database (stewardd instances sharing a PostgreSQL) exactly one
// makes it, and one that dies mid-call loses the claim when the lease runs out. A webhook is
// POSTed signed (WebhookSender) with the idempotency key steward-approval-<id>, the same on
// every attempt, so a receiver can drop a repeat (an attempt whose answer was lost is tried
// again: delivery is at least once, de-duplicated by the receiver). Answers worth retrying are
// retried after 1 s, 2 s, 4 s, ... (capped) up to a number of attempts; then, or on a
// permanent refusal, the approval fails. The outcome goes into the activity log (an event of
// kind action.executed or action.failed for the agent, with its run and version), the audit log
// (actor "executor") and the change stream, in one transaction with the state change.
//
// Driven from outside: runDue() claims what is due and starts it; the calls finish on the event
// loop. Everything runs on the thread that made the service (the store's thread).
class ExecutionService final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // This executor's name in leases; empty: host name, process id and a random part.
        QString owner;
        int maxAttempts = 10;
        qint64 firstRetryMs = 1000;
        qint64 maxRetryMs = 5 * 60 * 1000;
        // How long a claim holds; longer than a call may take (webhook.timeoutMs).
        qint64 leaseMs = 60 * 1000;
        // How many attempts may be under way at once. Six is what QNetworkAccessManager sends to
        // one host at a time: more would wait in its queue with their timeout running.
        int maxUnderWay = 6;
        WebhookSender::Options webhook;
    };

    // Outcomes recorded by this executor since it started (for /metrics).
    struct Counts
    {
        qint64 executed = 0;
        qint64 failed = 0;
        qint64 retrying = 0; // attempts that failed and were scheduled again
    };

    ExecutionService(const Store &store, const Clock &clock, WebhookSecrets secrets, Options options,
                     QObject *parent = nullptr);
    ~ExecutionService() override;
    Q_DISABLE_COPY_MOVE(ExecutionService)

    // Claims the approvals that are due, as many as may be under way besides those already
    // are, and starts their attempts; returns how many started.
    [[nodiscard]] Result<int> runDue();
    [[nodiscard]] qsizetype attemptsUnderWay() const { return m_underWay.size(); }
    [[nodiscard]] const Counts &counts() const { return m_counts; }
    [[nodiscard]] QString owner() const { return m_options.owner; }

    // The wait before the attempt after `attempts` failed ones.
    [[nodiscard]] static qint64 retryDelayMs(int attempts, const Options &options);
    [[nodiscard]] static QString idempotencyKey(ApprovalId id);
    // The JSON a webhook receives for `action` of the agent at `agentPath`.
    [[nodiscard]] static QByteArray webhookBody(const ApprovedAction &action, const QString &agentPath);

Q_SIGNALS:
    // An attempt's outcome was stored (executed, failed, or a retry scheduled).
    void attemptRecorded(steward::ApprovalId id);
    // An attempt's outcome could not be stored; the lease runs out and the action is tried again.
    void recordFailed(steward::ApprovalId id, const QString &message);

private:
    struct Attempt
    {
        ApprovedAction action;
        QString agentPath;
        int number = 0;
    };

    [[nodiscard]] Result<QList<Execution>> claimDue();
    void start(const Execution &claimed);
    // Why the action cannot be attempted at all, or empty.
    [[nodiscard]] QString actionProblem(const ApprovedAction &action) const;
    void finish(const Attempt &attempt, const WebhookResult &result);
    [[nodiscard]] Status record(const Attempt &attempt, const WebhookResult &result, bool final, bool &superseded);
    [[nodiscard]] Status recordOutcome(const Attempt &attempt, const WebhookResult &result, ApprovalState state);

    const Store &m_store;
    const Clock &m_clock;
    WebhookSecrets m_secrets;
    Options m_options;
    ExecutionRepository m_executions;
    TreeRepository m_tree;
    ActivityRepository m_activity;
    AuditRepository m_audit;
    StreamRepository m_stream;
    QHash<ApprovalId, int> m_underWay; // approval -> attempt number
    Counts m_counts;
    // Last, so that it goes first: its calls under way are abandoned before the rest goes.
    WebhookSender m_sender;
};

} // namespace steward
