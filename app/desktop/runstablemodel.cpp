// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstablemodel.h"

#include <QLocale>

namespace steward {

void RunsTableModel::setRuns(QList<Run> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QVariant RunsTableModel::display(const Run &run, Column column)
{
    const QLocale locale;
    switch (column) {
    case Column::Started: return locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    case Column::Trigger:
        return run.triggerDetail.isEmpty() ? displayName(run.trigger)
                                           : tr("%1: %2").arg(displayName(run.trigger), run.triggerDetail);
    case Column::Status: return displayName(run.status);
    case Column::Version: return tr("v%1").arg(run.version);
    case Column::Tokens: return locale.toString(run.tokensIn + run.tokensOut);
    case Column::Cost: return tr("$%1").arg(locale.toString(run.cost, 'f', 4));
    case Column::Latency:
        if (!run.endedAt.isValid()) {
            return QString(); // still running
        }
        return tr("%1 s").arg(locale.toString(static_cast<double>(run.latencyMs) / 1000.0, 'f', 1));
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Run &run = m_runs.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(run, column);
    case Qt::ToolTipRole:
        if (column == Column::Tokens) {
            return tr("%1 in, %2 out").arg(QLocale().toString(run.tokensIn), QLocale().toString(run.tokensOut));
        }
        if (column == Column::Started) {
            return QLocale().toString(run.startedAt.toLocalTime(), QLocale::LongFormat);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Tokens || column == Column::Cost || column == Column::Latency) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default: return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Started: return tr("Started");
    case Column::Trigger: return tr("Trigger");
    case Column::Status: return tr("Status");
    case Column::Version: return tr("Version");
    case Column::Tokens: return tr("Tokens");
    case Column::Cost: return tr("Cost");
    case Column::Latency: return tr("Latency");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
