// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The org tree's rules: allowed nesting, names, no duplicate live siblings, no cycles, archive,
// and an audit entry with actor and reason for every change (and none for a refused one).
#include "audit/auditchain.h"
#include "domain/clock.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QTest>

using namespace steward;

class TestOrgService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createCompany_second_isRefused();
    void createGroup_rules_data();
    void createGroup_rules();
    void createGroup_nameOfArchivedSibling_canBeReused();
    void rename_rewritesPathsBelow();
    void rename_refusals_data();
    void rename_refusals();
    void move_rewritesPathsBelowAndAudits();
    void move_refusals_data();
    void move_refusals();
    void archive_removesSubtreeFromTree();
    void archive_refusals();
    void audit_everyChangeIsChainedWithActorAndReason();

private:
    [[nodiscard]] NodeId id(const QString &path) const;
    [[nodiscard]] qint64 auditCount() const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
};

namespace {
const QString actor = QStringLiteral("ada.admin");
const QString because = QStringLiteral("reorganisation");
} // namespace

void TestOrgService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);

    // /acme
    //   /sales            (department)
    //     /outbound       (team)
    //       /emea         (team)
    //   /support          (department)
    //     /tier1          (team)
    const auto acme = m_org->createCompany(QStringLiteral("acme"), actor, because);
    QVERIFY(acme.ok());
    const auto sales = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), actor, because);
    const auto support = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), actor, because);
    QVERIFY(sales.ok() && support.ok());
    const auto outbound = m_org->createGroup(sales->id, NodeKind::Team, QStringLiteral("outbound"), actor, because);
    QVERIFY(outbound.ok());
    QVERIFY(m_org->createGroup(outbound->id, NodeKind::Team, QStringLiteral("emea"), actor, because).ok());
    QVERIFY(m_org->createGroup(support->id, NodeKind::Team, QStringLiteral("tier1"), actor, because).ok());
}

void TestOrgService::cleanup()
{
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

NodeId TestOrgService::id(const QString &path) const
{
    const auto node = m_org->tree().nodeByPath(path);
    return node ? node->id : NoNode;
}

qint64 TestOrgService::auditCount() const
{
    const auto entries = AuditRepository(*m_store).entriesAfter(0, 1000000);
    return entries ? entries->size() : -1;
}

void TestOrgService::createCompany_second_isRefused()
{
    const qint64 before = auditCount();
    const auto second = m_org->createCompany(QStringLiteral("globex"), actor, because);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, Error::Code::Invalid);
    QVERIFY(second.error().message.contains(QStringLiteral("/acme")));
    QCOMPARE(auditCount(), before);
}

void TestOrgService::createGroup_rules_data()
{
    QTest::addColumn<QString>("parent");
    QTest::addColumn<NodeKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("department under company") << "/acme" << NodeKind::Department << "finance" << because << true << "";
    QTest::newRow("team under department") << "/acme/sales" << NodeKind::Team << "renewals" << because << true << "";
    QTest::newRow("team under team") << "/acme/sales/outbound" << NodeKind::Team << "apac" << because << true << "";
    QTest::newRow("dotted and dashed name") << "/acme" << NodeKind::Department << "r-and.d_2" << because << true << "";
    QTest::newRow("department under team")
        << "/acme/sales/outbound" << NodeKind::Department << "x" << because << false << "cannot hold";
    QTest::newRow("department under department")
        << "/acme/sales" << NodeKind::Department << "x" << because << false << "cannot hold";
    QTest::newRow("agent kind") << "/acme/sales" << NodeKind::Agent << "bot" << because << false
                                << "agents are created";
    QTest::newRow("company kind") << "/acme" << NodeKind::Company << "sub" << because << false << "agents are created";
    QTest::newRow("duplicate sibling") << "/acme" << NodeKind::Department << "sales" << because << false
                                       << "already has something called";
    QTest::newRow("empty name") << "/acme" << NodeKind::Department << "" << because << false << "empty";
    QTest::newRow("upper case") << "/acme" << NodeKind::Department << "Sales" << because << false << "lower-case";
    QTest::newRow("space") << "/acme" << NodeKind::Department << "field ops" << because << false << "lower-case";
    QTest::newRow("slash") << "/acme" << NodeKind::Department << "a/b" << because << false << "lower-case";
    QTest::newRow("leading dash") << "/acme" << NodeKind::Department << "-x" << because << false << "lower-case";
    QTest::newRow("65 characters") << "/acme" << NodeKind::Department << QString(65, QLatin1Char('a')) << because
                                   << false << "longer than 64";
    QTest::newRow("sql in the name") << "/acme" << NodeKind::Department << "x'); DROP TABLE nodes;--" << because
                                     << false << "lower-case";
    QTest::newRow("no reason") << "/acme" << NodeKind::Department << "finance"
                               << "" << false << "reason";
    QTest::newRow("blank reason") << "/acme" << NodeKind::Department << "finance"
                                  << "   " << false << "reason";
    QTest::newRow("missing parent") << "/nowhere" << NodeKind::Team << "x" << because << false << "no node";
}

void TestOrgService::createGroup_rules()
{
    QFETCH(QString, parent);
    QFETCH(NodeKind, kind);
    QFETCH(QString, name);
    QFETCH(QString, reason);
    QFETCH(bool, accepted);
    QFETCH(QString, messagePart);

    const qint64 before = auditCount();
    const NodeId parentId = parent == QLatin1String("/nowhere") ? 424242 : id(parent);
    const auto created = m_org->createGroup(parentId, kind, name, actor, reason);
    QCOMPARE(created.ok(), accepted);
    if (accepted) {
        QCOMPARE(created->path, parent + QLatin1Char('/') + name);
        QCOMPARE(created->kind, kind);
        QCOMPARE(created->parentId, parentId);
        QCOMPARE(auditCount(), before + 1);
    } else {
        QVERIFY2(created.error().message.contains(messagePart), qPrintable(created.error().message));
        QCOMPARE(auditCount(), before);
    }
}

void TestOrgService::createGroup_nameOfArchivedSibling_canBeReused()
{
    QVERIFY(m_org->archive(id(QStringLiteral("/acme/support")), actor, because).ok());
    const auto again = m_org->createGroup(id(QStringLiteral("/acme")), NodeKind::Department, QStringLiteral("support"),
                                          actor, because);
    QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error().message));
    QCOMPARE(id(QStringLiteral("/acme/support")), again->id);
}

void TestOrgService::rename_rewritesPathsBelow()
{
    const NodeId sales = id(QStringLiteral("/acme/sales"));
    const auto renamed = m_org->rename(sales, QStringLiteral("revenue"), actor, because);
    QVERIFY(renamed.ok());
    QCOMPARE(renamed->path, QStringLiteral("/acme/revenue"));
    QCOMPARE(renamed->name, QStringLiteral("revenue"));
    QVERIFY(id(QStringLiteral("/acme/revenue/outbound/emea")) != NoNode);
    QCOMPARE(id(QStringLiteral("/acme/sales/outbound")), NoNode);
    // A sibling whose name starts the same way is untouched.
    QVERIFY(
        m_org
            ->createGroup(id(QStringLiteral("/acme")), NodeKind::Department, QStringLiteral("revenue2"), actor, because)
            .ok());
    QVERIFY(m_org->rename(id(QStringLiteral("/acme/revenue")), QStringLiteral("sales"), actor, because).ok());
    QVERIFY(id(QStringLiteral("/acme/revenue2")) != NoNode);
    QVERIFY(id(QStringLiteral("/acme/sales/outbound/emea")) != NoNode);
}

void TestOrgService::rename_refusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("same name") << "/acme/sales"
                               << "sales" << because << "already called";
    QTest::newRow("sibling's name") << "/acme/sales"
                                    << "support" << because << "already something called";
    QTest::newRow("bad name") << "/acme/sales"
                              << "Sales Team" << because << "lower-case";
    QTest::newRow("no reason") << "/acme/sales"
                               << "revenue"
                               << ""
                               << "reason";
}

void TestOrgService::rename_refusals()
{
    QFETCH(QString, path);
    QFETCH(QString, newName);
    QFETCH(QString, reason);
    QFETCH(QString, messagePart);
    const qint64 before = auditCount();
    const auto renamed = m_org->rename(id(path), newName, actor, reason);
    QVERIFY(!renamed.ok());
    QVERIFY2(renamed.error().message.contains(messagePart), qPrintable(renamed.error().message));
    QVERIFY(id(path) != NoNode);
    QCOMPARE(auditCount(), before);
}

void TestOrgService::move_rewritesPathsBelowAndAudits()
{
    const NodeId outbound = id(QStringLiteral("/acme/sales/outbound"));
    const auto moved = m_org->move(outbound, id(QStringLiteral("/acme/support")), actor, QStringLiteral("merger"));
    QVERIFY(moved.ok());
    QCOMPARE(moved->path, QStringLiteral("/acme/support/outbound"));
    QCOMPARE(moved->parentId, id(QStringLiteral("/acme/support")));
    QVERIFY(id(QStringLiteral("/acme/support/outbound/emea")) != NoNode);
    const auto sales = m_org->tree().node(id(QStringLiteral("/acme/sales")));
    QCOMPARE(sales->childCount, 0);

    const auto entries = AuditRepository(*m_store).entriesAfter(0, 1000);
    QVERIFY(entries.ok());
    const AuditEntry &last = entries->last();
    QCOMPARE(last.action, QStringLiteral("node.move"));
    QCOMPARE(last.actor, actor);
    QCOMPARE(last.reason, QStringLiteral("merger"));
    QCOMPARE(last.subject, QStringLiteral("/acme/support/outbound"));
    QCOMPARE(last.details.value(QStringLiteral("from")).toString(), QStringLiteral("/acme/sales/outbound"));
    QCOMPARE(last.details.value(QStringLiteral("to")).toString(), QStringLiteral("/acme/support/outbound"));
    QCOMPARE(last.time, m_clock->now());
}

void TestOrgService::move_refusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("into itself") << "/acme/sales"
                                 << "/acme/sales"
                                 << "into itself or below itself";
    QTest::newRow("below itself") << "/acme/sales"
                                  << "/acme/sales/outbound/emea"
                                  << "into itself or below itself";
    QTest::newRow("the company") << "/acme"
                                 << "/acme/sales"
                                 << "root";
    QTest::newRow("same parent") << "/acme/sales/outbound"
                                 << "/acme/sales"
                                 << "already there";
    QTest::newRow("department into team") << "/acme/support"
                                          << "/acme/sales/outbound"
                                          << "cannot hold";
    QTest::newRow("name taken at target") << "/acme/sales/outbound/emea"
                                          << "/acme/sales"
                                          << "";
}

void TestOrgService::move_refusals()
{
    QFETCH(QString, path);
    QFETCH(QString, target);
    QFETCH(QString, messagePart);
    if (QByteArrayView(QTest::currentDataTag()) == "name taken at target") {
        QVERIFY(
            m_org
                ->createGroup(id(QStringLiteral("/acme/sales")), NodeKind::Team, QStringLiteral("emea"), actor, because)
                .ok());
        messagePart = QStringLiteral("already has something called \"emea\"");
    }
    const qint64 before = auditCount();
    const auto moved = m_org->move(id(path), id(target), actor, because);
    QVERIFY(!moved.ok());
    QVERIFY2(moved.error().message.contains(messagePart), qPrintable(moved.error().message));
    QVERIFY(id(path) != NoNode);
    QCOMPARE(auditCount(), before);
}

void TestOrgService::archive_removesSubtreeFromTree()
{
    const NodeId sales = id(QStringLiteral("/acme/sales"));
    const auto archived = m_org->archive(sales, actor, because);
    QVERIFY(archived.ok());
    QVERIFY(archived->isArchived());
    QCOMPARE(id(QStringLiteral("/acme/sales")), NoNode);
    QCOMPARE(id(QStringLiteral("/acme/sales/outbound/emea")), NoNode);
    const auto children = m_org->tree().children(id(QStringLiteral("/acme")));
    QVERIFY(children.ok());
    QCOMPARE(children->size(), 1);
    QCOMPARE(children->first().name, QStringLiteral("support"));
    // The archived nodes are still there for history.
    const auto kept = m_org->tree().node(sales);
    QVERIFY(kept.ok());
    QCOMPARE(kept->path, QStringLiteral("/acme/sales"));
}

void TestOrgService::archive_refusals()
{
    const qint64 before = auditCount();
    const auto root = m_org->archive(id(QStringLiteral("/acme")), actor, because);
    QVERIFY(!root.ok());
    QVERIFY(root.error().message.contains(QStringLiteral("root")));
    const NodeId tier1 = id(QStringLiteral("/acme/support/tier1"));
    QVERIFY(!m_org->archive(tier1, actor, QString()).ok());
    QCOMPARE(auditCount(), before);
    QVERIFY(m_org->archive(tier1, actor, because).ok());
    const auto twice = m_org->archive(tier1, actor, because);
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(QStringLiteral("already archived")));
    const auto renameArchived = m_org->rename(tier1, QStringLiteral("tier2"), actor, because);
    QVERIFY(!renameArchived.ok());
    const auto addToArchived = m_org->createGroup(tier1, NodeKind::Team, QStringLiteral("x"), actor, because);
    QVERIFY(!addToArchived.ok());
    QVERIFY(addToArchived.error().message.contains(QStringLiteral("archived")));
}

void TestOrgService::audit_everyChangeIsChainedWithActorAndReason()
{
    const auto entries = AuditRepository(*m_store).entriesAfter(0, 1000);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 6); // company, two departments, three teams
    QByteArray previous = AuditChain::genesisHash();
    qint64 sequence = 0;
    for (const AuditEntry &entry : entries.value()) {
        QCOMPARE(entry.sequence, ++sequence);
        QCOMPARE(entry.previousHash, previous);
        QCOMPARE(entry.hash, AuditChain::computeHash(entry));
        QCOMPARE(entry.actor, actor);
        QCOMPARE(entry.reason, because);
        QCOMPARE(entry.action, QStringLiteral("node.create"));
        previous = entry.hash;
    }
    AuditEntry altered = entries->at(2);
    altered.reason = QStringLiteral("something else");
    QVERIFY(AuditChain::computeHash(altered) != entries->at(2).hash);
}

QTEST_GUILESS_MAIN(TestOrgService)
#include "tst_orgservice.moc"
