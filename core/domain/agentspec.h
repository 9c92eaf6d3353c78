// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
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

        friend bool operator==(const Tool &, const Tool &) = default;
    };
    struct Trigger
    {
        QString kind; // "schedule" or "event"
        QString value; // a cron expression or an event name
        QString timeZone; // schedules only

        friend bool operator==(const Trigger &, const Trigger &) = default;
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

    // The canonical text: fixed field order, one field a line, instructions indented by two
    // spaces. parse(toCanonicalText()) gives the same spec back.
    [[nodiscard]] QString toCanonicalText() const;

    // Reads a spec written by a person or a program. Fields may come in any order; a refused
    // spec names the line and the reason ("Line 7: unknown tool permission 'admin'").
    [[nodiscard]] static Result<AgentSpec> parse(const QString &text);

    friend bool operator==(const AgentSpec &, const AgentSpec &) = default;
};

} // namespace steward
