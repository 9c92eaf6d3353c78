// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "domain/runrequest.h"
#include "storage/runrequestrepository.h"
#include "storage/treerepository.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace steward {

class Clock;
class Store;
class VisibilityFilter;

// Puts run requests into the runtime's durable queue: a person's "Run now", a named event, a
// schedule's fire. Whether a request may run (the agent active, a runner, limits, back-off) is
// the dispatcher's decision when it comes due (RunDispatcher), recorded on the request with its
// reason; here only what makes no sense at all is refused (no such agent, an archived one).
class RunRequestService final
{
public:
    RunRequestService(const Store &store, const Clock &clock);

    // Asks for a run of the agent now; the reason is required.
    [[nodiscard]] Result<RunRequestEntry> runNow(NodeId agentId, const QJsonObject &payload, const QString &reason,
                                                 const QString &requestedBy);
    // One request for every active agent whose head version lists `event <name>` among its
    // triggers and that `visibility` lets the caller see (all, without one). Empty when no
    // agent listens: that is no error, an event may have no listeners.
    [[nodiscard]] Result<QList<RunRequestEntry>> fireEvent(const QString &name, const QJsonObject &payload,
                                                           const QString &requestedBy,
                                                           const VisibilityFilter *visibility);
    // A schedule's fire at `fireTime`; nothing (id 0) when another instance inserted it first.
    [[nodiscard]] Result<RunRequestId> fireSchedule(NodeId agentId, const QString &schedule, int triggerIndex,
                                                    const QDateTime &fireTime);

    [[nodiscard]] Result<RunRequestEntry> request(RunRequestId id) const { return m_requests.request(id); }
    [[nodiscard]] Result<QList<RunRequestEntry>> recent(NodeId agentId, int limit) const
    {
        return m_requests.recent(agentId, limit);
    }

    // The key that makes a schedule fire one request across instances.
    [[nodiscard]] static QString fireKey(NodeId agentId, int triggerIndex, const QDateTime &fireTime);

private:
    const Store &m_store;
    const Clock &m_clock;
    RunRequestRepository m_requests;
    TreeRepository m_tree;
};

} // namespace steward
