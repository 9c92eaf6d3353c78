// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "orgnode.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace steward {

// The node that runs: an agent is an org node of kind Agent plus these attributes.
struct Agent
{
    NodeId nodeId = NoNode;
    QString owner; // principal name of the person accountable for it
    Visibility visibility = Visibility::Team;
    Criticality criticality = Criticality::Standard;
    AgentStatus status = AgentStatus::Active;
    int headVersion = 0; // 0 until the first version is saved
};

// One immutable version of an agent's spec. Number 1 has parent 0.
struct AgentVersion
{
    NodeId agentId = NoNode;
    int number = 0;
    int parentNumber = 0;
    QString spec; // canonical, line-oriented text (see AgentSpec)
    QString author;
    QDateTime createdAt;
    QString reason;
    QByteArray contentHash; // SHA-256 of the spec text, hex
    QString approvedBy; // for a critical agent: who approved the change; empty otherwise
};

using ProposalId = qint64;

// A change to a critical agent waiting for a second person. Approving it makes a version.
struct VersionProposal
{
    enum class State { Pending, Approved, Rejected };

    ProposalId id = 0;
    NodeId agentId = NoNode;
    int baseVersion = 0;
    QString spec;
    QString author;
    QDateTime createdAt;
    QString reason;
    State state = State::Pending;
    QString decidedBy;
    QDateTime decidedAt;
    QString decisionReason;
    int resultingVersion = 0;
};

} // namespace steward
