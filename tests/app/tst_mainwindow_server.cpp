// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The window and shared servers: File › Connect to Server… and the saved connections (File ›
// Open Recent, the welcome page), a saved connection whose token the keychain lacks, and a
// server's workspace once open: the status bar names the server, who is signed in and the
// state of the link; the views keep what they show while the link is down; what the grants do
// not allow, and every change while disconnected, is disabled. The server's workspace is a real
// workspace file behind LinkedWorkspace, which announces the link as RemoteWorkspace does.
#include "connectionprofile.h"
#include "linkedworkspace.h"
#include "mainwindow.h"
#include "orgtreemodel.h"
#include "recentworkspaces.h"
#include "sampleworkspace.h"
#include "storage/store.h"
#include "windowdriver.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

using namespace steward;

Q_DECLARE_METATYPE(steward::Role)

namespace {

const QString serverUrl = QStringLiteral("https://steward.example.com");
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");

ServerIdentity identityOf(const QString &name, Role role, const QString &grantPath)
{
    ServerIdentity identity;
    identity.principal.name = name;
    Grant grant;
    grant.role = role;
    grant.nodePath = grantPath;
    identity.grants = {grant};
    return identity;
}

} // namespace

class TestMainWindowServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void connectAction_inFileMenu_withItsOwnShortcut();
    void savedConnections_inRecentMenuAndOnWelcomePage();
    void savedConnection_withoutToken_opensDialogSayingSo();
    void serverWorkspace_statusBarNamesServerAndWhoIsSignedIn();
    void serverWorkspace_linkDown_keepsViewsAndDisablesChanges();
    void serverWorkspace_grantsDecideWhatIsEnabled_data();
    void serverWorkspace_grantsDecideWhatIsEnabled();
    void serverWorkspace_burstOfChanges_verifiesAuditOnce();

private:
    // A window showing the sample workspace as the server's, signed in as `identity`.
    [[nodiscard]] std::unique_ptr<MainWindow> openServerWindow(const ServerIdentity &identity);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    ConnectionProfile m_profile;
    QPointer<LinkedWorkspace> m_linked;
};

void TestMainWindowServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

void TestMainWindowServer::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("shared.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    m_profile = {};
    m_profile.name = QStringLiteral("tst_mainwindow_server %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_profile.serverUrl = QUrl(serverUrl);
}

void TestMainWindowServer::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindowServer::openServerWindow(const ServerIdentity &identity)
{
    Result<std::unique_ptr<Store>> store = Store::open(m_path);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    auto local = std::make_unique<LocalWorkspace>(std::move(store).value(), identity.principal.name);
    auto linked = std::make_unique<LinkedWorkspace>(std::move(local), serverUrl, identity.principal.name);
    m_linked = linked.get();
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) {
        return nullptr;
    }
    window->adoptServer(std::move(linked), m_profile, identity);
    return window;
}

void TestMainWindowServer::connectAction_inFileMenu_withItsOwnShortcut()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *connectAction = child<QAction>(window, "connectToServerAction");
    QVERIFY(connectAction);
    QCOMPARE(connectAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(child<QMenu>(window, "fileMenu")->actions().contains(connectAction));
    // No other action answers to the same keys.
    QHash<QKeySequence, QString> taken;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut().isEmpty()) {
            continue;
        }
        QVERIFY2(!taken.contains(action->shortcut()),
                 qPrintable(action->objectName() + QStringLiteral(" and ") + taken.value(action->shortcut())));
        taken.insert(action->shortcut(), action->objectName());
    }

    QTest::keySequence(&window, connectAction->shortcut());
    QPointer<QDialog> dialog = child<QDialog>(window, "connectDialog");
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindowServer::savedConnections_inRecentMenuAndOnWelcomePage()
{
    ConnectionProfile other = m_profile;
    other.name = m_profile.name + QStringLiteral(" (staging)");
    other.principalName = QStringLiteral("dana.kim");
    ConnectionProfiles::save(m_profile);
    ConnectionProfiles::save(other);

    MainWindow window;
    window.openMostRecent();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QCommandLinkButton *> buttons =
        window.findChildren<QCommandLinkButton *>(QStringLiteral("savedServerButton"));
    QCOMPARE(buttons.size(), 2);
    QCOMPARE(buttons.at(0)->text(), other.name); // most recently used first
    QCOMPARE(buttons.at(0)->description(), QStringLiteral("%1 as dana.kim").arg(serverUrl));
    QCOMPARE(buttons.at(1)->text(), m_profile.name);
    QVERIFY(buttons.at(0)->isVisible());

    auto *recent = child<QMenu>(window, "recentMenu");
    QVERIFY(recent);
    Q_EMIT recent->aboutToShow();
    QStringList texts;
    for (const QAction *action : recent->actions()) {
        if (!action->isSeparator()) {
            texts.append(action->text());
        }
    }
    QCOMPARE(texts,
             (QStringList{QStringLiteral("%1 — %2").arg(other.name, serverUrl),
                          QStringLiteral("%1 — %2").arg(m_profile.name, serverUrl)}));
}

void TestMainWindowServer::savedConnection_withoutToken_opensDialogSayingSo()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("needs a secret service: run under dbus-run-session and scripts/with-keyring.sh");
    }
    ConnectionProfiles::save(m_profile);
    MainWindow window;
    window.openMostRecent();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *button = child<QCommandLinkButton>(window, "savedServerButton");
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QPointer<QDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = child<QDialog>(window, "connectDialog")) && dialog->isVisible(), 20'000);
    QCOMPARE(child<QLineEdit>(*dialog, "nameLineEdit")->text(), m_profile.name);
    QCOMPARE(child<QLineEdit>(*dialog, "urlLineEdit")->text(), serverUrl);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*dialog, "messageLabel")->isVisible(), 20'000);
    QVERIFY2(child<QLabel>(*dialog, "messageLabel")->text().contains(QLatin1String("token")),
             qPrintable(child<QLabel>(*dialog, "messageLabel")->text()));
    QVERIFY(!window.workspace());
    dialog->reject();
}

void TestMainWindowServer::serverWorkspace_statusBarNamesServerAndWhoIsSignedIn()
{
    std::unique_ptr<MainWindow> window =
        openServerWindow(identityOf(QStringLiteral("sales-editor"), Role::Editor, QStringLiteral("/acme/sales")));
    QVERIFY(window);
    QCOMPARE(child<QLabel>(*window, "workspaceLabel")->text(),
             QStringLiteral("Connected to %1 as sales-editor").arg(serverUrl));
    QCOMPARE(window->windowTitle(), QStringLiteral("%1 — Steward").arg(m_profile.name));
    // The server checks its own chain; the window shows what it said.
    QVERIFY(m_linked->verifyCount() >= 1);
    QVERIFY(child<QLabel>(*window, "auditStatusLabel")->text().startsWith(QLatin1String("Audit chain verified")));
    // A server is not a file to reopen from the recent files; it is a saved connection, signed in.
    QVERIFY(RecentWorkspaces::list().isEmpty());
    QCOMPARE(ConnectionProfiles::find(m_profile.name)->principalName, QStringLiteral("sales-editor"));
    QCOMPARE(orgTree(*window)->model()->rowCount(), 1);

    // Back to a local file: the server's words go.
    const QString local = m_dir->filePath(QStringLiteral("local.steward"));
    QVERIFY(createSampleWorkspace(local).ok());
    QVERIFY(window->openWorkspace(local));
    QVERIFY(child<QLabel>(*window, "workspaceLabel")->text().startsWith(QLatin1String("Workspace: ")));
    QVERIFY(child<QAction>(*window, "renameAction")->isEnabled());
}

void TestMainWindowServer::serverWorkspace_linkDown_keepsViewsAndDisablesChanges()
{
    std::unique_ptr<MainWindow> window =
        openServerWindow(identityOf(QStringLiteral("sales-editor"), Role::Editor, QStringLiteral("/acme/sales")));
    QVERIFY(window);
    expandAndSelect(*window, mailerPath);
    QVERIFY(!QTest::currentTestFailed());
    auto *rename = child<QAction>(*window, "renameAction");
    auto *edit = child<QPushButton>(*window, "editSpecButton");
    QVERIFY(rename->isEnabled());
    QVERIFY(edit->isEnabled());
    const QString detailTitle = child<QLabel>(*window, "detailTitleLabel")->text();

    Q_EMIT m_linked->connectionChanged(false, QStringLiteral("reconnecting in 4 s"));
    QCOMPARE(child<QLabel>(*window, "workspaceLabel")->text(),
             QStringLiteral("Disconnected from %1 — reconnecting in 4 s").arg(serverUrl));
    QVERIFY(!rename->isEnabled());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!child<QAction>(*window, "newTeamAction")->isEnabled());
    // What was shown stays.
    QCOMPARE(orgTree(*window)->currentIndex().data(OrgTreeModel::PathRole).toString(), mailerPath);
    QCOMPARE(child<QLabel>(*window, "detailTitleLabel")->text(), detailTitle);

    // The next attempt's news replaces the last.
    Q_EMIT m_linked->connectionChanged(false, QStringLiteral("reconnecting in 8 s"));
    QCOMPARE(child<QLabel>(*window, "workspaceLabel")->text(),
             QStringLiteral("Disconnected from %1 — reconnecting in 8 s").arg(serverUrl));

    Q_EMIT m_linked->connectionChanged(true, {});
    QCOMPARE(child<QLabel>(*window, "workspaceLabel")->text(),
             QStringLiteral("Connected to %1 as sales-editor").arg(serverUrl));
    QVERIFY(rename->isEnabled());
    QVERIFY(edit->isEnabled());
}

void TestMainWindowServer::serverWorkspace_grantsDecideWhatIsEnabled_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("grantPath");
    QTest::addColumn<QString>("selected");
    QTest::addColumn<QString>("widget"); // an action's or a button's object name
    QTest::addColumn<bool>("enabled");

    const QString sales = QStringLiteral("/acme/sales");
    const QString outbound = QStringLiteral("/acme/sales/outbound");
    const QString support = QStringLiteral("/acme/support/tier1");
    QTest::newRow("editor renames inside the grant") << Role::Editor << sales << outbound << "renameAction" << true;
    QTest::newRow("editor not outside it") << Role::Editor << sales << support << "renameAction" << false;
    QTest::newRow("editor adds a team inside") << Role::Editor << sales << sales << "newTeamAction" << true;
    QTest::newRow("editor moves an agent inside") << Role::Editor << sales << mailerPath << "moveAction" << true;
    QTest::newRow("editor edits a spec inside") << Role::Editor << sales << mailerPath << "editSpecButton" << true;
    QTest::newRow("editor exports no bundle") << Role::Editor << sales << sales << "exportBundleAction" << false;
    QTest::newRow("reviewer edits no spec") << Role::Reviewer << outbound << mailerPath << "editSpecButton" << false;
    QTest::newRow("reviewer archives nothing") << Role::Reviewer << outbound << mailerPath << "archiveAction" << false;
    QTest::newRow("auditor exports a bundle") << Role::Auditor << "/acme" << sales << "exportBundleAction" << true;
    QTest::newRow("admin renames anywhere") << Role::Admin << "/acme" << support << "renameAction" << true;
    QTest::newRow("admin makes no company here") << Role::Admin << "/acme" << sales << "newCompanyAction" << false;
}

void TestMainWindowServer::serverWorkspace_grantsDecideWhatIsEnabled()
{
    QFETCH(Role, role);
    QFETCH(QString, grantPath);
    QFETCH(QString, selected);
    QFETCH(QString, widget);
    QFETCH(bool, enabled);
    std::unique_ptr<MainWindow> window = openServerWindow(identityOf(QStringLiteral("someone"), role, grantPath));
    QVERIFY(window);
    expandAndSelect(*window, selected);
    QVERIFY(!QTest::currentTestFailed());
    auto *action = window->findChild<QAction *>(widget);
    auto *button = window->findChild<QPushButton *>(widget);
    QVERIFY2(action || button, qPrintable(widget));
    if (button) {
        window->showVersions({});
        QVERIFY(button->isVisible());
    }
    QCOMPARE(action ? action->isEnabled() : button->isEnabled(), enabled);
}

void TestMainWindowServer::serverWorkspace_burstOfChanges_verifiesAuditOnce()
{
    std::unique_ptr<MainWindow> window =
        openServerWindow(identityOf(QStringLiteral("root-admin"), Role::Admin, QStringLiteral("/acme")));
    QVERIFY(window);
    const int before = m_linked->verifyCount();
    const NodeId team = nodeAt(*m_linked, QStringLiteral("/acme/support/tier2"));
    QVERIFY(team != NoNode);
    for (const QString &name : {QStringLiteral("tier-2"), QStringLiteral("tier-two"), QStringLiteral("escalations")}) {
        QVERIFY(m_linked->rename(team, name, QStringLiteral("Naming")).ok());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_linked->verifyCount(), before + 1, 10'000);
    QTest::qWait(2500); // longer than the window waits to gather a burst
    QCOMPARE(m_linked->verifyCount(), before + 1);
    QVERIFY(child<QLabel>(*window, "auditStatusLabel")->text().startsWith(QLatin1String("Audit chain verified")));

    // Nothing is asked of a server while the link is down.
    Q_EMIT m_linked->connectionChanged(false, {});
    QVERIFY(m_linked->rename(team, QStringLiteral("tier2"), QStringLiteral("Back")).ok());
    QTest::qWait(2500);
    QCOMPARE(m_linked->verifyCount(), before + 1);
    Q_EMIT m_linked->connectionChanged(true, {});
    QTRY_COMPARE_WITH_TIMEOUT(m_linked->verifyCount(), before + 2, 10'000);
}

QTEST_MAIN(TestMainWindowServer)
#include "tst_mainwindow_server.moc"
