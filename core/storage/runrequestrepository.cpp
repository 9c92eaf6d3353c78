// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrequestrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace steward {

namespace {

QString doing(const char *text)
{
    return QCoreApplication::translate("steward::RunRequestRepository", text);
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const QString requestColumns =
    QStringLiteral("id, agent_id, trigger, trigger_detail, payload, requested_by, requested_at, not_before, state, "
                   "reason, claimed_by, decided_at, run_id, fire_key");

RunRequestEntry requestFrom(const QSqlQuery &query)
{
    RunRequestEntry request;
    request.id = query.value(0).toLongLong();
    request.agentId = query.value(1).toLongLong();
    request.trigger = parseEnum<RunTrigger>(query.value(2).toString()).value_or(RunTrigger::Manual);
    request.triggerDetail = query.value(3).toString();
    request.payload = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    request.requestedBy = query.value(5).toString();
    request.requestedAt = timeFrom(query.value(6));
    request.notBefore = timeFrom(query.value(7));
    request.state = parseEnum<RunRequestState>(query.value(8).toString()).value_or(RunRequestState::Pending);
    request.reason = query.value(9).toString();
    request.claimedBy = query.value(10).toString();
    request.decidedAt = timeFrom(query.value(11));
    request.runId = query.value(12).toLongLong();
    request.fireKey = query.value(13).toString();
    return request;
}

// The columns staleRuns() and latestOutcomes() read, in this order.
const QString runColumns =
    QStringLiteral("id, agent_id, version, trigger, trigger_detail, started_at, ended_at, status");

Run runFrom(const QSqlQuery &query)
{
    Run run;
    run.id = query.value(0).toLongLong();
    run.agentId = query.value(1).toLongLong();
    run.version = query.value(2).toInt();
    run.trigger = parseEnum<RunTrigger>(query.value(3).toString()).value_or(RunTrigger::Manual);
    run.triggerDetail = query.value(4).toString();
    run.startedAt = timeFrom(query.value(5));
    run.endedAt = timeFrom(query.value(6));
    run.status = parseEnum<RunStatus>(query.value(7).toString()).value_or(RunStatus::Running);
    return run;
}

} // namespace

Result<RunRequestId> RunRequestRepository::insert(const RunRequestEntry &request)
{
    // A schedule fire that another instance inserted first is dropped here, not reported: both
    // instances fired the same schedule at the same time, and one request is what is wanted.
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO run_requests(agent_id, trigger, trigger_detail, payload, requested_by, "
                                 "requested_at, not_before, state, reason, fire_key) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', '', ?) "
                                 "ON CONFLICT (fire_key) DO NOTHING RETURNING id"));
    query.addBindValue(request.agentId);
    query.addBindValue(toText(request.trigger));
    query.addBindValue(request.triggerDetail.isNull() ? QStringLiteral("") : request.triggerDetail);
    query.addBindValue(QString::fromUtf8(QJsonDocument(request.payload).toJson(QJsonDocument::Compact)));
    query.addBindValue(request.requestedBy.isNull() ? QStringLiteral("") : request.requestedBy);
    query.addBindValue(request.requestedAt.toMSecsSinceEpoch());
    query.addBindValue(request.notBefore.toMSecsSinceEpoch());
    query.addBindValue(request.fireKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(request.fireKey));
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("recording a run request"));
    }
    return query.next() ? query.value(0).toLongLong() : RunRequestId(0);
}

Result<bool> RunRequestRepository::anyDue(const QDateTime &now) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id FROM run_requests WHERE state = 'pending' AND not_before <= ? LIMIT 1"));
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("looking for run requests"));
    }
    return query.next();
}

Result<QList<RunRequestEntry>> RunRequestRepository::due(const QDateTime &now, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + requestColumns
                  + QStringLiteral(" FROM run_requests WHERE state = 'pending' AND not_before <= ? "
                                   "ORDER BY not_before, id LIMIT ?"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("looking for run requests"));
    }
    QList<RunRequestEntry> requests;
    while (query.next()) {
        requests.append(requestFrom(query));
    }
    return requests;
}

Result<bool> RunRequestRepository::decide(RunRequestId id, RunRequestState state, const QString &reason,
                                          const QString &owner, const QDateTime &now, RunId runId)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE run_requests SET state = ?, reason = ?, claimed_by = ?, decided_at = ?, "
                                 "run_id = ? WHERE id = ? AND state = 'pending'"));
    query.addBindValue(toText(state));
    query.addBindValue(reason.isNull() ? QStringLiteral("") : reason);
    query.addBindValue(owner);
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(runId == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(runId));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("deciding a run request"));
    }
    return query.numRowsAffected() == 1;
}

Status RunRequestRepository::postpone(RunRequestId id, const QDateTime &notBefore, const QString &reason)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("UPDATE run_requests SET not_before = ?, reason = ? WHERE id = ? AND state = 'pending'"));
    query.addBindValue(notBefore.toMSecsSinceEpoch());
    query.addBindValue(reason);
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("postponing a run request"));
    }
    return Done{};
}

Result<RunRequestEntry> RunRequestRepository::request(RunRequestId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + requestColumns + QStringLiteral(" FROM run_requests WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("reading a run request"));
    }
    if (!query.next()) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::RunRequestRepository", "there is no run request %1").arg(id)};
    }
    return requestFrom(query);
}

Result<QList<RunRequestEntry>> RunRequestRepository::recent(NodeId agentId, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + requestColumns
                  + QStringLiteral(" FROM run_requests WHERE agent_id = ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(agentId);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("reading run requests"));
    }
    QList<RunRequestEntry> requests;
    while (query.next()) {
        requests.append(requestFrom(query));
    }
    return requests;
}

Result<int> RunRequestRepository::runningRuns(NodeId agentId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "SELECT count(*) FROM runs WHERE agent_id = ? AND status = 'running' AND runtime_owner IS NOT NULL"));
    query.addBindValue(agentId);
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(), doing("counting runs under way"));
    }
    return query.value(0).toInt();
}

Status RunRequestRepository::own(RunId runId, const QString &owner, const QDateTime &now)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE runs SET runtime_owner = ?, heartbeat_at = ? WHERE id = ?"));
    query.addBindValue(owner);
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(runId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("recording a run's owner"));
    }
    return Done{};
}

Status RunRequestRepository::heartbeat(const QString &owner, const QDateTime &now)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE runs SET heartbeat_at = ? WHERE runtime_owner = ? AND status = 'running'"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(owner);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("renewing the runs' heartbeat"));
    }
    return Done{};
}

Result<QList<Run>> RunRequestRepository::staleRuns(const QDateTime &staleBefore, const QString &exceptOwner) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + runColumns
                  + QStringLiteral(" FROM runs WHERE status = 'running' AND runtime_owner IS NOT NULL "
                                   "AND runtime_owner <> ? AND heartbeat_at < ? ORDER BY id"));
    query.addBindValue(exceptOwner);
    query.addBindValue(staleBefore.toMSecsSinceEpoch());
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("looking for abandoned runs"));
    }
    QList<Run> runs;
    while (query.next()) {
        runs.append(runFrom(query));
    }
    return runs;
}

Result<QList<Run>> RunRequestRepository::latestOutcomes(NodeId agentId, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + runColumns
                  + QStringLiteral(" FROM runs WHERE agent_id = ? AND runtime_owner IS NOT NULL "
                                   "AND status IN ('succeeded', 'failed') ORDER BY ended_at DESC, id DESC LIMIT ?"));
    query.addBindValue(agentId);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("reading the agent's latest runs"));
    }
    QList<Run> runs;
    while (query.next()) {
        runs.append(runFrom(query));
    }
    return runs;
}

Result<QList<RunRequestRepository::HeadSpec>> RunRequestRepository::activeHeadSpecs() const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT a.node_id, a.head_version, n.path, a.visibility, v.spec FROM agents a "
                                   "JOIN nodes n ON n.id = a.node_id "
                                   "JOIN agent_versions v ON v.agent_id = a.node_id AND v.number = a.head_version "
                                   "WHERE a.status = 'active' AND n.archived_at IS NULL ORDER BY a.node_id"))) {
        return Store::errorFrom(query.lastError(), doing("reading the agents' specs"));
    }
    QList<HeadSpec> specs;
    while (query.next()) {
        specs.append({query.value(0).toLongLong(), query.value(1).toInt(), query.value(2).toString(),
                      parseEnum<Visibility>(query.value(3).toString()).value_or(Visibility::Private),
                      query.value(4).toString()});
    }
    return specs;
}

} // namespace steward
