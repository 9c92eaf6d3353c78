// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeopenai.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

namespace steward::test {

namespace {

// Over the runner's 8 MiB limit, so that only the limit can refuse it.
constexpr qsizetype hugeContentBytes = 9 * 1024 * 1024;

const QList<std::pair<QString, FakeOpenAi::Mode>> &modes()
{
    using Mode = FakeOpenAi::Mode;
    static const QList<std::pair<QString, Mode>> names{
        {QStringLiteral("completion"), Mode::Completion},
        {QStringLiteral("cost"), Mode::CompletionWithCost},
        {QStringLiteral("unauthorized"), Mode::Unauthorized},
        {QStringLiteral("rate-limited"), Mode::RateLimited},
        {QStringLiteral("server-error"), Mode::ServerError},
        {QStringLiteral("garbage"), Mode::Garbage},
        {QStringLiteral("no-choices"), Mode::NoChoices},
        {QStringLiteral("empty"), Mode::EmptyContent},
        {QStringLiteral("truncated"), Mode::Truncated},
        {QStringLiteral("huge"), Mode::Huge},
        {QStringLiteral("hang"), Mode::Hang},
    };
    return names;
}

QByteArray errorJson(const QString &message, const QString &type, const QString &code)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("param"), QJsonValue::Null},
                            {QStringLiteral("code"), code}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

void write(QTcpSocket *socket, int status, const QByteArray &phrase, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + phrase
                  + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

FakeOpenAi::FakeOpenAi(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeOpenAi::accept);
}

FakeOpenAi::~FakeOpenAi()
{
    // Sockets are children of the server; they go with it, without calling back.
    for (QTcpSocket *socket : m_buffers.keys()) {
        disconnect(socket, nullptr, this, nullptr);
    }
}

bool FakeOpenAi::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeOpenAi::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort()));
}

void FakeOpenAi::setUsage(qint64 promptTokens, qint64 completionTokens)
{
    m_promptTokens = promptTokens;
    m_completionTokens = completionTokens;
}

std::optional<FakeOpenAi::Mode> FakeOpenAi::modeNamed(const QString &name)
{
    for (const auto &[modeName, mode] : modes()) {
        if (modeName == name) {
            return mode;
        }
    }
    return std::nullopt;
}

QStringList FakeOpenAi::modeNames()
{
    QStringList names;
    for (const auto &entry : modes()) {
        names.append(entry.first);
    }
    return names;
}

void FakeOpenAi::accept()
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

void FakeOpenAi::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const std::optional<RecordedRequest> taken = RecordedRequest::take(buffer);
    if (!taken) {
        return;
    }
    m_requests.append(*taken);
    answer(socket, *taken);
    Q_EMIT received();
}

void FakeOpenAi::answer(QTcpSocket *socket, const Request &request)
{
    if (request.method != "POST" || request.path != "/v1/chat/completions") {
        write(socket, 404, "Not Found",
              errorJson(QStringLiteral("Unknown request URL: %1 %2.")
                            .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path)),
                        QStringLiteral("invalid_request_error"), QStringLiteral("unknown_url")));
        return;
    }
    switch (m_mode) {
    case Mode::Completion:
    case Mode::CompletionWithCost:
        write(socket, 200, "OK", completion(request, m_content, QStringLiteral("stop")));
        return;
    case Mode::Unauthorized: {
        const QByteArray key = request.headers.value("authorization").mid(int(qstrlen("Bearer ")));
        write(socket, 401, "Unauthorized",
              errorJson(QStringLiteral("Incorrect API key provided: %1. You can find your API key at "
                                       "https://platform.openai.com/account/api-keys.")
                            .arg(QString::fromUtf8(key)),
                        QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key")));
        return;
    }
    case Mode::RateLimited:
        write(socket, 429, "Too Many Requests",
              errorJson(QStringLiteral("Rate limit reached for requests. Please try again in 20s."),
                        QStringLiteral("requests"), QStringLiteral("rate_limit_exceeded")));
        return;
    case Mode::ServerError:
        write(socket, 500, "Internal Server Error",
              errorJson(QStringLiteral("The server had an error while processing your request. Sorry about that!"),
                        QStringLiteral("server_error"), QString()));
        return;
    case Mode::Garbage: write(socket, 200, "OK", "<html>upstream proxy says hello</html>"); return;
    case Mode::NoChoices: {
        QJsonObject answer = QJsonDocument::fromJson(completion(request, m_content, QStringLiteral("stop"))).object();
        answer.insert(QStringLiteral("choices"), QJsonArray());
        write(socket, 200, "OK", QJsonDocument(answer).toJson(QJsonDocument::Compact));
        return;
    }
    case Mode::EmptyContent: write(socket, 200, "OK", completion(request, QString(), QStringLiteral("stop"))); return;
    case Mode::Truncated: write(socket, 200, "OK", completion(request, m_content, QStringLiteral("length"))); return;
    case Mode::Huge:
        write(socket, 200, "OK",
              completion(request, QString(hugeContentBytes, QLatin1Char('x')), QStringLiteral("stop")));
        return;
    case Mode::Hang: return;
    }
}

QByteArray FakeOpenAi::completion(const Request &request, const QString &content, const QString &finishReason) const
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), content}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("finish_reason"), finishReason}};
    QJsonObject usage{{QStringLiteral("prompt_tokens"), m_promptTokens},
                      {QStringLiteral("completion_tokens"), m_completionTokens},
                      {QStringLiteral("total_tokens"), m_promptTokens + m_completionTokens}};
    if (m_mode == Mode::CompletionWithCost) {
        usage.insert(QStringLiteral("cost"), m_cost);
    }
    const QJsonObject answer{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake-%1").arg(m_requests.size())},
                             {QStringLiteral("object"), QStringLiteral("chat.completion")},
                             {QStringLiteral("created"), 1767225600},
                             {QStringLiteral("model"), request.json().value(QStringLiteral("model"))},
                             {QStringLiteral("choices"), QJsonArray{choice}},
                             {QStringLiteral("usage"), usage}};
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

} // namespace steward::test
