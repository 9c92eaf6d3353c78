// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilityrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

#include <map>
#include <tuple>

namespace steward {
namespace {

constexpr qint64 MsPerHour = 3600 * 1000;
constexpr qint64 MsPerDay = 24 * MsPerHour;
// Agents per statement: well below both databases' limits on bound values.
constexpr qsizetype AgentsPerStatement = 500;

// The sums in the order totalsFrom reads them, after the grouping key in column 0.
QString sumColumns()
{
    QStringList sums;
    for (const char *column :
         {"events", "runs_started", "latency_count", "runs_failed", "errors", "outputs", "tokens_in", "tokens_out",
          "cost", "decisions_approved", "decisions_rejected", "decisions_edited"}) {
        sums.append(QStringLiteral("sum(%1)").arg(QLatin1String(column)));
    }
    for (const QString &column : ReliabilityRepository::latencyColumns()) {
        sums.append(QStringLiteral("sum(%1)").arg(column));
    }
    return sums.join(QStringLiteral(", "));
}

ReliabilityTotals totalsFrom(const QSqlQuery &query)
{
    ReliabilityTotals totals;
    totals.events = query.value(1).toLongLong();
    totals.runs = query.value(2).toLongLong();
    totals.finishedRuns = query.value(3).toLongLong();
    totals.failedRuns = query.value(4).toLongLong();
    totals.errors = query.value(5).toLongLong();
    totals.outputs = query.value(6).toLongLong();
    totals.tokensIn = query.value(7).toLongLong();
    totals.tokensOut = query.value(8).toLongLong();
    totals.cost = query.value(9).toDouble();
    totals.approved = query.value(10).toLongLong();
    totals.rejected = query.value(11).toLongLong();
    totals.edited = query.value(12).toLongLong();
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket) {
        totals.latency.setCount(bucket, query.value(13 + bucket).toLongLong());
    }
    return totals;
}

} // namespace

const QStringList &ReliabilityRepository::latencyColumns()
{
    static const QStringList columns = [] {
        QStringList names;
        for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket) {
            names.append(QStringLiteral("latency_b%1").arg(bucket, 2, 10, QLatin1Char('0')));
        }
        return names;
    }();
    return columns;
}

Status ReliabilityRepository::recordDecisionInRollup(NodeId agentId, const QDateTime &time, const QString &verdict)
{
    const QString column = verdict == QLatin1String("approve") ? QStringLiteral("decisions_approved")
        : verdict == QLatin1String("reject")                   ? QStringLiteral("decisions_rejected")
        : verdict == QLatin1String("edit")                     ? QStringLiteral("decisions_edited")
                                                               : QString();
    if (column.isEmpty()) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ReliabilityRepository",
                                                 "A decision is approve, reject or edit, not \"%1\".")
                         .arg(verdict)};
    }
    // Table, key and column are fixed names chosen here, never text from outside.
    const QList<std::tuple<QString, QString, qint64>> rows{
        {QStringLiteral("activity_rollup_hourly"), QStringLiteral("hour"), MsPerHour},
        {QStringLiteral("activity_rollup_daily"), QStringLiteral("day"), MsPerDay}};
    for (const auto &[table, key, width] : rows) {
        QSqlQuery query(m_store.database());
        query.prepare(QStringLiteral("INSERT INTO %1 AS r(agent_id, %2, %3) VALUES (?, ?, 1) "
                                     "ON CONFLICT(agent_id, %2) DO UPDATE SET %3 = r.%3 + 1")
                          .arg(table, key, column));
        query.addBindValue(agentId);
        query.addBindValue(time.toMSecsSinceEpoch() / width * width);
        if (!query.exec()) {
            return Store::errorFrom(
                query.lastError(),
                QCoreApplication::translate("steward::ReliabilityRepository", "counting a decision"));
        }
    }
    return Done{};
}

template<typename Take>
Status ReliabilityRepository::sumBy(Grain grain, bool byAgent, const QList<NodeId> &agentIds, qint64 fromMs,
                                    qint64 toMs, const std::optional<std::pair<qint64, qint64>> &timeOfDay,
                                    Take take) const
{
    static const QString sums = sumColumns();
    const QString table =
        grain == Grain::Hour ? QStringLiteral("activity_rollup_hourly") : QStringLiteral("activity_rollup_daily");
    const QString time = grain == Grain::Hour ? QStringLiteral("hour") : QStringLiteral("day");
    const QString key = byAgent ? QStringLiteral("agent_id") : time;
    for (qsizetype from = 0; from < agentIds.size(); from += AgentsPerStatement) {
        const qsizetype count = qMin(AgentsPerStatement, agentIds.size() - from);
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        const QString ofDay =
            timeOfDay ? QStringLiteral(" AND %1 % 86400000 >= ? AND %1 % 86400000 < ?").arg(time) : QString();
        query.prepare(
            QStringLiteral("SELECT %1, %2 FROM %3 WHERE agent_id IN (%4) AND %5 >= ? AND %5 < ?%6 GROUP BY %1")
                .arg(key, sums, table, QStringList(count, QStringLiteral("?")).join(QLatin1Char(',')), time, ofDay));
        for (qsizetype i = from; i < from + count; ++i) {
            query.addBindValue(agentIds.at(i));
        }
        query.addBindValue(fromMs);
        query.addBindValue(toMs);
        if (timeOfDay) {
            query.addBindValue(timeOfDay->first);
            query.addBindValue(timeOfDay->second);
        }
        if (!query.exec()) {
            return Store::errorFrom(
                query.lastError(),
                QCoreApplication::translate("steward::ReliabilityRepository", "reading activity rollups"));
        }
        while (query.next()) {
            take(query.value(0).toLongLong(), totalsFrom(query));
        }
    }
    return Done{};
}

Result<QList<std::pair<qint64, ReliabilityTotals>>>
ReliabilityRepository::totalsByTime(Grain grain, const QList<NodeId> &agentIds, qint64 fromMs, qint64 toMs) const
{
    // Chunks of agents may share times; a sorted map adds them up and keeps the order.
    std::map<qint64, ReliabilityTotals> times;
    const Status read = sumBy(grain, false, agentIds, fromMs, toMs, std::nullopt,
                              [&times](qint64 time, const ReliabilityTotals &totals) { times[time].add(totals); });
    if (!read) {
        return read.error();
    }
    QList<std::pair<qint64, ReliabilityTotals>> list;
    list.reserve(static_cast<qsizetype>(times.size()));
    for (const auto &[time, totals] : times) {
        list.append({time, totals});
    }
    return list;
}

Result<QHash<NodeId, ReliabilityTotals>>
ReliabilityRepository::totalsByAgent(Grain grain, const QList<NodeId> &agentIds, qint64 fromMs, qint64 toMs) const
{
    QHash<NodeId, ReliabilityTotals> agents;
    const Status read =
        sumBy(grain, true, agentIds, fromMs, toMs, std::nullopt,
              [&agents](NodeId agentId, const ReliabilityTotals &totals) { agents[agentId].add(totals); });
    if (!read) {
        return read.error();
    }
    return agents;
}

Result<QList<std::pair<qint64, ReliabilityTotals>>> ReliabilityRepository::hoursOfDay(const QList<NodeId> &agentIds,
                                                                                      qint64 fromMs, qint64 toMs,
                                                                                      qint64 dayFromMs,
                                                                                      qint64 dayToMs) const
{
    std::map<qint64, ReliabilityTotals> hours;
    const Status read = sumBy(Grain::Hour, false, agentIds, fromMs, toMs, std::pair{dayFromMs, dayToMs},
                              [&hours](qint64 hour, const ReliabilityTotals &totals) { hours[hour].add(totals); });
    if (!read) {
        return read.error();
    }
    QList<std::pair<qint64, ReliabilityTotals>> list;
    for (const auto &[hour, totals] : hours) {
        list.append({hour, totals});
    }
    return list;
}

} // namespace steward
