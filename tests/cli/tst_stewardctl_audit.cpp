// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl's accountability commands, run as the real binary: agents created from spec files,
// edits and proposals, history, diff, blame and rollback, the audit chain's check and listing,
// signing keys and signed bundles. A small workspace (no demo data) is built once; tests that
// change it work on copies. Tampering is done with QSqlDatabase on copies.
#include "stewardctlprocess.h"

#include "domain/clock.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

namespace {

const QString triagePath = QStringLiteral("/acme/support/frontline/ticket-triage");
const QString refundsPath = QStringLiteral("/acme/finance/payments/refund-approver");

// Written in another field order than Steward's, to show that any order is read.
const QByteArray triageSpec = "criticality: standard\n"
                              "description: Sorts incoming support tickets\n"
                              "model: gpt-4o-mini\n"
                              "instructions: |\n"
                              "  Read the ticket and choose a queue.\n"
                              "  Answer in one word.\n"
                              "tools:\n"
                              "  - tickets.read (read)\n"
                              "triggers:\n"
                              "  - event ticket.created\n"
                              "approval.required: 0\n"
                              "approval.reviewers: /acme/support\n"
                              "approval.expires: 24h\n"
                              "outputs: ticket\n";

const QByteArray refundsSpec = "description: Approves small refunds\n"
                               "model: gpt-4o\n"
                               "instructions: |\n"
                               "  Approve refunds under 50 euros.\n"
                               "tools:\n"
                               "  - payments.refund (write)\n"
                               "triggers:\n"
                               "  - event refund.requested\n"
                               "approval.required: 1\n"
                               "approval.reviewers: /acme/finance\n"
                               "approval.expires: 48h\n"
                               "outputs: email\n"
                               "criticality: critical\n";

QByteArray replaced(QByteArray text, const QByteArray &before, const QByteArray &after)
{
    return text.replace(before, after);
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

// Runs SQL on a workspace or bundle file as a tamperer would, outside Steward.
bool tamper(const QString &file, const QString &statement)
{
    const QString connection = QStringLiteral("tamper-") + file;
    bool done = false;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(file);
        if (database.open()) {
            QSqlQuery query(database);
            done = query.exec(statement) && query.numRowsAffected() == 1;
            database.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return done;
}

} // namespace

class TestStewardctlAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentCreate_fromFileAndStdin();
    void agentEdit_data();
    void agentEdit();
    void proposal_approvedByAnother_becomesHead();
    void proposal_reject_keepsHead();
    void history_listsVersionsAndProposals();
    void diff_unified_isExact();
    void diff_formats_data();
    void diff_formats();
    void diff_json_hasLinesAndWordSpans();
    void diff_sideBySide_fitsLongLines();
    void blame_namesLineOrigins();
    void rollback_andShowVersion();
    void auditVerify_intact();
    void auditVerify_tampered_data();
    void auditVerify_tampered();
    void auditList_filters_data();
    void auditList_filters();
    void bundle_exportAndVerify();
    void bundle_export_createsDefaultKey();
    void bundle_tampered_failsContentAndChain();
    void bundle_otherKey_fails();
    void help_newCommands_data();
    void help_newCommands();
    void failures_data();
    void failures();

private:
    [[nodiscard]] StewardctlOutcome run(const QStringList &arguments, const QByteArray &input = {}) const;
    [[nodiscard]] QString copyOf(const QString &source, const QString &name) const;
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &content) const;
    // Edits an agent of `store` with `spec`, checking it worked.
    void edit(const QString &store, const QString &path, const QByteArray &spec, int base, const QString &actor);
    // Signs a bundle of the workspace with agents with a new key: the bundle's path and the
    // public key, or empty strings when that failed.
    [[nodiscard]] std::pair<QString, QString> exportBundle(const QString &name);

    QTemporaryDir m_dir;
    QString m_empty; // company, departments and teams; no agents
    QString m_agents; // m_empty with ticket-triage (standard) and refund-approver (critical)
};

StewardctlOutcome TestStewardctlAudit::run(const QStringList &arguments, const QByteArray &input) const
{
    return runStewardctl(arguments, m_dir.path(), input);
}

QString TestStewardctlAudit::copyOf(const QString &source, const QString &name) const
{
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    return QFile::copy(source, copy) ? copy : QString();
}

QString TestStewardctlAudit::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

void TestStewardctlAudit::edit(const QString &store, const QString &path, const QByteArray &spec, int base,
                               const QString &actor)
{
    const QString file = writeFile(QStringLiteral("edit.spec"), spec);
    const StewardctlOutcome edited =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("edit"), path,
             QStringLiteral("--spec"), file, QStringLiteral("--base"), QString::number(base),
             QStringLiteral("--reason"), QStringLiteral("Edit by ") + actor, QStringLiteral("--actor"), actor});
    QVERIFY2(edited.exitCode == 0, qPrintable(edited.err));
}

void TestStewardctlAudit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_empty = m_dir.filePath(QStringLiteral("empty.steward"));
    {
        auto created = Store::create(m_empty);
        QVERIFY(created.ok());
        const SystemClock clock;
        OrgService org(*created.value(), clock);
        const QString admin = QStringLiteral("ada.admin");
        const Result<OrgNode> company = org.createCompany(QStringLiteral("acme"), admin, QStringLiteral("Founded"));
        QVERIFY(company.ok());
        for (const auto &[department, team] : {std::pair{QStringLiteral("support"), QStringLiteral("frontline")},
                                               std::pair{QStringLiteral("finance"), QStringLiteral("payments")}}) {
            const Result<OrgNode> group =
                org.createGroup(company->id, NodeKind::Department, department, admin, QStringLiteral("Org chart"));
            QVERIFY(group.ok());
            QVERIFY(org.createGroup(group->id, NodeKind::Team, team, admin, QStringLiteral("Org chart")).ok());
        }
    }
    m_agents = copyOf(m_empty, QStringLiteral("agents.steward"));
    QVERIFY(!m_agents.isEmpty());
    const QString spec = writeFile(QStringLiteral("triage.spec"), triageSpec);
    const StewardctlOutcome triage =
        run({QStringLiteral("--store"), m_agents, QStringLiteral("agent"), QStringLiteral("create"),
             QStringLiteral("/acme/support/frontline"), QStringLiteral("ticket-triage"), QStringLiteral("--owner"),
             QStringLiteral("ana"), QStringLiteral("--spec"), spec, QStringLiteral("--reason"),
             QStringLiteral("Triage by model"), QStringLiteral("--actor"), QStringLiteral("ana")});
    QVERIFY2(triage.exitCode == 0, qPrintable(triage.err));
    const StewardctlOutcome refunds =
        run({QStringLiteral("--store"), m_agents, QStringLiteral("agent"), QStringLiteral("create"),
             QStringLiteral("/acme/finance/payments"), QStringLiteral("refund-approver"), QStringLiteral("--owner"),
             QStringLiteral("ben"), QStringLiteral("--spec"), QStringLiteral("-"), QStringLiteral("--reason"),
             QStringLiteral("Faster refunds"), QStringLiteral("--actor"), QStringLiteral("ben")},
            refundsSpec);
    QVERIFY2(refunds.exitCode == 0, qPrintable(refunds.err));
}

void TestStewardctlAudit::agentCreate_fromFileAndStdin()
{
    const QString store = copyOf(m_empty, QStringLiteral("create.steward"));
    const QString spec = writeFile(QStringLiteral("create.spec"), triageSpec);
    const StewardctlOutcome created =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("create"),
             QStringLiteral("/acme/support/frontline"), QStringLiteral("ticket-triage"), QStringLiteral("--owner"),
             QStringLiteral("ana"), QStringLiteral("--visibility"), QStringLiteral("public"), QStringLiteral("--spec"),
             spec, QStringLiteral("--reason"), QStringLiteral("Triage by model"), QStringLiteral("--actor"),
             QStringLiteral("ana")});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(created.err.isEmpty());
    QCOMPARE(created.out, QStringLiteral("Created %1 (version 1, standard)\n").arg(triagePath));

    const StewardctlOutcome fromStdin =
        run({QStringLiteral("--store"), store, QStringLiteral("--json"), QStringLiteral("agent"),
             QStringLiteral("create"), QStringLiteral("/acme/finance/payments"), QStringLiteral("refund-approver"),
             QStringLiteral("--owner"), QStringLiteral("ben"), QStringLiteral("--spec"), QStringLiteral("-"),
             QStringLiteral("--reason"), QStringLiteral("Faster refunds")},
            refundsSpec);
    QCOMPARE(fromStdin.exitCode, 0);
    const QJsonObject agent = jsonObject(fromStdin.out);
    QCOMPARE(agent.value(QStringLiteral("path")).toString(), refundsPath);
    QCOMPARE(agent.value(QStringLiteral("criticality")).toString(), QStringLiteral("critical"));
    QCOMPARE(agent.value(QStringLiteral("visibility")).toString(), QStringLiteral("team"));
    QCOMPARE(agent.value(QStringLiteral("headVersion")).toInt(), 1);

    const StewardctlOutcome shown = run({QStringLiteral("--store"), store, QStringLiteral("agent"),
                                         QStringLiteral("show"), triagePath, QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject triage = jsonObject(shown.out);
    QCOMPARE(triage.value(QStringLiteral("owner")).toString(), QStringLiteral("ana"));
    QCOMPARE(triage.value(QStringLiteral("visibility")).toString(), QStringLiteral("public"));
    const QJsonObject head = triage.value(QStringLiteral("headVersion")).toObject();
    QCOMPARE(head.value(QStringLiteral("author")).toString(), QStringLiteral("ana"));
    QCOMPARE(head.value(QStringLiteral("reason")).toString(), QStringLiteral("Triage by model"));
    QVERIFY(head.value(QStringLiteral("spec"))
                .toString()
                .startsWith(QLatin1String("description: Sorts incoming support tickets\nmodel: gpt-4o-mini\n")));
}

void TestStewardctlAudit::agentEdit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<int>("base");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::newRow("standard: saved") << triagePath << replaced(triageSpec, "gpt-4o-mini", "gpt-4o") << 1 << 0
                                     << QStringLiteral("saved version 2\n") << QString();
    QTest::newRow("critical: proposed")
        << refundsPath << replaced(refundsSpec, "under 50", "under 80") << 1 << 0
        << QStringLiteral("proposed as proposal 1 (critical agent: needs a second person's approval)\n") << QString();
    QTest::newRow("stale base") << triagePath << replaced(triageSpec, "gpt-4o-mini", "gpt-4o") << 7 << 1 << QString()
                                << QStringLiteral("stewardctl: %1 has changed since you started editing: you based "
                                                  "your change on version 7, but version 1 is now the latest.")
                                       .arg(triagePath);
    QTest::newRow("invalid spec") << triagePath << replaced(triageSpec, "(read)", "(admin)") << 1 << 1 << QString()
                                  << QStringLiteral("stewardctl: Line 8:");
    QTest::newRow("unchanged") << triagePath << triageSpec << 1 << 1 << QString()
                               << QStringLiteral("stewardctl: The spec is unchanged");
}

void TestStewardctlAudit::agentEdit()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, spec);
    QFETCH(int, base);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const QString store = copyOf(m_agents, QStringLiteral("edit.steward"));
    const QString file = writeFile(QStringLiteral("new.spec"), spec);
    const StewardctlOutcome edited = run(
        {QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("edit"), path,
         QStringLiteral("--spec"), file, QStringLiteral("--base"), QString::number(base), QStringLiteral("--reason"),
         QStringLiteral("Better answers"), QStringLiteral("--actor"), QStringLiteral("cy")});
    QCOMPARE(edited.exitCode, exitCode);
    QCOMPARE(edited.out, out);
    if (err.isEmpty()) {
        QVERIFY(edited.err.isEmpty());
    } else {
        QVERIFY2(edited.err.startsWith(err), qPrintable(edited.err));
        QCOMPARE(edited.err.count(QLatin1Char('\n')), 1);
    }
}

void TestStewardctlAudit::proposal_approvedByAnother_becomesHead()
{
    const QString store = copyOf(m_agents, QStringLiteral("approve.steward"));
    edit(store, refundsPath, replaced(refundsSpec, "under 50", "under 80"), 1, QStringLiteral("cy"));

    const StewardctlOutcome listed = run({QStringLiteral("--store"), store, QStringLiteral("proposal"),
                                          QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray pending = jsonArray(listed.out);
    QCOMPARE(pending.size(), 1);
    const QJsonObject proposal = pending.first().toObject();
    QCOMPARE(proposal.value(QStringLiteral("agent")).toString(), refundsPath);
    QCOMPARE(proposal.value(QStringLiteral("author")).toString(), QStringLiteral("cy"));
    QCOMPARE(proposal.value(QStringLiteral("baseVersion")).toInt(), 1);
    const QString id = QString::number(proposal.value(QStringLiteral("id")).toInteger());

    const StewardctlOutcome own =
        run({QStringLiteral("--store"), store, QStringLiteral("proposal"), QStringLiteral("approve"), id,
             QStringLiteral("--reason"), QStringLiteral("Fine"), QStringLiteral("--actor"), QStringLiteral("cy")});
    QCOMPARE(own.exitCode, 1);
    QVERIFY(own.out.isEmpty());
    QVERIFY2(own.err.contains(QLatin1String("needs a second person: cy proposed it and cannot approve it")),
             qPrintable(own.err));

    const StewardctlOutcome approved =
        run({QStringLiteral("--store"), store, QStringLiteral("proposal"), QStringLiteral("approve"), id,
             QStringLiteral("--reason"), QStringLiteral("Checked the limit"), QStringLiteral("--actor"),
             QStringLiteral("ben")});
    QCOMPARE(approved.exitCode, 0);
    QCOMPARE(approved.out, QStringLiteral("approved proposal %1: %2 is now at version 2\n").arg(id, refundsPath));

    const StewardctlOutcome again =
        run({QStringLiteral("--store"), store, QStringLiteral("proposal"), QStringLiteral("approve"), id,
             QStringLiteral("--reason"), QStringLiteral("Twice"), QStringLiteral("--actor"), QStringLiteral("dee")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QLatin1String("already been decided")));

    const StewardctlOutcome history = run({QStringLiteral("--store"), store, QStringLiteral("agent"),
                                           QStringLiteral("history"), refundsPath, QStringLiteral("--json")});
    QCOMPARE(history.exitCode, 0);
    const QJsonObject head = jsonObject(history.out).value(QStringLiteral("versions")).toArray().first().toObject();
    QCOMPARE(head.value(QStringLiteral("number")).toInt(), 2);
    QCOMPARE(head.value(QStringLiteral("author")).toString(), QStringLiteral("cy"));
    QCOMPARE(head.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("ben"));
    QCOMPARE(head.value(QStringLiteral("reason")).toString(), QStringLiteral("Edit by cy"));
    QVERIFY(jsonObject(history.out).value(QStringLiteral("pendingProposals")).toArray().isEmpty());
}

void TestStewardctlAudit::proposal_reject_keepsHead()
{
    const QString store = copyOf(m_agents, QStringLiteral("reject.steward"));
    edit(store, refundsPath, replaced(refundsSpec, "under 50", "under 500"), 1, QStringLiteral("cy"));
    const StewardctlOutcome rejected =
        run({QStringLiteral("--store"), store, QStringLiteral("proposal"), QStringLiteral("reject"),
             QStringLiteral("1"), QStringLiteral("--reason"), QStringLiteral("Limit too high"),
             QStringLiteral("--actor"), QStringLiteral("ben")});
    QCOMPARE(rejected.exitCode, 0);
    QCOMPARE(rejected.out, QStringLiteral("rejected proposal 1\n"));
    const StewardctlOutcome listed =
        run({QStringLiteral("--store"), store, QStringLiteral("proposal"), QStringLiteral("list"), refundsPath});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out, QStringLiteral("No pending proposals.\n"));
    const StewardctlOutcome shown =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("show-version"), refundsPath});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains(QLatin1String("under 50 euros")));
}

void TestStewardctlAudit::history_listsVersionsAndProposals()
{
    const QString store = copyOf(m_agents, QStringLiteral("history.steward"));
    edit(store, triagePath, replaced(triageSpec, "gpt-4o-mini", "gpt-4o"), 1, QStringLiteral("ben"));
    edit(store, refundsPath, replaced(refundsSpec, "under 50", "under 80"), 1, QStringLiteral("cy"));

    const StewardctlOutcome triage =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("history"), triagePath});
    QCOMPARE(triage.exitCode, 0);
    const QStringList lines = triage.out.split(QLatin1Char('\n'));
    QVERIFY(lines.at(0).startsWith(QLatin1String("VERSION  AUTHOR  TIME")));
    QVERIFY(lines.at(1).startsWith(QLatin1String("2        ben")));
    QVERIFY(lines.at(1).endsWith(QLatin1String("Edit by ben")));
    QVERIFY(lines.at(2).startsWith(QLatin1String("1        ana")));
    QVERIFY(lines.at(2).contains(QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))));
    QVERIFY(triage.out.contains(QLatin1String("Pending proposals: none")));

    const StewardctlOutcome refunds =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("history"), refundsPath});
    QCOMPARE(refunds.exitCode, 0);
    const qsizetype pending = refunds.out.indexOf(QLatin1String("Pending proposals:\nPROPOSAL  BASE  AUTHOR"));
    QVERIFY2(pending > 0, qPrintable(refunds.out));
    QVERIFY(refunds.out.mid(pending).contains(QLatin1String("\n1         1     cy")));
}

void TestStewardctlAudit::diff_unified_isExact()
{
    const QString store = copyOf(m_agents, QStringLiteral("unified.steward"));
    edit(store, triagePath, replaced(triageSpec, "gpt-4o-mini", "gpt-4o"), 1, QStringLiteral("ben"));
    const StewardctlOutcome diff =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("diff"), triagePath});
    QCOMPARE(diff.exitCode, 0);
    QVERIFY(diff.err.isEmpty());
    QCOMPARE(diff.out,
             QStringLiteral("--- ticket-triage v1\n"
                            "+++ ticket-triage v2\n"
                            "@@ -1,5 +1,5 @@\n"
                            " description: Sorts incoming support tickets\n"
                            "-model: gpt-4o-mini\n"
                            "+model: gpt-4o\n"
                            " model.temperature: 0.2\n"
                            " model.max_tokens: 1024\n"
                            " instructions: |\n"));
    const StewardctlOutcome same =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("diff"), triagePath,
             QStringLiteral("--from"), QStringLiteral("2")});
    QCOMPARE(same.exitCode, 0);
    QVERIFY(same.out.isEmpty());
}

void TestStewardctlAudit::diff_formats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("side-by-side") << QStringLiteral("side-by-side")
                                  << QStringList{QStringLiteral("ticket-triage v1"),
                                                 QStringLiteral("| ticket-triage v2"),
                                                 QStringLiteral(" 2 - model: gpt-4o-mini"),
                                                 QStringLiteral("|  2 + model: gpt-4o"),
                                                 QStringLiteral(" 7     Answer in one word.")};
    QTest::newRow("summary") << QStringLiteral("summary")
                             << QStringList{QStringLiteral("model: gpt-4o-mini -> gpt-4o\n")};
}

void TestStewardctlAudit::diff_formats()
{
    QFETCH(QString, format);
    QFETCH(QStringList, expected);
    const QString store = copyOf(m_agents, QStringLiteral("formats.steward"));
    edit(store, triagePath, replaced(triageSpec, "gpt-4o-mini", "gpt-4o"), 1, QStringLiteral("ben"));
    const StewardctlOutcome diff =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("diff"), triagePath,
             QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("2"),
             QStringLiteral("--format"), format});
    QCOMPARE(diff.exitCode, 0);
    for (const QString &part : expected) {
        QVERIFY2(diff.out.contains(part), qPrintable(part + QStringLiteral(" not in:\n") + diff.out));
    }
}

void TestStewardctlAudit::diff_json_hasLinesAndWordSpans()
{
    const QString store = copyOf(m_agents, QStringLiteral("json.steward"));
    edit(store, triagePath, replaced(triageSpec, "gpt-4o-mini", "gpt-4o"), 1, QStringLiteral("ben"));
    const StewardctlOutcome diff =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("diff"), triagePath,
             QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(diff.exitCode, 0);
    const QJsonObject object = jsonObject(diff.out);
    QCOMPARE(object.value(QStringLiteral("from")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("to")).toInt(), 2);
    QCOMPARE(object.value(QStringLiteral("summary")).toArray(),
             QJsonArray{QStringLiteral("model: gpt-4o-mini -> gpt-4o")});
    const QJsonArray lines = object.value(QStringLiteral("lines")).toArray();
    QCOMPARE(lines.size(), 17);
    const QJsonObject removed = lines.at(1).toObject();
    QCOMPARE(removed.value(QStringLiteral("kind")).toString(), QStringLiteral("removed"));
    QCOMPARE(removed.value(QStringLiteral("oldNumber")).toInt(), 2);
    QCOMPARE(removed.value(QStringLiteral("newNumber")).toInt(), 0);
    QCOMPARE(removed.value(QStringLiteral("text")).toString(), QStringLiteral("model: gpt-4o-mini"));
    const QJsonArray words = removed.value(QStringLiteral("changedWords")).toArray();
    QCOMPARE(words.size(), 1);
    const QJsonObject span = words.first().toObject();
    QCOMPARE(QStringLiteral("model: gpt-4o-mini")
                 .mid(span.value(QStringLiteral("start")).toInt(), span.value(QStringLiteral("length")).toInt()),
             QStringLiteral("-mini"));
    const QJsonObject added = lines.at(2).toObject();
    QCOMPARE(added.value(QStringLiteral("kind")).toString(), QStringLiteral("added"));
    QCOMPARE(added.value(QStringLiteral("newNumber")).toInt(), 2);
    QCOMPARE(lines.at(3).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("same"));
}

void TestStewardctlAudit::diff_sideBySide_fitsLongLines()
{
    const QString store = copyOf(m_agents, QStringLiteral("wide.steward"));
    const QByteArray longLine = "  " + QByteArray(120, 'w') + " end.\n";
    edit(store, triagePath, replaced(triageSpec, "  Answer in one word.\n", "  Answer in one word.\n" + longLine), 1,
         QStringLiteral("ben"));
    const StewardctlOutcome diff =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("diff"), triagePath,
             QStringLiteral("--format"), QStringLiteral("side-by-side")});
    QCOMPARE(diff.exitCode, 0);
    const QStringList lines = diff.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 18);
    for (const QString &line : lines) {
        QVERIFY2(line.size() <= 160, qPrintable(line));
    }
    const auto added = std::find_if(lines.cbegin(), lines.cend(),
                                    [](const QString &line) { return line.contains(QLatin1String(" 8 + ")); });
    QVERIFY(added != lines.cend());
    QCOMPARE(added->size(), 160);
    QVERIFY(added->endsWith(QChar(0x2026)));
    QVERIFY(added->startsWith(QString(78, QLatin1Char(' ')) + QStringLiteral(" | ")));
}

void TestStewardctlAudit::blame_namesLineOrigins()
{
    const QString store = copyOf(m_agents, QStringLiteral("blame.steward"));
    const QByteArray second = replaced(triageSpec, "gpt-4o-mini", "gpt-4o");
    edit(store, triagePath, second, 1, QStringLiteral("ben"));
    edit(store, triagePath, replaced(second, "one word.\n", "one word.\n  Mark urgent tickets.\n"), 2,
         QStringLiteral("cy"));

    const StewardctlOutcome blame = run({QStringLiteral("--store"), store, QStringLiteral("agent"),
                                         QStringLiteral("blame"), triagePath, QStringLiteral("--json")});
    QCOMPARE(blame.exitCode, 0);
    const QJsonArray lines = jsonObject(blame.out).value(QStringLiteral("lines")).toArray();
    QCOMPARE(lines.size(), 17);
    for (const QJsonValue &value : lines) {
        const QJsonObject line = value.toObject();
        const int number = line.value(QStringLiteral("line")).toInt();
        const int expected = number == 2 ? 2 : number == 8 ? 3 : 1;
        QCOMPARE(line.value(QStringLiteral("version")).toInt(), expected);
        QCOMPARE(line.value(QStringLiteral("author")).toString(),
                 expected == 1       ? QStringLiteral("ana")
                     : expected == 2 ? QStringLiteral("ben")
                                     : QStringLiteral("cy"));
    }
    QCOMPARE(lines.at(7).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("  Mark urgent tickets."));
    QCOMPARE(lines.at(7).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("Edit by cy"));
    QCOMPARE(lines.at(1).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("Edit by ben"));

    const StewardctlOutcome text =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("blame"), triagePath});
    QCOMPARE(text.exitCode, 0);
    const QStringList rows = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 17);
    const QRegularExpression row(QStringLiteral("^v2  ben  \\d{4}-\\d\\d-\\d\\d   2  model: gpt-4o$"));
    QVERIFY2(row.match(rows.at(1)).hasMatch(), qPrintable(rows.at(1)));
    QVERIFY2(rows.at(7).startsWith(QLatin1String("v3  cy ")), qPrintable(rows.at(7)));
    QVERIFY(rows.at(7).endsWith(QLatin1String("   8    Mark urgent tickets.")));

    const StewardctlOutcome first =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("blame"), triagePath,
             QStringLiteral("--version"), QStringLiteral("1")});
    QCOMPARE(first.exitCode, 0);
    for (const QString &line : first.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QVERIFY(line.startsWith(QLatin1String("v1  ana")));
    }
}

void TestStewardctlAudit::rollback_andShowVersion()
{
    const QString store = copyOf(m_agents, QStringLiteral("rollback.steward"));
    const QByteArray second = replaced(triageSpec, "gpt-4o-mini", "gpt-4o");
    edit(store, triagePath, second, 1, QStringLiteral("ben"));
    edit(store, triagePath, replaced(second, "24h", "12h"), 2, QStringLiteral("cy"));
    const StewardctlOutcome rolledBack =
        run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("rollback"), triagePath,
             QStringLiteral("--to"), QStringLiteral("1"), QStringLiteral("--base"), QStringLiteral("3"),
             QStringLiteral("--reason"), QStringLiteral("Back to the small model"), QStringLiteral("--actor"),
             QStringLiteral("dee")});
    QCOMPARE(rolledBack.exitCode, 0);
    QCOMPARE(rolledBack.out, QStringLiteral("saved version 4\n"));
    const QStringList show{QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("show-version"),
                           triagePath};
    const StewardctlOutcome head = run(show);
    const StewardctlOutcome first = run(show + QStringList{QStringLiteral("--version"), QStringLiteral("1")});
    const StewardctlOutcome third = run(show + QStringList{QStringLiteral("--version"), QStringLiteral("3")});
    QCOMPARE(head.exitCode, 0);
    QCOMPARE(head.out, first.out);
    QVERIFY(head.out.contains(QLatin1String("model: gpt-4o-mini\n")));
    QVERIFY(third.out.contains(QLatin1String("approval.expires: 12h\n")));
    const StewardctlOutcome json = run(show + QStringList{QStringLiteral("--json")});
    QCOMPARE(jsonObject(json.out).value(QStringLiteral("number")).toInt(), 4);
    QCOMPARE(jsonObject(json.out).value(QStringLiteral("author")).toString(), QStringLiteral("dee"));

    // A critical agent's rollback is a proposal.
    edit(store, refundsPath, replaced(refundsSpec, "under 50", "under 80"), 1, QStringLiteral("cy"));
    const StewardctlOutcome approved = run({QStringLiteral("--store"), store, QStringLiteral("proposal"),
                                            QStringLiteral("approve"), QStringLiteral("1"), QStringLiteral("--reason"),
                                            QStringLiteral("ok"), QStringLiteral("--actor"), QStringLiteral("ben")});
    QCOMPARE(approved.exitCode, 0);
    const StewardctlOutcome proposed = run(
        {QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("rollback"), refundsPath,
         QStringLiteral("--to"), QStringLiteral("1"), QStringLiteral("--base"), QStringLiteral("2"),
         QStringLiteral("--reason"), QStringLiteral("Too generous"), QStringLiteral("--actor"), QStringLiteral("cy")});
    QCOMPARE(proposed.exitCode, 0);
    QCOMPARE(proposed.out,
             QStringLiteral("proposed as proposal 2 (critical agent: needs a second person's approval)\n"));
}

void TestStewardctlAudit::auditVerify_intact()
{
    const StewardctlOutcome text =
        run({QStringLiteral("--store"), m_agents, QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.err.isEmpty());
    QVERIFY2(
        QRegularExpression(QStringLiteral("^intact: 7 entries, head 7 [0-9a-f]{64}\n$")).match(text.out).hasMatch(),
        qPrintable(text.out));
    const StewardctlOutcome json = run({QStringLiteral("--store"), m_agents, QStringLiteral("audit"),
                                        QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject report = jsonObject(json.out);
    QCOMPARE(report.value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("entries")).toInt(), 7);
    QCOMPARE(report.value(QStringLiteral("firstBadSequence")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("problem")).toString(), QStringLiteral("none"));
    QCOMPARE(report.value(QStringLiteral("headSequence")).toInt(), 7);
    QVERIFY(text.out.endsWith(report.value(QStringLiteral("headHash")).toString() + QLatin1Char('\n')));
}

void TestStewardctlAudit::auditVerify_tampered_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<int>("sequence");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("message");
    QTest::newRow("edited reason")
        << QStringLiteral("UPDATE audit_log SET reason = 'Nothing to see' WHERE sequence = 3") << 3
        << QStringLiteral("altered")
        << QStringLiteral("Audit entry 3 was altered: its content does not match its hash.\n");
    QTest::newRow("deleted row") << QStringLiteral("DELETE FROM audit_log WHERE sequence = 4") << 4
                                 << QStringLiteral("missing")
                                 << QStringLiteral(
                                        "Audit entry 4 is missing: the log jumps from entry 3 to entry 5.\n");
}

void TestStewardctlAudit::auditVerify_tampered()
{
    QFETCH(QString, statement);
    QFETCH(int, sequence);
    QFETCH(QString, problem);
    QFETCH(QString, message);
    const QString store = copyOf(m_agents, QStringLiteral("tampered.steward"));
    QVERIFY(tamper(store, statement));
    const StewardctlOutcome text =
        run({QStringLiteral("--store"), store, QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(text.exitCode, 1);
    QCOMPARE(text.out, message);
    QCOMPARE(text.err, QStringLiteral("stewardctl: audit chain broken at entry %1\n").arg(sequence));
    const StewardctlOutcome json = run({QStringLiteral("--store"), store, QStringLiteral("audit"),
                                        QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject report = jsonObject(json.out);
    QCOMPARE(report.value(QStringLiteral("intact")).toBool(), false);
    QCOMPARE(report.value(QStringLiteral("firstBadSequence")).toInt(), sequence);
    QCOMPARE(report.value(QStringLiteral("problem")).toString(), problem);
    QCOMPARE(report.value(QStringLiteral("headSequence")).toInt(), sequence - 1);
}

void TestStewardctlAudit::auditList_filters_data()
{
    QTest::addColumn<QString>("filters");
    QTest::addColumn<QList<int>>("sequences");
    // The log: 1-5 tree set-up by ada.admin (acme, support, frontline, finance, payments),
    // 6 agent.create by ana, 7 agent.create by ben, 8 version.save by ben, 9 version.propose by cy.
    QTest::newRow("all") << QString() << QList<int>{9, 8, 7, 6, 5, 4, 3, 2, 1};
    QTest::newRow("actor") << QStringLiteral("--actor|ben") << QList<int>{8, 7};
    QTest::newRow("action") << QStringLiteral("--action|agent.create") << QList<int>{7, 6};
    QTest::newRow("action family") << QStringLiteral("--action|version.") << QList<int>{9, 8};
    QTest::newRow("subject subtree") << QStringLiteral("--subject|/acme/finance") << QList<int>{9, 7, 5, 4};
    QTest::newRow("combined") << QStringLiteral("--actor|ben|--action|version.") << QList<int>{8};
    QTest::newRow("limit") << QStringLiteral("--limit|2") << QList<int>{9, 8};
    QTest::newRow("since relative") << QStringLiteral("--since|1h") << QList<int>{9, 8, 7, 6, 5, 4, 3, 2, 1};
    QTest::newRow("since date") << QStringLiteral("--since|2000-01-01|--limit|3") << QList<int>{9, 8, 7};
    QTest::newRow("until date") << QStringLiteral("--until|2000-01-01") << QList<int>{};
    QTest::newRow("iso range") << QStringLiteral("--since|2000-01-01T00:00:00Z|--until|2000-12-31T23:59:59+02:00")
                               << QList<int>{};
}

void TestStewardctlAudit::auditList_filters()
{
    QFETCH(QString, filters);
    QFETCH(QList<int>, sequences);
    const QString store = m_dir.filePath(QStringLiteral("listed.steward"));
    if (!QFile::exists(store)) {
        QVERIFY(QFile::copy(m_agents, store));
        edit(store, triagePath, replaced(triageSpec, "gpt-4o-mini", "gpt-4o"), 1, QStringLiteral("ben"));
        edit(store, refundsPath, replaced(refundsSpec, "under 50", "under 80"), 1, QStringLiteral("cy"));
    }
    const QStringList arguments = QStringList{QStringLiteral("--store"), store, QStringLiteral("audit"),
                                              QStringLiteral("list"), QStringLiteral("--json")}
        + (filters.isEmpty() ? QStringList() : filters.split(QLatin1Char('|')));
    const StewardctlOutcome listed = run(arguments);
    QCOMPARE(listed.exitCode, 0);
    QList<int> found;
    for (const QJsonValue &entry : jsonArray(listed.out)) {
        found.append(entry.toObject().value(QStringLiteral("sequence")).toInt());
    }
    QCOMPARE(found, sequences);

    const StewardctlOutcome text = run(arguments.mid(0, 4) + arguments.mid(5));
    QCOMPARE(text.exitCode, 0);
    if (sequences.isEmpty()) {
        QCOMPARE(text.out, QStringLiteral("No audit entries match.\n"));
    } else {
        const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith(QLatin1String("SEQ  TIME")));
        QCOMPARE(lines.size(), sequences.size() + 1);
        QVERIFY(lines.at(1).startsWith(QString::number(sequences.first()) + QLatin1Char(' ')));
    }
}

std::pair<QString, QString> TestStewardctlAudit::exportBundle(const QString &name)
{
    const QString key = m_dir.filePath(name + QStringLiteral(".key"));
    const StewardctlOutcome created =
        run({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--out"), key});
    if (created.exitCode != 0) {
        return {};
    }
    const QString store = copyOf(m_agents, name + QStringLiteral(".steward"));
    const QString bundle = m_dir.filePath(name + QStringLiteral(".bundle"));
    const StewardctlOutcome exported =
        run({QStringLiteral("--store"), store, QStringLiteral("export-bundle"), QStringLiteral("--out"), bundle,
             QStringLiteral("--key"), key, QStringLiteral("--reason"), QStringLiteral("Auditor request")});
    if (exported.exitCode != 0) {
        return {};
    }
    return {bundle, created.out.trimmed()};
}

void TestStewardctlAudit::bundle_exportAndVerify()
{
    const QString store = copyOf(m_agents, QStringLiteral("bundled.steward"));
    // A pending proposal outside the subtree: the bundle must leave it out with its agent.
    edit(store, refundsPath, replaced(refundsSpec, "under 50", "under 80"), 1, QStringLiteral("cy"));
    QString workspaceId;
    {
        auto opened = Store::open(store);
        QVERIFY(opened.ok());
        workspaceId = opened.value()->workspaceId();
    }
    const QString defaultKey = m_dir.filePath(QStringLiteral("xdg-data/steward/keys/%1.key").arg(workspaceId));
    QVERIFY(!QFile::exists(defaultKey));

    const StewardctlOutcome created =
        run({QStringLiteral("--store"), store, QStringLiteral("key"), QStringLiteral("create")});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}\n$")).match(created.out).hasMatch());
    QVERIFY(created.err.contains(defaultKey));
    QVERIFY(QFile::exists(defaultKey));
    const QString publicKey = created.out.trimmed();

    const StewardctlOutcome again =
        run({QStringLiteral("--store"), store, QStringLiteral("key"), QStringLiteral("create")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QLatin1String("already exists")));
    const StewardctlOutcome shown =
        run({QStringLiteral("--store"), store, QStringLiteral("key"), QStringLiteral("show")});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.out.trimmed(), publicKey);

    const QString bundle = m_dir.filePath(QStringLiteral("support.bundle"));
    const StewardctlOutcome exported =
        run({QStringLiteral("--store"), store, QStringLiteral("export-bundle"), QStringLiteral("--out"), bundle,
             QStringLiteral("--subtree"), QStringLiteral("/acme/support"), QStringLiteral("--from"),
             QStringLiteral("30d"), QStringLiteral("--reason"), QStringLiteral("Quarterly review"),
             QStringLiteral("--actor"), QStringLiteral("ada.admin")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(exported.err.isEmpty());
    QFile file(bundle);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
    QVERIFY(exported.out.contains(QStringLiteral("Public key  ") + publicKey));
    QVERIFY(exported.out.contains(QStringLiteral("SHA-256     ") + sha256));
    QVERIFY(exported.out.contains(QLatin1String("Chain head  9 ")));
    QVERIFY(QFile::exists(bundle + QStringLiteral(".manifest.json")));

    const StewardctlOutcome verified =
        run({QStringLiteral("verify-bundle"), bundle, QStringLiteral("--key"), publicKey});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY(verified.err.isEmpty());
    for (const char *check : {"signature", "signed by the given key", "content hash", "audit chain", "chain head"}) {
        QVERIFY2(
            QRegularExpression(QStringLiteral("\n%1 +ok\n").arg(QLatin1String(check))).match(verified.out).hasMatch(),
            qPrintable(verified.out));
    }
    QVERIFY(!verified.out.contains(QLatin1String("FAILED")));
    const StewardctlOutcome json =
        run({QStringLiteral("verify-bundle"), bundle, QStringLiteral("--key"), publicKey, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject report = jsonObject(json.out);
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("problems")).toArray().size(), 0);
    QCOMPARE(report.value(QStringLiteral("manifest")).toObject().value(QStringLiteral("contentSha256")).toString(),
             sha256);
}

void TestStewardctlAudit::bundle_export_createsDefaultKey()
{
    const QString store = m_dir.filePath(QStringLiteral("fresh.steward"));
    QString workspaceId;
    {
        auto created = Store::create(store);
        QVERIFY(created.ok());
        workspaceId = created.value()->workspaceId();
    }
    const QString bundle = m_dir.filePath(QStringLiteral("fresh.bundle"));
    const StewardctlOutcome exported =
        run({QStringLiteral("--store"), store, QStringLiteral("export-bundle"), QStringLiteral("--out"), bundle,
             QStringLiteral("--reason"), QStringLiteral("First look")});
    QCOMPARE(exported.exitCode, 0);
    const QString defaultKey = m_dir.filePath(QStringLiteral("xdg-data/steward/keys/%1.key").arg(workspaceId));
    QCOMPARE(exported.err,
             QStringLiteral("stewardctl: note: created the signing key %1 for this workspace.\n").arg(defaultKey));
    QVERIFY(QFile::exists(defaultKey));
    const StewardctlOutcome shown =
        run({QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("--key"), defaultKey});
    QCOMPARE(shown.exitCode, 0);
    const StewardctlOutcome verified =
        run({QStringLiteral("verify-bundle"), bundle, QStringLiteral("--key"), shown.out.trimmed()});
    QCOMPARE(verified.exitCode, 0);
}

void TestStewardctlAudit::bundle_tampered_failsContentAndChain()
{
    const auto [bundle, publicKey] = exportBundle(QStringLiteral("original"));
    QVERIFY(!bundle.isEmpty());
    const QString copy = m_dir.filePath(QStringLiteral("tampered.bundle"));
    QVERIFY(QFile::copy(bundle, copy));
    QVERIFY(QFile::copy(bundle + QStringLiteral(".manifest.json"), copy + QStringLiteral(".manifest.json")));
    QVERIFY(tamper(copy, QStringLiteral("UPDATE audit_log SET reason = 'Approved by nobody' WHERE sequence = 6")));

    const StewardctlOutcome verified = run({QStringLiteral("verify-bundle"), copy, QStringLiteral("--key"), publicKey});
    QCOMPARE(verified.exitCode, 1);
    QVERIFY2(QRegularExpression(QStringLiteral("\ncontent hash +FAILED\n")).match(verified.out).hasMatch(),
             qPrintable(verified.out));
    QVERIFY(QRegularExpression(QStringLiteral("\naudit chain +FAILED\n")).match(verified.out).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("\nsignature +ok\n")).match(verified.out).hasMatch());
    QVERIFY(verified.out.contains(QLatin1String("SHA-256 differs from the manifest's")));
    QVERIFY(verified.out.contains(QLatin1String("Audit entry 6 was altered")));
    QVERIFY2(
        verified.err.startsWith(QLatin1String("stewardctl: the bundle failed verification: content hash, audit chain")),
        qPrintable(verified.err));
    QCOMPARE(verified.err.count(QLatin1Char('\n')), 1);

    const StewardctlOutcome json =
        run({QStringLiteral("verify-bundle"), copy, QStringLiteral("--key"), publicKey, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject checks = jsonObject(json.out).value(QStringLiteral("checks")).toObject();
    QCOMPARE(checks.value(QStringLiteral("signature")).toBool(), true);
    QCOMPARE(checks.value(QStringLiteral("contentHash")).toBool(), false);
    QCOMPARE(checks.value(QStringLiteral("auditChain")).toBool(), false);
    QCOMPARE(jsonObject(json.out).value(QStringLiteral("ok")).toBool(), false);

    // The original is untouched by the check.
    QCOMPARE(run({QStringLiteral("verify-bundle"), bundle, QStringLiteral("--key"), publicKey}).exitCode, 0);
}

void TestStewardctlAudit::bundle_otherKey_fails()
{
    const auto [bundle, publicKey] = exportBundle(QStringLiteral("signed"));
    QVERIFY(!bundle.isEmpty());
    const StewardctlOutcome other = run({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--out"),
                                         m_dir.filePath(QStringLiteral("other.key"))});
    QCOMPARE(other.exitCode, 0);
    QVERIFY(other.out.trimmed() != publicKey);
    const StewardctlOutcome verified =
        run({QStringLiteral("verify-bundle"), bundle, QStringLiteral("--key"), other.out.trimmed()});
    QCOMPARE(verified.exitCode, 1);
    QVERIFY(QRegularExpression(QStringLiteral("\nsignature +FAILED\n")).match(verified.out).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("\nsigned by the given key +FAILED\n")).match(verified.out).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("\ncontent hash +ok\n")).match(verified.out).hasMatch());
    QCOMPARE(verified.err,
             QStringLiteral("stewardctl: the bundle failed verification: signature, signed by the given key\n"));
}

void TestStewardctlAudit::help_newCommands_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("global") << QStringLiteral("--help") << QStringLiteral("verify-bundle");
    QTest::newRow("agent") << QStringLiteral("agent|--help") << QStringLiteral("show-version  PATH [--version N]");
    QTest::newRow("agent diff") << QStringLiteral("agent|diff|--help") << QStringLiteral("side-by-side");
    QTest::newRow("agent create") << QStringLiteral("agent|create|--help") << QStringLiteral("--visibility");
    QTest::newRow("proposal") << QStringLiteral("proposal|--help") << QStringLiteral("approve");
    QTest::newRow("audit list") << QStringLiteral("audit|list|--help") << QStringLiteral("--since");
    QTest::newRow("key") << QStringLiteral("key|-h") << QStringLiteral("create");
    QTest::newRow("export-bundle") << QStringLiteral("export-bundle|--help") << QStringLiteral("--subtree");
    QTest::newRow("verify-bundle") << QStringLiteral("verify-bundle|--help") << QStringLiteral("--key <hex>");
}

void TestStewardctlAudit::help_newCommands()
{
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    const StewardctlOutcome help = run(arguments.split(QLatin1Char('|')));
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.err.isEmpty());
    QVERIFY2(help.out.contains(expected), qPrintable(help.out));
}

void TestStewardctlAudit::failures_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    // {store}: a copy of the workspace with agents; {dir}: the test's folder; {spec}: a valid
    // spec; {bad}: a spec with an unknown permission on line 3; {huge}: a 2 MiB file; {key}: a
    // key file; {pub}: a public key.
    const auto row = [](const char *name, const QByteArray &arguments, int exitCode, const char *message) {
        QTest::newRow(name) << QString::fromUtf8(arguments) << exitCode << QString::fromUtf8(message);
    };
    const auto create = [](const char *more) -> QByteArray {
        return QByteArray("--store|{store}|agent|create|/acme/support/frontline|new-agent|--owner|ana|--reason|r")
            + more;
    };
    row("create: missing spec file", create("|--spec|{dir}/missing.spec"), 1,
        "Cannot read the spec {dir}/missing.spec");
    row("create: invalid spec", create("|--spec|{bad}"), 1, "Line 3:");
    row("create: huge spec", create("|--spec|{huge}"), 1, "larger than 1 MiB");
    row("create: bad visibility", create("|--spec|{spec}|--visibility|secret"), 1,
        "--visibility takes public, team or private, not 'secret'");
    row("create: duplicate",
        "--store|{store}|agent|create|/acme/support/frontline|ticket-triage|--owner|ana|--spec|{spec}|--reason|r", 1,
        "already has something called");
    row("create: no parent", "--store|{store}|agent|create|/acme/nowhere|x|--owner|ana|--spec|{spec}|--reason|r", 1,
        "There is nothing at /acme/nowhere");
    row("create: no owner", "--store|{store}|agent|create|/acme/support/frontline|x|--spec|{spec}|--reason|r", 2,
        "--owner NAME");
    row("create: no spec", "--store|{store}|agent|create|/acme/support/frontline|x|--owner|ana|--reason|r", 2,
        "--spec FILE");
    row("create: one argument", "--store|{store}|agent|create|/acme/support/frontline", 2, "Missing arguments");
    row("history: not an agent", "--store|{store}|agent|history|/acme/support", 1, "is a department, not an agent");
    row("history: nothing there", "--store|{store}|agent|history|/acme/support/none", 1,
        "There is nothing at /acme/support/none");
    row("diff: first version", "--store|{store}|agent|diff|/acme/support/frontline/ticket-triage", 1,
        "Version 1 is the first version");
    row("diff: unknown version", "--store|{store}|agent|diff|/acme/support/frontline/ticket-triage|--from|99|--to|1", 1,
        "has no version 99; its versions are 1 to 1");
    row("diff: letters", "--store|{store}|agent|diff|/acme/support/frontline/ticket-triage|--to|abc", 1,
        "--to takes a whole number from 1 to 2147483647, not 'abc'");
    row("diff: negative", "--store|{store}|agent|diff|/acme/support/frontline/ticket-triage|--from|-1", 1, "not '-1'");
    row("diff: huge", "--store|{store}|agent|diff|/acme/support/frontline/ticket-triage|--to|99999999999999999999", 1,
        "not '99999999999999999999'");
    row("diff: bad format", "--store|{store}|agent|diff|/acme/support/frontline/ticket-triage|--format|xml", 1,
        "--format takes unified, side-by-side, summary or json, not 'xml'");
    row("show-version: zero", "--store|{store}|agent|show-version|/acme/support/frontline/ticket-triage|--version|0", 1,
        "--version takes a whole number from 1 to 2147483647, not '0'");
    row("show-version: past int",
        "--store|{store}|agent|show-version|/acme/support/frontline/ticket-triage|--version|2147483648", 1,
        "not '2147483648'");
    row("blame: unknown version", "--store|{store}|agent|blame|/acme/support/frontline/ticket-triage|--version|5", 1,
        "has no version 5");
    row("edit: no base", "--store|{store}|agent|edit|/acme/support/frontline/ticket-triage|--spec|{spec}|--reason|r", 2,
        "--base N");
    row("edit: exponent",
        "--store|{store}|agent|edit|/acme/support/frontline/ticket-triage|--spec|{spec}|--base|1e99|--reason|r", 1,
        "--base takes a whole number");
    row("edit: huge base",
        "--store|{store}|agent|edit|/acme/support/frontline/ticket-triage|--spec|{spec}|--base|"
        "123456789012345678901234567890|--reason|r",
        1, "not '123456789012345678901234567890'");
    row("edit: stdin is empty",
        "--store|{store}|agent|edit|/acme/support/frontline/ticket-triage|--spec|-|--base|1|--reason|r", 1,
        "The spec has no \"model\" field.");
    row("edit: no reason", "--store|{store}|agent|edit|/acme/support/frontline/ticket-triage|--spec|{spec}|--base|1", 2,
        "--reason TEXT");
    row("edit: blank reason",
        "--store|{store}|agent|edit|/acme/support/frontline/ticket-triage|--spec|{spec}|--base|1|--reason| ", 1,
        "Give a reason");
    row("rollback: unknown version",
        "--store|{store}|agent|rollback|/acme/support/frontline/ticket-triage|--to|9|--base|1|--reason|r", 1,
        "has no version 9");
    row("rollback: no base", "--store|{store}|agent|rollback|/acme/support/frontline/ticket-triage|--to|1|--reason|r",
        2, "--base M");
    row("proposal: no subcommand", "--store|{store}|proposal", 2, "Name what to do: proposal list, approve or reject");
    row("proposal: letters", "--store|{store}|proposal|approve|abc|--reason|r", 1,
        "ID takes a whole number from 1 to 9223372036854775807, not 'abc'");
    row("proposal: negative", "--store|{store}|proposal|approve|-5|--reason|r", 2, "Unknown option '5'");
    row("proposal: unknown", "--store|{store}|proposal|reject|999|--reason|r", 1, "There is no proposal 999");
    row("proposal: no reason", "--store|{store}|proposal|approve|1", 2, "--reason TEXT");
    row("proposal list: not an agent", "--store|{store}|proposal|list|/acme/finance", 1, "not an agent");
    row("audit: unknown subcommand", "--store|{store}|audit|repair", 2,
        "Unknown subcommand 'audit repair'. Use verify or list");
    row("audit verify: missing store", "--store|{dir}/missing.steward|audit|verify", 1, "There is no workspace");
    row("audit verify: no store", "audit|verify", 2, "--store FILE");
    row("audit list: word", "--store|{store}|audit|list|--since|yesterday", 1,
        "--since takes a date (2026-05-31), an ISO 8601 time (2026-05-31T09:00:00Z) or a time ago (7d, 24h, 30m), not "
        "'yesterday'");
    row("audit list: impossible date", "--store|{store}|audit|list|--since|2026-02-30", 1, "not '2026-02-30'");
    row("audit list: other format", "--store|{store}|audit|list|--until|31/05/2026", 1, "--until takes a date");
    row("audit list: unknown unit", "--store|{store}|audit|list|--since|7w", 1, "not '7w'");
    row("audit list: too far back", "--store|{store}|audit|list|--since|999999999d", 1, "reaches back too far");
    row("audit list: zero limit", "--store|{store}|audit|list|--limit|0", 1,
        "--limit takes a whole number from 1 to 100000, not '0'");
    row("audit list: huge limit", "--store|{store}|audit|list|--limit|100000000000", 1, "--limit takes a whole number");
    row("key create: no store", "key|create", 2, "--store FILE");
    row("key create: exists", "key|create|--out|{key}", 1, "already exists");
    row("key show: missing", "key|show|--key|{dir}/none.key", 1, "There is no signing key at {dir}/none.key");
    row("key show: readable by others", "key|show|--key|{spec}", 1, "can be read by other users");
    row("export: no out", "--store|{store}|export-bundle|--reason|r", 2, "--out FILE");
    row("export: no reason", "--store|{store}|export-bundle|--out|{dir}/x.bundle", 2, "--reason TEXT");
    row("export: exists", "--store|{store}|export-bundle|--out|{store}|--reason|r", 1, "already exists");
    row("export: bad from", "--store|{store}|export-bundle|--out|{dir}/x.bundle|--from|5x|--reason|r", 1,
        "--from takes a date");
    row("export: reversed range",
        "--store|{store}|export-bundle|--out|{dir}/"
        "x.bundle|--key|{key}|--from|2026-05-02|--until|2026-05-01|--reason|r",
        1, "ends before it starts");
    row("export: unknown subtree",
        "--store|{store}|export-bundle|--out|{dir}/x.bundle|--key|{key}|--subtree|/acme/nowhere|--reason|r", 1,
        "There is nothing at /acme/nowhere");
    row("export: missing key", "--store|{store}|export-bundle|--out|{dir}/x.bundle|--key|{dir}/none.key|--reason|r", 1,
        "There is no signing key");
    row("verify-bundle: no key", "verify-bundle|{dir}/x.bundle", 2, "--key PUBKEY_HEX");
    row("verify-bundle: bad key", "verify-bundle|{dir}/x.bundle|--key|xyz", 1, "64 hex digits, not 'xyz'");
    row("verify-bundle: missing file", "verify-bundle|{dir}/none.bundle|--key|{pub}", 1,
        "Cannot read the manifest {dir}/none.bundle.manifest.json");
    row("verify-bundle: two files", "verify-bundle|a|b|--key|{pub}", 2, "Unexpected argument 'b'");
}

void TestStewardctlAudit::failures()
{
    QFETCH(QString, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString store = m_dir.filePath(QStringLiteral("failures.steward"));
    if (!QFile::exists(store)) {
        QVERIFY(QFile::copy(m_agents, store));
        QVERIFY(!writeFile(QStringLiteral("good.spec"), triageSpec).isEmpty());
        QVERIFY(!writeFile(QStringLiteral("bad.spec"), "model: gpt-4o\ntools:\n  - shell.run (admin)\n").isEmpty());
        QVERIFY(!writeFile(QStringLiteral("huge.spec"), QByteArray(2 * 1024 * 1024, 'x')).isEmpty());
        QCOMPARE(run({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("failures.key"))})
                     .exitCode,
                 0);
    }
    const QString publicKey = QString(64, QLatin1Char('a'));
    const auto expand = [&](QString text) {
        return text.replace(QLatin1String("{store}"), store)
            .replace(QLatin1String("{spec}"), m_dir.filePath(QStringLiteral("good.spec")))
            .replace(QLatin1String("{bad}"), m_dir.filePath(QStringLiteral("bad.spec")))
            .replace(QLatin1String("{huge}"), m_dir.filePath(QStringLiteral("huge.spec")))
            .replace(QLatin1String("{key}"), m_dir.filePath(QStringLiteral("failures.key")))
            .replace(QLatin1String("{pub}"), publicKey)
            .replace(QLatin1String("{dir}"), m_dir.path());
    };
    const StewardctlOutcome failed = run(expand(arguments).split(QLatin1Char('|')));
    QCOMPARE(failed.exitCode, exitCode);
    QVERIFY2(failed.out.isEmpty(), qPrintable(failed.out));
    QVERIFY2(failed.err.startsWith(QLatin1String("stewardctl: ")), qPrintable(failed.err));
    QVERIFY2(failed.err.endsWith(QLatin1Char('\n')) && failed.err.count(QLatin1Char('\n')) == 1,
             qPrintable(failed.err));
    QVERIFY2(failed.err.contains(expand(message)), qPrintable(failed.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.bundle"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.bundle.manifest.json"))));
}

QTEST_GUILESS_MAIN(TestStewardctlAudit)
#include "tst_stewardctl_audit.moc"
