// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The window and a shared server, all real: a stewardd on a seeded workspace (tests/server),
// the system keychain (scripts/with-keyring.sh) and the backend client. File › Connect to
// Server… and the saved connections (File › Open Recent, the welcome page); a saved connection
// whose token the keychain lacks or the server refuses; a server's workspace once open: the
// status bar names the server, who is signed in and the state of the link (counting down to
// the next attempt while the server is away); the views keep what they show meanwhile; what
// the grants do not allow, and every change while disconnected, is disabled; a burst of
// changes by someone else costs one check of the audit chain.
#include "api/jsoncodec.h"
#include "connectionprofile.h"
#include "mainwindow.h"
#include "orgtreemodel.h"
#include "recentworkspaces.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "service/workspace.h"
#include "storage/store.h"
#include "tokenstore.h"
#include "windowdriver.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

using namespace steward;
using namespace steward::test;

namespace {

constexpr int answerMs = 20'000; // a check, a keychain request or a reconnect ends well before this
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");

QString labelText(const MainWindow &window, const char *name)
{
    const auto *label = child<QLabel>(window, name);
    return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

} // namespace

class TestMainWindowServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void connectAction_inFileMenu_withItsOwnShortcut();
    void savedConnections_inRecentMenuAndOnWelcomePage();
    void savedConnection_withoutToken_opensDialogSayingSo();
    void savedConnection_refusedToken_opensDialogWithTheServersAnswer();
    void connected_statusBarNamesServerAndWhoIsSignedIn();
    void grantsDecideWhatIsEnabled_data();
    void grantsDecideWhatIsEnabled();
    void serverAway_keepsViews_disablesChanges_countsDownToTheNextAttempt();
    void burstOfChangesByOthers_verifiesTheAuditChainOnce();

private:
    // Saves the profile with `token` in the keychain.
    void saveConnection(const QString &token);
    // A window connected to the server through the saved profile, as `principal`.
    [[nodiscard]] std::unique_ptr<MainWindow> connectAs(const QString &principal);
    [[nodiscard]] int auditChecks();

    QTemporaryDir m_dir;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    TokenStore m_tokens;
    ConnectionProfile m_profile; // unique per test, so that parallel runs and leftovers never meet
};

void TestMainWindowServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("needs a secret service: run under dbus-run-session and scripts/with-keyring.sh");
    }
    QVERIFY(m_dir.isValid());
    const QString database = m_dir.filePath(QStringLiteral("shared.steward"));
    m_seeded = seedWorkspace(database);
    QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
    QVERIFY2(m_server.start(database), qPrintable(m_server.error()));
}

void TestMainWindowServer::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

void TestMainWindowServer::init()
{
    QSettings().clear();
    m_profile = {};
    m_profile.name = QStringLiteral("tst_mainwindow_server %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_profile.serverUrl = m_server.url();
}

void TestMainWindowServer::cleanup()
{
    bool removed = false;
    m_tokens.remove(m_profile.name, this, [&removed](const Status &status) { removed = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(removed, answerMs);
    QSettings().clear();
}

void TestMainWindowServer::saveConnection(const QString &token)
{
    ConnectionProfiles::save(m_profile);
    bool written = false;
    m_tokens.write(m_profile.name, token, this, [&written](const Status &status) { written = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, answerMs);
}

std::unique_ptr<MainWindow> TestMainWindowServer::connectAs(const QString &principal)
{
    saveConnection(m_seeded.tokens.value(principal));
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (QTest::currentTestFailed() || !QTest::qWaitForWindowExposed(window.get())) {
        return nullptr;
    }
    window->connectToProfile(m_profile.name);
    if (!QTest::qWaitFor([&window] { return window->workspace() != nullptr; }, answerMs)) {
        qWarning("not connected: %s", qPrintable(labelText(*window, "welcomeErrorLabel")));
        return nullptr;
    }
    return window;
}

int TestMainWindowServer::auditChecks()
{
    return static_cast<int>(m_server.log().count(QLatin1String("path=/api/v1/audit/verify ")));
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
    const QString server = m_server.url().toString();

    MainWindow window;
    window.openMostRecent();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QCommandLinkButton *> buttons =
        window.findChildren<QCommandLinkButton *>(QStringLiteral("savedServerButton"));
    QCOMPARE(buttons.size(), 2);
    QCOMPARE(buttons.at(0)->text(), other.name); // most recently used first
    QCOMPARE(buttons.at(0)->description(), QStringLiteral("%1 as dana.kim").arg(server));
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
             (QStringList{QStringLiteral("%1 — %2").arg(other.name, server),
                          QStringLiteral("%1 — %2").arg(m_profile.name, server)}));
}

void TestMainWindowServer::savedConnection_withoutToken_opensDialogSayingSo()
{
    ConnectionProfiles::save(m_profile);
    MainWindow window;
    window.openMostRecent();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *button = child<QCommandLinkButton>(window, "savedServerButton");
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QPointer<QDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = child<QDialog>(window, "connectDialog")) && dialog->isVisible(), answerMs);
    QCOMPARE(child<QLineEdit>(*dialog, "nameLineEdit")->text(), m_profile.name);
    QCOMPARE(child<QLineEdit>(*dialog, "urlLineEdit")->text(), m_server.url().toString());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(*dialog, "messageLabel")->text(),
                              QStringLiteral("Enter the token for this server."), answerMs);
    QVERIFY(!window.workspace());
    dialog->reject();
}

void TestMainWindowServer::savedConnection_refusedToken_opensDialogWithTheServersAnswer()
{
    saveConnection(QStringLiteral("stw_revoked-long-ago"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectToProfile(m_profile.name);
    QPointer<QDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = child<QDialog>(window, "connectDialog")) && dialog->isVisible(), answerMs);
    QVERIFY2(child<QLabel>(*dialog, "messageLabel")->text().contains(QLatin1String("unknown or revoked token")),
             qPrintable(child<QLabel>(*dialog, "messageLabel")->text()));
    QVERIFY(!window.workspace());
    dialog->reject();
}

void TestMainWindowServer::connected_statusBarNamesServerAndWhoIsSignedIn()
{
    const int auditChecksBefore = auditChecks();
    std::unique_ptr<MainWindow> window = connectAs(QStringLiteral("sales-editor"));
    QVERIFY(window);
    const QString server = m_server.url().toString();
    QCOMPARE(window->workspace()->location(), server);
    QTRY_COMPARE(labelText(*window, "workspaceLabel"), QStringLiteral("Connected to %1 as sales-editor").arg(server));
    QCOMPARE(window->windowTitle(), QStringLiteral("%1 — Steward").arg(m_profile.name));
    // An editor may not read the audit log, so the window does not ask whether its chain holds.
    QVERIFY(!child<QLabel>(*window, "auditStatusLabel")->isVisible());
    QCOMPARE(auditChecks(), auditChecksBefore);
    // The tree is the server's, as sales-editor may see it.
    QTreeView *tree = orgTree(*window);
    QCOMPARE(tree->model()->rowCount(), 1);
    QCOMPARE(tree->model()->index(0, 0).data(OrgTreeModel::PathRole).toString(), QStringLiteral("/acme"));
    // A server is no file to reopen; it is a saved connection, signed in, used last.
    QVERIFY(RecentWorkspaces::list().isEmpty());
    QCOMPARE(ConnectionProfiles::list().first().principalName, QStringLiteral("sales-editor"));

    // Back to a local file: the server's words go.
    const QString local = m_dir.filePath(QStringLiteral("local.steward"));
    QVERIFY(Store::create(local).ok());
    QVERIFY(window->openWorkspace(local));
    QVERIFY(labelText(*window, "workspaceLabel").startsWith(QLatin1String("Workspace: ")));
    QVERIFY(child<QAction>(*window, "newCompanyAction")->isEnabled());
}

void TestMainWindowServer::grantsDecideWhatIsEnabled_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("selected");
    QTest::addColumn<QString>("widget"); // an action's or a button's object name
    QTest::addColumn<bool>("enabled");

    const QString sales = QStringLiteral("/acme/sales");
    const QString outbound = QStringLiteral("/acme/sales/outbound");
    const QString support = QStringLiteral("/acme/support/tier1");
    const QString editor = QStringLiteral("sales-editor"); // editor on /acme/sales
    const QString reviewer = QStringLiteral("outbound-reviewer"); // reviewer on /acme/sales/outbound
    const QString auditor = QStringLiteral("auditor"); // auditor on /acme
    const QString admin = QStringLiteral("root-admin"); // admin on /acme
    QTest::newRow("editor renames inside the grant") << editor << outbound << "renameAction" << true;
    QTest::newRow("editor not outside it") << editor << support << "renameAction" << false;
    QTest::newRow("editor adds a team inside") << editor << sales << "newTeamAction" << true;
    QTest::newRow("editor moves an agent inside") << editor << mailerPath << "moveAction" << true;
    QTest::newRow("editor edits a spec inside") << editor << mailerPath << "editSpecButton" << true;
    QTest::newRow("editor exports no bundle") << editor << sales << "exportBundleAction" << false;
    QTest::newRow("reviewer edits no spec") << reviewer << mailerPath << "editSpecButton" << false;
    QTest::newRow("reviewer archives nothing") << reviewer << mailerPath << "archiveAction" << false;
    QTest::newRow("auditor exports a bundle") << auditor << sales << "exportBundleAction" << true;
    QTest::newRow("auditor renames nothing") << auditor << sales << "renameAction" << false;
    QTest::newRow("admin renames anywhere") << admin << support << "renameAction" << true;
    QTest::newRow("admin makes no company here") << admin << sales << "newCompanyAction" << false;
}

void TestMainWindowServer::grantsDecideWhatIsEnabled()
{
    QFETCH(QString, principal);
    QFETCH(QString, selected);
    QFETCH(QString, widget);
    QFETCH(bool, enabled);
    std::unique_ptr<MainWindow> window = connectAs(principal);
    QVERIFY(window);
    expandAndSelect(*window, selected);
    QVERIFY(!QTest::currentTestFailed());
    auto *action = window->findChild<QAction *>(widget);
    auto *button = window->findChild<QPushButton *>(widget);
    QVERIFY2(action || button, qPrintable(widget));
    if (button) {
        QVERIFY(window->showVersions({}));
        QVERIFY(button->isVisible());
    }
    QCOMPARE(action ? action->isEnabled() : button->isEnabled(), enabled);
}

void TestMainWindowServer::serverAway_keepsViews_disablesChanges_countsDownToTheNextAttempt()
{
    std::unique_ptr<MainWindow> window = connectAs(QStringLiteral("sales-editor"));
    QVERIFY(window);
    const QString server = m_server.url().toString();
    const QString connected = QStringLiteral("Connected to %1 as sales-editor").arg(server);
    expandAndSelect(*window, mailerPath);
    QVERIFY(!QTest::currentTestFailed());
    auto *rename = child<QAction>(*window, "renameAction");
    auto *edit = child<QPushButton>(*window, "editSpecButton");
    QVERIFY(rename->isEnabled());
    QVERIFY(edit->isEnabled());
    const QString detailTitle = labelText(*window, "detailTitleLabel");

    QCOMPARE(m_server.stop(), 0);
    // The suite's later tests need the server, whatever happens here.
    const auto restartServer = qScopeGuard([this] {
        if (!m_server.isRunning()) {
            m_server.restart();
        }
    });
    const QString away = QStringLiteral("Disconnected from %1 — reconnecting in ").arg(server);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(*window, "workspaceLabel").startsWith(away), answerMs);
    QVERIFY(labelText(*window, "workspaceLabel").endsWith(QLatin1String(" s")));
    // Why the link went down is at hand, in the label's tool tip.
    QVERIFY(!child<QLabel>(*window, "workspaceLabel")->toolTip().isEmpty());
    QVERIFY(!rename->isEnabled());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!child<QAction>(*window, "newTeamAction")->isEnabled());
    // What was shown stays.
    QCOMPARE(orgTree(*window)->currentIndex().data(OrgTreeModel::PathRole).toString(), mailerPath);
    QCOMPARE(labelText(*window, "detailTitleLabel"), detailTitle);
    QVERIFY(orgTree(*window)->model()->rowCount() == 1);

    // The client backs off (0.5 s, 1 s, 2 s, 4 s…): the count is of whole seconds, going down.
    // A busy machine may skip a second, so the check is for any smaller count.
    const auto secondsShown = [&] {
        const QString text = labelText(*window, "workspaceLabel");
        return text.startsWith(away) ? QStringView(text).sliced(away.size()).chopped(2).toInt() : 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(secondsShown() >= 4, answerMs);
    const int countedFrom = secondsShown();
    QTRY_VERIFY_WITH_TIMEOUT(secondsShown() > 0 && secondsShown() < countedFrom, answerMs);

    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(*window, "workspaceLabel"), connected, answerMs);
    QVERIFY(rename->isEnabled());
    QVERIFY(edit->isEnabled());
    QCOMPARE(orgTree(*window)->currentIndex().data(OrgTreeModel::PathRole).toString(), mailerPath);
}

void TestMainWindowServer::burstOfChangesByOthers_verifiesTheAuditChainOnce()
{
    std::unique_ptr<MainWindow> window = connectAs(QStringLiteral("auditor"));
    QVERIFY(window);
    // The server checked its own chain; the window shows what it said.
    QVERIFY2(labelText(*window, "auditStatusLabel").startsWith(QLatin1String("Audit chain verified")),
             qPrintable(labelText(*window, "auditStatusLabel")));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(*window, "workspaceLabel").startsWith(QLatin1String("Connected")), answerMs);
    // The stream is live once the server has said so; give it a moment to settle.
    QTest::qWait(500);
    const int before = auditChecks();

    // Someone else renames a team three times, through the API.
    const HttpClient admin(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")));
    const NodeId team = m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound"));
    for (const QString &name :
         {QStringLiteral("outbound-2"), QStringLiteral("outbound-3"), QStringLiteral("outbound")}) {
        NodePatchRequest rename;
        rename.name = name;
        rename.reason = QStringLiteral("Naming");
        QCOMPARE(admin.patch(QStringLiteral("/api/v1/nodes/%1").arg(team), toJson(rename)).status, 200);
    }
    QTRY_COMPARE_WITH_TIMEOUT(auditChecks(), before + 1, answerMs);
    QTest::qWait(2500); // longer than the window waits to gather a burst
    QCOMPARE(auditChecks(), before + 1);
    QVERIFY(labelText(*window, "auditStatusLabel").startsWith(QLatin1String("Audit chain verified")));
}

QTEST_MAIN(TestMainWindowServer)
#include "tst_mainwindow_server.moc"
