// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace steward {

// An agent's run history for the Runs page, newest first: when, what started it, which version
// ran, how it ended (a colour and an icon besides the word), how long it took, tokens and cost.
// A run under way shows how long it has been running, as of the time last given to setNow().
class RunHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Started, Trigger, Version, Status, Duration, Tokens, Cost, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;
    Q_DISABLE_COPY_MOVE(RunHistoryModel)
    ~RunHistoryModel() override = default;

    // Sorted newest first here, whatever order they come in.
    void setRuns(QList<Run> runs);
    // The time that elapsed times are counted to; the durations of runs under way change.
    void setNow(const QDateTime &now);
    [[nodiscard]] bool hasRunning() const;
    [[nodiscard]] const Run *runAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant display(const Run &run, Column column) const;
    // "250 ms", "1.5 s", "2 min 5 s", "1 h 3 min": a duration the way a person says it.
    [[nodiscard]] static QString duration(qint64 ms);

    QList<Run> m_runs;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

} // namespace steward
