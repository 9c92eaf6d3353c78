// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Agents and their versions: an agent starts with version 1; specs are validated and stored
// canonically; a save names its base version and a stale base is refused; a change to a
// critical agent is a proposal until a second person approves it; rollback is a new version.
#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "storage/streamrepository.h"
#include "teststore.h"

#include <QCryptographicHash>
#include <QTest>

using namespace steward;

class TestAgentService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createAgent_storesAttributesAndCanonicalFirstVersion();
    void createAgent_refusals_data();
    void createAgent_refusals();
    void saveVersion_onHead_becomesNewHead();
    void saveVersion_staleBase_isRefusedAsConflict();
    void saveVersion_unchangedInvalidOrNoReason_isRefused();
    void criticalAgent_changeIsAProposalUntilASecondPersonApproves();
    void criticalAgent_authorCannotApproveOwnProposal();
    void criticalAgent_staleProposal_isRefusedOnApproval();
    void criticalAgent_rejectedProposalChangesNothing();
    void rollback_makesANewVersionWithOldContent();
    void change_thatLowersCriticality_updatesTheAgent();
    void setStatus_pauseAndResume_areAuditedAndStreamed();
    void setStatus_refusals_data();
    void setStatus_refusals();

private:
    [[nodiscard]] QString lastAuditAction() const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AgentService> m_agents;
    NodeId m_team = NoNode;
    NodeId m_mailer = NoNode; // critical
    NodeId m_notetaker = NoNode; // standard
};

namespace {

QString specText(const QString &instructions, Criticality criticality = Criticality::Critical)
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
    spec.criticality = criticality;
    return spec.toCanonicalText();
}

QString standardSpec(const QString &instructions)
{
    return specText(instructions, Criticality::Standard);
}

} // namespace

void TestAgentService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
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
    const auto mailer = m_agents->createAgent({m_team, QStringLiteral("prospect-mailer"), QStringLiteral("dana.kim"),
                                               Visibility::Public, Criticality::Critical,
                                               specText(QStringLiteral("Invite prospects to the summit in Lisbon."))},
                                              QStringLiteral("dana.kim"), QStringLiteral("first version"));
    QVERIFY2(mailer.ok(), qPrintable(mailer ? QString() : mailer.error().message));
    m_mailer = mailer->id;
    const auto notetaker =
        m_agents->createAgent({m_team, QStringLiteral("call-notes"), QStringLiteral("sam.lee"), Visibility::Team,
                               Criticality::Standard, standardSpec(QStringLiteral("Summarise sales calls."))},
                              QStringLiteral("sam.lee"), QStringLiteral("first version"));
    QVERIFY(notetaker.ok());
    m_notetaker = notetaker->id;
}

void TestAgentService::cleanup()
{
    m_agents.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

QString TestAgentService::lastAuditAction() const
{
    const auto entries = AuditRepository(*m_store).entriesAfter(0, 100000);
    return entries && !entries->isEmpty() ? entries->last().action : QString();
}

void TestAgentService::createAgent_storesAttributesAndCanonicalFirstVersion()
{
    const auto node = m_org->tree().node(m_mailer);
    QCOMPARE(node->path, QStringLiteral("/acme/outbound/prospect-mailer"));
    QCOMPARE(node->kind, NodeKind::Agent);
    const auto agent = m_org->tree().agent(m_mailer);
    QVERIFY(agent.ok());
    QCOMPARE(agent->owner, QStringLiteral("dana.kim"));
    QCOMPARE(agent->visibility, Visibility::Public);
    QCOMPARE(agent->criticality, Criticality::Critical);
    QCOMPARE(agent->status, AgentStatus::Active);
    QCOMPARE(agent->headVersion, 1);
    const auto first = m_agents->versions().version(m_mailer, 1);
    QVERIFY(first.ok());
    QCOMPARE(first->parentNumber, 0);
    QCOMPARE(first->author, QStringLiteral("dana.kim"));
    QCOMPARE(first->reason, QStringLiteral("first version"));
    QCOMPARE(first->createdAt, m_clock->now());
    QVERIFY(first->approvedBy.isEmpty());
    QCOMPARE(first->spec, specText(QStringLiteral("Invite prospects to the summit in Lisbon.")));
    QCOMPARE(first->contentHash, QCryptographicHash::hash(first->spec.toUtf8(), QCryptographicHash::Sha256).toHex());
    const auto entries = AuditRepository(*m_store).entriesForSubject(node->path, 10);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().action, QStringLiteral("agent.create"));

    // A spec written by hand in another field order is stored canonically.
    const QString handWritten =
        QStringLiteral("criticality: standard\ninstructions: |\n  Answer tickets.\nmodel: m1\n");
    const auto helper = m_agents->createAgent({m_team, QStringLiteral("helper"), QStringLiteral("kim.ng"),
                                               Visibility::Private, Criticality::Standard, handWritten},
                                              QStringLiteral("kim.ng"), QStringLiteral("new helper"));
    QVERIFY(helper.ok());
    QCOMPARE(m_agents->versions().version(helper->id, 1)->spec, AgentSpec::parse(handWritten)->toCanonicalText());
}

void TestAgentService::createAgent_refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<Criticality>("criticality");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("messagePart");

    const QString valid = standardSpec(QStringLiteral("x"));
    QTest::newRow("duplicate name") << "prospect-mailer"
                                    << "dana.kim" << Criticality::Standard << valid << "already has something called";
    QTest::newRow("no owner") << "other"
                              << "" << Criticality::Standard << valid << "owner";
    QTest::newRow("no spec") << "other"
                             << "dana.kim" << Criticality::Standard << "  \n"
                             << "no \"model\" field";
    QTest::newRow("invalid spec") << "other"
                                  << "dana.kim" << Criticality::Standard
                                  << QString(valid).replace(QStringLiteral("(read)"), QStringLiteral("(root)"))
                                  << "Line 8: unknown tool permission";
    QTest::newRow("criticality disagrees")
        << "other"
        << "dana.kim" << Criticality::Critical << valid << "created as critical but its spec says standard";
    QTest::newRow("bad name") << "Other Agent"
                              << "dana.kim" << Criticality::Standard << valid << "lower-case";
}

void TestAgentService::createAgent_refusals()
{
    QFETCH(QString, name);
    QFETCH(QString, owner);
    QFETCH(Criticality, criticality);
    QFETCH(QString, spec);
    QFETCH(QString, messagePart);
    const AgentService::NewAgent agent{m_team, name, owner, Visibility::Team, criticality, spec};
    const auto created = m_agents->createAgent(agent, QStringLiteral("dana.kim"), QStringLiteral("because"));
    QVERIFY(!created.ok());
    QVERIFY2(created.error().message.contains(messagePart), qPrintable(created.error().message));
    QCOMPARE(m_org->tree().children(m_team)->size(), 2);
}

void TestAgentService::saveVersion_onHead_becomesNewHead()
{
    m_clock->advance(3600 * 1000);
    const QString edited = standardSpec(QStringLiteral("Summarise sales calls in five bullets."));
    const auto saved =
        m_agents->saveVersion(m_notetaker, 1, edited, QStringLiteral("kim.ng"), QStringLiteral("Shorter summaries"));
    QVERIFY(saved.ok());
    QCOMPARE(saved->number, 2);
    QCOMPARE(saved->parentNumber, 1);
    QCOMPARE(saved->author, QStringLiteral("kim.ng"));
    QCOMPARE(m_org->tree().agent(m_notetaker)->headVersion, 2);
    QCOMPARE(m_agents->versions().version(m_notetaker, 2)->spec, edited);
    const auto history = m_agents->versions().history(m_notetaker);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->first().number, 2);
    QCOMPARE(history->first().reason, QStringLiteral("Shorter summaries"));
    QCOMPARE(lastAuditAction(), QStringLiteral("version.save"));
}

void TestAgentService::saveVersion_staleBase_isRefusedAsConflict()
{
    QVERIFY(m_agents
                ->saveVersion(m_notetaker, 1, standardSpec(QStringLiteral("A")), QStringLiteral("sam.lee"),
                              QStringLiteral("first edit"))
                .ok());
    const auto stale = m_agents->saveVersion(m_notetaker, 1, standardSpec(QStringLiteral("B")),
                                             QStringLiteral("kim.ng"), QStringLiteral("second edit"));
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QVERIFY2(stale.error().message.contains(QStringLiteral("version 2 is now the latest")),
             qPrintable(stale.error().message));
    QCOMPARE(m_org->tree().agent(m_notetaker)->headVersion, 2);
    QVERIFY(m_agents->versions().version(m_notetaker, 2)->spec.contains(QStringLiteral("  A\n")));
}

void TestAgentService::saveVersion_unchangedInvalidOrNoReason_isRefused()
{
    const QString same = m_agents->versions().version(m_notetaker, 1)->spec;
    const auto unchanged =
        m_agents->saveVersion(m_notetaker, 1, same, QStringLiteral("sam.lee"), QStringLiteral("noop"));
    QVERIFY(!unchanged.ok());
    QVERIFY(unchanged.error().message.contains(QStringLiteral("unchanged")));
    const auto noReason = m_agents->saveVersion(m_notetaker, 1, standardSpec(QStringLiteral("C")),
                                                QStringLiteral("sam.lee"), QStringLiteral(" "));
    QVERIFY(!noReason.ok());
    const auto invalid = m_agents->saveVersion(m_notetaker, 1, QStringLiteral("model: x\n"), QStringLiteral("sam.lee"),
                                               QStringLiteral("oops"));
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().code, Error::Code::Invalid);
    QCOMPARE(m_org->tree().agent(m_notetaker)->headVersion, 1);
}

void TestAgentService::criticalAgent_changeIsAProposalUntilASecondPersonApproves()
{
    const QString london = specText(QStringLiteral("Invite prospects to the summit in London."));
    const auto direct = m_agents->saveVersion(m_mailer, 1, london, QStringLiteral("sam.lee"), QStringLiteral("brief"));
    QVERIFY(!direct.ok());
    QCOMPARE(direct.error().code, Error::Code::Forbidden);

    m_clock->advance(60000);
    const auto change = m_agents->change(m_mailer, 1, london, QStringLiteral("sam.lee"),
                                         QStringLiteral("Refresh event copy from marketing brief"));
    QVERIFY(change.ok());
    QVERIFY(!change->saved.has_value());
    QVERIFY(change->proposed.has_value());
    const VersionProposal proposal = change->proposed.value();
    QCOMPARE(proposal.state, VersionProposal::State::Pending);
    QCOMPARE(proposal.baseVersion, 1);
    QCOMPARE(m_org->tree().agent(m_mailer)->headVersion, 1);
    QCOMPARE(m_agents->proposals().pending(m_mailer)->size(), 1);
    QCOMPARE(m_agents->proposals().pending(NoNode)->size(), 1);
    QCOMPARE(lastAuditAction(), QStringLiteral("version.propose"));

    m_clock->advance(60000);
    const auto approved =
        m_agents->approveProposal(proposal.id, QStringLiteral("lee.park"), QStringLiteral("Checked the brief"));
    QVERIFY2(approved.ok(), qPrintable(approved ? QString() : approved.error().message));
    QCOMPARE(approved->number, 2);
    QCOMPARE(approved->author, QStringLiteral("sam.lee"));
    QCOMPARE(approved->reason, QStringLiteral("Refresh event copy from marketing brief"));
    QCOMPARE(approved->approvedBy, QStringLiteral("lee.park"));
    QCOMPARE(m_org->tree().agent(m_mailer)->headVersion, 2);
    QCOMPARE(m_agents->versions().version(m_mailer, 2)->approvedBy, QStringLiteral("lee.park"));
    const auto decided = m_agents->proposals().proposal(proposal.id);
    QCOMPARE(decided->state, VersionProposal::State::Approved);
    QCOMPARE(decided->decidedBy, QStringLiteral("lee.park"));
    QCOMPARE(decided->resultingVersion, 2);
    QVERIFY(m_agents->proposals().pending(m_mailer)->isEmpty());
    QCOMPARE(lastAuditAction(), QStringLiteral("version.approve"));
    const auto again = m_agents->approveProposal(proposal.id, QStringLiteral("kim.ng"), QStringLiteral("me too"));
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QStringLiteral("already been decided")));
}

void TestAgentService::criticalAgent_authorCannotApproveOwnProposal()
{
    const auto proposed = m_agents->proposeVersion(m_mailer, 1, specText(QStringLiteral("London")),
                                                   QStringLiteral("sam.lee"), QStringLiteral("brief"));
    QVERIFY(proposed.ok());
    const auto self = m_agents->approveProposal(proposed->id, QStringLiteral("sam.lee"), QStringLiteral("looks fine"));
    QVERIFY(!self.ok());
    QCOMPARE(self.error().code, Error::Code::Forbidden);
    QVERIFY(self.error().message.contains(QStringLiteral("second person")));
    QCOMPARE(m_org->tree().agent(m_mailer)->headVersion, 1);
    const auto noReason = m_agents->approveProposal(proposed->id, QStringLiteral("lee.park"), QString());
    QVERIFY(!noReason.ok());
}

void TestAgentService::criticalAgent_staleProposal_isRefusedOnApproval()
{
    const auto first = m_agents->proposeVersion(m_mailer, 1, specText(QStringLiteral("A")), QStringLiteral("sam.lee"),
                                                QStringLiteral("a"));
    const auto second = m_agents->proposeVersion(m_mailer, 1, specText(QStringLiteral("B")), QStringLiteral("kim.ng"),
                                                 QStringLiteral("b"));
    QVERIFY(first.ok() && second.ok());
    QVERIFY(m_agents->approveProposal(first->id, QStringLiteral("lee.park"), QStringLiteral("ok")).ok());
    const auto stale = m_agents->approveProposal(second->id, QStringLiteral("lee.park"), QStringLiteral("ok"));
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QCOMPARE(m_agents->proposals().proposal(second->id)->state, VersionProposal::State::Pending);
}

void TestAgentService::criticalAgent_rejectedProposalChangesNothing()
{
    const auto proposed = m_agents->proposeVersion(m_mailer, 1, specText(QStringLiteral("London")),
                                                   QStringLiteral("sam.lee"), QStringLiteral("brief"));
    QVERIFY(proposed.ok());
    QVERIFY(!m_agents->rejectProposal(proposed->id, QStringLiteral("lee.park"), QString()).ok());
    const auto rejected =
        m_agents->rejectProposal(proposed->id, QStringLiteral("lee.park"), QStringLiteral("The summit is in Lisbon"));
    QVERIFY(rejected.ok());
    QCOMPARE(rejected->state, VersionProposal::State::Rejected);
    QCOMPARE(rejected->decisionReason, QStringLiteral("The summit is in Lisbon"));
    QCOMPARE(m_org->tree().agent(m_mailer)->headVersion, 1);
    QCOMPARE(lastAuditAction(), QStringLiteral("version.reject"));
    QVERIFY(!m_agents->approveProposal(proposed->id, QStringLiteral("kim.ng"), QStringLiteral("no")).ok());
}

void TestAgentService::rollback_makesANewVersionWithOldContent()
{
    QVERIFY(m_agents
                ->saveVersion(m_notetaker, 1, standardSpec(QStringLiteral("Bad idea")), QStringLiteral("sam.lee"),
                              QStringLiteral("try"))
                .ok());
    const auto rolled =
        m_agents->rollback(m_notetaker, 1, 2, QStringLiteral("kim.ng"), QStringLiteral("Roll back to version 1"));
    QVERIFY(rolled.ok());
    QVERIFY(rolled->saved.has_value());
    QCOMPARE(rolled->saved->number, 3);
    QCOMPARE(rolled->saved->parentNumber, 2);
    QCOMPARE(rolled->saved->spec, m_agents->versions().version(m_notetaker, 1)->spec);
    QCOMPARE(rolled->saved->contentHash, m_agents->versions().version(m_notetaker, 1)->contentHash);
    QVERIFY(!m_agents->rollback(m_notetaker, 9, 3, QStringLiteral("kim.ng"), QStringLiteral("x")).ok());
    // A critical agent's rollback is a proposal like any other change.
    const auto proposal = m_agents->rollback(m_mailer, 1, 1, QStringLiteral("kim.ng"), QStringLiteral("x"));
    QVERIFY(!proposal.ok()); // version 1 is the head: nothing to roll back
    QVERIFY(proposal.error().message.contains(QStringLiteral("unchanged")));
}

void TestAgentService::change_thatLowersCriticality_updatesTheAgent()
{
    const auto proposed = m_agents->change(m_mailer, 1, standardSpec(QStringLiteral("Lisbon")),
                                           QStringLiteral("sam.lee"), QStringLiteral("No longer customer-facing"));
    QVERIFY(proposed.ok() && proposed->proposed.has_value());
    QCOMPARE(m_org->tree().agent(m_mailer)->criticality, Criticality::Critical);
    QVERIFY(
        m_agents->approveProposal(proposed->proposed->id, QStringLiteral("lee.park"), QStringLiteral("agreed")).ok());
    QCOMPARE(m_org->tree().agent(m_mailer)->criticality, Criticality::Standard);
    const auto direct = m_agents->change(m_mailer, 2, standardSpec(QStringLiteral("Porto")), QStringLiteral("sam.lee"),
                                         QStringLiteral("venue"));
    QVERIFY(direct.ok() && direct->saved.has_value());
}

void TestAgentService::setStatus_pauseAndResume_areAuditedAndStreamed()
{
    const auto lastSeq = StreamRepository(*m_store).lastSeq();
    QVERIFY(lastSeq.ok());
    const auto paused = m_agents->setStatus(m_notetaker, AgentStatus::Paused, QStringLiteral("kim.ng"),
                                            QStringLiteral("CRM outage; stop until it is back"));
    QVERIFY2(paused.ok(), qPrintable(paused ? QString() : paused.error().message));
    QCOMPARE(paused->status, AgentStatus::Paused);
    QCOMPARE(paused->nodeId, m_notetaker);
    QCOMPARE(paused->headVersion, 1);
    QCOMPARE(m_org->tree().agent(m_notetaker)->status, AgentStatus::Paused);
    QCOMPARE(m_org->tree().agent(m_mailer)->status, AgentStatus::Active);

    const auto entries = AuditRepository(*m_store).entriesForSubject(QStringLiteral("/acme/outbound/call-notes"), 10);
    QVERIFY(entries.ok());
    const AuditEntry pause = entries->first(); // newest first
    QCOMPARE(pause.action, QStringLiteral("agent.pause"));
    QCOMPARE(pause.actor, QStringLiteral("kim.ng"));
    QCOMPARE(pause.reason, QStringLiteral("CRM outage; stop until it is back"));
    QCOMPARE(pause.details.value(QStringLiteral("from")).toString(), QStringLiteral("active"));
    QCOMPARE(pause.details.value(QStringLiteral("to")).toString(), QStringLiteral("paused"));
    const auto items = StreamRepository(*m_store).readAfter(lastSeq.value(), 100);
    QVERIFY(items.ok());
    QCOMPARE(items->size(), 1);
    QCOMPARE(items->first().type, StreamItemType::Agent);
    QCOMPARE(items->first().nodeId, m_notetaker);
    QCOMPARE(items->first().subjectId, 1);

    const auto resumed =
        m_agents->setStatus(m_notetaker, AgentStatus::Active, QStringLiteral("sam.lee"), QStringLiteral("CRM is back"));
    QVERIFY(resumed.ok());
    QCOMPARE(resumed->status, AgentStatus::Active);
    QCOMPARE(m_org->tree().agent(m_notetaker)->status, AgentStatus::Active);
    QCOMPARE(lastAuditAction(), QStringLiteral("agent.resume"));
}

void TestAgentService::setStatus_refusals_data()
{
    QTest::addColumn<QString>("agent"); // "notes", "team", "missing", "retired", "archived"
    QTest::addColumn<AgentStatus>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no reason") << "notes" << AgentStatus::Paused << "  " << Error::Code::Invalid << "reason";
    QTest::newRow("already active") << "notes" << AgentStatus::Active << "why not" << Error::Code::Invalid
                                    << "/acme/outbound/call-notes is already active.";
    QTest::newRow("retire") << "notes" << AgentStatus::Retired << "done" << Error::Code::Invalid
                            << "cannot be retired this way";
    QTest::newRow("retired is final") << "retired" << AgentStatus::Active << "bring it back" << Error::Code::Invalid
                                      << "/acme/outbound/call-notes is retired; it stays retired.";
    QTest::newRow("archived") << "archived" << AgentStatus::Paused << "stop" << Error::Code::Invalid
                              << "is archived and cannot change";
    QTest::newRow("a team") << "team" << AgentStatus::Paused << "stop" << Error::Code::NotFound << "";
    QTest::newRow("missing") << "missing" << AgentStatus::Paused << "stop" << Error::Code::NotFound << "";
}

void TestAgentService::setStatus_refusals()
{
    QFETCH(QString, agent);
    QFETCH(AgentStatus, status);
    QFETCH(QString, reason);
    QFETCH(Error::Code, code);
    QFETCH(QString, messagePart);
    NodeId id = m_notetaker;
    if (agent == QLatin1String("team")) {
        id = m_team;
    } else if (agent == QLatin1String("missing")) {
        id = 999999;
    } else if (agent == QLatin1String("retired")) {
        QVERIFY(m_org->tree().setStatus(m_notetaker, AgentStatus::Retired).ok());
    } else if (agent == QLatin1String("archived")) {
        QVERIFY(m_org->archive(m_notetaker, QStringLiteral("ops"), QStringLiteral("gone")).ok());
    }
    const QString lastAction = lastAuditAction();
    const AgentStatus before = m_org->tree().agent(m_notetaker)->status;
    const auto changed = m_agents->setStatus(id, status, QStringLiteral("kim.ng"), reason);
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, code);
    QVERIFY2(changed.error().message.contains(messagePart), qPrintable(changed.error().message));
    QCOMPARE(m_org->tree().agent(m_notetaker)->status, before);
    QCOMPARE(lastAuditAction(), lastAction);
}

QTEST_GUILESS_MAIN(TestAgentService)
#include "tst_agentservice.moc"
