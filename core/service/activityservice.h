// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/agent.h"
#include "domain/result.h"
#include "storage/activityrepository.h"
#include "storage/streamrepository.h"
#include "storage/treerepository.h"

#include <QHash>
#include <QList>

namespace steward {

class Clock;
class Store;

// What agents report: batches of activity events and the runs they belong to. A batch is
// checked whole and stored whole, with one change stream row per new event, in one
// transaction; an event whose client id is already stored is skipped, so a client may retry a
// batch it is unsure about.
class ActivityService final
{
public:
    ActivityService(const Store &store, const Clock &clock);

    struct IngestResult
    {
        int accepted = 0;
        int duplicates = 0; // already stored under the same client id; skipped
        qint64 lastSeq = 0; // the newest change stream row written, 0 when nothing was new
    };

    // Each event names a live agent, a version of it (0: the agent's head version, filled in),
    // a run of that agent or none, and a kind; an event without a time happened now. One bad
    // event refuses the whole batch (Invalid, naming it as "events[i]"), and nothing is stored.
    [[nodiscard]] Result<IngestResult> ingest(QList<ActivityEvent> events);
    // The same inside the caller's write transaction (the runtime stores a run's first and last
    // events with the run's start and end).
    [[nodiscard]] Result<IngestResult> ingestInTransaction(QList<ActivityEvent> events);
    // Records a run of a live agent (version 0: its head version; no start time: now) and
    // gives it back with its id.
    [[nodiscard]] Result<Run> startRun(Run run);
    // The same inside the caller's write transaction, for the runtime (core/runtime), which
    // decides a run request and starts its run in one transaction.
    [[nodiscard]] Result<Run> startRunInTransaction(Run run);
    // Records how a started run ended (no end time: now) and gives back the run as stored.
    [[nodiscard]] Result<Run> finishRun(const Run &run);
    // The same inside the caller's write transaction.
    [[nodiscard]] Result<Run> finishRunInTransaction(const Run &run);

private:
    // Of these ids, the live agents, read together.
    [[nodiscard]] Result<QHash<NodeId, Agent>> liveAgents(const QList<NodeId> &ids) const;
    // The agent an event or run names, if it is a live agent.
    [[nodiscard]] Result<Agent> liveAgent(NodeId id) const;
    // The version to record: `version`, or the head version for 0, if the agent has it.
    [[nodiscard]] static Result<int> versionOf(const Agent &agent, int version);
    [[nodiscard]] Status checkEvent(ActivityEvent &event, QHash<NodeId, Agent> &agents,
                                    QHash<RunId, NodeId> &runAgents) const;
    [[nodiscard]] StreamItem streamItem(StreamItemType type, NodeId agentId, qint64 subjectId) const;

    const Store &m_store;
    const Clock &m_clock;
    TreeRepository m_tree;
    ActivityRepository m_activity;
    StreamRepository m_stream;
};

} // namespace steward
