// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityservice.h"

#include "domain/clock.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QSet>

namespace steward {
namespace {

Error invalid(const QString &message)
{
    return {Error::Code::Invalid, message};
}

} // namespace

ActivityService::ActivityService(const Store &store, const Clock &clock)
    : m_store(store), m_clock(clock), m_tree(store), m_activity(store), m_stream(store)
{
}

StreamItem ActivityService::streamItem(StreamItemType type, NodeId agentId, qint64 subjectId) const
{
    return {0, m_clock.now(), type, agentId, subjectId};
}

Result<QHash<NodeId, Agent>> ActivityService::liveAgents(const QList<NodeId> &ids) const
{
    const Result<QHash<NodeId, OrgNode>> nodes = m_tree.nodes(ids);
    if (!nodes) {
        return nodes.error();
    }
    Result<QHash<NodeId, Agent>> agents = m_tree.agents(ids);
    if (!agents) {
        return agents.error();
    }
    QHash<NodeId, Agent> live = std::move(agents).value();
    live.removeIf([&](const auto &entry) {
        const OrgNode node = nodes->value(entry.key());
        return node.kind != NodeKind::Agent || node.isArchived();
    });
    return live;
}

Result<Agent> ActivityService::liveAgent(NodeId id) const
{
    const Result<OrgNode> node = m_tree.node(id);
    if (!node) {
        if (node.error().code == Error::Code::NotFound) {
            return invalid(QCoreApplication::translate("steward::ActivityService", "there is no agent %1").arg(id));
        }
        return node.error();
    }
    if (node->kind != NodeKind::Agent) {
        return invalid(QCoreApplication::translate("steward::ActivityService", "%1 is not an agent").arg(node->path));
    }
    if (node->isArchived()) {
        return invalid(QCoreApplication::translate("steward::ActivityService", "%1 is archived").arg(node->path));
    }
    return m_tree.agent(id);
}

Result<int> ActivityService::versionOf(const Agent &agent, int version)
{
    if (version == 0) {
        return agent.headVersion;
    }
    // Versions are numbered 1, 2, 3, … up to the head, without holes (AgentService), so this is
    // the same as looking the version up.
    if (version < 0 || version > agent.headVersion) {
        return invalid(QCoreApplication::translate("steward::ActivityService", "agent %1 has no version %2")
                           .arg(agent.nodeId)
                           .arg(version));
    }
    return version;
}

Status ActivityService::checkEvent(ActivityEvent &event, QHash<NodeId, Agent> &agents,
                                   QHash<RunId, NodeId> &runAgents) const
{
    // The batch's agents were read at once (liveAgents); one that was not found there is looked
    // up alone, for the message that says what is wrong with it. Runs are looked up once each.
    auto agent = agents.constFind(event.agentId);
    if (agent == agents.cend()) {
        const Result<Agent> found = liveAgent(event.agentId);
        if (!found) {
            return found.error();
        }
        agent = agents.insert(event.agentId, found.value());
    }
    const Result<int> version = versionOf(agent.value(), event.version);
    if (!version) {
        return version.error();
    }
    event.version = version.value();
    if (event.runId != 0) {
        auto runAgent = runAgents.constFind(event.runId);
        if (runAgent == runAgents.cend()) {
            const Result<Run> run = m_activity.run(event.runId);
            if (!run) {
                if (run.error().code == Error::Code::NotFound) {
                    return invalid(
                        QCoreApplication::translate("steward::ActivityService", "there is no run %1").arg(event.runId));
                }
                return run.error();
            }
            runAgent = runAgents.insert(event.runId, run->agentId);
        }
        if (runAgent.value() != event.agentId) {
            return invalid(QCoreApplication::translate("steward::ActivityService", "run %1 belongs to another agent")
                               .arg(event.runId));
        }
    }
    if (event.kind.trimmed().isEmpty()) {
        return invalid(QCoreApplication::translate("steward::ActivityService", "the kind is empty"));
    }
    if (!event.time.isValid()) {
        event.time = m_clock.now();
    }
    // The store gives the id; only events it stores get one.
    event.id = 0;
    return Done{};
}

Result<ActivityService::IngestResult> ActivityService::ingest(QList<ActivityEvent> events)
{
    if (events.isEmpty()) {
        return IngestResult{};
    }
    // Several backends ingest side by side: wait for the write lock rather than fail on it.
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<IngestResult> stored = ingestInTransaction(std::move(events));
    if (!stored) {
        return stored.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return stored;
}

Result<ActivityService::IngestResult> ActivityService::ingestInTransaction(QList<ActivityEvent> events)
{
    IngestResult result;
    if (events.isEmpty()) {
        return result;
    }
    QSet<NodeId> named;
    for (const ActivityEvent &event : std::as_const(events)) {
        named.insert(event.agentId);
    }
    Result<QHash<NodeId, Agent>> live = liveAgents(named.values());
    if (!live) {
        return live.error();
    }
    QHash<NodeId, Agent> agents = std::move(live).value();
    QHash<RunId, NodeId> runAgents;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (const Status checked = checkEvent(events[i], agents, runAgents); !checked) {
            if (checked.error().code != Error::Code::Invalid) {
                return checked.error();
            }
            return invalid(QCoreApplication::translate("steward::ActivityService", "events[%1]: %2")
                               .arg(i)
                               .arg(checked.error().message));
        }
    }
    // Event ids continue after the newest stored one, so they must be taken under the same
    // lock as the stream rows: two backends reading the same newest id would hand out the same
    // ids.
    if (const Status locked = m_stream.lockForAppend(); !locked) {
        return locked.error();
    }
    const Result<ActivityRepository::AppendResult> appended = m_activity.appendEvents(events);
    if (!appended) {
        return appended.error();
    }
    QList<StreamItem> items;
    items.reserve(appended->accepted);
    const QDateTime now = m_clock.now();
    for (const ActivityEvent &event : std::as_const(events)) {
        if (event.id != 0) {
            items.append({0, now, StreamItemType::Event, event.agentId, event.id});
        }
    }
    const Result<qint64> streamed = m_stream.append(items);
    if (!streamed) {
        return streamed.error();
    }
    result.accepted = appended->accepted;
    result.duplicates = appended->duplicates;
    result.lastSeq = streamed.value();
    return result;
}

Result<Run> ActivityService::startRun(Run run)
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Run> started = startRunInTransaction(std::move(run));
    if (!started) {
        return started.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return started;
}

Result<Run> ActivityService::startRunInTransaction(Run run)
{
    const Result<Agent> agent = liveAgent(run.agentId);
    const Result<int> version = agent ? versionOf(agent.value(), run.version) : Result<int>(agent.error());
    if (!version) {
        if (version.error().code != Error::Code::Invalid) {
            return version.error();
        }
        return invalid(QCoreApplication::translate("steward::ActivityService", "The run cannot be recorded: %1.")
                           .arg(version.error().message));
    }
    run.version = version.value();
    if (!run.startedAt.isValid()) {
        run.startedAt = m_clock.now();
    }
    const Result<RunId> id = m_activity.insertRun(run);
    if (!id) {
        return id.error();
    }
    run.id = id.value();
    if (const Result<qint64> streamed = m_stream.append({streamItem(StreamItemType::Run, run.agentId, run.id)});
        !streamed) {
        return streamed.error();
    }
    return run;
}

Result<Run> ActivityService::finishRun(const Run &run)
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Run> finished = finishRunInTransaction(run);
    if (!finished) {
        return finished.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return finished;
}

Result<Run> ActivityService::finishRunInTransaction(const Run &run)
{
    if (run.status == RunStatus::Running) {
        return invalid(QCoreApplication::translate(
            "steward::ActivityService", "A finished run needs its outcome: succeeded, failed or interrupted."));
    }
    const Result<Run> stored = m_activity.run(run.id);
    if (!stored) {
        return stored.error();
    }
    if (run.agentId != NoNode && run.agentId != stored->agentId) {
        return invalid(
            QCoreApplication::translate("steward::ActivityService", "Run %1 belongs to another agent.").arg(run.id));
    }
    if (stored->status != RunStatus::Running) {
        return Error{
            Error::Code::Conflict,
            QCoreApplication::translate("steward::ActivityService", "Run %1 has already finished.").arg(run.id)};
    }
    Run finished = stored.value();
    finished.endedAt = run.endedAt.isValid() ? run.endedAt : m_clock.now();
    finished.status = run.status;
    finished.tokensIn = run.tokensIn;
    finished.tokensOut = run.tokensOut;
    finished.cost = run.cost;
    finished.latencyMs = run.latencyMs;
    if (const Status recorded = m_activity.finishRun(finished); !recorded) {
        return recorded.error();
    }
    if (const Result<qint64> streamed =
            m_stream.append({streamItem(StreamItemType::Run, finished.agentId, finished.id)});
        !streamed) {
        return streamed.error();
    }
    return finished;
}

} // namespace steward
