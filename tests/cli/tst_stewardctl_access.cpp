// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl user and token: people, agent identities, roles and bearer tokens, through the
// real binary.
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/orgservice.h"
#include "stewardctlprocess.h"
#include "storage/auditrepository.h"
#include "storage/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestStewardctlAccess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void userAdd_withRole_isListedAndAudited();
    void grantAndRevoke_changeTheRoles();
    void tokenCreate_printsATokenThatAuthenticatesUntilRevoked();
    void refusals_data();
    void refusals();

private:
    [[nodiscard]] StewardctlOutcome run(const QStringList &arguments) const;
    [[nodiscard]] QString storePath() const { return m_dir->filePath(QStringLiteral("a.steward")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

StewardctlOutcome TestStewardctlAccess::run(const QStringList &arguments) const
{
    return runStewardctl(QStringList{QStringLiteral("--store"), storePath()} + arguments, m_dir->path());
}

void TestStewardctlAccess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::create(storePath());
    QVERIFY(store.ok());
    const SystemClock clock;
    OrgService org(*store.value(), clock);
    const auto acme = org.createCompany(QStringLiteral("acme"), QStringLiteral("ada"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    QVERIFY(org.createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), QStringLiteral("ada"),
                            QStringLiteral("setup"))
                .ok());
}

void TestStewardctlAccess::userAdd_withRole_isListedAndAudited()
{
    const auto added = run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dana.kim"),
                            QStringLiteral("--display-name"), QStringLiteral("Dana Kim"), QStringLiteral("--role"),
                            QStringLiteral("reviewer"), QStringLiteral("--on"), QStringLiteral("/acme/sales"),
                            QStringLiteral("--reason"), QStringLiteral("joined sales")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(added.out.trimmed(), QStringLiteral("added dana.kim"));
    const auto listed = run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray users = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first()[QStringLiteral("displayName")].toString(), QStringLiteral("Dana Kim"));
    QCOMPARE(users.first()[QStringLiteral("roles")][0][QStringLiteral("role")].toString(), QStringLiteral("reviewer"));
    QCOMPARE(users.first()[QStringLiteral("roles")][0][QStringLiteral("on")].toString(), QStringLiteral("/acme/sales"));
    const auto table = run({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY(table.out.contains(QStringLiteral("reviewer on /acme/sales")));

    auto store = Store::open(storePath());
    QVERIFY(store.ok());
    const auto entries = AuditRepository(*store.value()).query({}, 0, 2);
    QCOMPARE(entries->at(0).action, QStringLiteral("grant.add"));
    QCOMPARE(entries->at(1).action, QStringLiteral("principal.add"));
    QCOMPARE(entries->at(0).reason, QStringLiteral("joined sales"));
}

void TestStewardctlAccess::grantAndRevoke_changeTheRoles()
{
    QCOMPARE(run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("lee"), QStringLiteral("--reason"),
                  QStringLiteral("new")})
                 .exitCode,
             0);
    const auto granted =
        run({QStringLiteral("user"), QStringLiteral("grant"), QStringLiteral("lee"), QStringLiteral("admin"),
             QStringLiteral("/acme"), QStringLiteral("--reason"), QStringLiteral("runs the rollout")});
    QCOMPARE(granted.exitCode, 0);
    QCOMPARE(granted.out.trimmed(), QStringLiteral("granted lee admin on /acme"));
    const auto revoked =
        run({QStringLiteral("user"), QStringLiteral("revoke"), QStringLiteral("lee"), QStringLiteral("admin"),
             QStringLiteral("/acme"), QStringLiteral("--reason"), QStringLiteral("handed over")});
    QCOMPARE(revoked.exitCode, 0);
    const auto again =
        run({QStringLiteral("user"), QStringLiteral("revoke"), QStringLiteral("lee"), QStringLiteral("admin"),
             QStringLiteral("/acme"), QStringLiteral("--reason"), QStringLiteral("twice")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.startsWith(QStringLiteral("stewardctl: ")));
}

void TestStewardctlAccess::tokenCreate_printsATokenThatAuthenticatesUntilRevoked()
{
    QCOMPARE(run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("mailer-bot"),
                  QStringLiteral("--agent"), QStringLiteral("--reason"), QStringLiteral("bot")})
                 .exitCode,
             0);
    const auto created =
        run({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("mailer-bot"), QStringLiteral("--label"),
             QStringLiteral("prod"), QStringLiteral("--reason"), QStringLiteral("deploy")});
    QCOMPARE(created.exitCode, 0);
    const QString secret = created.out.trimmed();
    QVERIFY(secret.startsWith(QStringLiteral("stw_")));
    {
        auto store = Store::open(storePath());
        const SystemClock clock;
        OrgService org(*store.value(), clock);
        AccessService access(*store.value(), clock, org);
        QCOMPARE(access.authenticate(secret)->name, QStringLiteral("mailer-bot"));
    }
    const auto revoked = run({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("mailer-bot"),
                              QStringLiteral("prod"), QStringLiteral("--reason"), QStringLiteral("rotated")});
    QCOMPARE(revoked.exitCode, 0);
    auto store = Store::open(storePath());
    const SystemClock clock;
    OrgService org(*store.value(), clock);
    AccessService access(*store.value(), clock, org);
    QVERIFY(!access.authenticate(secret).ok());
}

void TestStewardctlAccess::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no reason") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x")} << 2
                               << "--reason";
    QTest::newRow("role without on") << QStringList{QStringLiteral("user"),  QStringLiteral("add"),
                                                    QStringLiteral("x"),     QStringLiteral("--role"),
                                                    QStringLiteral("admin"), QStringLiteral("--reason"),
                                                    QStringLiteral("r")}
                                     << 2 << "--role and --on go together";
    QTest::newRow("unknown role") << QStringList{QStringLiteral("user"),  QStringLiteral("grant"),
                                                 QStringLiteral("x"),     QStringLiteral("king"),
                                                 QStringLiteral("/acme"), QStringLiteral("--reason"),
                                                 QStringLiteral("r")}
                                  << 1 << "Unknown role 'king'";
    QTest::newRow("bad name") << QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("Dana Kim"),
                                             QStringLiteral("--reason"), QStringLiteral("r")}
                              << 1 << "is not a valid name";
    QTest::newRow("token for nobody") << QStringList{
        QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("nobody"), QStringLiteral("--reason"),
        QStringLiteral("r")} << 1 << "nobody";
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("user"), QStringLiteral("delete")} << 2
                                        << "delete";
}

void TestStewardctlAccess::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);
    const auto outcome = run(arguments);
    QCOMPARE(outcome.exitCode, exitCode);
    QVERIFY(outcome.out.isEmpty());
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(outcome.err.startsWith(QStringLiteral("stewardctl: ")) && outcome.err.contains(messagePart),
             qPrintable(outcome.err));
}

QTEST_GUILESS_MAIN(TestStewardctlAccess)
#include "tst_stewardctl_access.moc"
