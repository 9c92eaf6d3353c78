// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordedrequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace steward::test {

// A real HTTP receiver on 127.0.0.1 for webhook tests: it records every request it gets and
// answers as it is told (200 by default; the next N with a failure status; the next N never,
// holding the connection open as a hung receiver would). Runs on the test's event loop.
class WebhookReceiver final : public QObject
{
    Q_OBJECT

public:
    using Request = RecordedRequest;

    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

    // Listens on a free port; false if that failed.
    [[nodiscard]] bool listen();
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/hook")) const;

    // Answers every later request with `status` unless told otherwise below.
    void setStatus(int status) { m_status = status; }
    // Answers the next `count` requests with `status`, then the usual status again.
    void failNext(int count, int status);
    // Never answers the next `count` requests.
    void hangNext(int count) { m_hangCount = count; }
    // Answers with this body (as application/json) instead of the usual few words.
    void setAnswerBody(const QByteArray &body) { m_answerBody = body; }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

Q_SIGNALS:
    void received();

private:
    void accept();
    void read(QTcpSocket *socket);
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_status = 200;
    int m_failCount = 0;
    int m_failStatus = 500;
    int m_hangCount = 0;
    QByteArray m_answerBody;
};

} // namespace steward::test
