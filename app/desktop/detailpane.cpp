// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpane.h"

#include "displaytext.h"
#include "runstablemodel.h"
#include "service/workspace.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace steward {
namespace {

constexpr int recentRunsLimit = 50;
constexpr int recentChangesLimit = 30;

QLabel *fieldLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

DetailPane::DetailPane(QWidget *parent) : QWidget(parent)
{
    m_emptyLabel = new QLabel(tr("Select a department, team or agent in the tree to see its details."), this);
    m_emptyLabel->setObjectName(QStringLiteral("detailEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    auto *details = new QWidget(this);
    m_title = new QLabel(details);
    m_title->setObjectName(QStringLiteral("detailTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_breadcrumb = new QLabel(details);
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumbLabel"));
    m_breadcrumb->setTextFormat(Qt::RichText);
    m_breadcrumb->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_breadcrumb, &QLabel::linkActivated, this, &DetailPane::pathActivated);

    m_kind = fieldLabel(QStringLiteral("kindLabel"), details);
    m_owner = fieldLabel(QStringLiteral("ownerLabel"), details);
    m_visibility = fieldLabel(QStringLiteral("visibilityLabel"), details);
    m_criticality = fieldLabel(QStringLiteral("criticalityLabel"), details);
    m_status = fieldLabel(QStringLiteral("statusLabel"), details);
    m_headVersion = fieldLabel(QStringLiteral("headVersionLabel"), details);
    m_children = fieldLabel(QStringLiteral("childrenLabel"), details);
    m_form = new QFormLayout;
    m_form->addRow(tr("Kind:"), m_kind);
    m_form->addRow(tr("Owner:"), m_owner);
    m_form->addRow(tr("Visibility:"), m_visibility);
    m_form->addRow(tr("Criticality:"), m_criticality);
    m_form->addRow(tr("Status:"), m_status);
    m_form->addRow(tr("Head version:"), m_headVersion);
    m_form->addRow(tr("Directly below:"), m_children);

    m_error = fieldLabel(QStringLiteral("detailErrorLabel"), details);
    m_error->hide();

    m_runs = new RunsTableModel(this);
    m_runsView = new QTableView(details);
    m_runsView->setObjectName(QStringLiteral("recentRunsTableView"));
    m_runsView->setModel(m_runs);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setAlternatingRowColors(true);
    m_runsView->setWordWrap(false);
    m_runsView->verticalHeader()->hide();
    m_runsView->verticalHeader()->setDefaultSectionSize(m_runsView->fontMetrics().height() + 6);
    m_runsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runsView->horizontalHeader()->setSectionResizeMode(static_cast<int>(RunsTableModel::Column::Trigger),
                                                         QHeaderView::Stretch);
    m_runsBox = new QGroupBox(tr("Recent runs"), details);
    m_runsBox->setObjectName(QStringLiteral("recentRunsGroupBox"));
    auto *runsLayout = new QVBoxLayout(m_runsBox);
    runsLayout->addWidget(m_runsView);

    m_changes = new QTreeWidget(details);
    m_changes->setObjectName(QStringLiteral("recentChangesTreeWidget"));
    m_changes->setRootIsDecorated(false);
    m_changes->setUniformRowHeights(true);
    m_changes->setAlternatingRowColors(true);
    m_changes->setHeaderLabels({tr("Time"), tr("Who"), tr("What"), tr("Reason")});
    m_changes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changes->header()->setStretchLastSection(true);
    auto *changesBox = new QGroupBox(tr("Recent changes"), details);
    changesBox->setObjectName(QStringLiteral("recentChangesGroupBox"));
    auto *changesLayout = new QVBoxLayout(changesBox);
    changesLayout->addWidget(m_changes);

    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_breadcrumb);
    detailsLayout->addSpacing(6);
    detailsLayout->addLayout(m_form);
    detailsLayout->addWidget(m_error);
    detailsLayout->addWidget(m_runsBox, 3);
    detailsLayout->addWidget(changesBox, 2);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

void DetailPane::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (workspace) {
        connect(workspace, &Workspace::nodeAdded, this, &DetailPane::refresh);
        connect(workspace, &Workspace::nodeRenamed, this, &DetailPane::refresh);
        connect(workspace, &Workspace::nodeMoved, this, &DetailPane::refresh);
        connect(workspace, &Workspace::nodeArchived, this, &DetailPane::refresh);
        // A new version or proposal changes the head version and the recent changes.
        connect(workspace, &Workspace::agentChanged, this, [this](NodeId agentId) {
            if (agentId == m_nodeId) {
                refresh();
            }
        });
    }
    showNode(NoNode);
}

void DetailPane::showNode(NodeId id)
{
    m_nodeId = id;
    refresh();
}

void DetailPane::refresh()
{
    if (!m_workspace || m_nodeId == NoNode) {
        m_pages->setCurrentWidget(m_emptyLabel);
        return;
    }
    const Result<OrgNode> node = m_workspace->node(m_nodeId);
    if (!node) {
        m_pages->setCurrentIndex(1);
        showError(node.error().message);
        return;
    }
    if (node->isArchived()) {
        m_pages->setCurrentWidget(m_emptyLabel);
        return;
    }
    m_pages->setCurrentIndex(1);
    m_error->hide();
    m_title->setText(node->name);
    m_breadcrumb->setText(breadcrumb(node->path));
    m_kind->setText(displayName(node->kind));
    if (node->kind == NodeKind::Agent) {
        showAgent(node.value());
    } else {
        showGroup(node.value());
    }
    showChanges(node.value());
}

void DetailPane::showGroup(const OrgNode &node)
{
    m_children->setText(QLocale().toString(node.childCount));
    for (QLabel *agentOnly : {m_owner, m_visibility, m_criticality, m_status, m_headVersion}) {
        m_form->setRowVisible(agentOnly, false);
    }
    m_form->setRowVisible(m_children, true);
    m_runsBox->hide();
    m_runs->setRuns({});
}

void DetailPane::showAgent(const OrgNode &node)
{
    for (QLabel *agentOnly : {m_owner, m_visibility, m_criticality, m_status, m_headVersion}) {
        m_form->setRowVisible(agentOnly, true);
    }
    m_form->setRowVisible(m_children, false);
    m_runsBox->show();

    const Result<Agent> agent = m_workspace->agent(node.id);
    if (!agent) {
        showError(agent.error().message);
        return;
    }
    m_owner->setText(agent->owner);
    m_visibility->setText(displayName(agent->visibility));
    m_criticality->setText(displayName(agent->criticality));
    m_status->setText(displayName(agent->status));
    if (agent->headVersion == 0) {
        m_headVersion->setText(tr("none saved yet"));
    } else if (const Result<AgentVersion> head = m_workspace->version(node.id, agent->headVersion); head) {
        const QString saved =
            tr("v%1 by %2 on %3: “%4”")
                .arg(QString::number(head->number), head->author, DisplayText::time(head->createdAt), head->reason);
        m_headVersion->setText(head->approvedBy.isEmpty() ? saved
                                                          : tr("%1 (approved by %2)").arg(saved, head->approvedBy));
    } else {
        m_headVersion->setText(tr("v%1 (%2)").arg(QString::number(agent->headVersion), head.error().message));
    }

    Result<QList<Run>> runs = m_workspace->recentRuns(node.id, recentRunsLimit);
    if (!runs) {
        showError(runs.error().message);
        m_runs->setRuns({});
        return;
    }
    m_runs->setRuns(std::move(runs).value());
}

void DetailPane::showChanges(const OrgNode &node)
{
    m_changes->clear();
    const Result<QList<AuditEntry>> changes = m_workspace->recentChanges(node.path, recentChangesLimit);
    if (!changes && changes.error().code == Error::Code::Forbidden) {
        // On a server, the change history is the audit log's, which not everyone may read.
        auto *item = new QTreeWidgetItem(
            m_changes, {QString(), QString(), tr("Changes are shown to those who may read the audit log here.")});
        item->setFlags(Qt::NoItemFlags);
        return;
    }
    if (!changes) {
        showError(changes.error().message);
        return;
    }
    for (const AuditEntry &entry : changes.value()) {
        auto *item = new QTreeWidgetItem(
            m_changes, {DisplayText::time(entry.time), entry.actor, DisplayText::action(entry.action), entry.reason});
        item->setToolTip(3, entry.reason);
    }
    if (changes->isEmpty()) {
        auto *item = new QTreeWidgetItem(m_changes, {QString(), QString(), tr("No recorded changes at this path.")});
        item->setFlags(Qt::NoItemFlags);
    }
}

void DetailPane::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString DetailPane::breadcrumb(const QString &path)
{
    // Each ancestor is a link to itself; the node's own name is plain text.
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList parts;
    QString prefix;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        prefix += QLatin1Char('/') + segments.at(i);
        const QString name = segments.at(i).toHtmlEscaped();
        parts.append(i + 1 < segments.size() ? QStringLiteral("<a href=\"%1\">%2</a>").arg(prefix.toHtmlEscaped(), name)
                                             : QStringLiteral("<b>%1</b>").arg(name));
    }
    return parts.join(QStringLiteral(" › "));
}

} // namespace steward
