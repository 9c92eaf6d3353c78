// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "permissions.h"
#include "service/workspace.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace steward {

class BlameView;
class DiffView;
class VersionHistoryModel;

// An agent's versions: the history (pending proposals on top), the diff of the selected
// version against its parent or of two selected versions, the blame of the selected version,
// and the changes: edit (or propose, for a critical agent), roll back, approve or reject a
// proposal. Every change asks for a reason. Read-only workspaces show no change buttons; the
// buttons for what the permissions do not allow on the agent are disabled.
class VersionsTab final : public QWidget
{
    Q_OBJECT

public:
    explicit VersionsTab(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(VersionsTab)
    ~VersionsTab() override = default;

    void setWorkspace(Workspace *workspace);
    void setPermissions(const Permissions &permissions);
    // NoNode shows nothing.
    void showAgent(NodeId agentId);
    // Selects these versions in the history as a user would: one is compared with its parent,
    // two with each other. False if one of them is not in the history.
    bool selectVersions(const QList<int> &numbers);

private:
    // A whole version, spec included (versions never change, so they are kept once read).
    [[nodiscard]] Result<AgentVersion> fullVersion(int number);
    // "v3 by dana.kim" and the like.
    [[nodiscard]] QString titleOf(int row) const;
    [[nodiscard]] Result<QString> specOf(int row);
    [[nodiscard]] QList<int> selectedRows() const;
    void updateTitle();
    void onHistoryReset();
    void onSelectionChanged();
    void showDiff(const QList<int> &rows);
    void showBlame(int row);
    void updateButtons();
    void showResult(const QString &message);

    void editSpec();
    void rollBack();
    void decide(bool approve);

    QPointer<Workspace> m_workspace;
    NodeId m_agentId = NoNode;
    Permissions m_permissions;
    QHash<int, AgentVersion> m_versions;

    VersionHistoryModel *m_history = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_rollback = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_views = nullptr;
    DiffView *m_diff = nullptr;
    BlameView *m_blame = nullptr;
};

} // namespace steward
