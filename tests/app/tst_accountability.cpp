// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Who changed what and why, through the real window on real workspace files: an agent's
// versions (edit, compare, roll back, blame, proposals), the audit log and its verification
// badge (also on a tampered copy), and signed bundles opened in auditor mode.
#include "mainwindow.h"
#include "sampleworkspace.h"
#include "service/workspace.h"
#include "windowdriver.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolBar>
#include <QTreeWidget>

using namespace steward;

namespace {

const QString routerPath = QStringLiteral("/acme/sales/inbound/lead-router");
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");
const QString oldLine = QStringLiteral("Do the one thing this test needs.");
const QString newLine = QStringLiteral("Route every lead to the right team.");

// The text in a table's row and column.
QString cell(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

void clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers = {})
{
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
}

} // namespace

class TestAccountability final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void versions_editCompareRollBackAndBlame();
    void edit_refusals_nameTheLine_orOfferToReload();
    void criticalAgent_proposes_andItsAuthorCannotApprove();
    void auditView_showsNewEntriesWithReasons_filtersByAction();
    void tamperedCopy_badgeSaysBrokenAtTheEntry();
    void bundle_exported_opensInAuditorMode();

private:
    [[nodiscard]] std::unique_ptr<MainWindow> openWindow(const QString &path) const;
    // Selects the agent and shows its Versions tab; gives the history table.
    static QTableView *showVersions(MainWindow &window, const QString &path);
    // Opens the edit dialog from the Versions tab.
    static QPointer<QDialog> openEditor(MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestAccountability::initTestCase()
{
    // The signing key goes to a test location, not the user's data folder.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

void TestAccountability::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
}

void TestAccountability::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestAccountability::openWindow(const QString &path) const
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !window->openWorkspace(path)) {
        return nullptr;
    }
    return window;
}

QTableView *TestAccountability::showVersions(MainWindow &window, const QString &path)
{
    expandAndSelect(window, path);
    if (QTest::currentTestFailed()) {
        return nullptr;
    }
    auto *showVersionsAction = child<QAction>(window, "showVersionsAction");
    if (!showVersionsAction->isEnabled()) {
        return nullptr;
    }
    showVersionsAction->trigger();
    auto *tabs = child<QTabWidget>(window, "detailTabWidget");
    return tabs->currentWidget()->objectName() == QLatin1String("versionsTab")
        ? child<QTableView>(window, "versionsTableView")
        : nullptr;
}

QPointer<QDialog> TestAccountability::openEditor(MainWindow &window)
{
    QTest::mouseClick(child<QPushButton>(window, "editSpecButton"), Qt::LeftButton);
    return child<QDialog>(window, "specEditDialog");
}

void TestAccountability::versions_editCompareRollBackAndBlame()
{
    std::unique_ptr<MainWindow> window = openWindow(m_path);
    QVERIFY(window);
    QTableView *table = showVersions(*window, routerPath);
    QVERIFY(table);
    const QString actor = window->workspace()->actor();
    auto *summary = child<QLabel>(*child<QWidget>(*window, "versionsTab"), "diffSummaryLabel");
    auto *message = child<QLabel>(*window, "versionsMessageLabel");

    // The newest version is selected by itself and compared with nothing before it.
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("v1"));
    QTRY_VERIFY2(summary->text().startsWith(QStringLiteral("(nothing) → v1 by ada.admin")),
                 qPrintable(summary->text()));

    // Edit with a reason; saved, the new version is on top, selected, and diffed.
    auto *edit = child<QPushButton>(*window, "editSpecButton");
    QCOMPARE(edit->text(), QStringLiteral("&Edit…"));
    QPointer<QDialog> dialog = openEditor(*window);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *editor = child<QPlainTextEdit>(*dialog, "specPlainTextEdit");
    const QString v1 = editor->toPlainText();
    QVERIFY(v1.contains(oldLine));
    auto *save = child<QPushButton>(*dialog, "saveButton");
    QCOMPARE(save->text(), QStringLiteral("&Save"));
    QVERIFY(!save->isEnabled()); // no reason yet
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Say what it does"));
    QVERIFY(save->isEnabled());
    editor->setPlainText(QString(v1).replace(oldLine, newLine));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("v2"));
    QCOMPARE(cell(table, 0, 2), actor);
    QCOMPARE(cell(table, 0, 4), QStringLiteral("Say what it does"));
    QCOMPARE(message->text(), QStringLiteral("Saved version 2."));
    QTRY_VERIFY2(summary->text().startsWith(QStringLiteral("v1 by ada.admin → v2 by %1: instructions").arg(actor)),
                 qPrintable(summary->text()));
    QTRY_COMPARE(child<QPlainTextEdit>(*child<QWidget>(*window, "versionsTab"), "diffNewPlainTextEdit")
                     ->textCursor()
                     .block()
                     .text(),
                 QStringLiteral(" 6 +   ") + newLine);

    // A second save, then two versions selected: they are compared with each other.
    QVERIFY(window->workspace()
                ->changeSpec(window->workspace()->agent(nodeAt(*window->workspace(), routerPath))->nodeId, 2,
                             QString(v1).replace(oldLine, QStringLiteral("Route leads by region.")),
                             QStringLiteral("Regions own their leads"))
                .ok());
    QTRY_COMPARE(table->model()->rowCount(), 3);
    clickRow(table, 2);
    clickRow(table, 0, Qt::ControlModifier);
    QTRY_VERIFY2(summary->text().startsWith(QStringLiteral("v1 by ada.admin → v3 by %1").arg(actor)),
                 qPrintable(summary->text()));
    QVERIFY(!child<QPushButton>(*window, "rollbackButton")->isEnabled()); // two selected

    // Roll back to v1: a new version with v1's content.
    clickRow(table, 2);
    auto *rollback = child<QPushButton>(*window, "rollbackButton");
    QTRY_VERIFY(rollback->isEnabled());
    QTest::mouseClick(rollback, Qt::LeftButton);
    dialog = child<QDialog>(*window, "rollbackDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Regions were a mistake"));
    QTest::mouseClick(child<QPushButton>(*dialog, "okButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE(table->model()->rowCount(), 4);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("v4"));
    QCOMPARE(cell(table, 0, 4), QStringLiteral("Regions were a mistake"));
    QCOMPARE(message->text(), QStringLiteral("Rolled back to v1 as version 4."));
    const NodeId router = nodeAt(*window->workspace(), routerPath);
    QCOMPARE(window->workspace()->version(router, 4)->spec, v1);
    QVERIFY(!rollback->isEnabled()); // v4 is the current version

    // Blame of v4: the rollback brought the instruction back; a click on an older line's
    // gutter shows the diff of the version that wrote it.
    auto *views = child<QTabWidget>(*window, "versionViewsTabWidget");
    views->setCurrentWidget(child<QWidget>(*window, "blameView"));
    auto *blame = child<QTreeWidget>(*window, "blameTreeWidget");
    QTRY_VERIFY(blame->isVisible());
    QCOMPARE(blame->topLevelItemCount(), static_cast<int>(v1.count(QLatin1Char('\n'))));
    QTreeWidgetItem *description = nullptr;
    QTreeWidgetItem *instruction = nullptr;
    for (int i = 0; i < blame->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = blame->topLevelItem(i);
        if (item->text(4).startsWith(QStringLiteral("description:"))) {
            description = item;
        } else if (item->text(4).contains(oldLine)) {
            instruction = item;
        }
    }
    QVERIFY(description && instruction);
    QCOMPARE(instruction->text(0), QStringLiteral("v4"));
    QCOMPARE(instruction->text(1), actor);
    QVERIFY(instruction->toolTip(0).contains(QStringLiteral("Regions were a mistake")));
    QCOMPARE(description->text(0), QStringLiteral("v1"));
    QCOMPARE(description->text(1), QStringLiteral("ada.admin"));
    const QModelIndex gutter = blame->model()->index(blame->indexOfTopLevelItem(description), 0);
    QTest::mouseClick(blame->viewport(), Qt::LeftButton, {}, blame->visualRect(gutter).center());
    QTRY_COMPARE(views->currentWidget()->objectName(), QStringLiteral("diffView"));
    QTRY_VERIFY2(summary->text().startsWith(QStringLiteral("(nothing) → v1 by ada.admin")),
                 qPrintable(summary->text()));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), 3);
}

void TestAccountability::edit_refusals_nameTheLine_orOfferToReload()
{
    std::unique_ptr<MainWindow> window = openWindow(m_path);
    QVERIFY(window);
    QVERIFY(showVersions(*window, routerPath));
    QPointer<QDialog> dialog = openEditor(*window);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *editor = child<QPlainTextEdit>(*dialog, "specPlainTextEdit");
    auto *error = child<QLabel>(*dialog, "errorLabel");
    auto *reload = child<QPushButton>(*dialog, "reloadButton");
    const QString v1 = editor->toPlainText();
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Try things"));

    // A field the spec does not know, on line 3: the error names it and the cursor goes there.
    QStringList lines = v1.split(QLatin1Char('\n'));
    lines.insert(2, QStringLiteral("colour: blue"));
    editor->setPlainText(lines.join(QLatin1Char('\n')));
    editor->moveCursor(QTextCursor::End);
    QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QStringLiteral("Line 3:")), qPrintable(error->text()));
    QCOMPARE(editor->textCursor().blockNumber(), 2);
    QVERIFY(!reload->isVisible());
    QVERIFY(dialog->isVisible());

    // Someone else saves first: the change is refused, and their version can be loaded.
    const NodeId router = nodeAt(*window->workspace(), routerPath);
    const QString theirs = QString(v1).replace(oldLine, QStringLiteral("Route leads by region."));
    QVERIFY(window->workspace()->changeSpec(router, 1, theirs, QStringLiteral("Regions own their leads")).ok());
    editor->setPlainText(QString(v1).replace(oldLine, newLine));
    QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY(reload->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("version 2 is now the latest")), qPrintable(error->text()));
    QTest::mouseClick(reload, Qt::LeftButton);
    QCOMPARE(editor->toPlainText(), theirs);
    QVERIFY(!reload->isVisible());
    QVERIFY(!error->isVisible());
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(window->workspace()->history(router)->size(), 2);
}

void TestAccountability::criticalAgent_proposes_andItsAuthorCannotApprove()
{
    std::unique_ptr<MainWindow> window = openWindow(m_path);
    QVERIFY(window);
    QTableView *table = showVersions(*window, mailerPath);
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    auto *propose = child<QPushButton>(*window, "editSpecButton");
    QCOMPARE(propose->text(), QStringLiteral("&Propose…"));

    QPointer<QDialog> dialog = openEditor(*window);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *save = child<QPushButton>(*dialog, "saveButton");
    QCOMPARE(save->text(), QStringLiteral("&Propose"));
    auto *editor = child<QPlainTextEdit>(*dialog, "specPlainTextEdit");
    editor->setPlainText(editor->toPlainText().replace(oldLine, QStringLiteral("Invite them to London.")));
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Refresh event copy"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    // Pending on top, selected; the head is unchanged.
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(cell(table, 0, 1), QStringLiteral("proposed"));
    QCOMPARE(cell(table, 0, 4), QStringLiteral("Refresh event copy"));
    QCOMPARE(cell(table, 1, 1), QStringLiteral("current"));
    QVERIFY2(child<QLabel>(*window, "versionsMessageLabel")->text().contains(QStringLiteral("awaits a second person")),
             qPrintable(child<QLabel>(*window, "versionsMessageLabel")->text()));
    QTRY_COMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), 0);
    QVERIFY(child<QLabel>(*child<QWidget>(*window, "versionsTab"), "diffSummaryLabel")
                ->text()
                .startsWith(QStringLiteral("v1 by ada.admin → proposal by %1").arg(window->workspace()->actor())));

    // Its author cannot approve it, and is told why; rejecting (withdrawing) is allowed.
    auto *approve = child<QPushButton>(*window, "approveProposalButton");
    auto *reject = child<QPushButton>(*window, "rejectProposalButton");
    auto *hint = child<QLabel>(*window, "proposalHintLabel");
    QVERIFY(!approve->isEnabled());
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("second person")));
    QCOMPARE(approve->toolTip(), hint->text());
    QVERIFY(reject->isEnabled());
    QCOMPARE(window->workspace()->agent(nodeAt(*window->workspace(), mailerPath))->headVersion, 1);

    QTest::mouseClick(reject, Qt::LeftButton);
    dialog = child<QDialog>(*window, "rejectDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Wrong city"));
    QTest::mouseClick(child<QPushButton>(*dialog, "okButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(child<QLabel>(*window, "versionsMessageLabel")->text(), QStringLiteral("Rejected the proposal."));
    QVERIFY(!hint->isVisible());
}

void TestAccountability::auditView_showsNewEntriesWithReasons_filtersByAction()
{
    std::unique_ptr<MainWindow> window = openWindow(m_path);
    QVERIFY(window);
    auto *badge = child<QLabel>(*window, "auditStatusLabel");
    QTRY_COMPARE(badge->text(), QStringLiteral("Audit chain verified (12 entries)"));

    child<QAction>(*window, "showAuditAction")->trigger();
    QCOMPARE(child<QTabWidget>(*window, "placesTabWidget")->currentWidget()->objectName(), QStringLiteral("auditView"));
    auto *table = child<QTableView>(*window, "auditTableView");
    QTRY_COMPARE(table->model()->rowCount(), 12);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("12"));

    // A change made meanwhile appears on top, with its reason; the badge checks again.
    const NodeId tier2 = nodeAt(*window->workspace(), QStringLiteral("/acme/support/tier2"));
    QVERIFY(window->workspace()->rename(tier2, QStringLiteral("escalations"), QStringLiteral("Clearer name")).ok());
    QTRY_COMPARE(table->model()->rowCount(), 13);
    QCOMPARE(cell(table, 0, 3), QStringLiteral("Renamed"));
    QCOMPARE(cell(table, 0, 5), QStringLiteral("Clearer name"));
    QTRY_COMPARE(badge->text(), QStringLiteral("Audit chain verified (13 entries)"));

    // Only renames.
    auto *action = child<QComboBox>(*window, "auditActionComboBox");
    const int renames = action->findData(QStringLiteral("node.rename"));
    QVERIFY(renames > 0);
    action->setCurrentIndex(renames);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cell(table, 0, 4), QStringLiteral("/acme/support/escalations"));

    // The selected entry in full: every field, the details as JSON, the hashes.
    clickRow(table, 0);
    auto *details = child<QPlainTextEdit>(*window, "auditDetailsPlainTextEdit");
    QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("Reason:        Clearer name")));
    QVERIFY(details->toPlainText().contains(QStringLiteral("\"from\": \"/acme/support/tier2\"")));
    QVERIFY(details->toPlainText().contains(QStringLiteral("Hash:          ")));

    // A prefix takes the whole group; an actor nobody is takes nothing.
    action->setCurrentIndex(action->findData(QStringLiteral("node.")));
    QTRY_COMPARE(table->model()->rowCount(), 8);
    QTest::keyClicks(child<QLineEdit>(*window, "auditActorLineEdit"), QStringLiteral("nobody"));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QVERIFY(details->toPlainText().isEmpty());
}

void TestAccountability::tamperedCopy_badgeSaysBrokenAtTheEntry()
{
    {
        std::unique_ptr<MainWindow> window = openWindow(m_path);
        QVERIFY(window);
        QTRY_COMPARE(child<QLabel>(*window, "auditStatusLabel")->text(),
                     QStringLiteral("Audit chain verified (12 entries)"));
    }
    // Someone edits a reason in a copy behind Steward's back.
    const QString copy = m_dir->filePath(QStringLiteral("tampered.steward"));
    QVERIFY(QFile::copy(m_path, copy));
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        database.setDatabaseName(copy);
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec(QStringLiteral("UPDATE audit_log SET reason = 'nothing to see' WHERE sequence = 5")));
        QCOMPARE(query.numRowsAffected(), 1);
        query.finish();
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

    std::unique_ptr<MainWindow> window = openWindow(copy);
    QVERIFY(window);
    auto *badge = child<QLabel>(*window, "auditStatusLabel");
    QTRY_COMPARE(badge->text(), QStringLiteral("Audit chain BROKEN at entry 5"));
    QVERIFY(!badge->toolTip().isEmpty());
    QVERIFY(child<QLabel>(*window, "auditStatusIconLabel")->isVisible());

    // The original still verifies, in another window.
    std::unique_ptr<MainWindow> original = openWindow(m_path);
    QVERIFY(original);
    QTRY_COMPARE(child<QLabel>(*original, "auditStatusLabel")->text(),
                 QStringLiteral("Audit chain verified (12 entries)"));
}

void TestAccountability::bundle_exported_opensInAuditorMode()
{
    const QString bundle = m_dir->filePath(QStringLiteral("sales-audit.steward"));
    QString publicKey;
    {
        std::unique_ptr<MainWindow> window = openWindow(m_path);
        QVERIFY(window);
        expandAndSelect(*window, QStringLiteral("/acme/sales"));
        QVERIFY(!QTest::currentTestFailed());
        child<QAction>(*window, "exportBundleAction")->trigger();
        QPointer<QDialog> dialog = child<QDialog>(*window, "exportBundleDialog");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(child<QLineEdit>(*dialog, "subtreeLineEdit")->text(), QStringLiteral("/acme/sales"));
        auto *file = child<QLineEdit>(*dialog, "bundleFileLineEdit");
        file->clear();
        QTest::keyClicks(file, bundle);
        auto *exportButton = child<QPushButton>(*dialog, "exportButton");
        QVERIFY(!exportButton->isEnabled()); // no reason yet
        QTest::keyClicks(child<QLineEdit>(*dialog, "reasonLineEdit"), QStringLiteral("Q3 audit"));
        QTest::mouseClick(exportButton, Qt::LeftButton);
        auto *key = child<QLineEdit>(*dialog, "publicKeyLineEdit");
        QTRY_VERIFY(key->isVisible());
        publicKey = key->text();
        QCOMPARE(publicKey.size(), 64);
        QVERIFY(key->isReadOnly());
        const QString written = child<QLabel>(*dialog, "exportResultLabel")->text();
        QVERIFY2(written.contains(bundle) && written.contains(bundle + QStringLiteral(".manifest.json")),
                 qPrintable(written));
        QVERIFY(QFile::exists(bundle));
        QVERIFY(QFile::exists(bundle + QStringLiteral(".manifest.json")));
        QTest::mouseClick(child<QPushButton>(*dialog, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());
    }

    // The auditor opens it with the key they were given: every check passes.
    MainWindow auditor;
    auditor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&auditor));
    child<QAction>(auditor, "openBundleAction")->trigger();
    QPointer<QDialog> dialog = child<QDialog>(auditor, "bundleOpenDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(*dialog, "bundleFileLineEdit"), bundle);
    QTest::keyClicks(child<QLineEdit>(*dialog, "publicKeyLineEdit"), publicKey);
    QTest::mouseClick(child<QPushButton>(*dialog, "okButton"), Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull());

    QVERIFY(child<QWidget>(auditor, "auditorBanner")->isVisible());
    QVERIFY(child<QLabel>(auditor, "auditorHeadlineLabel")->text().contains(QStringLiteral("every check passed")));
    for (const char *check : {"signatureCheckLabel", "contentCheckLabel", "chainCheckLabel", "headCheckLabel"}) {
        const QString text = child<QLabel>(auditor, check)->text();
        QVERIFY2(text.contains(QStringLiteral("✔ ok")), qPrintable(text));
    }
    QVERIFY(!child<QLabel>(auditor, "auditorProblemsLabel")->isVisible());
    QVERIFY(auditor.windowTitle().contains(QStringLiteral("(read-only audit bundle)")));
    QTRY_COMPARE(child<QLabel>(auditor, "auditStatusLabel")->text(),
                 QStringLiteral("Audit chain verified (13 entries)"));

    // Nothing can be changed...
    for (const char *edit : {"newCompanyAction", "newDepartmentAction", "newTeamAction", "renameAction", "moveAction",
                             "archiveAction", "exportBundleAction"}) {
        QVERIFY2(!child<QAction>(auditor, edit)->isEnabled(), edit);
    }
    QVERIFY(!child<QToolBar>(auditor, "editToolBar")->isVisible());

    // ...and everything can be read: the tree, versions, diff, blame and the audit log.
    QTableView *versions = showVersions(auditor, mailerPath);
    QVERIFY(versions);
    QTRY_COMPARE(versions->model()->rowCount(), 1);
    for (const char *edit : {"editSpecButton", "rollbackButton", "approveProposalButton", "rejectProposalButton"}) {
        QVERIFY2(!child<QPushButton>(auditor, edit)->isVisible(), edit);
    }
    QTRY_VERIFY(child<QLabel>(*child<QWidget>(auditor, "versionsTab"), "diffSummaryLabel")
                    ->text()
                    .startsWith(QStringLiteral("(nothing) → v1")));
    QVERIFY(child<QTreeWidget>(auditor, "blameTreeWidget")->topLevelItemCount() > 0);
    child<QAction>(auditor, "showAuditAction")->trigger();
    auto *audit = child<QTableView>(auditor, "auditTableView");
    QTRY_COMPARE(audit->model()->rowCount(), 13);
    QCOMPARE(cell(audit, 0, 3), QStringLiteral("Exported an audit bundle"));
    QCOMPARE(cell(audit, 0, 5), QStringLiteral("Q3 audit"));

    // With a wrong key, the banner says the signature failed.
    QVERIFY(auditor.openBundle(bundle, QByteArray(64, '0')).ok());
    QVERIFY(child<QLabel>(auditor, "auditorHeadlineLabel")->text().contains(QStringLiteral("FAILED")));
    QVERIFY(child<QLabel>(auditor, "signatureCheckLabel")->text().contains(QStringLiteral("FAILED")));
    QVERIFY(child<QLabel>(auditor, "contentCheckLabel")->text().contains(QStringLiteral("✔ ok")));
    auto *problems = child<QLabel>(auditor, "auditorProblemsLabel");
    QVERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("signature does not verify")), qPrintable(problems->text()));

    // Without a key: opened, the key the manifest names is shown, the signer is unchecked.
    QVERIFY(auditor.openBundle(bundle, {}).ok());
    const QString signature = child<QLabel>(auditor, "signatureCheckLabel")->text();
    QVERIFY2(signature.contains(QStringLiteral("not checked")) && signature.contains(publicKey), qPrintable(signature));
    QVERIFY(child<QLabel>(auditor, "auditorHeadlineLabel")->text().contains(QStringLiteral("not checked")));
}

QTEST_MAIN(TestAccountability)
#include "tst_accountability.moc"
