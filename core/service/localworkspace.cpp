// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localworkspace.h"

#include "bundle/signingkey.h"
#include "query/activitysearch.h"
#include "runtime/commandrunner.h"
#include "runtime/httprunner.h"
#include "runtime/rundispatcher.h"
#include "runtime/runrequestservice.h"
#include "service/activityservice.h"
#include "service/approvalanalyticsservice.h"
#include "service/reliabilityservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QMetaMethod>
#include <QTimer>

namespace steward {

LocalWorkspace::LocalWorkspace(std::unique_ptr<Store> store, QString actor, QObject *parent)
    : Workspace(parent)
    , m_store(std::move(store))
    , m_actor(std::move(actor))
    , m_org(*m_store, m_clock)
    , m_agents(*m_store, m_clock, m_org)
    , m_activity(*m_store)
    , m_audit(*m_store)
    , m_approvals(*m_store, m_clock, m_org)
    , m_stream(*m_store)
{
    // The runners that need nothing configured. openai needs an endpoint and a key: whoever
    // holds them registers it through runners() (the desktop app from its OpenAI settings).
    m_runners.add(QStringLiteral("command"),
                  [this](const AgentSpec::Runner &) { return std::make_unique<CommandRunner>(m_clock); });
    m_runners.add(QStringLiteral("http"),
                  [this](const AgentSpec::Runner &) { return std::make_unique<HttpRunner>(m_clock); });
}

// The runtime's parts, in dependency order.
struct LocalWorkspace::Runtime
{
    Runtime(const Store &store, const Clock &clock, ApprovalService &approvals, const RunnerFactory &runners)
        : activity(store, clock), requests(store, clock), dispatcher(store, clock, activity, approvals, runners, {})
    {
    }

    ActivityService activity;
    RunRequestService requests;
    RunDispatcher dispatcher;
};

LocalWorkspace::~LocalWorkspace()
{
    if (m_runtime) {
        m_runtime->dispatcher.stop(tr("the workspace was closed"));
    }
}

Result<std::unique_ptr<LocalWorkspace>> LocalWorkspace::openBundle(const QString &path, QString actor)
{
    Result<std::unique_ptr<Store>> store = Store::openReadOnly(path);
    if (!store) {
        return store.error();
    }
    return std::make_unique<LocalWorkspace>(std::move(store).value(), std::move(actor));
}

Status LocalWorkspace::requireWritable() const
{
    if (isReadOnly()) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate("steward::LocalWorkspace",
                                                 "This is an auditor's bundle: it can be read, not changed.")};
    }
    return Done{};
}

void LocalWorkspace::announceAgentChange(NodeId agentId)
{
    Q_EMIT agentChanged(agentId);
    Q_EMIT auditAppended();
}

QString LocalWorkspace::defaultActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("local-user") : user;
}

QString LocalWorkspace::location() const
{
    return QDir::toNativeSeparators(m_store->path());
}

Result<OrgNode> LocalWorkspace::root() const
{
    return m_org.tree().root();
}

Result<QList<OrgNode>> LocalWorkspace::children(NodeId parentId) const
{
    return m_org.tree().children(parentId);
}

Result<OrgNode> LocalWorkspace::node(NodeId id) const
{
    return m_org.tree().node(id);
}

Result<Agent> LocalWorkspace::agent(NodeId id) const
{
    return m_org.tree().agent(id);
}

Result<AgentVersion> LocalWorkspace::version(NodeId agentId, int number) const
{
    return m_agents.versions().version(agentId, number);
}

Result<QList<Run>> LocalWorkspace::recentRuns(NodeId agentId, int limit) const
{
    return m_activity.recentRuns(agentId, limit);
}

Result<QList<AuditEntry>> LocalWorkspace::recentChanges(const QString &path, int limit) const
{
    return m_audit.entriesForSubject(path, limit);
}

Result<QList<ActivityEvent>> LocalWorkspace::runEvents(RunId runId) const
{
    return m_activity.runEvents(runId);
}

Result<ReliabilitySeries> LocalWorkspace::reliability(NodeId nodeId, const ReliabilityQuery &query) const
{
    return ReliabilityService(*m_store).series(nodeId, query);
}

Result<QList<AgentReliability>> LocalWorkspace::reliabilityRanking(NodeId nodeId, const QDateTime &from,
                                                                   const QDateTime &to, ReliabilityMeasure sortBy,
                                                                   Qt::SortOrder order) const
{
    return ReliabilityService(*m_store).ranking(nodeId, from, to, sortBy, order);
}

// --- Live activity ----------------------------------------------------------------------------

namespace {

// The listener's poll of the newest sequence on SQLite: a row reaches the feed within this, and
// one read of max(seq) costs microseconds, so a tenth of a second is cheap.
constexpr int kActivityPollMs = 100;
// Stream rows read per statement, and per turn of the event loop: at 5,000 events/s a poll
// finds about 500; a backlog is read in turns so the thread stays responsive.
constexpr int kStreamChunk = 1000;
constexpr int kChunksPerTurn = 5;

} // namespace

void LocalWorkspace::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&Workspace::activityAppended) && !m_listener && !isReadOnly()) {
        followActivity();
    }
    Workspace::connectNotify(signal);
}

void LocalWorkspace::followActivity()
{
    m_listener = std::make_unique<StreamListener>(m_store->path(), StreamListener::Options{kActivityPollMs});
    if (const Status started = m_listener->start(); !started) {
        qWarning("steward: cannot follow the activity of %s: %s", qPrintable(m_store->path()),
                 qPrintable(started.error().message));
        m_listener.reset();
        return;
    }
    m_seenSeq = m_listener->lastSeq();
    connect(m_listener.get(), &StreamListener::advanced, this, &LocalWorkspace::readActivity);
}

void LocalWorkspace::readActivity()
{
    m_readScheduled = false;
    QList<EventId> ids;
    bool more = false;
    for (int chunk = 0; chunk < kChunksPerTurn; ++chunk) {
        const Result<QList<StreamItem>> items = m_stream.readAfter(m_seenSeq, kStreamChunk);
        if (!items) {
            qWarning("steward: cannot read the change stream: %s", qPrintable(items.error().message));
            return;
        }
        for (const StreamItem &item : items.value()) {
            if (item.type == StreamItemType::Event) {
                ids.append(item.subjectId);
            }
            m_seenSeq = item.seq;
        }
        more = items->size() == kStreamChunk;
        if (!more) {
            break;
        }
    }
    if (!ids.isEmpty()) {
        const Result<QHash<EventId, ActivityEvent>> events = m_activity.eventsByIds(ids);
        if (!events) {
            qWarning("steward: cannot read new activity: %s", qPrintable(events.error().message));
            return;
        }
        QList<ActivityEvent> appended;
        appended.reserve(ids.size());
        for (const EventId id : std::as_const(ids)) {
            if (const auto found = events->constFind(id); found != events->cend()) {
                appended.append(found.value());
            }
        }
        Q_EMIT activityAppended(appended);
    }
    if (more && !m_readScheduled) {
        m_readScheduled = true;
        QTimer::singleShot(0, this, &LocalWorkspace::readActivity);
    }
}

Result<OrgNode> LocalWorkspace::createCompany(const QString &name, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<OrgNode> created = m_org.createCompany(name, m_actor, reason);
    if (created) {
        Q_EMIT nodeAdded(created.value());
        Q_EMIT auditAppended();
    }
    return created;
}

Result<OrgNode> LocalWorkspace::createGroup(NodeId parentId, NodeKind kind, const QString &name, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<OrgNode> created = m_org.createGroup(parentId, kind, name, m_actor, reason);
    if (created) {
        Q_EMIT nodeAdded(created.value());
        Q_EMIT auditAppended();
    }
    return created;
}

Result<OrgNode> LocalWorkspace::rename(NodeId id, const QString &newName, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<OrgNode> renamed = m_org.rename(id, newName, m_actor, reason);
    if (renamed) {
        Q_EMIT nodeRenamed(renamed.value());
        Q_EMIT auditAppended();
    }
    return renamed;
}

Result<OrgNode> LocalWorkspace::move(NodeId id, NodeId newParentId, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    const Result<OrgNode> before = m_org.tree().node(id);
    Result<OrgNode> moved = m_org.move(id, newParentId, m_actor, reason);
    if (moved && before) {
        Q_EMIT nodeMoved(moved.value(), before->parentId);
        Q_EMIT auditAppended();
    }
    return moved;
}

Result<OrgNode> LocalWorkspace::archive(NodeId id, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<OrgNode> archived = m_org.archive(id, m_actor, reason);
    if (archived) {
        Q_EMIT nodeArchived(archived.value());
        Q_EMIT auditAppended();
    }
    return archived;
}

Result<QList<AgentVersion>> LocalWorkspace::history(NodeId agentId) const
{
    return m_agents.versions().history(agentId);
}

Result<QList<VersionProposal>> LocalWorkspace::pendingProposals(NodeId agentId) const
{
    return m_agents.proposals().pending(agentId);
}

Result<QList<AuditEntry>> LocalWorkspace::auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                       int limit) const
{
    return m_audit.query(filter, beforeSequence, limit);
}

Result<AuditVerification> LocalWorkspace::verifyAudit() const
{
    return AuditVerifier::verify(*m_store);
}

Result<ActivityPage> LocalWorkspace::searchActivity(const QString &query, EventId before, int limit) const
{
    return ActivitySearch(*m_store).search(query, before, limit, m_clock.now(), nullptr);
}

Result<AgentService::VersionChange> LocalWorkspace::changeSpec(NodeId agentId, int baseVersion, const QString &spec,
                                                               const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<AgentService::VersionChange> changed = m_agents.change(agentId, baseVersion, spec, m_actor, reason);
    if (changed) {
        announceAgentChange(agentId);
    }
    return changed;
}

Result<AgentService::VersionChange> LocalWorkspace::rollback(NodeId agentId, int toVersion, int baseVersion,
                                                             const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<AgentService::VersionChange> rolled = m_agents.rollback(agentId, toVersion, baseVersion, m_actor, reason);
    if (rolled) {
        announceAgentChange(agentId);
    }
    return rolled;
}

Result<AgentVersion> LocalWorkspace::approveProposal(ProposalId id, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<AgentVersion> approved = m_agents.approveProposal(id, m_actor, reason);
    if (approved) {
        announceAgentChange(approved->agentId);
    }
    return approved;
}

Result<VersionProposal> LocalWorkspace::rejectProposal(ProposalId id, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<VersionProposal> rejected = m_agents.rejectProposal(id, m_actor, reason);
    if (rejected) {
        announceAgentChange(rejected->agentId);
    }
    return rejected;
}

Result<BundleManifest> LocalWorkspace::exportBundle(const QString &path, const BundleScope &scope,
                                                    const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    const Result<SigningKey> key = SigningKey::loadOrCreate(SigningKey::defaultPathFor(m_store->workspaceId()));
    if (!key) {
        return key.error();
    }
    Result<BundleManifest> manifest =
        AuditBundle::exportTo(*m_store, path, scope, key.value(), m_clock, m_actor, reason);
    if (manifest) {
        Q_EMIT auditAppended();
    }
    return manifest;
}

Result<ApprovalPage> LocalWorkspace::approvals(const ApprovalFilter &filter) const
{
    return m_approvals.list(filter, m_actor, nullptr);
}

Result<ApprovalDetail> LocalWorkspace::approval(ApprovalId id) const
{
    return m_approvals.detail(id, m_actor);
}

Result<ApprovalCounts> LocalWorkspace::approvalCounts() const
{
    return m_approvals.counts(m_actor);
}

Result<QList<ApprovalDecision>> LocalWorkspace::agentDecisions(NodeId agentId, int limit) const
{
    return m_approvals.agentDecisions(agentId, limit);
}

Result<Approval> LocalWorkspace::decideApproval(ApprovalId id, const ApprovalDecisionRequest &decision)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<Approval> decided = m_approvals.decide(id, decision, m_actor);
    if (decided) {
        Q_EMIT approvalChanged(id);
        Q_EMIT auditAppended();
    }
    return decided;
}

Result<EffectivePolicy> LocalWorkspace::approvalPolicy(NodeId nodeId) const
{
    return m_approvals.effectivePolicy(nodeId);
}

Result<EffectivePolicy> LocalWorkspace::setApprovalPolicy(NodeId nodeId, const std::optional<ApprovalPolicy> &policy,
                                                          const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<EffectivePolicy> set = m_approvals.setPolicy(nodeId, policy, m_actor, reason);
    if (set) {
        Q_EMIT auditAppended();
    }
    return set;
}

Result<ApprovalAnalytics> LocalWorkspace::approvalAnalytics(NodeId nodeId, const QDateTime &from,
                                                            const QDateTime &to) const
{
    return ApprovalAnalyticsService(*m_store).analytics(nodeId, from, to);
}

Result<QList<ApprovalId>> LocalWorkspace::sweepApprovals()
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<QList<ApprovalId>> changed = m_approvals.sweep(m_clock.now());
    if (changed) {
        for (const ApprovalId id : changed.value()) {
            Q_EMIT approvalChanged(id);
        }
        if (!changed->isEmpty()) {
            Q_EMIT auditAppended();
        }
    }
    return changed;
}

Result<RunRequestEntry> LocalWorkspace::runNow(NodeId agentId, const QJsonObject &payload, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    if (!m_runtime) {
        m_runtime = std::make_unique<Runtime>(*m_store, m_clock, m_approvals, m_runners);
        // Keeps dispatching what waits (queued behind a run, backing off) and renews heartbeats.
        m_runtime->dispatcher.start();
    }
    const Result<RunRequestEntry> request = m_runtime->requests.runNow(agentId, payload, reason, m_actor);
    if (!request) {
        return request.error();
    }
    if (const Result<int> started = m_runtime->dispatcher.dispatchDue(); !started) {
        return started.error();
    }
    return m_runtime->requests.request(request->id);
}

Result<QList<RunRequestEntry>> LocalWorkspace::runRequests(NodeId agentId, int limit) const
{
    return RunRequestRepository(*m_store).recent(agentId, limit);
}

Result<Agent> LocalWorkspace::setAgentStatus(NodeId agentId, AgentStatus status, const QString &reason)
{
    if (const Status writable = requireWritable(); !writable) {
        return writable.error();
    }
    Result<Agent> changed = m_agents.setStatus(agentId, status, m_actor, reason);
    if (changed) {
        announceAgentChange(agentId);
    }
    return changed;
}

} // namespace steward
