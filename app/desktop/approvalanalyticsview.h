// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTreeView;

namespace steward {

class DecisionStatsModel;
class Workspace;

// The inbox's Analytics tab: how the approvals of a subtree were decided over the last 7, 30
// or 90 days, per reviewer and per agent, so that a reviewer who approves everything within
// seconds shows up (highlighted, "Rubber-stamping?").
class ApprovalAnalyticsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalAnalyticsView(QWidget *parent = nullptr);

    // Starts again on the whole tree.
    void setWorkspace(Workspace *workspace);
    // The subtree to analyse; NoNode: the whole tree.
    void setNode(NodeId nodeId);
    // Reads the analytics again for the range chosen, up to now.
    void refresh();

    [[nodiscard]] DecisionStatsModel *reviewers() const { return m_reviewers; }
    [[nodiscard]] DecisionStatsModel *agents() const { return m_agents; }
    [[nodiscard]] QComboBox *rangeCombo() const { return m_range; }
    [[nodiscard]] QString summary() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    [[nodiscard]] QTreeView *tableFor(DecisionStatsModel *model, const QString &name);

    Workspace *m_workspace = nullptr;
    NodeId m_nodeId = NoNode;
    QComboBox *m_range = nullptr;
    QLabel *m_summary = nullptr;
    DecisionStatsModel *m_reviewers = nullptr;
    DecisionStatsModel *m_agents = nullptr;
};

} // namespace steward
