// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamrecorder.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>
#include <QUrlQuery>

namespace steward::test {

StreamRecorder::StreamRecorder(const QUrl &serverUrl, const QString &token, qint64 since)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/stream"));
    if (since >= 0) {
        url.setQuery(QStringLiteral("since=%1").arg(since));
    }
    QNetworkRequest request(url);
    if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    }
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { m_messages.append(QJsonDocument::fromJson(message.toUtf8()).object()); });
    // Tests serve TLS with throwaway self-signed certificates.
    connect(&m_socket, &QWebSocket::sslErrors, this, [this] { m_socket.ignoreSslErrors(); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_closeCode = m_socket.closeCode(); });
    m_socket.open(request);
}

bool StreamRecorder::waitConnected(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::ConnectedState && m_closeCode < 0 && timer.elapsed() < timeoutMs) {
        QTest::qWait(10);
    }
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool StreamRecorder::waitForMessages(qsizetype count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_messages.size() < count && timer.elapsed() < timeoutMs) {
        QTest::qWait(10);
    }
    return m_messages.size() >= count;
}

void StreamRecorder::waitQuiet(int quietMs)
{
    qsizetype seen = -1;
    while (seen != m_messages.size()) {
        seen = m_messages.size();
        QTest::qWait(quietMs);
    }
}

void StreamRecorder::close()
{
    m_socket.close();
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < 5000) {
        QTest::qWait(10);
    }
}

QList<QJsonObject> StreamRecorder::messagesOfType(const QString &type) const
{
    QList<QJsonObject> matching;
    for (const QJsonObject &message : m_messages) {
        if (message.value(QStringLiteral("type")).toString() == type) {
            matching.append(message);
        }
    }
    return matching;
}

qint64 StreamRecorder::lastSeq() const
{
    return m_messages.isEmpty() ? 0 : m_messages.constLast().value(QStringLiteral("seq")).toInteger();
}

} // namespace steward::test
