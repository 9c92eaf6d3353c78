// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The audit log as a table over a real workspace file, read a page at a time by keyset:
// QAbstractItemModelTester watches it the whole time (told not to fetch, so that the test
// decides when a page is read), and the row signals are counted exactly.
#include "auditlogmodel.h"
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

namespace {

// The sample workspace's log: the company, six groups and five agents.
constexpr int sampleEntries = 12;
constexpr int pageSize = 5;

using Column = AuditLogModel::Column;

} // namespace

class TestAuditLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setWorkspace_loadsNothingUntilFetched();
    void fetchMore_readsOnePageAtATime_newestFirst();
    void filter_byActionPrefixActorAndSubject();
    void auditAppended_insertsMatchingEntriesOnTop();
    void auditAppended_beforeFirstPage_waitsForIt();

private:
    [[nodiscard]] QList<qint64> sequences() const;
    [[nodiscard]] QString display(int row, Column column) const
    {
        return m_model->index(row, static_cast<int>(column)).data().toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalWorkspace> m_workspace;
    std::unique_ptr<AuditLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAuditLogModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    Result<std::unique_ptr<Store>> store = Store::open(path);
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("ben.builder"));
    m_model = std::make_unique<AuditLogModel>(nullptr, pageSize);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tester->setUseFetchMore(false);
    m_model->setWorkspace(m_workspace.get());
}

void TestAuditLogModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_workspace.reset();
    m_dir.reset();
}

QList<qint64> TestAuditLogModel::sequences() const
{
    QList<qint64> found;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        found.append(m_model->index(row, 0).data(AuditLogModel::SequenceRole).toLongLong());
    }
    return found;
}

void TestAuditLogModel::setWorkspace_loadsNothingUntilFetched()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 6);
    QVERIFY(m_model->canFetchMore({}));
    QCOMPARE(m_model->headerData(static_cast<int>(Column::Action), Qt::Horizontal).toString(),
             QStringLiteral("Action"));

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setWorkspace(nullptr);
    QCOMPARE(reset.count(), 1);
    QVERIFY(!m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestAuditLogModel::fetchMore_readsOnePageAtATime_newestFirst()
{
    QSignalSpy aboutToInsert(m_model.get(), &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), pageSize - 1);
    QCOMPARE(sequences(), (QList<qint64>{12, 11, 10, 9, 8}));
    QVERIFY(m_model->canFetchMore({}));

    // The newest entry is the last agent made: all its fields are shown.
    QCOMPARE(display(0, Column::Sequence), QStringLiteral("12"));
    QCOMPARE(display(0, Column::Actor), QStringLiteral("ada.admin"));
    QCOMPARE(display(0, Column::Action), QStringLiteral("Created"));
    QCOMPARE(m_model->index(0, 0).data(AuditLogModel::ActionRole).toString(), QStringLiteral("agent.create"));
    QCOMPARE(display(0, Column::Subject), QStringLiteral("/acme/ops-bot"));
    QCOMPARE(display(0, Column::Reason), QStringLiteral("setting up the test company"));
    QCOMPARE(m_model->entry(0).hash.size(), 64);

    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), pageSize);
    QCOMPARE(inserted.at(1).at(2).toInt(), 2 * pageSize - 1);
    QVERIFY(m_model->canFetchMore({}));

    // The last page is short, and the model knows it has everything.
    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 2 * pageSize);
    QCOMPARE(inserted.at(2).at(2).toInt(), sampleEntries - 1);
    QVERIFY(!m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(aboutToInsert.count(), 3);
    QCOMPARE(sequences(), (QList<qint64>{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    QVERIFY(m_model->lastError().isEmpty());
}

void TestAuditLogModel::filter_byActionPrefixActorAndSubject()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    AuditFilter filter;
    filter.action = QStringLiteral("node.");
    m_model->setFilter(filter);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->fetchMore({});
    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 2);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->rowCount(), 7); // the company and six groups
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->index(row, 0).data(AuditLogModel::ActionRole).toString(), QStringLiteral("node.create"));
    }

    filter = {};
    filter.subjectPrefix = QStringLiteral("/acme/sales/outbound");
    m_model->setFilter(filter);
    QCOMPARE(reset.count(), 2);
    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 3);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->rowCount(), 3); // the team and its two agents
    QCOMPARE(display(2, Column::Subject), QStringLiteral("/acme/sales/outbound"));

    filter = {};
    filter.actor = QStringLiteral("nobody");
    m_model->setFilter(filter);
    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 3); // nothing to insert
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
}

void TestAuditLogModel::auditAppended_insertsMatchingEntriesOnTop()
{
    AuditFilter filter;
    filter.action = QStringLiteral("node.rename");
    m_model->setFilter(filter);
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const NodeId tier2 = nodeAt(*m_workspace, QStringLiteral("/acme/support/tier2"));
    QVERIFY(m_workspace->rename(tier2, QStringLiteral("escalations"), QStringLiteral("Clearer name")).ok());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 0);
    QCOMPARE(display(0, Column::Reason), QStringLiteral("Clearer name"));
    QCOMPARE(display(0, Column::Actor), QStringLiteral("ben.builder"));

    // An entry the filter does not match changes nothing.
    QVERIFY(
        m_workspace->createGroup(tier2, NodeKind::Team, QStringLiteral("night"), QStringLiteral("Night shift")).ok());
    QCOMPARE(inserted.count(), 1);

    const NodeId night = nodeAt(*m_workspace, QStringLiteral("/acme/support/escalations/night"));
    QVERIFY(m_workspace->rename(night, QStringLiteral("late"), QStringLiteral("Shorter")).ok());
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(display(0, Column::Reason), QStringLiteral("Shorter"));
    QCOMPARE(display(1, Column::Reason), QStringLiteral("Clearer name"));
    QCOMPARE(reset.count(), 0);
}

void TestAuditLogModel::auditAppended_beforeFirstPage_waitsForIt()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const NodeId tier2 = nodeAt(*m_workspace, QStringLiteral("/acme/support/tier2"));
    QVERIFY(m_workspace->rename(tier2, QStringLiteral("escalations"), QStringLiteral("Clearer name")).ok());
    QCOMPARE(inserted.count(), 0);
    m_model->fetchMore({});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(display(0, Column::Reason), QStringLiteral("Clearer name"));
    QCOMPARE(m_model->rowCount(), pageSize);
}

QTEST_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
