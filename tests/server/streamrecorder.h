// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace steward::test {

// A live-stream client for tests: connects to /api/v1/stream with a token (and `since`),
// keeps every message it receives, and remembers how the server closed the connection.
class StreamRecorder final : public QObject
{
    Q_OBJECT

public:
    StreamRecorder(const QUrl &serverUrl, const QString &token, qint64 since = -1);

    // Waits until the connection is open (or closed).
    bool waitConnected(int timeoutMs = 10'000);
    // Waits until at least `count` messages arrived.
    bool waitForMessages(qsizetype count, int timeoutMs = 10'000);
    // Waits until no message has arrived for `quietMs`.
    void waitQuiet(int quietMs = 300);
    void close();

    [[nodiscard]] const QList<QJsonObject> &messages() const { return m_messages; }
    [[nodiscard]] QList<QJsonObject> messagesOfType(const QString &type) const;
    [[nodiscard]] qint64 lastSeq() const;
    [[nodiscard]] bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    [[nodiscard]] int closeCode() const { return m_closeCode; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    int m_closeCode = -1;
};

} // namespace steward::test
