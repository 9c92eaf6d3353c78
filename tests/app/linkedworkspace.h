// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/localworkspace.h"

#include <memory>

namespace steward {

// A real workspace file presented as a server's: every call and signal goes to and from the
// LocalWorkspace inside, location() is a server URL, and the test says when the live link
// goes down or comes back, through the signal a server's workspace announces it with. For the
// window's server mode until the backend client's RemoteWorkspace can take its place.
class LinkedWorkspace final : public Workspace
{
    Q_OBJECT

public:
    LinkedWorkspace(std::unique_ptr<LocalWorkspace> local, QString url, QString actor);

    [[nodiscard]] QString location() const override { return m_url; }
    [[nodiscard]] QString actor() const override { return m_actor; }
    [[nodiscard]] bool isReadOnly() const override { return false; }

    [[nodiscard]] Result<OrgNode> root() const override { return m_local->root(); }
    [[nodiscard]] Result<QList<OrgNode>> children(NodeId parentId) const override;
    [[nodiscard]] Result<OrgNode> node(NodeId id) const override { return m_local->node(id); }
    [[nodiscard]] Result<Agent> agent(NodeId id) const override { return m_local->agent(id); }
    [[nodiscard]] Result<AgentVersion> version(NodeId agentId, int number) const override;
    [[nodiscard]] Result<QList<Run>> recentRuns(NodeId agentId, int limit) const override;
    [[nodiscard]] Result<QList<AuditEntry>> recentChanges(const QString &path, int limit) const override;
    [[nodiscard]] Result<QList<AgentVersion>> history(NodeId agentId) const override;
    [[nodiscard]] Result<QList<VersionProposal>> pendingProposals(NodeId agentId) const override;
    [[nodiscard]] Result<QList<AuditEntry>> auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                         int limit) const override;
    [[nodiscard]] Result<AuditVerification> verifyAudit() const override;

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

    // How many times the window asked for the audit chain to be verified.
    [[nodiscard]] int verifyCount() const { return m_verifyCount; }

Q_SIGNALS:
    void connectionChanged(bool connected, const QString &why);

private:
    std::unique_ptr<LocalWorkspace> m_local;
    QString m_url;
    QString m_actor;
    mutable int m_verifyCount = 0;
};

} // namespace steward
