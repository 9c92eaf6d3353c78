// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalanalyticsview.h"

#include "decisionstatsmodel.h"
#include "service/workspace.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>

namespace steward {

ApprovalAnalyticsView::ApprovalAnalyticsView(QWidget *parent) : QWidget(parent)
{
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("analyticsRangeCombo"));
    m_range->setAccessibleName(tr("Range"));
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->setCurrentIndex(1);
    connect(m_range, &QComboBox::activated, this, &ApprovalAnalyticsView::refresh);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("analyticsSummaryLabel"));
    m_summary->setWordWrap(true);

    m_reviewers = new DecisionStatsModel(tr("Reviewer"), this);
    m_agents = new DecisionStatsModel(tr("Agent"), this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(new QLabel(tr("Range:"), this));
    bar->addWidget(m_range);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(new QLabel(tr("Per reviewer"), this));
    layout->addWidget(tableFor(m_reviewers, QStringLiteral("analyticsReviewersView")), 1);
    layout->addWidget(new QLabel(tr("Per agent"), this));
    layout->addWidget(tableFor(m_agents, QStringLiteral("analyticsAgentsView")), 1);
    m_range->setEnabled(false);
}

QTreeView *ApprovalAnalyticsView::tableFor(DecisionStatsModel *model, const QString &name)
{
    auto *view = new QTreeView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAllColumnsShowFocus(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(static_cast<int>(DecisionStatsModel::Column::Name), QHeaderView::Interactive);
    view->setColumnWidth(static_cast<int>(DecisionStatsModel::Column::Name), 280);
    for (int column = 1; column < static_cast<int>(DecisionStatsModel::Column::Flag); ++column) {
        view->setColumnWidth(column, 95);
    }
    return view;
}

void ApprovalAnalyticsView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    m_nodeId = NoNode;
    m_range->setEnabled(workspace != nullptr);
    if (isVisible()) {
        refresh();
    }
}

void ApprovalAnalyticsView::setNode(NodeId nodeId)
{
    m_nodeId = nodeId;
    if (isVisible()) {
        refresh();
    }
}

void ApprovalAnalyticsView::showEvent(QShowEvent *event)
{
    // Read when looked at: a reviewer working the inbox does not pay for the statistics.
    refresh();
    QWidget::showEvent(event);
}

QString ApprovalAnalyticsView::summary() const
{
    return m_summary->text();
}

void ApprovalAnalyticsView::refresh()
{
    m_reviewers->setRows({});
    m_agents->setRows({});
    if (!m_workspace) {
        m_summary->clear();
        return;
    }
    NodeId nodeId = m_nodeId;
    if (nodeId == NoNode) {
        const Result<OrgNode> root = m_workspace->root();
        if (!root) {
            m_summary->setText(root.error().message);
            return;
        }
        nodeId = root->id;
    }
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const Result<ApprovalAnalytics> analytics =
        m_workspace->approvalAnalytics(nodeId, to.addDays(-m_range->currentData().toInt()), to);
    if (!analytics) {
        m_summary->setText(analytics.error().message);
        return;
    }
    QList<DecisionStatsModel::Row> reviewers;
    int flagged = 0;
    for (const ReviewerAnalytics &reviewer : analytics->reviewers) {
        reviewers.append({reviewer.reviewer, reviewer.stats});
        flagged += reviewer.stats.looksRubberStamped() ? 1 : 0;
    }
    QList<DecisionStatsModel::Row> agents;
    for (const AgentApprovalAnalytics &agent : analytics->agents) {
        agents.append({agent.path, agent.stats});
    }
    m_reviewers->setRows(reviewers);
    m_agents->setRows(agents);
    const DecisionStats &all = analytics->subtree;
    QString text =
        tr("%n decision(s); median time to decision %1, 90th percentile %2.", nullptr, static_cast<int>(all.decisions))
            .arg(DecisionStatsModel::durationText(all.medianMs), DecisionStatsModel::durationText(all.p90Ms));
    if (flagged > 0) {
        text += QLatin1Char(' ') + tr("%n reviewer(s) may be rubber-stamping.", nullptr, flagged);
    }
    m_summary->setText(text);
}

} // namespace steward
