// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activity.h"
#include "enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace steward {

using ApprovalId = qint64;

// One reviewer's verdict on an approval.
struct ApprovalDecision
{
    ApprovalId approvalId = 0;
    QString reviewer;
    QDateTime decidedAt;
    QString verdict; // "approve", "reject", "edit"
    QString comment;
    QString editedPayload;
    int revision = 0; // the revision the reviewer saw
};

// A proposed output or action from a run, waiting for people to decide.
struct Approval
{
    ApprovalId id = 0;
    NodeId agentId = NoNode;
    RunId runId = 0;
    int version = 0;
    QString title;
    QString payload; // what a reviewer reads: markdown, an email, a JSON tool call
    QString payloadFormat; // "markdown", "email", "json"
    QJsonObject action; // what executes once approved (e.g. a webhook)
    ApprovalState state = ApprovalState::Pending;
    QJsonObject policy;
    int revision = 1;
    QDateTime createdAt;
    QDateTime expiresAt;
};

} // namespace steward
