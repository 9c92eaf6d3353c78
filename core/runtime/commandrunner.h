// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runtime/runner.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QTimer>

#include <memory>

class QTemporaryFile;

namespace steward {

class Clock;

// Runs an agent as a local program (spec.runner.kind "command"). The contract the program is
// written against (docs/agent-spec.md, "Runners"):
// - the command line is spec.runner.target, split as QProcess::splitCommand does (quotes, no
//   shell), and the program runs in a process group of its own;
// - stdin: the trigger's payload as one line of compact JSON, then end of file;
// - environment: the server's own, without its STEWARD_* variables, plus STEWARD_RUN_ID,
//   STEWARD_AGENT_ID, STEWARD_AGENT_PATH, STEWARD_AGENT_VERSION, STEWARD_TRIGGER,
//   STEWARD_TRIGGER_DETAIL, STEWARD_MODEL and STEWARD_INSTRUCTIONS_FILE (a file holding the
//   spec's instructions, removed when the run ends);
// - stdout: JSON lines; an object is an event in the ingest API's shape, {"proposal": {...}}
//   is a proposal for the approval inbox;
// - stderr: free text; its last 64 KiB go into the failure's message;
// - exit status 0 is success.
// The program is not trusted: a line that is not an event is reported as an error event and
// the run goes on; too much output, the timeout or cancel() end the process group (SIGTERM,
// then SIGKILL a grace period later). Nothing here blocks the event loop.
class CommandRunner final : public Runner
{
    Q_OBJECT

public:
    struct Options
    {
        // A line of stdout longer than this is not read (and reported as an error event).
        qsizetype maxLineBytes = 1024 * 1024;
        // More output than this (stdout and stderr together) ends the run as failed.
        qint64 maxOutputBytes = qint64(64) * 1024 * 1024;
        // The end of stderr that is kept for the failure's message.
        qsizetype stderrTailBytes = 64 * 1024;
        // Bad output lines reported one by one; the rest are counted in one summary event.
        int maxReportedBadLines = 100;
        // How long a process may ignore SIGTERM before it is killed.
        int killAfterMs = 5000;
        // Events are handed on in batches, so that the store writes few transactions.
        int batchIntervalMs = 100;
        qsizetype batchSize = 500;
    };

    explicit CommandRunner(const Clock &clock, QObject *parent = nullptr);
    CommandRunner(const Clock &clock, Options options, QObject *parent = nullptr);
    // A process still running is killed with its process group.
    ~CommandRunner() override;
    Q_DISABLE_COPY_MOVE(CommandRunner)

    void start(const RunRequest &request) override;
    void cancel(const QString &reason) override;

private:
    void startProcess();
    void readStdout();
    void readStderr();
    void takeLine(const QByteArray &line);
    void takeObject(const QJsonObject &object, const QByteArray &line);
    // Reports a line that is not an event (up to maxReportedBadLines of them, then counts).
    void reportBadLine(const QString &problem, const QByteArray &line);
    // Reports the line being read (its start is in the buffer) as too long.
    void reportLongLine();
    void queueEvent(ActivityEvent event);
    void flushEvents();
    // Ends the process (once) for `reason`, which becomes the run's error.
    void stop(const QString &reason);
    void signalProcess(int signal);
    void processFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void processFailedToStart();
    void finish(RunnerOutcome outcome);
    [[nodiscard]] QString withStderr(const QString &reason) const;
    [[nodiscard]] QString lineId() const;

    const Clock &m_clock;
    Options m_options;
    RunRequest m_request;
    QProcess m_process;
    std::unique_ptr<QTemporaryFile> m_instructions;
    QTimer m_timeout;
    QTimer m_killTimer;
    QTimer m_batchTimer;

    QByteArray m_stdoutBuffer;
    bool m_skippingLongLine = false; // inside a line over maxLineBytes: drop until its end
    qint64 m_lineNumber = 1; // of the line being read
    qint64 m_outputBytes = 0;
    QByteArray m_stderrTail;
    int m_badLines = 0;

    QList<ActivityEvent> m_pending;
    qint64 m_tokensIn = 0;
    qint64 m_tokensOut = 0;
    double m_cost = 0.0;

    QString m_stopReason; // set once the process is being ended on purpose
    bool m_started = false;
    bool m_finished = false;
};

} // namespace steward
