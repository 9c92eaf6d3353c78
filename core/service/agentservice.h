// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/agentspec.h"
#include "domain/result.h"
#include "storage/proposalrepository.h"
#include "storage/streamrepository.h"
#include "storage/versionrepository.h"

#include <optional>

namespace steward {

class Clock;
class OrgService;
class Store;
class Transaction;

// The rules for agents and their versions:
// - an agent is created with its first spec version; specs are validated and stored in their
//   canonical text, and the agent's criticality is the one its head spec declares;
// - every later change names the version it was based on; a stale base is refused rather than
//   silently overwriting someone else's change;
// - a change to a critical agent is a proposal until a second person approves it;
// - a rollback is a new version with an old version's content.
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
        Criticality criticality = Criticality::Standard; // must match the spec's
        QString spec;
    };

    // What a change became: a new version, or (for a critical agent) a pending proposal.
    struct VersionChange
    {
        std::optional<AgentVersion> saved;
        std::optional<VersionProposal> proposed;
    };

    [[nodiscard]] Result<OrgNode> createAgent(const NewAgent &agent, const QString &actor, const QString &reason);

    // Saves the change as the new head, or proposes it when the agent is critical.
    [[nodiscard]] Result<VersionChange> change(NodeId agentId, int baseVersion, const QString &spec,
                                               const QString &actor, const QString &reason);
    // Makes a new version with the content of `toVersion` (through a proposal when critical).
    [[nodiscard]] Result<VersionChange> rollback(NodeId agentId, int toVersion, int baseVersion, const QString &actor,
                                                 const QString &reason);
    // Saves directly; refused for critical agents, whose changes need a proposal.
    [[nodiscard]] Result<AgentVersion> saveVersion(NodeId agentId, int baseVersion, const QString &spec,
                                                   const QString &actor, const QString &reason);
    [[nodiscard]] Result<VersionProposal> proposeVersion(NodeId agentId, int baseVersion, const QString &spec,
                                                         const QString &actor, const QString &reason);
    // The approver must not be the proposal's author, and the proposal's base must still be
    // the head. The new version keeps the proposal's author and reason and names the approver.
    [[nodiscard]] Result<AgentVersion> approveProposal(ProposalId id, const QString &approver, const QString &reason);
    [[nodiscard]] Result<VersionProposal> rejectProposal(ProposalId id, const QString &reviewer, const QString &reason);

    // Pauses (Paused) or resumes (Active) an agent; a paused agent is not started by its
    // triggers. A reason is required and the change is audited as agent.pause or agent.resume.
    // Retired is final: a retired agent keeps its status, and retiring is not done here.
    [[nodiscard]] Result<Agent> setStatus(NodeId agentId, AgentStatus status, const QString &actor,
                                          const QString &reason);

    [[nodiscard]] const VersionRepository &versions() const { return m_versions; }
    [[nodiscard]] const ProposalRepository &proposals() const { return m_proposals; }

private:
    struct CheckedChange
    {
        OrgNode node;
        Agent agent;
        AgentSpec spec;
        QString canonical;
    };
    // The checks every change shares: a reason, a valid spec that differs from the head, and a
    // base that is still the head.
    [[nodiscard]] Result<CheckedChange> checkChange(NodeId agentId, int baseVersion, const QString &spec,
                                                    const QString &reason) const;
    // The proposal, if it is still waiting for a decision.
    [[nodiscard]] Result<VersionProposal> pendingProposal(ProposalId id) const;
    [[nodiscard]] Result<AgentVersion> insertVersion(NodeId agentId, int number, const CheckedChange &change,
                                                     const QString &author, const QString &reason,
                                                     const QString &approvedBy);
    // Every change of an agent ends here: its rows in the change stream, then the commit.
    [[nodiscard]] Status commitChange(Transaction &transaction, const QList<StreamItem> &items);
    // A change stream row about the agent, stamped now.
    [[nodiscard]] StreamItem streamItem(StreamItemType type, NodeId agentId, qint64 subjectId) const;

    const Store &m_store;
    const Clock &m_clock;
    OrgService &m_org;
    VersionRepository m_versions;
    ProposalRepository m_proposals;
    StreamRepository m_stream;
};

} // namespace steward
