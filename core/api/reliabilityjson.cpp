// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilityjson.h"

#include "domain/enums.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

namespace steward {
namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// Reads one object of the server's answer, keeping the first problem (as jsoncodec's readers).
class Reader
{
public:
    Reader(const QJsonValue &value, QString path) : m_object(value.toObject()), m_path(std::move(path))
    {
        if (!value.isObject()) {
            fail(QString(), QCoreApplication::translate("steward::JsonCodec", "must be an object"));
        }
    }

    qint64 count(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() != static_cast<double>(value.toInteger())) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be a non-negative integer"));
            return 0;
        }
        return value.toInteger();
    }

    double amount(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isDouble() || value.toDouble() < 0) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be a non-negative number"));
            return 0.0;
        }
        return value.toDouble();
    }

    QString text(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isString()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be a string"));
        }
        return value.toString();
    }

    QDateTime time(const QString &key)
    {
        const QDateTime time = QDateTime::fromString(m_object.value(key).toString(), Qt::ISODateWithMs);
        if (!time.isValid()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be an ISO 8601 time"));
        }
        return time.toUTC();
    }

    ReliabilityTotals totals()
    {
        ReliabilityTotals totals;
        totals.events = count(QStringLiteral("events"));
        totals.runs = count(QStringLiteral("runs"));
        totals.finishedRuns = count(QStringLiteral("finishedRuns"));
        totals.failedRuns = count(QStringLiteral("failedRuns"));
        totals.errors = count(QStringLiteral("errors"));
        totals.outputs = count(QStringLiteral("outputs"));
        totals.tokensIn = count(QStringLiteral("tokensIn"));
        totals.tokensOut = count(QStringLiteral("tokensOut"));
        totals.cost = amount(QStringLiteral("cost"));
        totals.approved = count(QStringLiteral("approved"));
        totals.rejected = count(QStringLiteral("rejected"));
        totals.edited = count(QStringLiteral("edited"));
        const QJsonArray buckets = m_object.value(QStringLiteral("latencyHistogram")).toArray();
        if (buckets.size() != LatencyHistogram::BucketCount) {
            fail(QStringLiteral("latencyHistogram"),
                 QCoreApplication::translate("steward::JsonCodec", "must be an array of %1 counts")
                     .arg(LatencyHistogram::BucketCount));
            return totals;
        }
        for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket) {
            totals.latency.setCount(bucket, buckets.at(bucket).toInteger());
        }
        return totals;
    }

    [[nodiscard]] const QJsonObject &object() const { return m_object; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

    void fail(const QString &key, const QString &problem)
    {
        if (!m_error) {
            const QString where = key.isEmpty() ? m_path : (m_path.isEmpty() ? key : m_path + u'.' + key);
            m_error = Error{Error::Code::Invalid,
                            (where.isEmpty() ? QStringLiteral("body") : where) + QStringLiteral(": ") + problem};
        }
    }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

void insertTotals(QJsonObject &object, const ReliabilityTotals &totals)
{
    const QJsonObject fields = toJson(totals);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        object.insert(it.key(), it.value());
    }
}

} // namespace

QJsonObject toJson(const ReliabilityTotals &totals)
{
    QJsonArray histogram;
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket) {
        histogram.append(totals.latency.count(bucket));
    }
    return {{QStringLiteral("events"), totals.events},
            {QStringLiteral("runs"), totals.runs},
            {QStringLiteral("finishedRuns"), totals.finishedRuns},
            {QStringLiteral("failedRuns"), totals.failedRuns},
            {QStringLiteral("errors"), totals.errors},
            {QStringLiteral("outputs"), totals.outputs},
            {QStringLiteral("tokensIn"), totals.tokensIn},
            {QStringLiteral("tokensOut"), totals.tokensOut},
            {QStringLiteral("cost"), totals.cost},
            {QStringLiteral("approved"), totals.approved},
            {QStringLiteral("rejected"), totals.rejected},
            {QStringLiteral("edited"), totals.edited},
            {QStringLiteral("latencyHistogram"), histogram},
            {QStringLiteral("errorRate"), totals.errorRate()},
            {QStringLiteral("approvalRate"), totals.approvalRate()},
            {QStringLiteral("rejectionRate"), totals.rejectionRate()},
            {QStringLiteral("editRate"), totals.editRate()},
            {QStringLiteral("latencyP50Ms"), totals.latency.percentileMs(0.50)},
            {QStringLiteral("latencyP95Ms"), totals.latency.percentileMs(0.95)}};
}

QJsonObject toJson(const ReliabilitySeries &series)
{
    QJsonArray points;
    for (const ReliabilityPoint &point : series.points) {
        QJsonObject item{{QStringLiteral("start"), timeJson(point.start)},
                         {QStringLiteral("end"), timeJson(point.end)}};
        insertTotals(item, point.totals);
        points.append(item);
    }
    return {{QStringLiteral("nodeId"), series.nodeId},
            {QStringLiteral("bucket"), toText(series.bucket)},
            {QStringLiteral("timeZone"), QString::fromUtf8(series.timeZone)},
            {QStringLiteral("agentCount"), series.agentCount},
            {QStringLiteral("points"), points}};
}

QJsonObject toJson(const AgentReliability &agent)
{
    QJsonObject object{{QStringLiteral("agentId"), agent.agentId}, {QStringLiteral("path"), agent.path}};
    insertTotals(object, agent.totals);
    return object;
}

Result<ReliabilitySeries> reliabilitySeriesFromJson(const QJsonValue &value)
{
    Reader in(value, QString());
    ReliabilitySeries series;
    series.nodeId = in.count(QStringLiteral("nodeId"));
    const std::optional<TimeBucket> bucket = parseEnum<TimeBucket>(in.text(QStringLiteral("bucket")));
    if (!bucket) {
        in.fail(QStringLiteral("bucket"),
                QCoreApplication::translate("steward::JsonCodec", "must be hour, day or week"));
    }
    series.bucket = bucket.value_or(TimeBucket::Day);
    series.timeZone = in.text(QStringLiteral("timeZone")).toUtf8();
    series.agentCount = static_cast<int>(in.count(QStringLiteral("agentCount")));
    const QJsonArray points = in.object().value(QStringLiteral("points")).toArray();
    for (qsizetype i = 0; i < points.size() && !in.error(); ++i) {
        Reader pointIn(points.at(i), QStringLiteral("points[%1]").arg(i));
        ReliabilityPoint point;
        point.start = pointIn.time(QStringLiteral("start"));
        point.end = pointIn.time(QStringLiteral("end"));
        point.totals = pointIn.totals();
        if (pointIn.error()) {
            return *pointIn.error();
        }
        series.points.append(point);
    }
    if (in.error()) {
        return *in.error();
    }
    return series;
}

Result<AgentReliability> agentReliabilityFromJson(const QJsonValue &value, const QString &path)
{
    Reader in(value, path);
    AgentReliability agent;
    agent.agentId = in.count(QStringLiteral("agentId"));
    agent.path = in.text(QStringLiteral("path"));
    agent.totals = in.totals();
    if (in.error()) {
        return *in.error();
    }
    return agent;
}

} // namespace steward
