// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionprofile.h"
#include "domain/orgnode.h"
#include "domain/result.h"
#include "permissions.h"
#include "servercheck.h"

#include <QDeadlineTimer>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QNetworkAccessManager;
class QMenu;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;
class QToolBar;
class QTreeView;

namespace steward {

struct Approval;
struct ApprovalCounts;
class ApprovalInbox;
class AuditorBanner;
class AuditStatus;
class AuditView;
class DemoTask;
class DetailPane;
class LiveFeedView;
class OrgTreeModel;
class TokenStore;
class VersionsTab;
class ReliabilityTab;
class RunsPage;
class WelcomePage;
class Workspace;

// The desktop app's window: two places, Agents (the org tree on the left, the selected node's
// overview and, for an agent, its versions on the right) and the Audit log; tree edits (each
// asking for a reason) from the Edit menu, the toolbar and the tree's context menu; the welcome
// page while no workspace is open. The status bar always says whether the audit chain verifies.
// An auditor's bundle opens read-only, with what checking it found in a banner on top.
// A workspace shared by a server (File › Connect to Server…) works the same, with the server and
// the state of the link to it in the status bar; what the signed-in principal's grants do not
// allow, and every change while the link is down, is disabled.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Opens a workspace file. When that fails the reason is shown (welcome page, status bar)
    // and whatever was open stays open.
    bool openWorkspace(const QString &path);
    // Opens an auditor's bundle read-only and checks it against the public key the auditor
    // was given (empty: the key the manifest names, which proves nothing about who signed).
    Status openBundle(const QString &path, const QByteArray &publicKeyHex);
    // At start-up: the most recent workspace that still exists, else the welcome page.
    void openMostRecent();
    // Opens the demo workspace at its standard place, building it first if it is not there.
    void openDemo();
    // Shows the Connect to Server dialog.
    void connectToServer();
    // Connects with a saved profile and the token the keychain holds for it; when that token is
    // missing or refused, the Connect to Server dialog comes up to say so.
    void connectToProfile(const QString &profileName);
    // Connects to a server with a token given on the command line (steward --server URL, the
    // token in STEWARD_TOKEN), without saving a profile or touching the keychain.
    void connectWithToken(const QUrl &serverUrl, const QString &token);
    // Opens the workspace the server shares, once the token has been checked (ServerCheck).
    Status openServer(const ConnectionProfile &profile, const QString &token, const ServerIdentity &identity);
    // Checks the token with the server (ServerCheck), then opens the server's workspace.
    void checkAndOpen(const ConnectionProfile &profile, const QString &token);
    // Shows a workspace a server shares, as openRemoteWorkspace() gives it, for this principal.
    void adoptServer(std::unique_ptr<Workspace> workspace, const ConnectionProfile &profile,
                     const ServerIdentity &identity);
    // Selects the node at `path`, expanding the tree down to it.
    bool selectPath(const QString &path);
    // Shows the selected agent's Versions tab with these versions selected (see VersionsTab).
    bool showVersions(const QList<int> &numbers);
    // Shows the Audit place.
    void showAudit();
    // Shows the Reliability tab of the selected node.
    void showReliability();
    // Shows the selected agent's Runs tab; false when no agent is selected.
    bool showRuns();
    [[nodiscard]] RunsPage *runsPage() const { return m_runs; }
    // Shows the Live feed place.
    void showLiveFeed();
    // Opens the change behind an event: the agent selected, its Versions tab at version `number`.
    bool openVersion(const QString &agentPath, int number);
    [[nodiscard]] LiveFeedView *liveFeed() const { return m_feed; }
    // Shows the Approval inbox with the focus on its list.
    void showInbox();
    [[nodiscard]] ApprovalInbox *inbox() const { return m_inbox; }

    [[nodiscard]] Workspace *workspace() const { return m_workspace.get(); }
    [[nodiscard]] bool isBuildingDemo() const { return !m_demoTask.isNull(); }
    [[nodiscard]] static QString demoPath();

Q_SIGNALS:
    // Building the demo workspace ended (opened, failed or cancelled).
    void demoFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private Q_SLOTS:
    // From a server's workspace: the live link to the server went down or came back, and when
    // the next attempt to bring it back is.
    void onConnectionChanged(bool connected, const QString &why);
    void onReconnectScheduled(int delayMs);

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void restoreSettings();
    void saveSettings() const;

    // `server` is set for a workspace a server shares.
    void adopt(std::unique_ptr<Workspace> workspace, std::optional<ConnectionProfile> server = std::nullopt,
               const Permissions &permissions = {});
    void watchConnection();
    void checkAudit();
    void showServerState();
    void showConnectDialog(const QString &profileName, const QString &message);
    void updateWelcomeProfiles();
    void showWorkspacePage(bool shown);
    void updateAuditBadge();
    void chooseBundle();
    void showOpenAiSettings();
    // Lets a local workspace run openai agents with the saved settings and key (stewardd has its
    // own); without saved settings the keychain is not asked and such runs are refused.
    void offerOpenAiRunner();
    void exportBundle();
    void showOpenError(const QString &path, const QString &message);
    void chooseWorkspace();
    void newWorkspace();
    void chooseDemoLocation();
    void buildDemo(const QString &path);
    void fillRecentMenu();
    void showAbout();

    void newCompany();
    void newGroup(NodeKind kind);
    void renameSelected();
    void moveSelected();
    void archiveSelected();
    void askToMove(NodeId nodeId, NodeId proposedTarget);
    // Selects the changed node and says what was done; returns the outcome as a Status.
    Status finishEdit(const Result<OrgNode> &result, const QString &doneMessage);

    [[nodiscard]] OrgNode selectedNode() const;
    // May the user do this on the node at `path`: not in a bundle, not while the link to the
    // server is down, and only what the grants allow.
    [[nodiscard]] bool mayChange(Action action, const QString &path) const;
    [[nodiscard]] bool mayReadAudit() const;
    // The path of the company at the root of the tree; empty while there is none.
    [[nodiscard]] QString companyPath() const;
    void onCurrentChanged();
    void updateActions();
    void showTreeContextMenu(const QPoint &position);
    // The inbox's counts on its tab; a new item for me in the tray, or the status bar without one.
    void showInboxCounts(const ApprovalCounts &counts);
    void notifyAssigned(const Approval &approval);

    std::unique_ptr<Workspace> m_workspace;
    OrgTreeModel *m_model = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QWidget *m_workspacePage = nullptr;
    AuditorBanner *m_banner = nullptr;
    QTabWidget *m_places = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    DetailPane *m_detail = nullptr;
    VersionsTab *m_versions = nullptr;
    ReliabilityTab *m_reliability = nullptr;
    RunsPage *m_runs = nullptr;
    AuditView *m_audit = nullptr;
    LiveFeedView *m_feed = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    AuditStatus *m_auditStatus = nullptr;
    QLabel *m_auditIcon = nullptr;
    QLabel *m_auditLabel = nullptr;
    QPointer<DemoTask> m_demoTask;
    TokenStore *m_tokens = nullptr;
    std::optional<ConnectionProfile> m_server; // set while a server's workspace is open
    Permissions m_permissions;
    bool m_connected = true; // the live link to the server; a local file is always there
    QString m_linkProblem; // why the link is down
    QDeadlineTimer m_reconnectAt{QDeadlineTimer::Forever}; // the next attempt; Forever: not known
    QTimer *m_countdown = nullptr; // counts down to it in the status bar
    QTimer *m_serverAuditTimer = nullptr;
    ApprovalInbox *m_inbox = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // only where the desktop has a tray

    QAction *m_newWorkspaceAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_openBundleAction = nullptr;
    QAction *m_exportBundleAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_newCompanyAction = nullptr;
    QAction *m_newDepartmentAction = nullptr;
    QAction *m_newTeamAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_showAgentsAction = nullptr;
    QAction *m_showAuditAction = nullptr;
    QAction *m_showOverviewAction = nullptr;
    QAction *m_showVersionsAction = nullptr;
    QAction *m_showRunsAction = nullptr;
    QAction *m_showFeedAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_showInboxAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_editToolBar = nullptr;
    // The openai runner's key, kept apart from the connections' tokens (OpenAiSettings).
    TokenStore *m_openAiKeychain = nullptr;
    QNetworkAccessManager *m_openAiNetwork = nullptr; // shared by the openai runs of this window
    QAction *m_openAiSettingsAction = nullptr;
};

} // namespace steward
