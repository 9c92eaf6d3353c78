// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runhistorymodel.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QStyle>

#include <algorithm>

namespace steward {
namespace {

// Readable on light and dark backgrounds alike.
QColor colorOf(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QColor(0x1e, 0x6f, 0xd9);
    case RunStatus::Succeeded: return QColor(0x2e, 0x8b, 0x3e);
    case RunStatus::Failed: return QColor(0xd0, 0x30, 0x30);
    case RunStatus::Interrupted: return QColor(0xc0, 0x7a, 0x00);
    }
    return {};
}

QStyle::StandardPixmap iconOf(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QStyle::SP_MediaPlay;
    case RunStatus::Succeeded: return QStyle::SP_DialogApplyButton;
    case RunStatus::Failed: return QStyle::SP_MessageBoxCritical;
    case RunStatus::Interrupted: return QStyle::SP_MessageBoxWarning;
    }
    return QStyle::SP_CustomBase;
}

} // namespace

void RunHistoryModel::setRuns(QList<Run> runs)
{
    // Ids grow with time; a tie on the start time still has one order.
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) {
        return a.startedAt != b.startedAt ? a.startedAt > b.startedAt : a.id > b.id;
    });
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

void RunHistoryModel::setNow(const QDateTime &now)
{
    m_now = now;
    const int column = static_cast<int>(Column::Duration);
    for (int row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).status == RunStatus::Running) {
            Q_EMIT dataChanged(index(row, column), index(row, column), {Qt::DisplayRole});
        }
    }
}

bool RunHistoryModel::hasRunning() const
{
    return std::any_of(m_runs.cbegin(), m_runs.cend(), [](const Run &run) { return run.status == RunStatus::Running; });
}

const Run *RunHistoryModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QString RunHistoryModel::duration(qint64 ms)
{
    const QLocale locale;
    if (ms < 1000) {
        return tr("%1 ms").arg(locale.toString(ms));
    }
    if (ms < 60'000) {
        return tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 1));
    }
    const qint64 seconds = ms / 1000;
    if (seconds < 3600) {
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QVariant RunHistoryModel::display(const Run &run, Column column) const
{
    const QLocale locale;
    switch (column) {
    case Column::Started: return locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    case Column::Trigger:
        return run.triggerDetail.isEmpty() ? displayName(run.trigger)
                                           : tr("%1: %2").arg(displayName(run.trigger), run.triggerDetail);
    case Column::Version: return tr("v%1").arg(run.version);
    case Column::Status: return displayName(run.status);
    case Column::Duration:
        if (run.status == RunStatus::Running) {
            return tr("running for %1").arg(duration(std::max<qint64>(0, run.startedAt.msecsTo(m_now))));
        }
        // Runs that agents report may leave the latency out; the times still tell.
        return duration(run.latencyMs > 0 || !run.endedAt.isValid() ? run.latencyMs
                                                                    : run.startedAt.msecsTo(run.endedAt));
    case Column::Tokens: return locale.toString(run.tokensIn + run.tokensOut);
    case Column::Cost: return tr("$%1").arg(locale.toString(run.cost, 'f', 4));
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Run &run = m_runs.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(run, column);
    case RunIdRole: return run.id;
    case Qt::ForegroundRole: return column == Column::Status ? QVariant(QBrush(colorOf(run.status))) : QVariant();
    case Qt::DecorationRole:
        return column == Column::Status ? QVariant(QApplication::style()->standardIcon(iconOf(run.status)))
                                        : QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Started: return QLocale().toString(run.startedAt.toLocalTime(), QLocale::LongFormat);
        case Column::Tokens:
            return tr("%1 in, %2 out").arg(QLocale().toString(run.tokensIn), QLocale().toString(run.tokensOut));
        case Column::Status:
            return run.endedAt.isValid() ? tr("Run %1, ended %2")
                                               .arg(run.id)
                                               .arg(QLocale().toString(run.endedAt.toLocalTime(), QLocale::LongFormat))
                                         : tr("Run %1, under way").arg(run.id);
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (column == Column::Tokens || column == Column::Cost || column == Column::Duration) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default: return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Started: return tr("Started");
    case Column::Trigger: return tr("Trigger");
    case Column::Version: return tr("Version");
    case Column::Status: return tr("Status");
    case Column::Duration: return tr("Duration");
    case Column::Tokens: return tr("Tokens");
    case Column::Cost: return tr("Cost");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
