// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace steward {

// What an agent is: the bundle that is versioned. Written as canonical, line-oriented text
// (fixed key order, one field a line, instructions as an indented block) so that two versions
// diff line by line and read well.
struct AgentSpec
{
    struct Tool
    {
        QString name;
        QString permission; // "read", "write", "send"
    };
    struct Trigger
    {
        QString kind; // "schedule" or "event"
        QString value; // a cron expression or an event name
        QString timeZone; // schedules only
    };

    QString description;
    QString model;
    double temperature = 0.2;
    int maxTokens = 1024;
    QString instructions; // several lines
    QList<Tool> tools;
    QList<Trigger> triggers;
    int approvalsRequired = 1;
    QString reviewers; // the subtree whose reviewers decide, e.g. "/acme/sales"
    QString approvalExpiry; // e.g. "48h"
    QStringList outputs; // channels: "email", "slack", "ticket", ...
    Criticality criticality = Criticality::Standard;

    [[nodiscard]] QString toCanonicalText() const;
};

} // namespace steward
