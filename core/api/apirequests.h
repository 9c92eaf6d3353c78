// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"
#include "domain/enums.h"
#include "domain/orgnode.h"

#include <QJsonObject>

#include <QString>

#include <optional>

// The bodies of the HTTP API's change requests: what a client writes and the server reads
// (through jsoncodec.h, which checks their shape; the services check their meaning).
namespace steward {

// Creating a node: a department, a team or an agent below `parentId`, or the company (no parent).
struct NodeCreateRequest
{
    NodeKind kind = NodeKind::Team;
    NodeId parentId = NoNode; // NoNode only for the company
    QString name;
    QString reason;
    // Agents only: what AgentService::createAgent takes besides the place and the name.
    QString owner;
    Visibility visibility = Visibility::Team;
    Criticality criticality = Criticality::Standard;
    QString spec;

    friend bool operator==(const NodeCreateRequest &, const NodeCreateRequest &) = default;
};

// Changing a node: a rename, a move, or both at once.
struct NodePatchRequest
{
    std::optional<QString> name;
    std::optional<NodeId> parentId;
    QString reason;

    friend bool operator==(const NodePatchRequest &, const NodePatchRequest &) = default;
};

// Saving an agent's version: a new spec, based on the version the author last saw.
struct VersionSaveRequest
{
    int baseVersion = 0;
    QString spec;
    QString reason;

    friend bool operator==(const VersionSaveRequest &, const VersionSaveRequest &) = default;
};

// Approving or rejecting a proposal or an approval: who decides comes from the credentials.
struct DecisionRequest
{
    QString reason;

    friend bool operator==(const DecisionRequest &, const DecisionRequest &) = default;
};

// Rolling an agent back: a new version with `toVersion`'s content, based on `baseVersion`.
struct RollbackRequest
{
    int toVersion = 0;
    int baseVersion = 0;
    QString reason;

    friend bool operator==(const RollbackRequest &, const RollbackRequest &) = default;
};

// Adding a person or an agent identity.
struct PrincipalCreateRequest
{
    QString name;
    QString displayName;
    PrincipalKind kind = PrincipalKind::User;
    QString reason;

    friend bool operator==(const PrincipalCreateRequest &, const PrincipalCreateRequest &) = default;
};

// Granting or revoking a role on the subtree at `path`; the principal is named by the URL.
struct GrantRequest
{
    Role role = Role::Reviewer;
    QString path;
    QString reason;

    friend bool operator==(const GrantRequest &, const GrantRequest &) = default;
};

// Creating a bearer token; the principal is named by the URL.
struct TokenCreateRequest
{
    QString tokenName;
    QString reason;

    friend bool operator==(const TokenCreateRequest &, const TokenCreateRequest &) = default;
};

// Setting a node's approval policy, or with no policy (null) removing it so the node inherits.
struct ApprovalPolicyRequest
{
    std::optional<ApprovalPolicy> policy;
    QString reason;
};

// Running an agent now (POST /api/v1/agents/{id}/run): the payload its runner is handed, and
// why.
struct RunNowRequest
{
    QJsonObject payload;
    QString reason;

    friend bool operator==(const RunNowRequest &, const RunNowRequest &) = default;
};

// Pausing ("paused") or resuming ("active") an agent; AgentService refuses "retired".
struct AgentStatusRequest
{
    AgentStatus status = AgentStatus::Active;
    QString reason;

    friend bool operator==(const AgentStatusRequest &, const AgentStatusRequest &) = default;
};

} // namespace steward
