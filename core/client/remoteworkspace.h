// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/apiclient.h"
#include "client/streamclient.h"
#include "domain/principal.h"
#include "service/workspace.h"

#include <QHash>

#include <memory>

namespace steward {

// A workspace on a shared stewardd: every read and change is a request to its API (as the
// principal its token belongs to, who is the actor of every change and sees only what the
// server shows it), and the Workspace signals come from the server's live stream, so the
// changes other people make announce themselves like one's own.
//
// Calls block (see ApiClient); the signals arrive on the thread the workspace lives on.
class RemoteWorkspace final : public Workspace
{
    Q_OBJECT

public:
    // Live: follow the server's stream and emit the Workspace signals for every change, also
    // the changes of others. Requests: only requests, for one-shot tools such as stewardctl;
    // the signals still come for the workspace's own changes.
    enum class Updates { Live, Requests };

    // Signs in (GET /api/v1/me) and, for Live, starts following the stream.
    [[nodiscard]] static Result<std::unique_ptr<RemoteWorkspace>> open(ServerConnection connection,
                                                                       Updates updates = Updates::Live);
    ~RemoteWorkspace() override;

    // The server's URL.
    [[nodiscard]] QString location() const override;
    // The name of the principal the token belongs to.
    [[nodiscard]] QString actor() const override { return m_principal.name; }
    // A server workspace is never an auditor's bundle; what a principal may change is the
    // server's decision, and a refusal comes back as a Forbidden error.
    [[nodiscard]] bool isReadOnly() const override { return false; }

    [[nodiscard]] const Principal &principal() const { return m_principal; }
    // The principal's roles, as the server reported them when the workspace was opened.
    [[nodiscard]] const QList<Grant> &grants() const { return m_grants; }
    [[nodiscard]] bool isConnected() const { return m_stream && m_stream->isConnected(); }
    [[nodiscard]] const ApiClient &api() const { return m_api; }

    [[nodiscard]] Result<OrgNode> root() const override;
    [[nodiscard]] Result<QList<OrgNode>> children(NodeId parentId) const override;
    [[nodiscard]] Result<OrgNode> node(NodeId id) const override;
    [[nodiscard]] Result<Agent> agent(NodeId id) const override;
    [[nodiscard]] Result<AgentVersion> version(NodeId agentId, int number) const override;
    [[nodiscard]] Result<QList<Run>> recentRuns(NodeId agentId, int limit) const override;
    // The newest audit entries about the node at `path` and what is below it (the server
    // filters by path prefix), if the principal may read the audit log there.
    [[nodiscard]] Result<QList<AuditEntry>> recentChanges(const QString &path, int limit) const override;
    [[nodiscard]] Result<QList<AgentVersion>> history(NodeId agentId) const override;
    [[nodiscard]] Result<QList<VersionProposal>> pendingProposals(NodeId agentId) const override;
    [[nodiscard]] Result<QList<AuditEntry>> auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                         int limit) const override;
    // The server checks its own chain (GET /api/v1/audit/verify).
    [[nodiscard]] Result<AuditVerification> verifyAudit() const override;
    [[nodiscard]] Result<ActivityPage> searchActivity(const QString &query, EventId before, int limit) const override;
    // GET /api/v1/runs/{id}/events, if the principal may see the run's agent.
    [[nodiscard]] Result<QList<ActivityEvent>> runEvents(RunId runId) const override;
    // GET /api/v1/nodes/{id}/reliability and .../reliability/agents: the server counts only
    // the agents the principal may see.
    [[nodiscard]] Result<ReliabilitySeries> reliability(NodeId nodeId, const ReliabilityQuery &query) const override;
    [[nodiscard]] Result<QList<AgentReliability>> reliabilityRanking(NodeId nodeId, const QDateTime &from,
                                                                     const QDateTime &to, ReliabilityMeasure sortBy,
                                                                     Qt::SortOrder order) const override;

    // Refused: grants hang on the tree, so the company is made with stewardctl on the server's
    // database before anyone can be allowed to do anything.
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
    // Downloads the bundle the server exports and signs with its own key (GET /api/v1/export)
    // to `path`, and its manifest beside it, as a local export writes them.
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
    // POST /api/v1/agents/{id}/run: the request as the server stored it (pending, or already
    // decided when its runtime took it at once).
    [[nodiscard]] Result<RunRequestEntry> runNow(NodeId agentId, const QJsonObject &payload,
                                                 const QString &reason) override;
    [[nodiscard]] Result<QList<RunRequestEntry>> runRequests(NodeId agentId, int limit) const override;
    // GET /api/v1/nodes/{id}/approval-analytics: the server counts only what the user may see.
    [[nodiscard]] Result<ApprovalAnalytics> approvalAnalytics(NodeId nodeId, const QDateTime &from,
                                                              const QDateTime &to) const override;
    // Waits up to `waitSeconds` (the server allows 60) for a pending approval to be decided
    // (GET /api/v1/approvals/{id}?wait=); the approval as it then is.
    [[nodiscard]] Result<ApprovalDetail> waitForApproval(ApprovalId id, int waitSeconds) const;
    [[nodiscard]] Result<Agent> setAgentStatus(NodeId agentId, AgentStatus status, const QString &reason) override;

Q_SIGNALS:
    // The live stream connected, or dropped for the reason `why` (it reconnects by itself).
    void connectionChanged(bool connected, const QString &why);
    // The next attempt to reconnect the stream is in `delayMs`.
    void reconnectScheduled(int delayMs);
    // Every item of the live stream, also those no Workspace signal covers (events, runs).
    void itemReceived(qint64 seq, steward::StreamItemType type, const QJsonObject &data);

private:
    explicit RemoteWorkspace(ServerConnection connection);

    // Reads who the token belongs to (GET /api/v1/me).
    [[nodiscard]] Status signIn();
    void follow();
    void onItem(StreamItemType type, const QJsonObject &data);
    // Keeps an event from the stream for the next activityAppended.
    void queueActivity(ActivityEvent event);
    // Compares a node with its last known state and emits what changed; true when something did.
    bool noteNode(const OrgNode &node);
    // Records the state of a node this workspace changed itself and announced at once.
    void announced(const OrgNode &node);
    // True when a node item brings back a state this workspace announced itself: the item is
    // its own change coming back, or an earlier state that the change has since replaced.
    bool isEcho(const OrgNode &node);
    // Records a node as the workspace has seen it, for noteNode's comparison.
    void remember(const OrgNode &node) const;
    // Records an agent's new head or a proposal's state; true when it is news.
    bool noteHead(NodeId agentId, int version);
    bool noteProposal(const VersionProposal &proposal);
    // Records an agent's status (paused, resumed); true when it is news.
    bool noteStatus(NodeId agentId, AgentStatus status);
    [[nodiscard]] Result<AgentService::VersionChange> versionChange(const Result<QJsonValue> &answer, NodeId agentId);

    ApiClient m_api;
    Principal m_principal;
    QList<Grant> m_grants;
    std::unique_ptr<StreamClient> m_stream;
    // The last state of each node read or announced, keyed by id: a node item carries the
    // node as it is now, and what changed is found by comparing. Reads fill it in too, hence
    // mutable.
    mutable QHash<NodeId, OrgNode> m_nodes;
    // The states of its own changes, oldest first, per node. The server encodes a node item
    // when it sends it, so an item may carry a state older than the workspace's own last
    // change (a rename's item arriving after a second rename); comparing it with m_nodes would
    // announce a change back to the old name.
    QHash<NodeId, QList<OrgNode>> m_echoes;
    QHash<NodeId, int> m_heads; // the newest head version announced per agent
    QHash<ProposalId, VersionProposal::State> m_proposals; // the last announced state
    // The last status per agent read or announced; reads fill it in too, hence mutable.
    mutable QHash<NodeId, AgentStatus> m_statuses;
    QList<ActivityEvent> m_arrivedEvents; // from the stream, not yet announced
};

} // namespace steward
