// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localworkspace.h"

#include <QDir>

namespace steward {

LocalWorkspace::LocalWorkspace(std::unique_ptr<Store> store, QString actor, QObject *parent)
    : Workspace(parent),
      m_store(std::move(store)),
      m_actor(std::move(actor)),
      m_org(*m_store, m_clock),
      m_agents(*m_store, m_clock, m_org),
      m_activity(*m_store),
      m_audit(*m_store)
{
}

LocalWorkspace::~LocalWorkspace() = default;

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

Result<OrgNode> LocalWorkspace::createCompany(const QString &name, const QString &reason)
{
    Result<OrgNode> created = m_org.createCompany(name, m_actor, reason);
    if (created) {
        Q_EMIT nodeAdded(created.value());
    }
    return created;
}

Result<OrgNode> LocalWorkspace::createGroup(NodeId parentId, NodeKind kind, const QString &name, const QString &reason)
{
    Result<OrgNode> created = m_org.createGroup(parentId, kind, name, m_actor, reason);
    if (created) {
        Q_EMIT nodeAdded(created.value());
    }
    return created;
}

Result<OrgNode> LocalWorkspace::rename(NodeId id, const QString &newName, const QString &reason)
{
    Result<OrgNode> renamed = m_org.rename(id, newName, m_actor, reason);
    if (renamed) {
        Q_EMIT nodeRenamed(renamed.value());
    }
    return renamed;
}

Result<OrgNode> LocalWorkspace::move(NodeId id, NodeId newParentId, const QString &reason)
{
    const Result<OrgNode> before = m_org.tree().node(id);
    Result<OrgNode> moved = m_org.move(id, newParentId, m_actor, reason);
    if (moved && before) {
        Q_EMIT nodeMoved(moved.value(), before->parentId);
    }
    return moved;
}

Result<OrgNode> LocalWorkspace::archive(NodeId id, const QString &reason)
{
    Result<OrgNode> archived = m_org.archive(id, m_actor, reason);
    if (archived) {
        Q_EMIT nodeArchived(archived.value());
    }
    return archived;
}

} // namespace steward
