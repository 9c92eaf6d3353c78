// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reviewer analytics over HTTP: who decided the approvals below a node in a range, how fast and
// how. Only decisions on agents the caller may see count; a node the caller may not see is not
// found.
#include "api/approvalanalyticsjson.h"
#include "apirouter.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"
#include "service/approvalanalyticsservice.h"

#include <QCoreApplication>

namespace steward {

using namespace RouteHelpers;

namespace {

// Without a range: the last thirty days up to now.
constexpr qint64 DefaultRangeDays = 30;

Result<QDateTime> timeParameter(const ApiRequest &request, const QString &name, const QDateTime &fallback)
{
    const QString text = request.query(name);
    if (text.isEmpty()) {
        return fallback;
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ApprovalAnalyticsRoutes", "%1: \"%2\" is not an ISO 8601 time")
                .arg(name, text)};
    }
    return time.toUTC();
}

ApiReply getAnalytics(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<QDateTime> to = timeParameter(request, QStringLiteral("to"), context.clock.now());
    if (const std::optional<Error> error = firstError(id, to)) {
        return ApiReply::error(*error);
    }
    const Result<QDateTime> from = timeParameter(request, QStringLiteral("from"), to->addDays(-DefaultRangeDays));
    if (!from) {
        return ApiReply::error(from.error());
    }
    const Result<OrgNode> node = visibleNode(context, request.principal, id.value());
    if (!node) {
        return ApiReply::error(node.error());
    }
    const Result<VisibilityFilter> filter = context.authorizer.visibilityFilter(request.principal);
    if (!filter) {
        return ApiReply::error(filter.error());
    }
    return replyWith(
        ApprovalAnalyticsService(*context.store).analytics(node->id, from.value(), to.value(), &filter.value()),
        [](const ApprovalAnalytics &analytics) { return toJson(analytics); });
}

} // namespace

void addApprovalAnalyticsRoutes(ApiRouter &router, ServerContext &context)
{
    addRoute(router, context, "GET", QStringLiteral("/api/v1/nodes/{id}/approval-analytics"), getAnalytics);
}

} // namespace steward
