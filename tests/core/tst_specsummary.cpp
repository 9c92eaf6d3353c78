// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The field-level summary of a spec change.
#include "diff/specsummary.h"

#include <QTest>

using namespace steward;

namespace {

AgentSpec base()
{
    AgentSpec spec;
    spec.model = QStringLiteral("gpt-4o-mini");
    spec.instructions = QStringLiteral("Invite prospects to the summit in Lisbon.\nBe brief.");
    spec.tools = {{QStringLiteral("crm.lookup"), QStringLiteral("read")}};
    spec.triggers = {{QStringLiteral("event"), QStringLiteral("lead.created"), QString()}};
    spec.outputs = {QStringLiteral("email")};
    return spec;
}

} // namespace

class TestSpecSummary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changes_nameEachChangedField();
    void changes_ofIdenticalSpecs_isEmpty();
    void changes_nameRunnerFields();
    void changes_ofUnparsableText_countsLines();
};

void TestSpecSummary::changes_nameEachChangedField()
{
    AgentSpec after = base();
    after.model = QStringLiteral("gpt-4o");
    after.instructions = QStringLiteral("Invite prospects to the summit in London.\nBe brief.");
    after.tools.append({QStringLiteral("web.search"), QStringLiteral("read")});
    after.triggers.clear();
    after.approvalExpiry = QStringLiteral("24h");
    after.criticality = Criticality::Critical;
    QCOMPARE(
        SpecSummary::changes(base(), after),
        (QStringList{QStringLiteral("model: gpt-4o-mini -> gpt-4o"), QStringLiteral("instructions: lines changed: 1"),
                     QStringLiteral("tools: +web.search (read)"), QStringLiteral("triggers: -event lead.created"),
                     QStringLiteral("approval.expires: (none) -> 24h"),
                     QStringLiteral("criticality: standard -> critical")}));
}

void TestSpecSummary::changes_nameRunnerFields()
{
    AgentSpec withRunner = base();
    withRunner.runner.kind = QStringLiteral("command");
    withRunner.runner.target = QStringLiteral("/opt/agents/invite --dry-run");
    QCOMPARE(SpecSummary::changes(base(), withRunner),
             QStringList{QStringLiteral("runner: (none) -> command /opt/agents/invite --dry-run")});
    AgentSpec tuned = withRunner;
    tuned.runner.timeoutSeconds = 3600;
    tuned.runner.overlap = QStringLiteral("queue");
    tuned.runner.maxConcurrentRuns = 3;
    QCOMPARE(SpecSummary::changes(withRunner.toCanonicalText(), tuned.toCanonicalText()),
             (QStringList{QStringLiteral("runner.timeout: 5m -> 1h"), QStringLiteral("runner.overlap: skip -> queue"),
                          QStringLiteral("runner.concurrency: 1 -> 3")}));
}

void TestSpecSummary::changes_ofIdenticalSpecs_isEmpty()
{
    QVERIFY(SpecSummary::changes(base(), base()).isEmpty());
    QVERIFY(SpecSummary::changes(base().toCanonicalText(), base().toCanonicalText()).isEmpty());
}

void TestSpecSummary::changes_ofUnparsableText_countsLines()
{
    QCOMPARE(SpecSummary::changes(QStringLiteral("a\nb\n"), QStringLiteral("a\nc\nd\n")),
             QStringList{QStringLiteral("lines changed: 2")});
}

QTEST_GUILESS_MAIN(TestSpecSummary)
#include "tst_specsummary.moc"
