// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servercheck.h"

#include "api/jsoncodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace steward {
namespace {

constexpr int httpOk = 200;
constexpr int httpUnauthorized = 401;

int statusOf(const QNetworkReply &reply)
{
    return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

ServerCheck::ServerCheck(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) { }

ServerCheck::~ServerCheck()
{
    cancel();
}

void ServerCheck::start(const ConnectionProfile &profile, const QString &token)
{
    cancel();
    m_connection.url = profile.serverUrl;
    m_connection.token = token;
    m_connection.pinnedCertificate.clear();
    m_connection.timeoutMs = TimeoutMs;
    if (!profile.certificatePath.isEmpty()) {
        const Result<QSslCertificate> pinned = ServerConnection::readCertificate(profile.certificatePath);
        if (!pinned) {
            // Reported from the event loop, like every other answer.
            QMetaObject::invokeMethod(
                this,
                [this, unreadable = pinned.error(), generation = m_generation] {
                    if (generation == m_generation) {
                        finish(unreadable);
                    }
                },
                Qt::QueuedConnection);
            return;
        }
        m_connection.pinnedCertificate = pinned.value();
    }
    send(QStringLiteral("/healthz"), &ServerCheck::onHealth);
}

void ServerCheck::cancel()
{
    ++m_generation;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    m_connection.token.clear();
}

QNetworkRequest ServerCheck::request(const QString &path) const
{
    QNetworkRequest request(m_connection.endpoint(path));
    request.setTransferTimeout(m_connection.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    return request;
}

void ServerCheck::send(const QString &path, void (ServerCheck::*handler)(QNetworkReply &))
{
    QNetworkRequest outgoing = request(path);
    // Only the API call carries the token; /healthz needs none.
    if (path.startsWith(QLatin1String("/api/"))) {
        outgoing.setRawHeader("Authorization", "Bearer " + m_connection.token.toUtf8());
    }
    QNetworkReply *reply = m_network->get(outgoing);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_connection.acceptsDespite(errors)) {
            reply->ignoreSslErrors(errors);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler] {
        m_reply.clear();
        reply->deleteLater();
        (this->*handler)(*reply);
    });
}

std::optional<Error> ServerCheck::transportError(QNetworkReply &reply) const
{
    const QString server = m_connection.displayUrl();
    const int status = statusOf(reply);
    if (status == 0) {
        if (reply.error() == QNetworkReply::OperationCanceledError) {
            return Error{Error::Code::StoreMissing,
                         tr("%1 did not answer within %2 seconds.").arg(server).arg(m_connection.timeoutMs / 1000)};
        }
        Error unreachable{Error::Code::StoreMissing, tr("Cannot reach %1: %2").arg(server, reply.errorString())};
        if (reply.error() == QNetworkReply::SslHandshakeFailedError && m_connection.pinnedCertificate.isNull()) {
            if (!unreachable.message.endsWith(QLatin1Char('.'))) {
                unreachable.message += QLatin1Char('.');
            }
            unreachable.message += QLatin1Char(' ') + tr("If the server has a self-signed certificate, pin it.");
        }
        return unreachable;
    }
    if (status >= 300 && status < 400) {
        const QUrl target = reply.url().resolved(reply.header(QNetworkRequest::LocationHeader).toUrl());
        return Error{Error::Code::Invalid,
                     tr("%1 redirects to %2; connect to that address instead.").arg(server, target.toDisplayString())};
    }
    return std::nullopt;
}

void ServerCheck::onHealth(QNetworkReply &reply)
{
    if (const std::optional<Error> error = transportError(reply)) {
        finish(*error);
        return;
    }
    const QJsonObject health = QJsonDocument::fromJson(reply.readAll()).object();
    if (statusOf(reply) != httpOk || health.value(QLatin1String("status")).toString() != QLatin1String("ok")) {
        finish(Error{Error::Code::StoreCorrupt,
                     tr("%1 answers, but it is not a Steward server (HTTP %2 for /healthz).")
                         .arg(m_connection.displayUrl())
                         .arg(statusOf(reply))});
        return;
    }
    send(QStringLiteral("/api/v1/me"), &ServerCheck::onMe);
}

void ServerCheck::onMe(QNetworkReply &reply)
{
    if (const std::optional<Error> error = transportError(reply)) {
        finish(*error);
        return;
    }
    const int status = statusOf(reply);
    const QJsonDocument body = QJsonDocument::fromJson(reply.readAll());
    if (status != httpOk) {
        Error refused = body.isObject()
            ? errorFromJson(body.object())
            : Error{Error::Code::Invalid, tr("%1 answered HTTP %2.").arg(m_connection.displayUrl()).arg(status)};
        // A token the server does not know is the user's to fix: say so in the code as well.
        if (status == httpUnauthorized) {
            refused.code = Error::Code::Forbidden;
        }
        finish(refused);
        return;
    }
    const QJsonObject me = body.object();
    Result<Principal> principal =
        fromJson<Principal>(me.value(QLatin1String("principal")), QStringLiteral("principal"));
    Result<QList<Grant>> grants = listFromJson<Grant>(me.value(QLatin1String("grants")), QStringLiteral("grants"));
    if (!principal || !grants) {
        finish(Error{Error::Code::StoreCorrupt,
                     tr("%1 sent an answer this version of Steward cannot read: %2")
                         .arg(m_connection.displayUrl(), (principal ? grants.error() : principal.error()).message)});
        return;
    }
    finish(ServerIdentity{std::move(principal).value(), std::move(grants).value()});
}

void ServerCheck::finish(const Result<ServerIdentity> &result)
{
    m_connection.token.clear();
    Q_EMIT finished(result);
}

} // namespace steward
