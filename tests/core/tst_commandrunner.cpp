// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The command runner with real child processes: small /bin/sh scripts and files of output the
// test writes to a temporary directory. Well-formed output becomes events and proposals, with
// the payload on stdin and the run in the environment; garbage becomes error events and the run
// goes on; a hang is ended at the timeout, with its children; a crash, an exit status, a missing
// program and an output flood fail the run; finished() comes exactly once. What a run reports,
// garbage included, is accepted by the store (SQLite, and PostgreSQL in the _pg twin).
#include "domain/clock.h"
#include "runtime/commandrunner.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "storage/store.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <optional>

using namespace steward;

namespace {

// Everything one run reported, in order.
struct Report
{
    QList<QList<ActivityEvent>> batches;
    QList<ActivityEvent> events;
    QList<NewApproval> proposals;
    QStringList order; // "event:<kind>" and "proposal:<title>", as they came
    QList<RunnerOutcome> outcomes;
};

// Running and not a zombie: a killed program's orphaned children may wait for a reaper.
bool alive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) != "Z";
}

} // namespace

class TestCommandRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void wellFormedOutput_becomesEventsAndProposals();
    void output_isHandedOnInBatches();
    void payloadNotRead_isNoFailure();
    void garbageLine_becomesErrorEvent_data();
    void garbageLine_becomesErrorEvent();
    void halfLines_areJoined();
    void hugeLine_isSkipped();
    void manyBadLines_areSummarised();
    void hang_isEndedAtTimeout();
    void termIgnored_isKilled();
    void crash_failsWithTheSignal();
    void exitStatus_failsWithStderr();
    void missingProgram_failsToStart_data();
    void missingProgram_failsToStart();
    void flood_endsTheRun();
    void cancel_endsTheRun();
    void destroy_killsTheProcess();
    void reported_isAcceptedByTheStore();

private:
    [[nodiscard]] RunRequest request(const QString &command, int timeoutSeconds = 30) const;
    // A script in the temporary directory, run by /bin/sh; `$DIR` is that directory.
    [[nodiscard]] QString script(const QByteArray &body) const;
    // A command that writes `output` to stdout and exits 0.
    [[nodiscard]] QString catting(const QByteArray &output) const;
    void connectReport(CommandRunner &runner, Report &report) const;
    // Starts the run and waits for finished(), then a little longer, to see it only once.
    [[nodiscard]] Report run(const RunRequest &request, CommandRunner::Options options = {});
    [[nodiscard]] qint64 pidFrom(const QString &name) const;

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCommandRunner::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

RunRequest TestCommandRunner::request(const QString &command, int timeoutSeconds) const
{
    RunRequest request;
    request.run.id = 42;
    request.run.agentId = 7;
    request.run.version = 3;
    request.run.trigger = RunTrigger::Schedule;
    request.run.triggerDetail = QStringLiteral("0 9 * * 1-5 Europe/Berlin");
    request.run.startedAt = m_clock->now();
    request.agentPath = QStringLiteral("/acme/sales/outreach");
    request.spec.model = QStringLiteral("gpt-4o-mini");
    request.spec.instructions = QStringLiteral("Write to the lead.\nBe brief: 120 words.");
    request.spec.runner.kind = QStringLiteral("command");
    request.spec.runner.target = command;
    request.spec.runner.timeoutSeconds = timeoutSeconds;
    request.payload = QJsonObject{{QStringLiteral("scheduledFor"), QStringLiteral("2026-05-04T09:00:00.000Z")},
                                  {QStringLiteral("lead"), QStringLiteral("Ada \"the first\" Lovelace")}};
    return request;
}

QString TestCommandRunner::script(const QByteArray &body) const
{
    const QString path = m_dir->filePath(QStringLiteral("agent.sh"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("DIR='" + m_dir->path().toUtf8() + "'\n" + body + '\n') < 0) {
        return {};
    }
    return QStringLiteral("/bin/sh \"%1\"").arg(path);
}

QString TestCommandRunner::catting(const QByteArray &output) const
{
    const QString path = m_dir->filePath(QStringLiteral("output.bin"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(output) != output.size()) {
        return {};
    }
    return QStringLiteral("/bin/cat \"%1\"").arg(path);
}

void TestCommandRunner::connectReport(CommandRunner &runner, Report &report) const
{
    connect(&runner, &Runner::eventsReported, this, [&report](const QList<ActivityEvent> &events) {
        report.batches.append(events);
        report.events.append(events);
        for (const ActivityEvent &event : events) {
            report.order.append(QStringLiteral("event:") + event.kind);
        }
    });
    connect(&runner, &Runner::proposalReported, this, [&report](const NewApproval &proposal) {
        report.proposals.append(proposal);
        report.order.append(QStringLiteral("proposal:") + proposal.title);
    });
    connect(&runner, &Runner::finished, this,
            [&report](const RunnerOutcome &outcome) { report.outcomes.append(outcome); });
}

Report TestCommandRunner::run(const RunRequest &request, CommandRunner::Options options)
{
    Report report;
    CommandRunner runner(*m_clock, options);
    connectReport(runner, report);
    runner.start(request);
    if (QTest::qWaitFor([&report] { return !report.outcomes.isEmpty(); }, 30000)) {
        QTest::qWait(150); // a second finished() or a late batch would come now
    }
    return report;
}

qint64 TestCommandRunner::pidFrom(const QString &name) const
{
    QFile file(m_dir->filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

void TestCommandRunner::wellFormedOutput_becomesEventsAndProposals()
{
    qputenv("STEWARD_SERVER_SECRET", "not for agents");
    const QString command = script(R"(
cat > "$DIR/stdin.json"
env > "$DIR/env.txt"
cp "$STEWARD_INSTRUCTIONS_FILE" "$DIR/instructions.txt"
echo '{"kind":"step","summary":"looked up the lead","tokensIn":10,"tokensOut":5,"cost":0.25,"spanId":"s1"}'
echo '{"kind":"tool.call","summary":"crm.lookup","body":{"id":7},"latencyMs":12,"parentSpanId":"s1","time":"2026-05-04T08:59:58.500Z"}'
echo '{"proposal":{"title":"Email to Ada","payload":"Hello Ada","payloadFormat":"markdown","action":{"type":"webhook","url":"https://example.com/send"}}}'
echo '{"kind":"output","summary":"done","detail":"one email","tokensIn":1,"tokensOut":2,"cost":0.5,"clientId":"mine-1","runId":99,"agentId":99}'
)");
    const Report report = run(request(command));
    qunsetenv("STEWARD_SERVER_SECRET");

    QCOMPARE(report.outcomes.size(), 1);
    const RunnerOutcome outcome = report.outcomes.constFirst();
    QCOMPARE(outcome.status, RunStatus::Succeeded);
    QCOMPARE(outcome.error, QString());
    QCOMPARE(outcome.exitCode, 0);
    QCOMPARE(outcome.tokensIn, 11);
    QCOMPARE(outcome.tokensOut, 7);
    QCOMPARE(outcome.cost, 0.75);

    // The proposal comes after the events written before it, and before the one after it.
    QCOMPARE(report.order,
             QStringList({QStringLiteral("event:step"), QStringLiteral("event:tool.call"),
                          QStringLiteral("proposal:Email to Ada"), QStringLiteral("event:output")}));
    const ActivityEvent step = report.events.at(0);
    QCOMPARE(step.agentId, 7);
    QCOMPARE(step.runId, 42);
    QCOMPARE(step.version, 3);
    QCOMPARE(step.clientId, QStringLiteral("steward-run-42-line-1"));
    QCOMPARE(step.time, m_clock->now());
    QCOMPARE(step.status, QStringLiteral("ok"));
    QCOMPARE(step.summary, QStringLiteral("looked up the lead"));
    QCOMPARE(step.spanId, QStringLiteral("s1"));
    QCOMPARE(step.tokensIn, 10);
    const ActivityEvent call = report.events.at(1);
    QCOMPARE(call.parentSpanId, QStringLiteral("s1"));
    QCOMPARE(call.body, QJsonObject({{QStringLiteral("id"), 7}}));
    QCOMPARE(call.latencyMs, 12);
    QCOMPARE(call.time, QDateTime(QDate(2026, 5, 4), QTime(8, 59, 58, 500), Qt::UTC));
    // The program's own client id is kept; its run and agent are not.
    const ActivityEvent output = report.events.at(2);
    QCOMPARE(output.clientId, QStringLiteral("mine-1"));
    QCOMPARE(output.runId, 42);
    QCOMPARE(output.agentId, 7);
    QCOMPARE(output.detail, QStringLiteral("one email"));

    const NewApproval proposal = report.proposals.constFirst();
    QCOMPARE(proposal.agentId, 7);
    QCOMPARE(proposal.runId, 42);
    QCOMPARE(proposal.version, 3);
    QCOMPARE(proposal.payload, QStringLiteral("Hello Ada"));
    QCOMPARE(proposal.payloadFormat, QStringLiteral("markdown"));
    QCOMPARE(proposal.action.value(QStringLiteral("url")).toString(), QStringLiteral("https://example.com/send"));

    // stdin: the payload, one line of compact JSON.
    QFile stdinFile(m_dir->filePath(QStringLiteral("stdin.json")));
    QVERIFY(stdinFile.open(QIODevice::ReadOnly));
    QCOMPARE(stdinFile.readAll(), QJsonDocument(request(command).payload).toJson(QJsonDocument::Compact) + '\n');

    QFile envFile(m_dir->filePath(QStringLiteral("env.txt")));
    QVERIFY(envFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> environment = envFile.readAll().split('\n');
    for (const QByteArray &expected :
         {QByteArray("STEWARD_RUN_ID=42"), QByteArray("STEWARD_AGENT_ID=7"),
          QByteArray("STEWARD_AGENT_PATH=/acme/sales/outreach"), QByteArray("STEWARD_AGENT_VERSION=3"),
          QByteArray("STEWARD_TRIGGER=schedule"), QByteArray("STEWARD_TRIGGER_DETAIL=0 9 * * 1-5 Europe/Berlin"),
          QByteArray("STEWARD_MODEL=gpt-4o-mini")}) {
        QVERIFY2(environment.contains(expected), expected.constData());
    }
    QVERIFY(!environment.contains("STEWARD_SERVER_SECRET=not for agents"));
    QVERIFY(std::any_of(environment.cbegin(), environment.cend(),
                        [](const QByteArray &line) { return line.startsWith("PATH="); }));

    // The instructions were in the file the environment named, and the file is gone.
    QFile instructions(m_dir->filePath(QStringLiteral("instructions.txt")));
    QVERIFY(instructions.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(instructions.readAll()), request(command).spec.instructions);
    const auto fileLine = std::find_if(environment.cbegin(), environment.cend(), [](const QByteArray &line) {
        return line.startsWith("STEWARD_INSTRUCTIONS_FILE=");
    });
    QVERIFY(fileLine != environment.cend());
    const QString instructionsPath = QString::fromUtf8(fileLine->mid(fileLine->indexOf('=') + 1));
    QVERIFY(!instructionsPath.isEmpty());
    QVERIFY(!QFile::exists(instructionsPath));
}

void TestCommandRunner::output_isHandedOnInBatches()
{
    QByteArray output;
    for (int i = 0; i < 1200; ++i) {
        output += "{\"kind\":\"step\",\"summary\":\"step " + QByteArray::number(i) + "\",\"tokensIn\":1}\n";
    }
    const Report report = run(request(catting(output)));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(report.outcomes.constFirst().tokensIn, 1200);
    QCOMPARE(report.events.size(), 1200);
    QCOMPARE(report.events.constLast().summary, QStringLiteral("step 1199"));
    QCOMPARE(report.events.constLast().clientId, QStringLiteral("steward-run-42-line-1200"));
    // Batched: never more than 500 at once, and far fewer batches than events.
    QVERIFY2(report.batches.size() >= 3 && report.batches.size() <= 50,
             qPrintable(QString::number(report.batches.size())));
    for (const QList<ActivityEvent> &batch : report.batches) {
        QVERIFY(batch.size() <= 500);
    }
}

void TestCommandRunner::payloadNotRead_isNoFailure()
{
    // More payload than a pipe holds, to a program that exits without reading it: the write
    // fails quietly (no SIGPIPE for the server) and the run is what the program says.
    RunRequest big = request(QStringLiteral("/bin/true"));
    big.payload.insert(QStringLiteral("document"), QString(1024 * 1024, u'x'));
    const Report report = run(big);
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Succeeded);
    QVERIFY(report.events.isEmpty());
}

void TestCommandRunner::garbageLine_becomesErrorEvent_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("summary");
    const QString notEvent = QStringLiteral("line 1 of the output is not a JSON event: ");
    QTest::newRow("binary") << QByteArray("\x01\x02\xff\xfe{\x00}", 7) << notEvent + u"it is not valid UTF-8";
    QTest::newRow("text") << QByteArray("Starting up...") << notEvent + u"illegal value at character 1";
    QTest::newRow("cut short") << QByteArray(R"({"kind":"step","summ)")
                               << notEvent + u"unterminated string at character 21";
    QTest::newRow("array") << QByteArray(R"([{"kind":"step"}])") << notEvent + u"it is not a JSON object";
    QTest::newRow("number") << QByteArray("7") << notEvent + u"illegal value at character 1";
    QTest::newRow("no kind") << QByteArray(R"({"summary":"hello"})") << notEvent + u"kind: required";
    QTest::newRow("unknown key") << QByteArray(R"({"kind":"step","colour":"red"})")
                                 << notEvent + u"colour: unknown field";
    QTest::newRow("bad status") << QByteArray(R"({"kind":"step","status":"fine"})")
                                << notEvent + u"status: must be one of: ok, error";
    QTest::newRow("nul") << QByteArray(R"({"kind":"step","summary":"a\u0000b"})")
                         << notEvent + u"summary: must not contain the character U+0000";
    QTest::newRow("proposal without payload")
        << QByteArray(R"({"proposal":{"title":"x","payloadFormat":"markdown"}})")
        << QStringLiteral("line 1 of the output is not a proposal: payload: required");
    QTest::newRow("proposal and more") << QByteArray(R"({"proposal":{},"kind":"step"})")
                                       << QStringLiteral("line 1 of the output is not a proposal: a proposal's "
                                                         "line holds nothing but \"proposal\"");
    QTest::newRow("proposal not object") << QByteArray(R"({"proposal":"send it"})")
                                         << QStringLiteral("line 1 of the output is not a proposal: \"proposal\" "
                                                           "must be an object");
}

void TestCommandRunner::garbageLine_becomesErrorEvent()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, summary);
    const Report report = run(request(catting(line + "\n{\"kind\":\"output\",\"summary\":\"still here\"}\n")));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Succeeded);
    QVERIFY(report.proposals.isEmpty());
    QCOMPARE(report.events.size(), 2);
    const ActivityEvent error = report.events.constFirst();
    QCOMPARE(error.kind, QStringLiteral("error"));
    QCOMPARE(error.status, QStringLiteral("error"));
    QCOMPARE(error.summary, summary);
    QCOMPARE(error.runId, 42);
    QCOMPARE(error.agentId, 7);
    QCOMPARE(error.clientId, QStringLiteral("steward-run-42-line-1"));
    QVERIFY(!error.detail.isEmpty());
    QVERIFY(!error.detail.contains(QChar::Null));
    QCOMPARE(report.events.constLast().summary, QStringLiteral("still here"));
    QCOMPARE(report.events.constLast().clientId, QStringLiteral("steward-run-42-line-2"));
}

void TestCommandRunner::halfLines_areJoined()
{
    // A line written in two pieces, and a last line without its newline.
    const QString command = script(R"(
printf '{"kind":"st'
sleep 0.3
printf 'ep","summary":"joined"}\n'
printf '\n   \n'
printf '{"kind":"output","summary":"no newline"}'
)");
    const Report report = run(request(command));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(report.order, QStringList({QStringLiteral("event:step"), QStringLiteral("event:output")}));
    QCOMPARE(report.events.at(0).summary, QStringLiteral("joined"));
    QCOMPARE(report.events.at(1).summary, QStringLiteral("no newline"));
    QCOMPARE(report.events.at(1).clientId, QStringLiteral("steward-run-42-line-4"));
}

void TestCommandRunner::hugeLine_isSkipped()
{
    const QByteArray huge = "{\"kind\":\"step\",\"summary\":\"" + QByteArray(1024 * 1024, 'a') + "\"}";
    const Report report = run(request(catting(huge + "\n{\"kind\":\"output\"}\n" + huge)));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(report.events.size(), 3);
    QCOMPARE(report.events.at(0).summary,
             QStringLiteral("line 1 of the output is not a JSON event: it is longer than 1048576 bytes"));
    QCOMPARE(report.events.at(0).detail.size(), 200);
    QCOMPARE(report.events.at(1).kind, QStringLiteral("output"));
    QCOMPARE(report.events.at(1).clientId, QStringLiteral("steward-run-42-line-2"));
    QCOMPARE(report.events.at(2).summary,
             QStringLiteral("line 3 of the output is not a JSON event: it is longer than 1048576 bytes"));
}

void TestCommandRunner::manyBadLines_areSummarised()
{
    QByteArray output;
    for (int i = 0; i < 150; ++i) {
        output += "not json\n";
    }
    output += "{\"kind\":\"output\"}\n";
    const Report report = run(request(catting(output)));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(report.events.size(), 102);
    QCOMPARE(report.events.at(99).summary,
             QStringLiteral("line 100 of the output is not a JSON event: illegal value at character 1"));
    QCOMPARE(report.events.at(100).kind, QStringLiteral("output"));
    QCOMPARE(report.events.at(101).kind, QStringLiteral("error"));
    QCOMPARE(report.events.at(101).summary, QStringLiteral("50 more lines of the output were not JSON events"));
}

void TestCommandRunner::hang_isEndedAtTimeout()
{
    const QString command = script(R"(
echo $$ > "$DIR/pid"
echo '{"kind":"step","summary":"waiting"}'
sleep 60 &
echo $! > "$DIR/child"
wait
)");
    // The event loop turns while the program hangs.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(50);
    QElapsedTimer elapsed;
    elapsed.start();
    const Report report = run(request(command, 1));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(report.outcomes.constFirst().error, QStringLiteral("timed out after 1 s"));
    QVERIFY2(elapsed.elapsed() >= 1000 && elapsed.elapsed() < 4000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(ticks >= 10);
    QCOMPARE(report.events.size(), 1);
    QCOMPARE(report.events.constFirst().summary, QStringLiteral("waiting"));
    // The program and its child are gone.
    const qint64 pid = pidFrom(QStringLiteral("pid"));
    const qint64 child = pidFrom(QStringLiteral("child"));
    QVERIFY(pid > 0 && child > 0);
    QVERIFY(!alive(pid));
    QTRY_VERIFY_WITH_TIMEOUT(!alive(child), 2000);
}

void TestCommandRunner::termIgnored_isKilled()
{
    const QString command = script(R"(
trap '' TERM
echo $$ > "$DIR/pid"
while :; do sleep 0.1; done
)");
    CommandRunner::Options options;
    options.killAfterMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    const Report report = run(request(command, 1), options);
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(report.outcomes.constFirst().error, QStringLiteral("timed out after 1 s"));
    QVERIFY2(elapsed.elapsed() >= 1300 && elapsed.elapsed() < 4000, qPrintable(QString::number(elapsed.elapsed())));
    const qint64 pid = pidFrom(QStringLiteral("pid"));
    QVERIFY(pid > 0);
    QVERIFY(!alive(pid));
}

void TestCommandRunner::crash_failsWithTheSignal()
{
    const QString command = script(R"(
echo '{"kind":"step","tokensOut":4}'
echo 'segfaulting on purpose' >&2
kill -SEGV $$
)");
    const Report report = run(request(command));
    QCOMPARE(report.outcomes.size(), 1);
    const RunnerOutcome outcome = report.outcomes.constFirst();
    QCOMPARE(outcome.status, RunStatus::Failed);
    QCOMPARE(outcome.error, QStringLiteral("crashed (signal %1, SIGSEGV)\nsegfaulting on purpose").arg(SIGSEGV));
    QCOMPARE(outcome.tokensOut, 4);
    QCOMPARE(report.events.size(), 1);
}

void TestCommandRunner::exitStatus_failsWithStderr()
{
    // More stderr than is kept: the end of it is in the message.
    const QString command = script(R"(
i=0
while [ $i -lt 3000 ]; do echo "noise line $i of many" >&2; i=$((i+1)); done
echo 'no lead found' >&2
exit 3
)");
    const Report report = run(request(command));
    QCOMPARE(report.outcomes.size(), 1);
    const RunnerOutcome outcome = report.outcomes.constFirst();
    QCOMPARE(outcome.status, RunStatus::Failed);
    QCOMPARE(outcome.exitCode, 3);
    QVERIFY2(outcome.error.startsWith(QStringLiteral("exit status 3\n")), qPrintable(outcome.error.left(100)));
    QVERIFY(outcome.error.endsWith(QStringLiteral("noise line 2999 of many\nno lead found")));
    QVERIFY(!outcome.error.contains(QStringLiteral("noise line 0 of many")));
    QVERIFY(outcome.error.size() <= 64 * 1024 + 20);
}

void TestCommandRunner::missingProgram_failsToStart_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("no such file") << QStringLiteral("/nonexistent/agent --fast")
                                  << QStringLiteral("could not start /nonexistent/agent: ");
    QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("no command to run: the spec's runner names none");
}

void TestCommandRunner::missingProgram_failsToStart()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    const Report report = run(request(command));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Failed);
    QVERIFY2(report.outcomes.constFirst().error.startsWith(error), qPrintable(report.outcomes.constFirst().error));
    QVERIFY(report.outcomes.constFirst().error.size() > error.size() || command.trimmed().isEmpty());
    QVERIFY(report.events.isEmpty());
}

void TestCommandRunner::flood_endsTheRun()
{
    // An endless line of NUL bytes: never a line, and never an end.
    QElapsedTimer elapsed;
    elapsed.start();
    const Report report = run(request(QStringLiteral("/bin/cat /dev/zero")));
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(report.outcomes.constFirst().error, QStringLiteral("the program wrote more than 64 MiB of output"));
    QVERIFY2(elapsed.elapsed() < 20000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(report.events.size(), 1);
    QCOMPARE(report.events.constFirst().summary,
             QStringLiteral("line 1 of the output is not a JSON event: it is longer than 1048576 bytes"));
}

void TestCommandRunner::cancel_endsTheRun()
{
    const QString command = script(R"(
echo $$ > "$DIR/pid"
echo '{"kind":"step","summary":"started"}'
exec sleep 60
)");
    Report report;
    CommandRunner runner(*m_clock);
    connectReport(runner, report);
    runner.start(request(command));
    QTRY_COMPARE_WITH_TIMEOUT(report.events.size(), 1, 5000);
    runner.cancel(QStringLiteral("the server is shutting down"));
    runner.cancel(QStringLiteral("asked twice"));
    QTRY_COMPARE_WITH_TIMEOUT(report.outcomes.size(), 1, 5000);
    QTest::qWait(150);
    QCOMPARE(report.outcomes.size(), 1);
    QCOMPARE(report.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(report.outcomes.constFirst().error, QStringLiteral("the server is shutting down"));
    QVERIFY(!alive(pidFrom(QStringLiteral("pid"))));
    // After the end, cancel() changes nothing.
    runner.cancel(QStringLiteral("too late"));
    QTest::qWait(50);
    QCOMPARE(report.outcomes.size(), 1);
}

void TestCommandRunner::destroy_killsTheProcess()
{
    const QString command = script(R"(
echo $$ > "$DIR/pid"
echo '{"kind":"step"}'
exec sleep 60
)");
    Report report;
    auto runner = std::make_unique<CommandRunner>(*m_clock);
    connectReport(*runner, report);
    runner->start(request(command));
    QTRY_COMPARE_WITH_TIMEOUT(report.events.size(), 1, 5000);
    const qint64 pid = pidFrom(QStringLiteral("pid"));
    QVERIFY(alive(pid));
    runner.reset();
    QVERIFY(!alive(pid));
    QVERIFY(report.outcomes.isEmpty());
}

void TestCommandRunner::reported_isAcceptedByTheStore()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    test::TestStore where;
    QVERIFY2(where.isValid(), qPrintable(where.error().message));
    Result<std::unique_ptr<Store>> created = where.create();
    QVERIFY(created.ok());
    const std::unique_ptr<Store> store = std::move(created).value();
    const QString admin = QStringLiteral("ada.admin");
    const QString because = QStringLiteral("setting up");
    OrgService org(*store, *m_clock);
    AgentService agents(*store, *m_clock, org);
    const Result<OrgNode> acme = org.createCompany(QStringLiteral("acme"), admin, because);
    QVERIFY(acme.ok());
    const Result<OrgNode> sales =
        org.createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), admin, because);
    QVERIFY(sales.ok());
    const QString specText = QStringLiteral("model: gpt-4o-mini\ninstructions: |\n  Write to the lead.\n"
                                            "criticality: standard\n");
    const Result<OrgNode> agent = agents.createAgent(
        {sales->id, QStringLiteral("outreach"), admin, Visibility::Team, Criticality::Standard, specText}, admin,
        because);
    QVERIFY2(agent.ok(), agent.ok() ? "" : qPrintable(agent.error().message));

    ActivityService activity(*store, *m_clock);
    Run started;
    started.agentId = agent->id;
    started.version = 1;
    started.trigger = RunTrigger::Manual;
    const Result<Run> recordedRun = activity.startRun(started);
    QVERIFY(recordedRun.ok());

    // Garbage with NUL bytes and control characters, text that JSON carries NUL in, good
    // events (one with NUL inside its body), a proposal, and NUL on stderr.
    const QByteArray output = QByteArray("\x00\x01binary\xff\x00\n", 11)
        + QByteArray("{\"kind\":\"step\",\"summary\":\"tab\x01here\"}\n")
        + R"({"kind":"step","summary":"a\u0000b"})"
          "\n"
        + R"({"kind":"step","summary":"Grüße aus Köln","body":{"raw":"x\u0000y"},"tokensIn":3})"
          "\n"
        + R"({"proposal":{"title":"Email to Ada","payload":"Hello Ada","payloadFormat":"markdown"}})"
          "\n";
    QFile file(m_dir->filePath(QStringLiteral("output.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(output), output.size());
    file.close();
    const QString command = script(R"(
cat "$DIR/output.bin"
printf 'it went\000wrong\n' >&2
exit 2
)");
    RunRequest asked = request(command);
    asked.run = recordedRun.value();
    asked.agentPath = agent->path;
    const Report report = run(asked);
    QCOMPARE(report.outcomes.size(), 1);
    const RunnerOutcome outcome = report.outcomes.constFirst();
    QCOMPARE(outcome.status, RunStatus::Failed);
    QCOMPARE(outcome.error, QStringLiteral("exit status 2\nit went\uFFFDwrong"));
    QCOMPARE(report.events.size(), 4);
    QCOMPARE(report.proposals.size(), 1);

    // As the runtime records the end: an event with the error, then the run's outcome.
    QList<ActivityEvent> events = report.events;
    ActivityEvent ended;
    ended.clientId = QStringLiteral("steward-run-%1-finished").arg(recordedRun->id);
    ended.agentId = agent->id;
    ended.runId = recordedRun->id;
    ended.kind = QLatin1String(EventKinds::RunFinished);
    ended.status = QStringLiteral("error");
    ended.summary = outcome.error.section(QLatin1Char('\n'), 0, 0);
    ended.detail = outcome.error;
    events.append(ended);
    const Result<ActivityService::IngestResult> ingested = activity.ingest(events);
    QVERIFY2(ingested.ok(), ingested.ok() ? "" : qPrintable(ingested.error().message));
    QCOMPARE(ingested->accepted, 5);
    // Stored again (the runtime retrying a batch it is unsure about): nothing twice.
    const Result<ActivityService::IngestResult> again = activity.ingest(events);
    QVERIFY(again.ok());
    QCOMPARE(again->duplicates, 5);

    Run finished = recordedRun.value();
    finished.status = outcome.status;
    finished.tokensIn = outcome.tokensIn;
    const Result<Run> stored = activity.finishRun(finished);
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
    QCOMPARE(stored->tokensIn, 3);

    ApprovalService approvals(*store, *m_clock, org);
    const Result<Approval> approval = approvals.submit(report.proposals.constFirst(), QStringLiteral("steward"));
    QVERIFY2(approval.ok(), approval.ok() ? "" : qPrintable(approval.error().message));
    QCOMPARE(approval->runId, recordedRun->id);
    QCOMPARE(approval->version, 1);
    QCOMPARE(approval->payload, QStringLiteral("Hello Ada"));
}

QTEST_GUILESS_MAIN(TestCommandRunner)
#include "tst_commandrunner.moc"
