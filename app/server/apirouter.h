// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apireply.h"
#include "apirequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QHttpServerRequest;
class QHttpServerResponder;

namespace steward {

class Authenticator;
class ServerMetrics;

// stewardd's routing table: METHOD + pattern ("/api/v1/agents/{id}/versions/{number}") ->
// handler. Qt HttpServer 6.4's own router cannot list its routes, and the OpenAPI document
// must match what the server serves (a test compares the two), so every request goes through
// this table. The router authenticates (unless a route is public), times and counts every
// request, logs it, and turns anything a handler returns into one complete HTTP answer.
class ApiRouter final
{
public:
    enum class Access { Public, Authenticated };
    using Handler = std::function<ApiReply(ApiRequest &)>;
    // For answers too big to hold in memory (a bundle): the handler writes to the responder.
    using StreamingHandler = std::function<void(ApiRequest &, QHttpServerResponder &)>;

    struct Route
    {
        QByteArray method; // GET, POST, PATCH, ...
        QString pattern;
        Access access = Access::Authenticated;
        Handler handler;
        StreamingHandler streamingHandler;
    };

    ApiRouter(Authenticator &authenticator, ServerMetrics &metrics);

    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    void addStreaming(const QByteArray &method, const QString &pattern, Access access, StreamingHandler handler);
    [[nodiscard]] const QList<Route> &routes() const { return m_routes; }
    // Called after every request that may have changed the store (not GET) and succeeded, so
    // the live stream looks at once instead of at its next poll.
    void setAfterChange(std::function<void()> afterChange) { m_afterChange = std::move(afterChange); }

    // Answers the request (404 for unknown paths, 405 for a known path with another method).
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &responder);

private:
    // The answer, or nothing when a streaming handler has written it already.
    [[nodiscard]] std::optional<ApiReply> answer(const QHttpServerRequest &request, QHttpServerResponder &responder,
                                                 QString &routeName, QString &principalName);

    Authenticator &m_authenticator;
    ServerMetrics &m_metrics;
    QList<Route> m_routes;
    std::function<void()> m_afterChange;
};

// The method of a request as a word (GET, POST, ...).
[[nodiscard]] QByteArray methodName(const QHttpServerRequest &request);

} // namespace steward
