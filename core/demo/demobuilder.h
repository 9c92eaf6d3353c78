// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDate>
#include <QString>

#include <functional>

namespace steward {

// Builds the demo workspace: a realistic company (departments, teams, about a hundred people
// owning a few hundred agents, each with a spec and a version history whose changes carry
// believable reasons), runs with activity over the last 90 days, and pending approvals. It
// tells the story from docs/design: the outbound sales agent that picked up a wrong event
// location ("London") in one of its version changes, and whose outputs repeat it.
// The same seed and end date always give the same workspace.
class DemoBuilder final
{
public:
    struct Options
    {
        int agents = 300;
        qint64 events = 200000;
        quint64 seed = 1;
        QDate until; // last day of history; null means yesterday (UTC)
        std::function<bool(int percent)> progress; // return false to cancel; may be empty
    };

    struct Summary
    {
        int departments = 0;
        int teams = 0;
        int people = 0;
        int agents = 0;
        int versions = 0;
        qint64 runs = 0;
        qint64 events = 0;
        int pendingApprovals = 0;
        qint64 elapsedMs = 0;
    };

    // Creates a new workspace file at `path` (refusing to overwrite one) and fills it. On
    // failure or cancel the half-built file is removed.
    [[nodiscard]] static Result<Summary> build(const QString &path, const Options &options);
};

} // namespace steward
