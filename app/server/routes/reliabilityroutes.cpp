// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reliability over time over HTTP: a node's series of hour, day or week buckets and the
// ranking of the agents below it, read from the hourly rollups. Both count only the agents the
// caller may see; a node the caller may not see is not found.
#include "api/reliabilityjson.h"
#include "apirouter.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"
#include "service/reliabilityservice.h"

#include <QCoreApplication>

namespace steward {

using namespace RouteHelpers;

namespace {

// Without a range: the last seven days up to now.
constexpr qint64 DefaultRangeDays = 7;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::ReliabilityRoutes", text);
}

Result<QDateTime> timeParameter(const ApiRequest &request, const QString &name, const QDateTime &fallback)
{
    const QString text = request.query(name);
    if (text.isEmpty()) {
        return fallback;
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        return Error{Error::Code::Invalid, translated("%1: \"%2\" is not an ISO 8601 time").arg(name, text)};
    }
    return time.toUTC();
}

template<typename Enum> Result<Enum> enumParameter(const ApiRequest &request, const QString &name, Enum fallback)
{
    const QString text = request.query(name);
    if (text.isEmpty()) {
        return fallback;
    }
    const std::optional<Enum> value = parseEnum<Enum>(text);
    if (!value) {
        return Error{Error::Code::Invalid, translated("%1: \"%2\" is not one of the known values").arg(name, text)};
    }
    return *value;
}

// The node of {id} if the caller may see it, the range (from, to) and the caller's filter.
struct Scope
{
    OrgNode node;
    QDateTime from;
    QDateTime to;
    VisibilityFilter filter;
};

Result<Scope> scopeOf(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<QDateTime> to = timeParameter(request, QStringLiteral("to"), context.clock.now());
    if (const std::optional<Error> error = firstError(id, to)) {
        return *error;
    }
    const Result<QDateTime> from = timeParameter(request, QStringLiteral("from"), to->addDays(-DefaultRangeDays));
    if (!from) {
        return from.error();
    }
    const Result<OrgNode> node = visibleNode(context, request.principal, id.value());
    if (!node) {
        return node.error();
    }
    Result<VisibilityFilter> filter = context.authorizer.visibilityFilter(request.principal);
    if (!filter) {
        return filter.error();
    }
    return Scope{node.value(), from.value(), to.value(), std::move(filter).value()};
}

ApiReply getSeries(ServerContext &context, ApiRequest &request)
{
    const Result<Scope> scope = scopeOf(context, request);
    const Result<TimeBucket> bucket = enumParameter(request, QStringLiteral("bucket"), TimeBucket::Day);
    if (const std::optional<Error> error = firstError(scope, bucket)) {
        return ApiReply::error(*error);
    }
    ReliabilityQuery query;
    query.from = scope->from;
    query.to = scope->to;
    query.bucket = bucket.value();
    query.timeZone = request.query(QStringLiteral("timeZone")).toUtf8();
    return replyWith(ReliabilityService(*context.store).series(scope->node.id, query, &scope->filter),
                     [](const ReliabilitySeries &series) { return toJson(series); });
}

ApiReply getRanking(ServerContext &context, ApiRequest &request)
{
    const Result<Scope> scope = scopeOf(context, request);
    const Result<ReliabilityMeasure> sortBy = enumParameter(request, QStringLiteral("sort"), ReliabilityMeasure::Runs);
    const QString order = request.query(QStringLiteral("order"));
    if (const std::optional<Error> error = firstError(scope, sortBy)) {
        return ApiReply::error(*error);
    }
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc")) {
        return ApiReply::error(
            Error{Error::Code::Invalid, translated("order: \"%1\" is neither asc nor desc").arg(order)});
    }
    const Result<QList<AgentReliability>> ranking =
        ReliabilityService(*context.store)
            .ranking(scope->node.id, scope->from, scope->to, sortBy.value(),
                     order == QLatin1String("asc") ? Qt::AscendingOrder : Qt::DescendingOrder, &scope->filter);
    if (!ranking) {
        return ApiReply::error(ranking.error());
    }
    // The whole ranking in one page: one row per agent below the node, which the caller sees.
    QJsonArray items;
    for (const AgentReliability &agent : ranking.value()) {
        items.append(toJson(agent));
    }
    return ApiReply::page(items, QString());
}

} // namespace

void addReliabilityRoutes(ApiRouter &router, ServerContext &context)
{
    addRoute(router, context, "GET", QStringLiteral("/api/v1/nodes/{id}/reliability"), getSeries);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/nodes/{id}/reliability/agents"), getRanking);
}

} // namespace steward
