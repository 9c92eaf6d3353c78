// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real window on a real workspace file, driven as a user would: through the tree, the
// actions and the dialogs, found by object name.
#include "mainwindow.h"
#include "orgtreemodel.h"
#include "sampleworkspace.h"
#include "storage/store.h"
#include "windowdriver.h"

#include <QAction>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace steward;

namespace {

const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");
const QString movedPath = QStringLiteral("/acme/sales/inbound/prospect-mailer");
const QString moveReason = QStringLiteral("Inbound owns event invitations now");

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void firstStart_withoutWorkspace_showsWelcomePage();
    void move_throughDialog_showsAtOnceAndSurvivesRestart();
    void move_byDrop_asksForReasonFirst();
    void rename_withoutReason_cannotBeConfirmed();
    void rename_refusedByRules_showsErrorInDialog();
    void newTeam_fromEditAction_appearsSelected();
    void newCompany_inEmptyWorkspace_becomesTheRoot();
    void open_corruptOrMissingFile_showsErrorAndChangesNothing();
    void openDemo_cancelled_leavesNothingBehind();

private:
    [[nodiscard]] std::unique_ptr<MainWindow> openWindow() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The application name stays the executable's, so that tests running in parallel keep
    // their settings apart.
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow() const
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openWorkspace(m_path)) {
        return nullptr;
    }
    return window;
}

void TestMainWindow::firstStart_withoutWorkspace_showsWelcomePage()
{
    {
        MainWindow window;
        window.openMostRecent();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto *pages = child<QStackedWidget>(window, "pagesStackedWidget");
        QVERIFY(pages);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(child<QPushButton>(window, "openDemoButton")->isVisible());
        QVERIFY(child<QPushButton>(window, "openWorkspaceButton")->isVisible());
        QVERIFY(child<QPushButton>(window, "newWorkspaceButton")->isVisible());
        QVERIFY(!window.workspace());
        QVERIFY(window.openWorkspace(m_path));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("workspacePage"));
        QVERIFY(child<QLabel>(window, "workspaceLabel")->text().contains(QStringLiteral("sample.steward")));
    }
    // The next start opens the workspace used last.
    MainWindow window;
    window.openMostRecent();
    QVERIFY(window.workspace());
    QVERIFY(window.workspace()->location().endsWith(QStringLiteral("sample.steward")));
}

void TestMainWindow::move_throughDialog_showsAtOnceAndSurvivesRestart()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    expandAndSelect(*window, mailerPath);
    QVERIFY(!QTest::currentTestFailed());
    QTRY_COMPARE(child<QLabel>(*window, "detailTitleLabel")->text(), QStringLiteral("prospect-mailer"));
    QCOMPARE(child<QLabel>(*window, "ownerLabel")->text(), QStringLiteral("dana.kim"));
    QCOMPARE(child<QLabel>(*window, "criticalityLabel")->text(), QStringLiteral("Critical"));

    QAction *move = child<QAction>(*window, "moveAction");
    QVERIFY(move && move->isEnabled());
    move->trigger();
    QPointer<QDialog> dialog = child<QDialog>(*window, "moveDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    auto *targets = child<QTreeView>(*dialog, "moveTargetTreeView");
    auto *reason = child<QLineEdit>(*dialog, "reasonLineEdit");
    auto *ok = child<QPushButton>(*dialog, "okButton");
    QVERIFY(targets && reason && ok);
    QVERIFY(!ok->isEnabled());
    const QModelIndexList inbound =
        targets->model()->match(targets->model()->index(0, 0), OrgTreeModel::PathRole,
                                QStringLiteral("/acme/sales/inbound"), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(inbound.size(), 1);
    // The team it is in now cannot be chosen.
    const QModelIndexList outbound =
        targets->model()->match(targets->model()->index(0, 0), OrgTreeModel::PathRole,
                                QStringLiteral("/acme/sales/outbound"), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(outbound.size(), 1);
    QVERIFY(!outbound.first().flags().testFlag(Qt::ItemIsEnabled));

    QTest::keyClicks(reason, moveReason);
    QVERIFY(!ok->isEnabled()); // no target chosen yet
    targets->scrollTo(inbound.first());
    QTest::mouseClick(targets->viewport(), Qt::LeftButton, {}, targets->visualRect(inbound.first()).center());
    QTRY_COMPARE(targets->currentIndex(), inbound.first());
    QVERIFY(ok->isEnabled());
    reason->clear();
    QVERIFY(!ok->isEnabled()); // no reason
    QTest::keyClicks(reason, moveReason);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    // At once, without reloading: the agent is under the new team, selected.
    QTreeView *view = orgTree(*window);
    QTRY_COMPARE(view->currentIndex().data(OrgTreeModel::PathRole).toString(), movedPath);
    QCOMPARE(view->currentIndex().parent().data(OrgTreeModel::PathRole).toString(),
             QStringLiteral("/acme/sales/inbound"));
    QVERIFY(window->statusBar()->currentMessage().contains(movedPath));
    const auto *changes = child<QTreeWidget>(*window, "recentChangesTreeWidget");
    QTRY_VERIFY(!changes->findItems(moveReason, Qt::MatchExactly, 3).isEmpty());

    // After a restart it is still there, and the audit log says who moved it and why.
    window.reset();
    window = openWindow();
    QVERIFY(window);
    expandAndSelect(*window, movedPath);
    QVERIFY(!QTest::currentTestFailed());
    const Result<QList<AuditEntry>> audit = window->workspace()->recentChanges(movedPath, 10);
    QVERIFY(audit.ok());
    QVERIFY(!audit->isEmpty());
    QCOMPARE(audit->first().action, QStringLiteral("node.move"));
    QCOMPARE(audit->first().reason, moveReason);
    QCOMPARE(audit->first().details.value(QStringLiteral("from")).toString(), mailerPath);
    QVERIFY(!window->workspace()
                 ->children(nodeAt(*window->workspace(), QStringLiteral("/acme/sales/outbound")))
                 ->isEmpty());
    QCOMPARE(nodeAt(*window->workspace(), mailerPath), NoNode);
}

void TestMainWindow::move_byDrop_asksForReasonFirst()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    expandAndSelect(*window, mailerPath);
    QVERIFY(!QTest::currentTestFailed());
    QTreeView *view = orgTree(*window);
    auto *model = qobject_cast<OrgTreeModel *>(view->model());
    QVERIFY(model);
    const QModelIndex mailer = view->currentIndex();
    const QModelIndex inbound = model->loadPath(QStringLiteral("/acme/sales/inbound"));

    // What the view does on a drop: the model asks, nothing moves yet.
    const std::unique_ptr<QMimeData> data(model->mimeData({mailer}));
    QVERIFY(!model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, inbound));
    QPointer<QDialog> dialog = child<QDialog>(*window, "moveDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(mailer.data(OrgTreeModel::PathRole).toString(), mailerPath);

    auto *targets = child<QTreeView>(*dialog, "moveTargetTreeView");
    QCOMPARE(targets->currentIndex().data(OrgTreeModel::PathRole).toString(), QStringLiteral("/acme/sales/inbound"));
    auto *ok = child<QPushButton>(*dialog, "okButton");
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), moveReason);
    QVERIFY(ok->isEnabled());
    QTest::keyClick(child<QLineEdit>(*dialog, "reasonLineEdit"), Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE(view->currentIndex().data(OrgTreeModel::PathRole).toString(), movedPath);
}

void TestMainWindow::rename_withoutReason_cannotBeConfirmed()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    expandAndSelect(*window, QStringLiteral("/acme/sales/outbound"));
    QVERIFY(!QTest::currentTestFailed());

    QTest::keyClick(orgTree(*window), Qt::Key_F2);
    QPointer<QDialog> dialog = child<QDialog>(*window, "renameDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *name = child<QLineEdit>(*dialog, "nameLineEdit");
    auto *reason = child<QLineEdit>(*dialog, "reasonLineEdit");
    auto *ok = child<QPushButton>(*dialog, "okButton");
    QVERIFY(name && reason && ok);
    QCOMPARE(name->text(), QStringLiteral("outbound"));

    name->clear();
    QTest::keyClicks(name, QStringLiteral("outreach"));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    QTest::keyClick(reason, Qt::Key_Return); // Enter does not get round the disabled button
    QVERIFY(dialog->isVisible());
    reason->clear();
    QTest::keyClicks(reason, QStringLiteral("Clearer name"));
    QVERIFY(ok->isEnabled());
    reason->clear();
    QVERIFY(!ok->isEnabled());

    // A name that breaks the naming rule is explained and cannot be confirmed either.
    QTest::keyClicks(reason, QStringLiteral("Clearer name"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Out Reach"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(child<QLabel>(*dialog, "errorLabel")->isVisible());

    QTest::mouseClick(child<QPushButton>(*dialog, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(nodeAt(*window->workspace(), QStringLiteral("/acme/sales/outbound")) != NoNode);
    QCOMPARE(window->workspace()->recentChanges(QStringLiteral("/acme/sales/outreach"), 10)->size(), 0);
}

void TestMainWindow::rename_refusedByRules_showsErrorInDialog()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    expandAndSelect(*window, QStringLiteral("/acme/sales/outbound"));
    QVERIFY(!QTest::currentTestFailed());
    child<QAction>(*window, "renameAction")->trigger();
    QPointer<QDialog> dialog = child<QDialog>(*window, "renameDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *name = child<QLineEdit>(*dialog, "nameLineEdit");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("inbound"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("merge"));
    QTest::mouseClick(child<QPushButton>(*dialog, "okButton"), Qt::LeftButton);

    // The sibling's name is taken: the dialog stays open and says so.
    auto *error = child<QLabel>(*dialog, "errorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("inbound")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(orgTree(*window)->currentIndex().data(OrgTreeModel::PathRole).toString(),
             QStringLiteral("/acme/sales/outbound"));
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindow::newTeam_fromEditAction_appearsSelected()
{
    std::unique_ptr<MainWindow> window = openWindow();
    QVERIFY(window);
    expandAndSelect(*window, QStringLiteral("/acme/sales"));
    QVERIFY(!QTest::currentTestFailed());
    QAction *newTeam = child<QAction>(*window, "newTeamAction");
    QVERIFY(newTeam->isEnabled());
    QVERIFY(!child<QAction>(*window, "newDepartmentAction")->isEnabled()); // departments sit below the company
    newTeam->trigger();
    QPointer<QDialog> dialog = child<QDialog>(*window, "newGroupDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(*dialog, "nameLineEdit"), QStringLiteral("market"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("New market team"));
    QTest::mouseClick(child<QPushButton>(*dialog, "okButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE(orgTree(*window)->currentIndex().data(OrgTreeModel::PathRole).toString(),
                 QStringLiteral("/acme/sales/market"));
    QCOMPARE(orgTree(*window)->currentIndex().row(), 1);
    QCOMPARE(child<QLabel>(*window, "kindLabel")->text(), QStringLiteral("Team"));
}

void TestMainWindow::newCompany_inEmptyWorkspace_becomesTheRoot()
{
    const QString empty = m_dir->filePath(QStringLiteral("empty.steward"));
    QVERIFY(Store::create(empty).ok());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openWorkspace(empty));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("no company")));
    QCOMPARE(orgTree(window)->model()->rowCount(), 0);

    QAction *newCompany = child<QAction>(window, "newCompanyAction");
    QVERIFY(newCompany->isEnabled());
    newCompany->trigger();
    QPointer<QDialog> dialog = child<QDialog>(window, "newCompanyDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(*dialog, "nameLineEdit"), QStringLiteral("globex"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Our own workspace"));
    QTest::mouseClick(child<QPushButton>(*dialog, "okButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    QTRY_COMPARE(orgTree(window)->currentIndex().data(OrgTreeModel::PathRole).toString(), QStringLiteral("/globex"));
    QVERIFY(!newCompany->isEnabled());
    QVERIFY(child<QAction>(window, "newDepartmentAction")->isEnabled());
}

void TestMainWindow::open_corruptOrMissingFile_showsErrorAndChangesNothing()
{
    const QString corrupt = m_dir->filePath(QStringLiteral("corrupt.steward"));
    const QByteArray garbage("This is not a database, just some text that happens to sit in a file.\n");
    {
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    const Result<std::unique_ptr<Store>> expected = Store::open(corrupt);
    QVERIFY(!expected.ok());

    MainWindow window;
    window.openMostRecent();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.openWorkspace(corrupt));
    auto *error = child<QLabel>(window, "welcomeErrorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(expected.error().message), qPrintable(error->text()));
    QVERIFY(!window.workspace());
    QCOMPARE(child<QStackedWidget>(window, "pagesStackedWidget")->currentWidget()->objectName(),
             QStringLiteral("welcomePage"));

    // With a workspace open, a failed open leaves it open and says why in the status bar.
    QVERIFY(window.openWorkspace(m_path));
    const QString missing = m_dir->filePath(QStringLiteral("missing.steward"));
    QVERIFY(!window.openWorkspace(missing));
    QVERIFY(window.workspace()->location().endsWith(QStringLiteral("sample.steward")));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("missing.steward")));
    QVERIFY(!window.openWorkspace(corrupt));
    QVERIFY(window.statusBar()->currentMessage().contains(expected.error().message));
    QCOMPARE(child<QStackedWidget>(window, "pagesStackedWidget")->currentWidget()->objectName(),
             QStringLiteral("workspacePage"));

    QFile file(corrupt);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
    QVERIFY(!QFile::exists(missing));
}

void TestMainWindow::openDemo_cancelled_leavesNothingBehind()
{
    QFile::remove(MainWindow::demoPath());
    MainWindow window;
    window.openMostRecent();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::demoFinished);

    QTest::mouseClick(child<QPushButton>(window, "openDemoButton"), Qt::LeftButton);
    QVERIFY(window.isBuildingDemo());
    auto *progress = child<QProgressDialog>(window, "demoProgressDialog");
    QVERIFY(progress);
    QTRY_VERIFY(progress->isVisible());
    QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);

    // The worker notices at its next progress report; the window never stops responding.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY(child<QLabel>(window, "welcomeErrorLabel")->text().contains(QStringLiteral("cancelled")));
    QVERIFY(!window.workspace());
    QVERIFY(!QFile::exists(MainWindow::demoPath()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
