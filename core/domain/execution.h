// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "approval.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace steward {

// Where the execution of one approved action stands (see ExecutionService).
struct Execution
{
    ApprovalId approvalId = 0;
    int attempts = 0; // made so far, counting one under way
    QDateTime nextAttemptAt; // when a retry is due
    QString leaseOwner; // the executor working on it now; empty between attempts
    QDateTime leaseExpiresAt; // after this, another executor may take it over
    int lastStatus = 0; // the last answer's HTTP status, 0 when none came
    QString lastError; // why the last attempt did not succeed, or the success's status line
    QDateTime updatedAt;
};

// An approved approval as the executor sees it: the action to perform and what it tells the
// receiver about the decision.
struct ApprovedAction
{
    ApprovalId approvalId = 0;
    NodeId agentId = NoNode;
    RunId runId = 0;
    int version = 0;
    QString title;
    QString payloadFormat;
    QString payload; // the payload to execute: the edited one after an edit-approve
    bool hasPayload = false; // false when the approval was approved without one
    QJsonObject action;
    QStringList decidedBy; // the reviewers who approved it (or edited, then approved)
    QDateTime decidedAt; // when it became approved
};

} // namespace steward
