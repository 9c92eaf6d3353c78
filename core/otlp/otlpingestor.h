// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/principal.h"
#include "domain/result.h"
#include "otlp/otlpmapper.h"
#include "otlp/otlprepository.h"
#include "storage/activityrepository.h"
#include "storage/streamrepository.h"
#include "storage/treerepository.h"

#include <QHash>
#include <QStringList>

namespace steward {

class ActivityService;
class AgentService;
class Authorizer;
class Clock;
class OrgService;
class Store;

// Records the spans of an OpenTelemetry request (read by OtlpMapper) as runs and activity
// events of Steward's agents, for one principal:
// - a span names its agent by gen_ai.agent.id when that is a node id or path, else by name
//   (gen_ai.agent.name, service.name) among the live agents the principal can see;
// - an agent's part of a trace is one run of it (otlp_trace_runs), started by the first batch
//   that holds any of it and finished by its agent span (invoke_agent, or the trace's root);
// - each span is one event whose client id is made of its trace and span ids, so a batch
//   sent again adds nothing; each run also gets its run.started and run.finished events, as
//   agents reporting natively send them;
// - a name no agent has becomes an agent under the company's "unregistered" team, both
//   created when first needed and audited with the actor "otlp", so that agents nobody
//   registered show up in the tree.
// Spans naming an agent that is not there, or several, are rejected one by one; a principal
// that may not ingest for one of the agents, or may not create the unregistered ones, is
// refused the whole request, before anything is stored.
class OtlpIngestor final
{
public:
    OtlpIngestor(const Store &store, const Clock &clock, OrgService &org, AgentService &agents,
                 ActivityService &activity, const Authorizer &authorizer);

    struct Outcome
    {
        // Events stored: one per span, and each run's run.started and run.finished.
        int accepted = 0;
        int duplicates = 0; // events already stored (a batch sent again)
        qsizetype rejected = 0; // spans left out; `problems` says why
        QStringList problems;
        QStringList createdAgents; // paths of the unregistered agents this request created
        qint64 lastSeq = 0;
    };

    [[nodiscard]] Result<Outcome> ingest(const Principal &principal, const OtlpBatch &batch);

    // The audit log's actor for what ingest creates, and the team agents nobody registered go to.
    static constexpr auto Actor = "otlp";
    static constexpr auto UnregisteredTeam = "unregistered";

private:
    struct Resolved
    {
        NodeId agentId = NoNode; // a registered agent, or NoNode
        QString unregisteredName; // else the node name to create under the unregistered team
        QString problem; // else why the span names no agent
    };
    [[nodiscard]] Result<Resolved> resolve(const Principal &principal, const OtlpSpan &span);
    [[nodiscard]] Result<Resolved> resolveReference(const Principal &principal, const QString &reference);
    [[nodiscard]] Result<Resolved> resolveName(const Principal &principal, const QString &agentName);
    // The live child of that name, or an invalid node.
    [[nodiscard]] Result<OrgNode> liveChild(NodeId parentId, const QString &name) const;
    // Creates the unregistered team and agents the batch needs; gives their ids by node name.
    [[nodiscard]] Result<QHash<QString, NodeId>> createUnregistered(const Principal &principal,
                                                                    const QHash<QString, QString> &sentNames,
                                                                    const QHash<QString, QString> &models,
                                                                    QStringList &created);
    [[nodiscard]] Result<NodeId> unregisteredAgent(NodeId teamId, const QString &name, const QString &sentName,
                                                   const QString &model, const Principal &principal,
                                                   QStringList &created);

    const Store &m_store;
    const Clock &m_clock;
    OrgService &m_org;
    AgentService &m_agents;
    ActivityService &m_activity;
    const Authorizer &m_authorizer;
    TreeRepository m_tree;
    ActivityRepository m_runs;
    StreamRepository m_stream;
    OtlpRepository m_otlp;
    // Resolutions within one request: a batch names the same few agents many times.
    QHash<QString, Resolved> m_resolved;
};

} // namespace steward
