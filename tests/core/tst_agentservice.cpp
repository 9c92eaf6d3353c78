// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Agents and their versions: an agent starts with version 1; a save names its base version and
// a stale base is refused instead of overwriting someone else's change.
#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/store.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestAgentService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createAgent_storesAttributesAndFirstVersion();
    void createAgent_refusals_data();
    void createAgent_refusals();
    void saveVersion_onHead_becomesNewHead();
    void saveVersion_staleBase_isRefusedAsConflict();
    void saveVersion_unchangedOrNoReason_isRefused();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AgentService> m_agents;
    NodeId m_team = NoNode;
    NodeId m_agent = NoNode;
};

namespace {

QString specText(const QString &instructions)
{
    AgentSpec spec;
    spec.description = QStringLiteral("Writes first-touch emails");
    spec.model = QStringLiteral("gpt-4o-mini");
    spec.instructions = instructions;
    spec.tools = {{QStringLiteral("crm.lookup"), QStringLiteral("read")}};
    spec.triggers = {{QStringLiteral("schedule"), QStringLiteral("0 9 * * 1-5"), QStringLiteral("Europe/Berlin")}};
    spec.reviewers = QStringLiteral("/acme/sales");
    spec.approvalExpiry = QStringLiteral("48h");
    spec.outputs = {QStringLiteral("email")};
    return spec.toCanonicalText();
}

} // namespace

void TestAgentService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::create(m_dir->filePath(QStringLiteral("agents.steward")));
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 4, 1), QTime(10, 0), Qt::UTC));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_agents = std::make_unique<AgentService>(*m_store, *m_clock, *m_org);
    const auto acme = m_org->createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    const auto team = m_org->createGroup(acme->id, NodeKind::Team, QStringLiteral("outbound"), QStringLiteral("ops"),
                                         QStringLiteral("setup"));
    QVERIFY(team.ok());
    m_team = team->id;
    AgentService::NewAgent agent{m_team,
                                 QStringLiteral("prospect-mailer"),
                                 QStringLiteral("dana.kim"),
                                 Visibility::Public,
                                 Criticality::Critical,
                                 specText(QStringLiteral("Invite prospects to the summit in Lisbon."))};
    const auto created = m_agents->createAgent(agent, QStringLiteral("dana.kim"), QStringLiteral("first version"));
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    m_agent = created->id;
}

void TestAgentService::cleanup()
{
    m_agents.reset();
    m_org.reset();
    m_store.reset();
    m_dir.reset();
}

void TestAgentService::createAgent_storesAttributesAndFirstVersion()
{
    const auto node = m_org->tree().node(m_agent);
    QCOMPARE(node->path, QStringLiteral("/acme/outbound/prospect-mailer"));
    QCOMPARE(node->kind, NodeKind::Agent);
    const auto agent = m_org->tree().agent(m_agent);
    QVERIFY(agent.ok());
    QCOMPARE(agent->owner, QStringLiteral("dana.kim"));
    QCOMPARE(agent->visibility, Visibility::Public);
    QCOMPARE(agent->criticality, Criticality::Critical);
    QCOMPARE(agent->status, AgentStatus::Active);
    QCOMPARE(agent->headVersion, 1);
    const auto first = m_agents->versions().version(m_agent, 1);
    QVERIFY(first.ok());
    QCOMPARE(first->parentNumber, 0);
    QCOMPARE(first->author, QStringLiteral("dana.kim"));
    QCOMPARE(first->reason, QStringLiteral("first version"));
    QCOMPARE(first->createdAt, m_clock->now());
    QVERIFY(first->spec.contains(QStringLiteral("  Invite prospects to the summit in Lisbon.\n")));
    QCOMPARE(first->contentHash,
             QCryptographicHash::hash(first->spec.toUtf8(), QCryptographicHash::Sha256).toHex());
    const auto entries = AuditRepository(*m_store).entriesForSubject(node->path, 10);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().action, QStringLiteral("agent.create"));
}

void TestAgentService::createAgent_refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("duplicate name") << "prospect-mailer" << "dana.kim" << "model: x\n" << "already has something called";
    QTest::newRow("no owner") << "other" << "" << "model: x\n" << "owner";
    QTest::newRow("no spec") << "other" << "dana.kim" << "  \n" << "spec";
    QTest::newRow("bad name") << "Other Agent" << "dana.kim" << "model: x\n" << "lower-case";
}

void TestAgentService::createAgent_refusals()
{
    QFETCH(QString, name);
    QFETCH(QString, owner);
    QFETCH(QString, spec);
    QFETCH(QString, messagePart);
    const AgentService::NewAgent agent{m_team, name, owner, Visibility::Team, Criticality::Standard, spec};
    const auto created = m_agents->createAgent(agent, QStringLiteral("dana.kim"), QStringLiteral("because"));
    QVERIFY(!created.ok());
    QVERIFY2(created.error().message.contains(messagePart), qPrintable(created.error().message));
    const auto children = m_org->tree().children(m_team);
    QCOMPARE(children->size(), 1);
}

void TestAgentService::saveVersion_onHead_becomesNewHead()
{
    m_clock->advance(3600 * 1000);
    const QString london = specText(QStringLiteral("Invite prospects to the summit in London."));
    const auto saved = m_agents->saveVersion(m_agent, 1, london, QStringLiteral("sam.lee"),
                                             QStringLiteral("Refresh event copy from marketing brief"));
    QVERIFY(saved.ok());
    QCOMPARE(saved->number, 2);
    QCOMPARE(saved->parentNumber, 1);
    QCOMPARE(saved->author, QStringLiteral("sam.lee"));
    QCOMPARE(m_org->tree().agent(m_agent)->headVersion, 2);
    QCOMPARE(m_agents->versions().version(m_agent, 2)->spec, london);
    const auto history = m_agents->versions().history(m_agent);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->first().number, 2);
    QCOMPARE(history->first().reason, QStringLiteral("Refresh event copy from marketing brief"));
}

void TestAgentService::saveVersion_staleBase_isRefusedAsConflict()
{
    QVERIFY(m_agents->saveVersion(m_agent, 1, specText(QStringLiteral("A")), QStringLiteral("sam.lee"),
                                  QStringLiteral("first edit"))
                .ok());
    const auto stale = m_agents->saveVersion(m_agent, 1, specText(QStringLiteral("B")), QStringLiteral("kim.ng"),
                                             QStringLiteral("second edit"));
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QVERIFY2(stale.error().message.contains(QStringLiteral("version 2 is now the latest")),
             qPrintable(stale.error().message));
    QCOMPARE(m_org->tree().agent(m_agent)->headVersion, 2);
    QVERIFY(m_agents->versions().version(m_agent, 2)->spec.contains(QStringLiteral("  A\n")));
}

void TestAgentService::saveVersion_unchangedOrNoReason_isRefused()
{
    const QString same = m_agents->versions().version(m_agent, 1)->spec;
    const auto unchanged = m_agents->saveVersion(m_agent, 1, same, QStringLiteral("sam.lee"), QStringLiteral("noop"));
    QVERIFY(!unchanged.ok());
    QVERIFY(unchanged.error().message.contains(QStringLiteral("unchanged")));
    const auto noReason = m_agents->saveVersion(m_agent, 1, specText(QStringLiteral("C")), QStringLiteral("sam.lee"),
                                                QStringLiteral(" "));
    QVERIFY(!noReason.ok());
    QCOMPARE(m_org->tree().agent(m_agent)->headVersion, 1);
}

QTEST_GUILESS_MAIN(TestAgentService)
#include "tst_agentservice.moc"
