// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activity.h"
#include "enums.h"
#include "orgnode.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace steward {

using RunRequestId = qint64;

// One ask to run an agent, kept durable in the runtime's queue (table run_requests): a schedule
// fire, an event, or a person's "Run now". It waits until notBefore, then a dispatcher starts
// it, skips it or refuses it, and says why. (Not the runner's RunRequest in runtime/runner.h,
// which is what a runner is handed once the run has started.)
struct RunRequestEntry
{
    RunRequestId id = 0;
    NodeId agentId = NoNode;
    RunTrigger trigger = RunTrigger::Manual;
    QString triggerDetail; // the cron expression, the event name, or the reason given for Run now
    QJsonObject payload;
    QString requestedBy; // the person or caller; "scheduler" for schedule fires
    QDateTime requestedAt;
    QDateTime notBefore; // not started before this time (back-off pushes it later)
    RunRequestState state = RunRequestState::Pending;
    QString reason; // why it was skipped or refused
    QString claimedBy; // the runtime instance that decided it
    QDateTime decidedAt; // null while pending
    RunId runId = 0; // the run it started
    QString fireKey; // schedule fires: one insert per agent, trigger and fire time
};

} // namespace steward
