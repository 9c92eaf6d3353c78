// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace steward {

class Clock;

// One webhook call: the JSON body goes to `url`, signed with `secret`.
struct WebhookRequest
{
    QUrl url;
    QByteArray body;
    QByteArray secret;
    // The same for every attempt at the same action, so that a receiver that got an attempt
    // whose answer was lost can recognise the retry and not act twice.
    QString idempotencyKey;
};

// How a webhook call ended, and whether trying again may help.
struct WebhookResult
{
    enum class Outcome {
        Delivered, // a 2xx answer
        Retry, // a 5xx, 408 or 429 answer, a timeout or a network error: may work later
        Permanent, // any other answer, or a URL that cannot be called: will not work later
    };

    Outcome outcome = Outcome::Permanent;
    int httpStatus = 0; // 0 when no answer came
    QString reason; // a sentence for the activity and audit logs; never holds the secret
};

// POSTs signed webhook calls (HTTP, or HTTPS with the system's certificate authorities) and
// classifies the answers. The headers a receiver checks:
//   Steward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>
//   Idempotency-Key:   the request's idempotency key
// The time is inside the signed text so that a captured call cannot be replayed later as new.
// Redirects are not followed: a POST must not turn into a call somewhere else.
class WebhookSender final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // How long one call may take in all, from connecting to the last byte of the answer.
        int timeoutMs = 10000;
    };

    using Done = std::function<void(const WebhookResult &)>;

    WebhookSender(const Clock &clock, Options options, QObject *parent = nullptr);
    // Calls still under way are abandoned; their `done` is never called.
    ~WebhookSender() override;
    Q_DISABLE_COPY_MOVE(WebhookSender)

    // Starts the call; `done` runs once, later, from the event loop (also for a URL that
    // cannot be called, without touching the network).
    void send(const WebhookRequest &request, Done done);
    [[nodiscard]] qsizetype callsUnderWay() const { return m_calls.size(); }

    // The Steward-Signature header's value for `body` signed at `unixSeconds`.
    [[nodiscard]] static QByteArray signature(qint64 unixSeconds, const QByteArray &body, const QByteArray &secret);
    // What an HTTP status means for the call.
    [[nodiscard]] static WebhookResult::Outcome classify(int httpStatus);
    // Why `url` cannot be called (not http or https, no host), or empty when it can.
    [[nodiscard]] static QString urlProblem(const QUrl &url);

private:
    struct Call
    {
        Done done;
        bool timedOut = false;
    };

    void finish(QNetworkReply *reply);
    [[nodiscard]] WebhookResult resultOf(QNetworkReply *reply, bool timedOut) const;

    const Clock &m_clock;
    Options m_options;
    QNetworkAccessManager m_network;
    QHash<QNetworkReply *, Call> m_calls;
};

} // namespace steward
