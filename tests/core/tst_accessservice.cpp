// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// People, agent identities, roles on subtrees and bearer tokens: every change audited, roles
// inherited downward, tokens kept only as hashes and refused once revoked.
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSqlQuery>
#include <QTest>

using namespace steward;

class TestAccessService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addPrincipal_isAuditedAndRefusesDuplicatesAndBadNames();
    void roles_areInheritedDownward_data();
    void roles_areInheritedDownward();
    void grant_refusals_data();
    void grant_refusals();
    void revoke_removesTheRole();
    void grantsOnArchivedNodes_doNotPassToANewNodeAtThatPath();
    void tokens_areShownOnceStoredHashedAndRevocable();

private:
    [[nodiscard]] QString lastAuditAction() const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AccessService> m_access;
};

namespace {
const QString admin = QStringLiteral("ada.admin");
const QString because = QStringLiteral("onboarding");
} // namespace

void TestAccessService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 8, 1), QTime(9, 0), Qt::UTC));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_access = std::make_unique<AccessService>(*m_store, *m_clock, *m_org);
    AgentService agents(*m_store, *m_clock, *m_org);
    const auto acme = m_org->createCompany(QStringLiteral("acme"), admin, because);
    const auto sales = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), admin, because);
    const auto support = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), admin, because);
    const auto outbound = m_org->createGroup(sales->id, NodeKind::Team, QStringLiteral("outbound"), admin, because);
    QVERIFY(outbound.ok() && support.ok());
    QVERIFY(agents
                .createAgent({outbound->id, QStringLiteral("mailer"), QStringLiteral("dana"), Visibility::Public,
                              Criticality::Standard,
                              QStringLiteral("model: m\ninstructions: |\n  Mail.\ncriticality: standard\n")},
                             admin, because)
                .ok());
    QVERIFY(
        m_access->addPrincipal(QStringLiteral("dana"), QStringLiteral("Dana Kim"), PrincipalKind::User, admin, because)
            .ok());
    QVERIFY(m_access->addPrincipal(QStringLiteral("mailer-bot"), {}, PrincipalKind::Agent, admin, because).ok());
}

void TestAccessService::cleanup()
{
    m_access.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

QString TestAccessService::lastAuditAction() const
{
    const auto entries = AuditRepository(*m_store).query({}, 0, 1);
    return entries && !entries->isEmpty() ? entries->first().action : QString();
}

void TestAccessService::addPrincipal_isAuditedAndRefusesDuplicatesAndBadNames()
{
    QCOMPARE(lastAuditAction(), QStringLiteral("principal.add"));
    const auto dana = m_access->principals().byName(QStringLiteral("dana"));
    QVERIFY(dana.ok());
    QCOMPARE(dana->displayName, QStringLiteral("Dana Kim"));
    QCOMPARE(m_access->principals().byName(QStringLiteral("mailer-bot"))->displayName, QStringLiteral("mailer-bot"));
    QVERIFY(!m_access->addPrincipal(QStringLiteral("dana"), {}, PrincipalKind::User, admin, because).ok());
    QVERIFY(!m_access->addPrincipal(QStringLiteral("Dana Kim"), {}, PrincipalKind::User, admin, because).ok());
    QVERIFY(!m_access->addPrincipal(QStringLiteral("lee"), {}, PrincipalKind::User, admin, QString()).ok());
}

void TestAccessService::roles_areInheritedDownward_data()
{
    QTest::addColumn<Role>("granted");
    QTest::addColumn<QString>("grantedOn");
    QTest::addColumn<Role>("asked");
    QTest::addColumn<QString>("askedOn");
    QTest::addColumn<bool>("holds");

    QTest::newRow("reviewer on the department, asked on the agent")
        << Role::Reviewer << "/acme/sales" << Role::Reviewer << "/acme/sales/outbound/mailer" << true;
    QTest::newRow("reviewer on the department, asked on it")
        << Role::Reviewer << "/acme/sales" << Role::Reviewer << "/acme/sales" << true;
    QTest::newRow("reviewer on the team, asked above it")
        << Role::Reviewer << "/acme/sales/outbound" << Role::Reviewer << "/acme/sales" << false;
    QTest::newRow("reviewer on sales, asked on support")
        << Role::Reviewer << "/acme/sales" << Role::Reviewer << "/acme/support" << false;
    QTest::newRow("editor is not reviewer") << Role::Editor << "/acme" << Role::Reviewer << "/acme/sales" << false;
    QTest::newRow("admin holds reviewer") << Role::Admin << "/acme" << Role::Reviewer << "/acme/support" << true;
    QTest::newRow("admin holds auditor") << Role::Admin << "/acme/sales" << Role::Auditor << "/acme/sales/outbound"
                                         << true;
    QTest::newRow("admin does not hold agent")
        << Role::Admin << "/acme" << Role::Agent << "/acme/sales/outbound/mailer" << false;
}

void TestAccessService::roles_areInheritedDownward()
{
    QFETCH(Role, granted);
    QFETCH(QString, grantedOn);
    QFETCH(Role, asked);
    QFETCH(QString, askedOn);
    QFETCH(bool, holds);
    QVERIFY(m_access->grant(QStringLiteral("dana"), granted, grantedOn, admin, because).ok());
    QCOMPARE(lastAuditAction(), QStringLiteral("grant.add"));
    const auto dana = m_access->principals().byName(QStringLiteral("dana"));
    const auto node = m_org->tree().nodeByPath(askedOn);
    QVERIFY(node.ok());
    QCOMPARE(m_access->holds(dana->id, asked, node.value()).value(), holds);
}

void TestAccessService::grant_refusals_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown person") << "nobody" << Role::Reviewer << "/acme"
                                    << "nobody";
    QTest::newRow("unknown node") << "dana" << Role::Reviewer << "/acme/legal"
                                  << "/acme/legal";
    QTest::newRow("agent role to a person") << "dana" << Role::Agent << "/acme/sales/outbound/mailer"
                                            << "agent role";
    QTest::newRow("person role to an agent identity") << "mailer-bot" << Role::Reviewer << "/acme"
                                                      << "agent role";
    QTest::newRow("agent role on a team") << "mailer-bot" << Role::Agent << "/acme/sales"
                                          << "grant it on an agent";
    QTest::newRow("twice") << "dana" << Role::Editor << "/acme/sales"
                           << "already editor";
}

void TestAccessService::grant_refusals()
{
    QFETCH(QString, principal);
    QFETCH(Role, role);
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    QVERIFY(m_access->grant(QStringLiteral("dana"), Role::Editor, QStringLiteral("/acme/sales"), admin, because).ok());
    const auto refused = m_access->grant(principal, role, path, admin, because);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(messagePart), qPrintable(refused.error().message));
    QVERIFY(m_access
                ->grant(QStringLiteral("mailer-bot"), Role::Agent, QStringLiteral("/acme/sales/outbound/mailer"), admin,
                        because)
                .ok());
}

void TestAccessService::revoke_removesTheRole()
{
    QVERIFY(
        m_access->grant(QStringLiteral("dana"), Role::Reviewer, QStringLiteral("/acme/sales"), admin, because).ok());
    const auto dana = m_access->principals().byName(QStringLiteral("dana"));
    const auto mailer = m_org->tree().nodeByPath(QStringLiteral("/acme/sales/outbound/mailer"));
    QVERIFY(m_access->holds(dana->id, Role::Reviewer, mailer.value()).value());
    QVERIFY(m_access
                ->revoke(QStringLiteral("dana"), Role::Reviewer, QStringLiteral("/acme/sales"), admin,
                         QStringLiteral("left the team"))
                .ok());
    QCOMPARE(lastAuditAction(), QStringLiteral("grant.remove"));
    QVERIFY(!m_access->holds(dana->id, Role::Reviewer, mailer.value()).value());
    const auto again = m_access->revoke(QStringLiteral("dana"), Role::Reviewer, QStringLiteral("/acme/sales"), admin,
                                        QStringLiteral("again"));
    QCOMPARE(again.error().code, Error::Code::NotFound);
}

void TestAccessService::grantsOnArchivedNodes_doNotPassToANewNodeAtThatPath()
{
    QVERIFY(
        m_access->grant(QStringLiteral("dana"), Role::Editor, QStringLiteral("/acme/support"), admin, because).ok());
    const auto dana = m_access->principals().byName(QStringLiteral("dana"));
    const auto old = m_org->tree().nodeByPath(QStringLiteral("/acme/support"));
    QVERIFY(m_access->holds(dana->id, Role::Editor, old.value()).value());
    QVERIFY(m_org->archive(old->id, admin, QStringLiteral("merged into sales")).ok());
    const auto acme = m_org->tree().root();
    const auto reborn =
        m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), admin, QStringLiteral("new"));
    QVERIFY(reborn.ok());
    QVERIFY(!m_access->holds(dana->id, Role::Editor, reborn.value()).value());
    QVERIFY(m_access->principals().grantsOf(dana->id)->isEmpty());
}

void TestAccessService::tokens_areShownOnceStoredHashedAndRevocable()
{
    const auto issued = m_access->createToken(QStringLiteral("mailer-bot"), QStringLiteral("prod"), admin, because);
    QVERIFY(issued.ok());
    QVERIFY(issued->secret.startsWith(QStringLiteral("stw_")));
    QVERIFY(issued->secret.size() >= 40);
    QCOMPARE(lastAuditAction(), QStringLiteral("token.create"));
    // The secret is nowhere in the store, neither in the token table nor in the audit log.
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM api_tokens WHERE token_hash = '%1'")
                           .arg(QString::fromLatin1(AccessService::tokenHash(issued->secret)))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE details LIKE '%stw_%'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);

    const auto who = m_access->authenticate(issued->secret);
    QVERIFY(who.ok());
    QCOMPARE(who->name, QStringLiteral("mailer-bot"));
    QVERIFY(m_access->principals().tokensOf(who->id)->first().lastUsedAt.isValid());
    QVERIFY(!m_access->authenticate(issued->secret + QLatin1Char('x')).ok());
    QVERIFY(!m_access->authenticate(QString()).ok());

    const auto second = m_access->createToken(QStringLiteral("mailer-bot"), QStringLiteral("prod"), admin, because);
    QVERIFY(!second.ok());
    QVERIFY(second.error().message.contains(QStringLiteral("revoke it first")));

    QVERIFY(
        m_access->revokeToken(QStringLiteral("mailer-bot"), QStringLiteral("prod"), admin, QStringLiteral("rotated"))
            .ok());
    QCOMPARE(lastAuditAction(), QStringLiteral("token.revoke"));
    const auto refused = m_access->authenticate(issued->secret);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QVERIFY(m_access->createToken(QStringLiteral("mailer-bot"), QStringLiteral("prod"), admin, because).ok());
}

QTEST_GUILESS_MAIN(TestAccessService)
#include "tst_accessservice.moc"
