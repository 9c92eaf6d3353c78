// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace steward {

// What one HTTP connection may send before stewardd stops listening to it.
struct ConnectionLimits
{
    qsizetype maxHeaderBytes = 64 * 1024;
    qsizetype maxBodyBytes = 8 * 1024 * 1024;
    int requestTimeoutMs = 30'000; // from the first byte of a request to its last
    int idleTimeoutMs = 120'000; // a kept-alive connection with no request
};

// Qt HttpServer 6.4 reads a whole request into memory before a handler sees it and has no
// limits of its own: a client could send an endless header line or a body of gigabytes, or
// start a request and never finish it. The guard sits on each socket in front of the HTTP
// parser (its readyRead slot is connected first), counts what arrives, and answers 431, 413
// or 408 itself and closes the connection when a limit is passed. It steps aside for a
// WebSocket upgrade: the live stream has its own rules.
class ConnectionGuard final : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, const ConnectionLimits &limits);

private:
    void beforeParser();
    void afterParser();
    void onTimeout();
    void resetForNextRequest();
    void refuse(int status, const QByteArray &reason, const QString &message);

    QPointer<QTcpSocket> m_socket;
    ConnectionLimits m_limits;
    QTimer m_timer;
    QByteArray m_head; // the request's header block, until its blank line
    qsizetype m_received = 0; // bytes of the current request so far
    bool m_headerComplete = false;
    bool m_inRequest = false;
    bool m_refused = false;
    bool m_watchesParser = false;
};

// A listening socket that puts a ConnectionGuard on every connection it accepts.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const ConnectionLimits &limits, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionLimits m_limits;
};

// The same for HTTPS: the guard is put on each socket as its TLS handshake starts.
class GuardedSslServer final : public QSslServer
{
    Q_OBJECT

public:
    GuardedSslServer(const ConnectionLimits &limits, const QSslConfiguration &configuration, QObject *parent = nullptr);

private:
    ConnectionLimits m_limits;
};

} // namespace steward
