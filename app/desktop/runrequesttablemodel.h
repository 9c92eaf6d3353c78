// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runrequest.h"

#include <QAbstractTableModel>
#include <QList>

namespace steward {

// The requests to run an agent that did not become runs (yet), newest first: schedule fires,
// events and Run Now that were skipped or refused, with the runtime's reason, and those still
// waiting. So "why did it not run at 09:00?" has an answer beside the run history.
class RunRequestTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Requested, Trigger, RequestedBy, State, Reason, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    Q_DISABLE_COPY_MOVE(RunRequestTableModel)
    ~RunRequestTableModel() override = default;

    // Keeps those that did not start a run, newest first.
    void setRequests(const QList<RunRequestEntry> &requests);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant display(const RunRequestEntry &request, Column column) const;

    QList<RunRequestEntry> m_requests;
};

} // namespace steward
