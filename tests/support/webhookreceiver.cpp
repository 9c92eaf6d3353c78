// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookreceiver.h"

#include <QTcpSocket>

namespace steward::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

WebhookReceiver::WebhookReceiver(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::accept);
}

WebhookReceiver::~WebhookReceiver()
{
    // Sockets are children of the server; they go with it, without calling back.
    for (QTcpSocket *socket : m_buffers.keys()) {
        disconnect(socket, nullptr, this, nullptr);
    }
}

bool WebhookReceiver::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl WebhookReceiver::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void WebhookReceiver::failNext(int count, int status)
{
    m_failCount = count;
    m_failStatus = status;
}

void WebhookReceiver::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void WebhookReceiver::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const std::optional<RecordedRequest> taken = RecordedRequest::take(buffer);
    if (!taken) {
        return;
    }
    m_requests.append(*taken);
    if (m_hangCount > 0) {
        --m_hangCount;
    } else {
        answer(socket);
    }
    Q_EMIT received();
}

void WebhookReceiver::answer(QTcpSocket *socket)
{
    int status = m_status;
    if (m_failCount > 0) {
        --m_failCount;
        status = m_failStatus;
    }
    QByteArray body = status < 300 ? QByteArray("thanks") : QByteArray("the receiver says no");
    QByteArray type = "text/plain";
    if (!m_answerBody.isNull()) {
        body = m_answerBody;
        type = "application/json";
    }
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\nContent-Type: " + type
                  + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace steward::test
