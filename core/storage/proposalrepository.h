// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/result.h"

#include <QList>

namespace steward {

class Store;

// Proposed changes to critical agents and the decisions on them.
class ProposalRepository final
{
public:
    explicit ProposalRepository(const Store &store) : m_store(store) { }

    [[nodiscard]] Result<ProposalId> insert(const VersionProposal &proposal);
    [[nodiscard]] Result<VersionProposal> proposal(ProposalId id) const;
    // Pending proposals, oldest first; for one agent, or all when agentId is NoNode.
    [[nodiscard]] Result<QList<VersionProposal>> pending(NodeId agentId) const;
    [[nodiscard]] Status recordDecision(const VersionProposal &decided);

    [[nodiscard]] static QString stateText(VersionProposal::State state);

private:
    const Store &m_store;
};

} // namespace steward
