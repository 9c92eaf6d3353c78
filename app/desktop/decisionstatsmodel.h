// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approvalanalytics.h"

#include <QAbstractTableModel>

namespace steward {

// One table of reviewer analytics: a row per reviewer or per agent with its decisions, rates
// and times to decision. Rows that look rubber-stamped (DecisionStats::looksRubberStamped) are
// highlighted and say so in the Flag column.
class DecisionStatsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Name, Decisions, Approved, Rejected, Edited, Median, P90, Flag, Count };
    // `nameHeader` titles the first column ("Reviewer", "Agent").
    explicit DecisionStatsModel(QString nameHeader, QObject *parent = nullptr);

    struct Row
    {
        QString name;
        DecisionStats stats;
    };
    void setRows(QList<Row> rows);
    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "4.2 s", "3 min 10 s", "2 h 5 min": a time to decision as a reviewer reads it.
    [[nodiscard]] static QString durationText(qint64 ms);

private:
    QString m_nameHeader;
    QList<Row> m_rows;
};

} // namespace steward
