// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/audit.h"
#include "service/workspace.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace steward {

// The audit log, newest first, filtered, read a page at a time: rows are fetched by keyset
// (older than the oldest row shown) only as a view scrolls towards them, so a log of millions
// of entries never loads whole. Entries appended later that match the filter are inserted on
// top.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Sequence, Time, Actor, Action, Subject, Reason, ColumnCount };
    enum Role { SequenceRole = Qt::UserRole + 1, ActionRole };

    static constexpr int defaultPageSize = 200;

    explicit AuditLogModel(QObject *parent = nullptr, int pageSize = defaultPageSize);
    Q_DISABLE_COPY_MOVE(AuditLogModel)
    ~AuditLogModel() override = default;

    // Both reset the model to nothing loaded; rows come with fetchMore.
    void setWorkspace(Workspace *workspace);
    void setFilter(const AuditFilter &filter);
    [[nodiscard]] const AuditFilter &filter() const { return m_filter; }

    [[nodiscard]] const AuditEntry &entry(int row) const { return m_entries.at(row); }
    // The error of the last failed read; empty when reads succeed.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    void reset();
    void onAuditAppended();
    // One query: up to a page of entries older than `beforeSequence` (0: the newest), plus
    // one more to tell whether there are more. Null on failure (see lastError()).
    [[nodiscard]] std::optional<QList<AuditEntry>> page(qint64 beforeSequence);
    [[nodiscard]] static QVariant display(const AuditEntry &entry, Column column);

    const int m_pageSize;
    QPointer<Workspace> m_workspace;
    AuditFilter m_filter;
    QList<AuditEntry> m_entries;
    bool m_atEnd = false;
    QString m_lastError;
};

} // namespace steward
