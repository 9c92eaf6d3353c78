// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Who may do what where, and who sees which agent: roles inherited downward and never sideways,
// agent identities confined to their own agent, nodes a principal cannot see answered exactly
// like missing ones.
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/store.h"
#include "teststore.h"

#include <QTest>

using namespace steward;

namespace {

enum class Outcome { Allowed, Forbidden, NotFound };

const QString actor = QStringLiteral("ada");
const QString because = QStringLiteral("setting up");

// The tree the tests ask about:
//   /acme                                     company
//     /sales                                  department
//       /outbound   mailer (public), scorer (team), forecaster (private)
//       /inbound    router (team), ledger (private)
//     /support                                department
//       /helpdesk   triage (public), notes (team), payroll (private)
struct AgentPlace
{
    const char *team;
    const char *name;
    Visibility visibility;
};
const QList<AgentPlace> agentPlaces{
    {"/acme/sales/outbound", "mailer", Visibility::Public},
    {"/acme/sales/outbound", "scorer", Visibility::Team},
    {"/acme/sales/outbound", "forecaster", Visibility::Private},
    {"/acme/sales/inbound", "router", Visibility::Team},
    {"/acme/sales/inbound", "ledger", Visibility::Private},
    {"/acme/support/helpdesk", "triage", Visibility::Public},
    {"/acme/support/helpdesk", "notes", Visibility::Team},
    {"/acme/support/helpdesk", "payroll", Visibility::Private},
};

// The people and the agent identity, with the one role each holds (none for otto).
struct PrincipalSetup
{
    const char *name;
    PrincipalKind kind;
    Role role;
    const char *on;
};
const QList<PrincipalSetup> principalSetups{
    {"ada", PrincipalKind::User, Role::Admin, "/acme"},
    {"ed", PrincipalKind::User, Role::Editor, "/acme/sales"},
    {"rae", PrincipalKind::User, Role::Reviewer, "/acme/sales/outbound"},
    {"aud", PrincipalKind::User, Role::Auditor, "/acme"},
    {"otto", PrincipalKind::User, Role::Reviewer, nullptr},
    {"cole", PrincipalKind::User, Role::Editor, "/acme/sales/outbound/mailer"},
    {"scorer-bot", PrincipalKind::Agent, Role::Agent, "/acme/sales/outbound/scorer"},
};

template<typename T> QString why(const Result<T> &result)
{
    return result ? QString() : result.error().message;
}

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items) {
        list.append(QString::fromLatin1(item));
    }
    return list;
}

QString agentPath(const AgentPlace &place)
{
    return QLatin1String(place.team) + QLatin1Char('/') + QLatin1String(place.name);
}

// Everything the tests need, on a fresh store.
struct World
{
    std::unique_ptr<test::TestStore> where;
    std::unique_ptr<Store> store;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<OrgService> org;
    std::unique_ptr<AccessService> access;
    std::unique_ptr<Authorizer> authorizer;
};

void build(World &world)
{
    world.where = std::make_unique<test::TestStore>();
    QVERIFY2(world.where->isValid(), qPrintable(world.where->error().message));
    auto store = world.where->create();
    QVERIFY2(store.ok(), qPrintable(why(store)));
    world.store = std::move(store).value();
    world.clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 8, 1), QTime(9, 0), Qt::UTC));
    world.org = std::make_unique<OrgService>(*world.store, *world.clock);
    world.access = std::make_unique<AccessService>(*world.store, *world.clock, *world.org);
    world.authorizer = std::make_unique<Authorizer>(*world.store);
    OrgService &org = *world.org;

    const auto acme = org.createCompany(QStringLiteral("acme"), actor, because);
    QVERIFY2(acme.ok(), qPrintable(why(acme)));
    const auto sales = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), actor, because);
    const auto support = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), actor, because);
    QVERIFY(sales.ok() && support.ok());
    QVERIFY(org.createGroup(sales->id, NodeKind::Team, QStringLiteral("outbound"), actor, because).ok());
    QVERIFY(org.createGroup(sales->id, NodeKind::Team, QStringLiteral("inbound"), actor, because).ok());
    QVERIFY(org.createGroup(support->id, NodeKind::Team, QStringLiteral("helpdesk"), actor, because).ok());

    AgentService agents(*world.store, *world.clock, org);
    for (const AgentPlace &place : agentPlaces) {
        const auto team = org.tree().nodeByPath(QLatin1String(place.team));
        QVERIFY(team.ok());
        const auto created = agents.createAgent(
            {team->id, QLatin1String(place.name), QStringLiteral("dana"), place.visibility, Criticality::Standard,
             QStringLiteral("model: m\ninstructions: |\n  Work.\ncriticality: standard\n")},
            actor, because);
        QVERIFY2(created.ok(), qPrintable(why(created)));
    }
    for (const PrincipalSetup &setup : principalSetups) {
        QVERIFY(world.access->addPrincipal(QLatin1String(setup.name), {}, setup.kind, actor, because).ok());
        if (setup.on != nullptr) {
            const auto granted =
                world.access->grant(QLatin1String(setup.name), setup.role, QLatin1String(setup.on), actor, because);
            QVERIFY2(granted.ok(), qPrintable(why(granted)));
        }
    }
}

} // namespace

class TestAuthorizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void permissions_data();
    void permissions();
    void visibility_data();
    void visibility();
    void filter_prunesTheTree_data();
    void filter_prunesTheTree();
    void refusal_namesWhoWhatWhereAndTheRolesThatWould();
    void hiddenNode_isRefusedExactlyLikeAMissingOne();
    void matrix_hasTheDocumentedExceptions();

private:
    [[nodiscard]] Principal principal(const QString &name) const;

    std::unique_ptr<World> m_world; // read-only: the one test that changes the tree builds its own
};

Principal TestAuthorizer::principal(const QString &name) const
{
    const auto found = m_world->access->principals().byName(name);
    return found ? found.value() : Principal{};
}

void TestAuthorizer::initTestCase()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_world = std::make_unique<World>();
    build(*m_world);
}

void TestAuthorizer::cleanupTestCase()
{
    m_world.reset();
}

void TestAuthorizer::permissions_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Action>("action");
    QTest::addColumn<Outcome>("outcome");

    const auto row = [](const char *who, Action action, const char *path, Outcome outcome) {
        QTest::addRow("%s %s %s", who, qPrintable(toText(action)), path)
            << QString::fromLatin1(who) << QString::fromLatin1(path) << action << outcome;
    };
    constexpr Outcome yes = Outcome::Allowed;
    constexpr Outcome no = Outcome::Forbidden;
    constexpr Outcome hidden = Outcome::NotFound;

    // Admin on the company: everything everywhere, ingesting included, but never an agent's submission.
    row("ada", Action::EditTree, "/acme", yes);
    row("ada", Action::EditSpec, "/acme/support/helpdesk/payroll", yes);
    row("ada", Action::ManageAccess, "/acme", yes);
    row("ada", Action::ReadAudit, "/acme", yes);
    row("ada", Action::ExportBundle, "/acme/sales", yes);
    row("ada", Action::DecideProposal, "/acme/sales/outbound/forecaster", yes);
    row("ada", Action::DecideApproval, "/acme/support/helpdesk/notes", yes);
    row("ada", Action::IngestActivity, "/acme/support/helpdesk/triage", yes);
    row("ada", Action::SubmitApproval, "/acme/sales/outbound/scorer", no);
    row("ada", Action::SeeNode, "/acme/sales/inbound/ledger", yes);

    // Editor on sales: the department, its teams and their agents, private ones too; nothing
    // above it or beside it, and nothing beyond editing.
    row("ed", Action::EditTree, "/acme/sales", yes);
    row("ed", Action::EditTree, "/acme/sales/outbound", yes);
    row("ed", Action::EditSpec, "/acme/sales/outbound/forecaster", yes);
    row("ed", Action::SeeNode, "/acme/sales/inbound/ledger", yes);
    row("ed", Action::EditTree, "/acme", no);
    row("ed", Action::EditTree, "/acme/support", no);
    row("ed", Action::EditSpec, "/acme/support/helpdesk/triage", no);
    row("ed", Action::EditSpec, "/acme/support/helpdesk/payroll", hidden);
    row("ed", Action::SeeNode, "/acme/support/helpdesk/notes", hidden);
    row("ed", Action::DecideProposal, "/acme/sales/outbound/mailer", no);
    row("ed", Action::ManageAccess, "/acme/sales", no);
    row("ed", Action::ReadAudit, "/acme/sales", no);

    // Reviewer on one team: decides there, edits nothing, and the sibling team's agents are out of sight.
    row("rae", Action::DecideProposal, "/acme/sales/outbound/forecaster", yes);
    row("rae", Action::DecideApproval, "/acme/sales/outbound/scorer", yes);
    row("rae", Action::DecideProposal, "/acme/sales/outbound", yes);
    row("rae", Action::EditSpec, "/acme/sales/outbound/mailer", no);
    row("rae", Action::EditTree, "/acme/sales/outbound", no);
    row("rae", Action::DecideProposal, "/acme/sales", no);
    row("rae", Action::DecideApproval, "/acme/sales/inbound/router", hidden);
    row("rae", Action::SeeNode, "/acme/sales/inbound/ledger", hidden);

    // Auditor on the company: sees and reads everything, changes nothing.
    row("aud", Action::ReadAudit, "/acme", yes);
    row("aud", Action::ExportBundle, "/acme/sales", yes);
    row("aud", Action::SeeNode, "/acme/support/helpdesk/payroll", yes);
    row("aud", Action::EditSpec, "/acme/support/helpdesk/payroll", no);
    row("aud", Action::EditTree, "/acme/sales", no);
    row("aud", Action::DecideProposal, "/acme/sales/outbound/forecaster", no);
    row("aud", Action::DecideApproval, "/acme/sales/outbound/scorer", no);
    row("aud", Action::ManageAccess, "/acme", no);
    row("aud", Action::IngestActivity, "/acme/sales/outbound/mailer", no);

    // No grants at all: groups and public agents are in sight, nothing is allowed.
    row("otto", Action::SeeNode, "/acme", yes);
    row("otto", Action::SeeNode, "/acme/support/helpdesk/triage", yes);
    row("otto", Action::EditSpec, "/acme/support/helpdesk/triage", no);
    row("otto", Action::ReadAudit, "/acme", no);
    row("otto", Action::EditTree, "/acme/sales", no);
    row("otto", Action::SeeNode, "/acme/sales/outbound/scorer", hidden);
    row("otto", Action::EditSpec, "/acme/sales/outbound/forecaster", hidden);

    // Editor of one agent: edits it alone; sees its team's team agents, not the private one.
    row("cole", Action::EditSpec, "/acme/sales/outbound/mailer", yes);
    row("cole", Action::SeeNode, "/acme/sales/outbound/scorer", yes);
    row("cole", Action::EditSpec, "/acme/sales/outbound/scorer", no);
    row("cole", Action::EditTree, "/acme/sales/outbound", no);
    row("cole", Action::SeeNode, "/acme/sales/outbound/forecaster", hidden);
    row("cole", Action::SeeNode, "/acme/sales/inbound/router", hidden);

    // An agent identity: its own agent, and the way down to it, and nothing else.
    row("scorer-bot", Action::IngestActivity, "/acme/sales/outbound/scorer", yes);
    row("scorer-bot", Action::SubmitApproval, "/acme/sales/outbound/scorer", yes);
    row("scorer-bot", Action::SeeNode, "/acme/sales/outbound/scorer", yes);
    row("scorer-bot", Action::SeeNode, "/acme/sales/outbound", yes);
    row("scorer-bot", Action::EditSpec, "/acme/sales/outbound/scorer", no);
    row("scorer-bot", Action::DecideApproval, "/acme/sales/outbound/scorer", no);
    row("scorer-bot", Action::IngestActivity, "/acme/sales/outbound", no);
    row("scorer-bot", Action::EditTree, "/acme", no);
    row("scorer-bot", Action::IngestActivity, "/acme/sales/outbound/mailer", hidden);
    row("scorer-bot", Action::SubmitApproval, "/acme/sales/outbound/forecaster", hidden);
    row("scorer-bot", Action::SeeNode, "/acme/support", hidden);
}

void TestAuthorizer::permissions()
{
    QFETCH(QString, who);
    QFETCH(QString, path);
    QFETCH(Action, action);
    QFETCH(Outcome, outcome);
    const Principal asker = principal(who);
    QVERIFY(asker.id != 0);
    const auto node = m_world->org->tree().nodeByPath(path);
    QVERIFY2(node.ok(), qPrintable(path));

    const Result<bool> may = m_world->authorizer->may(asker, action, node.value());
    QVERIFY2(may.ok(), qPrintable(why(may)));
    QCOMPARE(may.value(), outcome == Outcome::Allowed);
    QCOMPARE(m_world->authorizer->canSee(asker, node.value()).value(), outcome != Outcome::NotFound);

    const Status required = m_world->authorizer->require(asker, action, node.value());
    switch (outcome) {
    case Outcome::Allowed: QVERIFY2(required.ok(), qPrintable(why(required))); break;
    case Outcome::Forbidden:
        QVERIFY(!required.ok());
        QCOMPARE(required.error().code, Error::Code::Forbidden);
        QVERIFY2(required.error().message.startsWith(QString(who + QStringLiteral(" may not "))),
                 qPrintable(required.error().message));
        QVERIFY2(required.error().message.contains(QString(QLatin1Char(' ') + path + QLatin1Char('.'))),
                 qPrintable(required.error().message));
        break;
    case Outcome::NotFound:
        QVERIFY(!required.ok());
        QCOMPARE(required.error().code, Error::Code::NotFound);
        QCOMPARE(required.error().message, TreeRepository::nothingAt(path).message);
        break;
    }
}

void TestAuthorizer::visibility_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<bool>("visible");

    // Which agents each principal sees; every other agent is hidden from it.
    const QList<std::pair<const char *, QStringList>> sees{
        {"ada", texts({"mailer", "scorer", "forecaster", "router", "ledger", "triage", "notes", "payroll"})},
        {"ed", texts({"mailer", "scorer", "forecaster", "router", "ledger", "triage"})},
        {"rae", texts({"mailer", "scorer", "forecaster", "triage"})},
        {"aud", texts({"mailer", "scorer", "forecaster", "router", "ledger", "triage", "notes", "payroll"})},
        {"otto", texts({"mailer", "triage"})},
        {"cole", texts({"mailer", "scorer", "triage"})},
        {"scorer-bot", texts({"scorer"})},
    };
    for (const auto &[who, visible] : sees) {
        for (const AgentPlace &place : agentPlaces) {
            const QString name = QLatin1String(place.name);
            QTest::addRow("%s sees %s (%s)", who, place.name, qPrintable(toText(place.visibility)))
                << QString::fromLatin1(who) << agentPath(place) << visible.contains(name);
        }
    }
}

void TestAuthorizer::visibility()
{
    QFETCH(QString, who);
    QFETCH(QString, agent);
    QFETCH(bool, visible);
    const Principal asker = principal(who);
    const auto node = m_world->org->tree().nodeByPath(agent);
    QVERIFY(node.ok());
    QCOMPARE(m_world->authorizer->canSee(asker, node.value()).value(), visible);

    // The filter answers the same from the facts a caller already holds.
    const auto filter = m_world->authorizer->visibilityFilter(asker);
    QVERIFY(filter.ok());
    const auto record = m_world->org->tree().agent(node->id);
    QVERIFY(record.ok());
    QCOMPARE(filter->canSee(NodeKind::Agent, agent, record->visibility), visible);
}

void TestAuthorizer::filter_prunesTheTree_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QStringList>("visible");

    QTest::newRow("no grants") << "otto"
                               << texts({"/acme", "/acme/sales", "/acme/sales/inbound", "/acme/sales/outbound",
                                         "/acme/sales/outbound/mailer", "/acme/support", "/acme/support/helpdesk",
                                         "/acme/support/helpdesk/triage"});
    QTest::newRow("agent identity") << "scorer-bot"
                                    << texts({"/acme", "/acme/sales", "/acme/sales/outbound",
                                              "/acme/sales/outbound/scorer"});
}

void TestAuthorizer::filter_prunesTheTree()
{
    QFETCH(QString, who);
    QFETCH(QStringList, visible);
    const auto filter = m_world->authorizer->visibilityFilter(principal(who));
    QVERIFY(filter.ok());
    const auto root = m_world->org->tree().root();
    const auto nodes = m_world->org->tree().subtree(root->id);
    QVERIFY(nodes.ok());
    QCOMPARE(nodes->size(), 6 + agentPlaces.size());
    QStringList seen;
    for (const OrgNode &node : nodes.value()) {
        const Visibility visibility =
            node.kind == NodeKind::Agent ? m_world->org->tree().agent(node.id)->visibility : Visibility::Public;
        if (filter->canSee(node.kind, node.path, visibility)) {
            seen.append(node.path);
        }
    }
    QCOMPARE(seen, visible);
}

void TestAuthorizer::refusal_namesWhoWhatWhereAndTheRolesThatWould()
{
    const auto support = m_world->org->tree().nodeByPath(QStringLiteral("/acme/support"));
    const Status refused = m_world->authorizer->require(principal(QStringLiteral("ed")), Action::EditTree, *support);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QCOMPARE(refused.error().message,
             QStringLiteral("ed may not edit the tree at /acme/support. "
                            "It takes one of these roles there or above: admin, editor."));

    const auto scorer = m_world->org->tree().nodeByPath(QStringLiteral("/acme/sales/outbound/scorer"));
    const Status submitted =
        m_world->authorizer->require(principal(QStringLiteral("ada")), Action::SubmitApproval, *scorer);
    QCOMPARE(submitted.error().message,
             QStringLiteral("ada may not submit outputs for approval at /acme/sales/outbound/scorer. "
                            "It takes one of these roles there or above: agent."));
}

void TestAuthorizer::hiddenNode_isRefusedExactlyLikeAMissingOne()
{
    // A world of its own: this test archives a node.
    World world;
    build(world);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString path = QStringLiteral("/acme/sales/outbound/forecaster");
    const auto otto = world.access->principals().byName(QStringLiteral("otto"));
    const auto forecaster = world.org->tree().nodeByPath(path);
    QVERIFY(otto.ok() && forecaster.ok());
    const Status hidden = world.authorizer->require(otto.value(), Action::EditSpec, forecaster.value());
    QVERIFY(!hidden.ok());

    QVERIFY(world.org->archive(forecaster->id, actor, QStringLiteral("retired")).ok());
    const auto missing = world.org->tree().nodeByPath(path);
    QVERIFY(!missing.ok());
    QCOMPARE(hidden.error().code, missing.error().code);
    QCOMPARE(hidden.error().message, missing.error().message);
}

void TestAuthorizer::matrix_hasTheDocumentedExceptions()
{
    QVERIFY(Authorizer::roleAllows(Role::Admin, Action::IngestActivity));
    QVERIFY(!Authorizer::roleAllows(Role::Admin, Action::SubmitApproval));
    QVERIFY(!Authorizer::roleAllows(Role::Agent, Action::DecideApproval));
    QVERIFY(!Authorizer::roleAllows(Role::Auditor, Action::EditSpec));
    QCOMPARE(toText(Action::DecideProposal), QStringLiteral("decide_proposal"));
}

QTEST_GUILESS_MAIN(TestAuthorizer)
#include "tst_authorizer.moc"
