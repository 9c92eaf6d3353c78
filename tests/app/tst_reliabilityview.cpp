// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reliability in the desktop app on a real workspace file with recent activity: the ranking
// model (QAbstractItemModelTester, sorting through the workspace, reloads), and the window's
// Reliability tab driven as a user would: a subtree selected, the bucket switched, new activity
// arriving, and the series and ranking exported as CSV and read back.
#include "demo/demobuilder.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "reliabilityrankingmodel.h"
#include "reliabilitytab.h"
#include "sampleworkspace.h"
#include "service/activityservice.h"
#include "service/localworkspace.h"
#include "storage/reliabilityrepository.h"
#include "storage/store.h"
#include "windowdriver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace steward;
using namespace Qt::StringLiterals;

namespace {

// Agents' names as the ranking lists them, top first.
QStringList namesOf(const ReliabilityRankingModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names.append(model.index(row, 0).data().toString().section(QLatin1Char('/'), -1));
    }
    return names;
}

qint64 runsOf(const ReliabilitySeries &series)
{
    qint64 runs = 0;
    for (const ReliabilityPoint &point : series.points) {
        runs += point.totals.runs;
    }
    return runs;
}

} // namespace

class TestReliabilityView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rankingModel_sortsThroughTheWorkspace();
    void rankingModel_reloadsAndResets();
    void window_subtreeBucketsLiveUpdateAndCsv();
    void window_showsTheDemosHistory();

private:
    // Runs of the agent at `path`, started `hoursAgo` and finished a little later.
    void addRuns(Store &store, const QString &path, int hoursAgo, int runs, int failed, qint64 latencyMs);
    [[nodiscard]] std::unique_ptr<LocalWorkspace> openWorkspace() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    int m_runNumber = 0;
};

void TestReliabilityView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

std::unique_ptr<LocalWorkspace> TestReliabilityView::openWorkspace() const
{
    auto store = Store::open(m_path);
    if (!store) {
        return nullptr;
    }
    return std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("dana.kim"));
}

void TestReliabilityView::addRuns(Store &store, const QString &path, int hoursAgo, int runs, int failed,
                                  qint64 latencyMs)
{
    const LocalWorkspace reader(Store::open(m_path).value(), QStringLiteral("dana.kim"));
    const NodeId agent = nodeAt(reader, path);
    QVERIFY2(agent != NoNode, qPrintable(path));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600LL * hoursAgo);
    QList<ActivityEvent> events;
    for (int i = 0; i < runs; ++i) {
        ActivityEvent started;
        started.clientId = QStringLiteral("run-%1-start").arg(++m_runNumber);
        started.time = start.addSecs(i);
        started.agentId = agent;
        started.kind = QLatin1String(EventKinds::RunStarted);
        started.status = QStringLiteral("ok");
        started.summary = QStringLiteral("started");
        ActivityEvent finished = started;
        finished.clientId = QStringLiteral("run-%1-end").arg(m_runNumber);
        finished.time = start.addSecs(i).addMSecs(latencyMs);
        finished.kind = QLatin1String(EventKinds::RunFinished);
        finished.status = i < failed ? QStringLiteral("error") : QStringLiteral("ok");
        finished.latencyMs = latencyMs;
        finished.tokensIn = 100;
        finished.tokensOut = 40;
        finished.cost = 0.01;
        events.append({started, finished});
    }
    const SystemClock clock;
    const auto ingested = ActivityService(store, clock).ingest(events);
    QVERIFY2(ingested.ok(), qPrintable(ingested.ok() ? QString() : ingested.error().message));
}

void TestReliabilityView::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    auto store = Store::open(m_path);
    QVERIFY(store.ok());
    addRuns(*store.value(), QStringLiteral("/acme/sales/inbound/lead-router"), 2, 3, 0, 800);
    addRuns(*store.value(), QStringLiteral("/acme/sales/outbound/follow-up"), 30, 2, 1, 4000);
    addRuns(*store.value(), QStringLiteral("/acme/support/tier1/triage-bot"), 5, 4, 0, 200);
    Transaction transaction(*store.value());
    const LocalWorkspace reader(Store::open(m_path).value(), QStringLiteral("dana.kim"));
    ReliabilityRepository rollups(*store.value());
    const NodeId mailer = nodeAt(reader, QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(rollups.recordDecisionInRollup(mailer, now.addSecs(-7200), QStringLiteral("approve")).ok());
    QVERIFY(rollups.recordDecisionInRollup(mailer, now.addSecs(-7200), QStringLiteral("reject")).ok());
    QVERIFY(transaction.commit().ok());
}

void TestReliabilityView::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

void TestReliabilityView::rankingModel_sortsThroughTheWorkspace()
{
    const auto workspace = openWorkspace();
    QVERIFY(workspace);
    ReliabilityRankingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorkspace(workspace.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const NodeId sales = nodeAt(*workspace, QStringLiteral("/acme/sales"));
    QVERIFY(model.show(sales, now.addDays(-7), now.addSecs(3600)).ok());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), static_cast<int>(ReliabilityRankingModel::Column::ColumnCount));
    // Runs, most first: lead-router 3, follow-up 2, prospect-mailer none.
    QCOMPARE(namesOf(model), (QStringList{u"lead-router"_s, u"follow-up"_s, u"prospect-mailer"_s}));
    QCOMPARE(model.index(0, static_cast<int>(ReliabilityRankingModel::Column::Runs)).data().toString(),
             QStringLiteral("3"));
    model.sort(static_cast<int>(ReliabilityRankingModel::Column::ErrorRate), Qt::DescendingOrder);
    QCOMPARE(namesOf(model).constFirst(), QStringLiteral("follow-up"));
    QCOMPARE(model.index(0, static_cast<int>(ReliabilityRankingModel::Column::ErrorRate)).data().toString(),
             QLocale().toString(50.0, 'f', 1) + QStringLiteral(" %"));
    model.sort(static_cast<int>(ReliabilityRankingModel::Column::RejectionRate), Qt::DescendingOrder);
    QCOMPARE(namesOf(model).constFirst(), QStringLiteral("prospect-mailer"));
    model.sort(static_cast<int>(ReliabilityRankingModel::Column::LatencyP95), Qt::AscendingOrder);
    QCOMPARE(namesOf(model), (QStringList{u"prospect-mailer"_s, u"lead-router"_s, u"follow-up"_s}));
    model.sort(static_cast<int>(ReliabilityRankingModel::Column::Agent), Qt::AscendingOrder);
    QCOMPARE(namesOf(model), (QStringList{u"lead-router"_s, u"follow-up"_s, u"prospect-mailer"_s}));
    model.sort(static_cast<int>(ReliabilityRankingModel::Column::Agent), Qt::DescendingOrder);
    QCOMPARE(namesOf(model), (QStringList{u"prospect-mailer"_s, u"follow-up"_s, u"lead-router"_s}));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Agent"));
    QCOMPARE(model.headerData(static_cast<int>(ReliabilityRankingModel::Column::Cost), Qt::Horizontal).toString(),
             displayName(ReliabilityMeasure::Cost));
}

void TestReliabilityView::rankingModel_reloadsAndResets()
{
    const auto workspace = openWorkspace();
    QVERIFY(workspace);
    ReliabilityRankingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorkspace(workspace.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const NodeId company = nodeAt(*workspace, QStringLiteral("/acme"));
    QVERIFY(model.show(company, now.addDays(-7), now.addSecs(3600)).ok());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(namesOf(model).constFirst(), QStringLiteral("triage-bot"));
    addRuns(workspace->store(), QStringLiteral("/acme/ops-bot"), 1, 6, 0, 100);
    QVERIFY(model.reload().ok());
    QCOMPARE(namesOf(model).constFirst(), QStringLiteral("ops-bot"));
    // A refused read keeps the rows and says why.
    QSignalSpy failures(&model, &ReliabilityRankingModel::failed);
    QVERIFY(!model.show(company, now, now.addDays(-1)).ok());
    QCOMPARE(failures.size(), 1);
    QCOMPARE(model.rowCount(), 5);
    model.setWorkspace(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestReliabilityView::window_subtreeBucketsLiveUpdateAndCsv()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openWorkspace(m_path));
    expandAndSelect(window, QStringLiteral("/acme/sales"));
    QVERIFY(!QTest::currentTestFailed());
    auto *tabs = child<QTabWidget>(window, "detailTabWidget");
    auto *tab = child<ReliabilityTab>(window, "reliabilityTab");
    QVERIFY(tabs && tab);
    QVERIFY(tabs->isTabEnabled(tabs->indexOf(tab)));
    tabs->setCurrentWidget(tab);
    QTRY_COMPARE(tab->series().agentCount, 3);
    QCOMPARE(tab->series().bucket, TimeBucket::Day);
    QCOMPARE(runsOf(tab->series()), 5);
    auto *ranking = child<QTableView>(window, "reliabilityRanking");
    QVERIFY(ranking);
    QCOMPARE(ranking->model()->rowCount(), 3);

    // Hours of the last 7 days: one point per hour.
    auto *bucket = child<QComboBox>(window, "reliabilityBucket");
    QVERIFY(bucket);
    bucket->setCurrentIndex(bucket->findData(QVariant::fromValue(TimeBucket::Hour)));
    QCOMPARE(tab->series().bucket, TimeBucket::Hour);
    QCOMPARE(tab->series().points.size(), 7 * 24);
    QCOMPARE(runsOf(tab->series()), 5);
    QTest::qWait(200); // the charts lay out in the event loop
    tab->grab().save(QStringLiteral("/tmp/reliability-hours.png"));

    // Sorting by a header click asks the workspace again.
    ranking->horizontalHeader()->setSortIndicator(static_cast<int>(ReliabilityRankingModel::Column::ErrorRate),
                                                  Qt::DescendingOrder);
    QCOMPARE(ranking->model()->index(0, 0).data().toString().section(QLatin1Char('/'), -1),
             QStringLiteral("follow-up"));

    // New activity below the node shows within a few seconds, without a click.
    addRuns(*Store::open(m_path).value(), QStringLiteral("/acme/sales/inbound/lead-router"), 0, 2, 2, 100);
    QTRY_COMPARE_WITH_TIMEOUT(runsOf(tab->series()), 7, 10'000);

    // Export the series through the menu and its file dialog.
    const QString seriesPath = m_dir->filePath(QStringLiteral("series.csv"));
    auto *exportSeries = child<QAction>(window, "exportSeriesAction");
    QVERIFY(exportSeries);
    QTimer::singleShot(0, this, [seriesPath] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(seriesPath);
        static_cast<QDialog *>(dialog)->accept();
    });
    exportSeries->trigger();
    QFile series(seriesPath);
    QVERIFY(series.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = series.readAll().split('\n');
    QCOMPARE(lines.size(), 7 * 24 + 2); // header, the points, nothing after the last CRLF
    QVERIFY(lines.constFirst().startsWith("start,end,runs,failed_runs,error_rate,"));
    qint64 runs = 0;
    for (qsizetype i = 1; i < lines.size() - 1; ++i) {
        QVERIFY(lines.at(i).endsWith('\r'));
        runs += lines.at(i).split(',').at(2).toLongLong();
    }
    QCOMPARE(runs, 7);

    const QString rankingPath = m_dir->filePath(QStringLiteral("ranking.csv"));
    QVERIFY(tab->exportRanking(rankingPath));
    QFile rankingFile(rankingPath);
    QVERIFY(rankingFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = rankingFile.readAll().split('\n');
    QCOMPARE(rows.size(), 3 + 2);
    // In the table's order (error rate, highest first): follow-up, then lead-router.
    QVERIFY(rows.at(1).contains(",/acme/sales/outbound/follow-up,2,1,0.5000,"));
    QVERIFY(rows.at(2).contains(",/acme/sales/inbound/lead-router,5,2,0.4000,"));
}

void TestReliabilityView::window_showsTheDemosHistory()
{
    const QString demo = m_dir->filePath(QStringLiteral("demo.steward"));
    DemoBuilder::Options options;
    options.agents = 60;
    options.events = 30'000;
    const Result<DemoBuilder::Summary> built = DemoBuilder::build(demo, options);
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
    MainWindow window;
    window.resize(1500, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openWorkspace(demo));
    const Result<OrgNode> company = window.workspace()->root();
    QVERIFY(company.ok());
    const Result<QList<OrgNode>> departments = window.workspace()->children(company->id);
    QVERIFY(departments.ok() && !departments->isEmpty());
    expandAndSelect(window, departments->constFirst().path);
    QVERIFY(!QTest::currentTestFailed());
    auto *tabs = child<QTabWidget>(window, "detailTabWidget");
    auto *tab = child<ReliabilityTab>(window, "reliabilityTab");
    tabs->setCurrentWidget(tab);
    auto *range = child<QComboBox>(window, "reliabilityRange");
    range->setCurrentIndex(range->findData(30 * 24));
    QTRY_VERIFY(tab->series().points.size() >= 30);
    QVERIFY(runsOf(tab->series()) > 0);
    QVERIFY(tab->rankingModel()->rowCount() > 0);
    QTest::qWait(300); // the charts lay out in the event loop
    window.grab().save(QStringLiteral("/tmp/reliability-demo.png"));
}

QTEST_MAIN(TestReliabilityView)
#include "tst_reliabilityview.moc"
