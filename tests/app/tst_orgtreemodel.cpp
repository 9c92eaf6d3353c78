// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lazy org tree model over a real workspace file: QAbstractItemModelTester watches it the
// whole time, and every workspace change must show up as exactly one insert, move or remove
// of rows (or none, below groups that were never expanded).
#include "domain/agentspec.h"
#include "orgtreemodel.h"
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

namespace {

const QString because = QStringLiteral("test reason");

// Where a row signal happened, in words: the parent's path and the rows.
QString describe(const QList<QVariant> &arguments)
{
    QStringList words;
    for (const QVariant &argument : arguments) {
        if (argument.metaType() == QMetaType::fromType<QModelIndex>()) {
            const QModelIndex index = argument.value<QModelIndex>();
            words.append(index.isValid() ? index.data(OrgTreeModel::PathRole).toString() : QStringLiteral("(root)"));
        } else {
            words.append(argument.toString());
        }
    }
    return words.join(QLatin1Char(' '));
}

// Every row signal of a model, counted.
class RowSpies final
{
public:
    explicit RowSpies(const QAbstractItemModel *model)
        : aboutToInsert(model, &QAbstractItemModel::rowsAboutToBeInserted)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , aboutToMove(model, &QAbstractItemModel::rowsAboutToBeMoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , aboutToRemove(model, &QAbstractItemModel::rowsAboutToBeRemoved)
        , removed(model, &QAbstractItemModel::rowsRemoved)
    {
    }

    // aboutToInsert, inserted, aboutToMove, moved, aboutToRemove, removed
    [[nodiscard]] QList<qsizetype> counts() const
    {
        return {aboutToInsert.count(), inserted.count(),      aboutToMove.count(),
                moved.count(),         aboutToRemove.count(), removed.count()};
    }

    QSignalSpy aboutToInsert;
    QSignalSpy inserted;
    QSignalSpy aboutToMove;
    QSignalSpy moved;
    QSignalSpy aboutToRemove;
    QSignalSpy removed;
};

} // namespace

class TestOrgTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setWorkspace_showsOnlyTheCompany_childrenFetchedOnDemand();
    void fetchMore_insertsChildrenInStoreOrder_withRoles();
    void createGroup_insertsOneRowAtItsSortedPlace();
    void createGroup_belowUnexpandedGroup_onlyCountsIt();
    void rename_reorderingSiblings_isOneMove();
    void rename_keepingPlace_changesDataAndPathsBelow();
    void move_betweenLoadedParents_isOneMoveWithPathsBelow();
    void move_intoUnloadedParent_isOneRemoval();
    void move_fromUnloadedParent_isOneInsertion();
    void archive_removesRowWithSubtree();
    void archive_lastChildOfUnexpandedGroup_clearsHasChildren();
    void drop_asksForMove_withoutMoving();
    void loadPath_expandsDownToNode();
    void specChange_toCriticality_updatesTheAgentsBadges();

private:
    [[nodiscard]] NodeId id(const QString &path) const { return nodeAt(*m_workspace, path); }
    [[nodiscard]] QModelIndex at(const QString &path) const { return m_model->indexOfNode(id(path)); }
    void load(const QString &path) const;
    [[nodiscard]] QStringList childNames(const QString &path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalWorkspace> m_workspace;
    std::unique_ptr<OrgTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestOrgTreeModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    Result<std::unique_ptr<Store>> store = Store::open(path);
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("ada.admin"));

    // The tester is attached before the workspace and told not to fetch by itself, so that
    // the test decides which groups are loaded; it checks the model on every change after.
    m_model = std::make_unique<OrgTreeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tester->setUseFetchMore(false);
    m_model->setWorkspace(m_workspace.get());
}

void TestOrgTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_workspace.reset();
    m_dir.reset();
}

void TestOrgTreeModel::load(const QString &path) const
{
    const QModelIndex index = at(path);
    QVERIFY2(index.isValid(), qPrintable(path));
    QVERIFY(m_model->canFetchMore(index));
    m_model->fetchMore(index);
    QVERIFY(!m_model->canFetchMore(index));
}

QStringList TestOrgTreeModel::childNames(const QString &path) const
{
    const QModelIndex parent = at(path);
    QStringList names;
    for (int row = 0; row < m_model->rowCount(parent); ++row) {
        names.append(m_model->index(row, 0, parent).data().toString());
    }
    return names;
}

void TestOrgTreeModel::setWorkspace_showsOnlyTheCompany_childrenFetchedOnDemand()
{
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), 3);
    const QModelIndex acme = m_model->index(0, 0);
    QCOMPARE(acme.data().toString(), QStringLiteral("acme"));
    QCOMPARE(m_model->rowCount(acme), 0);
    QVERIFY(m_model->hasChildren(acme));
    QVERIFY(m_model->canFetchMore(acme));
    QVERIFY(!m_model->canFetchMore(QModelIndex()));
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Owner"));
    QCOMPARE(m_model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Kind"));
}

void TestOrgTreeModel::fetchMore_insertsChildrenInStoreOrder_withRoles()
{
    RowSpies spies(m_model.get());
    load(QStringLiteral("/acme"));
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.aboutToInsert.at(0)), QStringLiteral("/acme 0 2"));
    QCOMPARE(describe(spies.inserted.at(0)), QStringLiteral("/acme 0 2"));
    // Groups first, then agents, each by name.
    QCOMPARE(childNames(QStringLiteral("/acme")),
             (QStringList{QStringLiteral("sales"), QStringLiteral("support"), QStringLiteral("ops-bot")}));

    load(QStringLiteral("/acme/sales"));
    load(QStringLiteral("/acme/sales/outbound"));
    QCOMPARE(spies.counts(), (QList<qsizetype>{3, 3, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.inserted.at(2)), QStringLiteral("/acme/sales/outbound 0 1"));

    const QModelIndex mailer = at(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QCOMPARE(mailer.row(), 1);
    QCOMPARE(mailer.data().toString(), QStringLiteral("prospect-mailer"));
    QCOMPARE(mailer.data(OrgTreeModel::NodeIdRole).toLongLong(),
             id(QStringLiteral("/acme/sales/outbound/prospect-mailer")));
    QCOMPARE(mailer.data(OrgTreeModel::NodeKindRole).value<NodeKind>(), NodeKind::Agent);
    QCOMPARE(mailer.data(OrgTreeModel::PathRole).toString(), QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QCOMPARE(mailer.data(OrgTreeModel::BadgesRole).toStringList(),
             (QStringList{QStringLiteral("Critical"), QStringLiteral("Public")}));
    QVERIFY(!mailer.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(mailer.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Critical")));
    QCOMPARE(mailer.siblingAtColumn(1).data().toString(), QStringLiteral("dana.kim"));
    QCOMPARE(mailer.siblingAtColumn(2).data().toString(), QStringLiteral("Agent"));
    QVERIFY(!m_model->hasChildren(mailer));
    QVERIFY(m_model->flags(mailer).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(m_model->flags(mailer).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(!m_model->flags(mailer).testFlag(Qt::ItemIsDropEnabled));

    const QModelIndex followUp = at(QStringLiteral("/acme/sales/outbound/follow-up"));
    QCOMPARE(followUp.data(OrgTreeModel::BadgesRole).toStringList(), QStringList());

    const QModelIndex sales = at(QStringLiteral("/acme/sales"));
    QCOMPARE(sales.data(OrgTreeModel::NodeKindRole).value<NodeKind>(), NodeKind::Department);
    QCOMPARE(sales.siblingAtColumn(1).data().toString(), QString());
    QCOMPARE(sales.siblingAtColumn(2).data().toString(), QStringLiteral("Department"));
    QVERIFY(m_model->flags(sales).testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(!m_model->flags(m_model->index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
}

void TestOrgTreeModel::createGroup_insertsOneRowAtItsSortedPlace()
{
    load(QStringLiteral("/acme"));
    load(QStringLiteral("/acme/sales"));
    load(QStringLiteral("/acme/support"));
    RowSpies spies(m_model.get());

    QVERIFY(
        m_workspace->createGroup(id(QStringLiteral("/acme/sales")), NodeKind::Team, QStringLiteral("market"), because)
            .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.aboutToInsert.at(0)), QStringLiteral("/acme/sales 1 1"));
    QCOMPARE(describe(spies.inserted.at(0)), QStringLiteral("/acme/sales 1 1"));
    QCOMPARE(childNames(QStringLiteral("/acme/sales")),
             (QStringList{QStringLiteral("inbound"), QStringLiteral("market"), QStringLiteral("outbound")}));

    // tier2 is empty, so its (empty) children were known without fetching.
    const QModelIndex tier2 = at(QStringLiteral("/acme/support/tier2"));
    QVERIFY(!m_model->hasChildren(tier2));
    QVERIFY(!m_model->canFetchMore(tier2));
    QVERIFY(
        m_workspace
            ->createGroup(id(QStringLiteral("/acme/support/tier2")), NodeKind::Team, QStringLiteral("night"), because)
            .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{2, 2, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.inserted.at(1)), QStringLiteral("/acme/support/tier2 0 0"));
    QVERIFY(m_model->hasChildren(tier2));

    // A department sorts before the company's agent.
    QVERIFY(m_workspace->createGroup(id(QStringLiteral("/acme")), NodeKind::Department, QStringLiteral("zeta"), because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{3, 3, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.inserted.at(2)), QStringLiteral("/acme 2 2"));
    QCOMPARE(childNames(QStringLiteral("/acme")),
             (QStringList{QStringLiteral("sales"), QStringLiteral("support"), QStringLiteral("zeta"),
                          QStringLiteral("ops-bot")}));
    QCOMPARE(at(QStringLiteral("/acme/zeta")).data(OrgTreeModel::PathRole).toString(), QStringLiteral("/acme/zeta"));
}

void TestOrgTreeModel::createGroup_belowUnexpandedGroup_onlyCountsIt()
{
    load(QStringLiteral("/acme"));
    RowSpies spies(m_model.get());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(
        m_workspace->createGroup(id(QStringLiteral("/acme/sales")), NodeKind::Team, QStringLiteral("market"), because)
            .ok());
    // Below a group that is not even in the model: nothing at all.
    QVERIFY(m_workspace
                ->createGroup(id(QStringLiteral("/acme/sales/market")), NodeKind::Team, QStringLiteral("emea"), because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 0, 0}));
    QCOMPARE(changed.count(), 1);

    const QModelIndex sales = at(QStringLiteral("/acme/sales"));
    QVERIFY(m_model->hasChildren(sales));
    QCOMPARE(m_model->rowCount(sales), 0);
    m_model->fetchMore(sales);
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.inserted.at(0)), QStringLiteral("/acme/sales 0 2"));
    QCOMPARE(childNames(QStringLiteral("/acme/sales")),
             (QStringList{QStringLiteral("inbound"), QStringLiteral("market"), QStringLiteral("outbound")}));
    QVERIFY(m_model->canFetchMore(at(QStringLiteral("/acme/sales/market"))));
}

void TestOrgTreeModel::rename_reorderingSiblings_isOneMove()
{
    load(QStringLiteral("/acme"));
    load(QStringLiteral("/acme/sales"));
    RowSpies spies(m_model.get());

    // inbound (row 0) becomes zeta: it goes below outbound. Qt counts the destination before
    // the row leaves, so moving row 0 to the end is "before row 2".
    QVERIFY(m_workspace->rename(id(QStringLiteral("/acme/sales/inbound")), QStringLiteral("zeta"), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 1, 1, 0, 0}));
    QCOMPARE(describe(spies.aboutToMove.at(0)), QStringLiteral("/acme/sales 0 0 /acme/sales 2"));
    QCOMPARE(describe(spies.moved.at(0)), QStringLiteral("/acme/sales 0 0 /acme/sales 2"));
    QCOMPARE(childNames(QStringLiteral("/acme/sales")),
             (QStringList{QStringLiteral("outbound"), QStringLiteral("zeta")}));

    // And back up: zeta (row 1) becomes alpha, row 0.
    QVERIFY(m_workspace->rename(id(QStringLiteral("/acme/sales/zeta")), QStringLiteral("alpha"), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 2, 2, 0, 0}));
    QCOMPARE(describe(spies.moved.at(1)), QStringLiteral("/acme/sales 1 1 /acme/sales 0"));
    QCOMPARE(childNames(QStringLiteral("/acme/sales")),
             (QStringList{QStringLiteral("alpha"), QStringLiteral("outbound")}));
    QCOMPARE(at(QStringLiteral("/acme/sales/alpha")).data(OrgTreeModel::PathRole).toString(),
             QStringLiteral("/acme/sales/alpha"));
}

void TestOrgTreeModel::rename_keepingPlace_changesDataAndPathsBelow()
{
    load(QStringLiteral("/acme"));
    load(QStringLiteral("/acme/sales"));
    load(QStringLiteral("/acme/sales/outbound"));
    RowSpies spies(m_model.get());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_workspace->rename(id(QStringLiteral("/acme/sales/outbound")), QStringLiteral("outreach"), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 0, 0}));
    QCOMPARE(changed.count(), 2); // the team itself, and its loaded children's paths
    const QModelIndex team = at(QStringLiteral("/acme/sales/outreach"));
    QCOMPARE(team.row(), 1);
    QCOMPARE(team.data().toString(), QStringLiteral("outreach"));
    QCOMPARE(m_model->index(1, 0, team).data(OrgTreeModel::PathRole).toString(),
             QStringLiteral("/acme/sales/outreach/prospect-mailer"));
}

void TestOrgTreeModel::move_betweenLoadedParents_isOneMoveWithPathsBelow()
{
    for (const char *path : {"/acme", "/acme/sales", "/acme/sales/inbound", "/acme/sales/outbound", "/acme/support"}) {
        load(QLatin1String(path));
    }
    RowSpies spies(m_model.get());

    // prospect-mailer: row 1 of outbound -> after lead-router in inbound.
    QVERIFY(m_workspace
                ->move(id(QStringLiteral("/acme/sales/outbound/prospect-mailer")),
                       id(QStringLiteral("/acme/sales/inbound")), because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 1, 1, 0, 0}));
    QCOMPARE(describe(spies.aboutToMove.at(0)), QStringLiteral("/acme/sales/outbound 1 1 /acme/sales/inbound 1"));
    QCOMPARE(describe(spies.moved.at(0)), QStringLiteral("/acme/sales/outbound 1 1 /acme/sales/inbound 1"));
    QCOMPARE(childNames(QStringLiteral("/acme/sales/inbound")),
             (QStringList{QStringLiteral("lead-router"), QStringLiteral("prospect-mailer")}));
    QCOMPARE(childNames(QStringLiteral("/acme/sales/outbound")), QStringList{QStringLiteral("follow-up")});
    const QModelIndex mailer = at(QStringLiteral("/acme/sales/inbound/prospect-mailer"));
    QCOMPARE(mailer.data(OrgTreeModel::PathRole).toString(), QStringLiteral("/acme/sales/inbound/prospect-mailer"));
    QCOMPARE(mailer.parent(), at(QStringLiteral("/acme/sales/inbound")));

    // A team with its loaded children: sales/outbound -> support, before tier1.
    QVERIFY(m_workspace->move(id(QStringLiteral("/acme/sales/outbound")), id(QStringLiteral("/acme/support")), because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 2, 2, 0, 0}));
    QCOMPARE(describe(spies.moved.at(1)), QStringLiteral("/acme/sales 1 1 /acme/support 0"));
    QCOMPARE(childNames(QStringLiteral("/acme/support")),
             (QStringList{QStringLiteral("outbound"), QStringLiteral("tier1"), QStringLiteral("tier2")}));
    const QModelIndex team = at(QStringLiteral("/acme/support/outbound"));
    QCOMPARE(m_model->rowCount(team), 1);
    QCOMPARE(m_model->index(0, 0, team).data(OrgTreeModel::PathRole).toString(),
             QStringLiteral("/acme/support/outbound/follow-up"));
}

void TestOrgTreeModel::move_intoUnloadedParent_isOneRemoval()
{
    for (const char *path : {"/acme", "/acme/sales", "/acme/sales/outbound", "/acme/support"}) {
        load(QLatin1String(path));
    }
    const QModelIndex tier1 = at(QStringLiteral("/acme/support/tier1"));
    QVERIFY(m_model->canFetchMore(tier1));
    RowSpies spies(m_model.get());

    QVERIFY(m_workspace
                ->move(id(QStringLiteral("/acme/sales/outbound/prospect-mailer")),
                       id(QStringLiteral("/acme/support/tier1")), because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 1, 1}));
    QCOMPARE(describe(spies.aboutToRemove.at(0)), QStringLiteral("/acme/sales/outbound 1 1"));
    QCOMPARE(describe(spies.removed.at(0)), QStringLiteral("/acme/sales/outbound 1 1"));
    QVERIFY(!m_model->indexOfNode(id(QStringLiteral("/acme/support/tier1/prospect-mailer"))).isValid());
    QVERIFY(m_model->hasChildren(tier1));
    QCOMPARE(m_model->rowCount(tier1), 0);

    m_model->fetchMore(tier1);
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 1, 1}));
    QCOMPARE(describe(spies.inserted.at(0)), QStringLiteral("/acme/support/tier1 0 1"));
    QCOMPARE(childNames(QStringLiteral("/acme/support/tier1")),
             (QStringList{QStringLiteral("prospect-mailer"), QStringLiteral("triage-bot")}));

    // Into another group that was never expanded; outbound is left empty.
    QVERIFY(m_workspace
                ->move(id(QStringLiteral("/acme/sales/outbound/follow-up")), id(QStringLiteral("/acme/sales/inbound")),
                       because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 2, 2}));
    QVERIFY(!m_model->hasChildren(at(QStringLiteral("/acme/sales/outbound"))));
}

void TestOrgTreeModel::move_fromUnloadedParent_isOneInsertion()
{
    for (const char *path : {"/acme", "/acme/sales", "/acme/sales/outbound"}) {
        load(QLatin1String(path));
    }
    RowSpies spies(m_model.get());

    QVERIFY(m_workspace
                ->move(id(QStringLiteral("/acme/support/tier1/triage-bot")), id(QStringLiteral("/acme/sales/outbound")),
                       because)
                .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 0, 0}));
    QCOMPARE(describe(spies.inserted.at(0)), QStringLiteral("/acme/sales/outbound 2 2"));
    const QModelIndex bot = at(QStringLiteral("/acme/sales/outbound/triage-bot"));
    QCOMPARE(bot.row(), 2);
    QCOMPARE(bot.data(OrgTreeModel::BadgesRole).toStringList(),
             (QStringList{QStringLiteral("Experimental"), QStringLiteral("Private")}));

    // Neither side loaded: nothing.
    QVERIFY(
        m_workspace->move(id(QStringLiteral("/acme/support/tier2")), id(QStringLiteral("/acme/support/tier1")), because)
            .ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{1, 1, 0, 0, 0, 0}));
}

void TestOrgTreeModel::archive_removesRowWithSubtree()
{
    for (const char *path : {"/acme", "/acme/sales", "/acme/sales/outbound"}) {
        load(QLatin1String(path));
    }
    const NodeId outboundId = id(QStringLiteral("/acme/sales/outbound"));
    RowSpies spies(m_model.get());

    QVERIFY(m_workspace->archive(id(QStringLiteral("/acme/sales/outbound/prospect-mailer")), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 1, 1}));
    QCOMPARE(describe(spies.removed.at(0)), QStringLiteral("/acme/sales/outbound 1 1"));

    // The whole department with its loaded teams: one removal of one row.
    QVERIFY(m_workspace->archive(id(QStringLiteral("/acme/sales")), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 2, 2}));
    QCOMPARE(describe(spies.aboutToRemove.at(1)), QStringLiteral("/acme 0 0"));
    QVERIFY(!m_model->indexOfNode(outboundId).isValid());
    QCOMPARE(childNames(QStringLiteral("/acme")), (QStringList{QStringLiteral("support"), QStringLiteral("ops-bot")}));

    // Below a group never expanded: nothing.
    QVERIFY(m_workspace->archive(id(QStringLiteral("/acme/support/tier1/triage-bot")), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 2, 2}));
}

void TestOrgTreeModel::archive_lastChildOfUnexpandedGroup_clearsHasChildren()
{
    load(QStringLiteral("/acme"));
    load(QStringLiteral("/acme/support"));
    const QModelIndex tier1 = at(QStringLiteral("/acme/support/tier1"));
    QVERIFY(m_model->hasChildren(tier1));
    RowSpies spies(m_model.get());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_workspace->archive(id(QStringLiteral("/acme/support/tier1/triage-bot")), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 0, 0}));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!m_model->hasChildren(tier1));
    QVERIFY(!m_model->canFetchMore(tier1));
}

void TestOrgTreeModel::drop_asksForMove_withoutMoving()
{
    for (const char *path : {"/acme", "/acme/sales", "/acme/sales/outbound"}) {
        load(QLatin1String(path));
    }
    const QModelIndex mailer = at(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const QModelIndex inbound = at(QStringLiteral("/acme/sales/inbound"));
    const QModelIndex outbound = at(QStringLiteral("/acme/sales/outbound"));
    const QModelIndex sales = at(QStringLiteral("/acme/sales"));
    RowSpies spies(m_model.get());
    QSignalSpy requested(m_model.get(), &OrgTreeModel::moveRequested);

    const std::unique_ptr<QMimeData> data(m_model->mimeData({mailer, mailer.siblingAtColumn(1)}));
    QCOMPARE(OrgTreeModel::nodeIdsFrom(data.get()), QList<NodeId>{mailer.data(OrgTreeModel::NodeIdRole).toLongLong()});
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, inbound));
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, outbound)); // already there
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, inbound));

    // A group cannot go into itself, nor where it already is; the company takes it.
    const std::unique_ptr<QMimeData> team(m_model->mimeData({outbound}));
    QVERIFY(!m_model->canDropMimeData(team.get(), Qt::MoveAction, -1, -1, mailer.parent()));
    QVERIFY(m_model->canDropMimeData(team.get(), Qt::MoveAction, -1, -1, m_model->index(0, 0)));
    QVERIFY(!m_model->canDropMimeData(team.get(), Qt::MoveAction, -1, -1, sales));

    QVERIFY(!m_model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, inbound));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).value<NodeId>(), mailer.data(OrgTreeModel::NodeIdRole).toLongLong());
    QCOMPARE(requested.at(0).at(1).value<NodeId>(), inbound.data(OrgTreeModel::NodeIdRole).toLongLong());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 0, 0}));
    QCOMPARE(mailer.parent(), outbound);
}

void TestOrgTreeModel::loadPath_expandsDownToNode()
{
    RowSpies spies(m_model.get());
    const QModelIndex bot = m_model->loadPath(QStringLiteral("/acme/support/tier1/triage-bot"));
    QVERIFY(bot.isValid());
    QCOMPARE(bot.data(OrgTreeModel::PathRole).toString(), QStringLiteral("/acme/support/tier1/triage-bot"));
    QCOMPARE(spies.counts(), (QList<qsizetype>{3, 3, 0, 0, 0, 0}));
    QVERIFY(!m_model->loadPath(QStringLiteral("/acme/support/nowhere")).isValid());
    QVERIFY(!m_model->loadPath(QStringLiteral("/other")).isValid());
}

QTEST_MAIN(TestOrgTreeModel)
void TestOrgTreeModel::specChange_toCriticality_updatesTheAgentsBadges()
{
    load(QStringLiteral("/acme"));
    load(QStringLiteral("/acme/sales"));
    load(QStringLiteral("/acme/sales/outbound"));
    const QModelIndex followUp = at(QStringLiteral("/acme/sales/outbound/follow-up"));
    QCOMPARE(followUp.data(OrgTreeModel::BadgesRole).toStringList(), QStringList());
    RowSpies spies(m_model.get());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    const NodeId agent = id(QStringLiteral("/acme/sales/outbound/follow-up"));
    auto spec = AgentSpec::parse(m_workspace->version(agent, 1)->spec);
    QVERIFY(spec.ok());
    AgentSpec experimental = spec.value();
    experimental.criticality = Criticality::Experimental;
    QVERIFY(m_workspace->changeSpec(agent, 1, experimental.toCanonicalText(), because).ok());
    QCOMPARE(spies.counts(), (QList<qsizetype>{0, 0, 0, 0, 0, 0}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), followUp);
    QCOMPARE(followUp.data(OrgTreeModel::BadgesRole).toStringList(), QStringList{QStringLiteral("Experimental")});

    // A change that leaves the badges as they are changes no row.
    AgentSpec reworded = experimental;
    reworded.instructions = QStringLiteral("Do the one thing, briefly.");
    QVERIFY(m_workspace->changeSpec(agent, 2, reworded.toCanonicalText(), because).ok());
    QCOMPARE(changed.count(), 1);
}

#include "tst_orgtreemodel.moc"
