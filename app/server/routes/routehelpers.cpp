// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "routehelpers.h"

#include "apirouter.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace steward::RouteHelpers {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::RouteHelpers", text);
}

} // namespace

void addRoute(ApiRouter &router, ServerContext &context, const QByteArray &method, const QString &pattern,
              ContextHandler handler)
{
    router.add(method, pattern, ApiRouter::Access::Authenticated,
               [&context, handler](ApiRequest &request) { return handler(context, request); });
}

Result<OrgNode> visibleNode(ServerContext &context, const Principal &principal, NodeId id)
{
    return nodeForAction(context, principal, Action::SeeNode, id);
}

Result<OrgNode> nodeForAction(ServerContext &context, const Principal &principal, Action action, NodeId id)
{
    // One answer for a node that is not there, archived or hidden: its id, never its path, so
    // that nobody learns the names of private agents by trying ids.
    const Error absent{Error::Code::NotFound, translated("There is no node %1.").arg(id)};
    const Result<OrgNode> node = TreeRepository(*context.store).node(id);
    if (!node) {
        return node.error().code == Error::Code::NotFound ? absent : node.error();
    }
    if (node->isArchived()) {
        return absent;
    }
    if (const Status allowed = context.authorizer.require(principal, action, node.value()); !allowed) {
        return allowed.error().code == Error::Code::NotFound ? absent : allowed.error();
    }
    return node;
}

Status requireForAll(ServerContext &context, const Principal &principal, Action action, const QSet<NodeId> &ids)
{
    const Result<QHash<NodeId, OrgNode>> found = TreeRepository(*context.store).nodes(ids.values());
    if (!found) {
        return found.error();
    }
    QList<OrgNode> nodes;
    for (const NodeId id : ids) {
        const auto node = found->constFind(id);
        if (node == found->cend() || node->isArchived()) {
            // The one-by-one path gives the answer with the right message.
            return nodeForAction(context, principal, action, id).error();
        }
        nodes.append(node.value());
    }
    if (const Status allowed = context.authorizer.requireAll(principal, action, nodes); !allowed) {
        if (allowed.error().code != Error::Code::NotFound) {
            return allowed;
        }
        // Hidden somewhere: find which, and say so without its path.
        for (const OrgNode &node : std::as_const(nodes)) {
            if (const Result<OrgNode> one = nodeForAction(context, principal, action, node.id); !one) {
                return one.error();
            }
        }
        return allowed;
    }
    return Done{};
}

Result<OrgNode> rootForAction(ServerContext &context, const Principal &principal, Action action)
{
    const TreeRepository tree(*context.store);
    const Result<OrgNode> root = tree.root();
    if (!root) {
        return root.error();
    }
    return nodeForAction(context, principal, action, root->id);
}

Result<Page> page(const ApiRequest &request)
{
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 100, 1, 500);
    if (!limit) {
        return limit.error();
    }
    Page page;
    page.limit = static_cast<int>(limit.value());
    const QString cursor = request.query(QStringLiteral("cursor"));
    if (!cursor.isEmpty()) {
        bool ok = false;
        page.offset = cursor.toLongLong(&ok);
        if (!ok || page.offset < 0) {
            return Error{Error::Code::Invalid,
                         translated("cursor: \"%1\" is not a cursor this server gave out").arg(cursor)};
        }
    }
    return page;
}

ApiReply pageOf(const QJsonArray &all, const Page &page)
{
    QJsonArray items;
    const qsizetype end = qMin(all.size(), page.offset + page.limit);
    for (qsizetype i = page.offset; i < end; ++i) {
        items.append(all.at(i));
    }
    return ApiReply::page(items, end < all.size() ? QString::number(end) : QString());
}

} // namespace steward::RouteHelpers
