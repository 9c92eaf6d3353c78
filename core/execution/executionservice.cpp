// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionservice.h"

#include "domain/clock.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QUuid>

namespace steward {

namespace {

QString actionType(const ApprovedAction &action)
{
    return action.action.value(QStringLiteral("type")).toString();
}

QUrl webhookUrl(const ApprovedAction &action)
{
    return QUrl(action.action.value(QStringLiteral("url")).toString());
}

// The webhook's target as the logs show it: no credentials, query or fragment, which may hold
// tokens of the receiver's.
QString target(const ApprovedAction &action)
{
    return webhookUrl(action).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString defaultOwner()
{
    return QStringLiteral("%1:%2:%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

} // namespace

ExecutionService::ExecutionService(const Store &store, const Clock &clock, WebhookSecrets secrets, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_secrets(std::move(secrets))
    , m_options(std::move(options))
    , m_executions(store)
    , m_tree(store)
    , m_activity(store)
    , m_audit(store)
    , m_stream(store)
    , m_sender(clock, m_options.webhook)
{
    if (m_options.owner.isEmpty()) {
        m_options.owner = defaultOwner();
    }
}

ExecutionService::~ExecutionService() = default;

qint64 ExecutionService::retryDelayMs(int attempts, const Options &options)
{
    qint64 delay = options.firstRetryMs;
    for (int i = 1; i < attempts && delay < options.maxRetryMs; ++i) {
        delay *= 2;
    }
    return std::min(delay, options.maxRetryMs);
}

QString ExecutionService::idempotencyKey(ApprovalId id)
{
    return QStringLiteral("steward-approval-%1").arg(id);
}

QByteArray ExecutionService::webhookBody(const ApprovedAction &action, const QString &agentPath)
{
    QJsonArray decidedBy;
    for (const QString &reviewer : action.decidedBy) {
        decidedBy.append(reviewer);
    }
    const QJsonObject body{
        {QStringLiteral("approvalId"), action.approvalId},
        {QStringLiteral("agentId"), action.agentId},
        {QStringLiteral("agentPath"), agentPath},
        {QStringLiteral("version"), action.version},
        {QStringLiteral("runId"), action.runId == 0 ? QJsonValue() : QJsonValue(action.runId)},
        {QStringLiteral("title"), action.title},
        {QStringLiteral("payloadFormat"), action.payloadFormat},
        {QStringLiteral("payload"), action.payload},
        {QStringLiteral("decidedBy"), decidedBy},
        {QStringLiteral("decidedAt"),
         action.decidedAt.isValid() ? QJsonValue(action.decidedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
        {QStringLiteral("idempotencyKey"), idempotencyKey(action.approvalId)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<int> ExecutionService::runDue()
{
    if (m_underWay.size() >= m_options.maxUnderWay) {
        return 0;
    }
    const Result<bool> anyDue = m_executions.anyDue(m_clock.now());
    if (!anyDue) {
        return anyDue.error();
    }
    if (!anyDue.value()) {
        return 0;
    }
    const Result<QList<Execution>> claimed = claimDue();
    if (!claimed) {
        return claimed.error();
    }
    for (const Execution &execution : claimed.value()) {
        start(execution);
    }
    return static_cast<int>(claimed->size());
}

Result<QList<Execution>> ExecutionService::claimDue()
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const QDateTime now = m_clock.now();
    const Result<QList<ApprovalId>> due =
        m_executions.due(now, m_options.maxUnderWay - static_cast<int>(m_underWay.size()));
    if (!due) {
        return due.error();
    }
    QList<Execution> claimed;
    for (const ApprovalId id : due.value()) {
        // Only after a jump of the clock could our own claim look expired while its call runs.
        if (m_underWay.contains(id)) {
            continue;
        }
        const Result<Execution> execution =
            m_executions.claim(id, m_options.owner, now, now.addMSecs(m_options.leaseMs));
        if (!execution) {
            return execution.error();
        }
        claimed.append(execution.value());
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return claimed;
}

QString ExecutionService::actionProblem(const ApprovedAction &action) const
{
    if (actionType(action) != QLatin1String("webhook")) {
        return tr("Steward cannot perform actions of type \"%1\"").arg(actionType(action));
    }
    if (!action.hasPayload) {
        return tr("the approval holds no payload to execute");
    }
    const QString secretName = action.action.value(QStringLiteral("secret")).toString();
    if (secretName.isEmpty()) {
        return tr("the webhook action names no secret to sign with");
    }
    if (!m_secrets.secret(secretName)) {
        return tr("stewardd has no secret named \"%1\" (see --secrets)").arg(secretName);
    }
    return {};
}

void ExecutionService::start(const Execution &claimed)
{
    const Result<ApprovedAction> action = m_executions.approvedAction(claimed.approvalId);
    const Result<OrgNode> agent = action ? m_tree.node(action->agentId) : Result<OrgNode>(action.error());
    if (!agent) {
        Q_EMIT recordFailed(claimed.approvalId, agent.error().message);
        return;
    }
    const Attempt attempt{action.value(), agent->path, claimed.attempts};
    m_underWay.insert(claimed.approvalId, claimed.attempts);
    if (const QString problem = actionProblem(attempt.action); !problem.isEmpty()) {
        finish(attempt, {WebhookResult::Outcome::Permanent, 0, problem});
        return;
    }
    const WebhookRequest request{
        webhookUrl(attempt.action), webhookBody(attempt.action, attempt.agentPath),
        m_secrets.secret(attempt.action.action.value(QStringLiteral("secret")).toString()).value_or(QByteArray()),
        idempotencyKey(claimed.approvalId)};
    m_sender.send(request, [this, attempt](const WebhookResult &result) { finish(attempt, result); });
}

void ExecutionService::finish(const Attempt &attempt, const WebhookResult &result)
{
    const ApprovalId id = attempt.action.approvalId;
    m_underWay.remove(id);
    const bool retry = result.outcome == WebhookResult::Outcome::Retry && attempt.number < m_options.maxAttempts;
    WebhookResult recorded = result;
    if (result.outcome == WebhookResult::Outcome::Retry && !retry) {
        recorded.reason = tr("gave up after %1 attempts; the last: %2").arg(attempt.number).arg(result.reason);
    }
    bool superseded = false;
    if (const Status stored = record(attempt, recorded, !retry, superseded); !stored) {
        Q_EMIT recordFailed(id, stored.error().message);
        return;
    }
    if (superseded) {
        // Another executor took the claim over after our lease ran out; its attempt counts.
        return;
    }
    if (retry) {
        ++m_counts.retrying;
    } else if (result.outcome == WebhookResult::Outcome::Delivered) {
        ++m_counts.executed;
    } else {
        ++m_counts.failed;
    }
    Q_EMIT attemptRecorded(id);
}

Status ExecutionService::record(const Attempt &attempt, const WebhookResult &result, bool final, bool &superseded)
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const QDateTime now = m_clock.now();
    Execution outcome;
    outcome.approvalId = attempt.action.approvalId;
    outcome.attempts = attempt.number;
    outcome.nextAttemptAt = final ? now : now.addMSecs(retryDelayMs(attempt.number, m_options));
    outcome.lastStatus = result.httpStatus;
    outcome.lastError = result.reason;
    outcome.updatedAt = now;
    const Result<bool> settled = m_executions.settle(outcome, m_options.owner);
    if (!settled) {
        return settled.error();
    }
    if (!settled.value()) {
        superseded = true;
        return Done{};
    }
    if (final) {
        const ApprovalState state =
            result.outcome == WebhookResult::Outcome::Delivered ? ApprovalState::Executed : ApprovalState::Failed;
        if (const Status stored = recordOutcome(attempt, result, state); !stored) {
            return stored;
        }
    }
    return transaction.commit();
}

Status ExecutionService::recordOutcome(const Attempt &attempt, const WebhookResult &result, ApprovalState state)
{
    const ApprovedAction &action = attempt.action;
    const Result<bool> finished = m_executions.finishApproval(action.approvalId, state);
    if (!finished) {
        return finished.error();
    }
    if (!finished.value()) {
        return Error{Error::Code::Conflict, tr("approval %1 is no longer approved").arg(action.approvalId)};
    }
    // Event ids and audit sequences are handed out under the stream's lock (see ActivityService).
    if (const Status locked = m_stream.lockForAppend(); !locked) {
        return locked;
    }
    const bool executed = state == ApprovalState::Executed;
    const QDateTime now = m_clock.now();
    const QJsonObject details{
        {QStringLiteral("approvalId"), action.approvalId},
        {QStringLiteral("action"), actionType(action)},
        {QStringLiteral("target"), target(action)},
        {QStringLiteral("httpStatus"), result.httpStatus},
        {QStringLiteral("attempts"), attempt.number},
        {QStringLiteral("runId"), action.runId},
        {QStringLiteral("version"), action.version},
        {QStringLiteral("idempotencyKey"), idempotencyKey(action.approvalId)},
    };

    ActivityEvent event;
    event.clientId = idempotencyKey(action.approvalId) + QStringLiteral("-outcome");
    event.time = now;
    event.agentId = action.agentId;
    event.version = action.version;
    event.runId = action.runId;
    event.kind = QLatin1String(executed ? EventKinds::ActionExecuted : EventKinds::ActionFailed);
    event.status = executed ? QStringLiteral("ok") : QStringLiteral("error");
    event.summary = executed ? tr("Executed \"%1\": %2 answered %3").arg(action.title, target(action), result.reason)
                             : tr("Could not execute \"%1\": %2").arg(action.title, result.reason);
    event.detail = result.reason;
    event.body = details;
    QList<ActivityEvent> events{event};
    const Result<ActivityRepository::AppendResult> appended = m_activity.appendEvents(events);
    if (!appended) {
        return appended.error();
    }

    AuditEntry entry;
    entry.time = now;
    entry.actor = QStringLiteral("executor");
    entry.action = executed ? QStringLiteral("approval.executed") : QStringLiteral("approval.failed");
    entry.subject = attempt.agentPath;
    entry.details = details;
    entry.reason = result.reason;
    if (const Result<AuditEntry> audited = m_audit.append(entry); !audited) {
        return audited.error();
    }

    QList<StreamItem> items{{0, now, StreamItemType::Approval, action.agentId, action.approvalId}};
    if (events.constFirst().id != 0) {
        items.append({0, now, StreamItemType::Event, action.agentId, events.constFirst().id});
    }
    const Result<qint64> streamed = m_stream.append(items);
    return streamed ? Status(Done{}) : Status(streamed.error());
}

} // namespace steward
