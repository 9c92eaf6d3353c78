// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlogmodel.h"

#include "displaytext.h"

#include <QLocale>

namespace steward {

AuditLogModel::AuditLogModel(QObject *parent, int pageSize) : QAbstractTableModel(parent), m_pageSize(pageSize) { }

void AuditLogModel::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (workspace) {
        connect(workspace, &Workspace::auditAppended, this, &AuditLogModel::onAuditAppended);
    }
    reset();
}

void AuditLogModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    reset();
}

void AuditLogModel::reset()
{
    beginResetModel();
    m_entries.clear();
    m_atEnd = !m_workspace;
    m_lastError.clear();
    endResetModel();
}

std::optional<QList<AuditEntry>> AuditLogModel::page(qint64 beforeSequence)
{
    Result<QList<AuditEntry>> entries = m_workspace->auditEntries(m_filter, beforeSequence, m_pageSize + 1);
    if (!entries) {
        m_lastError = entries.error().message;
        return std::nullopt;
    }
    m_lastError.clear();
    return std::move(entries).value();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_workspace;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    std::optional<QList<AuditEntry>> entries = page(m_entries.isEmpty() ? 0 : m_entries.last().sequence);
    if (!entries) {
        m_atEnd = true; // a failed read is not retried by every scroll; a new filter tries again
        return;
    }
    m_atEnd = entries->size() <= m_pageSize;
    if (!m_atEnd) {
        entries->removeLast();
    }
    if (!entries->isEmpty()) {
        const auto first = static_cast<int>(m_entries.size());
        beginInsertRows({}, first, first + static_cast<int>(entries->size()) - 1);
        m_entries.append(*entries);
        endInsertRows();
    }
}

void AuditLogModel::onAuditAppended()
{
    // Until the first page is read, the new entries will come with it.
    if (m_entries.isEmpty() && !m_atEnd) {
        return;
    }
    const std::optional<QList<AuditEntry>> newest = page(0);
    if (!newest) {
        return;
    }
    const qint64 shownNewest = m_entries.isEmpty() ? 0 : m_entries.first().sequence;
    QList<AuditEntry> added;
    for (const AuditEntry &entry : *newest) {
        if (entry.sequence <= shownNewest) {
            break;
        }
        added.append(entry);
    }
    if (added.size() > m_pageSize) {
        // More arrived than a page: there may be a gap between them and the rows shown.
        reset();
        return;
    }
    if (added.isEmpty()) {
        return;
    }
    beginInsertRows({}, 0, static_cast<int>(added.size()) - 1);
    m_entries = added + m_entries;
    endInsertRows();
}

QVariant AuditLogModel::display(const AuditEntry &entry, Column column)
{
    switch (column) {
    case Column::Sequence: return QLocale().toString(entry.sequence);
    case Column::Time: return DisplayText::time(entry.time);
    case Column::Actor: return entry.actor;
    case Column::Action: return DisplayText::action(entry.action);
    case Column::Subject: return entry.subject;
    case Column::Reason: return entry.reason;
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const AuditEntry &entry = m_entries.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(entry, column);
    case Qt::ToolTipRole:
        if (column == Column::Action) {
            return entry.action;
        }
        if (column == Column::Reason) {
            return entry.reason;
        }
        if (column == Column::Time) {
            return QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Sequence) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case SequenceRole: return entry.sequence;
    case ActionRole: return entry.action;
    default: return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Sequence: return tr("#");
    case Column::Time: return tr("Time");
    case Column::Actor: return tr("Actor");
    case Column::Action: return tr("Action");
    case Column::Subject: return tr("Subject");
    case Column::Reason: return tr("Reason");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
