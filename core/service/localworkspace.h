// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"
#include "runtime/runnerfactory.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "service/workspace.h"
#include "storage/activityrepository.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "storage/streamlistener.h"
#include "storage/streamrepository.h"

#include <memory>

namespace steward {

// A workspace kept in a local SQLite file: the embedded default, no server needed.
class LocalWorkspace final : public Workspace
{
    Q_OBJECT

public:
    LocalWorkspace(std::unique_ptr<Store> store, QString actor, QObject *parent = nullptr);
    // Opens an auditor's bundle read-only (see AuditBundle). Verify it with AuditBundle::verify.
    [[nodiscard]] static Result<std::unique_ptr<LocalWorkspace>> openBundle(const QString &path, QString actor);
    ~LocalWorkspace() override;

    // The person at the keyboard: the login name of the user running the program.
    [[nodiscard]] static QString defaultActor();

    [[nodiscard]] QString location() const override;
    [[nodiscard]] QString actor() const override { return m_actor; }
    [[nodiscard]] bool isReadOnly() const override { return m_store->isReadOnly(); }

    [[nodiscard]] Result<OrgNode> root() const override;
    [[nodiscard]] Result<QList<OrgNode>> children(NodeId parentId) const override;
    [[nodiscard]] Result<OrgNode> node(NodeId id) const override;
    [[nodiscard]] Result<Agent> agent(NodeId id) const override;
    [[nodiscard]] Result<AgentVersion> version(NodeId agentId, int number) const override;
    [[nodiscard]] Result<QList<Run>> recentRuns(NodeId agentId, int limit) const override;
    [[nodiscard]] Result<QList<AuditEntry>> recentChanges(const QString &path, int limit) const override;
    [[nodiscard]] Result<QList<AgentVersion>> history(NodeId agentId) const override;
    [[nodiscard]] Result<QList<VersionProposal>> pendingProposals(NodeId agentId) const override;
    [[nodiscard]] Result<QList<AuditEntry>> auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                         int limit) const override;
    [[nodiscard]] Result<AuditVerification> verifyAudit() const override;
    // The owner of a workspace file sees all of its activity.
    [[nodiscard]] Result<ActivityPage> searchActivity(const QString &query, EventId before, int limit) const override;
    [[nodiscard]] Result<QList<ActivityEvent>> runEvents(RunId runId) const override;
    // The owner of a local file sees every agent.
    [[nodiscard]] Result<ReliabilitySeries> reliability(NodeId nodeId, const ReliabilityQuery &query) const override;
    [[nodiscard]] Result<QList<AgentReliability>> reliabilityRanking(NodeId nodeId, const QDateTime &from,
                                                                     const QDateTime &to, ReliabilityMeasure sortBy,
                                                                     Qt::SortOrder order) const override;

    [[nodiscard]] Result<OrgNode> createCompany(const QString &name, const QString &reason) override;
    [[nodiscard]] Result<OrgNode> createGroup(NodeId parentId, NodeKind kind, const QString &name,
                                              const QString &reason) override;
    [[nodiscard]] Result<OrgNode> rename(NodeId id, const QString &newName, const QString &reason) override;
    [[nodiscard]] Result<OrgNode> move(NodeId id, NodeId newParentId, const QString &reason) override;
    [[nodiscard]] Result<OrgNode> archive(NodeId id, const QString &reason) override;
    [[nodiscard]] Result<AgentService::VersionChange> changeSpec(NodeId agentId, int baseVersion, const QString &spec,
                                                                 const QString &reason) override;
    [[nodiscard]] Result<AgentService::VersionChange> rollback(NodeId agentId, int toVersion, int baseVersion,
                                                               const QString &reason) override;
    [[nodiscard]] Result<AgentVersion> approveProposal(ProposalId id, const QString &reason) override;
    [[nodiscard]] Result<VersionProposal> rejectProposal(ProposalId id, const QString &reason) override;
    [[nodiscard]] Result<BundleManifest> exportBundle(const QString &path, const BundleScope &scope,
                                                      const QString &reason) override;

    [[nodiscard]] Result<ApprovalPage> approvals(const ApprovalFilter &filter) const override;
    [[nodiscard]] Result<ApprovalDetail> approval(ApprovalId id) const override;
    [[nodiscard]] Result<ApprovalCounts> approvalCounts() const override;
    [[nodiscard]] Result<QList<ApprovalDecision>> agentDecisions(NodeId agentId, int limit) const override;
    [[nodiscard]] Result<Approval> decideApproval(ApprovalId id, const ApprovalDecisionRequest &decision) override;
    [[nodiscard]] Result<EffectivePolicy> approvalPolicy(NodeId nodeId) const override;
    [[nodiscard]] Result<EffectivePolicy> setApprovalPolicy(NodeId nodeId, const std::optional<ApprovalPolicy> &policy,
                                                            const QString &reason) override;
    // Inserts the request and dispatches it in this process (RunDispatcher), so that Run now
    // works on a store file without a server. The runs it starts run while the workspace is
    // open; closing it ends them as interrupted.
    [[nodiscard]] Result<RunRequestEntry> runNow(NodeId agentId, const QJsonObject &payload,
                                                 const QString &reason) override;
    [[nodiscard]] Result<QList<RunRequestEntry>> runRequests(NodeId agentId, int limit) const override;
    [[nodiscard]] Result<ApprovalAnalytics> approvalAnalytics(NodeId nodeId, const QDateTime &from,
                                                              const QDateTime &to) const override;
    [[nodiscard]] Result<Agent> setAgentStatus(NodeId agentId, AgentStatus status, const QString &reason) override;
    // Expires and escalates what is due now (a local store has no server to do it); emits
    // approvalChanged for each.
    [[nodiscard]] Result<QList<ApprovalId>> sweepApprovals();
    // The runner kinds this workspace's runs may use (command and http from the start);
    // register more before the first runNow.
    [[nodiscard]] RunnerFactory &runners() { return m_runners; }

    [[nodiscard]] Store &store() { return *m_store; }

protected:
    // The first receiver of activityAppended starts the watch on the change stream.
    void connectNotify(const QMetaMethod &signal) override;

private:
    // Follows the change stream from its present end: other processes (agents, stewardctl)
    // write events into the same store, and only the stream tells this one about them.
    void followActivity();
    // Reads the stream rows after the last one seen and announces their events.
    void readActivity();
    // Refuses a change when the workspace is an auditor's read-only bundle.
    [[nodiscard]] Status requireWritable() const;
    // Emits agentChanged and auditAppended for a successful change of an agent.
    void announceAgentChange(NodeId agentId);

    // Declared in dependency order: the store outlives everything that queries it.
    std::unique_ptr<Store> m_store;
    QString m_actor;
    SystemClock m_clock;
    OrgService m_org;
    AgentService m_agents;
    ActivityRepository m_activity;
    AuditRepository m_audit;
    ApprovalService m_approvals;
    StreamRepository m_stream;
    std::unique_ptr<StreamListener> m_listener; // set once someone watches activity
    RunnerFactory m_runners;
    // Made at the first runNow: a workspace nobody runs agents from keeps no timers.
    struct Runtime;
    std::unique_ptr<Runtime> m_runtime;
    qint64 m_seenSeq = 0; // the last change stream row read for activityAppended
    bool m_readScheduled = false;
};

} // namespace steward
