// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/serverconnection.h"
#include "connectionprofile.h"
#include "domain/principal.h"
#include "domain/result.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace steward {

// Who a token signs in as on a server, and where it holds which roles.
struct ServerIdentity
{
    Principal principal;
    QList<Grant> grants;
};

// Asks a server whether a token works, before the app connects with it: GET /healthz (is
// anything there, and is it Steward?), then GET /api/v1/me with the token (who is it?). Plain
// asynchronous QNetworkAccessManager, so the dialog stays responsive. One check at a time:
// starting another abandons the one running.
//
// TLS follows the backend client's rule (ServerConnection::acceptsDespite): the server's
// certificate must be valid, or be the profile's pinned certificate (a self-signed server).
// Redirects are not followed, so the token goes to no other address.
class ServerCheck final : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 15'000;

    explicit ServerCheck(QObject *parent = nullptr);
    ~ServerCheck() override;
    Q_DISABLE_COPY_MOVE(ServerCheck)

    void start(const ConnectionProfile &profile, const QString &token);
    // Abandons the running check; finished() is not emitted for it.
    void cancel();
    [[nodiscard]] bool isRunning() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void finished(const steward::Result<steward::ServerIdentity> &result);

private:
    [[nodiscard]] QNetworkRequest request(const QString &path) const;
    void send(const QString &path, void (ServerCheck::*handler)(QNetworkReply &));
    void onHealth(QNetworkReply &reply);
    void onMe(QNetworkReply &reply);
    // Why the request got no HTTP answer, or why its answer is a redirect; nullopt otherwise.
    [[nodiscard]] std::optional<Error> transportError(QNetworkReply &reply) const;
    void finish(const Result<ServerIdentity> &result);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    ServerConnection m_connection; // holds the token only while a check runs
    quint64 m_generation = 0; // a check's number: what cancel() abandons, even before it sends
};

} // namespace steward
