// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/agentspec.h"
#include "domain/approval.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace steward {

// What a runner is asked to do: one run of one agent version, already recorded as started.
struct RunRequest
{
    Run run; // id, agent, version, trigger and start time are set
    QString agentPath;
    AgentSpec spec; // the spec of run.version: instructions, model, runner settings
    QJsonObject payload; // the trigger's payload; for a schedule {"scheduledFor": ISO time}
};

// How a run ended, as the runner saw it.
struct RunnerOutcome
{
    RunStatus status = RunStatus::Failed; // Succeeded, Failed (Interrupted is the runtime's)
    QString error; // why it failed: "timed out after 300 s", "exit status 3", the HTTP error, ...
    int exitCode = 0; // command runner: the program's exit status
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double cost = 0.0; // US dollars
};

// Starts one run of an agent and reports what it does. The runtime (core/runtime) makes one
// runner per run, connects to its signals, calls start() once, and deletes it after finished.
// Events and proposals are reported as they happen; the runtime fills in agent, version and run
// on each, stores them and submits the proposals to the approval inbox. Everything happens on
// the thread the runner lives on, driven by its event loop (QProcess, QNetworkAccessManager).
class Runner : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start(const RunRequest &request) = 0;
    // Ends the run early (server shutting down, run cancelled); finished() still follows, with
    // status Failed and the reason given.
    virtual void cancel(const QString &reason) = 0;

Q_SIGNALS:
    void eventsReported(const QList<steward::ActivityEvent> &events);
    void proposalReported(const steward::NewApproval &proposal);
    // Exactly once per start(), last.
    void finished(const steward::RunnerOutcome &outcome);
};

} // namespace steward
