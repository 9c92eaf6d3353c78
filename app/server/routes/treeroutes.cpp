// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The org tree: read what the caller may see; create (groups and agents), rename, move and
// archive nodes.
// Every change goes through OrgService or AgentService with the caller as the actor, so it is
// checked and audited exactly as a change made in the desktop app on a local store.
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace steward {

using namespace RouteHelpers;

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::TreeRoutes", text);
}

// The nodes of `all` the principal may see, as JSON.
Result<QJsonArray> visibleNodes(ServerContext &context, const Principal &principal, const QList<OrgNode> &all)
{
    const Result<VisibilityFilter> filter = context.authorizer.visibilityFilter(principal);
    if (!filter) {
        return filter.error();
    }
    const TreeRepository tree(*context.store);
    const Result<QHash<NodeId, Visibility>> visibilities = tree.agentVisibilities();
    if (!visibilities) {
        return visibilities.error();
    }
    QJsonArray nodes;
    for (const OrgNode &node : all) {
        if (filter->canSee(node.kind, node.path, visibilities->value(node.id, Visibility::Public))) {
            nodes.append(toJson(node));
        }
    }
    return nodes;
}

ApiReply listTree(ServerContext &context, ApiRequest &request)
{
    const Result<Page> page = RouteHelpers::page(request);
    if (!page) {
        return ApiReply::error(page.error());
    }
    const TreeRepository tree(*context.store);
    const Result<OrgNode> root = tree.root();
    if (!root) {
        return ApiReply::error(root.error());
    }
    const Result<QList<OrgNode>> all = tree.subtree(root->id);
    if (!all) {
        return ApiReply::error(all.error());
    }
    const Result<QJsonArray> nodes = visibleNodes(context, request.principal, all.value());
    return nodes ? pageOf(nodes.value(), page.value()) : ApiReply::error(nodes.error());
}

ApiReply listChildren(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return ApiReply::error(id.error());
    }
    const Result<Page> page = RouteHelpers::page(request);
    if (!page) {
        return ApiReply::error(page.error());
    }
    const Result<OrgNode> parent = visibleNode(context, request.principal, id.value());
    if (!parent) {
        return ApiReply::error(parent.error());
    }
    const Result<QList<OrgNode>> children = TreeRepository(*context.store).children(parent->id);
    if (!children) {
        return ApiReply::error(children.error());
    }
    const Result<QJsonArray> nodes = visibleNodes(context, request.principal, children.value());
    return nodes ? pageOf(nodes.value(), page.value()) : ApiReply::error(nodes.error());
}

ApiReply getNode(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return ApiReply::error(id.error());
    }
    return replyWith(visibleNode(context, request.principal, id.value()),
                     [](const OrgNode &node) { return toJson(node); });
}

ApiReply createNode(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<NodeCreateRequest> asked = nodeCreateRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    if (asked->kind == NodeKind::Company) {
        // Grants hang on the tree, so before the company exists nobody could be allowed to
        // make it: the company is made once, with stewardctl, when the workspace is set up.
        return ApiReply::error(Error{Error::Code::Forbidden,
                                     translated("The company is created with stewardctl on the server's database.")});
    }
    const Result<OrgNode> parent = nodeForAction(context, request.principal, Action::EditTree, asked->parentId);
    if (!parent) {
        return ApiReply::error(parent.error());
    }
    const auto nodeJson = [](const OrgNode &node) { return toJson(node); };
    if (asked->kind == NodeKind::Agent) {
        const AgentService::NewAgent agent{parent->id,        asked->name,        asked->owner,
                                           asked->visibility, asked->criticality, asked->spec};
        return replyWith(context.agents.createAgent(agent, request.principal.name, asked->reason), nodeJson, 201);
    }
    return replyWith(
        context.org.createGroup(parent->id, asked->kind, asked->name, request.principal.name, asked->reason), nodeJson,
        201);
}

ApiReply patchNode(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(id, body)) {
        return ApiReply::error(*error);
    }
    const Result<NodePatchRequest> asked = nodePatchRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    Result<OrgNode> node = nodeForAction(context, request.principal, Action::EditTree, id.value());
    if (!node) {
        return ApiReply::error(node.error());
    }
    if (asked->parentId && *asked->parentId != node->parentId) {
        // Moving takes the right to edit both where it leaves and where it lands.
        const Result<OrgNode> target = nodeForAction(context, request.principal, Action::EditTree, *asked->parentId);
        if (!target) {
            return ApiReply::error(target.error());
        }
        node = context.org.move(node->id, target->id, request.principal.name, asked->reason);
        if (!node) {
            return ApiReply::error(node.error());
        }
    }
    if (asked->name && *asked->name != node->name) {
        node = context.org.rename(node->id, *asked->name, request.principal.name, asked->reason);
    }
    return replyWith(node, [](const OrgNode &changed) { return toJson(changed); });
}

ApiReply archiveNode(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(id, body)) {
        return ApiReply::error(*error);
    }
    const Result<DecisionRequest> asked = decisionRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    const Result<OrgNode> node = nodeForAction(context, request.principal, Action::EditTree, id.value());
    if (!node) {
        return ApiReply::error(node.error());
    }
    return replyWith(context.org.archive(node->id, request.principal.name, asked->reason),
                     [](const OrgNode &archived) { return toJson(archived); });
}

} // namespace

void addTreeRoutes(ApiRouter &router, ServerContext &context)
{
    addRoute(router, context, "GET", QStringLiteral("/api/v1/tree"), listTree);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/nodes"), createNode);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/nodes/{id}"), getNode);
    addRoute(router, context, "PATCH", QStringLiteral("/api/v1/nodes/{id}"), patchNode);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/nodes/{id}/archive"), archiveNode);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/nodes/{id}/children"), listChildren);
}

} // namespace steward
