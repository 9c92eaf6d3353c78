// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditverifier.h"
#include "bundle/auditbundle.h"
#include "domain/activity.h"
#include "domain/agent.h"
#include "domain/approval.h"
#include "domain/approvalanalytics.h"
#include "domain/audit.h"
#include "domain/orgnode.h"
#include "domain/reliability.h"
#include "domain/result.h"
#include "domain/runrequest.h"
#include "service/agentservice.h"
#include "storage/auditrepository.h"

#include <QList>
#include <QObject>

namespace steward {

// What the desktop app (and any other front end) works with: one workspace, whether it is a
// local store file or, later, a connection to a shared stewardd. Every change goes through the
// same core services behind it; the signals announce changes after they are stored, so views
// update from them instead of reloading.
class Workspace : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Where the workspace lives, for the title bar and the status bar: a file path or a URL.
    [[nodiscard]] virtual QString location() const = 0;
    // Who acts: recorded as the actor of every change.
    [[nodiscard]] virtual QString actor() const = 0;
    // An auditor's bundle: everything can be read, nothing changed.
    [[nodiscard]] virtual bool isReadOnly() const = 0;

    [[nodiscard]] virtual Result<OrgNode> root() const = 0;
    [[nodiscard]] virtual Result<QList<OrgNode>> children(NodeId parentId) const = 0;
    [[nodiscard]] virtual Result<OrgNode> node(NodeId id) const = 0;
    [[nodiscard]] virtual Result<Agent> agent(NodeId id) const = 0;
    [[nodiscard]] virtual Result<AgentVersion> version(NodeId agentId, int number) const = 0;
    [[nodiscard]] virtual Result<QList<Run>> recentRuns(NodeId agentId, int limit) const = 0;
    [[nodiscard]] virtual Result<QList<AuditEntry>> recentChanges(const QString &path, int limit) const = 0;

    // Versions newest first, without their spec text (version() has it).
    [[nodiscard]] virtual Result<QList<AgentVersion>> history(NodeId agentId) const = 0;
    // Pending proposals for one agent, or for all agents with NoNode.
    [[nodiscard]] virtual Result<QList<VersionProposal>> pendingProposals(NodeId agentId) const = 0;
    [[nodiscard]] virtual Result<QList<AuditEntry>> auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                                 int limit) const = 0;
    // Checks the whole audit chain; for a long log, run it on a worker with its own read-only
    // Store (Store::openReadOnly(location())) instead.
    [[nodiscard]] virtual Result<AuditVerification> verifyAudit() const = 0;
    // Activity matching a query of the activity query language (core/query/activityquery.h;
    // blank for all), newest first, with ids below `before` (0: the newest), at most `limit`
    // (1 to 500); only what the workspace's user may see.
    [[nodiscard]] virtual Result<ActivityPage> searchActivity(const QString &query, EventId before,
                                                              int limit) const = 0;
    // Every event of one run, oldest first: the run as a trace (spanId/parentSpanId).
    [[nodiscard]] virtual Result<QList<ActivityEvent>> runEvents(RunId runId) const = 0;
    // Reliability over time of an agent, or of the agents below a group that the workspace's
    // user may see, from the hourly rollups (see ReliabilityService).
    [[nodiscard]] virtual Result<ReliabilitySeries> reliability(NodeId nodeId, const ReliabilityQuery &query) const = 0;
    // The agents below a node ranked by their totals over [from, to).
    [[nodiscard]] virtual Result<QList<AgentReliability>> reliabilityRanking(NodeId nodeId, const QDateTime &from,
                                                                             const QDateTime &to,
                                                                             ReliabilityMeasure sortBy,
                                                                             Qt::SortOrder order) const = 0;

    // The root of a new, empty workspace; refused once the workspace has a company.
    [[nodiscard]] virtual Result<OrgNode> createCompany(const QString &name, const QString &reason) = 0;
    [[nodiscard]] virtual Result<OrgNode> createGroup(NodeId parentId, NodeKind kind, const QString &name,
                                                      const QString &reason) = 0;
    [[nodiscard]] virtual Result<OrgNode> rename(NodeId id, const QString &newName, const QString &reason) = 0;
    [[nodiscard]] virtual Result<OrgNode> move(NodeId id, NodeId newParentId, const QString &reason) = 0;
    [[nodiscard]] virtual Result<OrgNode> archive(NodeId id, const QString &reason) = 0;

    // A new spec for an agent: saved as the new head, or proposed when the agent is critical.
    [[nodiscard]] virtual Result<AgentService::VersionChange>
    changeSpec(NodeId agentId, int baseVersion, const QString &spec, const QString &reason) = 0;
    [[nodiscard]] virtual Result<AgentService::VersionChange> rollback(NodeId agentId, int toVersion, int baseVersion,
                                                                       const QString &reason) = 0;
    [[nodiscard]] virtual Result<AgentVersion> approveProposal(ProposalId id, const QString &reason) = 0;
    [[nodiscard]] virtual Result<VersionProposal> rejectProposal(ProposalId id, const QString &reason) = 0;
    // Writes a signed bundle with the workspace's signing key (created on first use at
    // SigningKey::defaultPathFor).
    [[nodiscard]] virtual Result<BundleManifest> exportBundle(const QString &path, const BundleScope &scope,
                                                              const QString &reason) = 0;

    // The approval inbox (see ApprovalService for the rules). What the caller may decide and
    // see follows its grants; "the caller" is actor().
    [[nodiscard]] virtual Result<ApprovalPage> approvals(const ApprovalFilter &filter) const = 0;
    [[nodiscard]] virtual Result<ApprovalDetail> approval(ApprovalId id) const = 0;
    [[nodiscard]] virtual Result<ApprovalCounts> approvalCounts() const = 0;
    // Earlier decisions on an agent's approvals, newest first.
    [[nodiscard]] virtual Result<QList<ApprovalDecision>> agentDecisions(NodeId agentId, int limit) const = 0;
    // Approve, reject or edit-then-approve; the approval as it is after the decision. A
    // decision on a revision that is no longer current is refused (Conflict).
    [[nodiscard]] virtual Result<Approval> decideApproval(ApprovalId id, const ApprovalDecisionRequest &decision) = 0;
    [[nodiscard]] virtual Result<EffectivePolicy> approvalPolicy(NodeId nodeId) const = 0;
    // Sets the node's own policy, or with nothing removes it so that the node inherits again.
    [[nodiscard]] virtual Result<EffectivePolicy>
    setApprovalPolicy(NodeId nodeId, const std::optional<ApprovalPolicy> &policy, const QString &reason) = 0;
    // Reviewer analytics of the node's subtree over [from, to): decisions per reviewer and per
    // agent, time to decision, rates (see ApprovalAnalyticsService); only agents the
    // workspace's user may see count.
    [[nodiscard]] virtual Result<ApprovalAnalytics> approvalAnalytics(NodeId nodeId, const QDateTime &from,
                                                                      const QDateTime &to) const = 0;

    // Asks for a run of the agent now, its runner handed `payload`; the reason is required.
    // Gives the request as stored: a local workspace decides it at once (started, or refused or
    // skipped with the reason), a server's runtime shortly after (pending until then).
    [[nodiscard]] virtual Result<RunRequestEntry> runNow(NodeId agentId, const QJsonObject &payload,
                                                         const QString &reason) = 0;
    // The agent's latest run requests, newest first, with their state and reason: how skipped
    // and refused schedule fires and events become visible.
    [[nodiscard]] virtual Result<QList<RunRequestEntry>> runRequests(NodeId agentId, int limit) const = 0;
    // Pauses (Paused) or resumes (Active) an agent, with a reason, as AgentService::setStatus
    // does; the agent as it now is. Emits agentChanged.
    [[nodiscard]] virtual Result<Agent> setAgentStatus(NodeId agentId, AgentStatus status, const QString &reason) = 0;

Q_SIGNALS:
    void nodeAdded(const steward::OrgNode &node);
    // A rename: same parent, new name and path (its place among its siblings may change).
    void nodeRenamed(const steward::OrgNode &node);
    void nodeMoved(const steward::OrgNode &node, steward::NodeId oldParentId);
    // The node (and everything below it) left the tree.
    void nodeArchived(const steward::OrgNode &node);
    // An agent's versions or proposals changed (a save, a proposal, a decision).
    void agentChanged(steward::NodeId agentId);
    // Something was appended to the audit log.
    void auditAppended();
    // An approval was submitted, decided, edited, escalated, expired or executed.
    void approvalChanged(steward::ApprovalId id);
    // Activity events were stored, by this process or another (agents, stewardctl, the
    // server's ingest), oldest first; only those the workspace's user may see. Watching starts
    // when the first receiver connects, so a workspace nobody watches pays nothing for it.
    void activityAppended(const QList<steward::ActivityEvent> &events);
};

} // namespace steward
