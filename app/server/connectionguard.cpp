// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionguard.h"

#include "serverlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>

namespace steward {

namespace {

// The value of a header in a raw header block, lower-cased; empty when absent.
QByteArray headerValue(const QByteArray &head, const QByteArray &lowerName)
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName) {
            return line.mid(colon + 1).trimmed().toLower();
        }
    }
    return {};
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    // Answers and stream messages are small writes that should leave at once: without this,
    // Nagle's algorithm holds a second message until the client acknowledges the first, which
    // a client delaying its acknowledgements makes 40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeParser);
    m_timer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::beforeParser()
{
    if (!m_socket) {
        return;
    }
    if (!m_watchesParser) {
        // The HTTP server connected its own readyRead slot when it took the socket, after
        // ours; a slot connected now runs after the parser and sees whether it finished.
        connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterParser);
        m_watchesParser = true;
    }
    if (m_refused) {
        m_socket->readAll();
        return;
    }
    if (!m_inRequest) {
        m_inRequest = true;
        m_timer.start(m_limits.requestTimeoutMs);
    }
    // The parser reads everything available each time, so what is available now is new.
    const qint64 arrived = m_socket->bytesAvailable();
    m_received += arrived;
    if (!m_headerComplete) {
        m_head += m_socket->peek(qMin(arrived, m_limits.maxHeaderBytes + 4 - m_head.size()));
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes) {
                refuse(431, "Request Header Fields Too Large",
                       tr("The request's header is larger than %1 bytes.").arg(m_limits.maxHeaderBytes));
            }
            return;
        }
        m_head.truncate(end);
        m_headerComplete = true;
        if (headerValue(m_head, "upgrade") == "websocket") {
            // The live stream takes over this socket: no request timeout, no body limit.
            deleteLater();
            return;
        }
        bool known = false;
        const qint64 length = headerValue(m_head, "content-length").toLongLong(&known);
        if (known && length > m_limits.maxBodyBytes) {
            refuse(
                413, "Content Too Large",
                tr("The request body has %1 bytes; at most %2 are accepted.").arg(length).arg(m_limits.maxBodyBytes));
            return;
        }
    }
    if (m_received > m_limits.maxHeaderBytes + m_limits.maxBodyBytes) {
        refuse(413, "Content Too Large", tr("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes));
    }
}

void ConnectionGuard::afterParser()
{
    // The parser keeps a transaction open on the socket until a request is complete.
    if (m_socket && !m_refused && m_inRequest && !m_socket->isTransactionStarted()) {
        resetForNextRequest();
    }
}

void ConnectionGuard::resetForNextRequest()
{
    m_head.clear();
    m_received = 0;
    m_headerComplete = false;
    m_inRequest = false;
    m_timer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::onTimeout()
{
    if (!m_socket || m_refused) {
        return;
    }
    if (m_inRequest) {
        refuse(408, "Request Timeout",
               tr("The request did not arrive completely within %1 seconds.").arg(m_limits.requestTimeoutMs / 1000));
    } else {
        m_socket->disconnectFromHost();
    }
}

void ConnectionGuard::refuse(int status, const QByteArray &reason, const QString &message)
{
    m_refused = true;
    m_timer.stop();
    ServerLog::warning(QStringLiteral("connection_refused"),
                       {{QStringLiteral("remote"), m_socket->peerAddress().toString()},
                        {QStringLiteral("status"), QString::number(status)},
                        {QStringLiteral("reason"), message}});
    // Nothing of this request reaches the parser: what arrived is dropped, as is what follows.
    if (m_socket->isTransactionStarted()) {
        m_socket->commitTransaction();
    }
    m_socket->readAll();
    const QByteArray code = status == 413 ? "too_large" : status == 408 ? "timeout" : "header_too_large";
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                                       QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                                   {QStringLiteral("message"), message}}}})
                                .toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket->disconnectFromHost();
}

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    new ConnectionGuard(socket, m_limits);
    addPendingConnection(socket);
}

GuardedSslServer::GuardedSslServer(const ConnectionLimits &limits, const QSslConfiguration &configuration,
                                   QObject *parent)
    : QSslServer(parent), m_limits(limits)
{
    setSslConfiguration(configuration);
    connect(this, &QSslServer::startedEncryptionHandshake, this,
            [this](QSslSocket *socket) { new ConnectionGuard(socket, m_limits); });
}

} // namespace steward
