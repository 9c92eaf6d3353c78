// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl as scripts use it: the real binary, its output, its exit codes and its one-line
// errors. One small demo workspace is built once; tests that change the tree work on copies.
#include "stewardctlprocess.h"

#include "storage/auditrepository.h"
#include "storage/store.h"
#include "storage/treerepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestStewardctl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demo_json_reportsCounts();
    void demo_existingFile_isReplacedWithForce();
    void tree_text_listsNodesWithAgentAttributes();
    void tree_json_isNestedTree();
    void tree_path_startsThere();
    void node_createRenameMoveArchive_areAudited();
    void agent_show_text();
    void agent_show_json();
    void agent_pauseAndResume_areAudited();
    void agent_run_localStore_runsInTheCommand_data();
    void agent_run_localStore_runsInTheCommand();
    void help_everywhere_data();
    void help_everywhere();
    void failures_data();
    void failures();

private:
    using Outcome = StewardctlOutcome;
    [[nodiscard]] Outcome run(const QStringList &arguments) const;
    [[nodiscard]] QString copyOfDemo(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_demo;
};

namespace {
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");

QJsonObject childNamed(const QJsonObject &node, const QString &name)
{
    const QJsonArray children = node.value(QStringLiteral("children")).toArray();
    for (const QJsonValue &child : children) {
        if (child.toObject().value(QStringLiteral("name")).toString() == name) {
            return child.toObject();
        }
    }
    return {};
}
} // namespace

TestStewardctl::Outcome TestStewardctl::run(const QStringList &arguments) const
{
    return runStewardctl(arguments, m_dir.path());
}

QString TestStewardctl::copyOfDemo(const QString &name) const
{
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    return QFile::copy(m_demo, copy) ? copy : QString();
}

void TestStewardctl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("acme.steward"));
    const Outcome built = run({QStringLiteral("demo"), QStringLiteral("--out"), m_demo, QStringLiteral("--agents"),
                               QStringLiteral("30"), QStringLiteral("--events"), QStringLiteral("3000"),
                               QStringLiteral("--until"), QStringLiteral("2026-05-31")});
    QCOMPARE(built.exitCode, 0);
    QVERIFY2(built.err.isEmpty(), qPrintable(built.err));
    QVERIFY(built.out.contains(QLatin1String("Events")));
    QVERIFY(QFile::exists(m_demo));
}

void TestStewardctl::demo_json_reportsCounts()
{
    const QString file = m_dir.filePath(QStringLiteral("json.steward"));
    const Outcome built = run({QStringLiteral("demo"), QStringLiteral("--out"), file, QStringLiteral("--agents"),
                               QStringLiteral("12"), QStringLiteral("--events"), QStringLiteral("1001"),
                               QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--json")});
    QCOMPARE(built.exitCode, 0);
    QJsonParseError error;
    const QJsonObject summary = QJsonDocument::fromJson(built.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(summary.value(QStringLiteral("agents")).toInt(), 12);
    QCOMPARE(summary.value(QStringLiteral("events")).toInteger(), 1001);
    QCOMPARE(summary.value(QStringLiteral("departments")).toInt(), 8);
    QVERIFY(summary.value(QStringLiteral("runs")).toInteger() > 0);
    QCOMPARE(summary.value(QStringLiteral("fileSizeBytes")).toInteger(), QFileInfo(file).size());
}

void TestStewardctl::demo_existingFile_isReplacedWithForce()
{
    const QString file = m_dir.filePath(QStringLiteral("replaced.steward"));
    {
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old");
    }
    const QStringList arguments{QStringLiteral("demo"),     QStringLiteral("--out"), file,
                                QStringLiteral("--agents"), QStringLiteral("5"),     QStringLiteral("--events"),
                                QStringLiteral("100")};
    const Outcome refused = run(arguments);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(QLatin1String("--force")));
    const Outcome replaced = run(arguments + QStringList{QStringLiteral("--force")});
    QCOMPARE(replaced.exitCode, 0);
    QVERIFY(Store::open(file).ok());
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
}

void TestStewardctl::tree_text_listsNodesWithAgentAttributes()
{
    const Outcome tree = run({QStringLiteral("--store"), m_demo, QStringLiteral("tree")});
    QCOMPARE(tree.exitCode, 0);
    QVERIFY(tree.err.isEmpty());
    const QStringList lines = tree.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QLatin1String("NAME")));
    QVERIFY(lines.at(1).startsWith(QLatin1String("acme")));
    const auto mailer = std::find_if(lines.cbegin(), lines.cend(), [](const QString &line) {
        return line.contains(QLatin1String("prospect-mailer"));
    });
    QVERIFY(mailer != lines.cend());
    QVERIFY(mailer->startsWith(QLatin1String("      prospect-mailer")));
    QVERIFY(mailer->contains(QLatin1String("dana.kim")));
    QVERIFY(mailer->contains(QLatin1String("Critical")));
}

void TestStewardctl::tree_json_isNestedTree()
{
    const Outcome tree = run({QStringLiteral("--store"), m_demo, QStringLiteral("tree"), QStringLiteral("--json")});
    QCOMPARE(tree.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(tree.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(QStringLiteral("kind")).toString(), QStringLiteral("company"));
    QCOMPARE(root.value(QStringLiteral("path")).toString(), QStringLiteral("/acme"));
    QCOMPARE(root.value(QStringLiteral("children")).toArray().size(), 8);
    const QJsonObject mailer =
        childNamed(childNamed(childNamed(root, QStringLiteral("sales")), QStringLiteral("outbound")),
                   QStringLiteral("prospect-mailer"));
    QCOMPARE(mailer.value(QStringLiteral("path")).toString(), mailerPath);
    QCOMPARE(mailer.value(QStringLiteral("kind")).toString(), QStringLiteral("agent"));
    QCOMPARE(mailer.value(QStringLiteral("owner")).toString(), QStringLiteral("dana.kim"));
    QCOMPARE(mailer.value(QStringLiteral("criticality")).toString(), QStringLiteral("critical"));
    QVERIFY(mailer.value(QStringLiteral("headVersion")).toInt() >= 4);
}

void TestStewardctl::tree_path_startsThere()
{
    const Outcome tree = run({QStringLiteral("--json"), QStringLiteral("--store"), m_demo, QStringLiteral("tree"),
                              QStringLiteral("/acme/sales")});
    QCOMPARE(tree.exitCode, 0);
    const QJsonObject sales = QJsonDocument::fromJson(tree.out.toUtf8()).object();
    QCOMPARE(sales.value(QStringLiteral("path")).toString(), QStringLiteral("/acme/sales"));
    QCOMPARE(sales.value(QStringLiteral("kind")).toString(), QStringLiteral("department"));
}

void TestStewardctl::node_createRenameMoveArchive_areAudited()
{
    const QString store = copyOfDemo(QStringLiteral("edits.steward"));
    QVERIFY(!store.isEmpty());
    const QStringList common{QStringLiteral("--store"), store, QStringLiteral("node")};
    const QStringList actor{QStringLiteral("--actor"), QStringLiteral("ada.admin")};
    const QList<QStringList> edits{
        {QStringLiteral("create"), QStringLiteral("/acme/sales/partnerships"), QStringLiteral("--kind"),
         QStringLiteral("team"), QStringLiteral("--reason"), QStringLiteral("Partner channel starts in June")},
        {QStringLiteral("rename"), QStringLiteral("/acme/sales/partnerships"), QStringLiteral("alliances"),
         QStringLiteral("--reason"), QStringLiteral("Name used by the partner programme")},
        {QStringLiteral("move"), mailerPath, QStringLiteral("/acme/sales/alliances"), QStringLiteral("--reason"),
         QStringLiteral("Alliances own event invitations now")},
        {QStringLiteral("archive"), QStringLiteral("/acme/sales/alliances"), QStringLiteral("--reason"),
         QStringLiteral("Programme paused")},
    };
    for (const QStringList &edit : edits) {
        const Outcome done = run(common + edit + actor);
        QVERIFY2(done.exitCode == 0, qPrintable(edit.join(QLatin1Char(' ')) + QStringLiteral(": ") + done.err));
        QVERIFY(done.err.isEmpty());
    }

    auto opened = Store::open(store);
    QVERIFY(opened.ok());
    const TreeRepository tree(*opened.value());
    QCOMPARE(tree.nodeByPath(mailerPath).error().code, Error::Code::NotFound);
    QCOMPARE(tree.nodeByPath(QStringLiteral("/acme/sales/alliances")).error().code, Error::Code::NotFound);
    QVERIFY(tree.nodeByPath(QStringLiteral("/acme/sales/outbound")).ok());

    const Result<QList<AuditEntry>> entries = AuditRepository(*opened.value()).entriesAfter(0, 100000);
    QVERIFY(entries.ok());
    QStringList lastFour;
    for (qsizetype i = entries->size() - 4; i < entries->size(); ++i) {
        const AuditEntry &entry = entries->at(i);
        QCOMPARE(entry.actor, QStringLiteral("ada.admin"));
        lastFour.append(entry.action + QLatin1Char(' ') + entry.subject + QStringLiteral(": ") + entry.reason);
    }
    QCOMPARE(lastFour,
             (QStringList{
                 QStringLiteral("node.create /acme/sales/partnerships: Partner channel starts in June"),
                 QStringLiteral("node.rename /acme/sales/alliances: Name used by the partner programme"),
                 QStringLiteral("node.move /acme/sales/alliances/prospect-mailer: Alliances own event "
                                "invitations now"),
                 QStringLiteral("node.archive /acme/sales/alliances: Programme paused"),
             }));
}

void TestStewardctl::agent_show_text()
{
    const Outcome shown =
        run({QStringLiteral("--store"), m_demo, QStringLiteral("agent"), QStringLiteral("show"), mailerPath});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(shown.out.contains(QLatin1String("dana.kim")));
    QVERIFY(shown.out.contains(QLatin1String("Head version")));
    QVERIFY(shown.out.contains(QLatin1String("Recent runs")));
    QVERIFY(shown.out.contains(QLatin1String("Succeeded")));
}

void TestStewardctl::agent_show_json()
{
    const Outcome shown = run({QStringLiteral("--store"), m_demo, QStringLiteral("agent"), QStringLiteral("show"),
                               mailerPath, QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QJsonParseError error;
    const QJsonObject agent = QJsonDocument::fromJson(shown.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(agent.value(QStringLiteral("path")).toString(), mailerPath);
    QCOMPARE(agent.value(QStringLiteral("owner")).toString(), QStringLiteral("dana.kim"));
    const QJsonObject head = agent.value(QStringLiteral("headVersion")).toObject();
    QCOMPARE(head.value(QStringLiteral("number")).toInt(), agent.value(QStringLiteral("versions")).toInt());
    QVERIFY(!head.value(QStringLiteral("author")).toString().isEmpty());
    QVERIFY(!head.value(QStringLiteral("reason")).toString().isEmpty());
    QVERIFY(head.value(QStringLiteral("spec")).toString().contains(QLatin1String("London")));
    const QJsonArray runs = agent.value(QStringLiteral("recentRuns")).toArray();
    QVERIFY(!runs.isEmpty());
    QVERIFY(runs.size() <= 10);
}

void TestStewardctl::agent_run_localStore_runsInTheCommand_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("runStatus");
    QTest::newRow("succeeds") << "read p; echo '{\"kind\": \"step\", \"summary\": \"ok\"}'" << 0 << "succeeded";
    QTest::newRow("fails") << "echo broken >&2; exit 3" << 1 << "failed";
}

void TestStewardctl::agent_run_localStore_runsInTheCommand()
{
    QFETCH(QString, script);
    QFETCH(int, exitCode);
    QFETCH(QString, runStatus);
    const QString store = copyOfDemo(QStringLiteral("run.steward"));
    QVERIFY(!store.isEmpty());
    const QString scriptFile = m_dir.filePath(QStringLiteral("agent.sh"));
    const QString specFile = m_dir.filePath(QStringLiteral("runner.spec"));
    for (const auto &[path, text] :
         {std::pair{scriptFile, QString(script + QLatin1Char('\n'))},
          std::pair{specFile,
                    QStringLiteral("model: m\ninstructions: |\n  Work.\ncriticality: standard\n"
                                   "runner: command /bin/sh %1\n")
                        .arg(scriptFile)}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    }
    const Outcome created = run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("create"),
                                 QStringLiteral("/acme/sales/outbound"), QStringLiteral("runner"),
                                 QStringLiteral("--owner"), QStringLiteral("ada"), QStringLiteral("--spec"), specFile,
                                 QStringLiteral("--reason"), QStringLiteral("test")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));

    const Outcome ran =
        run({QStringLiteral("--store"), store, QStringLiteral("--json"), QStringLiteral("agent"), QStringLiteral("run"),
             QStringLiteral("/acme/sales/outbound/runner"), QStringLiteral("--payload"),
             QStringLiteral("{\"lead\": 1}"), QStringLiteral("--reason"), QStringLiteral("try it")});
    QCOMPARE(ran.exitCode, exitCode);
    const QJsonObject answer = QJsonDocument::fromJson(ran.out.toUtf8()).object();
    QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("started"));
    QCOMPARE(answer.value(QStringLiteral("run")).toObject().value(QStringLiteral("status")).toString(), runStatus);

    // Without a reason: a usage error. An agent without a runner: refused, with the reason.
    QCOMPARE(run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("run"),
                  QStringLiteral("/acme/sales/outbound/runner")})
                 .exitCode,
             2);
    const Outcome refused = run({QStringLiteral("--store"), store, QStringLiteral("agent"), QStringLiteral("run"),
                                 mailerPath, QStringLiteral("--reason"), QStringLiteral("try")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(QLatin1String("refused (the agent has no runner)")), qPrintable(refused.out));
}

void TestStewardctl::agent_pauseAndResume_areAudited()
{
    const QString store = copyOfDemo(QStringLiteral("pauses.steward"));
    QVERIFY(!store.isEmpty());
    const QStringList agent{QStringLiteral("--store"), store, QStringLiteral("agent")};
    const QStringList actor{QStringLiteral("--actor"), QStringLiteral("ada.admin")};
    const Outcome paused = run(agent
                               + QStringList{QStringLiteral("pause"), mailerPath, QStringLiteral("--reason"),
                                             QStringLiteral("Event postponed")}
                               + actor);
    QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
    QCOMPARE(paused.out, QStringLiteral("paused ") + mailerPath + QLatin1Char('\n'));
    const Outcome shown = run(agent + QStringList{QStringLiteral("show"), mailerPath, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("paused"));

    const Outcome again = run(
        agent + QStringList{QStringLiteral("pause"), mailerPath, QStringLiteral("--reason"), QStringLiteral("twice")});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.err, QStringLiteral("stewardctl: ") + mailerPath + QStringLiteral(" is already paused.\n"));

    const Outcome resumed = run(agent
                                + QStringList{QStringLiteral("resume"), mailerPath, QStringLiteral("--reason"),
                                              QStringLiteral("New date is set"), QStringLiteral("--json")}
                                + actor);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    const QJsonObject answer = QJsonDocument::fromJson(resumed.out.toUtf8()).object();
    QCOMPARE(answer.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(answer.value(QStringLiteral("path")).toString(), mailerPath);

    auto opened = Store::open(store);
    QVERIFY(opened.ok());
    const Result<QList<AuditEntry>> entries = AuditRepository(*opened.value()).entriesAfter(0, 100000);
    QVERIFY(entries.ok());
    QStringList lastTwo;
    for (qsizetype i = entries->size() - 2; i < entries->size(); ++i) {
        const AuditEntry &entry = entries->at(i);
        lastTwo.append(entry.action + QLatin1Char(' ') + entry.actor + QLatin1Char(' ') + entry.subject
                       + QStringLiteral(": ") + entry.reason);
    }
    QCOMPARE(
        lastTwo,
        (QStringList{QStringLiteral("agent.pause ada.admin ") + mailerPath + QStringLiteral(": Event postponed"),
                     QStringLiteral("agent.resume ada.admin ") + mailerPath + QStringLiteral(": New date is set")}));
}

void TestStewardctl::help_everywhere_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("global") << QStringList{QStringLiteral("--help")} << QStringLiteral("Commands:");
    QTest::newRow("demo") << QStringList{QStringLiteral("demo"), QStringLiteral("--help")}
                          << QStringLiteral("--agents");
    QTest::newRow("tree") << QStringList{QStringLiteral("tree"), QStringLiteral("-h")}
                          << QStringLiteral("stewardctl tree");
    QTest::newRow("node") << QStringList{QStringLiteral("node"), QStringLiteral("--help")} << QStringLiteral("archive");
    QTest::newRow("node move") << QStringList{QStringLiteral("node"), QStringLiteral("move"), QStringLiteral("--help")}
                               << QStringLiteral("--reason");
    QTest::newRow("agent") << QStringList{QStringLiteral("agent"), QStringLiteral("--help")} << QStringLiteral("PATH");
}

void TestStewardctl::help_everywhere()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Outcome help = run(arguments);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.err.isEmpty());
    QVERIFY2(help.out.contains(expected), qPrintable(help.out));
}

void TestStewardctl::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    // {store} is the demo workspace, {dir} the test's folder.
    const auto row = [](const char *name, const QString &arguments, int exitCode, const QString &message) {
        QTest::newRow(name) << arguments.split(QLatin1Char('|')) << exitCode << message;
    };
    QTest::newRow("no command") << QStringList{} << 2 << QStringLiteral("Name a command");
    row("unknown command", QStringLiteral("frobnicate"), 2, QStringLiteral("Unknown command 'frobnicate'"));
    row("unknown global option", QStringLiteral("--bogus|tree"), 2, QStringLiteral("Unknown option 'bogus'"));
    row("unknown command option", QStringLiteral("--store|{store}|tree|--deep"), 2,
        QStringLiteral("Unknown option 'deep'"));
    row("missing option value", QStringLiteral("tree|--store"), 2, QStringLiteral("Missing value after '--store'"));
    row("missing --store", QStringLiteral("tree"), 2, QStringLiteral("--store FILE"));
    row("missing store file", QStringLiteral("--store|{dir}/missing.steward|tree"), 1,
        QStringLiteral("There is no workspace"));
    row("corrupt store file", QStringLiteral("--store|{dir}/corrupt.steward|tree"), 1,
        QStringLiteral("not a Steward workspace"));
    row("tree: no such path", QStringLiteral("--store|{store}|tree|/acme/nowhere"), 1,
        QStringLiteral("There is nothing at /acme/nowhere"));
    row("tree: two paths", QStringLiteral("--store|{store}|tree|/acme|/acme/sales"), 2,
        QStringLiteral("Unexpected argument"));
    row("demo: no --out", QStringLiteral("demo"), 2, QStringLiteral("--out FILE"));
    row("demo: letters", QStringLiteral("demo|--out|{dir}/x.steward|--agents|abc"), 1,
        QStringLiteral("--agents takes a whole number, not 'abc'"));
    row("demo: negative", QStringLiteral("demo|--out|{dir}/x.steward|--events|-5"), 1, QStringLiteral("not -5"));
    row("demo: huge agents", QStringLiteral("demo|--out|{dir}/x.steward|--agents|99999999999999999999"), 1,
        QStringLiteral("whole number"));
    row("demo: too many agents", QStringLiteral("demo|--out|{dir}/x.steward|--agents|100000"), 1,
        QStringLiteral("between 1 and"));
    row("demo: too many events", QStringLiteral("demo|--out|{dir}/x.steward|--events|9000000000000"), 1,
        QStringLiteral("events"));
    row("demo: bad date", QStringLiteral("demo|--out|{dir}/x.steward|--until|2026-13-45"), 1,
        QStringLiteral("--until takes a date"));
    row("demo: exists", QStringLiteral("demo|--out|{store}"), 1, QStringLiteral("already exists"));
    row("node: no subcommand", QStringLiteral("--store|{store}|node"), 2,
        QStringLiteral("node create, rename, move or archive"));
    row("node: unknown subcommand", QStringLiteral("--store|{store}|node|explode"), 2,
        QStringLiteral("Unknown subcommand 'node explode'"));
    row("node: no reason", QStringLiteral("--store|{store}|node|create|/acme/sales/x|--kind|team"), 2,
        QStringLiteral("--reason"));
    row("node: no kind", QStringLiteral("--store|{store}|node|create|/acme/sales/x|--reason|r"), 2,
        QStringLiteral("--kind"));
    row("node: bad kind", QStringLiteral("--store|{store}|node|create|/acme/sales/x|--kind|robot|--reason|r"), 1,
        QStringLiteral("not 'robot'"));
    row("node: create agent", QStringLiteral("--store|{store}|node|create|/acme/sales/x|--kind|agent|--reason|r"), 1,
        QStringLiteral("agents are created with their spec"));
    row("node: blank reason", QStringLiteral("--store|{store}|node|archive|/acme/sales|--reason| "), 1,
        QStringLiteral("Give a reason"));
    row("node: bad name", QStringLiteral("--store|{store}|node|rename|/acme/sales|Sales Team|--reason|r"), 1,
        QStringLiteral("may only use lower-case"));
    row("node: rename missing", QStringLiteral("--store|{store}|node|rename|/acme/nothing|new|--reason|r"), 1,
        QStringLiteral("There is nothing at /acme/nothing"));
    row("node: move root", QStringLiteral("--store|{store}|node|move|/acme|/acme/sales|--reason|r"), 1,
        QStringLiteral("cannot be moved"));
    row("node: move into itself",
        QStringLiteral("--store|{store}|node|move|/acme/sales|/acme/sales/outbound|--reason|r"), 1,
        QStringLiteral("into itself"));
    row("node: duplicate", QStringLiteral("--store|{store}|node|create|/acme/sales/outbound|--kind|team|--reason|r"), 1,
        QStringLiteral("already has something called"));
    row("node: archive root", QStringLiteral("--store|{store}|node|archive|/acme|--reason|r"), 1,
        QStringLiteral("cannot be archived"));
    row("node: rename, one argument", QStringLiteral("--store|{store}|node|rename|/acme/sales|--reason|r"), 2,
        QStringLiteral("Missing arguments"));
    row("agent: no subcommand", QStringLiteral("--store|{store}|agent"), 2,
        QStringLiteral("Name what to do: agent show, create"));
    row("agent: unknown subcommand", QStringLiteral("--store|{store}|agent|delete|/acme/x"), 2,
        QStringLiteral("Unknown subcommand 'agent delete'"));
    row("agent: not an agent", QStringLiteral("--store|{store}|agent|show|/acme/sales"), 1,
        QStringLiteral("is a department, not an agent"));
    row("agent: pause without reason",
        QStringLiteral("--store|{store}|agent|pause|/acme/sales/outbound/prospect-mailer"), 2,
        QStringLiteral("--reason"));
    row("agent: resume an active agent",
        QStringLiteral("--store|{store}|agent|resume|/acme/sales/outbound/prospect-mailer|--reason|r"), 1,
        QStringLiteral("is already active"));
    row("agent: pause a team", QStringLiteral("--store|{store}|agent|pause|/acme/sales/outbound|--reason|r"), 1,
        QStringLiteral("not an agent"));
}

void TestStewardctl::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.steward"));
    if (!QFile::exists(corrupt)) {
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    for (QString &argument : arguments) {
        argument.replace(QLatin1String("{store}"), m_demo).replace(QLatin1String("{dir}"), m_dir.path());
    }
    const Outcome failed = run(arguments);
    QCOMPARE(failed.exitCode, exitCode);
    QVERIFY2(failed.out.isEmpty(), qPrintable(failed.out));
    QVERIFY2(failed.err.startsWith(QLatin1String("stewardctl: ")), qPrintable(failed.err));
    QVERIFY2(failed.err.endsWith(QLatin1Char('\n')) && failed.err.count(QLatin1Char('\n')) == 1,
             qPrintable(failed.err));
    QVERIFY2(failed.err.contains(message), qPrintable(failed.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.steward"))));
}

QTEST_GUILESS_MAIN(TestStewardctl)
#include "tst_stewardctl.moc"
