// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "orgnode.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace steward {

using RunId = qint64;
using EventId = qint64;

// One execution of one agent version.
struct Run
{
    RunId id = 0;
    NodeId agentId = NoNode;
    int version = 0;
    RunTrigger trigger = RunTrigger::Schedule;
    QString triggerDetail; // the schedule or event name that started it
    QDateTime startedAt;
    QDateTime endedAt; // null while running
    RunStatus status = RunStatus::Running;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double cost = 0.0; // US dollars
    qint64 latencyMs = 0;
};

// The kinds of activity an agent reports. Free text in the store so that agents can add their
// own, but these are the ones Steward understands.
namespace EventKinds {
inline constexpr auto RunStarted = "run.started";
inline constexpr auto Step = "step";
inline constexpr auto ToolCall = "tool.call";
inline constexpr auto Decision = "decision";
inline constexpr auto Output = "output";
inline constexpr auto Error = "error";
inline constexpr auto RunFinished = "run.finished";
} // namespace EventKinds

// One thing an agent did. The id is assigned by the store and is time-ordered (see eventid.h),
// so "newest first" is "id descending"; clientId makes retried submissions idempotent.
struct ActivityEvent
{
    EventId id = 0;
    QString clientId;
    QDateTime time;
    NodeId agentId = NoNode;
    int version = 0;
    RunId runId = 0;
    QString spanId;
    QString parentSpanId;
    QString kind;
    QString status; // "ok" or "error"
    QString summary;
    QString detail; // longer searchable text (the output, the decision's reason, the error)
    QJsonObject body;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double cost = 0.0;
    qint64 latencyMs = 0;
};

// One event found by an activity search (core/query/activitysearch.h), with its agent's path
// and a snippet of its text: the hit between SearchMarks::Start and SearchMarks::End
// (U+E000 and U+E001), or the summary when no words were searched.
struct ActivityHit
{
    ActivityEvent event;
    QString agentPath;
    QString snippet;
};

// A page of hits, newest first; ask for the next with `before` = nextBefore.
struct ActivityPage
{
    QList<ActivityHit> hits;
    EventId nextBefore = 0; // 0: no more
};

} // namespace steward
