// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/result.h"
#include "domain/runrequest.h"

#include <QList>

namespace steward {

class Store;

// The runtime's tables: the queue of run requests, and the owner and heartbeat of the runs the
// runtime started. Decisions are written inside the caller's write transaction: write
// transactions run one at a time per database (SqlDialect::beginWrite), so of two dispatchers
// only one ever decides a given request.
class RunRequestRepository final
{
public:
    explicit RunRequestRepository(const Store &store) : m_store(store) { }

    // Adds a pending request and gives its id; 0 when its fire key is already taken (another
    // instance inserted the same schedule fire first).
    [[nodiscard]] Result<RunRequestId> insert(const RunRequestEntry &request);
    // Whether due() would find anything: a read that takes no write lock, so an idle dispatcher
    // polling the store never makes writers wait.
    [[nodiscard]] Result<bool> anyDue(const QDateTime &now) const;
    // Up to `limit` pending requests whose time has come, oldest first.
    [[nodiscard]] Result<QList<RunRequestEntry>> due(const QDateTime &now, int limit) const;
    // Ends a pending request (started, skipped or refused); false when it was not pending any
    // more.
    [[nodiscard]] Result<bool> decide(RunRequestId id, RunRequestState state, const QString &reason,
                                      const QString &owner, const QDateTime &now, RunId runId);
    // Makes a pending request wait until `notBefore`, saying why.
    [[nodiscard]] Status postpone(RunRequestId id, const QDateTime &notBefore, const QString &reason);
    [[nodiscard]] Result<RunRequestEntry> request(RunRequestId id) const;
    // The agent's newest requests first.
    [[nodiscard]] Result<QList<RunRequestEntry>> recent(NodeId agentId, int limit) const;

    // Runs of the agent that the runtime started and that are still running, on any instance.
    [[nodiscard]] Result<int> runningRuns(NodeId agentId) const;
    // Marks a run as the runtime's: started by `owner`, alive at `now`.
    [[nodiscard]] Status own(RunId runId, const QString &owner, const QDateTime &now);
    // Renews the heartbeat of every running run of `owner`.
    [[nodiscard]] Status heartbeat(const QString &owner, const QDateTime &now);
    // Running runs the runtime started whose heartbeat is older than `staleBefore`, except
    // those of `exceptOwner` (the caller's own, which it knows to be alive).
    [[nodiscard]] Result<QList<Run>> staleRuns(const QDateTime &staleBefore, const QString &exceptOwner) const;

    // The head version of every live, active agent, read at once (the scheduler's plan and an
    // event's listeners come from these).
    struct HeadSpec
    {
        NodeId agentId = NoNode;
        int version = 0;
        QString path;
        Visibility visibility = Visibility::Team;
        QString spec;
    };
    [[nodiscard]] Result<QList<HeadSpec>> activeHeadSpecs() const;

    // How the agent's latest runs started by the runtime ended, newest first: the succeeded
    // and failed ones only (an interrupted run says nothing about the agent), at most `limit`.
    [[nodiscard]] Result<QList<Run>> latestOutcomes(NodeId agentId, int limit) const;

private:
    const Store &m_store;
};

} // namespace steward
