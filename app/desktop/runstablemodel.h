// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"

#include <QAbstractTableModel>
#include <QList>

namespace steward {

// An agent's recent runs, newest first, for the detail pane.
class RunsTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Started, Trigger, Status, Version, Tokens, Cost, Latency, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    Q_DISABLE_COPY_MOVE(RunsTableModel)
    ~RunsTableModel() override = default;

    void setRuns(QList<Run> runs);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] static QVariant display(const Run &run, Column column);

    QList<Run> m_runs;
};

} // namespace steward
