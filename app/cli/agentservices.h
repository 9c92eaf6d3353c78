// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QHash>
#include <QJsonObject>

#include <memory>

namespace steward {

// What the agent and proposal commands share: the core services over one opened store (the
// same rules as the desktop app), for what a Workspace does not do (creating an agent), and how
// proposals print.
class AgentServices final
{
public:
    explicit AgentServices(std::unique_ptr<Store> store);
    Q_DISABLE_COPY_MOVE(AgentServices)

    [[nodiscard]] const TreeRepository &tree() const { return m_org.tree(); }
    [[nodiscard]] AgentService &agents() { return m_agents; }

    [[nodiscard]] static QJsonObject toJson(const VersionProposal &proposal, const QString &agentPath);
    // A table of proposals; with an AGENT column when `paths` (agent id to path) is not empty.
    [[nodiscard]] static QString table(const QList<VersionProposal> &proposals, const QHash<NodeId, QString> &paths);

private:
    // Declared in dependency order: the store outlives the services that use it.
    std::unique_ptr<Store> m_store;
    SystemClock m_clock;
    OrgService m_org;
    AgentService m_agents;
};

} // namespace steward
