// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// An agent's Runs page in the real window on a real workspace file, driven as a user would:
// the next run times of a schedule, pause and resume by keyboard with a reason (the audit log
// keeps it, the triggers say that nothing runs), runs that another process records appearing
// and ending live, a run opened as its trace, Run Now with a payload ending in a succeeded run
// of a real command, and the buttons disabled, with the reason, where the user may not act.
#include "mainwindow.h"
#include "runhistorymodel.h"
#include "runrequesttablemodel.h"
#include "runspage.h"
#include "sampleworkspace.h"
#include "service/activityservice.h"
#include "service/localworkspace.h"
#include "storage/store.h"
#include "triggertablemodel.h"
#include "windowdriver.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace steward;

namespace {

const QString routerPath = QStringLiteral("/acme/sales/inbound/lead-router");

using HistoryColumn = RunHistoryModel::Column;
using TriggerColumn = TriggerTableModel::Column;

Permissions editorOn(const QString &path)
{
    Grant grant;
    grant.role = Role::Editor;
    grant.nodePath = path;
    return Permissions(QList<Grant>{grant});
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestRunsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void triggers_showTheNextRunTimes();
    void pauseAndResume_byKeyboard_withAReason();
    void history_showsRunsAsTheyStartAndEnd();
    void runNow_withAPayload_endsInASucceededRun();
    void buttons_disabledWithTheReason();

private:
    // Gives lead-router a schedule, an event trigger and a command runner (a /bin/sh script).
    void giveRouterARunner();
    // The window on the sample workspace with lead-router's Runs page shown.
    void openRunsPage();
    [[nodiscard]] std::unique_ptr<Store> openStore() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    RunsPage *m_page = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_historyTester;
    std::unique_ptr<QAbstractItemModelTester> m_triggersTester;
    std::unique_ptr<QAbstractItemModelTester> m_notRunTester;
};

void TestRunsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

void TestRunsPage::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    giveRouterARunner();
}

void TestRunsPage::cleanup()
{
    m_historyTester.reset();
    m_triggersTester.reset();
    m_notRunTester.reset();
    m_page = nullptr;
    m_window.reset();
    m_dir.reset();
    QSettings().clear();
}

std::unique_ptr<Store> TestRunsPage::openStore() const
{
    auto store = Store::open(m_path);
    return store ? std::move(store).value() : nullptr;
}

void TestRunsPage::giveRouterARunner()
{
    const QString script = m_dir->filePath(QStringLiteral("agent.sh"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Reads the payload and reports one step, as a command agent does.
    file.write("cat > /dev/null\n"
               "echo '{\"kind\": \"step\", \"summary\": \"scored the lead\"}'\n"
               "exit 0\n");
    file.close();

    LocalWorkspace workspace(openStore(), QStringLiteral("dana.kim"));
    const NodeId router = nodeAt(workspace, routerPath);
    QVERIFY(router != NoNode);
    const Result<Agent> agent = workspace.agent(router);
    QVERIFY(agent.ok());
    const Result<AgentVersion> head = workspace.version(router, agent->headVersion);
    QVERIFY(head.ok());
    const Result<AgentSpec> parsed = AgentSpec::parse(head->spec);
    QVERIFY(parsed.ok());
    AgentSpec spec = parsed.value();
    spec.triggers = {{QStringLiteral("schedule"), QStringLiteral("0 9 * * *"), QStringLiteral("Europe/Berlin")},
                     {QStringLiteral("event"), QStringLiteral("lead.created"), {}}};
    spec.runner.kind = QStringLiteral("command");
    spec.runner.target = QStringLiteral("/bin/sh ") + script;
    spec.runner.timeoutSeconds = 30;
    const auto changed =
        workspace.changeSpec(router, agent->headVersion, spec.toCanonicalText(), QStringLiteral("Runs on its own"));
    QVERIFY2(changed.ok(), qPrintable(changed ? QString() : changed.error().message));
}

void TestRunsPage::openRunsPage()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Shortcuts and mnemonics go to the active window only.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openWorkspace(m_path));
    QVERIFY(!m_window->showRuns()); // nothing selected yet
    expandAndSelect(*m_window, routerPath);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_window->showRuns());
    m_page = m_window->runsPage();
    QVERIFY(m_page && m_page->isVisible());
    m_historyTester = std::make_unique<QAbstractItemModelTester>(
        m_page->history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_triggersTester = std::make_unique<QAbstractItemModelTester>(
        m_page->triggers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_notRunTester = std::make_unique<QAbstractItemModelTester>(m_page->notRun(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(child<QLabel>(*m_page, "runsTitleLabel")->text(), QStringLiteral("Runs of ") + routerPath);
}

void TestRunsPage::triggers_showTheNextRunTimes()
{
    openRunsPage();
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(child<QLabel>(*m_page, "agentStatusLabel")->text().contains(QStringLiteral("Active")));
    QVERIFY(child<QLabel>(*m_page, "runnerLabel")->text().contains(QStringLiteral("agent.sh")));

    const TriggerTableModel &triggers = *m_page->triggers();
    QCOMPARE(triggers.rowCount(), 2);
    QCOMPARE(cell(triggers, 0, int(TriggerColumn::Value)), QStringLiteral("0 9 * * *"));
    QCOMPARE(cell(triggers, 0, int(TriggerColumn::TimeZone)), QStringLiteral("Europe/Berlin"));
    // The next three 09:00s in Berlin, soonest first.
    const QTimeZone berlin("Europe/Berlin");
    const QDateTime nowThere = QDateTime::currentDateTimeUtc().toTimeZone(berlin);
    QDate first = nowThere.date();
    if (nowThere.time() >= QTime(9, 0)) {
        first = first.addDays(1);
    }
    const QStringList lines = cell(triggers, 0, int(TriggerColumn::NextRuns)).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), RunsPage::NextRunsShown);
    for (int i = 0; i < lines.size(); ++i) {
        const QDateTime expected(first.addDays(i), QTime(9, 0), berlin);
        QVERIFY2(lines.at(i).startsWith(QLocale().toString(expected, QLocale::ShortFormat)), qPrintable(lines.at(i)));
    }
    QCOMPARE(cell(triggers, 1, int(TriggerColumn::NextRuns)), QStringLiteral("When the event arrives"));

    // An agent without a runner runs elsewhere, and says so.
    expandAndSelect(*m_window, QStringLiteral("/acme/sales/outbound/follow-up"));
    QTRY_VERIFY(child<QLabel>(*m_page, "runnerLabel")->text().startsWith(QStringLiteral("Not started by Steward")));
    QVERIFY(!child<QPushButton>(*m_page, "runNowButton")->isEnabled());
    QVERIFY(m_page->grab().save(QStringLiteral("/tmp/runsui-no-runner.png")));
}

void TestRunsPage::pauseAndResume_byKeyboard_withAReason()
{
    openRunsPage();
    QVERIFY(!QTest::currentTestFailed());
    auto *statusButton = child<QPushButton>(*m_page, "pauseResumeButton");
    QVERIFY(statusButton->isEnabled());
    QCOMPARE(statusButton->text(), QStringLiteral("&Pause…"));

    // A mnemonic clicks its button as a user sees it: animated, a moment later.
    QTest::keyClick(m_page, Qt::Key_P, Qt::AltModifier);
    QPointer<QDialog> dialog;
    QTRY_VERIFY((dialog = child<QDialog>(*m_page, "pauseDialog")));
    QTRY_VERIFY(dialog->isVisible());
    auto *reason = child<QLineEdit>(*dialog, "reasonLineEdit");
    QTRY_VERIFY(reason->hasFocus());
    QTest::keyClick(reason, Qt::Key_Return); // no reason yet: nothing happens
    QVERIFY(dialog);
    QTest::keyClicks(reason, QStringLiteral("CRM maintenance tonight"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());

    QTRY_VERIFY(child<QLabel>(*m_page, "agentStatusLabel")->text().contains(QStringLiteral("Paused")));
    QCOMPARE(statusButton->text(), QStringLiteral("&Resume…"));
    for (int row = 0; row < m_page->triggers()->rowCount(); ++row) {
        QCOMPARE(cell(*m_page->triggers(), row, int(TriggerColumn::NextRuns)), QStringLiteral("Paused: no runs"));
    }
    QVERIFY(!child<QPushButton>(*m_page, "runNowButton")->isEnabled());
    const Result<QList<AuditEntry>> changes = m_window->workspace()->recentChanges(routerPath, 5);
    QVERIFY(changes.ok() && !changes->isEmpty());
    QCOMPARE(changes->first().action, QStringLiteral("agent.pause"));
    QCOMPARE(changes->first().reason, QStringLiteral("CRM maintenance tonight"));
    QCOMPARE(changes->first().actor, m_window->workspace()->actor());
    QVERIFY(m_page->grab().save(QStringLiteral("/tmp/runsui-paused.png")));
    // A request that comes anyway (a trigger, another user) is refused, and the page says why.
    const NodeId router = nodeAt(*m_window->workspace(), routerPath);
    const Result<RunRequestEntry> refused =
        m_window->workspace()->runNow(router, {}, QStringLiteral("while it is paused"));
    QVERIFY(refused.ok());
    QCOMPARE(refused->state, RunRequestState::Refused);

    // The window manager gives the window back its activation when the dialog closes.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_page, Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY((dialog = child<QDialog>(*m_page, "resumeDialog")));
    QTRY_VERIFY(dialog->isVisible());
    reason = child<QLineEdit>(*dialog, "reasonLineEdit");
    QTest::keyClicks(reason, QStringLiteral("Maintenance done"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QTRY_VERIFY(child<QLabel>(*m_page, "agentStatusLabel")->text().contains(QStringLiteral("Active")));
    QVERIFY(cell(*m_page->triggers(), 0, int(TriggerColumn::NextRuns)).contains(QLatin1Char('\n')));
    const Result<QList<AuditEntry>> after = m_window->workspace()->recentChanges(routerPath, 5);
    QVERIFY(after.ok() && !after->isEmpty());
    QCOMPARE(after->first().action, QStringLiteral("agent.resume"));
    QCOMPARE(after->first().reason, QStringLiteral("Maintenance done"));
    const RunRequestTableModel &notRun = *m_page->notRun();
    QCOMPARE(notRun.rowCount(), 1);
    QCOMPARE(cell(notRun, 0, int(RunRequestTableModel::Column::State)), QStringLiteral("Refused"));
    QCOMPARE(cell(notRun, 0, int(RunRequestTableModel::Column::Reason)), refused->reason);
    QVERIFY(!refused->reason.isEmpty());
    QVERIFY(child<QWidget>(*m_page, "notRunGroupBox")->isVisible());
    QTest::qWait(50); // the page lays itself out again for the box that appeared
    QVERIFY(m_page->grab().save(QStringLiteral("/tmp/runsui-notrun.png")));
}

void TestRunsPage::history_showsRunsAsTheyStartAndEnd()
{
    openRunsPage();
    QVERIFY(!QTest::currentTestFailed());
    const RunHistoryModel &history = *m_page->history();
    QCOMPARE(history.rowCount(), 0);

    // Another process (an agent reporting through its own connection) records a run.
    const std::unique_ptr<Store> store = openStore();
    QVERIFY(store);
    const SystemClock clock;
    ActivityService activity(*store, clock);
    const NodeId router = nodeAt(*m_window->workspace(), routerPath);
    Run run;
    run.agentId = router;
    run.trigger = RunTrigger::Event;
    run.triggerDetail = QStringLiteral("lead.created");
    run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-2);
    const Result<Run> started = activity.startRun(run);
    QVERIFY(started.ok());
    ActivityEvent event;
    event.clientId = QStringLiteral("history-start");
    event.agentId = router;
    event.runId = started->id;
    event.spanId = QStringLiteral("run");
    event.kind = QLatin1String(EventKinds::RunStarted);
    event.status = QStringLiteral("ok");
    event.summary = QStringLiteral("started on lead.created");
    QVERIFY(activity.ingest({event}).ok());

    QTRY_COMPARE(history.rowCount(), 1);
    QCOMPARE(cell(history, 0, int(HistoryColumn::Status)), QStringLiteral("Running"));
    QCOMPARE(cell(history, 0, int(HistoryColumn::Trigger)), QStringLiteral("Event: lead.created"));
    QVERIFY(cell(history, 0, int(HistoryColumn::Duration)).startsWith(QStringLiteral("running for")));
    QVERIFY(m_page->grab().save(QStringLiteral("/tmp/runsui-running.png")));

    Run finished = started.value();
    finished.status = RunStatus::Failed;
    finished.latencyMs = 2500;
    finished.tokensIn = 300;
    finished.tokensOut = 50;
    QVERIFY(activity.finishRun(finished).ok());
    event.clientId = QStringLiteral("history-end");
    event.kind = QLatin1String(EventKinds::RunFinished);
    event.status = QStringLiteral("error");
    event.parentSpanId = QStringLiteral("run");
    event.spanId.clear();
    event.summary = QStringLiteral("the CRM did not answer");
    event.latencyMs = 2500;
    QVERIFY(activity.ingest({event}).ok());
    QTRY_COMPARE(cell(history, 0, int(HistoryColumn::Status)), QStringLiteral("Failed"));
    QCOMPARE(cell(history, 0, int(HistoryColumn::Duration)), QStringLiteral("2.5 s"));
    QCOMPARE(cell(history, 0, int(HistoryColumn::Tokens)), QLocale().toString(350));

    // Enter on the run opens its trace.
    auto *view = child<QTableView>(*m_page, "runHistoryTableView");
    view->setFocus();
    view->setCurrentIndex(history.index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QPointer<QDialog> trace = child<QDialog>(*m_page, "runTraceDialog");
    QVERIFY(trace);
    QTRY_VERIFY(trace->isVisible());
    auto *tabs = child<QTabWidget>(*trace, "eventTabs");
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Trace"));
    const auto *steps = child<QTreeView>(*trace, "traceView")->model();
    QCOMPARE(steps->rowCount(), 1); // run.started, with run.finished below it
    QCOMPARE(steps->rowCount(steps->index(0, 0)), 1);
    QCOMPARE(steps->index(0, 0, steps->index(0, 0)).data().toString(), QLatin1String(EventKinds::RunFinished));
    trace->grab().save(QStringLiteral("/tmp/runsui-trace.png"));
    trace->close();
    QTRY_VERIFY(trace.isNull());
}

void TestRunsPage::runNow_withAPayload_endsInASucceededRun()
{
    openRunsPage();
    QVERIFY(!QTest::currentTestFailed());
    auto *view = child<QTableView>(*m_page, "runHistoryTableView");
    view->setFocus();
    QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier);
    QPointer<QDialog> dialog = child<QDialog>(*m_page, "runNowDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *payload = child<QPlainTextEdit>(*dialog, "payloadTextEdit");
    auto *reason = child<QLineEdit>(*dialog, "reasonLineEdit");
    auto *ok = child<QPushButton>(*dialog, "okButton");
    auto *error = child<QLabel>(*dialog, "errorLabel");
    QTest::keyClicks(reason, QStringLiteral("Try the new scoring"));
    QVERIFY(ok->isEnabled()); // no payload is a fine payload
    payload->setPlainText(QStringLiteral("{\"lead\": 42"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY(error->text().startsWith(QStringLiteral("The payload is not JSON")));
    payload->setPlainText(QStringLiteral("[42]"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(error->text(), QStringLiteral("The payload must be a JSON object, like {\"ticket\": 4711}."));
    payload->setPlainText(QStringLiteral("{\"lead\": 42}"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
    dialog->grab().save(QStringLiteral("/tmp/runsui-runnow.png"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    const RunHistoryModel &history = *m_page->history();
    QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(history, 0, int(HistoryColumn::Status)), QStringLiteral("Succeeded"), 15000);
    QVERIFY(cell(history, 0, int(HistoryColumn::Trigger)).startsWith(QStringLiteral("Manual")));
    QVERIFY(m_page->grab().save(QStringLiteral("/tmp/runsui-page.png")));
    QVERIFY(m_window->grab().save(QStringLiteral("/tmp/runsui-window.png")));
}

void TestRunsPage::buttons_disabledWithTheReason()
{
    openRunsPage();
    QVERIFY(!QTest::currentTestFailed());
    auto *statusButton = child<QPushButton>(*m_page, "pauseResumeButton");
    auto *runNow = child<QPushButton>(*m_page, "runNowButton");
    QVERIFY(statusButton->isEnabled() && runNow->isEnabled());

    // Signed in with a grant elsewhere only.
    m_page->setAccess(editorOn(QStringLiteral("/acme/support")), true);
    QVERIFY(!statusButton->isEnabled());
    QVERIFY(!runNow->isEnabled());
    QCOMPARE(statusButton->toolTip(), QStringLiteral("You need the editor or admin role on this agent."));
    QCOMPARE(runNow->toolTip(), statusButton->toolTip());
    QTest::keyClick(m_page, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(!m_page->findChild<QDialog *>(QStringLiteral("runNowDialog")));

    m_page->setAccess(editorOn(QStringLiteral("/acme/sales")), false);
    QVERIFY(!statusButton->isEnabled());
    QCOMPARE(statusButton->toolTip(), QStringLiteral("The link to the server is down."));

    m_page->setAccess(editorOn(QStringLiteral("/acme/sales")), true);
    QVERIFY(statusButton->isEnabled() && runNow->isEnabled());

    // An auditor's bundle shows the runs and changes nothing.
    const QString bundle = m_dir->filePath(QStringLiteral("audit.stewardbundle"));
    QVERIFY(m_window->workspace()->exportBundle(bundle, {}, QStringLiteral("For the auditor")).ok());
    QVERIFY(m_window->openBundle(bundle, {}).ok());
    m_page->setAccess({}, true);
    expandAndSelect(*m_window, routerPath);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_window->showRuns());
    QTRY_COMPARE(child<QLabel>(*m_page, "runsTitleLabel")->text(), QStringLiteral("Runs of ") + routerPath);
    QVERIFY(!statusButton->isEnabled());
    QVERIFY(!runNow->isEnabled());
    QCOMPARE(statusButton->toolTip(), QStringLiteral("This workspace is read-only."));
    QCOMPARE(m_page->triggers()->rowCount(), 2);
}

QTEST_MAIN(TestRunsPage)
#include "tst_runspage.moc"
