// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace steward {

namespace {

// The close code StreamHub uses when the token is refused: another attempt right away would
// be refused the same way, so it counts as a failed attempt rather than a connection.
constexpr int kUnauthorizedCloseCode = 4401;
// A connection that has not answered a ping for this long is dead (a peer that vanished
// without closing leaves a socket that looks open).
constexpr int kPingIntervalMs = 20'000;

} // namespace

StreamClient::StreamClient(ServerConnection connection, QObject *parent)
    : QObject(parent), m_connection(std::move(connection))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &StreamClient::open);
    m_pingTimer.setInterval(kPingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &StreamClient::checkAlive);
}

StreamClient::~StreamClient()
{
    if (m_socket) {
        // No signals into an object being destroyed.
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void StreamClient::start(qint64 since)
{
    m_running = true;
    if (since >= 0) {
        m_lastSeq = since;
    }
    m_retryDelayMs = FirstRetryDelayMs;
    open();
}

void StreamClient::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_pingTimer.stop();
    if (m_socket) {
        m_socket->close();
    }
}

void StreamClient::open()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_tlsProblems.clear();
    m_awaitingPong = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &StreamClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &StreamClient::onClosed);
    // A failed attempt may end with an error and no disconnected(): it never connected.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            onClosed();
        }
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &StreamClient::onMessage);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_connection.acceptsDespite(errors)) {
            m_socket->ignoreSslErrors(errors);
            return;
        }
        for (const QSslError &error : errors) {
            m_tlsProblems.append(error.errorString());
        }
    });

    QUrl url = m_connection.endpoint(QStringLiteral("/api/v1/stream"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    if (m_lastSeq >= 0) {
        url.setQuery(QStringLiteral("since=%1").arg(m_lastSeq));
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_connection.token.toUtf8());
    m_socket->open(request);
}

void StreamClient::onConnected()
{
    m_connected = true;
    m_delayBeforeConnect = m_retryDelayMs;
    m_retryDelayMs = FirstRetryDelayMs;
    m_pingTimer.start();
    Q_EMIT connectionChanged(true, QString());
}

void StreamClient::onClosed()
{
    if (m_retryTimer.isActive() || !m_socket) {
        return; // this attempt's end was handled already (an error, then disconnected())
    }
    m_pingTimer.stop();
    QString why = m_socket->closeReason();
    if (!m_tlsProblems.isEmpty()) {
        why = QCoreApplication::translate("steward::StreamClient", "the server's certificate is not trusted (%1)")
                  .arg(m_tlsProblems.join(QStringLiteral("; ")));
    } else if (why.isEmpty()) {
        why = m_socket->errorString();
    }
    if (why.isEmpty()) {
        why = QCoreApplication::translate("steward::StreamClient", "the connection closed");
    }
    if (m_socket->closeCode() == kUnauthorizedCloseCode) {
        m_retryDelayMs = m_delayBeforeConnect;
    }
    const bool wasConnected = m_connected;
    m_connected = false;
    if (wasConnected || m_running) {
        Q_EMIT connectionChanged(false, why);
    }
    if (!m_running) {
        return;
    }
    const int delay = m_retryDelayMs;
    m_retryDelayMs = std::min(m_retryDelayMs * 2, MaxRetryDelayMs);
    m_retryTimer.start(delay);
    Q_EMIT retryScheduled(delay);
}

void StreamClient::onMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const qint64 seq = message.value(QStringLiteral("seq")).toInteger(-1);
    // Sequence numbers only grow: anything at or before the last one was delivered already.
    if (seq <= m_lastSeq) {
        return;
    }
    m_lastSeq = seq;
    const std::optional<StreamItemType> type =
        parseEnum<StreamItemType>(message.value(QStringLiteral("type")).toString());
    if (type) {
        Q_EMIT itemReceived(seq, *type, message.value(QStringLiteral("data")).toObject());
    }
}

void StreamClient::checkAlive()
{
    if (!m_socket || !m_connected) {
        return;
    }
    if (m_awaitingPong) {
        m_socket->abort();
        return;
    }
    m_awaitingPong = true;
    m_socket->ping();
}

} // namespace steward
