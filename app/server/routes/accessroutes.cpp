// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Who may act: the caller's own identity, and for those who manage access (ManageAccess on the
// company, or on the subtree a grant is about) people, agent identities, grants and tokens,
// all through AccessService, so every change is audited as it is from stewardctl.
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"

namespace steward {

using namespace RouteHelpers;

namespace {

Result<QJsonArray> grantsJson(ServerContext &context, PrincipalId id)
{
    const Result<QList<Grant>> grants = context.access.principals().grantsOf(id);
    if (!grants) {
        return grants.error();
    }
    QJsonArray array;
    for (const Grant &grant : grants.value()) {
        array.append(toJson(grant));
    }
    return array;
}

ApiReply me(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonArray> grants = grantsJson(context, request.principal.id);
    if (!grants) {
        return ApiReply::error(grants.error());
    }
    return ApiReply::json(QJsonObject{{QStringLiteral("principal"), toJson(request.principal)},
                                      {QStringLiteral("grants"), grants.value()}});
}

ApiReply listPrincipals(ServerContext &context, ApiRequest &request)
{
    const Result<Page> page = RouteHelpers::page(request);
    if (!page) {
        return ApiReply::error(page.error());
    }
    if (const Result<OrgNode> root = rootForAction(context, request.principal, Action::ManageAccess); !root) {
        return ApiReply::error(root.error());
    }
    const Result<QList<Principal>> all = context.access.principals().all();
    if (!all) {
        return ApiReply::error(all.error());
    }
    QJsonArray items;
    for (const Principal &principal : all.value()) {
        const Result<QJsonArray> grants = grantsJson(context, principal.id);
        if (!grants) {
            return ApiReply::error(grants.error());
        }
        QJsonObject object = toJson(principal);
        object.insert(QStringLiteral("grants"), grants.value());
        items.append(object);
    }
    return pageOf(items, page.value());
}

ApiReply addPrincipal(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<PrincipalCreateRequest> asked = principalCreateRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    if (const Result<OrgNode> root = rootForAction(context, request.principal, Action::ManageAccess); !root) {
        return ApiReply::error(root.error());
    }
    return replyWith(
        context.access.addPrincipal(asked->name, asked->displayName, asked->kind, request.principal.name,
                                    asked->reason),
        [](const Principal &principal) { return toJson(principal); }, 201);
}

// A grant request's role and path, if the caller manages access on that path.
Result<GrantRequest> grantRequest(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const Result<GrantRequest> asked = grantRequestFromJson(body.value());
    if (!asked) {
        return asked.error();
    }
    const Result<OrgNode> node = TreeRepository(*context.store).nodeByPath(asked->path);
    if (!node) {
        return node.error();
    }
    if (const Result<OrgNode> allowed = nodeForAction(context, request.principal, Action::ManageAccess, node->id);
        !allowed) {
        return allowed.error();
    }
    return asked;
}

ApiReply grant(ServerContext &context, ApiRequest &request)
{
    const Result<GrantRequest> asked = grantRequest(context, request);
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    return replyWith(
        context.access.grant(request.pathValues.value(QStringLiteral("name")), asked->role, asked->path,
                             request.principal.name, asked->reason),
        [](const Grant &granted) { return toJson(granted); }, 201);
}

ApiReply revoke(ServerContext &context, ApiRequest &request)
{
    const Result<GrantRequest> asked = grantRequest(context, request);
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    const Status revoked = context.access.revoke(request.pathValues.value(QStringLiteral("name")), asked->role,
                                                 asked->path, request.principal.name, asked->reason);
    return revoked ? ApiReply::json(QJsonObject{{QStringLiteral("revoked"), true}}) : ApiReply::error(revoked.error());
}

ApiReply createToken(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<TokenCreateRequest> asked = tokenCreateRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    if (const Result<OrgNode> root = rootForAction(context, request.principal, Action::ManageAccess); !root) {
        return ApiReply::error(root.error());
    }
    const Result<AccessService::IssuedToken> issued = context.access.createToken(
        request.pathValues.value(QStringLiteral("name")), asked->tokenName, request.principal.name, asked->reason);
    if (!issued) {
        return ApiReply::error(issued.error());
    }
    return ApiReply::json(
        QJsonObject{{QStringLiteral("name"), issued->token.name}, {QStringLiteral("secret"), issued->secret}}, 201);
}

ApiReply revokeToken(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<DecisionRequest> asked = decisionRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    if (const Result<OrgNode> root = rootForAction(context, request.principal, Action::ManageAccess); !root) {
        return ApiReply::error(root.error());
    }
    const Status revoked = context.access.revokeToken(request.pathValues.value(QStringLiteral("name")),
                                                      request.pathValues.value(QStringLiteral("tokenName")),
                                                      request.principal.name, asked->reason);
    return revoked ? ApiReply::json(QJsonObject{{QStringLiteral("revoked"), true}}) : ApiReply::error(revoked.error());
}

} // namespace

void addAccessRoutes(ApiRouter &router, ServerContext &context)
{
    addRoute(router, context, "GET", QStringLiteral("/api/v1/me"), me);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/principals"), listPrincipals);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/principals"), addPrincipal);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/principals/{name}/grants"), grant);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/principals/{name}/grants/revoke"), revoke);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/principals/{name}/tokens"), createToken);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/principals/{name}/tokens/{tokenName}/revoke"),
             revokeToken);
}

} // namespace steward
