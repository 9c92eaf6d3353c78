// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "service/workspace.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace steward {

class RunsTableModel;

// The right-hand side of the window: what the selected node is. For an agent its path, owner,
// visibility, criticality, status, head version and recent runs; for a group its kind, path
// and size; for both the recent changes from the audit log. It re-reads the node whenever
// the workspace reports a change, so it never shows a stale name or path.
class DetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DetailPane)
    ~DetailPane() override = default;

    void setWorkspace(Workspace *workspace);
    // NoNode shows what to do instead.
    void showNode(NodeId id);
    [[nodiscard]] NodeId nodeId() const { return m_nodeId; }

Q_SIGNALS:
    // A path in the breadcrumb was clicked.
    void pathActivated(const QString &path);

private:
    void refresh();
    void showGroup(const OrgNode &node);
    void showAgent(const OrgNode &node);
    void showChanges(const OrgNode &node);
    void showError(const QString &message);
    [[nodiscard]] static QString breadcrumb(const QString &path);

    QPointer<Workspace> m_workspace;
    NodeId m_nodeId = NoNode;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_breadcrumb = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_visibility = nullptr;
    QLabel *m_criticality = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_headVersion = nullptr;
    QLabel *m_children = nullptr;
    QLabel *m_error = nullptr;
    QGroupBox *m_runsBox = nullptr;
    QTableView *m_runsView = nullptr;
    RunsTableModel *m_runs = nullptr;
    QTreeWidget *m_changes = nullptr;
};

} // namespace steward
