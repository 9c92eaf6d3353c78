// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The live feed's model over a real workspace file while another connection (as an agent
// process would) keeps appending events: QAbstractItemModelTester watches every insert, page
// and trim; the tail stays bounded, history pages in, a pause holds rows back, and a query
// filters live rows and history alike.
#include "activityfeeder.h"
#include "livefeedmodel.h"
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestLiveFeedModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstPage_newestFirst_andHistoryPagesIn();
    void streamingEvents_insertAtTheTopOncePerTick();
    void tail_staysBounded_andWhatLeftPagesBackIn();
    void pause_holdsRowsBack_resumeInsertsThem();
    void query_filtersHistoryAndLiveRows_data();
    void query_filtersHistoryAndLiveRows();
    void badQuery_isRefusedWithItsPosition();
    void scope_limitsLiveRowsToTheSubtree();
    void words_markTheirHitsInTheSnippet();

private:
    [[nodiscard]] QList<EventId> ids() const;
    [[nodiscard]] NodeId node(const QString &path) const { return nodeAt(*m_workspace, path); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<LocalWorkspace> m_workspace;
    std::unique_ptr<ActivityFeeder> m_feeder;
    std::unique_ptr<LiveFeedModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLiveFeedModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    Result<std::unique_ptr<Store>> store = Store::open(m_path);
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("ben.builder"));
    m_feeder = std::make_unique<ActivityFeeder>(m_path,
                                                QList<NodeId>{node(QStringLiteral("/acme/sales/inbound/lead-router")),
                                                              node(QStringLiteral("/acme/support/tier1/triage-bot"))});
    m_model = std::make_unique<LiveFeedModel>(m_workspace.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The test decides when a page is read.
    m_tester->setUseFetchMore(false);
}

void TestLiveFeedModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_feeder.reset();
    m_workspace.reset();
    m_dir.reset();
}

QList<EventId> TestLiveFeedModel::ids() const
{
    QList<EventId> list;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        list.append(m_model->hit(row).event.id);
    }
    return list;
}

static bool newestFirst(const QList<EventId> &ids)
{
    return std::is_sorted(ids.cbegin(), ids.cend(), std::greater<>())
        && std::adjacent_find(ids.cbegin(), ids.cend()) == ids.cend();
}

void TestLiveFeedModel::firstPage_newestFirst_andHistoryPagesIn()
{
    QVERIFY(m_feeder->append(450).ok());
    QVERIFY(m_model->setQuery(QString()).ok());
    QCOMPARE(m_model->rowCount(), LiveFeedModel::PageSize);
    QCOMPARE(m_model->hit(0).event.summary, QStringLiteral("event 449"));
    QCOMPARE(m_model->hit(0).agentPath, QStringLiteral("/acme/support/tier1/triage-bot"));
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 2 * LiveFeedModel::PageSize);
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 450);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->hit(449).event.summary, QStringLiteral("event 0"));
    QVERIFY(newestFirst(ids()));
    QCOMPARE(m_model->rowOf(m_model->hit(123).event.id), 123);
    QCOMPARE(m_model->rowOf(1), -1);
}

void TestLiveFeedModel::streamingEvents_insertAtTheTopOncePerTick()
{
    QVERIFY(m_feeder->append(10).ok());
    QVERIFY(m_model->setQuery(QString()).ok());
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    // 50 events every 10 ms: 5,000 a second, from another connection.
    m_feeder->start(50, 10);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() >= 1000, 10'000);
    m_feeder->stop();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), static_cast<int>(m_feeder->appended()), 5000);
    // Every insert was at the top, and many events went into each one.
    for (const QList<QVariant> &insert : std::as_const(inserted)) {
        QCOMPARE(insert.at(1).toInt(), 0);
    }
    QVERIFY2(inserted.size() < m_model->rowCount() / 20,
             qPrintable(QStringLiteral("%1 inserts for %2 rows").arg(inserted.size()).arg(m_model->rowCount())));
    QVERIFY(newestFirst(ids()));
    QCOMPARE(m_model->hit(0).event.summary, QStringLiteral("event %1").arg(m_feeder->appended() - 1));
}

void TestLiveFeedModel::tail_staysBounded_andWhatLeftPagesBackIn()
{
    m_model->setRowLimit(LiveFeedModel::PageSize);
    QVERIFY(m_model->setQuery(QString()).ok());
    QVERIFY(!m_model->canFetchMore({}));
    m_feeder->start(100, 5);
    QTRY_VERIFY_WITH_TIMEOUT(m_feeder->appended() >= 3000, 20'000);
    m_feeder->stop();
    const auto total = static_cast<int>(m_feeder->appended());
    QTRY_COMPARE(m_model->hit(0).event.summary, QStringLiteral("event %1").arg(total - 1));
    QCOMPARE(m_model->rowCount(), LiveFeedModel::PageSize);
    QVERIFY(newestFirst(ids()));
    // What was pushed out comes back by paging, without a gap or a repeat.
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 2 * LiveFeedModel::PageSize);
    QVERIFY(newestFirst(ids()));
    QCOMPARE(m_model->hit(2 * LiveFeedModel::PageSize - 1).event.summary,
             QStringLiteral("event %1").arg(total - 2 * LiveFeedModel::PageSize));
}

void TestLiveFeedModel::pause_holdsRowsBack_resumeInsertsThem()
{
    QVERIFY(m_feeder->append(5).ok());
    QVERIFY(m_model->setQuery(QString()).ok());
    QCOMPARE(m_model->rowCount(), 5);
    QSignalSpy pending(m_model.get(), &LiveFeedModel::pendingCountChanged);
    m_model->setPaused(true);
    QVERIFY(m_feeder->append(30).ok());
    QTRY_COMPARE(m_model->pendingCount(), 30);
    QTest::qWait(2 * LiveFeedModel::FlushIntervalMs);
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(!pending.isEmpty());

    m_model->setPaused(false);
    QCOMPARE(m_model->rowCount(), 35);
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(m_model->hit(0).event.summary, QStringLiteral("event 34"));
    QVERIFY(newestFirst(ids()));
}

void TestLiveFeedModel::query_filtersHistoryAndLiveRows_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("agentPath");
    QTest::newRow("kind") << QStringLiteral("kind:error") << QStringLiteral("error") << QString();
    QTest::newRow("agent") << QStringLiteral("agent:/acme/sales/*") << QString()
                           << QStringLiteral("/acme/sales/inbound/lead-router");
    QTest::newRow("status and agent") << QStringLiteral("status:error agent:/acme/support/*") << QStringLiteral("error")
                                      << QStringLiteral("/acme/support/tier1/triage-bot");
}

void TestLiveFeedModel::query_filtersHistoryAndLiveRows()
{
    QFETCH(QString, query);
    QFETCH(QString, kind);
    QFETCH(QString, agentPath);
    const auto matches = [&](const ActivityHit &hit) {
        return (kind.isEmpty() || hit.event.kind == kind) && (agentPath.isEmpty() || hit.agentPath == agentPath);
    };
    // Every third event is an error; the agents alternate.
    QVERIFY(m_feeder->append(60, QStringLiteral("event"), 3).ok());
    const Status run = m_model->setQuery(query);
    QVERIFY2(run.ok(), qPrintable(run ? QString() : run.error().message));
    const int history = m_model->rowCount();
    QVERIFY(history > 0 && history < 60);
    for (int row = 0; row < history; ++row) {
        QVERIFY2(matches(m_model->hit(row)), qPrintable(m_model->hit(row).event.summary));
    }

    QVERIFY(m_feeder->append(60, QStringLiteral("event"), 3).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() == 2 * history, 5000);
    QTest::qWait(2 * LiveFeedModel::RequeryIntervalMs);
    QCOMPARE(m_model->rowCount(), 2 * history);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY2(matches(m_model->hit(row)), qPrintable(m_model->hit(row).event.summary));
    }
    QVERIFY(newestFirst(ids()));
}

void TestLiveFeedModel::badQuery_isRefusedWithItsPosition()
{
    QVERIFY(m_feeder->append(5).ok());
    const Status refused = m_model->setQuery(QStringLiteral("kind:error \"unclosed"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Invalid);
    QVERIFY2(refused.error().message.contains(QLatin1String("12")), qPrintable(refused.error().message));
    QCOMPARE(m_model->rowCount(), 0);
    // Within a scope the position is still one in what the user typed.
    const Status scoped = m_model->setQuery(QStringLiteral("kind:error \"unclosed"), QStringLiteral("/acme/support"));
    QVERIFY(!scoped.ok());
    QCOMPARE(scoped.error().message, refused.error().message);
}

void TestLiveFeedModel::scope_limitsLiveRowsToTheSubtree()
{
    QVERIFY(m_model->setQuery(QString(), QStringLiteral("/acme/support")).ok());
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_feeder->append(20).ok());
    QTRY_COMPARE(m_model->rowCount(), 10);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->hit(row).agentPath, QStringLiteral("/acme/support/tier1/triage-bot"));
    }
    // History within the scope too.
    QVERIFY(m_model->setQuery(QString(), QStringLiteral("/acme/support")).ok());
    QCOMPARE(m_model->rowCount(), 10);
}

void TestLiveFeedModel::words_markTheirHitsInTheSnippet()
{
    QVERIFY(m_feeder->append(3, QStringLiteral("refund")).ok());
    QVERIFY(m_feeder->append(3, QStringLiteral("other")).ok());
    QVERIFY(m_model->setQuery(QStringLiteral("refund")).ok());
    QCOMPARE(m_model->rowCount(), 3);
    const QModelIndex summary = m_model->index(0, static_cast<int>(LiveFeedModel::Column::Summary));
    const QString snippet = summary.data(LiveFeedModel::SnippetRole).toString();
    QVERIFY2(snippet.contains(QChar(0xE000) + QStringLiteral("refund") + QChar(0xE001)), qPrintable(snippet));
    // Shown as text, without the marks.
    QVERIFY(!summary.data().toString().contains(QChar(0xE000)));
    QVERIFY(summary.data().toString().contains(QLatin1String("refund")));
}

QTEST_MAIN(TestLiveFeedModel)
#include "tst_livefeedmodel.moc"
