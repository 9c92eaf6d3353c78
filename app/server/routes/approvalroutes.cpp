// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The approval inbox over HTTP: agents submit proposals for their own agent and may wait for
// the decision (a long poll held by ApprovalWaiters); reviewers list, read and decide what they
// may see; approval policies are read by anyone who sees the node and set by its admins.
// ApprovalService applies the rules; these handlers check who sees what.
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "approvalwaiters.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace steward {

using namespace RouteHelpers;

namespace {

// The longest a client may hold a request open waiting for a decision.
constexpr int maxWaitSeconds = 60;

Result<QDateTime> timeParameter(const ApiRequest &request, const QString &name)
{
    const QString text = request.query(name);
    if (text.isEmpty()) {
        return QDateTime();
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ApprovalRoutes",
                                                 "%1: \"%2\" is not an ISO 8601 time with a time zone.")
                         .arg(name, text)};
    }
    return time.toUTC();
}

// The approval, if its agent is one the principal may see (NotFound otherwise, as for a
// missing one).
Result<ApprovalDetail> visibleDetail(ServerContext &context, const Principal &principal, ApprovalId id)
{
    Result<ApprovalDetail> detail = context.approvals.detail(id, principal.name);
    if (!detail) {
        return detail;
    }
    if (const Result<OrgNode> agent = visibleNode(context, principal, detail->approval.agentId); !agent) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::ApprovalRoutes", "There is no approval %1.").arg(id)};
    }
    return detail;
}

ApiReply submitApproval(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<NewApproval> proposal = newApprovalFromJson(body.value());
    if (!proposal) {
        return ApiReply::error(proposal.error());
    }
    // Only an agent identity holds SubmitApproval, and only on its own agent.
    if (const Result<OrgNode> agent =
            nodeForAction(context, request.principal, Action::SubmitApproval, proposal->agentId);
        !agent) {
        return ApiReply::error(agent.error());
    }
    return replyWith(
        context.approvals.submit(proposal.value(), request.principal.name),
        [](const Approval &approval) { return toJson(approval); }, 201);
}

ApiReply listApprovals(ServerContext &context, ApiRequest &request)
{
    ApprovalFilter filter;
    const QString state = request.query(QStringLiteral("state"));
    if (!state.isEmpty()) {
        filter.state = parseEnum<ApprovalState>(state);
        if (!filter.state) {
            return ApiReply::error(
                Error{Error::Code::Invalid,
                      QCoreApplication::translate("steward::ApprovalRoutes", "state: \"%1\" is not an approval state.")
                          .arg(state)});
        }
    }
    const Result<qint64> agent = request.queryNumber(QStringLiteral("agent"), NoNode, 0, ApiLimits::MaxSafeInteger);
    const Result<qint64> node = request.queryNumber(QStringLiteral("node"), NoNode, 0, ApiLimits::MaxSafeInteger);
    const Result<qint64> before = request.queryNumber(QStringLiteral("before"), 0, 0, ApiLimits::MaxSafeInteger);
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 100, 1, 500);
    const Result<QDateTime> createdBefore = timeParameter(request, QStringLiteral("createdBefore"));
    const Result<QDateTime> createdAfter = timeParameter(request, QStringLiteral("createdAfter"));
    const Result<QDateTime> expiresBefore = timeParameter(request, QStringLiteral("expiresBefore"));
    if (const std::optional<Error> error =
            firstError(agent, node, before, limit, createdBefore, createdAfter, expiresBefore)) {
        return ApiReply::error(*error);
    }
    const QString mine = request.query(QStringLiteral("mine"));
    if (!mine.isEmpty() && mine != QLatin1String("true") && mine != QLatin1String("false")) {
        return ApiReply::error(Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ApprovalRoutes", "mine: give true or false, not \"%1\".").arg(mine)});
    }
    for (const NodeId id : {agent.value(), node.value()}) {
        if (id != NoNode) {
            if (const Result<OrgNode> visible = visibleNode(context, request.principal, id); !visible) {
                return ApiReply::error(visible.error());
            }
        }
    }
    filter.agentId = agent.value();
    filter.subtreeId = node.value();
    filter.beforeId = before.value();
    filter.limit = static_cast<int>(limit.value());
    filter.createdBefore = createdBefore.value();
    filter.createdAfter = createdAfter.value();
    filter.expiresBefore = expiresBefore.value();
    filter.mine = mine == QLatin1String("true");
    const Result<VisibilityFilter> visibility = context.authorizer.visibilityFilter(request.principal);
    if (!visibility) {
        return ApiReply::error(visibility.error());
    }
    const Result<ApprovalPage> page = context.approvals.list(filter, request.principal.name, &visibility.value());
    if (!page) {
        return ApiReply::error(page.error());
    }
    QJsonObject object{{QStringLiteral("items"), toJsonArray(page->items)},
                       {QStringLiteral("proposals"), toJsonArray(page->proposals)}};
    if (page->nextBeforeId != 0) {
        object.insert(QStringLiteral("nextCursor"), QString::number(page->nextBeforeId));
    }
    return ApiReply::json(object);
}

void getApproval(ServerContext &context, ApprovalWaiters &waiters, ApiRequest &request, QHttpServerResponder &responder)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<qint64> wait = request.queryNumber(QStringLiteral("wait"), 0, 0, maxWaitSeconds);
    if (const std::optional<Error> error = firstError(id, wait)) {
        ApiReply::error(*error).writeTo(responder);
        return;
    }
    const Result<ApprovalDetail> detail = visibleDetail(context, request.principal, id.value());
    if (!detail || wait.value() == 0 || detail->approval.state != ApprovalState::Pending) {
        replyWith(detail, [](const ApprovalDetail &found) { return toJson(found); }).writeTo(responder);
        return;
    }
    waiters.wait(id.value(), static_cast<int>(wait.value()) * 1000, responder,
                 [&context, principal = request.principal, approvalId = id.value()](bool final) {
                     const Result<ApprovalDetail> now = visibleDetail(context, principal, approvalId);
                     if (!final && now && now->approval.state == ApprovalState::Pending) {
                         return std::optional<ApiReply>();
                     }
                     return std::optional<ApiReply>(
                         replyWith(now, [](const ApprovalDetail &found) { return toJson(found); }));
                 });
}

ApiReply decideApproval(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(id, body)) {
        return ApiReply::error(*error);
    }
    const Result<ApprovalDecisionRequest> decision = approvalDecisionRequestFromJson(body.value());
    if (!decision) {
        return ApiReply::error(decision.error());
    }
    if (const Result<ApprovalDetail> visible = visibleDetail(context, request.principal, id.value()); !visible) {
        return ApiReply::error(visible.error());
    }
    return replyWith(
        context.approvals.decide(id.value(), decision.value(), request.principal.name),
        [](const Approval &approval) { return toJson(approval); }, 201);
}

ApiReply approvalCounts(ServerContext &context, ApiRequest &request)
{
    return replyWith(context.approvals.counts(request.principal.name),
                     [](const ApprovalCounts &counts) { return toJson(counts); });
}

ApiReply agentDecisions(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 50, 1, 500);
    if (const std::optional<Error> error = firstError(id, limit)) {
        return ApiReply::error(*error);
    }
    if (const Result<OrgNode> agent = visibleNode(context, request.principal, id.value()); !agent) {
        return ApiReply::error(agent.error());
    }
    const Result<QList<ApprovalDecision>> decisions =
        context.approvals.agentDecisions(id.value(), static_cast<int>(limit.value()));
    if (!decisions) {
        return ApiReply::error(decisions.error());
    }
    return ApiReply::page(toJsonArray(decisions.value()), {});
}

ApiReply getPolicy(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return ApiReply::error(id.error());
    }
    if (const Result<OrgNode> node = visibleNode(context, request.principal, id.value()); !node) {
        return ApiReply::error(node.error());
    }
    return replyWith(context.approvals.effectivePolicy(id.value()),
                     [](const EffectivePolicy &policy) { return toJson(policy); });
}

ApiReply putPolicy(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(id, body)) {
        return ApiReply::error(*error);
    }
    const Result<ApprovalPolicyRequest> change = approvalPolicyRequestFromJson(body.value());
    if (!change) {
        return ApiReply::error(change.error());
    }
    // Who approves is an access question: the node's admins decide it.
    if (const Result<OrgNode> node = nodeForAction(context, request.principal, Action::ManageAccess, id.value());
        !node) {
        return ApiReply::error(node.error());
    }
    return replyWith(context.approvals.setPolicy(id.value(), change->policy, request.principal.name, change->reason),
                     [](const EffectivePolicy &policy) { return toJson(policy); });
}

} // namespace

void addApprovalRoutes(ApiRouter &router, ServerContext &context, ApprovalWaiters &waiters)
{
    addRoute(router, context, "POST", QStringLiteral("/api/v1/approvals"), submitApproval);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/approvals"), listApprovals);
    router.addStreaming("GET", QStringLiteral("/api/v1/approvals/{id}"), ApiRouter::Access::Authenticated,
                        [&context, &waiters](ApiRequest &request, QHttpServerResponder &responder) {
                            getApproval(context, waiters, request, responder);
                        });
    addRoute(router, context, "POST", QStringLiteral("/api/v1/approvals/{id}/decisions"), decideApproval);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/approval-counts"), approvalCounts);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}/approval-decisions"), agentDecisions);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/nodes/{id}/approval-policy"), getPolicy);
    addRoute(router, context, "PUT", QStringLiteral("/api/v1/nodes/{id}/approval-policy"), putPolicy);
}

} // namespace steward
