// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl --server: the real binary against the real stewardd, on a seeded workspace. The
// same commands as on a file, acting as the token's owner and seeing what the server shows it.
// Runs on SQLite and, as tst_stewardctl_server_pg, on PostgreSQL.
#include "connectionprofile.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "stewardctlprocess.h"
#include "storage/store.h"
#include "teststore.h"
#include "tokenstore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewardctlServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tree_showsWhatThePrincipalMaySee();
    void agentEditThenDiff();
    void userAddAndTokenCreate();
    void proposalApprovedByASecondPerson();
    void auditVerifyAndList();
    void exportBundleVerifiesOffline();
    void badToken_isOneLineAndExitOne();
    void profile_usesTheAppsConnectionAndKeychain();
    void company_isCreatedOnTheDatabase();
    void refusals_data();
    void refusals();
    void approvalDecidedAndPolicySetOverTheServer();
    void agentPauseAndResume();

private:
    // stewardctl --server URL ARGUMENTS with STEWARD_TOKEN set to `principal`'s token.
    [[nodiscard]] StewardctlOutcome run(const QString &principal, const QStringList &arguments,
                                        const QByteArray &input = {}) const;
    [[nodiscard]] QString url() const { return m_server.url().toString(); }

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void TestStewardctlServer::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestStewardctlServer::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

StewardctlOutcome TestStewardctlServer::run(const QString &principal, const QStringList &arguments,
                                            const QByteArray &input) const
{
    return runStewardctl(QStringList{QStringLiteral("--server"), url()} + arguments, m_dir.path(), input,
                         m_seeded.tokens.value(principal));
}

// Every path in a `tree --json` answer.
static QStringList treePaths(const QJsonObject &node)
{
    QStringList paths{node.value(QStringLiteral("path")).toString()};
    for (const QJsonValue &child : node.value(QStringLiteral("children")).toArray()) {
        paths += treePaths(child.toObject());
    }
    return paths;
}

void TestStewardctlServer::tree_showsWhatThePrincipalMaySee()
{
    const StewardctlOutcome admin =
        run(QStringLiteral("root-admin"), {QStringLiteral("tree"), QStringLiteral("--json")});
    QCOMPARE(admin.exitCode, 0);
    QVERIFY(admin.err.isEmpty());
    const QStringList all = treePaths(QJsonDocument::fromJson(admin.out.toUtf8()).object());
    QVERIFY(all.contains(QStringLiteral("/acme/sales/outbound/pricing-bot")));
    QVERIFY(all.contains(QStringLiteral("/acme/support/tier1/refund-bot")));

    const StewardctlOutcome outsider = run(
        QStringLiteral("outsider"), {QStringLiteral("tree"), QStringLiteral("/acme/sales"), QStringLiteral("--json")});
    QCOMPARE(outsider.exitCode, 0);
    QCOMPARE(treePaths(QJsonDocument::fromJson(outsider.out.toUtf8()).object()),
             (QStringList{QStringLiteral("/acme/sales"), QStringLiteral("/acme/sales/outbound"),
                          QStringLiteral("/acme/sales/outbound/prospect-mailer")}));

    // A hidden agent is not there, exactly like a missing one.
    const StewardctlOutcome hidden =
        run(QStringLiteral("outsider"), {QStringLiteral("tree"), QStringLiteral("/acme/sales/outbound/pricing-bot")});
    QCOMPARE(hidden.exitCode, 1);
    QCOMPARE(hidden.err, QStringLiteral("stewardctl: There is nothing at /acme/sales/outbound/pricing-bot.\n"));

    const StewardctlOutcome table = run(QStringLiteral("root-admin"), {QStringLiteral("tree")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(QStringLiteral("prospect-mailer")));
    QVERIFY(table.out.contains(QStringLiteral("Private")));
}

void TestStewardctlServer::agentEditThenDiff()
{
    const QString agent = QStringLiteral("/acme/sales/outbound/lead-scorer");
    const QByteArray spec = sampleSpec(QStringLiteral("Score leads by fit.")).toUtf8();
    const StewardctlOutcome edited =
        run(QStringLiteral("sales-editor"),
            {QStringLiteral("agent"), QStringLiteral("edit"), agent, QStringLiteral("--spec"), QStringLiteral("-"),
             QStringLiteral("--base"), QStringLiteral("1"), QStringLiteral("--reason"), QStringLiteral("sharper")},
            spec);
    QCOMPARE(edited.exitCode, 0);
    QCOMPARE(edited.out, QStringLiteral("saved version 2\n"));

    const StewardctlOutcome diff =
        run(QStringLiteral("outbound-reviewer"), {QStringLiteral("agent"), QStringLiteral("diff"), agent});
    QCOMPARE(diff.exitCode, 0);
    // Specs are stored in their canonical form; the lines around the change are the spec's.
    QVERIFY2(diff.out.startsWith(QStringLiteral("--- lead-scorer v1\n+++ lead-scorer v2\n@@ ")), qPrintable(diff.out));
    QVERIFY2(diff.out.contains(QStringLiteral("\n-  Help the lead-scorer team.\n+  Score leads by fit.\n")),
             qPrintable(diff.out));

    const StewardctlOutcome history =
        run(QStringLiteral("outbound-reviewer"),
            {QStringLiteral("agent"), QStringLiteral("history"), agent, QStringLiteral("--json")});
    QCOMPARE(history.exitCode, 0);
    const QJsonArray versions =
        QJsonDocument::fromJson(history.out.toUtf8()).object().value(QStringLiteral("versions")).toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.first()[QStringLiteral("author")].toString(), QStringLiteral("sales-editor"));

    const StewardctlOutcome blame =
        run(QStringLiteral("outbound-reviewer"),
            {QStringLiteral("agent"), QStringLiteral("blame"), agent, QStringLiteral("--json")});
    QCOMPARE(blame.exitCode, 0);
    const QJsonArray lines =
        QJsonDocument::fromJson(blame.out.toUtf8()).object().value(QStringLiteral("lines")).toArray();
    QVERIFY(lines.size() > 1);
    for (const QJsonValue &line : lines) {
        const bool changed = line[QStringLiteral("text")].toString().contains(QStringLiteral("Score leads by fit."));
        QCOMPARE(line[QStringLiteral("version")].toInt(), changed ? 2 : 1);
        QCOMPARE(line[QStringLiteral("author")].toString(),
                 changed ? QStringLiteral("sales-editor") : QStringLiteral("setup"));
    }

    // The reviewer may read but not edit: the server's refusal, in one line.
    const StewardctlOutcome refused =
        run(QStringLiteral("outbound-reviewer"),
            {QStringLiteral("agent"), QStringLiteral("edit"), agent, QStringLiteral("--spec"), QStringLiteral("-"),
             QStringLiteral("--base"), QStringLiteral("2"), QStringLiteral("--reason"), QStringLiteral("mine")},
            spec);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.startsWith(QStringLiteral("stewardctl: outbound-reviewer may not")), qPrintable(refused.err));
    QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
}

void TestStewardctlServer::userAddAndTokenCreate()
{
    const StewardctlOutcome added = run(
        QStringLiteral("root-admin"),
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dana.kim"), QStringLiteral("--display-name"),
         QStringLiteral("Dana Kim"), QStringLiteral("--role"), QStringLiteral("reviewer"), QStringLiteral("--on"),
         QStringLiteral("/acme/sales"), QStringLiteral("--reason"), QStringLiteral("joined sales")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.out, QStringLiteral("added dana.kim\n"));

    const StewardctlOutcome listed =
        run(QStringLiteral("root-admin"), {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QJsonObject dana;
    for (const QJsonValue &user : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
        if (user[QStringLiteral("name")].toString() == QLatin1String("dana.kim")) {
            dana = user.toObject();
        }
    }
    QCOMPARE(dana.value(QStringLiteral("displayName")).toString(), QStringLiteral("Dana Kim"));
    QCOMPARE(dana.value(QStringLiteral("roles"))[0][QStringLiteral("role")].toString(), QStringLiteral("reviewer"));
    QCOMPARE(dana.value(QStringLiteral("roles"))[0][QStringLiteral("on")].toString(), QStringLiteral("/acme/sales"));

    const StewardctlOutcome created =
        run(QStringLiteral("root-admin"),
            {QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("dana.kim"), QStringLiteral("--label"),
             QStringLiteral("laptop"), QStringLiteral("--reason"), QStringLiteral("first day")});
    QCOMPARE(created.exitCode, 0);
    const QString secret = created.out.trimmed();
    QVERIFY(secret.startsWith(QStringLiteral("stw_")));

    // The new token works, with --token this time, as dana.kim.
    const QStringList asDana{QStringLiteral("--server"), url(),
                             QStringLiteral("--token"),  secret,
                             QStringLiteral("proposal"), QStringLiteral("list")};
    const StewardctlOutcome works = runStewardctl(asDana, m_dir.path());
    QCOMPARE(works.exitCode, 0);

    const StewardctlOutcome revoked =
        run(QStringLiteral("root-admin"),
            {QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("dana.kim"), QStringLiteral("laptop"),
             QStringLiteral("--reason"), QStringLiteral("lost")});
    QCOMPARE(revoked.exitCode, 0);
    QCOMPARE(runStewardctl(asDana, m_dir.path()).exitCode, 1);

    // Managing access takes the admin role.
    const StewardctlOutcome refused = run(QStringLiteral("sales-editor"),
                                          {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("lee"),
                                           QStringLiteral("--reason"), QStringLiteral("helper")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("may not manage access")), qPrintable(refused.err));
}

void TestStewardctlServer::proposalApprovedByASecondPerson()
{
    const HttpReply created =
        HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")))
            .post(
                QStringLiteral("/api/v1/nodes"),
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("agent")},
                            {QStringLiteral("parentId"), m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound"))},
                            {QStringLiteral("name"), QStringLiteral("refund-approver")},
                            {QStringLiteral("owner"), QStringLiteral("dana")},
                            {QStringLiteral("criticality"), QStringLiteral("critical")},
                            {QStringLiteral("spec"),
                             sampleSpec(QStringLiteral("Approve refunds."), QStringLiteral("critical"))},
                            {QStringLiteral("reason"), QStringLiteral("new")}});
    QVERIFY2(created.status == 201, created.body.constData());
    const QString agent = QStringLiteral("/acme/sales/outbound/refund-approver");
    const StewardctlOutcome proposed =
        run(QStringLiteral("sales-editor"),
            {QStringLiteral("agent"), QStringLiteral("edit"), agent, QStringLiteral("--spec"), QStringLiteral("-"),
             QStringLiteral("--base"), QStringLiteral("1"), QStringLiteral("--reason"), QStringLiteral("small refunds"),
             QStringLiteral("--json")},
            sampleSpec(QStringLiteral("Approve small refunds."), QStringLiteral("critical")).toUtf8());
    QCOMPARE(proposed.exitCode, 0);
    const qint64 proposal =
        QJsonDocument::fromJson(proposed.out.toUtf8()).object().value(QStringLiteral("proposal")).toInteger();
    QVERIFY(proposal > 0);

    const StewardctlOutcome listed =
        run(QStringLiteral("outbound-reviewer"),
            {QStringLiteral("proposal"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray pending = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first()[QStringLiteral("agent")].toString(), agent);

    const StewardctlOutcome approved =
        run(QStringLiteral("outbound-reviewer"),
            {QStringLiteral("proposal"), QStringLiteral("approve"), QString::number(proposal),
             QStringLiteral("--reason"), QStringLiteral("checked")});
    QCOMPARE(approved.exitCode, 0);
    QCOMPARE(approved.out, QStringLiteral("approved proposal %1: %2 is now at version 2\n").arg(proposal).arg(agent));
}

void TestStewardctlServer::auditVerifyAndList()
{
    const StewardctlOutcome verified =
        run(QStringLiteral("auditor"), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(verified.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(verified.out.toUtf8()).object();
    QVERIFY(report.value(QStringLiteral("intact")).toBool());
    QVERIFY(report.value(QStringLiteral("entries")).toInteger() > 0);

    // --actor here is the filter, not who acts.
    const StewardctlOutcome listed =
        run(QStringLiteral("auditor"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--actor"), QStringLiteral("setup"),
             QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray entries = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(entries.size(), 3);
    for (const QJsonValue &entry : entries) {
        QCOMPARE(entry[QStringLiteral("actor")].toString(), QStringLiteral("setup"));
    }
}

void TestStewardctlServer::exportBundleVerifiesOffline()
{
    const QString bundle = m_dir.filePath(QStringLiteral("q2.bundle"));
    const StewardctlOutcome exported =
        run(QStringLiteral("auditor"),
            {QStringLiteral("export-bundle"), QStringLiteral("--out"), bundle, QStringLiteral("--reason"),
             QStringLiteral("Q2 audit"), QStringLiteral("--json")});
    QCOMPARE(exported.exitCode, 0);
    const QJsonObject manifest =
        QJsonDocument::fromJson(exported.out.toUtf8()).object().value(QStringLiteral("manifest")).toObject();
    QCOMPARE(manifest.value(QStringLiteral("createdBy")).toString(), QStringLiteral("auditor"));
    QVERIFY(QFile::exists(bundle + QStringLiteral(".manifest.json")));

    // The server's public key, as its operator would hand it to the auditor.
    const QDir keys(m_server.dataHome() + QStringLiteral("/steward/keys"));
    const QStringList keyFiles = keys.entryList({QStringLiteral("*.key")}, QDir::Files);
    QCOMPARE(keyFiles.size(), 1);
    const StewardctlOutcome publicKey = runStewardctl(
        {QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("--key"), keys.filePath(keyFiles.first())},
        m_dir.path());
    QCOMPARE(publicKey.exitCode, 0);
    const StewardctlOutcome verified = runStewardctl(
        {QStringLiteral("verify-bundle"), bundle, QStringLiteral("--key"), publicKey.out.trimmed()}, m_dir.path());
    QCOMPARE(verified.exitCode, 0);

    // A server keeps its own key.
    const StewardctlOutcome withKey = run(
        QStringLiteral("auditor"),
        {QStringLiteral("export-bundle"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("other.bundle")),
         QStringLiteral("--key"), keys.filePath(keyFiles.first()), QStringLiteral("--reason"), QStringLiteral("x")});
    QCOMPARE(withKey.exitCode, 2);
}

void TestStewardctlServer::badToken_isOneLineAndExitOne()
{
    const StewardctlOutcome refused = runStewardctl({QStringLiteral("--server"), url(), QStringLiteral("--token"),
                                                     QStringLiteral("stw_wrong"), QStringLiteral("tree")},
                                                    m_dir.path());
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(refused.err, QStringLiteral("stewardctl: Not signed in: unknown or revoked token.\n"));
}

void TestStewardctlServer::profile_usesTheAppsConnectionAndKeychain()
{
    // As the desktop app leaves it: the connection in its settings (runStewardctl's
    // XDG_CONFIG_HOME), the token in the system keychain, nothing on the command line.
    QSettings appSettings(m_dir.filePath(QStringLiteral("xdg-config/Steward/Steward.conf")), QSettings::IniFormat);
    ConnectionProfile profile;
    profile.name = QStringLiteral("tst_stewardctl_server %1").arg(QCoreApplication::applicationPid());
    profile.serverUrl = m_server.url();
    ConnectionProfiles::save(profile, appSettings);
    appSettings.sync();
    TokenStore tokens;
    std::optional<Status> written;
    QEventLoop waiting;
    tokens.write(profile.name, m_seeded.tokens.value(QStringLiteral("auditor")), &waiting, [&](const Status &status) {
        written = status;
        waiting.quit();
    });
    if (!written) {
        waiting.exec();
    }
    if (!written->ok()) {
        QSKIP(qPrintable(QStringLiteral("no system keychain here (scripts/test.sh provides one): ")
                         + written->error().message));
    }

    const StewardctlOutcome tree = runStewardctl(
        {QStringLiteral("--profile"), profile.name, QStringLiteral("--json"), QStringLiteral("tree")}, m_dir.path());
    QVERIFY2(tree.exitCode == 0, qPrintable(tree.err));
    QVERIFY(tree.out.contains(QStringLiteral("/acme/support/tier1/refund-bot"))); // the auditor sees it all

    const StewardctlOutcome unknown = runStewardctl(
        {QStringLiteral("--profile"), QStringLiteral("no such connection"), QStringLiteral("tree")}, m_dir.path());
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.err,
             QStringLiteral("stewardctl: The desktop app has no saved connection named 'no such connection'.\n"));

    std::optional<Status> removed;
    tokens.remove(profile.name, &waiting, [&](const Status &status) {
        removed = status;
        waiting.quit();
    });
    if (!removed) {
        waiting.exec();
    }
    QVERIFY(removed->ok());
}

void TestStewardctlServer::company_isCreatedOnTheDatabase()
{
    // What an operator does once, on the database a new stewardd created: the company.
    const QString database = m_dir.filePath(QStringLiteral("new.steward"));
    QVERIFY(Store::create(database));
    const QStringList create{QStringLiteral("--store"),      database,
                             QStringLiteral("node"),         QStringLiteral("create"),
                             QStringLiteral("/globex"),      QStringLiteral("--kind"),
                             QStringLiteral("company"),      QStringLiteral("--reason"),
                             QStringLiteral("new workspace")};
    const StewardctlOutcome created = runStewardctl(create, m_dir.path());
    QCOMPARE(created.exitCode, 0);
    QCOMPARE(created.out, QStringLiteral("Created /globex\n"));
    QCOMPARE(runStewardctl(create, m_dir.path()).exitCode, 1);
    const StewardctlOutcome nested =
        runStewardctl({QStringLiteral("--store"), database, QStringLiteral("node"), QStringLiteral("create"),
                       QStringLiteral("/globex/x"), QStringLiteral("--kind"), QStringLiteral("company"),
                       QStringLiteral("--reason"), QStringLiteral("r")},
                      m_dir.path());
    QCOMPARE(nested.exitCode, 1);
    QVERIFY2(nested.err.contains(QStringLiteral("/name")), qPrintable(nested.err));
}

void TestStewardctlServer::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    // {url} is the server's URL, {closed} one where nothing listens.
    const auto row = [](const char *name, const char *arguments, bool withToken, int exitCode, const char *message) {
        QTest::newRow(name) << QString::fromUtf8(arguments).split(QLatin1Char('|')) << withToken << exitCode
                            << QString::fromUtf8(message);
    };
    row("demo", "--server|{url}|demo|--out|x.steward", true, 2, "does not work on a server");
    row("key show", "--server|{url}|key|show", true, 2, "its own key");
    row("agent create", "--server|{url}|agent|create|/acme/sales|bot|--owner|a|--spec|-|--reason|r", true, 2,
        "agents are created through the API");
    row("--actor", "--server|{url}|node|archive|/acme/sales|--reason|r|--actor|ben", true, 2,
        "the owner of the token is the actor");
    row("--store and --server", "--store|a.steward|--server|{url}|tree", true, 2, "not both");
    row("no token", "--server|{url}|tree", false, 2, "STEWARD_TOKEN");
    row("company", "--server|{url}|node|create|/globex|--kind|company|--reason|r", true, 1, "before anyone signs in");
    row("not a URL", "--server|ftp://example.com|tree", true, 1, "not a server address");
    row("nobody listens", "--server|{closed}|tree", true, 1, "Cannot reach");
    row("missing certificate file", "--server|{url}|--server-certificate|missing.pem|tree", true, 1,
        "Cannot read the certificate");
}

void TestStewardctlServer::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withToken);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // A port nobody listens on: taken, then given back.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString closedUrl = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    for (QString &argument : arguments) {
        argument.replace(QStringLiteral("{url}"), url()).replace(QStringLiteral("{closed}"), closedUrl);
    }
    const StewardctlOutcome outcome = runStewardctl(
        arguments, m_dir.path(), {}, withToken ? m_seeded.tokens.value(QStringLiteral("root-admin")) : QString());
    QCOMPARE(outcome.exitCode, exitCode);
    QVERIFY(outcome.out.isEmpty());
    QVERIFY2(outcome.err.startsWith(QStringLiteral("stewardctl: ")), qPrintable(outcome.err));
    QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
}

void TestStewardctlServer::approvalDecidedAndPolicySetOverTheServer()
{
    const HttpReply submitted =
        HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("mailer-bot")))
            .post(QStringLiteral("/api/v1/approvals"),
                  {{QStringLiteral("agentId"),
                    m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/prospect-mailer"))},
                   {QStringLiteral("title"), QStringLiteral("From the shell")},
                   {QStringLiteral("payload"), QStringLiteral("Hello")},
                   {QStringLiteral("payloadFormat"), QStringLiteral("markdown")}});
    QCOMPARE(submitted.status, 201);
    const QString id = QString::number(submitted.json().value(QStringLiteral("id")).toInteger());
    const StewardctlOutcome mine = run(QStringLiteral("outbound-reviewer"),
                                       {QStringLiteral("approval"), QStringLiteral("list"), QStringLiteral("--mine")});
    QCOMPARE(mine.exitCode, 0);
    QVERIFY2(mine.out.contains(QStringLiteral("From the shell")), qPrintable(mine.out));
    const StewardctlOutcome refused =
        run(QStringLiteral("outsider"), {QStringLiteral("approval"), QStringLiteral("approve"), id});
    QVERIFY(refused.exitCode != 0);
    const StewardctlOutcome approved =
        run(QStringLiteral("outbound-reviewer"), {QStringLiteral("approval"), QStringLiteral("approve"), id});
    QCOMPARE(approved.exitCode, 0);
    QVERIFY2(approved.out.contains(QStringLiteral("approved")), qPrintable(approved.out));

    const StewardctlOutcome set =
        run(QStringLiteral("root-admin"),
            {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("/acme/sales"), QStringLiteral("--quorum"),
             QStringLiteral("2"), QStringLiteral("--reason"), QStringLiteral("two eyes")});
    QCOMPARE(set.exitCode, 0);
    const StewardctlOutcome shown =
        run(QStringLiteral("outsider"),
            {QStringLiteral("policy"), QStringLiteral("show"), QStringLiteral("/acme/sales/outbound")});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains(QStringLiteral("inherited from /acme/sales")), qPrintable(shown.out));
    QCOMPARE(run(QStringLiteral("root-admin"),
                 {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("/acme/sales"),
                  QStringLiteral("--inherit"), QStringLiteral("--reason"), QStringLiteral("back")})
                 .exitCode,
             0);
}

void TestStewardctlServer::agentPauseAndResume()
{
    const QString agent = QStringLiteral("/acme/sales/outbound/pricing-bot");
    const StewardctlOutcome paused =
        run(QStringLiteral("sales-editor"),
            {QStringLiteral("agent"), QStringLiteral("pause"), agent, QStringLiteral("--reason"),
             QStringLiteral("Price list under review"), QStringLiteral("--json")});
    QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
    QCOMPARE(QJsonDocument::fromJson(paused.out.toUtf8()).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("paused"));

    // A reviewer sees the agent but may not pause or resume it; an outsider does not see it.
    const StewardctlOutcome reviewer = run(
        QStringLiteral("outbound-reviewer"),
        {QStringLiteral("agent"), QStringLiteral("resume"), agent, QStringLiteral("--reason"), QStringLiteral("go")});
    QCOMPARE(reviewer.exitCode, 1);
    QVERIFY2(reviewer.err.startsWith(QStringLiteral("stewardctl: outbound-reviewer may not")),
             qPrintable(reviewer.err));
    const StewardctlOutcome outsider = run(
        QStringLiteral("outsider"),
        {QStringLiteral("agent"), QStringLiteral("resume"), agent, QStringLiteral("--reason"), QStringLiteral("go")});
    QCOMPARE(outsider.exitCode, 1);
    QCOMPARE(outsider.err, QStringLiteral("stewardctl: There is nothing at /acme/sales/outbound/pricing-bot.\n"));

    const StewardctlOutcome resumed = run(QStringLiteral("root-admin"),
                                          {QStringLiteral("agent"), QStringLiteral("resume"), agent,
                                           QStringLiteral("--reason"), QStringLiteral("Prices are final")});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(resumed.out, QStringLiteral("resumed ") + agent + QLatin1Char('\n'));

    const StewardctlOutcome audit = run(QStringLiteral("auditor"),
                                        {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                                         QStringLiteral("agent."), QStringLiteral("--json")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
    QVERIFY2(audit.out.contains(QStringLiteral("Price list under review")), qPrintable(audit.out));
    QVERIFY2(audit.out.contains(QStringLiteral("Prices are final")), qPrintable(audit.out));
}

QTEST_GUILESS_MAIN(TestStewardctlServer)
#include "tst_stewardctl_server.moc"
