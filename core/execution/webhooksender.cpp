// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooksender.h"

#include "domain/clock.h"

#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QTimer>

namespace steward {

namespace {

// How much of a refusing receiver's answer goes into the reason: enough to say why, not enough
// to fill the logs.
constexpr qint64 answerExcerptChars = 200;

} // namespace

WebhookSender::WebhookSender(const Clock &clock, Options options, QObject *parent)
    : QObject(parent), m_clock(clock), m_options(options)
{
}

WebhookSender::~WebhookSender()
{
    const QList<QNetworkReply *> replies = m_calls.keys();
    m_calls.clear();
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        delete reply;
    }
}

QByteArray WebhookSender::signature(qint64 unixSeconds, const QByteArray &body, const QByteArray &secret)
{
    const QByteArray time = QByteArray::number(unixSeconds);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(time + '.' + body, secret, QCryptographicHash::Sha256).toHex();
    return "t=" + time + ",v1=" + mac;
}

WebhookResult::Outcome WebhookSender::classify(int httpStatus)
{
    if (httpStatus >= 200 && httpStatus < 300) {
        return WebhookResult::Outcome::Delivered;
    }
    // A timeout on the receiver's side, "slow down", and the receiver's own failures can pass;
    // everything else (a bad request, a refused signature, a redirect) will be refused again.
    if (httpStatus == 408 || httpStatus == 429 || httpStatus >= 500) {
        return WebhookResult::Outcome::Retry;
    }
    return WebhookResult::Outcome::Permanent;
}

QString WebhookSender::urlProblem(const QUrl &url)
{
    if (!url.isValid() || url.isRelative()) {
        return tr("\"%1\" is not a URL").arg(url.toString());
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        return tr("a webhook URL must start with http:// or https://, not %1://").arg(url.scheme());
    }
    if (url.host().isEmpty()) {
        return tr("the webhook URL names no host");
    }
    return {};
}

void WebhookSender::send(const WebhookRequest &request, Done done)
{
    if (const QString problem = urlProblem(request.url); !problem.isEmpty()) {
        const WebhookResult result{WebhookResult::Outcome::Permanent, 0, problem};
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest httpRequest(request.url);
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    httpRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Steward-Executor"));
    httpRequest.setRawHeader("Idempotency-Key", request.idempotencyKey.toUtf8());
    httpRequest.setRawHeader("Steward-Signature",
                             signature(m_clock.now().toSecsSinceEpoch(), request.body, request.secret));

    QNetworkReply *reply = m_network.post(httpRequest, request.body);
    m_calls.insert(reply, Call{std::move(done), false});
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, reply] {
        m_calls[reply].timedOut = true;
        reply->abort();
    });
    timer->start(m_options.timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void WebhookSender::finish(QNetworkReply *reply)
{
    const auto call = m_calls.constFind(reply);
    if (call == m_calls.cend()) {
        return;
    }
    const Done done = call->done;
    const WebhookResult result = resultOf(reply, call->timedOut);
    m_calls.erase(call);
    reply->deleteLater();
    done(result);
}

WebhookResult WebhookSender::resultOf(QNetworkReply *reply, bool timedOut) const
{
    if (timedOut) {
        return {WebhookResult::Outcome::Retry, 0, tr("no answer within %1 ms").arg(m_options.timeoutMs)};
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        return {WebhookResult::Outcome::Retry, 0, tr("no answer: %1").arg(reply->errorString())};
    }
    const int httpStatus = status.toInt();
    const WebhookResult::Outcome outcome = classify(httpStatus);
    QString reason = QStringLiteral("HTTP %1 %2")
                         .arg(httpStatus)
                         .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                         .trimmed();
    if (outcome != WebhookResult::Outcome::Delivered) {
        if (httpStatus >= 300 && httpStatus < 400) {
            reason = tr("%1 (webhooks do not follow redirects)").arg(reason);
        }
        const QString answer = QString::fromUtf8(reply->read(answerExcerptChars * 4)).simplified();
        if (!answer.isEmpty()) {
            reason += QStringLiteral(": ") + answer.left(answerExcerptChars);
        }
    }
    return {outcome, httpStatus, reason};
}

} // namespace steward
