// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The agent spec's canonical text: it round-trips, fields may come in any order, and a bad
// spec is refused with the line and the reason.
#include "domain/agentspec.h"

#include <QCryptographicHash>
#include <QTest>

using namespace steward;

namespace {

AgentSpec sample()
{
    AgentSpec spec;
    spec.description = QStringLiteral("Writes first-touch emails to new prospects");
    spec.model = QStringLiteral("gpt-4o-mini");
    spec.temperature = 0.3;
    spec.maxTokens = 800;
    spec.instructions = QStringLiteral("You write the first email.\n\nKeep it under 120 words.\n  - indented bullet");
    spec.tools = {{QStringLiteral("crm.lookup"), QStringLiteral("read")},
                  {QStringLiteral("email.draft"), QStringLiteral("write")}};
    spec.triggers = {{QStringLiteral("schedule"), QStringLiteral("0 9 * * 1-5"), QStringLiteral("Europe/Berlin")},
                     {QStringLiteral("event"), QStringLiteral("lead.created"), QString()}};
    spec.approvalsRequired = 2;
    spec.reviewers = QStringLiteral("/acme/sales");
    spec.approvalExpiry = QStringLiteral("48h");
    spec.outputs = {QStringLiteral("email"), QStringLiteral("crm.note")};
    spec.criticality = Criticality::Critical;
    return spec;
}

} // namespace

class TestAgentSpec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalText_isLineOriented();
    void parse_ofCanonicalText_givesTheSpecBack();
    void parse_acceptsAnyFieldOrderAndCanonicalises();
    void parse_refusesWithLineAndReason_data();
    void parse_refusesWithLineAndReason();
    void canonicalText_withoutRunner_isAsBeforeRunners();
    void runner_canonicalTextAndRoundTrip_data();
    void runner_canonicalTextAndRoundTrip();
    void runner_refusals_data();
    void runner_refusals();
};

void TestAgentSpec::canonicalText_isLineOriented()
{
    QCOMPARE(sample().toCanonicalText(),
             QStringLiteral("description: Writes first-touch emails to new prospects\n"
                            "model: gpt-4o-mini\n"
                            "model.temperature: 0.3\n"
                            "model.max_tokens: 800\n"
                            "instructions: |\n"
                            "  You write the first email.\n"
                            "\n"
                            "  Keep it under 120 words.\n"
                            "    - indented bullet\n"
                            "tools:\n"
                            "  - crm.lookup (read)\n"
                            "  - email.draft (write)\n"
                            "triggers:\n"
                            "  - schedule 0 9 * * 1-5 Europe/Berlin\n"
                            "  - event lead.created\n"
                            "approval.required: 2\n"
                            "approval.reviewers: /acme/sales\n"
                            "approval.expires: 48h\n"
                            "outputs: email, crm.note\n"
                            "criticality: critical\n"));
}

void TestAgentSpec::parse_ofCanonicalText_givesTheSpecBack()
{
    const AgentSpec spec = sample();
    const auto parsed = AgentSpec::parse(spec.toCanonicalText());
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->instructions, spec.instructions);
    QVERIFY(parsed.value() == spec);
    QCOMPARE(parsed->toCanonicalText(), spec.toCanonicalText());
}

void TestAgentSpec::parse_acceptsAnyFieldOrderAndCanonicalises()
{
    const QString text = QStringLiteral("criticality: standard\r\n"
                                        "instructions: |\n"
                                        "  Triage new tickets.\n"
                                        "\n"
                                        "\n"
                                        "model: claude-3-5-haiku\n"
                                        "tools:\n"
                                        "\n"
                                        "  - zendesk.read (read)\n");
    const auto parsed = AgentSpec::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->model, QStringLiteral("claude-3-5-haiku"));
    QCOMPARE(parsed->instructions, QStringLiteral("Triage new tickets."));
    QCOMPARE(parsed->tools.size(), 1);
    QCOMPARE(parsed->criticality, Criticality::Standard);
    QVERIFY(parsed->toCanonicalText().startsWith(QStringLiteral("description: \nmodel: claude-3-5-haiku\n")));
}

void TestAgentSpec::parse_refusesWithLineAndReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    const QString valid = sample().toCanonicalText();
    const auto replaced = [&valid](const char *from, const char *to) {
        QString text = valid;
        return text.replace(QLatin1String(from), QLatin1String(to));
    };
    QTest::newRow("unknown field") << valid + QStringLiteral("colour: blue\n") << "Line 21: unknown field \"colour\".";
    QTest::newRow("duplicate field") << valid + QStringLiteral("model: x\n") << "Line 21: \"model\" appears twice.";
    QTest::newRow("not a field") << QStringLiteral("just some words\n") << "Line 1: expected \"field: value\".";
    QTest::newRow("bad permission") << replaced("crm.lookup (read)", "crm.lookup (admin)")
                                    << "Line 11: unknown tool permission \"admin\"; use read, write or send.";
    QTest::newRow("tool without permission") << replaced("crm.lookup (read)", "crm.lookup")
                                             << "Line 11: a tool is written as \"name (permission)\", for example "
                                                "\"crm.lookup (read)\".";
    QTest::newRow("bad cron") << replaced("0 9 * * 1-5", "0 9 * * MOON")
                              << "Line 14: day of week: \"MOON\" is not a number or a name.";
    QTest::newRow("cron out of range") << replaced("0 9 * * 1-5", "61 9 * * 1-5")
                                       << "Line 14: minute: 61 is out of range 0-59.";
    QTest::newRow("cron never fires") << replaced("0 9 * * 1-5", "0 9 31 4 *")
                                      << "Line 14: \"0 9 31 4 *\" never fires: none of its months has the days of "
                                         "the month it names.";
    QTest::newRow("short cron") << replaced("0 9 * * 1-5 Europe/Berlin", "0 9 *")
                                << "Line 14: a schedule is written as \"schedule\", five cron fields and an optional "
                                   "time zone, for example \"schedule 0 9 * * 1-5 Europe/Berlin\".";
    QTest::newRow("bad zone") << replaced("Europe/Berlin", "Mars/Olympus")
                              << "Line 14: \"Mars/Olympus\" is not a known time zone.";
    QTest::newRow("bad trigger kind") << replaced("event lead.created", "webhook x")
                                      << "Line 15: a trigger starts with \"schedule\" or \"event\".";
    QTest::newRow("temperature") << replaced("model.temperature: 0.3", "model.temperature: 7")
                                 << "Line 3: the temperature is a number from 0 to 2.";
    QTest::newRow("max tokens") << replaced("model.max_tokens: 800", "model.max_tokens: lots")
                                << "Line 4: max_tokens is a whole number from 1 to 1000000.";
    QTest::newRow("approvals") << replaced("approval.required: 2", "approval.required: -1")
                               << "Line 16: approval.required is a whole number from 0 to 10.";
    QTest::newRow("reviewers") << replaced("approval.reviewers: /acme/sales", "approval.reviewers: sales")
                               << "Line 17: approval.reviewers is a path in the org tree, such as /acme/sales.";
    QTest::newRow("expiry") << replaced("approval.expires: 48h", "approval.expires: two days")
                            << "Line 18: approval.expires is a duration such as 30m, 48h or 7d.";
    QTest::newRow("criticality") << replaced("criticality: critical", "criticality: very")
                                 << "Line 20: criticality is critical, standard or experimental.";
    QTest::newRow("model name") << replaced("model: gpt-4o-mini", "model: gpt 4o")
                                << "Line 2: \"gpt 4o\" is not a valid model name.";
    QTest::newRow("instructions inline") << replaced("instructions: |", "instructions: be nice")
                                         << "Line 5: instructions are written as \"instructions: |\" followed by lines "
                                            "indented by two spaces.";
    QTest::newRow("stray indented line") << QStringLiteral("model: x\n  - y\n")
                                         << "Line 2: an indented line belongs below \"instructions: |\", \"tools:\" or "
                                            "\"triggers:\", and list items start with \"- \".";
    QTest::newRow("no model") << QStringLiteral("instructions: |\n  x\ncriticality: standard\n")
                              << "The spec has no \"model\" field.";
    QTest::newRow("empty instructions") << QStringLiteral("model: x\ninstructions: |\n\ncriticality: standard\n")
                                        << "The instructions are empty.";
    QTest::newRow("empty text") << QString() << "The spec has no \"model\" field.";
    QTest::newRow("sql and control characters") << QStringLiteral("model: x'; DROP TABLE agents;--\n")
                                                << "Line 1: \"x'; DROP TABLE agents;--\" is not a valid model name.";
}

void TestAgentSpec::parse_refusesWithLineAndReason()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto parsed = AgentSpec::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, Error::Code::Invalid);
    QCOMPARE(parsed.error().message, message);
}

void TestAgentSpec::canonicalText_withoutRunner_isAsBeforeRunners()
{
    // Stored versions carry the SHA-256 of their canonical text; this is the hash of the sample
    // as Steward wrote it before specs had runners. A spec without a runner must keep it.
    const QString text = sample().toCanonicalText();
    QVERIFY(!text.contains(QStringLiteral("runner")));
    QCOMPARE(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex(),
             QByteArray("34382d7e375439e51fd19cd1b3bcd97a98e88306dff780273de9295daf7311ee"));
    const auto parsed = AgentSpec::parse(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->runner, AgentSpec::Runner{});
}

void TestAgentSpec::runner_canonicalTextAndRoundTrip_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("timeoutSeconds");
    QTest::addColumn<QString>("overlap");
    QTest::addColumn<int>("concurrency");

    QTest::newRow("command, defaults") << "runner: command /opt/agents/score --fast\n"
                                       << "runner: command /opt/agents/score --fast\nrunner.timeout: 5m\n"
                                          "runner.overlap: skip\nrunner.concurrency: 1\n"
                                       << "command"
                                       << "/opt/agents/score --fast" << 300 << "skip" << 1;
    QTest::newRow("http, all settings, any order")
        << "runner.concurrency: 4\nrunner.overlap: queue\nrunner: http https://harness.example/run?x=1\n"
           "runner.timeout: 90s\n"
        << "runner: http https://harness.example/run?x=1\nrunner.timeout: 90s\nrunner.overlap: queue\n"
           "runner.concurrency: 4\n"
        << "http"
        << "https://harness.example/run?x=1" << 90 << "queue" << 4;
    QTest::newRow("openai, seconds in whole minutes")
        << "runner: openai\nrunner.timeout: 120s\n"
        << "runner: openai\nrunner.timeout: 2m\nrunner.overlap: skip\nrunner.concurrency: 1\n"
        << "openai"
        << "" << 120 << "skip" << 1;
    QTest::newRow("longest timeout in minutes") << "runner: openai\nrunner.timeout: 1440m\n"
                                                << "runner: openai\nrunner.timeout: 24h\nrunner.overlap: skip\n"
                                                   "runner.concurrency: 1\n"
                                                << "openai"
                                                << "" << 86400 << "skip" << 1;
    QTest::newRow("shortest timeout, most runs") << "runner: openai\nrunner.timeout: 1s\nrunner.concurrency: 100\n"
                                                 << "runner: openai\nrunner.timeout: 1s\nrunner.overlap: skip\n"
                                                    "runner.concurrency: 100\n"
                                                 << "openai"
                                                 << "" << 1 << "skip" << 100;
}

void TestAgentSpec::runner_canonicalTextAndRoundTrip()
{
    QFETCH(QString, written);
    QFETCH(QString, canonical);
    const QString base = QStringLiteral("model: gpt-4o-mini\ninstructions: |\n  Score leads.\ncriticality: standard\n");
    const auto parsed = AgentSpec::parse(base + written);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
    QTEST(parsed->runner.kind, "kind");
    QTEST(parsed->runner.target, "target");
    QTEST(parsed->runner.timeoutSeconds, "timeoutSeconds");
    QTEST(parsed->runner.overlap, "overlap");
    QTEST(parsed->runner.maxConcurrentRuns, "concurrency");
    const QString text = parsed->toCanonicalText();
    // The runner comes right after the triggers.
    QVERIFY2(text.contains(QStringLiteral("triggers:\n") + canonical + QStringLiteral("approval.required: 1\n")),
             qPrintable(text));
    const auto again = AgentSpec::parse(text);
    QVERIFY(again.ok());
    QVERIFY(again.value() == parsed.value());
    QCOMPARE(again->toCanonicalText(), text);
}

void TestAgentSpec::runner_refusals_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown kind") << "runner: lambda arn:aws:x"
                                  << "Line 4: the runner is command, http or openai, for example \"runner: command "
                                     "/opt/agents/score\".";
    QTest::newRow("empty") << "runner:"
                           << "Line 4: the runner is command, http or openai, for example \"runner: command "
                              "/opt/agents/score\".";
    QTest::newRow("command without program")
        << "runner: command"
        << "Line 4: a command runner names the program to start, for example \"runner: command /opt/agents/score "
           "--fast\".";
    QTest::newRow("http without URL") << "runner: http"
                                      << "Line 4: an http runner names the harness's http or https URL, for example "
                                         "\"runner: http https://harness.example/run\".";
    QTest::newRow("http with ftp URL") << "runner: http ftp://harness.example/run"
                                       << "Line 4: an http runner names the harness's http or https URL, for example "
                                          "\"runner: http https://harness.example/run\".";
    QTest::newRow("http without host") << "runner: http https:///run"
                                       << "Line 4: an http runner names the harness's http or https URL, for example "
                                          "\"runner: http https://harness.example/run\".";
    QTest::newRow("openai with a target")
        << "runner: openai gpt-4o"
        << "Line 4: the openai runner takes nothing after its name; the model is the spec's \"model\".";
    QTest::newRow("timeout zero") << "runner: openai\nrunner.timeout: 0s"
                                  << "Line 5: runner.timeout is a duration from 1s to 24h, such as 30s, 5m or 1h.";
    QTest::newRow("timeout over a day")
        << "runner: openai\nrunner.timeout: 25h"
        << "Line 5: runner.timeout is a duration from 1s to 24h, such as 30s, 5m or 1h.";
    QTest::newRow("timeout in days") << "runner: openai\nrunner.timeout: 1d"
                                     << "Line 5: runner.timeout is a duration from 1s to 24h, such as 30s, 5m or 1h.";
    QTest::newRow("timeout huge") << "runner: openai\nrunner.timeout: 99999999999999h"
                                  << "Line 5: runner.timeout is a duration from 1s to 24h, such as 30s, 5m or 1h.";
    QTest::newRow("timeout without unit")
        << "runner: openai\nrunner.timeout: 300"
        << "Line 5: runner.timeout is a duration from 1s to 24h, such as 30s, 5m or 1h.";
    QTest::newRow("overlap") << "runner: openai\nrunner.overlap: drop"
                             << "Line 5: runner.overlap is skip or queue: what a trigger does while a run is under "
                                "way.";
    QTest::newRow("concurrency zero") << "runner: openai\nrunner.concurrency: 0"
                                      << "Line 5: runner.concurrency is a whole number from 1 to 100.";
    QTest::newRow("concurrency 101") << "runner: openai\nrunner.concurrency: 101"
                                     << "Line 5: runner.concurrency is a whole number from 1 to 100.";
    QTest::newRow("settings without a runner")
        << "runner.overlap: queue\nrunner.timeout: 1m"
        << "Line 4: runner settings need a runner: add a line such as \"runner: command /opt/agents/score\".";
    QTest::newRow("runner twice") << "runner: openai\nrunner: openai"
                                  << "Line 5: \"runner\" appears twice.";
    QTest::newRow("unknown runner setting") << "runner: openai\nrunner.retries: 3"
                                            << "Line 5: unknown field \"runner.retries\".";
}

void TestAgentSpec::runner_refusals()
{
    QFETCH(QString, lines);
    QFETCH(QString, message);
    const QString text = QStringLiteral("model: gpt-4o-mini\ninstructions: |\n  Score leads.\n") + lines
        + QStringLiteral("\ncriticality: standard\n");
    const auto parsed = AgentSpec::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, Error::Code::Invalid);
    QCOMPARE(parsed.error().message, message);
}

QTEST_GUILESS_MAIN(TestAgentSpec)
#include "tst_agentspec.moc"
