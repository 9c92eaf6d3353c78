// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "movedialog.h"

#include "orgtreemodel.h"
#include "service/workspace.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace steward {

MoveDialog::MoveDialog(const Workspace &workspace, const OrgNode &node, NodeId proposedTarget, Apply apply,
                       QWidget *parent)
    : QDialog(parent), m_node(node), m_apply(std::move(apply))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Move %1").arg(node.name));

    auto *description = new QLabel(tr("Move <b>%1</b> to:").arg(node.path.toHtmlEscaped()), this);
    description->setObjectName(QStringLiteral("descriptionLabel"));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("moveFilterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter groups"));
    m_filter->setClearButtonEnabled(true);

    m_groups = new QStandardItemModel(this);
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_groups);
    m_filtered->setRecursiveFilteringEnabled(true);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);

    m_targets = new QTreeView(this);
    m_targets->setObjectName(QStringLiteral("moveTargetTreeView"));
    m_targets->setHeaderHidden(true);
    m_targets->setUniformRowHeights(true);
    m_targets->setModel(m_filtered);
    m_targets->setMinimumHeight(260);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();

    if (const Result<OrgNode> company = workspace.root(); company) {
        addGroup(workspace, m_groups->invisibleRootItem(), company.value());
    } else {
        m_error->setText(company.error().message);
        m_error->show();
    }
    m_targets->expandAll();
    connect(m_filter, &QLineEdit::textChanged, m_targets, &QTreeView::expandAll);
    connect(m_targets->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MoveDialog::updateState);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why? Kept in the audit log"));
    connect(m_reason, &QLineEdit::textChanged, this, &MoveDialog::updateState);
    auto *fields = new QFormLayout;
    fields->addRow(tr("&Reason:"), m_reason);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Move"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MoveDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MoveDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addWidget(m_filter);
    layout->addWidget(m_targets, 1);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    if (proposedTarget != NoNode) {
        const QModelIndexList found = m_filtered->match(m_filtered->index(0, 0), OrgTreeModel::NodeIdRole,
                                                        proposedTarget, 1, Qt::MatchExactly | Qt::MatchRecursive);
        if (!found.isEmpty()) {
            m_targets->setCurrentIndex(found.first());
            m_targets->scrollTo(found.first());
        }
        m_reason->setFocus();
    } else {
        m_targets->setFocus();
    }
    updateState();
}

void MoveDialog::addGroup(const Workspace &workspace, QStandardItem *parentItem, const OrgNode &group)
{
    auto *item = new QStandardItem(QApplication::style()->standardIcon(QStyle::SP_DirIcon), group.name);
    item->setData(group.id, OrgTreeModel::NodeIdRole);
    item->setData(group.path, OrgTreeModel::PathRole);
    item->setToolTip(group.path);
    item->setEditable(false);
    item->setEnabled(group.id != m_node.parentId && canContain(group.kind, m_node.kind));
    parentItem->appendRow(item);
    if (group.childCount == 0) {
        return;
    }
    const Result<QList<OrgNode>> children = workspace.children(group.id);
    if (!children) {
        m_error->setText(children.error().message);
        m_error->show();
        return;
    }
    for (const OrgNode &child : children.value()) {
        // Agents hold nothing, and a node cannot go into its own subtree.
        if (child.kind != NodeKind::Agent && child.id != m_node.id) {
            addGroup(workspace, item, child);
        }
    }
}

NodeId MoveDialog::selectedTarget() const
{
    // The selection, not the current item: focus alone makes the first row current, and that
    // must not become a target nobody chose.
    const QModelIndexList selected = m_targets->selectionModel()->selectedIndexes();
    if (selected.isEmpty() || !selected.first().flags().testFlag(Qt::ItemIsEnabled)) {
        return NoNode;
    }
    return selected.first().data(OrgTreeModel::NodeIdRole).toLongLong();
}

void MoveDialog::updateState()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(selectedTarget() != NoNode && !m_reason->text().trimmed().isEmpty());
}

void MoveDialog::accept()
{
    const Status applied = m_apply(selectedTarget(), m_reason->text().trimmed());
    if (!applied) {
        m_error->setText(applied.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace steward
