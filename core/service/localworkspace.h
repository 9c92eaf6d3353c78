// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "service/workspace.h"
#include "storage/activityrepository.h"
#include "storage/auditrepository.h"
#include "storage/store.h"

#include <memory>

namespace steward {

// A workspace kept in a local SQLite file: the embedded default, no server needed.
class LocalWorkspace final : public Workspace
{
    Q_OBJECT

public:
    LocalWorkspace(std::unique_ptr<Store> store, QString actor, QObject *parent = nullptr);
    ~LocalWorkspace() override;

    // The person at the keyboard: the login name of the user running the program.
    [[nodiscard]] static QString defaultActor();

    [[nodiscard]] QString location() const override;
    [[nodiscard]] QString actor() const override { return m_actor; }

    [[nodiscard]] Result<OrgNode> root() const override;
    [[nodiscard]] Result<QList<OrgNode>> children(NodeId parentId) const override;
    [[nodiscard]] Result<OrgNode> node(NodeId id) const override;
    [[nodiscard]] Result<Agent> agent(NodeId id) const override;
    [[nodiscard]] Result<AgentVersion> version(NodeId agentId, int number) const override;
    [[nodiscard]] Result<QList<Run>> recentRuns(NodeId agentId, int limit) const override;
    [[nodiscard]] Result<QList<AuditEntry>> recentChanges(const QString &path, int limit) const override;

    [[nodiscard]] Result<OrgNode> createCompany(const QString &name, const QString &reason) override;
    [[nodiscard]] Result<OrgNode> createGroup(NodeId parentId, NodeKind kind, const QString &name,
                                              const QString &reason) override;
    [[nodiscard]] Result<OrgNode> rename(NodeId id, const QString &newName, const QString &reason) override;
    [[nodiscard]] Result<OrgNode> move(NodeId id, NodeId newParentId, const QString &reason) override;
    [[nodiscard]] Result<OrgNode> archive(NodeId id, const QString &reason) override;

    [[nodiscard]] Store &store() { return *m_store; }

private:
    // Declared in dependency order: the store outlives everything that queries it.
    std::unique_ptr<Store> m_store;
    QString m_actor;
    SystemClock m_clock;
    OrgService m_org;
    AgentService m_agents;
    ActivityRepository m_activity;
    AuditRepository m_audit;
};

} // namespace steward
