// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrequestservice.h"

#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/authorizer.h"
#include "storage/store.h"

#include <QCoreApplication>

namespace steward {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::RunRequestService", text);
}

Error invalid(const QString &message)
{
    return {Error::Code::Invalid, message};
}

} // namespace

RunRequestService::RunRequestService(const Store &store, const Clock &clock)
    : m_store(store), m_clock(clock), m_requests(store), m_tree(store)
{
}

QString RunRequestService::fireKey(NodeId agentId, int triggerIndex, const QDateTime &fireTime)
{
    return QStringLiteral("%1:%2:%3").arg(agentId).arg(triggerIndex).arg(fireTime.toMSecsSinceEpoch());
}

Result<RunRequestEntry> RunRequestService::runNow(NodeId agentId, const QJsonObject &payload, const QString &reason,
                                                  const QString &requestedBy)
{
    if (reason.trimmed().isEmpty()) {
        return invalid(translated("Running an agent by hand needs a reason."));
    }
    const Result<OrgNode> node = m_tree.node(agentId);
    if (!node) {
        return node.error();
    }
    if (node->kind != NodeKind::Agent) {
        return invalid(translated("%1 is not an agent.").arg(node->path));
    }
    if (node->isArchived()) {
        return invalid(translated("%1 is archived.").arg(node->path));
    }
    RunRequestEntry request;
    request.agentId = agentId;
    request.trigger = RunTrigger::Manual;
    request.triggerDetail = reason.trimmed();
    request.payload = payload;
    request.requestedBy = requestedBy;
    request.requestedAt = m_clock.now();
    request.notBefore = request.requestedAt;
    const Result<RunRequestId> id = m_requests.insert(request);
    if (!id) {
        return id.error();
    }
    return m_requests.request(id.value());
}

Result<QList<RunRequestEntry>> RunRequestService::fireEvent(const QString &name, const QJsonObject &payload,
                                                            const QString &requestedBy,
                                                            const VisibilityFilter *visibility)
{
    // Every active agent's head spec is read: events are rare next to what that costs (a few
    // milliseconds for a thousand agents), and a cache would have to follow every new version.
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<QList<RunRequestRepository::HeadSpec>> heads = m_requests.activeHeadSpecs();
    if (!heads) {
        return heads.error();
    }
    const QDateTime now = m_clock.now();
    QList<RunRequestId> inserted;
    for (const RunRequestRepository::HeadSpec &head : heads.value()) {
        if (visibility != nullptr && !visibility->canSee(NodeKind::Agent, head.path, head.visibility)) {
            continue;
        }
        const Result<AgentSpec> spec = AgentSpec::parse(head.spec);
        if (!spec) {
            continue;
        }
        const bool listens = std::any_of(spec->triggers.cbegin(), spec->triggers.cend(), [&](const auto &trigger) {
            return trigger.kind == QLatin1String("event") && trigger.value == name;
        });
        if (!listens) {
            continue;
        }
        RunRequestEntry request;
        request.agentId = head.agentId;
        request.trigger = RunTrigger::Event;
        request.triggerDetail = name;
        request.payload = payload;
        request.requestedBy = requestedBy;
        request.requestedAt = now;
        request.notBefore = now;
        const Result<RunRequestId> stored = m_requests.insert(request);
        if (!stored) {
            return stored.error();
        }
        inserted.append(stored.value());
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    QList<RunRequestEntry> requests;
    for (const RunRequestId id : std::as_const(inserted)) {
        const Result<RunRequestEntry> request = m_requests.request(id);
        if (!request) {
            return request.error();
        }
        requests.append(request.value());
    }
    return requests;
}

Result<RunRequestId> RunRequestService::fireSchedule(NodeId agentId, const QString &schedule, int triggerIndex,
                                                     const QDateTime &fireTime)
{
    RunRequestEntry request;
    request.agentId = agentId;
    request.trigger = RunTrigger::Schedule;
    request.triggerDetail = schedule;
    request.payload = QJsonObject{{QStringLiteral("scheduledFor"), fireTime.toUTC().toString(Qt::ISODate)}};
    request.requestedBy = QStringLiteral("scheduler");
    request.requestedAt = m_clock.now();
    request.notBefore = fireTime;
    request.fireKey = fireKey(agentId, triggerIndex, fireTime);
    return m_requests.insert(request);
}

} // namespace steward
