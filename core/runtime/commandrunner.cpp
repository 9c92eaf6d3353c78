// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandrunner.h"

#include "api/apilimits.h"
#include "api/jsoncodec.h"
#include "domain/clock.h"
#include "runtime/printabletext.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcessEnvironment>
#include <QTemporaryFile>

#include <utility>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace steward {

namespace {

// How much of a refused line goes into its error event: enough to recognise it.
constexpr qsizetype lineExcerptChars = 200;

// A signal's name where it is a usual one, for "crashed (signal 11, SIGSEGV)".
QString signalName(int signal)
{
#ifdef Q_OS_UNIX
    switch (signal) {
    case SIGABRT: return QStringLiteral("SIGABRT");
    case SIGBUS: return QStringLiteral("SIGBUS");
    case SIGFPE: return QStringLiteral("SIGFPE");
    case SIGILL: return QStringLiteral("SIGILL");
    case SIGKILL: return QStringLiteral("SIGKILL");
    case SIGSEGV: return QStringLiteral("SIGSEGV");
    case SIGTERM: return QStringLiteral("SIGTERM");
    case SIGINT: return QStringLiteral("SIGINT");
    case SIGHUP: return QStringLiteral("SIGHUP");
    case SIGPIPE: return QStringLiteral("SIGPIPE");
    default: break;
    }
#else
    Q_UNUSED(signal)
#endif
    return {};
}

// A refused line, as its error event's detail: enough to recognise it.
QString excerpt(const QByteArray &line)
{
    return printableText(line.left(lineExcerptChars * 4)).left(lineExcerptChars);
}

// An object the program wrote, with the agent set to the run's and the run and version left
// out (they are the run's too, set after reading), whatever the program said about them.
QJsonObject ownedByRun(QJsonObject object, NodeId agentId)
{
    object.insert(QLatin1String("agentId"), agentId);
    object.remove(QLatin1String("runId"));
    object.remove(QLatin1String("version"));
    return object;
}

} // namespace

CommandRunner::CommandRunner(const Clock &clock, QObject *parent) : CommandRunner(clock, Options(), parent) { }

CommandRunner::CommandRunner(const Clock &clock, Options options, QObject *parent)
    : Runner(parent), m_clock(clock), m_options(options)
{
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    m_batchTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { stop(tr("timed out after %1 s").arg(m_request.spec.runner.timeoutSeconds)); });
#ifdef Q_OS_UNIX
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalProcess(SIGKILL); });
#else
    connect(&m_killTimer, &QTimer::timeout, &m_process, &QProcess::kill);
#endif
    connect(&m_batchTimer, &QTimer::timeout, this, &CommandRunner::flushEvents);
    connect(&m_process, &QProcess::started, this, [this] {
        m_process.write(QJsonDocument(m_request.payload).toJson(QJsonDocument::Compact) + '\n');
        m_process.closeWriteChannel();
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &CommandRunner::readStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &CommandRunner::readStderr);
    connect(&m_process, &QProcess::finished, this, &CommandRunner::processFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Every other error (a crash, a write to a program that stopped reading) is followed
        // by finished(); this one is not.
        if (error == QProcess::FailedToStart) {
            processFailedToStart();
        }
    });
}

CommandRunner::~CommandRunner()
{
    if (m_process.state() != QProcess::NotRunning) {
        disconnect(&m_process, nullptr, this, nullptr);
#ifdef Q_OS_UNIX
        signalProcess(SIGKILL);
#else
        m_process.kill();
#endif
        // The one wait in this class, and a short one: a SIGKILLed process is gone at once
        // and only needs reaping. QProcess's own destructor would warn and wait up to 30 s.
        m_process.waitForFinished(1000);
    }
}

void CommandRunner::start(const RunRequest &request)
{
    if (m_started) {
        return;
    }
    m_started = true;
    m_request = request;
    QStringList arguments = QProcess::splitCommand(request.spec.runner.target);
    if (arguments.isEmpty()) {
        RunnerOutcome outcome;
        outcome.error = tr("no command to run: the spec's runner names none");
        finish(outcome);
        return;
    }
    const QString program = arguments.takeFirst();

    m_instructions =
        std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/steward-instructions-XXXXXX.txt"));
    if (!m_instructions->open() || m_instructions->write(request.spec.instructions.toUtf8()) < 0
        || !m_instructions->flush()) {
        RunnerOutcome outcome;
        outcome.error = tr("could not write the instructions file: %1").arg(m_instructions->errorString());
        finish(outcome);
        return;
    }
    m_instructions->close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The server's own settings (its database URL, its secrets' location) are not the agent's.
    for (const QString &key : environment.keys()) {
        if (key.startsWith(QLatin1String("STEWARD_"))) {
            environment.remove(key);
        }
    }
    const Run &run = request.run;
    environment.insert(QStringLiteral("STEWARD_RUN_ID"), QString::number(run.id));
    environment.insert(QStringLiteral("STEWARD_AGENT_ID"), QString::number(run.agentId));
    environment.insert(QStringLiteral("STEWARD_AGENT_PATH"), request.agentPath);
    environment.insert(QStringLiteral("STEWARD_AGENT_VERSION"), QString::number(run.version));
    environment.insert(QStringLiteral("STEWARD_TRIGGER"), toText(run.trigger));
    environment.insert(QStringLiteral("STEWARD_TRIGGER_DETAIL"), run.triggerDetail);
    environment.insert(QStringLiteral("STEWARD_MODEL"), request.spec.model);
    environment.insert(QStringLiteral("STEWARD_INSTRUCTIONS_FILE"), m_instructions->fileName());
    m_process.setProcessEnvironment(environment);
#ifdef Q_OS_UNIX
    // A process group of its own, so that ending the run also ends what the program started
    // (a shell script's children would otherwise live on and keep the output open).
    m_process.setChildProcessModifier([] { ::setpgid(0, 0); });
#endif

    if (request.spec.runner.timeoutSeconds > 0) {
        m_timeout.start(std::chrono::seconds(request.spec.runner.timeoutSeconds));
    }
    m_process.start(program, arguments);
}

void CommandRunner::cancel(const QString &reason)
{
    if (!m_started || m_finished) {
        return;
    }
    stop(reason);
}

void CommandRunner::readStdout()
{
    const QByteArray data = m_process.readAllStandardOutput();
    m_outputBytes += data.size();
    if (m_outputBytes > m_options.maxOutputBytes) {
        stop(tr("the program wrote more than %1 MiB of output").arg(m_options.maxOutputBytes / (1024 * 1024)));
        return;
    }
    qsizetype from = 0;
    for (qsizetype end = data.indexOf('\n'); end >= 0; end = data.indexOf('\n', from)) {
        if (m_skippingLongLine) {
            m_skippingLongLine = false; // its end: reported when it grew too long
        } else {
            m_stdoutBuffer += QByteArrayView(data).sliced(from, end - from);
            if (m_stdoutBuffer.size() > m_options.maxLineBytes) {
                reportLongLine();
            } else {
                takeLine(m_stdoutBuffer);
            }
        }
        m_stdoutBuffer.clear();
        ++m_lineNumber;
        from = end + 1;
    }
    if (m_skippingLongLine) {
        return;
    }
    m_stdoutBuffer += QByteArrayView(data).sliced(from);
    if (m_stdoutBuffer.size() > m_options.maxLineBytes) {
        reportLongLine();
        m_stdoutBuffer.clear();
        m_skippingLongLine = true;
    }
}

void CommandRunner::readStderr()
{
    const QByteArray data = m_process.readAllStandardError();
    m_outputBytes += data.size();
    if (m_outputBytes > m_options.maxOutputBytes) {
        stop(tr("the program wrote more than %1 MiB of output").arg(m_options.maxOutputBytes / (1024 * 1024)));
        return;
    }
    m_stderrTail += data;
    if (m_stderrTail.size() > m_options.stderrTailBytes) {
        m_stderrTail.remove(0, m_stderrTail.size() - m_options.stderrTailBytes);
    }
}

void CommandRunner::takeLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty()) {
        return;
    }
    if (!line.isValidUtf8()) {
        reportBadLine(tr("line %1 of the output is not a JSON event: it is not valid UTF-8").arg(m_lineNumber), line);
        return;
    }
    QJsonParseError error;
    // Qt's offset is where the parser gave up, just after the first character it refused.
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        reportBadLine(tr("line %1 of the output is not a JSON event: %2 at character %3")
                          .arg(m_lineNumber)
                          .arg(error.errorString())
                          .arg(error.offset),
                      line);
        return;
    }
    if (!document.isObject()) {
        reportBadLine(tr("line %1 of the output is not a JSON event: it is not a JSON object").arg(m_lineNumber), line);
        return;
    }
    takeObject(document.object(), line);
}

void CommandRunner::takeObject(const QJsonObject &object, const QByteArray &line)
{
    const Run &run = m_request.run;
    if (object.contains(QLatin1String("proposal"))) {
        const QJsonValue value = object.value(QLatin1String("proposal"));
        QString problem;
        NewApproval proposal;
        if (object.size() != 1) {
            problem = tr("a proposal's line holds nothing but \"proposal\"");
        } else if (!value.isObject()) {
            problem = tr("\"proposal\" must be an object");
        } else {
            Result<NewApproval> read = newApprovalFromJson(ownedByRun(value.toObject(), run.agentId));
            if (!read) {
                problem = read.error().message;
            } else {
                proposal = std::move(read).value();
                proposal.runId = run.id;
                proposal.version = run.version;
            }
        }
        if (!problem.isEmpty()) {
            reportBadLine(tr("line %1 of the output is not a proposal: %2").arg(m_lineNumber).arg(problem), line);
            return;
        }
        flushEvents(); // what the program reported before the proposal is handed on first
        Q_EMIT proposalReported(proposal);
        return;
    }

    QJsonObject fields = ownedByRun(object, run.agentId);
    if (!fields.contains(QLatin1String("clientId"))) {
        fields.insert(QLatin1String("clientId"), lineId());
    }
    Result<ActivityEvent> read = ingestEventFromJson(fields, m_clock.now());
    if (!read) {
        reportBadLine(tr("line %1 of the output is not a JSON event: %2").arg(m_lineNumber).arg(read.error().message),
                      line);
        return;
    }
    ActivityEvent event = std::move(read).value();
    event.runId = run.id;
    event.version = run.version;
    m_tokensIn += event.tokensIn;
    m_tokensOut += event.tokensOut;
    m_cost += event.cost;
    queueEvent(std::move(event));
}

void CommandRunner::reportBadLine(const QString &problem, const QByteArray &line)
{
    ++m_badLines;
    if (m_badLines > m_options.maxReportedBadLines) {
        return; // counted; one summary at the end
    }
    ActivityEvent event;
    event.clientId = lineId();
    event.time = m_clock.now();
    event.agentId = m_request.run.agentId;
    event.version = m_request.run.version;
    event.runId = m_request.run.id;
    event.kind = QLatin1String(EventKinds::Error);
    event.status = QStringLiteral("error");
    event.summary = problem.left(ApiLimits::MaxSummaryLength);
    event.detail = excerpt(line);
    queueEvent(std::move(event));
}

void CommandRunner::reportLongLine()
{
    reportBadLine(tr("line %1 of the output is not a JSON event: it is longer than %2 bytes")
                      .arg(m_lineNumber)
                      .arg(m_options.maxLineBytes),
                  m_stdoutBuffer);
}

void CommandRunner::queueEvent(ActivityEvent event)
{
    m_pending.append(std::move(event));
    if (m_pending.size() >= m_options.batchSize) {
        flushEvents();
    } else if (!m_batchTimer.isActive()) {
        m_batchTimer.start(m_options.batchIntervalMs);
    }
}

void CommandRunner::flushEvents()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty()) {
        return;
    }
    Q_EMIT eventsReported(std::exchange(m_pending, {}));
}

void CommandRunner::stop(const QString &reason)
{
    if (!m_stopReason.isEmpty() || m_finished) {
        return;
    }
    m_stopReason = reason;
    m_timeout.stop();
#ifdef Q_OS_UNIX
    signalProcess(SIGTERM);
#else
    m_process.terminate();
#endif
    m_killTimer.start(m_options.killAfterMs);
}

void CommandRunner::signalProcess(int signal)
{
#ifdef Q_OS_UNIX
    const qint64 pid = m_process.processId();
    if (pid <= 0) {
        return;
    }
    // The group, so that the program's children go too; the program alone if it has not
    // made its group yet (the child sets it up right after fork).
    if (::kill(-static_cast<pid_t>(pid), signal) != 0) {
        ::kill(static_cast<pid_t>(pid), signal);
    }
#else
    Q_UNUSED(signal)
#endif
}

void CommandRunner::processFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_timeout.stop();
    m_killTimer.stop();
    // What is still in the pipes, and a last line without its newline.
    if (m_outputBytes <= m_options.maxOutputBytes) {
        readStdout();
        readStderr();
        if (!m_skippingLongLine && !m_stdoutBuffer.isEmpty()) {
            takeLine(std::exchange(m_stdoutBuffer, {}));
        }
    }

    RunnerOutcome outcome;
    if (!m_stopReason.isEmpty()) {
        outcome.error = withStderr(m_stopReason);
    } else if (exitStatus == QProcess::CrashExit) {
        // On Unix, QProcess gives the signal that ended the program as its exit code.
        const QString name = signalName(exitCode);
        outcome.error = withStderr(name.isEmpty() ? tr("crashed (signal %1)").arg(exitCode)
                                                  : tr("crashed (signal %1, %2)").arg(exitCode).arg(name));
    } else if (exitCode != 0) {
        outcome.exitCode = exitCode;
        outcome.error = withStderr(tr("exit status %1").arg(exitCode));
    } else {
        outcome.status = RunStatus::Succeeded;
    }
    finish(outcome);
}

void CommandRunner::processFailedToStart()
{
    RunnerOutcome outcome;
    outcome.error = tr("could not start %1: %2").arg(m_process.program(), m_process.errorString());
    finish(outcome);
}

void CommandRunner::finish(RunnerOutcome outcome)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timeout.stop();
    m_killTimer.stop();
    m_instructions.reset();
    if (const int unreported = m_badLines - m_options.maxReportedBadLines; unreported > 0) {
        ActivityEvent event;
        event.clientId = QStringLiteral("steward-run-%1-unreported-lines").arg(m_request.run.id);
        event.time = m_clock.now();
        event.agentId = m_request.run.agentId;
        event.version = m_request.run.version;
        event.runId = m_request.run.id;
        event.kind = QLatin1String(EventKinds::Error);
        event.status = QStringLiteral("error");
        event.summary = tr("%n more lines of the output were not JSON events", nullptr, unreported);
        m_pending.append(std::move(event));
    }
    flushEvents();
    outcome.tokensIn = m_tokensIn;
    outcome.tokensOut = m_tokensOut;
    outcome.cost = m_cost;
    // Never from inside start(): whoever called it has not returned yet.
    QMetaObject::invokeMethod(
        this, [this, outcome] { Q_EMIT finished(outcome); }, Qt::QueuedConnection);
}

QString CommandRunner::withStderr(const QString &reason) const
{
    const QString tail = printableText(m_stderrTail).trimmed();
    return tail.isEmpty() ? reason : reason + QLatin1Char('\n') + tail;
}

QString CommandRunner::lineId() const
{
    return QStringLiteral("steward-run-%1-line-%2").arg(m_request.run.id).arg(m_lineNumber);
}

} // namespace steward
