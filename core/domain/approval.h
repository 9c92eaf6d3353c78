// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activity.h"
#include "agent.h"
#include "enums.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace steward {

using ApprovalId = qint64;

// One reviewer's verdict on an approval.
struct ApprovalDecision
{
    ApprovalId approvalId = 0;
    QString reviewer;
    QDateTime decidedAt;
    QString verdict; // "approve", "reject", "edit" (an edit approves the edited payload)
    QString comment; // the reviewer's reason
    QString editedPayload;
    int revision = 0; // the revision the reviewer saw
    // For an edit: the unified diff from the payload the reviewer saw to the edited one.
    QString editDiff;
};

// A proposed output or action from a run, waiting for people to decide.
struct Approval
{
    ApprovalId id = 0;
    NodeId agentId = NoNode;
    RunId runId = 0;
    int version = 0;
    QString title;
    QString payload; // what a reviewer reads: markdown, an email, a JSON tool call (after any edit)
    QString payloadFormat; // "markdown", "email", "json"
    QJsonObject action; // what executes once approved (e.g. a webhook)
    ApprovalState state = ApprovalState::Pending;
    QJsonObject policy; // the effective policy when it was submitted (ApprovalPolicy::toJson)
    int revision = 1; // bumped by every edit; a decision names the revision it saw
    QDateTime createdAt;
    QDateTime expiresAt; // null: never expires

    // Added with the approval rules (issue 6).
    QString submittedBy; // the principal (an agent identity, or a person locally) that submitted it
    QString originalPayload; // the payload as submitted, kept when an edit replaces `payload`
    // The payload to execute, set when the approval becomes approved; empty before. The
    // executor reads exactly this.
    QString approvedPayload;
    // Reviewers granted on this node or below it (on the way down to the agent) may decide: the
    // node the agent's policy is set on, its parent once escalated. NoNode (no policy set above
    // the agent): every reviewer whose grant covers the agent.
    NodeId reviewerNodeId = NoNode;
    QDateTime escalateAt; // null: never escalates
    QDateTime escalatedAt; // null: not escalated
    QDateTime decidedAt; // when it left the pending state
    QString agentPath; // filled in when read, for lists
};

// How an agent's approvals are decided. A policy is set on any node and holds for every agent
// below it until a node further down sets its own (the nearest one wins, as a whole).
struct ApprovalPolicy
{
    int quorum = 1; // distinct eligible reviewers who must approve
    // For a critical agent, its owner may not approve its outputs.
    bool excludeOwnerForCritical = true;
    qint64 expirySeconds = 0; // 0: a pending approval never expires
    // What expiry means: rejected (state expired) unless explicitly configured to approve.
    bool approveOnExpiry = false;
    qint64 escalateAfterSeconds = 0; // 0: never escalates to the parent node's reviewers

    [[nodiscard]] QJsonObject toJson() const;
    // Strict: unknown keys, wrong types and values out of range are refused with a message.
    [[nodiscard]] static Result<ApprovalPolicy> fromJson(const QJsonObject &object);

    friend bool operator==(const ApprovalPolicy &, const ApprovalPolicy &) = default;
};

// The policy that holds at a node, and where it comes from.
struct EffectivePolicy
{
    ApprovalPolicy policy;
    NodeId definedAt = NoNode; // the node that set it; NoNode: the built-in default
    QString definedAtPath;
    bool ownPolicy = false; // the node asked about set it itself
};

// What an agent asks for.
struct NewApproval
{
    NodeId agentId = NoNode;
    RunId runId = 0; // 0: not from a recorded run
    int version = 0; // the agent version that produced it; 0: the head
    QString title;
    QString payload;
    QString payloadFormat; // "markdown", "email", "json"
    QJsonObject action; // e.g. {"type":"webhook","url":"https://...","secret":"name"}
};

// A reviewer's decision as asked for; the service turns it into an ApprovalDecision.
struct ApprovalDecisionRequest
{
    QString verdict; // "approve", "reject", "edit"
    int revision = 0; // the revision the reviewer saw
    QString reason; // required for reject and edit
    QString editedPayload; // for edit
};

// Which approvals to list. Lists are newest first and paged by id (keyset).
struct ApprovalFilter
{
    std::optional<ApprovalState> state;
    NodeId agentId = NoNode;
    NodeId subtreeId = NoNode; // agents at or below this node
    bool mine = false; // only those the caller may decide now
    QDateTime createdBefore; // age: null for any
    QDateTime createdAfter;
    QDateTime expiresBefore; // null for any
    ApprovalId beforeId = 0; // the cursor: ids below this; 0 for the first page
    int limit = 100;
};

// One page of the inbox. The first page of a list that admits pending items also carries the
// pending version proposals of critical agents (the same filters of agent and subtree): they are
// decided in the same inbox, and there are few of them, so they come whole and not paged.
struct ApprovalPage
{
    QList<Approval> items;
    QList<VersionProposal> proposals;
    ApprovalId nextBeforeId = 0; // 0: this was the last page
};

// An approval with everything a reviewer needs to decide it.
struct ApprovalDetail
{
    Approval approval;
    QList<ApprovalDecision> decisions; // oldest first
    bool mayDecide = false; // the caller may decide it now
};

// The sidebar's numbers.
struct ApprovalCounts
{
    qint64 pendingForMe = 0; // pending and the caller may decide them
    qint64 pendingForMyTeams = 0; // pending on agents below any node the caller holds a role on
};

} // namespace steward
