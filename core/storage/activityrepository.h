// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/eventid.h"
#include "domain/result.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>

#include <optional>

namespace steward {

class Store;

// Runs and the activity log. Appending events is the hot path: statements are prepared once,
// the caller batches many events into one transaction, the full-text index is fed once per
// batch, and hourly rollups are updated from the batch so that dashboards never scan history.
class ActivityRepository final
{
public:
    explicit ActivityRepository(const Store &store) : m_store(store) { }
    Q_DISABLE_COPY_MOVE(ActivityRepository)
    ~ActivityRepository() = default;

    struct AppendResult
    {
        int accepted = 0;
        int duplicates = 0; // already stored under the same client id; skipped
        EventId firstId = 0;
        EventId lastId = 0;
    };

    // Stores the events (assigning their time-ordered ids) inside the caller's transaction.
    // Ids continue after the newest stored one, whoever stored it; they stay unique across
    // connections as long as appends are serialised: SQLite's write lock does that, on
    // PostgreSQL the caller holds the stream lock (StreamRepository::lockForAppend).
    [[nodiscard]] Result<AppendResult> appendEvents(QList<ActivityEvent> &events);

    [[nodiscard]] Result<RunId> insertRun(const Run &run);
    [[nodiscard]] Status finishRun(const Run &run);
    [[nodiscard]] Result<Run> run(RunId id) const;
    [[nodiscard]] Result<QList<Run>> recentRuns(NodeId agentId, int limit) const;
    [[nodiscard]] Result<qint64> eventCount() const;
    // Up to `limit` events with ids below `before`, newest first; of one agent unless NoNode.
    [[nodiscard]] Result<QList<ActivityEvent>> newestEvents(NodeId agentId, EventId before, int limit) const;
    [[nodiscard]] Result<QHash<EventId, ActivityEvent>> eventsByIds(const QList<EventId> &ids) const;
    // Every event of one run, oldest first: the run as a trace. A run's events are few (tens to
    // hundreds), so they are read whole; the run_id index serves it.
    [[nodiscard]] Result<QList<ActivityEvent>> runEvents(RunId runId) const;

private:
    [[nodiscard]] Status prepare();
    [[nodiscard]] Status continueIds();
    [[nodiscard]] Status updateRollups(const QList<ActivityEvent> &inserted);

    const Store &m_store;
    std::optional<EventIdGenerator> m_ids;
    std::optional<QSqlQuery> m_insertEvents; // a full statement's worth of rows
    std::optional<QSqlQuery> m_indexEvents;
    std::optional<QSqlQuery> m_upsertRollup;
    std::optional<QSqlQuery> m_upsertDailyRollup;
    bool m_feedsSearchIndex = false;
};

} // namespace steward
