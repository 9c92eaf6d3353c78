// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/serverconnection.h"
#include "domain/enums.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace steward {

// Follows a stewardd's live stream (/api/v1/stream, a WebSocket; see StreamHub): each item as
// it is committed, in sequence order. It remembers the last sequence number it received and,
// when the connection drops, reconnects asking for what follows it, so that nothing is missed
// and nothing arrives twice. Reconnects wait 0.5 s, then twice as long each time up to 30 s,
// and start again from 0.5 s once a connection opens.
//
// Lives on the thread that uses it (the GUI thread): a WebSocket never blocks.
class StreamClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr int FirstRetryDelayMs = 500;
    static constexpr int MaxRetryDelayMs = 30'000;

    explicit StreamClient(ServerConnection connection, QObject *parent = nullptr);
    ~StreamClient() override;

    // Connects, and keeps reconnecting until stop(). With `since` >= 0 the server first sends
    // everything after that sequence number; otherwise the stream starts now. Until the first
    // item arrives the client has no position, so a reconnect before then starts at the
    // server's present again.
    void start(qint64 since = -1);
    // Closes the connection and stops reconnecting.
    void stop();

    [[nodiscard]] bool isConnected() const { return m_connected; }
    // The sequence number of the last item received (or `since`); -1 when there is none yet.
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }

Q_SIGNALS:
    // One item: `data` is the JSON of what changed (an event, a run, a node, ...). Items of a
    // type this version does not know are skipped.
    void itemReceived(qint64 seq, steward::StreamItemType type, const QJsonObject &data);
    // The connection opened, or closed (or an attempt failed) for the reason `why`.
    void connectionChanged(bool connected, const QString &why);
    // The next attempt to connect is in `delayMs`.
    void retryScheduled(int delayMs);

private:
    void open();
    void onConnected();
    void onClosed();
    void onMessage(const QString &text);
    void checkAlive();

    ServerConnection m_connection;
    QWebSocket *m_socket = nullptr; // a new one for each attempt
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QStringList m_tlsProblems; // of the current attempt
    qint64 m_lastSeq = -1;
    int m_retryDelayMs = FirstRetryDelayMs;
    int m_delayBeforeConnect = FirstRetryDelayMs;
    bool m_running = false;
    bool m_connected = false;
    bool m_awaitingPong = false;
};

} // namespace steward
