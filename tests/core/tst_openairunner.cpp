// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The openai runner against a real OpenAI-compatible server on 127.0.0.1 (FakeOpenAi): the
// request carries the spec's model, instructions, payload, temperature and max_tokens and the
// key as a bearer token; an answer becomes a model-call step, an output event and a proposal;
// tokens and cost come from the answer or the price list; every way an untrusted server can
// fail ends the run Failed with a clear reason and an error event, exactly once; the key never
// appears in anything reported.
#include "api/apilimits.h"
#include "domain/clock.h"
#include "fakeopenai.h"
#include "runtime/openairunner.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "storage/store.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace steward;

Q_DECLARE_METATYPE(steward::test::FakeOpenAi::Mode)

namespace {

const QByteArray key = QByteArrayLiteral("sk-test-4f9c2a7b1e6d8f3a");

// What one run reported, in order.
struct Recorded
{
    QList<ActivityEvent> events;
    QList<NewApproval> proposals;
    QList<RunnerOutcome> outcomes;
    bool finishedDuringStart = false;

    [[nodiscard]] QStringList kinds() const
    {
        QStringList kinds;
        for (const ActivityEvent &event : events) {
            kinds.append(event.kind);
        }
        return kinds;
    }
    // Every text the run reported, to look for the key in.
    [[nodiscard]] QString allText() const
    {
        QString text;
        for (const ActivityEvent &event : events) {
            text += event.summary + event.detail + QString::fromUtf8(QJsonDocument(event.body).toJson());
        }
        for (const NewApproval &proposal : proposals) {
            text += proposal.title + proposal.payload;
        }
        for (const RunnerOutcome &outcome : outcomes) {
            text += outcome.error;
        }
        return text;
    }
};

} // namespace

class TestOpenAiRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void endpoint_data();
    void endpoint();
    void completion_postsTheSpecAndReportsTheAnswer();
    void cost_data();
    void cost();
    void failures_data();
    void failures();
    void hungServer_timesOut();
    void connectionRefused_fails();
    void answerQuotingTheKey_isRedacted();
    void noKey_sendsNoAuthorization();
    void configurationProblems_failWithoutCalling_data();
    void configurationProblems_failWithoutCalling();
    void longAnswer_detailCutProposalWhole();
    void cancel_endsTheCallOnce();
    void destroy_withCallUnderWay_neverCallsBack();
    void program_servesCompletions();
    void reported_isAcceptedByTheStore();

private:
    [[nodiscard]] OpenAiRunner::Options options() const;
    [[nodiscard]] static RunRequest request();
    // Starts a run and waits for its outcome, then a little longer for anything after it.
    [[nodiscard]] Recorded run(OpenAiRunner &runner, const RunRequest &request, int timeoutMs = 10000);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<test::FakeOpenAi> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestOpenAiRunner::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC));
    m_server = std::make_unique<test::FakeOpenAi>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

OpenAiRunner::Options TestOpenAiRunner::options() const
{
    return {m_server->baseUrl(), key, {{QStringLiteral("gpt-4o-mini"), ModelPrice{0.15, 0.60}}}};
}

RunRequest TestOpenAiRunner::request()
{
    RunRequest request;
    request.run.id = 17;
    request.run.agentId = 5;
    request.run.version = 3;
    request.run.trigger = RunTrigger::Event;
    request.run.triggerDetail = QStringLiteral("ticket.created");
    request.agentPath = QStringLiteral("/acme/support/triage");
    request.spec.model = QStringLiteral("gpt-4o-mini");
    request.spec.temperature = 0.25;
    request.spec.maxTokens = 500;
    request.spec.instructions = QStringLiteral("Draft a reply to the ticket.\nAnswer in markdown.");
    request.spec.runner.kind = QStringLiteral("openai");
    request.spec.runner.timeoutSeconds = 30;
    request.payload = {{QStringLiteral("ticket"), 42}, {QStringLiteral("subject"), QStringLiteral("Refund")}};
    return request;
}

Recorded TestOpenAiRunner::run(OpenAiRunner &runner, const RunRequest &request, int timeoutMs)
{
    Recorded recorded;
    connect(&runner, &Runner::eventsReported, this,
            [&recorded](const QList<ActivityEvent> &events) { recorded.events += events; });
    connect(&runner, &Runner::proposalReported, this,
            [&recorded](const NewApproval &proposal) { recorded.proposals.append(proposal); });
    connect(&runner, &Runner::finished, this,
            [&recorded](const RunnerOutcome &outcome) { recorded.outcomes.append(outcome); });
    runner.start(request);
    recorded.finishedDuringStart = !recorded.outcomes.isEmpty();
    if (QTest::qWaitFor([&recorded] { return !recorded.outcomes.isEmpty(); }, timeoutMs)) {
        QTest::qWait(50);
    }
    disconnect(&runner, nullptr, this, nullptr);
    return recorded;
}

void TestOpenAiRunner::endpoint_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("openai") << "https://api.openai.com/v1"
                            << "https://api.openai.com/v1/chat/completions";
    QTest::newRow("trailing slash") << "http://127.0.0.1:8080/v1/"
                                    << "http://127.0.0.1:8080/v1/chat/completions";
    QTest::newRow("no path") << "http://llm.internal:11434"
                             << "http://llm.internal:11434/chat/completions";
    QTest::newRow("deeper") << "https://gw.example/openai/v1"
                            << "https://gw.example/openai/v1/chat/completions";
}

void TestOpenAiRunner::endpoint()
{
    QFETCH(QString, base);
    QFETCH(QString, endpoint);
    QCOMPARE(OpenAiRunner::endpoint(QUrl(base)).toString(), endpoint);
}

void TestOpenAiRunner::completion_postsTheSpecAndReportsTheAnswer()
{
    m_server->setUsage(1200, 300);
    OpenAiRunner runner(*m_clock, options(), *m_network);
    const Recorded recorded = run(runner, request());

    QCOMPARE(m_server->requests().size(), 1);
    const test::FakeOpenAi::Request &sent = m_server->requests().constFirst();
    QCOMPARE(sent.method, QByteArrayLiteral("POST"));
    QCOMPARE(sent.path, QByteArrayLiteral("/v1/chat/completions"));
    QCOMPARE(sent.headers.value("authorization"), QByteArray("Bearer " + key));
    QCOMPARE(sent.headers.value("content-type"), QByteArrayLiteral("application/json"));
    const QJsonObject body = sent.json();
    QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(body.value(QStringLiteral("temperature")).toDouble(), 0.25);
    QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 500);
    const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("content")).toString(),
             QStringLiteral("Draft a reply to the ticket.\nAnswer in markdown."));
    QCOMPARE(messages.at(1).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    const QJsonDocument payload =
        QJsonDocument::fromJson(messages.at(1).toObject().value(QStringLiteral("content")).toString().toUtf8());
    QCOMPARE(payload.object(), request().payload);
    QCOMPARE(body.keys(),
             (QStringList{QStringLiteral("max_tokens"), QStringLiteral("messages"), QStringLiteral("model"),
                          QStringLiteral("temperature")}));

    QCOMPARE(recorded.kinds(), (QStringList{QStringLiteral("step"), QStringLiteral("output")}));
    const ActivityEvent &call = recorded.events.at(0);
    QCOMPARE(call.status, QStringLiteral("ok"));
    QCOMPARE(call.summary, QStringLiteral("model call: gpt-4o-mini"));
    QCOMPARE(call.tokensIn, 1200);
    QCOMPARE(call.tokensOut, 300);
    QVERIFY(qFuzzyCompare(call.cost, (1200 * 0.15 + 300 * 0.60) / 1e6));
    QVERIFY(call.latencyMs >= 0);
    QCOMPARE(call.body.value(QStringLiteral("messages")).toArray(), messages);
    QCOMPARE(call.body.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QCOMPARE(call.body.value(QStringLiteral("finish_reason")).toString(), QStringLiteral("stop"));
    QCOMPARE(call.time, m_clock->now());
    for (const ActivityEvent &event : recorded.events) {
        QCOMPARE(event.agentId, 5);
        QCOMPARE(event.version, 3);
        QCOMPARE(event.runId, 17);
    }
    const ActivityEvent &output = recorded.events.at(1);
    QCOMPARE(output.status, QStringLiteral("ok"));
    QCOMPARE(output.summary, QStringLiteral("Dear customer,"));
    QCOMPARE(output.detail, QStringLiteral("Dear customer,\n\nthank you for your message."));

    QCOMPARE(recorded.proposals.size(), 1);
    const NewApproval &proposal = recorded.proposals.constFirst();
    QCOMPARE(proposal.agentId, 5);
    QCOMPARE(proposal.runId, 17);
    QCOMPARE(proposal.version, 3);
    QCOMPARE(proposal.title, QStringLiteral("triage: Dear customer,"));
    QCOMPARE(proposal.payload, QStringLiteral("Dear customer,\n\nthank you for your message."));
    QCOMPARE(proposal.payloadFormat, QStringLiteral("markdown"));
    QVERIFY(proposal.action.isEmpty());

    QCOMPARE(recorded.outcomes.size(), 1);
    const RunnerOutcome &outcome = recorded.outcomes.constFirst();
    QCOMPARE(outcome.status, RunStatus::Succeeded);
    QVERIFY(outcome.error.isEmpty());
    QCOMPARE(outcome.tokensIn, 1200);
    QCOMPARE(outcome.tokensOut, 300);
    QVERIFY(qFuzzyCompare(outcome.cost, 0.00036));
    QVERIFY(!recorded.allText().contains(QString::fromUtf8(key)));
}

void TestOpenAiRunner::cost_data()
{
    QTest::addColumn<bool>("serverSaysCost");
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("cost");
    // 1000 tokens in and 2000 out; the server's own figure is 0.5.
    QTest::newRow("the server's cost beats the price list") << true << "gpt-4o-mini" << 0.5;
    QTest::newRow("the server's cost for an unpriced model") << true << "local-llama" << 0.5;
    QTest::newRow("from the price list") << false << "gpt-4o-mini" << (1000 * 0.15 + 2000 * 0.60) / 1e6;
    QTest::newRow("unpriced and unsaid: free") << false << "local-llama" << 0.0;
}

void TestOpenAiRunner::cost()
{
    QFETCH(bool, serverSaysCost);
    QFETCH(QString, model);
    QFETCH(double, cost);
    m_server->setMode(serverSaysCost ? test::FakeOpenAi::Mode::CompletionWithCost : test::FakeOpenAi::Mode::Completion);
    m_server->setUsage(1000, 2000);
    m_server->setCost(0.5);
    RunRequest asked = request();
    asked.spec.model = model;
    OpenAiRunner runner(*m_clock, options(), *m_network);
    const Recorded recorded = run(runner, asked);
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(recorded.outcomes.constFirst().cost, cost);
    QCOMPARE(recorded.events.constFirst().cost, cost);
}

void TestOpenAiRunner::failures_data()
{
    using Mode = test::FakeOpenAi::Mode;
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("tokensOut"); // usage is still counted when the answer is refused
    QTest::newRow("401") << Mode::Unauthorized
                         << "the model server refused the API key (HTTP 401 Unauthorized): Incorrect API key "
                            "provided: [key]. You can find your API key at "
                            "https://platform.openai.com/account/api-keys."
                         << qint64(0);
    QTest::newRow("429") << Mode::RateLimited
                         << "the model server is rate limiting or out of quota (HTTP 429 Too Many Requests): Rate "
                            "limit reached for requests. Please try again in 20s."
                         << qint64(0);
    QTest::newRow("500") << Mode::ServerError
                         << "the model server failed (HTTP 500 Internal Server Error): The server had an error "
                            "while processing your request. Sorry about that!"
                         << qint64(0);
    QTest::newRow("garbage") << Mode::Garbage << "the model server's answer is not a JSON object" << qint64(0);
    QTest::newRow("no choices") << Mode::NoChoices << "the model server's answer has no choices" << qint64(30);
    QTest::newRow("empty") << Mode::EmptyContent << "the model's answer is empty" << qint64(30);
    QTest::newRow("truncated") << Mode::Truncated
                               << "the answer was truncated at max_tokens (500); raise max_tokens in the spec or "
                                  "ask for less"
                               << qint64(30);
    QTest::newRow("huge") << Mode::Huge << "the model server's answer is larger than 8 MiB" << qint64(0);
}

void TestOpenAiRunner::failures()
{
    using Mode = test::FakeOpenAi::Mode;
    QFETCH(Mode, mode);
    QFETCH(QString, reason);
    QFETCH(qint64, tokensOut);
    m_server->setMode(mode);
    OpenAiRunner runner(*m_clock, options(), *m_network);
    const Recorded recorded = run(runner, request());

    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(recorded.outcomes.size(), 1);
    const RunnerOutcome &outcome = recorded.outcomes.constFirst();
    QCOMPARE(outcome.status, RunStatus::Failed);
    QCOMPARE(outcome.error, reason);
    QCOMPARE(outcome.tokensOut, tokensOut);
    QVERIFY(recorded.proposals.isEmpty());
    QCOMPARE(recorded.kinds(), (QStringList{QStringLiteral("step"), QStringLiteral("error")}));
    QCOMPARE(recorded.events.at(0).status, QStringLiteral("error"));
    QCOMPARE(recorded.events.at(0).tokensOut, tokensOut);
    QCOMPARE(recorded.events.at(1).status, QStringLiteral("error"));
    QCOMPARE(recorded.events.at(1).summary, reason);
    QCOMPARE(recorded.events.at(1).detail, reason);
    QVERIFY(!recorded.allText().contains(QString::fromUtf8(key)));
}

void TestOpenAiRunner::hungServer_timesOut()
{
    m_server->setMode(test::FakeOpenAi::Mode::Hang);
    RunRequest hung = request();
    hung.spec.runner.timeoutSeconds = 1;
    OpenAiRunner runner(*m_clock, options(), *m_network);
    QElapsedTimer elapsed;
    elapsed.start();
    const Recorded recorded = run(runner, hung);
    QCOMPARE(recorded.outcomes.size(), 1);
    QVERIFY2(elapsed.elapsed() >= 900 && elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(recorded.outcomes.constFirst().error, QStringLiteral("no answer from the model server within 1 s"));
    QCOMPARE(recorded.kinds(), (QStringList{QStringLiteral("step"), QStringLiteral("error")}));
    QVERIFY(recorded.events.constFirst().latencyMs >= 900);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestOpenAiRunner::connectionRefused_fails()
{
    // A port that was free a moment ago and that nobody listens on now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    OpenAiRunner::Options refused = options();
    refused.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    OpenAiRunner runner(*m_clock, refused, *m_network);
    const Recorded recorded = run(runner, request());
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(recorded.outcomes.constFirst().error,
             QStringLiteral("cannot reach the model server at http://127.0.0.1:%1/v1: Connection refused").arg(port));
    QCOMPARE(recorded.kinds(), (QStringList{QStringLiteral("step"), QStringLiteral("error")}));
}

void TestOpenAiRunner::answerQuotingTheKey_isRedacted()
{
    m_server->setContent(QStringLiteral("Your key is %1, keep it safe.").arg(QString::fromUtf8(key)));
    OpenAiRunner runner(*m_clock, options(), *m_network);
    const Recorded recorded = run(runner, request());
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(recorded.proposals.constFirst().payload, QStringLiteral("Your key is [key], keep it safe."));
    QCOMPARE(recorded.events.at(1).detail, QStringLiteral("Your key is [key], keep it safe."));
    QVERIFY(!recorded.allText().contains(QString::fromUtf8(key)));
}

void TestOpenAiRunner::noKey_sendsNoAuthorization()
{
    m_server->setMode(test::FakeOpenAi::Mode::Unauthorized);
    OpenAiRunner::Options keyless = options();
    keyless.apiKey.clear();
    OpenAiRunner runner(*m_clock, keyless, *m_network);
    const Recorded recorded = run(runner, request());
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(!m_server->requests().constFirst().headers.contains("authorization"));
    QCOMPARE(recorded.outcomes.size(), 1);
    QVERIFY2(recorded.outcomes.constFirst().error.startsWith(
                 QStringLiteral("the model server refused the call, and no API key is configured (HTTP 401")),
             qPrintable(recorded.outcomes.constFirst().error));
}

void TestOpenAiRunner::configurationProblems_failWithoutCalling_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no server") << ""
                               << "gpt-4o-mini"
                               << "no OpenAI-compatible server is configured (stewardd --openai-base-url)";
    QTest::newRow("not http") << "ftp://user:pw@files.example/v1"
                              << "gpt-4o-mini"
                              << "the OpenAI base URL \"ftp://files.example/v1\" is not an http or https URL with a "
                                 "host";
    QTest::newRow("no host") << "http:///v1"
                             << "gpt-4o-mini"
                             << "the OpenAI base URL \"http:///v1\" is not an http or https URL with a host";
    QTest::newRow("no model") << "SERVER"
                              << "  "
                              << "the agent's spec names no model";
}

void TestOpenAiRunner::configurationProblems_failWithoutCalling()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, model);
    QFETCH(QString, reason);
    OpenAiRunner::Options broken = options();
    broken.baseUrl = baseUrl == QLatin1String("SERVER") ? m_server->baseUrl() : QUrl(baseUrl);
    RunRequest asked = request();
    asked.spec.model = model;
    OpenAiRunner runner(*m_clock, broken, *m_network);
    const Recorded recorded = run(runner, asked);
    // Like every other outcome, from the event loop: the runtime may still be connecting.
    QVERIFY(!recorded.finishedDuringStart);
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(recorded.outcomes.constFirst().error, reason);
    QCOMPARE(recorded.kinds(), QStringList{QStringLiteral("error")});
    QVERIFY(m_server->requests().isEmpty());
}

void TestOpenAiRunner::longAnswer_detailCutProposalWhole()
{
    // Longer than an event's detail, within what a proposal may hold.
    const QString text = QStringLiteral("Summary\n") + QString(ApiLimits::MaxDetailLength, QLatin1Char('y'));
    m_server->setContent(text);
    OpenAiRunner runner(*m_clock, options(), *m_network);
    const Recorded recorded = run(runner, request());
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(recorded.events.at(1).detail.size(), ApiLimits::MaxDetailLength);
    QCOMPARE(recorded.events.at(1).body.value(QStringLiteral("length")).toInteger(), text.size());
    QCOMPARE(recorded.proposals.constFirst().payload, text);
    QCOMPARE(recorded.proposals.constFirst().title, QStringLiteral("triage: Summary"));

    // Longer than a proposal may be: a reviewer could not read it; the run fails.
    m_server->setContent(QString(ApiLimits::MaxPayloadLength + 1, QLatin1Char('z')));
    OpenAiRunner tooLong(*m_clock, options(), *m_network);
    const Recorded refused = run(tooLong, request());
    QCOMPARE(refused.outcomes.size(), 1);
    QCOMPARE(refused.outcomes.constFirst().status, RunStatus::Failed);
    QCOMPARE(refused.outcomes.constFirst().error,
             QStringLiteral("the answer is 262145 characters long, more than the 262144 a proposal may have"));
    QVERIFY(refused.proposals.isEmpty());
}

void TestOpenAiRunner::cancel_endsTheCallOnce()
{
    m_server->setMode(test::FakeOpenAi::Mode::Hang);
    OpenAiRunner runner(*m_clock, options(), *m_network);
    QSignalSpy finished(&runner, &Runner::finished);
    QSignalSpy events(&runner, &Runner::eventsReported);
    runner.start(request());
    QVERIFY(QTest::qWaitFor([this] { return !m_server->requests().isEmpty(); }, 10000));
    runner.cancel(QStringLiteral("the server is shutting down"));
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.constFirst().constFirst().value<RunnerOutcome>();
    QCOMPARE(outcome.status, RunStatus::Failed);
    QCOMPARE(outcome.error, QStringLiteral("the server is shutting down"));
    runner.cancel(QStringLiteral("again"));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(events.size(), 1);
}

void TestOpenAiRunner::destroy_withCallUnderWay_neverCallsBack()
{
    m_server->setMode(test::FakeOpenAi::Mode::Hang);
    int outcomes = 0;
    {
        OpenAiRunner runner(*m_clock, options(), *m_network);
        connect(&runner, &Runner::finished, this, [&outcomes] { ++outcomes; });
        runner.start(request());
        QVERIFY(QTest::qWaitFor([this] { return !m_server->requests().isEmpty(); }, 10000));
    }
    QTest::qWait(100);
    QCOMPARE(outcomes, 0);
}

void TestOpenAiRunner::program_servesCompletions()
{
    QProcess program;
    program.start(QStringLiteral(FAKEOPENAI_PATH),
                  {QStringLiteral("--mode"), QStringLiteral("cost"), QStringLiteral("--content"),
                   QStringLiteral("From the program.")});
    QVERIFY(program.waitForStarted());
    QVERIFY(QTest::qWaitFor([&program] { return program.canReadLine(); }, 10000));
    const quint16 port = program.readLine().trimmed().toUShort();
    QVERIFY(port != 0);
    OpenAiRunner::Options remote = options();
    remote.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    OpenAiRunner runner(*m_clock, remote, *m_network);
    const Recorded recorded = run(runner, request());
    program.kill();
    program.waitForFinished();
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Succeeded);
    QCOMPARE(recorded.outcomes.constFirst().cost, 0.00042);
    QCOMPARE(recorded.proposals.constFirst().payload, QStringLiteral("From the program."));
}

void TestOpenAiRunner::reported_isAcceptedByTheStore()
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
    const Result<OrgNode> support =
        org.createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), admin, because);
    QVERIFY(support.ok());
    const QString specText = QStringLiteral("model: gpt-4o-mini\ninstructions: |\n  Draft a reply to the ticket.\n"
                                            "criticality: standard\n");
    const Result<OrgNode> agent = agents.createAgent(
        {support->id, QStringLiteral("triage"), admin, Visibility::Team, Criticality::Standard, specText}, admin,
        because);
    QVERIFY2(agent.ok(), agent.ok() ? "" : qPrintable(agent.error().message));

    ActivityService activity(*store, *m_clock);
    Run started;
    started.agentId = agent->id;
    started.version = 1;
    started.trigger = RunTrigger::Event;
    started.triggerDetail = QStringLiteral("ticket.created");
    const Result<Run> recordedRun = activity.startRun(started);
    QVERIFY(recordedRun.ok());
    RunRequest asked;
    asked.run = recordedRun.value();
    asked.agentPath = agent->path;
    const Result<AgentSpec> spec = AgentSpec::parse(specText);
    QVERIFY(spec.ok());
    asked.spec = spec.value();
    asked.spec.runner.kind = QStringLiteral("openai");
    asked.payload = {{QStringLiteral("ticket"), 42}};

    OpenAiRunner runner(*m_clock, options(), *m_network);
    const Recorded recorded = run(runner, asked);
    QCOMPARE(recorded.outcomes.size(), 1);
    QCOMPARE(recorded.outcomes.constFirst().status, RunStatus::Succeeded);
    const Result<ActivityService::IngestResult> ingested = activity.ingest(recorded.events);
    QVERIFY2(ingested.ok(), ingested.ok() ? "" : qPrintable(ingested.error().message));
    QCOMPARE(ingested->accepted, 2);

    ApprovalService approvals(*store, *m_clock, org);
    const Result<Approval> approval = approvals.submit(recorded.proposals.constFirst(), QStringLiteral("steward"));
    QVERIFY2(approval.ok(), approval.ok() ? "" : qPrintable(approval.error().message));
    QCOMPARE(approval->title, QStringLiteral("triage: Dear customer,"));
    QCOMPARE(approval->runId, recordedRun->id);
    QCOMPARE(approval->version, 1);
    QCOMPARE(approval->payload, QStringLiteral("Dear customer,\n\nthank you for your message."));

    // A failed run's events are stored as well.
    m_server->setMode(test::FakeOpenAi::Mode::Unauthorized);
    OpenAiRunner refused(*m_clock, options(), *m_network);
    const Recorded failed = run(refused, asked);
    QCOMPARE(failed.outcomes.size(), 1);
    QCOMPARE(failed.outcomes.constFirst().status, RunStatus::Failed);
    const Result<ActivityService::IngestResult> failure = activity.ingest(failed.events);
    QVERIFY2(failure.ok(), failure.ok() ? "" : qPrintable(failure.error().message));
    QCOMPARE(failure->accepted, 2);
}

QTEST_GUILESS_MAIN(TestOpenAiRunner)
#include "tst_openairunner.moc"
