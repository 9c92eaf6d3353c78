// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirouter.h"

#include "authenticator.h"
#include "serverlog.h"
#include "servermetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QStringList>

namespace steward {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::ApiRouter", text);
}

// Matches a path against a pattern segment by segment; fills the {placeholders}.
bool matches(const QString &pattern, const QStringList &pathSegments, QHash<QString, QString> &values)
{
    const QStringList patternSegments = pattern.split(QLatin1Char('/'));
    if (patternSegments.size() != pathSegments.size()) {
        return false;
    }
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < patternSegments.size(); ++i) {
        const QString &expected = patternSegments.at(i);
        if (expected.startsWith(QLatin1Char('{')) && expected.endsWith(QLatin1Char('}'))) {
            if (pathSegments.at(i).isEmpty()) {
                return false;
            }
            found.insert(expected.mid(1, expected.size() - 2), pathSegments.at(i));
        } else if (expected != pathSegments.at(i)) {
            return false;
        }
    }
    values = found;
    return true;
}

} // namespace

QByteArray methodName(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

ApiRouter::ApiRouter(Authenticator &authenticator, ServerMetrics &metrics)
    : m_authenticator(authenticator), m_metrics(metrics)
{
}

void ApiRouter::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append(Route{method, pattern, access, std::move(handler), {}});
}

void ApiRouter::addStreaming(const QByteArray &method, const QString &pattern, Access access, StreamingHandler handler)
{
    m_routes.append(Route{method, pattern, access, {}, std::move(handler)});
}

void ApiRouter::dispatch(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    QString routeName;
    QString principalName;
    const std::optional<ApiReply> reply = answer(request, responder, routeName, principalName);
    if (reply) {
        reply->writeTo(responder);
    }
    const int status = reply ? reply->status : 200;
    if (m_afterChange && request.method() != QHttpServerRequest::Method::Get && status < 300) {
        m_afterChange();
    }

    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const QString method = QString::fromLatin1(methodName(request));
    m_metrics.countRequest(method, routeName, status, seconds);
    ServerLog::Fields fields{{QStringLiteral("method"), method},
                             {QStringLiteral("path"), request.url().path()},
                             {QStringLiteral("status"), QString::number(status)},
                             {QStringLiteral("ms"), QString::number(seconds * 1000.0, 'f', 2)},
                             {QStringLiteral("remote"), request.remoteAddress().toString()}};
    if (!principalName.isEmpty()) {
        fields.append({QStringLiteral("principal"), principalName});
    }
    if (status >= 500) {
        ServerLog::error(QStringLiteral("request"), fields);
    } else {
        ServerLog::info(QStringLiteral("request"), fields);
    }
}

std::optional<ApiReply> ApiRouter::answer(const QHttpServerRequest &request, QHttpServerResponder &responder,
                                          QString &routeName, QString &principalName)
{
    // Paths are matched on their decoded segments, so %2F inside an id never splits it.
    const QStringList segments = request.url().path(QUrl::FullyEncoded).split(QLatin1Char('/'));
    QStringList decoded;
    decoded.reserve(segments.size());
    for (const QString &segment : segments) {
        decoded.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    }
    const QByteArray method = methodName(request);

    bool pathKnown = false;
    for (const Route &route : std::as_const(m_routes)) {
        QHash<QString, QString> values;
        if (!matches(route.pattern, decoded, values)) {
            continue;
        }
        pathKnown = true;
        if (route.method != method) {
            continue;
        }
        routeName = route.pattern;
        ApiRequest apiRequest{request, values, {}};
        if (route.access == Access::Authenticated) {
            const Authenticator::Outcome outcome = m_authenticator.authenticate(request);
            if (!outcome.principal) {
                return outcome.refusal;
            }
            apiRequest.principal = *outcome.principal;
            principalName = apiRequest.principal.name;
        }
        if (route.streamingHandler) {
            route.streamingHandler(apiRequest, responder);
            return std::nullopt;
        }
        return route.handler(apiRequest);
    }
    routeName = QStringLiteral("(unmatched)");
    if (pathKnown) {
        return ApiReply::error(
            405, QStringLiteral("method_not_allowed"),
            translated("%1 is not allowed on %2.").arg(QString::fromLatin1(method), request.url().path()));
    }
    return ApiReply::error(404, QStringLiteral("not_found"),
                           translated("There is no %1 here (see docs/openapi.yaml).").arg(request.url().path()));
}

} // namespace steward
