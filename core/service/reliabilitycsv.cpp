// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilitycsv.h"

#include <QStringList>

#include <array>

namespace steward::ReliabilityCsv {
namespace {

constexpr std::array measures{
    ReliabilityMeasure::Runs,          ReliabilityMeasure::FailedRuns, ReliabilityMeasure::ErrorRate,
    ReliabilityMeasure::Errors,        ReliabilityMeasure::Decisions,  ReliabilityMeasure::ApprovalRate,
    ReliabilityMeasure::RejectionRate, ReliabilityMeasure::EditRate,   ReliabilityMeasure::LatencyP50,
    ReliabilityMeasure::LatencyP95,    ReliabilityMeasure::TokensIn,   ReliabilityMeasure::TokensOut,
    ReliabilityMeasure::Cost,          ReliabilityMeasure::Events};

const QString lineEnd = QStringLiteral("\r\n");

QString numberOf(const ReliabilityTotals &totals, ReliabilityMeasure measure)
{
    switch (measure) {
    case ReliabilityMeasure::ErrorRate:
    case ReliabilityMeasure::ApprovalRate:
    case ReliabilityMeasure::RejectionRate:
    case ReliabilityMeasure::EditRate: return QString::number(totals.value(measure), 'f', 4);
    case ReliabilityMeasure::LatencyP50:
    case ReliabilityMeasure::LatencyP95: return QString::number(totals.value(measure), 'f', 1);
    case ReliabilityMeasure::Cost: return QString::number(totals.cost, 'f', 6);
    default: return QString::number(static_cast<qint64>(totals.value(measure)));
    }
}

void appendMeasures(QStringList &fields, const ReliabilityTotals &totals)
{
    for (const ReliabilityMeasure measure : measures) {
        fields.append(numberOf(totals, measure));
    }
}

QStringList header(QStringList leading)
{
    for (const ReliabilityMeasure measure : measures) {
        leading.append(toText(measure));
    }
    return leading;
}

QString line(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &text : fields) {
        quoted.append(field(text));
    }
    return quoted.join(QLatin1Char(',')) + lineEnd;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

QString field(const QString &text)
{
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    if (!needsQuotes) {
        return text;
    }
    QString doubled = text;
    doubled.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + doubled + QLatin1Char('"');
}

QByteArray series(const ReliabilitySeries &series)
{
    QString csv = line(header({QStringLiteral("start"), QStringLiteral("end")}));
    for (const ReliabilityPoint &point : series.points) {
        QStringList fields{timeText(point.start), timeText(point.end)};
        appendMeasures(fields, point.totals);
        csv += line(fields);
    }
    return csv.toUtf8();
}

QByteArray ranking(const QList<AgentReliability> &agents)
{
    QString csv = line(header({QStringLiteral("agent_id"), QStringLiteral("path")}));
    for (const AgentReliability &agent : agents) {
        QStringList fields{QString::number(agent.agentId), agent.path};
        appendMeasures(fields, agent.totals);
        csv += line(fields);
    }
    return csv.toUtf8();
}

} // namespace steward::ReliabilityCsv
