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
    // How Steward starts the agent when a trigger fires (core/runtime). Written in the spec as
    // "runner: command /opt/agents/score --fast", "runner: http https://harness/run",
    // "runner: openai", plus "runner.timeout: 5m", "runner.overlap: skip|queue" and
    // "runner.concurrency: N". An agent without a runner is not started by Steward: it runs
    // elsewhere and only reports.
    struct Runner
    {
        QString kind; // "command", "http", "openai"; empty: none
        QString target; // the command line (command) or the harness URL (http); empty for openai
        int timeoutSeconds = 300;
        QString overlap = QStringLiteral("skip"); // a trigger while a run is under way: "skip" or "queue"
        int maxConcurrentRuns = 1; // runs of this agent at once

        // The timeout as the spec writes it, in its largest whole unit: "5m", "1h", "90s".
        [[nodiscard]] QString timeoutText() const;

        friend bool operator==(const Runner &, const Runner &) = default;
    };

    QString description;
    QString model;
    double temperature = 0.2;
    int maxTokens = 1024;
    QString instructions; // several lines
    QList<Tool> tools;
    QList<Trigger> triggers;
    Runner runner;
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
