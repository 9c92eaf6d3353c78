// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilityservice.h"

#include "service/authorizer.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>
#include <tuple>

namespace steward {
namespace {

constexpr qint64 MsPerHour = 3600 * 1000;
constexpr qint64 MsPerDay = 24 * MsPerHour;

Error invalid(const QString &message)
{
    return Error{Error::Code::Invalid, message};
}

Status checkRange(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || from >= to) {
        return invalid(
            QCoreApplication::translate("steward::ReliabilityService", "A time range needs a start before its end."));
    }
    return Done{};
}

qint64 floorToHour(qint64 ms)
{
    return ms - (((ms % MsPerHour) + MsPerHour) % MsPerHour);
}

// The starts of the buckets that cover [from, to), oldest first. Days and weeks are counted in
// local dates of the zone, so that a day of 23 or 25 hours (a change of summer time) is still
// one bucket, and each date's midnight is taken to its UTC hour (the rollups' grain).
QList<qint64> bucketStarts(const ReliabilityQuery &query, const QTimeZone &zone)
{
    const qint64 fromMs = query.from.toMSecsSinceEpoch();
    const qint64 toMs = query.to.toMSecsSinceEpoch();
    QList<qint64> starts;
    if (query.bucket == TimeBucket::Hour) {
        for (qint64 hour = floorToHour(fromMs); hour < toMs && starts.size() <= ReliabilityService::MaxPoints;
             hour += MsPerHour) {
            starts.append(hour);
        }
        return starts;
    }
    QDate date = query.from.toTimeZone(zone).date();
    const int step = query.bucket == TimeBucket::Week ? 7 : 1;
    if (query.bucket == TimeBucket::Week) {
        date = date.addDays(1 - date.dayOfWeek());
    }
    for (;; date = date.addDays(step)) {
        const qint64 start = floorToHour(QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch());
        if (start >= toMs || starts.size() > ReliabilityService::MaxPoints) {
            break;
        }
        starts.append(start);
    }
    return starts;
}

// The exclusive end of the last bucket: the start the next bucket would have.
qint64 endOfLast(const ReliabilityQuery &query, const QTimeZone &zone, qint64 lastStart)
{
    if (query.bucket == TimeBucket::Hour) {
        return lastStart + MsPerHour;
    }
    // The date the last bucket belongs to: its start is its midnight taken down to the hour,
    // so the local date an hour later (still before the next midnight) is the right one.
    const QDate date = QDateTime::fromMSecsSinceEpoch(lastStart + MsPerHour, zone).date();
    const QDate next = date.addDays(query.bucket == TimeBucket::Week ? 7 : 1);
    return floorToHour(QDateTime(next, QTime(0, 0), zone).toMSecsSinceEpoch());
}

} // namespace

ReliabilityService::ReliabilityService(const Store &store) : m_tree(store), m_rollups(store) { }

Result<QList<OrgNode>> ReliabilityService::agentsBelow(NodeId nodeId, const VisibilityFilter *filter) const
{
    const Result<QList<OrgNode>> subtree = m_tree.subtree(nodeId);
    if (!subtree) {
        return subtree.error();
    }
    QHash<NodeId, Visibility> visibilities;
    if (filter != nullptr) {
        Result<QHash<NodeId, Visibility>> read = m_tree.agentVisibilities();
        if (!read) {
            return read.error();
        }
        visibilities = std::move(read).value();
    }
    QList<OrgNode> agents;
    for (const OrgNode &node : subtree.value()) {
        if (node.kind != NodeKind::Agent) {
            continue;
        }
        if (filter == nullptr
            || filter->canSee(NodeKind::Agent, node.path, visibilities.value(node.id, Visibility::Private))) {
            agents.append(node);
        }
    }
    return agents;
}

Result<ReliabilitySeries> ReliabilityService::series(NodeId nodeId, const ReliabilityQuery &query,
                                                     const VisibilityFilter *filter) const
{
    if (const Status range = checkRange(query.from, query.to); !range) {
        return range.error();
    }
    const QTimeZone zone = query.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(query.timeZone);
    if (!zone.isValid()) {
        return invalid(QCoreApplication::translate("steward::ReliabilityService", "There is no time zone \"%1\".")
                           .arg(QString::fromUtf8(query.timeZone)));
    }
    const QList<qint64> starts = bucketStarts(query, zone);
    if (starts.size() > MaxPoints) {
        return invalid(QCoreApplication::translate("steward::ReliabilityService",
                                                   "A series has at most %1 points; choose a wider bucket or a "
                                                   "shorter range.")
                           .arg(MaxPoints));
    }
    const Result<QList<OrgNode>> agents = agentsBelow(nodeId, filter);
    if (!agents) {
        return agents.error();
    }
    ReliabilitySeries series;
    series.nodeId = nodeId;
    series.bucket = query.bucket;
    series.timeZone = query.timeZone;
    series.agentCount = static_cast<int>(agents->size());
    const qint64 end = endOfLast(query, zone, starts.constLast());
    for (qsizetype i = 0; i < starts.size(); ++i) {
        ReliabilityPoint point;
        point.start = QDateTime::fromMSecsSinceEpoch(starts.at(i), QTimeZone::utc());
        point.end = QDateTime::fromMSecsSinceEpoch(i + 1 < starts.size() ? starts.at(i + 1) : end, QTimeZone::utc());
        series.points.append(point);
    }
    QList<NodeId> ids;
    ids.reserve(agents->size());
    for (const OrgNode &agent : agents.value()) {
        ids.append(agent.id);
    }
    QList<qint64> bounds = starts;
    bounds.append(end);
    // Days and weeks are read from the days' rows, a 24th as many as the hours', with the hours
    // at their edges when they do not begin at UTC midnight.
    if (query.bucket != TimeBucket::Hour) {
        const Result<QList<ReliabilityTotals>> sums = sumsFromDays(ids, bounds);
        if (!sums) {
            return sums.error();
        }
        for (qsizetype i = 0; i < sums->size(); ++i) {
            series.points[i].totals = sums->at(i);
        }
        return series;
    }
    const Result<QList<std::pair<qint64, ReliabilityTotals>>> hours =
        m_rollups.totalsByTime(ReliabilityRepository::Grain::Hour, ids, starts.constFirst(), end);
    if (!hours) {
        return hours.error();
    }
    for (const auto &[hour, totals] : hours.value()) {
        // The last bucket starting at or before the hour holds it.
        const auto after = std::upper_bound(starts.cbegin(), starts.cend(), hour);
        series.points[after - starts.cbegin() - 1].totals.add(totals);
    }
    return series;
}

Result<QList<AgentReliability>> ReliabilityService::ranking(NodeId nodeId, const QDateTime &from, const QDateTime &to,
                                                            ReliabilityMeasure sortBy, Qt::SortOrder order,
                                                            const VisibilityFilter *filter) const
{
    if (const Status range = checkRange(from, to); !range) {
        return range.error();
    }
    const Result<QList<OrgNode>> agents = agentsBelow(nodeId, filter);
    if (!agents) {
        return agents.error();
    }
    QList<NodeId> ids;
    ids.reserve(agents->size());
    for (const OrgNode &agent : agents.value()) {
        ids.append(agent.id);
    }
    // Whole hours: the hour holding `from` counts, as in a series. The whole UTC days inside
    // the range are read from the days' rows, the hours before and after them from the hours'.
    const qint64 fromMs = floorToHour(from.toMSecsSinceEpoch());
    const qint64 toMs = to.toMSecsSinceEpoch();
    const qint64 firstDay = (fromMs + MsPerDay - 1) / MsPerDay * MsPerDay;
    const qint64 lastDay = toMs / MsPerDay * MsPerDay;
    using Grain = ReliabilityRepository::Grain;
    QList<std::tuple<Grain, qint64, qint64>> parts;
    if (firstDay < lastDay) {
        parts = {{Grain::Hour, fromMs, firstDay}, {Grain::Day, firstDay, lastDay}, {Grain::Hour, lastDay, toMs}};
    } else {
        parts = {{Grain::Hour, fromMs, toMs}};
    }
    QHash<NodeId, ReliabilityTotals> totals;
    for (const auto &[grain, start, end] : parts) {
        if (start >= end) {
            continue;
        }
        const Result<QHash<NodeId, ReliabilityTotals>> part = m_rollups.totalsByAgent(grain, ids, start, end);
        if (!part) {
            return part.error();
        }
        for (auto it = part->cbegin(); it != part->cend(); ++it) {
            totals[it.key()].add(it.value());
        }
    }
    QList<AgentReliability> rows;
    rows.reserve(agents->size());
    for (const OrgNode &agent : agents.value()) {
        rows.append({agent.id, agent.path, totals.value(agent.id)});
    }
    // Values are computed once per row, not once per comparison (percentiles walk histograms).
    QList<std::pair<double, qsizetype>> keys;
    keys.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        keys.append({rows.at(i).totals.value(sortBy), i});
    }
    std::stable_sort(keys.begin(), keys.end(), [order](const auto &a, const auto &b) {
        return order == Qt::AscendingOrder ? a.first < b.first : a.first > b.first;
    });
    QList<AgentReliability> sorted;
    sorted.reserve(rows.size());
    for (const auto &key : keys) {
        sorted.append(rows.at(key.second));
    }
    return sorted;
}

Result<QList<ReliabilityTotals>> ReliabilityService::sumsFromDays(const QList<NodeId> &ids,
                                                                  const QList<qint64> &bounds) const
{
    // A bound b = d + r (d a UTC midnight) with r before noon begins its bucket's days at d, and
    // the first r hours of day d are taken off the bucket it starts and added to the one it
    // ends; with r after noon the days begin at d + 1 and the last hours of day d are added to
    // the bucket it starts and taken off the one it ends. So at most twelve hours per bound
    // are read besides the days, and a change of summer time (two offsets) costs nothing more.
    struct Bound
    {
        qint64 day = 0;
        qint64 offset = 0;
        bool head = true;
        qint64 firstDay = 0;
    };
    QList<Bound> cut;
    for (const qint64 bound : bounds) {
        Bound b;
        b.offset = ((bound % MsPerDay) + MsPerDay) % MsPerDay;
        b.day = bound - b.offset;
        b.head = b.offset <= MsPerDay / 2;
        b.firstDay = b.head ? b.day : b.day + MsPerDay;
        cut.append(b);
    }
    const Result<QList<std::pair<qint64, ReliabilityTotals>>> days = m_rollups.totalsByTime(
        ReliabilityRepository::Grain::Day, ids, cut.constFirst().firstDay, cut.constLast().firstDay);
    if (!days) {
        return days.error();
    }
    // The edge hours per (day, offset), read once per offset over the bounds that have it.
    QHash<std::pair<qint64, qint64>, ReliabilityTotals> edges;
    QHash<qint64, std::pair<qint64, qint64>> dayRanges; // per offset, its first and last day
    for (const Bound &b : cut) {
        if (b.offset == 0) {
            continue;
        }
        auto found = dayRanges.find(b.offset);
        if (found == dayRanges.end()) {
            dayRanges.insert(b.offset, {b.day, b.day});
        } else {
            found->first = std::min(found->first, b.day);
            found->second = std::max(found->second, b.day);
        }
    }
    for (auto it = dayRanges.cbegin(); it != dayRanges.cend(); ++it) {
        const qint64 offset = it.key();
        const auto [firstDay, lastDay] = it.value();
        const bool head = offset <= MsPerDay / 2;
        const Result<QList<std::pair<qint64, ReliabilityTotals>>> hours = head
            ? m_rollups.hoursOfDay(ids, firstDay, lastDay + offset, 0, offset)
            : m_rollups.hoursOfDay(ids, firstDay + offset, lastDay + MsPerDay, offset, MsPerDay);
        if (!hours) {
            return hours.error();
        }
        for (const auto &[hour, totals] : hours.value()) {
            edges[{hour - ((hour % MsPerDay) + MsPerDay) % MsPerDay, offset}].add(totals);
        }
    }
    QList<ReliabilityTotals> sums;
    qsizetype day = 0;
    for (qsizetype i = 0; i + 1 < cut.size(); ++i) {
        ReliabilityTotals sum;
        for (; day < days->size() && days->at(day).first < cut.at(i + 1).firstDay; ++day) {
            sum.add(days->at(day).second);
        }
        const Bound &start = cut.at(i);
        const Bound &end = cut.at(i + 1);
        const ReliabilityTotals startEdge = edges.value({start.day, start.offset});
        const ReliabilityTotals endEdge = edges.value({end.day, end.offset});
        if (start.head) {
            sum.subtract(startEdge);
        } else {
            sum.add(startEdge);
        }
        if (end.head) {
            sum.add(endEdge);
        } else {
            sum.subtract(endEdge);
        }
        sums.append(sum);
    }
    return sums;
}

} // namespace steward
