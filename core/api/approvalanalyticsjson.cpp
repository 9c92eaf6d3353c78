// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalanalyticsjson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

namespace steward {
namespace {

void insertStats(QJsonObject &object, const DecisionStats &stats)
{
    const QJsonObject fields = toJson(stats);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        object.insert(it.key(), it.value());
    }
}

// Reads the answer, keeping the first problem with where it was (as jsoncodec's readers).
class Reader
{
public:
    [[nodiscard]] QJsonObject object(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject()) {
            fail(path, QCoreApplication::translate("steward::JsonCodec", "must be an object"));
        }
        return value.toObject();
    }

    qint64 count(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() != static_cast<double>(value.toInteger())) {
            fail(path + key, QCoreApplication::translate("steward::JsonCodec", "must be a non-negative integer"));
            return 0;
        }
        return value.toInteger();
    }

    QString text(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (!value.isString()) {
            fail(path + key, QCoreApplication::translate("steward::JsonCodec", "must be a string"));
        }
        return value.toString();
    }

    QDateTime time(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QDateTime time = QDateTime::fromString(object.value(key).toString(), Qt::ISODateWithMs);
        if (!time.isValid()) {
            fail(path + key, QCoreApplication::translate("steward::JsonCodec", "must be an ISO 8601 time"));
        }
        return time.toUTC();
    }

    DecisionStats stats(const QJsonObject &object, const QString &path)
    {
        DecisionStats stats;
        stats.decisions = count(object, path, QStringLiteral("decisions"));
        stats.approvals = count(object, path, QStringLiteral("approvals"));
        stats.rejections = count(object, path, QStringLiteral("rejections"));
        stats.edits = count(object, path, QStringLiteral("edits"));
        stats.medianMs = count(object, path, QStringLiteral("medianMs"));
        stats.p90Ms = count(object, path, QStringLiteral("p90Ms"));
        return stats;
    }

    void fail(const QString &where, const QString &problem)
    {
        if (!m_error) {
            m_error = Error{Error::Code::Invalid,
                            (where.isEmpty() ? QStringLiteral("body") : where) + QStringLiteral(": ") + problem};
        }
    }

    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace

QJsonObject toJson(const DecisionStats &stats)
{
    return {{QStringLiteral("decisions"), stats.decisions},
            {QStringLiteral("approvals"), stats.approvals},
            {QStringLiteral("rejections"), stats.rejections},
            {QStringLiteral("edits"), stats.edits},
            {QStringLiteral("medianMs"), stats.medianMs},
            {QStringLiteral("p90Ms"), stats.p90Ms},
            {QStringLiteral("approvalRate"), stats.approvalRate()},
            {QStringLiteral("rejectionRate"), stats.rejectionRate()},
            {QStringLiteral("editRate"), stats.editRate()},
            {QStringLiteral("rubberStamping"), stats.looksRubberStamped()}};
}

QJsonObject toJson(const ApprovalAnalytics &analytics)
{
    QJsonArray reviewers;
    for (const ReviewerAnalytics &reviewer : analytics.reviewers) {
        QJsonObject item{{QStringLiteral("reviewer"), reviewer.reviewer}};
        insertStats(item, reviewer.stats);
        reviewers.append(item);
    }
    QJsonArray agents;
    for (const AgentApprovalAnalytics &agent : analytics.agents) {
        QJsonObject item{{QStringLiteral("agentId"), agent.agentId}, {QStringLiteral("path"), agent.path}};
        insertStats(item, agent.stats);
        agents.append(item);
    }
    return {{QStringLiteral("nodeId"), analytics.nodeId},
            {QStringLiteral("from"), analytics.from.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("to"), analytics.to.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("subtree"), toJson(analytics.subtree)},
            {QStringLiteral("reviewers"), reviewers},
            {QStringLiteral("agents"), agents}};
}

Result<ApprovalAnalytics> approvalAnalyticsFromJson(const QJsonValue &value)
{
    Reader in;
    const QJsonObject object = in.object(value, QString());
    ApprovalAnalytics analytics;
    analytics.nodeId = in.count(object, QString(), QStringLiteral("nodeId"));
    analytics.from = in.time(object, QString(), QStringLiteral("from"));
    analytics.to = in.time(object, QString(), QStringLiteral("to"));
    analytics.subtree = in.stats(in.object(object.value(QStringLiteral("subtree")), QStringLiteral("subtree")),
                                 QStringLiteral("subtree."));
    const QJsonArray reviewers = object.value(QStringLiteral("reviewers")).toArray();
    for (qsizetype i = 0; i < reviewers.size() && !in.error(); ++i) {
        const QString path = QStringLiteral("reviewers[%1]").arg(i);
        const QJsonObject item = in.object(reviewers.at(i), path);
        analytics.reviewers.append(
            {in.text(item, path + u'.', QStringLiteral("reviewer")), in.stats(item, path + u'.')});
    }
    const QJsonArray agents = object.value(QStringLiteral("agents")).toArray();
    for (qsizetype i = 0; i < agents.size() && !in.error(); ++i) {
        const QString path = QStringLiteral("agents[%1]").arg(i);
        const QJsonObject item = in.object(agents.at(i), path);
        analytics.agents.append({in.count(item, path + u'.', QStringLiteral("agentId")),
                                 in.text(item, path + u'.', QStringLiteral("path")), in.stats(item, path + u'.')});
    }
    if (in.error()) {
        return *in.error();
    }
    return analytics;
}

} // namespace steward
