// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include "serverlog.h"
#include "servermetrics.h"
#include "service/accessservice.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServerRequest>

namespace steward {

namespace {

constexpr qint64 kWindowMs = 60'000;
// Past this many addresses on record, windows that have run out are forgotten.
constexpr qsizetype kPruneAbove = 10'000;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::Authenticator", text);
}

} // namespace

Authenticator::Authenticator(AccessService &access, ServerMetrics &metrics, int failuresPerMinute)
    : m_access(access), m_metrics(metrics), m_failuresPerMinute(failuresPerMinute)
{
    m_clock.start();
}

Authenticator::Outcome Authenticator::authenticate(const QHttpServerRequest &request)
{
    return authenticate(request.value("Authorization"), request.remoteAddress());
}

Authenticator::Outcome Authenticator::authenticate(const QByteArray &authorizationHeader, const QHostAddress &remote)
{
    const QString address = remote.toString();
    const auto window = m_failures.constFind(address);
    if (window != m_failures.cend() && nowMs() - window->startedMs < kWindowMs
        && window->failures >= m_failuresPerMinute) {
        m_metrics.countRateLimited();
        const qint64 retryAfter = (kWindowMs - (nowMs() - window->startedMs)) / 1000 + 1;
        ApiReply reply = ApiReply::error(
            429, QStringLiteral("rate_limited"),
            translated("Too many failed logins from this address; try again in %1 seconds.").arg(retryAfter));
        reply.addHeader("Retry-After", QByteArray::number(retryAfter));
        return Outcome{std::nullopt, reply};
    }

    const QByteArray scheme = "bearer ";
    if (authorizationHeader.size() <= scheme.size() || authorizationHeader.left(scheme.size()).toLower() != scheme) {
        return refuse(address, translated("no bearer token (send \"Authorization: Bearer TOKEN\")"));
    }
    const QString secret = QString::fromUtf8(authorizationHeader.mid(scheme.size()).trimmed());
    const Result<Principal> principal = m_access.authenticate(secret);
    if (!principal) {
        const Error::Code code = principal.error().code;
        if (code != Error::Code::Forbidden && code != Error::Code::NotFound) {
            return Outcome{std::nullopt, ApiReply::error(principal.error())};
        }
        return refuse(address, translated("unknown or revoked token"));
    }
    return Outcome{principal.value(), {}};
}

Authenticator::Outcome Authenticator::refuse(const QString &remote, const QString &why)
{
    m_metrics.countFailedAuthentication();
    if (m_failures.size() > kPruneAbove) {
        m_failures.removeIf([this](const auto &entry) { return nowMs() - entry.value().startedMs >= kWindowMs; });
    }
    Window &window = m_failures[remote];
    if (nowMs() - window.startedMs >= kWindowMs || window.failures == 0) {
        window = Window{nowMs(), 0};
    }
    ++window.failures;
    ServerLog::warning(QStringLiteral("authentication_failed"),
                       {{QStringLiteral("remote"), remote}, {QStringLiteral("reason"), why}});
    ApiReply reply = ApiReply::error(401, QStringLiteral("unauthenticated"), translated("Not signed in: %1.").arg(why));
    reply.addHeader("WWW-Authenticate", "Bearer realm=\"steward\"");
    return Outcome{std::nullopt, reply};
}

} // namespace steward
