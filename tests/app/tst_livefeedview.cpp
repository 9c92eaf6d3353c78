// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Live feed place in the real window over a real workspace file, with events written by
// another connection as an agent process would: a query typed and run, a hit followed to the
// version that produced it (its diff, its author and reason) and on to the agent's Versions tab;
// completion; a refused query's message; pause and resume; and the view holding still while
// rows arrive above what the user looks at.
#include "activityfeeder.h"
#include "diffview.h"
#include "eventdetail.h"
#include "livefeedmodel.h"
#include "livefeedview.h"
#include "mainwindow.h"
#include "orgtreemodel.h"
#include "querybar.h"
#include "sampleworkspace.h"
#include "service/activityservice.h"
#include "service/workspace.h"
#include "storage/store.h"
#include "waterfalldelegate.h"
#include "windowdriver.h"

#include <QAbstractItemModelTester>
#include <QCompleter>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace steward;

namespace {

const QString routerPath = QStringLiteral("/acme/sales/inbound/lead-router");
const QString triagePath = QStringLiteral("/acme/support/tier1/triage-bot");

// Saves what the window shows when STEWARD_SCREENSHOTS names a folder.
void screenshot(QWidget &widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("STEWARD_SCREENSHOTS");
    if (!folder.isEmpty()) {
        widget.grab().save(folder + QStringLiteral("/feed-") + name + QStringLiteral(".png"));
    }
}

} // namespace

class TestLiveFeedView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void query_hit_followedToItsProvenance();
    void queryBar_completesFilterNamesAndAgentPaths();
    void badQuery_saysWhereUnderTheBar();
    void pause_showsNewEventsBadge_resumeInsertsThem();
    void view_holdsStill_whileRowsArriveAbove();
    void view_followsTheNewest_atTheTop();
    void trace_treeBySpan_withWaterfall();

private:
    [[nodiscard]] NodeId node(const QString &path) const { return nodeAt(*m_window->workspace(), path); }
    [[nodiscard]] LiveFeedModel *model() const { return m_feed->model(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    LiveFeedView *m_feed = nullptr;
    std::unique_ptr<ActivityFeeder> m_feeder;
};

void TestLiveFeedView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

void TestLiveFeedView::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openWorkspace(m_path));
    m_feed = m_window->liveFeed();
    QVERIFY(m_feed);
    m_feeder = std::make_unique<ActivityFeeder>(m_path, QList<NodeId>{node(routerPath), node(triagePath)});
}

void TestLiveFeedView::cleanup()
{
    m_feeder.reset();
    m_window.reset();
    m_dir.reset();
    QSettings().clear();
}

void TestLiveFeedView::query_hit_followedToItsProvenance()
{
    // lead-router's version 2 changes its instructions, with a reason; its events come after.
    Workspace &workspace = *m_window->workspace();
    const NodeId router = node(routerPath);
    const Result<AgentVersion> first = workspace.version(router, 1);
    QVERIFY(first.ok());
    QString spec = first->spec;
    spec.replace(QStringLiteral("Do the one thing this test needs."),
                 QStringLiteral("Route each lead to the team that owns its region."));
    QVERIFY(spec != first->spec);
    QVERIFY(workspace.changeSpec(router, 1, spec, QStringLiteral("Leads went to the wrong region")).ok());
    QVERIFY(m_feeder->append(40, QStringLiteral("invoice reply")).ok());
    QVERIFY(m_feeder->append(40, QStringLiteral("routine")).ok());

    QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->findChild<QAction *>(QStringLiteral("showFeedAction"))->trigger();
    QCOMPARE(m_window->findChild<QTabWidget *>(QStringLiteral("placesTabWidget"))->currentWidget(), m_feed);
    QueryBar *bar = m_feed->queryBar();
    bar->setFocus();
    QTest::keyClicks(bar, QStringLiteral("invoice agent:/acme/sales/inbound/lead-router"));
    bar->wordCompleter()->popup()->hide();
    QTest::keyClick(bar, Qt::Key_Return);
    QCOMPARE(bar->text(), QStringLiteral("invoice agent:/acme/sales/inbound/lead-router"));
    QCOMPARE(model()->query(), bar->text());
    QTRY_COMPARE(model()->rowCount(), 20);
    for (int row = 0; row < model()->rowCount(); ++row) {
        QVERIFY(model()->hit(row).event.summary.startsWith(QLatin1String("invoice reply")));
        QCOMPARE(model()->hit(row).agentPath, routerPath);
    }
    QCOMPARE(bar->history().value(0), QStringLiteral("invoice agent:/acme/sales/inbound/lead-router"));

    QTableView *table = m_feed->table();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model()->index(0, 0)).center());
    EventDetail *detail = m_feed->detail();
    QCOMPARE(detail->version().number, 2);
    QCOMPARE(detail->version().reason, QStringLiteral("Leads went to the wrong region"));
    detail->showTab(EventDetail::ProvenanceTab);
    auto *provenance = detail->findChild<QLabel *>(QStringLiteral("provenanceLabel"));
    QVERIFY(provenance->text().contains(QLatin1String("Leads went to the wrong region")));
    QVERIFY(provenance->text().contains(m_window->workspace()->actor()));
    auto *diff = detail->findChild<DiffView *>(QStringLiteral("provenanceDiff"));
    QCOMPARE(diff->changeCount(), 1);
    // The event's run is its trace (these events have none: one step).
    QCOMPARE(detail->traceModel()->rowCount(), 1);
    screenshot(*m_window, QStringLiteral("provenance"));

    auto *open = detail->findChild<QPushButton *>(QStringLiteral("openVersionButton"));
    QVERIFY(open->isVisible());
    QCOMPARE(open->text(), QStringLiteral("Open Version 2"));
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(m_window->findChild<QTabWidget *>(QStringLiteral("placesTabWidget"))->currentIndex(), 0);
    QCOMPARE(orgTree(*m_window)->currentIndex().data(OrgTreeModel::PathRole).toString(), routerPath);
    auto *versions = m_window->findChild<QTableView *>(QStringLiteral("versionsTableView"));
    QVERIFY(versions->isVisible());
    const QModelIndexList selected = versions->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QVERIFY(selected.first().data().toString().contains(QLatin1String("2")));
}

void TestLiveFeedView::queryBar_completesFilterNamesAndAgentPaths()
{
    QueryBar *bar = m_feed->queryBar();
    m_window->showLiveFeed();
    bar->setFocus();
    QTest::keyClicks(bar, QStringLiteral("refund kin"));
    QCompleter *completer = bar->wordCompleter();
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("kind:"));
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(bar->text(), QStringLiteral("refund kind:"));

    bar->clear();
    QTest::keyClicks(bar, QStringLiteral("agent:/acme/sup"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QStringList offered;
    for (int row = 0; row < completer->completionCount(); ++row) {
        completer->setCurrentRow(row);
        offered << completer->currentCompletion();
    }
    QVERIFY2(offered.contains(QStringLiteral("agent:") + triagePath), qPrintable(offered.join(u' ')));
    QVERIFY(!offered.contains(QStringLiteral("agent:") + routerPath));
}

void TestLiveFeedView::badQuery_saysWhereUnderTheBar()
{
    m_window->showLiveFeed();
    m_feed->runQuery(QStringLiteral("kind:error \"unclosed"));
    auto *error = m_feed->findChild<QLabel *>(QStringLiteral("queryError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("12")), qPrintable(error->text()));
    m_feed->runQuery(QStringLiteral("kind:error"));
    QVERIFY(!error->isVisible());
}

void TestLiveFeedView::pause_showsNewEventsBadge_resumeInsertsThem()
{
    QVERIFY(m_feeder->append(5).ok());
    m_window->showLiveFeed();
    m_feed->runQuery(QString());
    QCOMPARE(model()->rowCount(), 5);
    auto *pause = m_feed->findChild<QToolButton *>(QStringLiteral("pauseButton"));
    auto *badge = m_feed->findChild<QToolButton *>(QStringLiteral("newEventsBadge"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(model()->isPaused());
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    QVERIFY(m_feeder->append(7).ok());
    QTRY_VERIFY(badge->isVisible());
    QTRY_VERIFY2(badge->text().startsWith(QLatin1String("7 new")), qPrintable(badge->text()));
    QCOMPARE(model()->rowCount(), 5);
    screenshot(*m_window, QStringLiteral("paused"));

    QTest::mouseClick(badge, Qt::LeftButton);
    QVERIFY(!model()->isPaused());
    QVERIFY(!pause->isChecked());
    QCOMPARE(model()->rowCount(), 12);
    QVERIFY(!badge->isVisible());
}

void TestLiveFeedView::view_holdsStill_whileRowsArriveAbove()
{
    QVERIFY(m_feeder->append(300).ok());
    m_window->showLiveFeed();
    m_feed->runQuery(QString());
    QTableView *table = m_feed->table();
    QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Selected and at the top: the selected row stays where it is on screen.
    const QModelIndex chosen = model()->index(3, 0);
    table->setCurrentIndex(chosen);
    table->selectRow(3);
    const EventId chosenId = model()->hit(3).event.id;
    const int chosenTop = table->visualRect(chosen).top();
    m_feeder->start(25, 20);
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= 500, 10'000);
    m_feeder->stop();
    QTRY_COMPARE(model()->rowCount(), static_cast<int>(m_feeder->appended()));
    const QModelIndex current = table->currentIndex();
    QCOMPARE(model()->hit(current.row()).event.id, chosenId);
    QCOMPARE(table->visualRect(current).top(), chosenTop);
    auto *badge = m_feed->findChild<QToolButton *>(QStringLiteral("newEventsBadge"));
    QVERIFY(badge->isVisible());
    screenshot(*m_window, QStringLiteral("held"));

    // Scrolled away, nothing selected: the row at the top of the viewport stays there.
    table->clearSelection();
    table->setCurrentIndex({});
    table->verticalScrollBar()->setValue(40 * table->verticalHeader()->defaultSectionSize());
    const QModelIndex topRow = table->indexAt(QPoint(5, 1));
    const EventId topId = model()->hit(topRow.row()).event.id;
    QVERIFY(m_feeder->append(50).ok());
    QTRY_COMPARE(model()->rowCount(), static_cast<int>(m_feeder->appended()));
    QCOMPARE(model()->hit(table->indexAt(QPoint(5, 1)).row()).event.id, topId);

    // The badge goes back to the newest.
    QTest::mouseClick(badge, Qt::LeftButton);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QVERIFY(!badge->isVisible());
}

void TestLiveFeedView::view_followsTheNewest_atTheTop()
{
    QVERIFY(m_feeder->append(10).ok());
    m_window->showLiveFeed();
    m_feed->runQuery(QString());
    QTableView *table = m_feed->table();
    QVERIFY(m_feeder->append(15).ok());
    QTRY_COMPARE(model()->rowCount(), 25);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QCOMPARE(table->indexAt(QPoint(5, 1)).row(), 0);
    QCOMPARE(model()->hit(0).event.summary, QStringLiteral("event 24"));
    QVERIFY(!m_feed->findChild<QToolButton *>(QStringLiteral("newEventsBadge"))->isVisible());
}

void TestLiveFeedView::trace_treeBySpan_withWaterfall()
{
    // A run as an agent reports it: started, a tool call and a decision under it, finished.
    Result<std::unique_ptr<Store>> store = Store::open(m_path);
    QVERIFY(store.ok());
    SystemClock clock;
    ActivityService activity(*store.value(), clock);
    Run started;
    started.agentId = node(triagePath);
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-10);
    started.startedAt = t0;
    const Result<Run> run = activity.startRun(started);
    QVERIFY(run.ok());
    const auto step = [&](const QString &kind, const QString &span, const QString &parent, qint64 atMs,
                          qint64 latencyMs, const QString &summary) {
        ActivityEvent event;
        event.agentId = run->agentId;
        event.runId = run->id;
        event.kind = kind;
        event.spanId = span;
        event.parentSpanId = parent;
        event.time = t0.addMSecs(atMs);
        event.latencyMs = latencyMs;
        event.summary = summary;
        event.detail = kind == QLatin1String("decision")
            ? QStringLiteral("The customer was charged twice.\nSee ticket 4411.")
            : QString();
        event.status = kind == QLatin1String("error") ? QStringLiteral("error") : QStringLiteral("ok");
        return event;
    };
    QVERIFY(activity
                .ingest({step(QStringLiteral("run.started"), QStringLiteral("r"), {}, 0, 0, QStringLiteral("Started")),
                         step(QStringLiteral("tool.call"), QStringLiteral("t"), QStringLiteral("r"), 100, 400,
                              QStringLiteral("Looked the ticket up")),
                         step(QStringLiteral("decision"), QStringLiteral("d"), QStringLiteral("r"), 600, 200,
                              QStringLiteral("Escalate")),
                         step(QStringLiteral("run.finished"), QStringLiteral("f"), QStringLiteral("r"), 1000, 1000,
                              QStringLiteral("Finished"))})
                .ok());

    m_window->showLiveFeed();
    m_feed->runQuery(QStringLiteral("kind:tool.call"));
    QCOMPARE(model()->rowCount(), 1);
    m_feed->table()->selectRow(0);
    EventDetail *detail = m_feed->detail();
    detail->showTab(EventDetail::TraceTab);
    QStandardItemModel *trace = detail->traceModel();
    QAbstractItemModelTester tester(trace, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(trace->rowCount(), 1);
    const QStandardItem *root = trace->item(0);
    QCOMPARE(root->text(), QStringLiteral("run.started"));
    QCOMPARE(root->rowCount(), 3);
    QCOMPARE(root->child(0)->text(), QStringLiteral("tool.call"));
    QCOMPARE(root->child(1, static_cast<int>(EventDetail::TraceColumn::Summary))->text(),
             QStringLiteral("Escalate — The customer was charged twice."));
    const QStandardItem *toolTiming = root->child(0, static_cast<int>(EventDetail::TraceColumn::Timing));
    QCOMPARE(toolTiming->data(WaterfallDelegate::OffsetRole).toLongLong(), 100);
    QCOMPARE(toolTiming->data(WaterfallDelegate::DurationRole).toLongLong(), 400);
    QCOMPARE(toolTiming->data(WaterfallDelegate::RunLengthRole).toLongLong(), 1000);
    // The run's end is stamped when it finished; its bar covers the whole run.
    const QStandardItem *endTiming = root->child(2, static_cast<int>(EventDetail::TraceColumn::Timing));
    QCOMPARE(endTiming->data(WaterfallDelegate::OffsetRole).toLongLong(), 0);
    // The selected event is the current step of the trace.
    auto *traceView = detail->findChild<QTreeView *>(QStringLiteral("traceView"));
    QCOMPARE(traceView->currentIndex().data().toString(), QStringLiteral("tool.call"));
    screenshot(*m_window, QStringLiteral("trace"));
}

QTEST_MAIN(TestLiveFeedView)
#include "tst_livefeedview.moc"
