// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordedrequest.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include <optional>

class QTcpSocket;

namespace steward::test {

// A small OpenAI-compatible server on 127.0.0.1 for the openai runner's tests and benchmarks:
// POST /v1/chat/completions answers as it is told (a completion with usage, with usage and
// cost, or one of the ways a real server fails), anything else is a 404 in OpenAI's error
// form. It records every request it gets (path, headers, body). Runs on the caller's event
// loop; fakeopenai_main.cpp wraps it as a program for tests that start processes.
class FakeOpenAi final : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Completion, // 200, the content, usage
        CompletionWithCost, // 200, the content, usage with "cost"
        Unauthorized, // 401 with OpenAI's error JSON, quoting the key it got as OpenAI does
        RateLimited, // 429 with error JSON
        ServerError, // 500 with error JSON
        Garbage, // 200 with a body that is not JSON
        NoChoices, // 200, "choices": []
        EmptyContent, // 200, a choice whose content is ""
        Truncated, // 200, finish_reason "length"
        Huge, // 200, a valid completion of 9 MiB
        Hang, // reads the request and never answers
    };

    using Request = RecordedRequest;

    explicit FakeOpenAi(QObject *parent = nullptr);
    ~FakeOpenAi() override;
    Q_DISABLE_COPY_MOVE(FakeOpenAi)

    // Listens on `port` (0: a free one); false if that failed.
    [[nodiscard]] bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    // http://127.0.0.1:PORT/v1, what the runner's base URL is set to.
    [[nodiscard]] QUrl baseUrl() const;

    void setMode(Mode mode) { m_mode = mode; }
    void setContent(const QString &content) { m_content = content; }
    void setUsage(qint64 promptTokens, qint64 completionTokens);
    void setCost(double cost) { m_cost = cost; }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

    // The modes by the names the program takes (--mode completion, rate-limited, ...).
    [[nodiscard]] static std::optional<Mode> modeNamed(const QString &name);
    [[nodiscard]] static QStringList modeNames();

Q_SIGNALS:
    void received();

private:
    void accept();
    void read(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);
    [[nodiscard]] QByteArray completion(const Request &request, const QString &content,
                                        const QString &finishReason) const;

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    Mode m_mode = Mode::Completion;
    QString m_content = QStringLiteral("Dear customer,\n\nthank you for your message.");
    qint64 m_promptTokens = 120;
    qint64 m_completionTokens = 30;
    double m_cost = 0.00042;
};

} // namespace steward::test
