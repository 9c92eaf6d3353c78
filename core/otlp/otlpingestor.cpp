// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpingestor.h"

#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QSet>

namespace steward {
namespace {

using namespace Qt::StringLiterals;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::OtlpIngestor", text);
}

// One agent's part of one trace: one run.
struct RunKey
{
    NodeId agentId = NoNode;
    QString traceId;

    friend bool operator==(const RunKey &, const RunKey &) = default;
};

size_t qHash(const RunKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.agentId, key.traceId);
}

// The version a span names (gen_ai.agent.version) if it is one of the agent's; otherwise the
// head version (0), the sent text staying in the event's body.
int versionFor(const QString &sent, const Agent &agent)
{
    bool ok = false;
    const int number = sent.startsWith(u'v') ? sent.mid(1).toInt(&ok) : sent.toInt(&ok);
    return ok && number >= 1 && number <= agent.headVersion ? number : 0;
}

} // namespace

OtlpIngestor::OtlpIngestor(const Store &store, const Clock &clock, OrgService &org, AgentService &agents,
                           ActivityService &activity, const Authorizer &authorizer)
    : m_store(store)
    , m_clock(clock)
    , m_org(org)
    , m_agents(agents)
    , m_activity(activity)
    , m_authorizer(authorizer)
    , m_tree(store)
    , m_runs(store)
    , m_stream(store)
    , m_otlp(store)
{
}

Result<OtlpIngestor::Resolved> OtlpIngestor::resolveReference(const Principal &principal, const QString &reference)
{
    bool numeric = false;
    const NodeId id = reference.toLongLong(&numeric);
    const Result<OrgNode> node = numeric ? m_tree.node(id) : m_tree.nodeByPath(reference);
    // An agent the principal may not see is answered exactly like one that is not there.
    const QString missing = translated("gen_ai.agent.id: there is no agent %1").arg(reference);
    if (!node) {
        if (node.error().code != Error::Code::NotFound) {
            return node.error();
        }
        return Resolved{NoNode, {}, missing};
    }
    const Result<bool> visible = m_authorizer.canSee(principal, node.value());
    if (!visible) {
        return visible.error();
    }
    if (!visible.value() || node->kind != NodeKind::Agent || node->isArchived()) {
        return Resolved{NoNode, {}, missing};
    }
    return Resolved{node->id, {}, {}};
}

Result<OtlpIngestor::Resolved> OtlpIngestor::resolveName(const Principal &principal, const QString &agentName)
{
    const QString name = OtlpMapper::nodeNameFor(agentName);
    const Result<QList<NodeId>> ids = m_otlp.liveAgentsNamed(name);
    if (!ids) {
        return ids.error();
    }
    const Result<QHash<NodeId, OrgNode>> nodes = m_tree.nodes(ids.value());
    if (!nodes) {
        return nodes.error();
    }
    QList<OrgNode> visible;
    for (const NodeId id : ids.value()) {
        const Result<bool> seen = m_authorizer.canSee(principal, nodes->value(id));
        if (!seen) {
            return seen.error();
        }
        if (seen.value()) {
            visible.append(nodes->value(id));
        }
    }
    if (visible.size() > 1) {
        QStringList paths;
        for (const OrgNode &node : std::as_const(visible)) {
            paths.append(node.path);
        }
        return Resolved{NoNode,
                        {},
                        translated("the agent name \"%1\" fits several agents (%2); send gen_ai.agent.id")
                            .arg(agentName, paths.join(u", "_s))};
    }
    if (visible.size() == 1) {
        return Resolved{visible.constFirst().id, {}, {}};
    }
    return Resolved{NoNode, name, {}};
}

Result<OtlpIngestor::Resolved> OtlpIngestor::resolve(const Principal &principal, const OtlpSpan &span)
{
    // gen_ai.agent.id is often the agent framework's own id ("asst_5j66UpCp…"); only a node id
    // or a path names a Steward agent, and anything else leaves the name to decide.
    bool numeric = false;
    span.agentRef.toLongLong(&numeric);
    const bool reference = numeric || span.agentRef.startsWith(u'/');
    const QString key = reference ? u"ref:"_s + span.agentRef : u"name:"_s + span.agentName;
    if (const auto known = m_resolved.constFind(key); known != m_resolved.cend()) {
        return known.value();
    }
    Result<Resolved> resolved = reference ? resolveReference(principal, span.agentRef)
        : !span.agentName.isEmpty()
        ? resolveName(principal, span.agentName)
        : Result<Resolved>(Resolved{NoNode,
                                    {},
                                    translated("the span names no agent: set gen_ai.agent.name (or gen_ai.agent.id "
                                               "to a node id or path) on it, or service.name on its resource")});
    if (resolved) {
        m_resolved.insert(key, resolved.value());
    }
    return resolved;
}

Result<OrgNode> OtlpIngestor::liveChild(NodeId parentId, const QString &name) const
{
    const Result<QList<OrgNode>> children = m_tree.children(parentId);
    if (!children) {
        return children.error();
    }
    for (const OrgNode &child : children.value()) {
        if (child.name == name && !child.isArchived()) {
            return child;
        }
    }
    return OrgNode{};
}

Result<NodeId> OtlpIngestor::unregisteredAgent(NodeId teamId, const QString &name, const QString &sentName,
                                               const QString &model, const Principal &principal, QStringList &created)
{
    const Result<OrgNode> existing = liveChild(teamId, name);
    if (!existing) {
        return existing.error();
    }
    if (existing->isValid()) {
        return existing->id;
    }
    AgentSpec spec;
    spec.description = translated("Seen in OpenTelemetry traces as \"%1\"; not registered in Steward.").arg(sentName);
    spec.model = model.isEmpty() ? u"unknown"_s : model;
    spec.instructions = translated("Unknown: this agent reported activity before anyone registered it.");
    AgentService::NewAgent agent;
    agent.parentId = teamId;
    agent.name = name;
    agent.owner = principal.name;
    agent.spec = spec.toCanonicalText();
    const QString reason = translated("Spans arrived over OpenTelemetry from \"%1\", an agent that is not registered; "
                                      "sent with the token of %2.")
                               .arg(sentName, principal.name);
    const Result<OrgNode> node = m_agents.createAgent(agent, QString::fromLatin1(Actor), reason);
    if (!node) {
        // Another server may have created it since it was looked for: then that one is it.
        const Result<OrgNode> raced = liveChild(teamId, name);
        return raced && raced->isValid() ? Result<NodeId>(raced->id) : Result<NodeId>(node.error());
    }
    created.append(node->path);
    return node->id;
}

Result<QHash<QString, NodeId>> OtlpIngestor::createUnregistered(const Principal &principal,
                                                                const QHash<QString, QString> &sentNames,
                                                                const QHash<QString, QString> &models,
                                                                QStringList &created)
{
    const Result<OrgNode> root = m_tree.root();
    if (!root) {
        return root.error();
    }
    const Result<OrgNode> found = liveChild(root->id, QString::fromLatin1(UnregisteredTeam));
    if (!found) {
        return found.error();
    }
    OrgNode team = found.value();
    // The agents are created inside the team, so that is where the principal needs the right
    // to create them and to ingest for them; before the team exists, on the company.
    const OrgNode &place = team.isValid() ? team : root.value();
    QStringList names = sentNames.keys();
    names.sort();
    for (const Action action : {Action::EditTree, Action::IngestActivity}) {
        // Forbidden even where the team is hidden from the principal (an agent identity sees
        // only the groups above its agent): the team's existence is no secret.
        if (const Status allowed = m_authorizer.require(principal, action, place); !allowed) {
            if (allowed.error().code != Error::Code::Forbidden && allowed.error().code != Error::Code::NotFound) {
                return allowed.error();
            }
            return Error{
                Error::Code::Forbidden,
                translated("No agent is registered for %1; recording their spans creates them under %2/%3, which "
                           "needs a token that may create agents and ingest activity there (admin).")
                    .arg(names.join(u", "_s), root->path, QLatin1String(UnregisteredTeam))};
        }
    }
    if (!team.isValid()) {
        const Result<OrgNode> made = m_org.createGroup(
            root->id, NodeKind::Team, QString::fromLatin1(UnregisteredTeam), QString::fromLatin1(Actor),
            translated("Spans arrived over OpenTelemetry from agents that are not registered; "
                       "they are kept here until someone registers them (token of %1).")
                .arg(principal.name));
        if (made) {
            created.append(made->path);
            team = made.value();
        } else {
            // Another server may have created it since it was looked for.
            const Result<OrgNode> raced = liveChild(root->id, QString::fromLatin1(UnregisteredTeam));
            if (!raced || !raced->isValid()) {
                return made.error();
            }
            team = raced.value();
        }
    }
    QHash<QString, NodeId> ids;
    for (const QString &name : std::as_const(names)) {
        const Result<NodeId> id =
            unregisteredAgent(team.id, name, sentNames.value(name), models.value(name), principal, created);
        if (!id) {
            return id.error();
        }
        ids.insert(name, id.value());
    }
    return ids;
}

Result<OtlpIngestor::Outcome> OtlpIngestor::ingest(const Principal &principal, const OtlpBatch &batch)
{
    m_resolved.clear();
    Outcome outcome;
    outcome.rejected = batch.rejectedSpans;
    outcome.problems = batch.problems;

    // Which agent each span is of; spans that name none are left out here.
    QList<qsizetype> kept;
    QList<Resolved> resolutions;
    QHash<QString, QString> unregisteredNames; // node name → name as sent
    QHash<QString, QString> unregisteredModels;
    QSet<NodeId> registered;
    for (qsizetype i = 0; i < batch.spans.size(); ++i) {
        const Result<Resolved> resolved = resolve(principal, batch.spans.at(i));
        if (!resolved) {
            return resolved.error();
        }
        if (!resolved->problem.isEmpty()) {
            ++outcome.rejected;
            outcome.problems.append(u"span %1: %2"_s.arg(batch.spans.at(i).event.spanId, resolved->problem));
            continue;
        }
        if (resolved->agentId != NoNode) {
            registered.insert(resolved->agentId);
        } else {
            unregisteredNames.insert(resolved->unregisteredName, batch.spans.at(i).agentName);
            if (!batch.spans.at(i).model.isEmpty()) {
                unregisteredModels.insert(resolved->unregisteredName, batch.spans.at(i).model);
            }
        }
        kept.append(i);
        resolutions.append(resolved.value());
    }
    if (kept.isEmpty()) {
        return outcome;
    }

    // Every permission is checked before anything is written.
    const Result<QHash<NodeId, OrgNode>> nodes = m_tree.nodes(registered.values());
    if (!nodes) {
        return nodes.error();
    }
    if (const Status allowed = m_authorizer.requireAll(principal, Action::IngestActivity, nodes->values()); !allowed) {
        return allowed.error();
    }
    QHash<QString, NodeId> unregistered;
    if (!unregisteredNames.isEmpty()) {
        Result<QHash<QString, NodeId>> made =
            createUnregistered(principal, unregisteredNames, unregisteredModels, outcome.createdAgents);
        if (!made) {
            return made.error();
        }
        unregistered = std::move(made).value();
    }

    // The spans by run, and the agent span that ends each run: the outermost one, a span
    // without a parent before an invoke_agent span inside someone else's trace.
    QList<RunKey> keys;
    QHash<RunKey, QList<qsizetype>> spansOfRun;
    QHash<RunKey, qsizetype> agentSpanOfRun;
    for (qsizetype k = 0; k < kept.size(); ++k) {
        const qsizetype i = kept.at(k);
        const OtlpSpan &span = batch.spans.at(i);
        const NodeId agentId = resolutions.at(k).agentId != NoNode
            ? resolutions.at(k).agentId
            : unregistered.value(resolutions.at(k).unregisteredName);
        const RunKey key{agentId, span.traceId};
        if (!spansOfRun.contains(key)) {
            keys.append(key);
        }
        spansOfRun[key].append(i);
        if (span.isAgentSpan) {
            const qsizetype current = agentSpanOfRun.value(key, -1);
            if (current < 0
                || (span.event.parentSpanId.isEmpty() && !batch.spans.at(current).event.parentSpanId.isEmpty())
                || (span.event.parentSpanId.isEmpty() == batch.spans.at(current).event.parentSpanId.isEmpty()
                    && span.startedAt < batch.spans.at(current).startedAt)) {
                agentSpanOfRun.insert(key, i);
            }
        }
    }
    QList<NodeId> agentIds;
    for (const RunKey &key : std::as_const(keys)) {
        agentIds.append(key.agentId);
    }
    const Result<QHash<NodeId, Agent>> agents = m_tree.agents(agentIds);
    if (!agents) {
        return agents.error();
    }

    // Most batches continue traces whose runs exist, and those are read without the write
    // lock. The others are looked for again and started under it, so that batches of one trace
    // arriving at two servers at once start its run once.
    QHash<RunKey, RunId> runs;
    QHash<RunKey, int> versions;
    QList<OtlpRepository::TraceKey> traceKeys;
    for (const RunKey &key : std::as_const(keys)) {
        const qsizetype agentSpan = agentSpanOfRun.value(key, -1);
        const OtlpSpan &first = batch.spans.at(agentSpan >= 0 ? agentSpan : spansOfRun.value(key).constFirst());
        versions.insert(key, versionFor(first.agentVersion, agents->value(key.agentId)));
        traceKeys.append({key.agentId, key.traceId});
    }
    const auto lookUp = [&](const QList<OtlpRepository::TraceKey> &wanted, QList<RunKey> &missing) -> Status {
        const Result<QHash<OtlpRepository::TraceKey, RunId>> known = m_otlp.runsOfTraces(wanted);
        if (!known) {
            return known.error();
        }
        missing.clear();
        for (const OtlpRepository::TraceKey &key : wanted) {
            if (const auto run = known->constFind(key); run != known->cend()) {
                runs.insert({key.first, key.second}, run.value());
            } else {
                missing.append({key.first, key.second});
            }
        }
        return Done{};
    };
    QList<RunKey> missing;
    if (const Status read = lookUp(traceKeys, missing); !read) {
        return read.error();
    }
    if (!missing.isEmpty()) {
        Transaction transaction(m_store);
        if (!transaction.isActive()) {
            return transaction.beginError();
        }
        QList<OtlpRepository::TraceKey> stillWanted;
        for (const RunKey &key : std::as_const(missing)) {
            stillWanted.append({key.agentId, key.traceId});
        }
        if (const Status read = lookUp(stillWanted, missing); !read) {
            return read.error();
        }
        QList<StreamItem> started;
        for (const RunKey &key : std::as_const(missing)) {
            Run run;
            run.agentId = key.agentId;
            run.version = versions.value(key) != 0 ? versions.value(key) : agents->value(key.agentId).headVersion;
            run.trigger = RunTrigger::Event;
            run.triggerDetail = u"otlp trace "_s + key.traceId;
            run.startedAt = batch.spans.at(spansOfRun.value(key).constFirst()).startedAt;
            for (const qsizetype i : spansOfRun.value(key)) {
                run.startedAt = qMin(run.startedAt, batch.spans.at(i).startedAt);
            }
            const Result<RunId> id = m_runs.insertRun(run);
            if (!id) {
                return id.error();
            }
            if (const Status recorded = m_otlp.recordTraceRun(key.agentId, key.traceId, id.value()); !recorded) {
                return recorded.error();
            }
            runs.insert(key, id.value());
            started.append({0, m_clock.now(), StreamItemType::Run, key.agentId, id.value()});
        }
        if (const Result<qint64> streamed = m_stream.append(started); !streamed) {
            return streamed.error();
        }
        if (const Status committed = transaction.commit(); !committed) {
            return committed.error();
        }
    }

    // Besides its spans, each run gets the run.started and run.finished events agents that
    // report natively send: the reliability rollups count runs, failures and run latency from
    // them. Their client ids make them once per run, however often a batch comes.
    QList<ActivityEvent> events;
    events.reserve(kept.size() + 2 * keys.size());
    for (const RunKey &key : std::as_const(keys)) {
        const auto runEvent = [&](const char *kind) {
            ActivityEvent event;
            event.clientId = u"otlp:%1:%2:%3"_s.arg(key.traceId).arg(key.agentId).arg(QLatin1String(kind));
            event.kind = QString::fromLatin1(kind);
            event.agentId = key.agentId;
            event.runId = runs.value(key);
            event.version = versions.value(key);
            event.status = u"ok"_s;
            event.body = QJsonObject{{u"otlp"_s, QJsonObject{{u"traceId"_s, key.traceId}}}};
            return event;
        };
        ActivityEvent started = runEvent(EventKinds::RunStarted);
        started.summary = translated("Run started (OpenTelemetry trace %1)").arg(key.traceId);
        started.time = batch.spans.at(spansOfRun.value(key).constFirst()).startedAt;
        for (const qsizetype i : spansOfRun.value(key)) {
            started.time = qMin(started.time, batch.spans.at(i).startedAt);
            ActivityEvent event = batch.spans.at(i).event;
            event.agentId = key.agentId;
            event.runId = runs.value(key);
            event.version = versions.value(key);
            events.append(event);
        }
        events.append(started);
        if (const qsizetype agentSpan = agentSpanOfRun.value(key, -1); agentSpan >= 0) {
            const OtlpSpan &span = batch.spans.at(agentSpan);
            ActivityEvent finished = runEvent(EventKinds::RunFinished);
            finished.time = span.endedAt;
            finished.status = span.failed ? u"error"_s : u"ok"_s;
            finished.summary = span.failed ? translated("Run failed") : translated("Run succeeded");
            finished.latencyMs = span.event.latencyMs;
            events.append(finished);
        }
    }
    const Result<ActivityService::IngestResult> stored = m_activity.ingest(events);
    if (!stored) {
        return stored.error();
    }
    outcome.accepted = stored->accepted;
    outcome.duplicates = stored->duplicates;
    outcome.lastSeq = stored->lastSeq;
    if (agentSpanOfRun.isEmpty()) {
        return outcome;
    }

    // The runs whose agent span came are finished together, in one transaction.
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    QList<RunId> ending;
    for (auto agentSpan = agentSpanOfRun.cbegin(); agentSpan != agentSpanOfRun.cend(); ++agentSpan) {
        ending.append(runs.value(agentSpan.key()));
    }
    const Result<QHash<RunId, OtlpRepository::RunState>> states = m_otlp.runStates(ending);
    if (!states) {
        return states.error();
    }
    QList<StreamItem> ended;
    for (const RunKey &key : std::as_const(keys)) {
        const qsizetype agentSpan = agentSpanOfRun.value(key, -1);
        const RunId runId = runs.value(key);
        if (agentSpan < 0 || !states->contains(runId)) {
            continue;
        }
        const OtlpRepository::RunState state = states->value(runId);
        if (state.status != RunStatus::Running) {
            continue; // ended by an earlier batch: this one was sent again
        }
        // Usage is reported on the model calls or summed up on the agent span, rarely both:
        // the run counts the other spans', and the agent span's only when they had none. The
        // agent span's event is stored with its counts (now, or when the batch first came).
        const OtlpSpan &span = batch.spans.at(agentSpan);
        const qint64 otherIn = state.tokensIn - span.event.tokensIn;
        const qint64 otherOut = state.tokensOut - span.event.tokensOut;
        const double otherCost = state.cost - span.event.cost;
        const bool counted = otherIn != 0 || otherOut != 0 || otherCost > 1e-9;
        Run finished;
        finished.id = runId;
        finished.agentId = key.agentId;
        finished.status = span.failed ? RunStatus::Failed : RunStatus::Succeeded;
        finished.endedAt = span.endedAt;
        finished.latencyMs = span.event.latencyMs;
        finished.tokensIn = counted ? otherIn : span.event.tokensIn;
        finished.tokensOut = counted ? otherOut : span.event.tokensOut;
        finished.cost = counted ? otherCost : span.event.cost;
        if (const Status recorded = m_runs.finishRun(finished); !recorded) {
            return recorded.error();
        }
        ended.append({0, m_clock.now(), StreamItemType::Run, key.agentId, runId});
    }
    if (const Result<qint64> streamed = m_stream.append(ended); !streamed) {
        return streamed.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return outcome;
}

} // namespace steward
