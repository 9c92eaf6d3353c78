// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/reliability.h"
#include "domain/result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

#include <optional>

namespace steward {

class Workspace;

// The agents below a node ranked by their reliability over a range, one row per agent. Sorting
// by a measure asks the workspace again (Workspace::reliabilityRanking sorts from the rollups),
// so the model never holds more than the ranking and no proxy sorts behind it; the agent column
// sorts the rows at hand by path.
class ReliabilityRankingModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Agent,
        Runs,
        FailedRuns,
        ErrorRate,
        Decisions,
        ApprovalRate,
        RejectionRate,
        LatencyP50,
        LatencyP95,
        TokensIn,
        TokensOut,
        Cost,
        ColumnCount
    };
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    Q_DISABLE_COPY_MOVE(ReliabilityRankingModel)
    ~ReliabilityRankingModel() override = default;

    void setWorkspace(Workspace *workspace);
    // Reads the ranking of the agents below `nodeId` over [from, to) in the current order.
    Status show(NodeId nodeId, const QDateTime &from, const QDateTime &to);
    // Reads it again (new activity arrived).
    Status reload();
    [[nodiscard]] const QList<AgentReliability> &agents() const { return m_agents; }
    // The measure a column ranks by; none for the agent column.
    [[nodiscard]] static std::optional<ReliabilityMeasure> measureOf(int column);
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    // A read failed; the rows stay as they were.
    void failed(const QString &message);

private:
    [[nodiscard]] static QVariant display(const AgentReliability &agent, Column column);

    QPointer<Workspace> m_workspace;
    NodeId m_nodeId = NoNode;
    QDateTime m_from;
    QDateTime m_to;
    int m_sortColumn = static_cast<int>(Column::Runs);
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QList<AgentReliability> m_agents;
};

// How the reliability views write a measure: "12.5 %", "1.2 s", "$0.42", "1,234".
[[nodiscard]] QString reliabilityText(const ReliabilityTotals &totals, ReliabilityMeasure measure);

} // namespace steward
