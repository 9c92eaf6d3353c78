// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "approvalinbox.h"
#include "auditorbanner.h"
#include "auditstatus.h"
#include "auditview.h"
#include "bundleopendialog.h"
#include "connectdialog.h"
#include "demotask.h"
#include "detailpane.h"
#include "exportbundledialog.h"
#include "livefeedview.h"
#include "movedialog.h"
#include "openaisettings.h"
#include "openaisettingsdialog.h"
#include "orgtreedelegate.h"
#include "orgtreemodel.h"
#include "reasondialog.h"
#include "recentworkspaces.h"
#include "reliabilitytab.h"
#include "remoteworkspacefactory.h"
#include "runspage.h"
#include "service/localworkspace.h"
#include "tokenstore.h"
#include "versionstab.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace steward {
namespace {

constexpr int statusMessageMs = 8000;
// A burst of changes on a server costs one check of its audit chain, not one per change.
constexpr int serverAuditDelayMs = 2000;

QString workspaceFilter()
{
    return MainWindow::tr("Steward workspaces (*.steward);;All files (*)");
}

Status statusOf(const Result<OrgNode> &result)
{
    return result ? Status(Done{}) : Status(result.error());
}

// The public key a bundle's manifest names; empty if the manifest cannot be read.
QByteArray manifestKeyOf(const QString &bundlePath)
{
    QFile file(AuditBundle::manifestPathFor(bundlePath));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const Result<BundleManifest> manifest = BundleManifest::fromJson(file.readAll());
    return manifest ? manifest->publicKey : QByteArray();
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Steward"));

    m_model = new OrgTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("orgTreeView"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new OrgTreeDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(static_cast<int>(OrgTreeModel::Column::Name), QHeaderView::Stretch);
    m_tree->setColumnWidth(static_cast<int>(OrgTreeModel::Column::Owner), 110);
    m_tree->setColumnWidth(static_cast<int>(OrgTreeModel::Column::Kind), 90);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentChanged);
    connect(m_model, &OrgTreeModel::moveRequested, this, &MainWindow::askToMove);

    m_detail = new DetailPane(this);
    m_detail->setObjectName(QStringLiteral("detailPane"));
    connect(m_detail, &DetailPane::pathActivated, this, &MainWindow::selectPath);

    m_versions = new VersionsTab(this);
    m_versions->setObjectName(QStringLiteral("versionsTab"));
    m_detailTabs = new QTabWidget(this);
    m_detailTabs->setObjectName(QStringLiteral("detailTabWidget"));
    m_detailTabs->addTab(m_detail, tr("Overview"));
    m_detailTabs->addTab(m_versions, tr("Versions"));
    m_reliability = new ReliabilityTab(this);
    m_reliability->setObjectName(QStringLiteral("reliabilityTab"));
    m_detailTabs->addTab(m_reliability, tr("Reliability"));
    m_runs = new RunsPage(this);
    m_runs->setObjectName(QStringLiteral("runsPage"));
    m_detailTabs->addTab(m_runs, tr("Runs"));
    connect(m_runs, &RunsPage::openVersionRequested, this, &MainWindow::openVersion);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_detailTabs);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({540, 860}); // room for an agent's name with two badges

    m_audit = new AuditView(this);
    m_audit->setObjectName(QStringLiteral("auditView"));
    m_places = new QTabWidget(this);
    m_places->setObjectName(QStringLiteral("placesTabWidget"));
    m_places->setDocumentMode(true);
    m_places->addTab(m_splitter, tr("Agents"));
    m_places->addTab(m_audit, tr("Audit Log"));
    m_feed = new LiveFeedView(this);
    m_feed->setObjectName(QStringLiteral("liveFeedView"));
    connect(m_feed, &LiveFeedView::openVersionRequested, this, &MainWindow::openVersion);
    m_places->addTab(m_feed, tr("Live Feed"));
    m_inbox = new ApprovalInbox(this);
    m_inbox->setObjectName(QStringLiteral("approvalInbox"));
    m_places->addTab(m_inbox, tr("Approval Inbox"));
    connect(m_inbox, &ApprovalInbox::countsChanged, this, &MainWindow::showInboxCounts);
    connect(m_inbox, &ApprovalInbox::assignedToMe, this, &MainWindow::notifyAssigned);
    connect(m_inbox, &ApprovalInbox::openRequested, this, [this](const QString &path) {
        m_places->setCurrentWidget(m_splitter);
        if (selectPath(path)) {
            m_tree->setFocus();
        }
    });

    m_banner = new AuditorBanner(this);
    m_banner->setObjectName(QStringLiteral("auditorBanner"));
    m_banner->hide();
    m_workspacePage = new QWidget(this);
    m_workspacePage->setObjectName(QStringLiteral("workspacePage"));
    auto *workspaceLayout = new QVBoxLayout(m_workspacePage);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->addWidget(m_banner);
    workspaceLayout->addWidget(m_places, 1);

    m_welcome = new WelcomePage(this);
    m_welcome->setObjectName(QStringLiteral("welcomePage"));
    connect(m_welcome, &WelcomePage::openDemoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::openWorkspaceRequested, this, &MainWindow::chooseWorkspace);
    connect(m_welcome, &WelcomePage::newWorkspaceRequested, this, &MainWindow::newWorkspace);
    connect(m_welcome, &WelcomePage::connectToServerRequested, this, &MainWindow::connectToServer);
    connect(m_welcome, &WelcomePage::connectToProfileRequested, this, &MainWindow::connectToProfile);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_workspacePage);
    setCentralWidget(m_pages);

    m_workspaceLabel = new QLabel(tr("No workspace open"), this);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_auditIcon = new QLabel(this);
    m_auditIcon->setObjectName(QStringLiteral("auditStatusIconLabel"));
    m_auditLabel = new QLabel(this);
    m_auditLabel->setObjectName(QStringLiteral("auditStatusLabel"));
    m_auditStatus = new AuditStatus(this);
    connect(m_auditStatus, &AuditStatus::stateChanged, this, &MainWindow::updateAuditBadge);
    m_serverAuditTimer = new QTimer(this);
    m_serverAuditTimer->setSingleShot(true);
    m_serverAuditTimer->setInterval(serverAuditDelayMs);
    connect(m_serverAuditTimer, &QTimer::timeout, this, [this] {
        if (m_workspace && m_connected && mayReadAudit()) {
            m_auditStatus->report(m_workspace->verifyAudit());
        }
    });
    m_tokens = new TokenStore(this);
    m_openAiKeychain = new TokenStore(OpenAiSettings::keychainService(), this);
    m_openAiNetwork = new QNetworkAccessManager(this);
    m_countdown = new QTimer(this);
    m_countdown->setSingleShot(true);
    m_countdown->setTimerType(Qt::PreciseTimer);
    connect(m_countdown, &QTimer::timeout, this, &MainWindow::showServerState);
    statusBar()->setObjectName(QStringLiteral("mainStatusBar"));
    statusBar()->addPermanentWidget(m_auditIcon);
    statusBar()->addPermanentWidget(m_auditLabel);
    statusBar()->addPermanentWidget(m_workspaceLabel);

    createActions();
    createMenus();
    createToolBar();
    restoreSettings();
    updateWelcomeProfiles();
    showWorkspacePage(false);
    updateActions();
}

MainWindow::~MainWindow()
{
    // Nothing the workspace says as it goes may reach a window that is half gone.
    if (m_workspace) {
        m_workspace->disconnect(this);
    }
    // The views hold on to the workspace; let go of it before it goes.
    m_model->setWorkspace(nullptr);
    m_detail->setWorkspace(nullptr);
    m_versions->setWorkspace(nullptr);
    m_reliability->setWorkspace(nullptr);
    m_runs->setWorkspace(nullptr);
    m_audit->setWorkspace(nullptr);
    m_feed->setWorkspace(nullptr);
    m_inbox->setWorkspace(nullptr);
}

QString MainWindow::demoPath()
{
    // The same place scripts/run.sh and the README use, so there is one demo workspace.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/steward/demo.steward");
}

void MainWindow::createActions()
{
    const auto makeAction = [this](const QString &objectName, const QString &text, QStyle::StandardPixmap icon) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        action->setObjectName(objectName);
        return action;
    };

    m_newWorkspaceAction =
        makeAction(QStringLiteral("newWorkspaceAction"), tr("&New Local Workspace…"), QStyle::SP_FileIcon);
    m_newWorkspaceAction->setShortcut(QKeySequence::New);
    connect(m_newWorkspaceAction, &QAction::triggered, this, &MainWindow::newWorkspace);

    m_openAction =
        makeAction(QStringLiteral("openWorkspaceAction"), tr("&Open Workspace…"), QStyle::SP_DialogOpenButton);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspace);

    m_connectAction =
        makeAction(QStringLiteral("connectToServerAction"), tr("Connect to &Server…"), QStyle::SP_DriveNetIcon);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectToServer);

    m_demoAction = makeAction(QStringLiteral("createDemoAction"), tr("Create &Demo Workspace…"), QStyle::SP_MediaPlay);
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::chooseDemoLocation);

    m_openBundleAction =
        makeAction(QStringLiteral("openBundleAction"), tr("Open Audit &Bundle…"), QStyle::SP_DialogOpenButton);
    connect(m_openBundleAction, &QAction::triggered, this, &MainWindow::chooseBundle);

    m_exportBundleAction =
        makeAction(QStringLiteral("exportBundleAction"), tr("&Export Audit Bundle…"), QStyle::SP_DialogSaveButton);
    connect(m_exportBundleAction, &QAction::triggered, this, &MainWindow::exportBundle);

    m_quitAction = makeAction(QStringLiteral("quitAction"), tr("&Quit"), QStyle::SP_DialogCloseButton);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_newCompanyAction = makeAction(QStringLiteral("newCompanyAction"), tr("New &Company…"), QStyle::SP_DriveNetIcon);
    connect(m_newCompanyAction, &QAction::triggered, this, &MainWindow::newCompany);

    m_newDepartmentAction =
        makeAction(QStringLiteral("newDepartmentAction"), tr("New &Department…"), QStyle::SP_FileDialogNewFolder);
    connect(m_newDepartmentAction, &QAction::triggered, this, [this] { newGroup(NodeKind::Department); });

    m_newTeamAction = makeAction(QStringLiteral("newTeamAction"), tr("New &Team…"), QStyle::SP_FileDialogNewFolder);
    m_newTeamAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newTeamAction, &QAction::triggered, this, [this] { newGroup(NodeKind::Team); });

    m_renameAction = makeAction(QStringLiteral("renameAction"), tr("&Rename…"), QStyle::SP_FileDialogDetailedView);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::renameSelected);

    m_moveAction = makeAction(QStringLiteral("moveAction"), tr("&Move…"), QStyle::SP_ArrowRight);
    m_moveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_moveAction, &QAction::triggered, this, &MainWindow::moveSelected);

    m_archiveAction = makeAction(QStringLiteral("archiveAction"), tr("&Archive…"), QStyle::SP_TrashIcon);
    m_archiveAction->setShortcut(QKeySequence::Delete);
    connect(m_archiveAction, &QAction::triggered, this, &MainWindow::archiveSelected);

    m_showAgentsAction = makeAction(QStringLiteral("showAgentsAction"), tr("&Agents"), QStyle::SP_DirIcon);
    m_showAgentsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_showAgentsAction, &QAction::triggered, this, [this] { m_places->setCurrentWidget(m_splitter); });

    m_showAuditAction =
        makeAction(QStringLiteral("showAuditAction"), tr("A&udit Log"), QStyle::SP_FileDialogContentsView);
    m_showAuditAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_showAuditAction, &QAction::triggered, this, &MainWindow::showAudit);

    m_showOverviewAction =
        makeAction(QStringLiteral("showOverviewAction"), tr("Agent &Overview"), QStyle::SP_FileDialogInfoView);
    m_showOverviewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_showOverviewAction, &QAction::triggered, this, [this] {
        m_places->setCurrentWidget(m_splitter);
        m_detailTabs->setCurrentWidget(m_detail);
    });

    m_showVersionsAction =
        makeAction(QStringLiteral("showVersionsAction"), tr("Agent &Versions"), QStyle::SP_FileDialogDetailedView);
    m_showVersionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(m_showVersionsAction, &QAction::triggered, this, [this] { showVersions({}); });
    m_showRunsAction = makeAction(QStringLiteral("showRunsAction"), tr("Agent &Runs"), QStyle::SP_MediaSeekForward);
    m_showRunsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_showRunsAction, &QAction::triggered, this, &MainWindow::showRuns);

    m_showFeedAction = makeAction(QStringLiteral("showFeedAction"), tr("&Live Feed"), QStyle::SP_MediaPlay);
    m_showFeedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_showFeedAction, &QAction::triggered, this, &MainWindow::showLiveFeed);
    m_showInboxAction =
        makeAction(QStringLiteral("showInboxAction"), tr("Approval &Inbox"), QStyle::SP_DialogApplyButton);
    m_showInboxAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(m_showInboxAction, &QAction::triggered, this, &MainWindow::showInbox);

    m_aboutAction = makeAction(QStringLiteral("aboutAction"), tr("&About Steward"), QStyle::SP_MessageBoxInformation);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_openAiSettingsAction =
        makeAction(QStringLiteral("openAiSettingsAction"), tr("&OpenAI Settings…"), QStyle::SP_FileDialogDetailedView);
    connect(m_openAiSettingsAction, &QAction::triggered, this, &MainWindow::showOpenAiSettings);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newWorkspaceAction);
    file->addAction(m_openAction);
    file->addAction(m_connectAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(m_openBundleAction);
    file->addAction(m_exportBundleAction);
    file->addSeparator();
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_newCompanyAction);
    edit->addAction(m_newDepartmentAction);
    edit->addAction(m_newTeamAction);
    edit->addSeparator();
    edit->addAction(m_renameAction);
    edit->addAction(m_moveAction);
    edit->addAction(m_archiveAction);
    edit->addSeparator();
    edit->addAction(m_openAiSettingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_showAgentsAction);
    view->addAction(m_showAuditAction);
    view->addAction(m_showFeedAction);
    view->addAction(m_showInboxAction);
    view->addSeparator();
    view->addAction(m_showOverviewAction);
    view->addAction(m_showVersionsAction);
    view->addAction(m_showRunsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_editToolBar = addToolBar(tr("Edit"));
    m_editToolBar->setObjectName(QStringLiteral("editToolBar"));
    m_editToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_editToolBar->addAction(m_newDepartmentAction);
    m_editToolBar->addAction(m_newTeamAction);
    m_editToolBar->addSeparator();
    m_editToolBar->addAction(m_renameAction);
    m_editToolBar->addAction(m_moveAction);
    m_editToolBar->addAction(m_archiveAction);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1400, 860);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_tree->header()->restoreState(settings.value(QStringLiteral("tree/header")).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tree/header"), m_tree->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

bool MainWindow::openWorkspace(const QString &path)
{
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store) {
        showOpenError(path, store.error().message);
        return false;
    }
    adopt(std::make_unique<LocalWorkspace>(std::move(store).value(), LocalWorkspace::defaultActor()));
    return true;
}

Status MainWindow::openBundle(const QString &path, const QByteArray &publicKeyHex)
{
    Result<std::unique_ptr<LocalWorkspace>> bundle = LocalWorkspace::openBundle(path, LocalWorkspace::defaultActor());
    if (!bundle) {
        return bundle.error();
    }
    // Without the auditor's key, the manifest's own key at least shows the manifest is whole.
    const bool keyGiven = !publicKeyHex.trimmed().isEmpty();
    const QByteArray key = keyGiven ? publicKeyHex : manifestKeyOf(path);
    const Result<BundleVerification> verification = AuditBundle::verify(path, key);
    adopt(std::move(bundle).value());
    if (verification) {
        m_banner->showVerification(verification.value(), keyGiven);
    } else {
        m_banner->showError(verification.error().message);
    }
    m_banner->show();
    return Done{};
}

void MainWindow::adopt(std::unique_ptr<Workspace> workspace, std::optional<ConnectionProfile> server,
                       const Permissions &permissions)
{
    // What the workspace going away says (a server's link closing) is not about the new one.
    if (m_workspace) {
        m_workspace->disconnect(this);
    }
    m_server = std::move(server);
    m_permissions = permissions;
    m_connected = true;
    m_linkProblem.clear();
    m_reconnectAt = QDeadlineTimer(QDeadlineTimer::Forever);
    m_countdown->stop();
    m_serverAuditTimer->stop();
    m_model->setWorkspace(workspace.get());
    m_detail->setWorkspace(workspace.get());
    m_versions->setWorkspace(workspace.get());
    m_reliability->setWorkspace(workspace.get());
    m_runs->setWorkspace(workspace.get());
    m_audit->setWorkspace(workspace.get());
    m_feed->setWorkspace(workspace.get());
    m_inbox->setWorkspace(workspace.get());
    m_workspace = std::move(workspace);
    connect(m_workspace.get(), &Workspace::auditAppended, this, &MainWindow::checkAudit);

    const QString location = m_workspace->location();
    const bool readOnly = m_workspace->isReadOnly();
    if (m_server) {
        setWindowTitle(tr("%1 — Steward").arg(m_server->name));
        watchConnection();
        showServerState();
    } else {
        // A bundle is opened only read-only: never through the recent list, which opens to write.
        if (!readOnly) {
            RecentWorkspaces::add(location);
        }
        setWindowTitle(readOnly ? tr("%1 (read-only audit bundle) — Steward").arg(QFileInfo(location).fileName())
                                : tr("%1 — Steward").arg(QFileInfo(location).fileName()));
        m_workspaceLabel->setText(readOnly ? tr("Audit bundle: %1").arg(location) : tr("Workspace: %1").arg(location));
    }
    m_tree->setDragDropMode(readOnly ? QAbstractItemView::NoDragDrop : QAbstractItemView::InternalMove);
    m_banner->hide();
    m_welcome->setError({});
    showWorkspacePage(true);
    if (!m_server) {
        checkAudit();
    } else if (mayReadAudit()) {
        m_auditStatus->report(m_workspace->verifyAudit());
    } else {
        // Whether the chain holds is for those who may read the audit log to know.
        m_auditStatus->clear();
    }

    if (!m_model->lastError().isEmpty()) {
        statusBar()->showMessage(m_model->lastError());
    } else if (m_model->rowCount() == 0) {
        statusBar()->showMessage(m_server
                                     ? tr("This server's workspace has no company yet; its administrator starts "
                                          "one with stewardctl.")
                                     : tr("This workspace has no company yet: use Edit › New Company… to start one."));
    } else {
        statusBar()->showMessage(tr("Opened %1.").arg(location), statusMessageMs);
        const QModelIndex company = m_model->index(0, 0);
        m_tree->expand(company);
        m_tree->setCurrentIndex(company);
    }
    m_tree->setFocus();
    updateActions();
    offerOpenAiRunner();
}

void MainWindow::watchConnection()
{
    // The link is the backend client's (RemoteWorkspace); its signals are looked up by their
    // signatures so that the window depends on Workspace alone. A workspace without them is
    // always connected.
    const QMetaObject *workspaceMeta = m_workspace->metaObject();
    const auto forward = [this, workspaceMeta](const char *signal, const char *slot) {
        const int signalIndex = workspaceMeta->indexOfSignal(signal);
        if (signalIndex >= 0) {
            connect(m_workspace.get(), workspaceMeta->method(signalIndex), this,
                    metaObject()->method(metaObject()->indexOfSlot(slot)));
        }
    };
    forward("connectionChanged(bool,QString)", "onConnectionChanged(bool,QString)");
    forward("reconnectScheduled(int)", "onReconnectScheduled(int)");
}

void MainWindow::onConnectionChanged(bool connected, const QString &why)
{
    if (!m_server) {
        return;
    }
    m_linkProblem = why;
    if (connected) {
        m_reconnectAt = QDeadlineTimer(QDeadlineTimer::Forever);
        m_countdown->stop();
    }
    if (connected == m_connected) {
        showServerState();
        return;
    }
    m_connected = connected;
    showServerState();
    if (connected) {
        // Changes made while the link was down arrive through it; the chain may have grown.
        checkAudit();
    }
    updateActions();
}

void MainWindow::onReconnectScheduled(int delayMs)
{
    if (!m_server || m_connected) {
        return;
    }
    m_reconnectAt = QDeadlineTimer(delayMs);
    showServerState();
}

void MainWindow::showServerState()
{
    if (!m_server) {
        return;
    }
    const QString server = m_server->serverUrl.toDisplayString();
    if (m_connected) {
        m_workspaceLabel->setText(tr("Connected to %1 as %2").arg(server, m_server->principalName));
        m_workspaceLabel->setToolTip({});
        return;
    }
    // The views keep what they showed; the client tries again by itself and says when.
    const qint64 remainingMs = m_reconnectAt.remainingTime();
    const qint64 seconds = (remainingMs + 999) / 1000;
    if (m_reconnectAt.isForever()) {
        m_workspaceLabel->setText(tr("Disconnected from %1 — reconnecting…").arg(server));
    } else if (seconds > 0) {
        m_workspaceLabel->setText(tr("Disconnected from %1 — reconnecting in %2 s").arg(server).arg(seconds));
        // The next tick falls just after the count of whole seconds changes.
        m_countdown->start(int((remainingMs - 1) % 1000) + 1);
    } else {
        m_workspaceLabel->setText(tr("Disconnected from %1 — reconnecting now…").arg(server));
        m_countdown->stop();
    }
    const QString shown = tr("What is shown is what the server sent before the link went down; changes can be "
                             "made again once it is back.");
    m_workspaceLabel->setToolTip(m_linkProblem.isEmpty() ? shown : m_linkProblem + QLatin1Char('\n') + shown);
}

void MainWindow::checkAudit()
{
    if (!m_server) {
        m_auditStatus->check(m_workspace->location());
        return;
    }
    // The server recomputes its own chain (GET /api/v1/audit/verify), once for a burst.
    if (!m_serverAuditTimer->isActive()) {
        m_serverAuditTimer->start();
    }
}

void MainWindow::showWorkspacePage(bool shown)
{
    m_pages->setCurrentWidget(shown ? m_workspacePage : m_welcome);
    // The tree edits mean nothing on the welcome page, nor in an auditor's bundle.
    m_editToolBar->setVisible(shown && m_workspace && !m_workspace->isReadOnly());
}

void MainWindow::updateAuditBadge()
{
    QStyle::StandardPixmap icon = QStyle::SP_BrowserReload;
    switch (m_auditStatus->state()) {
    case AuditStatus::State::None:
    case AuditStatus::State::Checking: break;
    case AuditStatus::State::Verified: icon = QStyle::SP_DialogApplyButton; break;
    case AuditStatus::State::Broken:
    case AuditStatus::State::Failed: icon = QStyle::SP_MessageBoxCritical; break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const bool shown = m_auditStatus->state() != AuditStatus::State::None;
    m_auditIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_auditIcon->setVisible(shown);
    m_auditLabel->setText(m_auditStatus->text());
    m_auditLabel->setToolTip(m_auditStatus->details());
    m_auditLabel->setVisible(shown);
}

void MainWindow::chooseBundle()
{
    auto *dialog = new BundleOpenDialog(
        [this](const QString &path, const QByteArray &key) { return openBundle(path, key); }, this);
    dialog->setObjectName(QStringLiteral("bundleOpenDialog"));
    dialog->open();
}

void MainWindow::exportBundle()
{
    if (!m_workspace) {
        return;
    }
    const OrgNode node = selectedNode();
    auto *dialog = new ExportBundleDialog(*m_workspace, node.isValid() ? node.path : QString(), this);
    dialog->setObjectName(QStringLiteral("exportBundleDialog"));
    dialog->open();
}

void MainWindow::showOpenError(const QString &path, const QString &message)
{
    const QString text = tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), message);
    m_welcome->setError(text);
    statusBar()->showMessage(text);
}

void MainWindow::openMostRecent()
{
    const QStringList recent = RecentWorkspaces::list();
    if (recent.isEmpty() || !openWorkspace(recent.first())) {
        showWorkspacePage(false);
    }
}

void MainWindow::openDemo()
{
    const QString path = demoPath();
    if (QFileInfo::exists(path)) {
        openWorkspace(path);
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    buildDemo(path);
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QDir::homePath(), workspaceFilter());
    if (!path.isEmpty()) {
        openWorkspace(path);
    }
}

void MainWindow::newWorkspace()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New Local Workspace"), QDir::home().filePath(tr("company.steward")),
                                     workspaceFilter(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) {
        return;
    }
    Result<std::unique_ptr<Store>> store = Store::create(path);
    if (!store) {
        showOpenError(path, store.error().message);
        return;
    }
    adopt(std::make_unique<LocalWorkspace>(std::move(store).value(), LocalWorkspace::defaultActor()));
    newCompany();
}

void MainWindow::chooseDemoLocation()
{
    // The builder refuses to overwrite a file, so the dialog need not ask about it.
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Create Demo Workspace"), QDir::home().filePath(tr("demo.steward")),
                                     workspaceFilter(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        buildDemo(path);
    }
}

void MainWindow::buildDemo(const QString &path)
{
    if (m_demoTask) {
        statusBar()->showMessage(tr("The demo workspace is still being built."), statusMessageMs);
        return;
    }
    m_demoTask = new DemoTask(path, this);
    connect(m_demoTask, &DemoTask::finished, this, [this](const QString &error) {
        const QString built = m_demoTask->path();
        m_demoTask->deleteLater();
        if (error.isEmpty()) {
            openWorkspace(built);
        } else {
            m_welcome->setError(error);
            statusBar()->showMessage(error);
        }
        Q_EMIT demoFinished();
    });
    statusBar()->showMessage(tr("Building the demo workspace at %1…").arg(QDir::toNativeSeparators(path)));
    m_demoTask->start();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentWorkspaces::list();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    const QList<ConnectionProfile> profiles = ConnectionProfiles::list();
    if (!recent.isEmpty() && !profiles.isEmpty()) {
        m_recentMenu->addSeparator();
    }
    for (const ConnectionProfile &profile : profiles) {
        QAction *action = m_recentMenu->addAction(style()->standardIcon(QStyle::SP_DriveNetIcon),
                                                  tr("%1 — %2").arg(profile.name, profile.serverUrl.toDisplayString()));
        const QString name = profile.name;
        connect(action, &QAction::triggered, this, [this, name] { connectToProfile(name); });
    }
    if (recent.isEmpty() && profiles.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
    }
}

void MainWindow::updateWelcomeProfiles()
{
    m_welcome->setProfiles(ConnectionProfiles::list());
}

void MainWindow::connectToServer()
{
    showConnectDialog({}, {});
}

void MainWindow::showConnectDialog(const QString &profileName, const QString &message)
{
    auto *dialog = new ConnectDialog(
        *m_tokens,
        [this](const ConnectionProfile &profile, const QString &token, const ServerIdentity &identity) {
            return openServer(profile, token, identity);
        },
        this);
    dialog->setObjectName(QStringLiteral("connectDialog"));
    // Whatever happened, the saved profiles may have changed (saved, forgotten).
    connect(dialog, &QDialog::finished, this, &MainWindow::updateWelcomeProfiles);
    if (!profileName.isEmpty()) {
        dialog->selectProfile(profileName, message);
    }
    dialog->open();
}

void MainWindow::connectToProfile(const QString &profileName)
{
    const std::optional<ConnectionProfile> profile = ConnectionProfiles::find(profileName);
    if (!profile) {
        showConnectDialog({}, {});
        return;
    }
    statusBar()->showMessage(tr("Connecting to %1…").arg(profile->serverUrl.toDisplayString()));
    m_tokens->read(profileName, this, [this, profile = profile.value()](const Result<QString> &token) {
        if (!token) {
            statusBar()->clearMessage();
            showConnectDialog(profile.name, token.error().message);
            return;
        }
        checkAndOpen(profile, token.value());
    });
}

void MainWindow::connectWithToken(const QUrl &serverUrl, const QString &token)
{
    ConnectionProfile profile;
    profile.name = serverUrl.toDisplayString();
    profile.serverUrl = serverUrl;
    statusBar()->showMessage(tr("Connecting to %1…").arg(serverUrl.toDisplayString()));
    checkAndOpen(profile, token);
}

void MainWindow::checkAndOpen(const ConnectionProfile &profile, const QString &token)
{
    auto *check = new ServerCheck(this);
    connect(check, &ServerCheck::finished, this, [this, check, profile, token](const Result<ServerIdentity> &identity) {
        check->deleteLater();
        statusBar()->clearMessage();
        if (!identity) {
            // A refused token is the user's to replace; anything else is the server's.
            if (identity.error().code == Error::Code::Forbidden) {
                showConnectDialog(profile.name, identity.error().message);
            } else {
                showOpenError(profile.serverUrl.toDisplayString(), identity.error().message);
            }
            return;
        }
        if (const Status opened = openServer(profile, token, identity.value()); !opened) {
            showOpenError(profile.serverUrl.toDisplayString(), opened.error().message);
        }
    });
    check->start(profile, token);
}

Status MainWindow::openServer(const ConnectionProfile &profile, const QString &token, const ServerIdentity &identity)
{
    Result<std::unique_ptr<Workspace>> workspace = openRemoteWorkspace(profile, token);
    if (!workspace) {
        return workspace.error();
    }
    adoptServer(std::move(workspace).value(), profile, identity);
    return Done{};
}

void MainWindow::adoptServer(std::unique_ptr<Workspace> workspace, const ConnectionProfile &profile,
                             const ServerIdentity &identity)
{
    ConnectionProfile signedIn = profile;
    signedIn.principalName = identity.principal.name;
    // Most recently used first, in the File menu and on the welcome page.
    ConnectionProfiles::save(signedIn);
    updateWelcomeProfiles();
    adopt(std::move(workspace), signedIn, Permissions(identity.grants));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Steward"),
                       tr("<h3>Steward %1</h3><p>The control room for your company's background AI agents: "
                          "where each agent sits, who owns it, what changed and why.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion()));
}

OrgNode MainWindow::selectedNode() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!m_workspace || !current.isValid()) {
        return {};
    }
    const Result<OrgNode> node = m_workspace->node(current.data(OrgTreeModel::NodeIdRole).toLongLong());
    return node ? node.value() : OrgNode{};
}

void MainWindow::onCurrentChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    const NodeId id = current.data(OrgTreeModel::NodeIdRole).toLongLong();
    const bool isAgent =
        current.isValid() && current.data(OrgTreeModel::NodeKindRole).value<NodeKind>() == NodeKind::Agent;
    m_detail->showNode(id);
    m_versions->showAgent(isAgent ? id : NoNode);
    m_reliability->showNode(current.isValid() ? id : NoNode);
    m_runs->showAgent(isAgent ? id : NoNode);
    if (!isAgent) {
        m_detailTabs->setCurrentWidget(m_detail);
    }
    m_detailTabs->setTabEnabled(m_detailTabs->indexOf(m_versions), isAgent);
    m_detailTabs->setTabEnabled(m_detailTabs->indexOf(m_runs), isAgent);
    m_feed->setSelectedPath(current.isValid() ? current.data(OrgTreeModel::PathRole).toString() : QString());
    updateActions();
}

QString MainWindow::companyPath() const
{
    return m_model->rowCount() > 0 ? m_model->index(0, 0).data(OrgTreeModel::PathRole).toString() : QString();
}

bool MainWindow::mayReadAudit() const
{
    // Store-wide requests are asked on the company (see Authorizer).
    return m_permissions.allows(Action::ReadAudit, companyPath());
}

bool MainWindow::mayChange(Action action, const QString &path) const
{
    return m_workspace && !m_workspace->isReadOnly() && m_connected && m_permissions.allows(action, path);
}

void MainWindow::updateActions()
{
    const QModelIndex current = m_tree->currentIndex();
    const QString path = current.data(OrgTreeModel::PathRole).toString();
    const bool hasNode = current.isValid() && mayChange(Action::EditTree, path);
    const auto kind = current.data(OrgTreeModel::NodeKindRole).value<NodeKind>();
    // A server's company is made on the server (stewardctl), never from here.
    m_newCompanyAction->setEnabled(!m_server && m_model->rowCount() == 0 && mayChange(Action::EditTree, {}));
    m_exportBundleAction->setEnabled(mayChange(Action::ExportBundle, companyPath()));
    m_showAgentsAction->setEnabled(m_workspace != nullptr);
    m_showAuditAction->setEnabled(m_workspace != nullptr);
    m_showFeedAction->setEnabled(m_workspace != nullptr);
    m_showInboxAction->setEnabled(m_workspace != nullptr);
    m_showOverviewAction->setEnabled(m_workspace != nullptr);
    m_showVersionsAction->setEnabled(current.isValid() && kind == NodeKind::Agent);
    m_newDepartmentAction->setEnabled(hasNode && canContain(kind, NodeKind::Department));
    m_newTeamAction->setEnabled(hasNode && canContain(kind, NodeKind::Team));
    m_renameAction->setEnabled(hasNode);
    m_moveAction->setEnabled(hasNode && kind != NodeKind::Company);
    m_archiveAction->setEnabled(hasNode && kind != NodeKind::Company);
    // The versions tab asks for each agent; here it learns what this workspace allows at all.
    m_versions->setPermissions(m_connected ? m_permissions : Permissions(QList<Grant>{}));
    m_runs->setAccess(m_permissions, m_connected);
    m_showRunsAction->setEnabled(current.isValid() && kind == NodeKind::Agent);
}

void MainWindow::showTreeContextMenu(const QPoint &position)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("treeContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_newDepartmentAction);
    menu->addAction(m_newTeamAction);
    menu->addSeparator();
    menu->addAction(m_renameAction);
    menu->addAction(m_moveAction);
    menu->addAction(m_archiveAction);
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

bool MainWindow::selectPath(const QString &path)
{
    const QModelIndex index = m_model->loadPath(path);
    if (!index.isValid()) {
        statusBar()->showMessage(tr("There is nothing at %1.").arg(path), statusMessageMs);
        return false;
    }
    for (QModelIndex ancestor = index.parent(); ancestor.isValid(); ancestor = ancestor.parent()) {
        m_tree->expand(ancestor);
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

bool MainWindow::showVersions(const QList<int> &numbers)
{
    if (!m_detailTabs->isTabEnabled(m_detailTabs->indexOf(m_versions))) {
        return false;
    }
    m_places->setCurrentWidget(m_splitter);
    m_detailTabs->setCurrentWidget(m_versions);
    return numbers.isEmpty() || m_versions->selectVersions(numbers);
}

void MainWindow::showAudit()
{
    m_places->setCurrentWidget(m_audit);
}

void MainWindow::showReliability()
{
    m_places->setCurrentWidget(m_splitter);
    m_detailTabs->setCurrentWidget(m_reliability);
}

bool MainWindow::showRuns()
{
    if (!m_detailTabs->isTabEnabled(m_detailTabs->indexOf(m_runs))) {
        return false;
    }
    m_places->setCurrentWidget(m_splitter);
    m_detailTabs->setCurrentWidget(m_runs);
    m_runs->setFocus();
    return true;
}

void MainWindow::showLiveFeed()
{
    m_places->setCurrentWidget(m_feed);
}

bool MainWindow::openVersion(const QString &agentPath, int number)
{
    if (!selectPath(agentPath)) {
        statusBar()->showMessage(tr("%1 is no longer in the tree.").arg(agentPath), 5000);
        return false;
    }
    return showVersions({number});
}

void MainWindow::showInbox()
{
    m_places->setCurrentWidget(m_inbox);
    m_inbox->view()->setFocus();
}

void MainWindow::showInboxCounts(const ApprovalCounts &counts)
{
    const int tab = m_places->indexOf(m_inbox);
    m_places->setTabText(tab, tr("Approval Inbox (%1 · %2)").arg(counts.pendingForMe).arg(counts.pendingForMyTeams));
    m_places->setTabToolTip(tab, tr("For me %1 · My teams %2").arg(counts.pendingForMe).arg(counts.pendingForMyTeams));
}

void MainWindow::notifyAssigned(const Approval &approval)
{
    const QString text = tr("%1 asks for approval: %2").arg(approval.agentPath, approval.title);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        statusBar()->showMessage(tr("New in your inbox: %1").arg(text), statusMessageMs);
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(
            windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MessageBoxInformation) : windowIcon(), this);
        m_tray->setToolTip(tr("Steward"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
            showInbox();
        });
        m_tray->show();
    }
    m_tray->showMessage(tr("New in your approval inbox"), text, QSystemTrayIcon::Information);
}

Status MainWindow::finishEdit(const Result<OrgNode> &result, const QString &doneMessage)
{
    if (result) {
        if (!result->isArchived()) {
            selectPath(result->path);
        }
        statusBar()->showMessage(doneMessage, statusMessageMs);
    }
    return statusOf(result);
}

void MainWindow::newCompany()
{
    if (!m_workspace) {
        return;
    }
    ReasonDialog::Form form;
    form.title = tr("New Company");
    form.description = tr("Name the company at the root of this workspace. Its name starts every path.");
    form.asksForName = true;
    form.okText = tr("&Create");
    auto *dialog = new ReasonDialog(
        form,
        [this](const QString &name, const QString &reason) {
            return finishEdit(m_workspace->createCompany(name, reason), tr("Created the company %1.").arg(name));
        },
        this);
    dialog->setObjectName(QStringLiteral("newCompanyDialog"));
    connect(dialog, &QDialog::finished, this, &MainWindow::updateActions);
    dialog->open();
}

void MainWindow::newGroup(NodeKind kind)
{
    const OrgNode parent = selectedNode();
    if (!parent.isValid()) {
        return;
    }
    ReasonDialog::Form form;
    form.title = kind == NodeKind::Department ? tr("New Department") : tr("New Team");
    form.description = kind == NodeKind::Department ? tr("A new department in %1.").arg(parent.path)
                                                    : tr("A new team in %1.").arg(parent.path);
    form.asksForName = true;
    form.okText = tr("&Create");
    const NodeId parentId = parent.id;
    auto *dialog = new ReasonDialog(
        form,
        [this, parentId, kind](const QString &name, const QString &reason) {
            const Result<OrgNode> created = m_workspace->createGroup(parentId, kind, name, reason);
            return finishEdit(created, created ? tr("Created %1.").arg(created->path) : QString());
        },
        this);
    dialog->setObjectName(QStringLiteral("newGroupDialog"));
    dialog->open();
}

void MainWindow::renameSelected()
{
    const OrgNode node = selectedNode();
    if (!node.isValid()) {
        return;
    }
    ReasonDialog::Form form;
    form.title = tr("Rename %1").arg(node.name);
    form.description = tr("Rename %1. Paths below it change with it.").arg(node.path);
    form.asksForName = true;
    form.name = node.name;
    form.okText = tr("&Rename");
    const NodeId id = node.id;
    const QString oldPath = node.path;
    auto *dialog = new ReasonDialog(
        form,
        [this, id, oldPath](const QString &name, const QString &reason) {
            const Result<OrgNode> renamed = m_workspace->rename(id, name, reason);
            return finishEdit(renamed, renamed ? tr("Renamed %1 to %2.").arg(oldPath, renamed->path) : QString());
        },
        this);
    dialog->setObjectName(QStringLiteral("renameDialog"));
    dialog->open();
}

void MainWindow::moveSelected()
{
    const OrgNode node = selectedNode();
    if (node.isValid()) {
        askToMove(node.id, NoNode);
    }
}

void MainWindow::askToMove(NodeId nodeId, NodeId proposedTarget)
{
    if (!m_workspace) {
        return;
    }
    const Result<OrgNode> node = m_workspace->node(nodeId);
    if (!node) {
        statusBar()->showMessage(node.error().message, statusMessageMs);
        return;
    }
    const QString oldPath = node->path;
    auto *dialog = new MoveDialog(
        *m_workspace, node.value(), proposedTarget,
        [this, nodeId, oldPath](NodeId targetId, const QString &reason) {
            const Result<OrgNode> moved = m_workspace->move(nodeId, targetId, reason);
            return finishEdit(moved, moved ? tr("Moved %1 to %2.").arg(oldPath, moved->path) : QString());
        },
        this);
    dialog->setObjectName(QStringLiteral("moveDialog"));
    dialog->open();
}

void MainWindow::archiveSelected()
{
    const OrgNode node = selectedNode();
    if (!node.isValid()) {
        return;
    }
    ReasonDialog::Form form;
    form.title = tr("Archive %1").arg(node.name);
    form.description = node.kind == NodeKind::Agent
        ? tr("Archive %1? It leaves the tree; its versions and activity stay readable.")
        : tr("Archive %1 and everything below it? They leave the tree; their history stays "
             "readable.");
    form.description = form.description.arg(node.path);
    form.okText = tr("&Archive");
    const NodeId id = node.id;
    const QString path = node.path;
    auto *dialog = new ReasonDialog(
        form,
        [this, id, path](const QString &, const QString &reason) {
            return finishEdit(m_workspace->archive(id, reason), tr("Archived %1.").arg(path));
        },
        this);
    dialog->setObjectName(QStringLiteral("archiveDialog"));
    dialog->open();
}

void MainWindow::showOpenAiSettings()
{
    auto *dialog = new OpenAiSettingsDialog(*m_openAiKeychain, this);
    dialog->setObjectName(QStringLiteral("openAiSettingsDialog"));
    connect(dialog, &QDialog::accepted, this, &MainWindow::offerOpenAiRunner);
    dialog->open();
}

void MainWindow::offerOpenAiRunner()
{
    auto *local = qobject_cast<LocalWorkspace *>(m_workspace.get());
    if (!local || local->isReadOnly() || !OpenAiSettings::isConfigured(QSettings())) {
        return;
    }
    // The workspace is the context: a workspace closed before the keychain answers is skipped.
    OpenAiSettings::options(*m_openAiKeychain, local, [this, local](const Result<OpenAiRunner::Options> &options) {
        if (!options) {
            statusBar()->showMessage(
                tr("Agents with the openai runner cannot run here: %1").arg(options.error().message));
            return;
        }
        local->runners().add(QStringLiteral("openai"), [this, settings = options.value()](const AgentSpec::Runner &) {
            static const SystemClock clock;
            return std::make_unique<OpenAiRunner>(clock, settings, *m_openAiNetwork);
        });
    });
}

} // namespace steward
