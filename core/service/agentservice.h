// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/result.h"
#include "storage/versionrepository.h"

namespace steward {

class Clock;
class OrgService;
class Store;

// The rules for agents and their versions: an agent is created with its first spec version;
// every later version names the version it was based on, and a stale base is refused rather
// than silently overwriting someone else's change.
class AgentService final
{
public:
    AgentService(const Store &store, const Clock &clock, OrgService &org);

    struct NewAgent
    {
        NodeId parentId = NoNode;
        QString name;
        QString owner;
        Visibility visibility = Visibility::Team;
        Criticality criticality = Criticality::Standard;
        QString spec;
    };

    [[nodiscard]] Result<OrgNode> createAgent(const NewAgent &agent, const QString &actor, const QString &reason);
    [[nodiscard]] Result<AgentVersion> saveVersion(NodeId agentId, int baseVersion, const QString &spec,
                                                   const QString &actor, const QString &reason);

    [[nodiscard]] const VersionRepository &versions() const { return m_versions; }

private:
    [[nodiscard]] Result<AgentVersion> insertVersion(NodeId agentId, int number, const QString &spec,
                                                     const QString &author, const QString &reason);

    const Store &m_store;
    const Clock &m_clock;
    OrgService &m_org;
    VersionRepository m_versions;
};

} // namespace steward
