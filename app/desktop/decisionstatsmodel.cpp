// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionstatsmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace steward {
namespace {

QString percentText(double rate)
{
    return QLocale().toString(rate * 100.0, 'f', 0) + QStringLiteral(" %");
}

} // namespace

DecisionStatsModel::DecisionStatsModel(QString nameHeader, QObject *parent)
    : QAbstractTableModel(parent), m_nameHeader(std::move(nameHeader))
{
}

void DecisionStatsModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int DecisionStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DecisionStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QString DecisionStatsModel::durationText(qint64 ms)
{
    const QLocale locale;
    if (ms < 60'000) {
        return tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1));
    }
    const qint64 seconds = ms / 1000;
    if (seconds < 3600) {
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QVariant DecisionStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const DecisionStats &stats = row.stats;
    const auto column = static_cast<Column>(index.column());
    const bool flagged = stats.looksRubberStamped();
    if (role == Qt::BackgroundRole) {
        return flagged ? QVariant(QBrush(QColor(255, 236, 179))) : QVariant();
    }
    if (role == Qt::ToolTipRole && flagged) {
        return tr("Median time to decision under %1 s with at least %2 % approvals: are these decisions read?")
            .arg(DecisionStats::RubberStampMedianMs / 1000)
            .arg(DecisionStats::RubberStampApprovalRate * 100.0);
    }
    if (role == Qt::TextAlignmentRole) {
        return column == Column::Name || column == Column::Flag ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (column) {
    case Column::Name: return row.name;
    case Column::Decisions: return stats.decisions;
    case Column::Approved: return percentText(stats.approvalRate());
    case Column::Rejected: return percentText(stats.rejectionRate());
    case Column::Edited: return percentText(stats.editRate());
    case Column::Median: return durationText(stats.medianMs);
    case Column::P90: return durationText(stats.p90Ms);
    case Column::Flag: return flagged ? tr("Rubber-stamping?") : QString();
    case Column::Count: break;
    }
    return {};
}

QVariant DecisionStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Name: return m_nameHeader;
    case Column::Decisions: return tr("Decisions");
    case Column::Approved: return tr("Approved");
    case Column::Rejected: return tr("Rejected");
    case Column::Edited: return tr("Edited");
    case Column::Median: return tr("Median time");
    case Column::P90: return tr("90th percentile");
    case Column::Flag: return tr("Flag");
    case Column::Count: break;
    }
    return {};
}

} // namespace steward
