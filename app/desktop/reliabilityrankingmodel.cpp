// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilityrankingmodel.h"

#include "service/workspace.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace steward {

QString reliabilityText(const ReliabilityTotals &totals, ReliabilityMeasure measure)
{
    const QLocale locale;
    const double value = totals.value(measure);
    // A rate of nothing or the latency of no runs is not zero; it is not known.
    const bool rateOfNothing = (measure == ReliabilityMeasure::ErrorRate && totals.finishedRuns == 0)
        || (measure == ReliabilityMeasure::LatencyP50 && totals.latency.total() == 0)
        || (measure == ReliabilityMeasure::LatencyP95 && totals.latency.total() == 0)
        || ((measure == ReliabilityMeasure::ApprovalRate || measure == ReliabilityMeasure::RejectionRate
             || measure == ReliabilityMeasure::EditRate)
            && totals.decisions() == 0);
    if (rateOfNothing) {
        return QCoreApplication::translate("steward::ReliabilityRankingModel", "–");
    }
    switch (measure) {
    case ReliabilityMeasure::ErrorRate:
    case ReliabilityMeasure::ApprovalRate:
    case ReliabilityMeasure::RejectionRate:
    case ReliabilityMeasure::EditRate:
        return QCoreApplication::translate("steward::ReliabilityRankingModel", "%1 %")
            .arg(locale.toString(100.0 * value, 'f', 1));
    case ReliabilityMeasure::LatencyP50:
    case ReliabilityMeasure::LatencyP95:
        if (value < 1000.0) {
            return QCoreApplication::translate("steward::ReliabilityRankingModel", "%1 ms")
                .arg(locale.toString(value, 'f', 0));
        }
        return QCoreApplication::translate("steward::ReliabilityRankingModel", "%1 s")
            .arg(locale.toString(value / 1000.0, 'f', 1));
    case ReliabilityMeasure::Cost:
        return QCoreApplication::translate("steward::ReliabilityRankingModel", "$%1")
            .arg(locale.toString(value, 'f', 2));
    default: return locale.toString(static_cast<qint64>(value));
    }
}

void ReliabilityRankingModel::setWorkspace(Workspace *workspace)
{
    beginResetModel();
    m_workspace = workspace;
    m_nodeId = NoNode;
    m_agents.clear();
    endResetModel();
}

std::optional<ReliabilityMeasure> ReliabilityRankingModel::measureOf(int column)
{
    switch (static_cast<Column>(column)) {
    case Column::Runs: return ReliabilityMeasure::Runs;
    case Column::FailedRuns: return ReliabilityMeasure::FailedRuns;
    case Column::ErrorRate: return ReliabilityMeasure::ErrorRate;
    case Column::Decisions: return ReliabilityMeasure::Decisions;
    case Column::ApprovalRate: return ReliabilityMeasure::ApprovalRate;
    case Column::RejectionRate: return ReliabilityMeasure::RejectionRate;
    case Column::LatencyP50: return ReliabilityMeasure::LatencyP50;
    case Column::LatencyP95: return ReliabilityMeasure::LatencyP95;
    case Column::TokensIn: return ReliabilityMeasure::TokensIn;
    case Column::TokensOut: return ReliabilityMeasure::TokensOut;
    case Column::Cost: return ReliabilityMeasure::Cost;
    case Column::Agent:
    case Column::ColumnCount: break;
    }
    return std::nullopt;
}

Status ReliabilityRankingModel::show(NodeId nodeId, const QDateTime &from, const QDateTime &to)
{
    m_nodeId = nodeId;
    m_from = from;
    m_to = to;
    return reload();
}

Status ReliabilityRankingModel::reload()
{
    if (!m_workspace || m_nodeId == NoNode) {
        beginResetModel();
        m_agents.clear();
        endResetModel();
        return Done{};
    }
    // The agent column has no measure: the service's order (ties by path) is read by runs and
    // then put in path order here.
    const ReliabilityMeasure measure = measureOf(m_sortColumn).value_or(ReliabilityMeasure::Runs);
    Result<QList<AgentReliability>> ranking =
        m_workspace->reliabilityRanking(m_nodeId, m_from, m_to, measure, m_sortOrder);
    if (!ranking) {
        Q_EMIT failed(ranking.error().message);
        return ranking.error();
    }
    QList<AgentReliability> agents = std::move(ranking).value();
    if (!measureOf(m_sortColumn)) {
        std::sort(agents.begin(), agents.end(), [this](const AgentReliability &a, const AgentReliability &b) {
            return m_sortOrder == Qt::AscendingOrder ? a.path < b.path : b.path < a.path;
        });
    }
    beginResetModel();
    m_agents = std::move(agents);
    endResetModel();
    return Done{};
}

void ReliabilityRankingModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= static_cast<int>(Column::ColumnCount)) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    // A failure is reported through failed(); the rows stay as they were.
    static_cast<void>(reload());
}

int ReliabilityRankingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_agents.size());
}

int ReliabilityRankingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QVariant ReliabilityRankingModel::display(const AgentReliability &agent, Column column)
{
    if (column == Column::Agent) {
        return agent.path;
    }
    const std::optional<ReliabilityMeasure> measure = measureOf(static_cast<int>(column));
    return measure ? QVariant(reliabilityText(agent.totals, *measure)) : QVariant();
}

QVariant ReliabilityRankingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AgentReliability &agent = m_agents.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(agent, column);
    case Qt::TextAlignmentRole:
        return column == Column::Agent ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Column::Agent) {
            return agent.path;
        }
        if (column == Column::ErrorRate) {
            return tr("%1 of %2 finished runs failed").arg(agent.totals.failedRuns).arg(agent.totals.finishedRuns);
        }
        if (column == Column::ApprovalRate || column == Column::RejectionRate) {
            return tr("%1 approved, %2 rejected, %3 edited")
                .arg(agent.totals.approved)
                .arg(agent.totals.rejected)
                .arg(agent.totals.edited);
        }
        return {};
    case NodeIdRole: return agent.agentId;
    default: return {};
    }
}

QVariant ReliabilityRankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= static_cast<int>(Column::ColumnCount)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const std::optional<ReliabilityMeasure> measure = measureOf(section);
    return measure ? displayName(*measure) : tr("Agent");
}

} // namespace steward
