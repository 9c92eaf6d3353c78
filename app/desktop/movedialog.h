// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/result.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace steward {

class Workspace;

// Asks where a node goes and why: the groups of the tree (those that cannot take the node
// greyed out, the node's own subtree left out), a filter, and the reason. Like ReasonDialog,
// OK applies the move and a refusal is shown in the dialog.
class MoveDialog final : public QDialog
{
    Q_OBJECT

public:
    using Apply = std::function<Status(NodeId targetId, const QString &reason)>;

    MoveDialog(const Workspace &workspace, const OrgNode &node, NodeId proposedTarget, Apply apply, QWidget *parent);
    Q_DISABLE_COPY_MOVE(MoveDialog)
    ~MoveDialog() override = default;

    void accept() override;

private:
    void addGroup(const Workspace &workspace, QStandardItem *parentItem, const OrgNode &group);
    [[nodiscard]] NodeId selectedTarget() const;
    void updateState();

    OrgNode m_node;
    Apply m_apply;
    QStandardItemModel *m_groups = nullptr;
    QSortFilterProxyModel *m_filtered = nullptr;
    QTreeView *m_targets = nullptr;
    QLineEdit *m_filter = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
