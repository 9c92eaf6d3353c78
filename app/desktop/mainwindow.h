// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/result.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QTreeView;

namespace steward {

class DemoTask;
class DetailPane;
class OrgTreeModel;
class Store;
class WelcomePage;
class Workspace;

// The desktop app's window: the org tree on the left, the selected node's details on the
// right, tree edits (each asking for a reason) from the Edit menu, the toolbar and the tree's
// context menu, and the welcome page while no workspace is open.
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
    // At start-up: the most recent workspace that still exists, else the welcome page.
    void openMostRecent();
    // Opens the demo workspace at its standard place, building it first if it is not there.
    void openDemo();
    // Selects the node at `path`, expanding the tree down to it.
    bool selectPath(const QString &path);

    [[nodiscard]] Workspace *workspace() const { return m_workspace.get(); }
    [[nodiscard]] bool isBuildingDemo() const { return !m_demoTask.isNull(); }
    [[nodiscard]] static QString demoPath();

Q_SIGNALS:
    // Building the demo workspace ended (opened, failed or cancelled).
    void demoFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void restoreSettings();
    void saveSettings() const;

    void adopt(std::unique_ptr<Store> store);
    void showWorkspacePage(bool shown);
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
    void onCurrentChanged();
    void updateActions();
    void showTreeContextMenu(const QPoint &position);

    std::unique_ptr<Workspace> m_workspace;
    OrgTreeModel *m_model = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    DetailPane *m_detail = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QPointer<DemoTask> m_demoTask;

    QAction *m_newWorkspaceAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_newCompanyAction = nullptr;
    QAction *m_newDepartmentAction = nullptr;
    QAction *m_newTeamAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_editToolBar = nullptr;
};

} // namespace steward
