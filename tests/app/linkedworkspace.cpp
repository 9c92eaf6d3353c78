// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkedworkspace.h"

namespace steward {

LinkedWorkspace::LinkedWorkspace(std::unique_ptr<LocalWorkspace> local, QString url, QString actor)
    : m_local(std::move(local)), m_url(std::move(url)), m_actor(std::move(actor))
{
    connect(m_local.get(), &Workspace::nodeAdded, this, &Workspace::nodeAdded);
    connect(m_local.get(), &Workspace::nodeRenamed, this, &Workspace::nodeRenamed);
    connect(m_local.get(), &Workspace::nodeMoved, this, &Workspace::nodeMoved);
    connect(m_local.get(), &Workspace::nodeArchived, this, &Workspace::nodeArchived);
    connect(m_local.get(), &Workspace::agentChanged, this, &Workspace::agentChanged);
    connect(m_local.get(), &Workspace::auditAppended, this, &Workspace::auditAppended);
}

Result<QList<OrgNode>> LinkedWorkspace::children(NodeId parentId) const
{
    return m_local->children(parentId);
}

Result<AgentVersion> LinkedWorkspace::version(NodeId agentId, int number) const
{
    return m_local->version(agentId, number);
}

Result<QList<Run>> LinkedWorkspace::recentRuns(NodeId agentId, int limit) const
{
    return m_local->recentRuns(agentId, limit);
}

Result<QList<AuditEntry>> LinkedWorkspace::recentChanges(const QString &path, int limit) const
{
    return m_local->recentChanges(path, limit);
}

Result<QList<AgentVersion>> LinkedWorkspace::history(NodeId agentId) const
{
    return m_local->history(agentId);
}

Result<QList<VersionProposal>> LinkedWorkspace::pendingProposals(NodeId agentId) const
{
    return m_local->pendingProposals(agentId);
}

Result<QList<AuditEntry>> LinkedWorkspace::auditEntries(const AuditFilter &filter, qint64 beforeSequence,
                                                        int limit) const
{
    return m_local->auditEntries(filter, beforeSequence, limit);
}

Result<AuditVerification> LinkedWorkspace::verifyAudit() const
{
    ++m_verifyCount;
    return m_local->verifyAudit();
}

Result<OrgNode> LinkedWorkspace::createCompany(const QString &name, const QString &reason)
{
    return m_local->createCompany(name, reason);
}

Result<OrgNode> LinkedWorkspace::createGroup(NodeId parentId, NodeKind kind, const QString &name, const QString &reason)
{
    return m_local->createGroup(parentId, kind, name, reason);
}

Result<OrgNode> LinkedWorkspace::rename(NodeId id, const QString &newName, const QString &reason)
{
    return m_local->rename(id, newName, reason);
}

Result<OrgNode> LinkedWorkspace::move(NodeId id, NodeId newParentId, const QString &reason)
{
    return m_local->move(id, newParentId, reason);
}

Result<OrgNode> LinkedWorkspace::archive(NodeId id, const QString &reason)
{
    return m_local->archive(id, reason);
}

Result<AgentService::VersionChange> LinkedWorkspace::changeSpec(NodeId agentId, int baseVersion, const QString &spec,
                                                                const QString &reason)
{
    return m_local->changeSpec(agentId, baseVersion, spec, reason);
}

Result<AgentService::VersionChange> LinkedWorkspace::rollback(NodeId agentId, int toVersion, int baseVersion,
                                                              const QString &reason)
{
    return m_local->rollback(agentId, toVersion, baseVersion, reason);
}

Result<AgentVersion> LinkedWorkspace::approveProposal(ProposalId id, const QString &reason)
{
    return m_local->approveProposal(id, reason);
}

Result<VersionProposal> LinkedWorkspace::rejectProposal(ProposalId id, const QString &reason)
{
    return m_local->rejectProposal(id, reason);
}

Result<BundleManifest> LinkedWorkspace::exportBundle(const QString &path, const BundleScope &scope,
                                                     const QString &reason)
{
    return m_local->exportBundle(path, scope, reason);
}

} // namespace steward
