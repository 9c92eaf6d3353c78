// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityrepository.h"

#include "domain/latencyhistogram.h"
#include "storage/reliabilityrepository.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>
#include <QVariant>

#include <algorithm>

namespace steward {
namespace {

constexpr qint64 MsPerHour = 3600 * 1000;
constexpr qint64 MsPerDay = 24 * MsPerHour;

struct Rollup
{
    qint64 events = 0;
    qint64 runsStarted = 0;
    qint64 runsFailed = 0;
    qint64 errors = 0;
    qint64 outputs = 0;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double cost = 0.0;
    qint64 latencySumMs = 0;
    qint64 latencyCount = 0;
    LatencyHistogram latency;

    void add(const Rollup &other)
    {
        events += other.events;
        runsStarted += other.runsStarted;
        runsFailed += other.runsFailed;
        errors += other.errors;
        outputs += other.outputs;
        tokensIn += other.tokensIn;
        tokensOut += other.tokensOut;
        cost += other.cost;
        latencySumMs += other.latencySumMs;
        latencyCount += other.latencyCount;
        latency.add(other.latency);
    }
};

// Adds each row's counts to its rollup row with the prepared upsert.
Status upsertRollups(QSqlQuery &q, const QHash<QPair<NodeId, qint64>, Rollup> &rollups)
{
    for (auto it = rollups.cbegin(); it != rollups.cend(); ++it) {
        const Rollup &r = it.value();
        QVariantList values{it.key().first, it.key().second, r.events,       r.runsStarted,
                            r.runsFailed,   r.errors,        r.outputs,      r.tokensIn,
                            r.tokensOut,    r.cost,          r.latencySumMs, r.latencyCount};
        for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket) {
            values.append(r.latency.count(bucket));
        }
        for (int i = 0; i < values.size(); ++i) {
            q.bindValue(i, values.at(i));
        }
        if (!q.exec()) {
            return Store::errorFrom(
                q.lastError(), QCoreApplication::translate("steward::ActivityRepository", "updating activity rollups"));
        }
    }
    return Done{};
}

// Adds a batch's counts to the hour's or the day's row, or makes the row. The table, key and
// histogram columns are fixed names (ReliabilityRepository), never text from outside.
QString upsertRollupStatement(const QString &table, const QString &key)
{
    QStringList columns{QStringLiteral("events"),         QStringLiteral("runs_started"),
                        QStringLiteral("runs_failed"),    QStringLiteral("errors"),
                        QStringLiteral("outputs"),        QStringLiteral("tokens_in"),
                        QStringLiteral("tokens_out"),     QStringLiteral("cost"),
                        QStringLiteral("latency_sum_ms"), QStringLiteral("latency_count")};
    columns += ReliabilityRepository::latencyColumns();
    QStringList updates;
    for (const QString &column : columns) {
        updates.append(QStringLiteral("%1 = r.%1 + excluded.%1").arg(column));
    }
    return QStringLiteral("INSERT INTO %1 AS r(agent_id, %2, %3) VALUES (?, ?, %4) "
                          "ON CONFLICT(agent_id, %2) DO UPDATE SET %5")
        .arg(table, key, columns.join(QStringLiteral(", ")),
             QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "none".
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

const QString runColumns = QStringLiteral("id, agent_id, version, trigger, trigger_detail, started_at, ended_at, "
                                          "status, tokens_in, tokens_out, cost, latency_ms");

Run runFrom(const QSqlQuery &query)
{
    Run run;
    run.id = query.value(0).toLongLong();
    run.agentId = query.value(1).toLongLong();
    run.version = query.value(2).toInt();
    run.trigger = parseEnum<RunTrigger>(query.value(3).toString()).value_or(RunTrigger::Manual);
    run.triggerDetail = query.value(4).toString();
    run.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    if (!query.value(6).isNull()) {
        run.endedAt = QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC);
    }
    run.status = parseEnum<RunStatus>(query.value(7).toString()).value_or(RunStatus::Running);
    run.tokensIn = query.value(8).toLongLong();
    run.tokensOut = query.value(9).toLongLong();
    run.cost = query.value(10).toDouble();
    run.latencyMs = query.value(11).toLongLong();
    return run;
}

constexpr int kEventColumnCount = 17;

QString insertEventsStatement(qsizetype rows)
{
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QStringList values(rows, row);
    return QStringLiteral("INSERT INTO activity_events(id, client_id, time, agent_id, version, run_id, span_id, "
                          "parent_span_id, kind, status, summary, detail, body, tokens_in, tokens_out, cost, "
                          "latency_ms) VALUES ")
        + values.join(QStringLiteral(", "))
        + QStringLiteral(" ON CONFLICT (client_id) DO NOTHING")
        // One row tells by numRowsAffected whether it went in; RETURNING costs SQLite a third.
        + (rows > 1 ? QStringLiteral(" RETURNING id") : QString());
}

const QString eventColumns =
    QStringLiteral("id, client_id, time, agent_id, version, run_id, span_id, parent_span_id, kind, status, "
                   "summary, detail, body, tokens_in, tokens_out, cost, latency_ms");

ActivityEvent eventFrom(const QSqlQuery &query)
{
    ActivityEvent event;
    event.id = query.value(0).toLongLong();
    event.clientId = query.value(1).toString();
    event.time = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
    event.agentId = query.value(3).toLongLong();
    event.version = query.value(4).toInt();
    event.runId = query.value(5).toLongLong();
    event.spanId = query.value(6).toString();
    event.parentSpanId = query.value(7).toString();
    event.kind = query.value(8).toString();
    event.status = query.value(9).toString();
    event.summary = query.value(10).toString();
    event.detail = query.value(11).toString();
    event.body = QJsonDocument::fromJson(query.value(12).toString().toUtf8()).object();
    event.tokensIn = query.value(13).toLongLong();
    event.tokensOut = query.value(14).toLongLong();
    event.cost = query.value(15).toDouble();
    event.latencyMs = query.value(16).toLongLong();
    return event;
}

} // namespace

Status ActivityRepository::prepare()
{
    if (m_insertEvents) {
        return Done{};
    }
    m_insertEvents.emplace(m_store.database());
    m_indexEvents.emplace(m_store.database());
    m_upsertRollup.emplace(m_store.database());
    m_upsertDailyRollup.emplace(m_store.database());
    // A database whose search index follows the table by itself has nothing to feed.
    const QString indexStatement = m_store.dialect().indexEventsForSearch();
    m_feedsSearchIndex = !indexStatement.isEmpty();
    const bool prepared = m_insertEvents->prepare(insertEventsStatement(m_store.dialect().eventsPerInsert()))
        && (!m_feedsSearchIndex || m_indexEvents->prepare(indexStatement))
        && m_upsertRollup->prepare(
            upsertRollupStatement(QStringLiteral("activity_rollup_hourly"), QStringLiteral("hour")))
        && m_upsertDailyRollup->prepare(
            upsertRollupStatement(QStringLiteral("activity_rollup_daily"), QStringLiteral("day")));
    if (!prepared) {
        const QSqlError error = !m_insertEvents->lastError().isValid()
            ? (m_indexEvents->lastError().isValid()        ? m_indexEvents->lastError()
                   : m_upsertRollup->lastError().isValid() ? m_upsertRollup->lastError()
                                                           : m_upsertDailyRollup->lastError())
            : m_insertEvents->lastError();
        m_insertEvents.reset();
        return Store::errorFrom(
            error, QCoreApplication::translate("steward::ActivityRepository", "preparing the activity log"));
    }
    return Done{};
}

Status ActivityRepository::continueIds()
{
    // Another connection, perhaps another process, may have stored events since the last
    // batch; an id taken twice would be refused by the primary key (only a repeated client id
    // counts as a duplicate).
    QSqlQuery last(m_store.database());
    if (!last.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM activity_events")) || !last.next()) {
        return Store::errorFrom(last.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "reading the activity log"));
    }
    const EventId stored = last.value(0).toLongLong();
    m_ids.emplace(m_ids ? std::max(m_ids->lastIssued(), stored) : stored);
    return Done{};
}

Result<ActivityRepository::AppendResult> ActivityRepository::appendEvents(QList<ActivityEvent> &events)
{
    if (const Status ready = prepare(); !ready) {
        return ready.error();
    }
    if (const Status continued = continueIds(); !continued) {
        return continued.error();
    }
    AppendResult result;
    QList<ActivityEvent> inserted;
    inserted.reserve(events.size());
    // Many rows to a statement where the dialect says so (SqlDialect::eventsPerInsert).
    const qsizetype perStatement = m_store.dialect().eventsPerInsert();
    for (qsizetype from = 0; from < events.size(); from += perStatement) {
        const qsizetype count = qMin(perStatement, events.size() - from);
        std::optional<QSqlQuery> tail;
        if (count < perStatement) {
            tail.emplace(m_store.database());
            if (!tail->prepare(insertEventsStatement(count))) {
                return Store::errorFrom(
                    tail->lastError(),
                    QCoreApplication::translate("steward::ActivityRepository", "recording activity"));
            }
        }
        QSqlQuery &q = tail ? *tail : *m_insertEvents;
        QList<EventId> candidates;
        candidates.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            const ActivityEvent &event = events.at(from + i);
            const EventId candidate = m_ids->next(event.time);
            candidates.append(candidate);
            const int base = static_cast<int>(i) * kEventColumnCount;
            q.bindValue(base + 0, candidate);
            q.bindValue(base + 1, nullIfEmpty(event.clientId));
            q.bindValue(base + 2, event.time.toMSecsSinceEpoch());
            q.bindValue(base + 3, event.agentId);
            q.bindValue(base + 4, event.version);
            q.bindValue(base + 5, event.runId == 0 ? QVariant() : QVariant(event.runId));
            q.bindValue(base + 6, notNull(event.spanId));
            q.bindValue(base + 7, notNull(event.parentSpanId));
            q.bindValue(base + 8, notNull(event.kind));
            q.bindValue(base + 9, notNull(event.status));
            q.bindValue(base + 10, notNull(event.summary));
            q.bindValue(base + 11, notNull(event.detail));
            q.bindValue(base + 12,
                        event.body.isEmpty()
                            ? QStringLiteral("{}")
                            : QString::fromUtf8(QJsonDocument(event.body).toJson(QJsonDocument::Compact)));
            q.bindValue(base + 13, event.tokensIn);
            q.bindValue(base + 14, event.tokensOut);
            q.bindValue(base + 15, event.cost);
            q.bindValue(base + 16, event.latencyMs);
        }
        if (!q.exec()) {
            return Store::errorFrom(q.lastError(),
                                    QCoreApplication::translate("steward::ActivityRepository", "recording activity"));
        }
        // A client id stored before (or twice in this batch) is skipped by ON CONFLICT; the
        // ids given back are the rows that went in.
        QSet<EventId> stored;
        if (count == 1) {
            if (q.numRowsAffected() == 1) {
                stored.insert(candidates.constFirst());
            }
        } else {
            while (q.next()) {
                stored.insert(q.value(0).toLongLong());
            }
        }
        for (qsizetype i = 0; i < count; ++i) {
            if (!stored.contains(candidates.at(i))) {
                ++result.duplicates;
                continue;
            }
            ActivityEvent &event = events[from + i];
            event.id = candidates.at(i);
            if (result.firstId == 0) {
                result.firstId = event.id;
            }
            result.lastId = event.id;
            ++result.accepted;
            inserted.append(event);
        }
    }
    if (inserted.isEmpty()) {
        return result;
    }
    if (m_feedsSearchIndex) {
        // Ids only grow, so [first, last] holds exactly this batch's new events.
        m_indexEvents->bindValue(0, result.firstId);
        m_indexEvents->bindValue(1, result.lastId);
        if (!m_indexEvents->exec()) {
            return Store::errorFrom(
                m_indexEvents->lastError(),
                QCoreApplication::translate("steward::ActivityRepository", "indexing activity for search"));
        }
    }
    if (const Status rolled = updateRollups(inserted); !rolled) {
        return rolled.error();
    }
    return result;
}

Status ActivityRepository::updateRollups(const QList<ActivityEvent> &inserted)
{
    QHash<QPair<NodeId, qint64>, Rollup> rollups;
    for (const ActivityEvent &event : inserted) {
        const qint64 hour = event.time.toMSecsSinceEpoch() / MsPerHour * MsPerHour;
        Rollup &r = rollups[{event.agentId, hour}];
        ++r.events;
        r.tokensIn += event.tokensIn;
        r.tokensOut += event.tokensOut;
        r.cost += event.cost;
        if (event.kind == QLatin1String(EventKinds::RunStarted)) {
            ++r.runsStarted;
        } else if (event.kind == QLatin1String(EventKinds::RunFinished)) {
            r.latencySumMs += event.latencyMs;
            ++r.latencyCount;
            r.latency.add(event.latencyMs);
            if (event.status == QLatin1String("error")) {
                ++r.runsFailed;
            }
        } else if (event.kind == QLatin1String(EventKinds::Error)) {
            ++r.errors;
        } else if (event.kind == QLatin1String(EventKinds::Output)) {
            ++r.outputs;
        }
    }
    // The days' rows get the same counts, added up per agent and UTC day.
    QHash<QPair<NodeId, qint64>, Rollup> days;
    for (auto it = rollups.cbegin(); it != rollups.cend(); ++it) {
        days[{it.key().first, it.key().second / MsPerDay * MsPerDay}].add(it.value());
    }
    if (const Status hours = upsertRollups(*m_upsertRollup, rollups); !hours) {
        return hours;
    }
    return upsertRollups(*m_upsertDailyRollup, days);
}

Result<RunId> ActivityRepository::insertRun(const Run &run)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "INSERT INTO runs(agent_id, version, trigger, trigger_detail, started_at, ended_at, status, "
        "tokens_in, tokens_out, cost, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(run.agentId);
    query.addBindValue(run.version);
    query.addBindValue(toText(run.trigger));
    query.addBindValue(notNull(run.triggerDetail));
    query.addBindValue(run.startedAt.toMSecsSinceEpoch());
    query.addBindValue(run.endedAt.isValid() ? QVariant(run.endedAt.toMSecsSinceEpoch()) : QVariant());
    query.addBindValue(toText(run.status));
    query.addBindValue(run.tokensIn);
    query.addBindValue(run.tokensOut);
    query.addBindValue(run.cost);
    query.addBindValue(run.latencyMs);
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "recording a run"));
    }
    return query.value(0).toLongLong();
}

Status ActivityRepository::finishRun(const Run &run)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE runs SET ended_at = ?, status = ?, tokens_in = ?, tokens_out = ?, cost = ?, "
                                 "latency_ms = ? WHERE id = ?"));
    query.addBindValue(run.endedAt.toMSecsSinceEpoch());
    query.addBindValue(toText(run.status));
    query.addBindValue(run.tokensIn);
    query.addBindValue(run.tokensOut);
    query.addBindValue(run.cost);
    query.addBindValue(run.latencyMs);
    query.addBindValue(run.id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "recording a run"));
    }
    return Done{};
}

Result<QList<Run>> ActivityRepository::recentRuns(NodeId agentId, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + runColumns
                  + QStringLiteral(" FROM runs WHERE agent_id = ? ORDER BY started_at DESC LIMIT ?"));
    query.addBindValue(agentId);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "reading runs"));
    }
    QList<Run> runs;
    while (query.next()) {
        runs.append(runFrom(query));
    }
    return runs;
}

Result<Run> ActivityRepository::run(RunId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + runColumns + QStringLiteral(" FROM runs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "reading runs"));
    }
    if (!query.next()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::ActivityRepository", "There is no run %1.").arg(id)};
    }
    return runFrom(query);
}

Result<QList<ActivityEvent>> ActivityRepository::newestEvents(NodeId agentId, EventId before, int limit) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    const QString ofAgent = agentId == NoNode ? QString() : QStringLiteral(" AND agent_id = ?");
    query.prepare(QStringLiteral("SELECT ") + eventColumns + QStringLiteral(" FROM activity_events WHERE id < ?")
                  + ofAgent + QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    query.addBindValue(before);
    if (agentId != NoNode) {
        query.addBindValue(agentId);
    }
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "reading activity"));
    }
    QList<ActivityEvent> events;
    while (query.next()) {
        events.append(eventFrom(query));
    }
    return events;
}

Result<QHash<EventId, ActivityEvent>> ActivityRepository::eventsByIds(const QList<EventId> &ids) const
{
    QHash<EventId, ActivityEvent> events;
    // Ids in bound chunks: one statement per chunk, not per event.
    constexpr qsizetype chunk = 200;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const qsizetype count = qMin(chunk, ids.size() - from);
        QStringList marks(count, QStringLiteral("?"));
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + eventColumns + QStringLiteral(" FROM activity_events WHERE id IN (")
                      + marks.join(QLatin1Char(',')) + QLatin1Char(')'));
        for (qsizetype i = from; i < from + count; ++i) {
            query.addBindValue(ids.at(i));
        }
        if (!query.exec()) {
            return Store::errorFrom(query.lastError(),
                                    QCoreApplication::translate("steward::ActivityRepository", "reading activity"));
        }
        while (query.next()) {
            ActivityEvent event = eventFrom(query);
            events.insert(event.id, std::move(event));
        }
    }
    return events;
}

Result<QList<ActivityEvent>> ActivityRepository::runEvents(RunId runId) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + eventColumns
                  + QStringLiteral(" FROM activity_events WHERE run_id = ? ORDER BY id"));
    query.addBindValue(runId);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "reading activity"));
    }
    QList<ActivityEvent> events;
    while (query.next()) {
        events.append(eventFrom(query));
    }
    return events;
}

Result<qint64> ActivityRepository::eventCount() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM activity_events")) || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivityRepository", "counting activity"));
    }
    return query.value(0).toLongLong();
}

} // namespace steward
