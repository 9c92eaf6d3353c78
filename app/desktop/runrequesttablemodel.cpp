// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrequesttablemodel.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

#include <algorithm>

namespace steward {

void RunRequestTableModel::setRequests(const QList<RunRequestEntry> &requests)
{
    QList<RunRequestEntry> kept;
    std::copy_if(requests.cbegin(), requests.cend(), std::back_inserter(kept),
                 [](const RunRequestEntry &request) { return request.state != RunRequestState::Started; });
    std::sort(kept.begin(), kept.end(), [](const RunRequestEntry &a, const RunRequestEntry &b) {
        return a.requestedAt != b.requestedAt ? a.requestedAt > b.requestedAt : a.id > b.id;
    });
    beginResetModel();
    m_requests = std::move(kept);
    endResetModel();
}

int RunRequestTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_requests.size());
}

int RunRequestTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QVariant RunRequestTableModel::display(const RunRequestEntry &request, Column column) const
{
    switch (column) {
    case Column::Requested: return QLocale().toString(request.requestedAt.toLocalTime(), QLocale::ShortFormat);
    case Column::Trigger:
        return request.triggerDetail.isEmpty() ? displayName(request.trigger)
                                               : tr("%1: %2").arg(displayName(request.trigger), request.triggerDetail);
    case Column::RequestedBy: return request.requestedBy;
    case Column::State: return displayName(request.state);
    case Column::Reason:
        if (request.state == RunRequestState::Pending && request.notBefore.isValid()
            && request.notBefore > request.requestedAt) {
            return tr("Waits until %1").arg(QLocale().toString(request.notBefore.toLocalTime(), QLocale::ShortFormat));
        }
        return request.reason;
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant RunRequestTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const RunRequestEntry &request = m_requests.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(request, column);
    case Qt::ToolTipRole:
        return column == Column::Reason || column == Column::Trigger ? display(request, column) : QVariant();
    case Qt::DecorationRole:
        if (column != Column::State) {
            return {};
        }
        return QApplication::style()->standardIcon(
            request.state == RunRequestState::Refused       ? QStyle::SP_MessageBoxWarning
                : request.state == RunRequestState::Skipped ? QStyle::SP_MediaSkipForward
                                                            : QStyle::SP_BrowserReload);
    default: return {};
    }
}

QVariant RunRequestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Requested: return tr("Requested");
    case Column::Trigger: return tr("Trigger");
    case Column::RequestedBy: return tr("By");
    case Column::State: return tr("State");
    case Column::Reason: return tr("Why");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
