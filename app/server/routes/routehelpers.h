// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apireply.h"
#include "apirequest.h"
#include "domain/orgnode.h"
#include "domain/result.h"
#include "service/authorizer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace steward {

class ApiRouter;
struct ServerContext;

// What the route handlers share: reading fields of a request body, finding a node the caller
// may see, asking the Authorizer, and cutting lists into pages.
namespace RouteHelpers {

// Adds an authenticated route whose handler reads the server's services.
using ContextHandler = ApiReply (*)(ServerContext &, ApiRequest &);
void addRoute(ApiRouter &router, ServerContext &context, const QByteArray &method, const QString &pattern,
              ContextHandler handler);

// The node, if it exists, is live and the principal may see it; otherwise NotFound, the same
// answer for a node that is not there and one that is hidden.
[[nodiscard]] Result<OrgNode> visibleNode(ServerContext &context, const Principal &principal, NodeId id);
// The node, if the principal may do `action` on it (NotFound when hidden, Forbidden otherwise).
[[nodiscard]] Result<OrgNode> nodeForAction(ServerContext &context, const Principal &principal, Action action,
                                            NodeId id);
// nodeForAction() for many ids at once (the agents of an ingest batch): the grants and the
// agents' visibility are read once.
[[nodiscard]] Status requireForAll(ServerContext &context, const Principal &principal, Action action,
                                   const QSet<NodeId> &ids);
[[nodiscard]] Result<OrgNode> rootForAction(ServerContext &context, const Principal &principal, Action action);

// A page of a list that is cheap to build whole (the tree, principals): cursor = position.
struct Page
{
    qsizetype offset = 0;
    int limit = 100;
};
[[nodiscard]] Result<Page> page(const ApiRequest &request);
[[nodiscard]] ApiReply pageOf(const QJsonArray &all, const Page &page);

// The error of the first failed result, if any: for handlers that read several fields.
template<typename... Results> [[nodiscard]] std::optional<Error> firstError(const Results &...results)
{
    std::optional<Error> found;
    ((found || results ? void() : void(found = results.error())), ...);
    return found;
}

// Either the value's JSON or the error's answer, for the common "read one thing" handler.
template<typename T, typename ToJson>
[[nodiscard]] ApiReply replyWith(const Result<T> &result, ToJson toJsonFunction, int status = 200)
{
    if (!result) {
        return ApiReply::error(result.error());
    }
    return ApiReply::json(toJsonFunction(result.value()), status);
}

} // namespace RouteHelpers

} // namespace steward
