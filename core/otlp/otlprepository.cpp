// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlprepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace steward {

namespace {

QString doing(const char *text)
{
    return QCoreApplication::translate("steward::OtlpRepository", text);
}

} // namespace

Result<std::optional<RunId>> OtlpRepository::runOfTrace(NodeId agentId, const QString &traceId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT run_id FROM otlp_trace_runs WHERE agent_id = ? AND trace_id = ?"));
    query.addBindValue(agentId);
    query.addBindValue(traceId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("reading the run of a trace"));
    }
    if (!query.next()) {
        return std::optional<RunId>();
    }
    return std::optional<RunId>(query.value(0).toLongLong());
}

Status OtlpRepository::recordTraceRun(NodeId agentId, const QString &traceId, RunId runId)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO otlp_trace_runs(agent_id, trace_id, run_id) VALUES (?, ?, ?)"));
    query.addBindValue(agentId);
    query.addBindValue(traceId);
    query.addBindValue(runId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("recording the run of a trace"));
    }
    return Done{};
}

Result<QList<NodeId>> OtlpRepository::liveAgentsNamed(const QString &name) const
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT id FROM nodes WHERE kind = 'agent' AND name = ? AND archived_at IS NULL ORDER BY id"));
    query.addBindValue(name);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing("finding agents by name"));
    }
    QList<NodeId> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    return ids;
}

Result<OtlpRepository::Totals> OtlpRepository::runTotals(RunId runId, const QString &exceptSpanId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(tokens_in), 0), COALESCE(SUM(tokens_out), 0), "
                                 "COALESCE(SUM(cost), 0) FROM activity_events WHERE run_id = ? AND span_id <> ?"));
    query.addBindValue(runId);
    query.addBindValue(exceptSpanId);
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(), doing("adding up a run"));
    }
    return Totals{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toDouble()};
}

} // namespace steward
