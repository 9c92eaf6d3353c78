// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agentspec.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace steward {

// An agent's triggers for the Runs page: kind, schedule or event, time zone and the next run
// times, each in the trigger's zone and, where that is not the user's, in the user's too. While
// the agent does not run (paused, retired, no runner) the next runs say so instead.
class TriggerTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Kind, Value, TimeZone, NextRuns, ColumnCount };

    struct Row
    {
        AgentSpec::Trigger trigger;
        QList<QDateTime> nextRuns; // schedules only, soonest first
    };

    using QAbstractTableModel::QAbstractTableModel;
    Q_DISABLE_COPY_MOVE(TriggerTableModel)
    ~TriggerTableModel() override = default;

    // `notRunning`: why no trigger starts a run now ("Paused: no runs"); empty while they do.
    void setTriggers(QList<Row> rows, const QString &notRunning);
    // The user's zone, for the second time shown (tests set one; the system's by default).
    void setLocalZone(const QTimeZone &zone);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant display(const Row &row, Column column) const;
    [[nodiscard]] QString nextRuns(const Row &row) const;
    [[nodiscard]] static QTimeZone zoneOf(const AgentSpec::Trigger &trigger);

    QList<Row> m_rows;
    QString m_notRunning;
    QTimeZone m_localZone = QTimeZone::systemTimeZone();
};

} // namespace steward
