// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlprepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace steward {

namespace {

// Bound values in one IN list: well inside every supported database's limit.
constexpr qsizetype kValuesPerStatement = 200;

QString doing(const char *text)
{
    return QCoreApplication::translate("steward::OtlpRepository", text);
}

QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

} // namespace

Result<QHash<OtlpRepository::TraceKey, RunId>> OtlpRepository::runsOfTraces(const QList<TraceKey> &keys) const
{
    QSet<TraceKey> wanted(keys.cbegin(), keys.cend());
    QStringList traceIds;
    for (const TraceKey &key : keys) {
        if (!traceIds.contains(key.second)) {
            traceIds.append(key.second);
        }
    }
    QHash<TraceKey, RunId> runs;
    for (qsizetype from = 0; from < traceIds.size(); from += kValuesPerStatement) {
        const qsizetype count = qMin(kValuesPerStatement, traceIds.size() - from);
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT agent_id, trace_id, run_id FROM otlp_trace_runs WHERE trace_id IN (")
                      + placeholders(count) + QLatin1Char(')'));
        for (qsizetype i = from; i < from + count; ++i) {
            query.addBindValue(traceIds.at(i));
        }
        if (!query.exec()) {
            return Store::errorFrom(query.lastError(), doing("reading the runs of traces"));
        }
        while (query.next()) {
            const TraceKey key{query.value(0).toLongLong(), query.value(1).toString()};
            if (wanted.contains(key)) {
                runs.insert(key, query.value(2).toLongLong());
            }
        }
    }
    return runs;
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

Result<QHash<RunId, OtlpRepository::RunState>> OtlpRepository::runStates(const QList<RunId> &runIds) const
{
    QHash<RunId, RunState> states;
    for (qsizetype from = 0; from < runIds.size(); from += kValuesPerStatement) {
        const qsizetype count = qMin(kValuesPerStatement, runIds.size() - from);
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT r.id, r.status, COALESCE(SUM(e.tokens_in), 0), "
                                     "COALESCE(SUM(e.tokens_out), 0), COALESCE(SUM(e.cost), 0) FROM runs r "
                                     "LEFT JOIN activity_events e ON e.run_id = r.id WHERE r.id IN (")
                      + placeholders(count) + QStringLiteral(") GROUP BY r.id, r.status"));
        for (qsizetype i = from; i < from + count; ++i) {
            query.addBindValue(runIds.at(i));
        }
        if (!query.exec()) {
            return Store::errorFrom(query.lastError(), doing("adding up runs"));
        }
        while (query.next()) {
            RunState state;
            state.status = parseEnum<RunStatus>(query.value(1).toString()).value_or(RunStatus::Running);
            state.tokensIn = query.value(2).toLongLong();
            state.tokensOut = query.value(3).toLongLong();
            state.cost = query.value(4).toDouble();
            states.insert(query.value(0).toLongLong(), state);
        }
    }
    return states;
}

} // namespace steward
