// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "triggertablemodel.h"

#include <QLocale>

namespace steward {

void TriggerTableModel::setTriggers(QList<Row> rows, const QString &notRunning)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_notRunning = notRunning;
    endResetModel();
}

void TriggerTableModel::setLocalZone(const QTimeZone &zone)
{
    m_localZone = zone;
    if (!m_rows.isEmpty()) {
        const int column = static_cast<int>(Column::NextRuns);
        Q_EMIT dataChanged(index(0, column), index(static_cast<int>(m_rows.size()) - 1, column));
    }
}

int TriggerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TriggerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QTimeZone TriggerTableModel::zoneOf(const AgentSpec::Trigger &trigger)
{
    // A schedule without a zone runs in UTC (docs/agent-spec.md).
    return trigger.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(trigger.timeZone.toUtf8());
}

QString TriggerTableModel::nextRuns(const Row &row) const
{
    if (!m_notRunning.isEmpty()) {
        return m_notRunning;
    }
    if (row.trigger.kind != QLatin1String("schedule")) {
        return tr("When the event arrives");
    }
    if (row.nextRuns.isEmpty()) {
        return tr("None ahead");
    }
    const QLocale locale;
    const QTimeZone zone = zoneOf(row.trigger);
    QStringList lines;
    for (const QDateTime &next : row.nextRuns) {
        const QDateTime there = next.toTimeZone(zone);
        QString line = locale.toString(there, QLocale::ShortFormat);
        // The same instant on the user's clock, when that shows another time.
        const QDateTime here = next.toTimeZone(m_localZone);
        if (here.date() != there.date() || here.time() != there.time()) {
            const QString hereText = here.date() == there.date() ? locale.toString(here.time(), QLocale::ShortFormat)
                                                                 : locale.toString(here, QLocale::ShortFormat);
            line = tr("%1 (your time %2)").arg(line, hereText);
        }
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant TriggerTableModel::display(const Row &row, Column column) const
{
    const bool schedule = row.trigger.kind == QLatin1String("schedule");
    switch (column) {
    case Column::Kind: return schedule ? tr("Schedule") : tr("Event");
    case Column::Value: return row.trigger.value;
    case Column::TimeZone:
        if (!schedule) {
            return QString();
        }
        return row.trigger.timeZone.isEmpty() ? QStringLiteral("UTC") : row.trigger.timeZone;
    case Column::NextRuns: return nextRuns(row);
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant TriggerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(row, column);
    case Qt::ToolTipRole:
        if (column == Column::Value && row.trigger.kind != QLatin1String("schedule")) {
            return tr("Started by POST /api/v1/triggers/%1").arg(row.trigger.value);
        }
        if (column == Column::NextRuns && !row.nextRuns.isEmpty() && m_notRunning.isEmpty()) {
            return tr("In %1; your time zone is %2")
                .arg(QString::fromUtf8(zoneOf(row.trigger).id()), QString::fromUtf8(m_localZone.id()));
        }
        return {};
    case Qt::TextAlignmentRole: return QVariant(Qt::AlignLeft | Qt::AlignTop);
    default: return {};
    }
}

QVariant TriggerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Kind: return tr("Kind");
    case Column::Value: return tr("Schedule or event");
    case Column::TimeZone: return tr("Time zone");
    case Column::NextRuns: return tr("Next runs");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
