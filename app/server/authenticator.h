// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apireply.h"
#include "domain/principal.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <optional>

class QHttpServerRequest;
class QHostAddress;

namespace steward {

class AccessService;
class ServerMetrics;

// Who is asking: reads the bearer token of a request and finds its principal through the
// AccessService (tokens are compared by their SHA-256, see accessservice.h). A missing,
// unknown or revoked token gets 401 and is logged with the client's address (never with the
// token). An address that fails too often within a minute gets 429 with Retry-After for the
// rest of that minute, whatever token it sends, so tokens cannot be guessed at speed.
class Authenticator final
{
public:
    Authenticator(AccessService &access, ServerMetrics &metrics, int failuresPerMinute);

    struct Outcome
    {
        std::optional<Principal> principal;
        ApiReply refusal; // when there is no principal
    };

    [[nodiscard]] Outcome authenticate(const QHttpServerRequest &request);
    // The same for a token that came another way (the live stream's handshake).
    [[nodiscard]] Outcome authenticate(const QByteArray &authorizationHeader, const QHostAddress &remote);

private:
    struct Window
    {
        qint64 startedMs = 0;
        int failures = 0;
    };

    [[nodiscard]] Outcome refuse(const QString &remote, const QString &why);
    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }

    AccessService &m_access;
    ServerMetrics &m_metrics;
    int m_failuresPerMinute;
    QElapsedTimer m_clock;
    QHash<QString, Window> m_failures; // by client address
};

} // namespace steward
