// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"

#include "api/jsoncodec.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSemaphore>
#include <QThread>

#include <algorithm>

namespace steward {

// The largest page the API hands out (docs/api.md, "Lists").
constexpr int kPageSize = 500;

// What came back for one request, filled in on the worker thread.
struct ApiAnswer
{
    int status = 0; // 0: no HTTP answer
    QByteArray body; // for a download: only an error's body
    ApiClient::Headers headers;
    QString networkError; // why there was no answer, or why it broke off
    QStringList tlsProblems; // certificate errors that were not accepted
    QString fileError; // "FILE: why", for a download that could not be written
    bool timedOut = false;

    // A whole answer with a success status, and for a download a whole file.
    [[nodiscard]] bool succeeded() const
    {
        return status >= 200 && status < 300 && networkError.isEmpty() && fileError.isEmpty() && !timedOut;
    }
};

namespace {

// One request in flight, shared by the waiting caller and the worker thread: the worker fills
// in the answer and then releases `finished`, which orders its writes before the caller's reads.
// A caller that gave up leaves; the worker finishes into an exchange nobody reads any more.
struct Exchange
{
    QSemaphore finished;
    ApiAnswer answer;
    QPointer<QNetworkReply> reply; // touched on the worker thread only
};

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

// The code of an HTTP error whose body does not name a code this version knows.
Error::Code codeForStatus(int status)
{
    switch (status) {
    case 400: return Error::Code::Invalid;
    case 401:
    case 403:
    case 429: return Error::Code::Forbidden;
    case 404: return Error::Code::NotFound;
    case 409: return Error::Code::Conflict;
    case 413:
    case 431: return Error::Code::TooLarge;
    default: return status >= 500 ? Error::Code::StoreFailure : Error::Code::Invalid;
    }
}

} // namespace

// Lives on the client's thread: owns the QNetworkAccessManager (which must be used on the
// thread it belongs to) and runs each request there.
class ApiWorker final : public QObject
{
public:
    explicit ApiWorker(const ServerConnection &connection) : m_connection(connection) { }

    void start(const std::shared_ptr<Exchange> &exchange, const QNetworkRequest &request, const QByteArray &method,
               const QByteArray &body, const QString &filePath)
    {
        if (!m_manager) {
            m_manager = std::make_unique<QNetworkAccessManager>();
        }
        std::shared_ptr<QFile> file;
        if (!filePath.isEmpty()) {
            file = std::make_shared<QFile>(filePath);
            if (!file->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
                exchange->answer.fileError = filePath + QStringLiteral(": ") + file->errorString();
                exchange->finished.release();
                return;
            }
        }
        QNetworkReply *reply = m_manager->sendCustomRequest(request, method, body);
        exchange->reply = reply;
        connect(reply, &QNetworkReply::sslErrors, reply, [this, reply, exchange](const QList<QSslError> &errors) {
            if (m_connection.acceptsDespite(errors)) {
                reply->ignoreSslErrors(errors);
                return;
            }
            for (const QSslError &error : errors) {
                exchange->answer.tlsProblems.append(error.errorString());
            }
        });
        connect(reply, &QIODevice::readyRead, reply, [reply, file, exchange] { take(*reply, file.get(), *exchange); });
        connect(reply, &QNetworkReply::finished, reply, [reply, file, exchange] {
            take(*reply, file.get(), *exchange);
            ApiAnswer &answer = exchange->answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            // No answer at all, or an answer that broke off (an error status is read from its body).
            if (answer.status == 0 || (isSuccess(answer.status) && reply->error() != QNetworkReply::NoError)) {
                answer.networkError = reply->errorString();
            }
            // Cancelled without a file error to explain it: the transfer timeout ran out.
            if (reply->error() == QNetworkReply::OperationCanceledError && answer.fileError.isEmpty()) {
                answer.timedOut = true;
            }
            answer.headers = reply->rawHeaderPairs();
            if (file) {
                file->close();
                if (!answer.succeeded()) {
                    file->remove();
                }
            }
            reply->deleteLater();
            exchange->finished.release();
        });
    }

private:
    // What arrived so far: a download's body goes to its file, anything else to the answer.
    static void take(QNetworkReply &reply, QFile *file, Exchange &exchange)
    {
        if (!reply.isReadable()) {
            return; // aborted: there is nothing more to read
        }
        const QByteArray bytes = reply.readAll();
        const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!file || !isSuccess(status)) {
            exchange.answer.body += bytes;
            return;
        }
        if (exchange.answer.fileError.isEmpty() && file->write(bytes) != bytes.size()) {
            exchange.answer.fileError = file->fileName() + QStringLiteral(": ") + file->errorString();
            reply.abort();
        }
    }

    ServerConnection m_connection;
    std::unique_ptr<QNetworkAccessManager> m_manager; // made on the worker thread
};

ApiClient::ApiClient(ServerConnection connection)
    : m_connection(std::move(connection)), m_thread(std::make_unique<QThread>()), m_worker(new ApiWorker(m_connection))
{
    m_thread->setObjectName(QStringLiteral("steward-api"));
    m_worker->moveToThread(m_thread.get());
    // Deferred deletions still run after the thread's loop stops: the worker and its manager
    // are destroyed on the thread they belong to.
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ApiClient::~ApiClient()
{
    m_thread->quit();
    m_thread->wait();
}

ApiAnswer ApiClient::exchange(const QByteArray &method, const QString &path, const QUrlQuery &query,
                              const QByteArray &body, const QString &filePath) const
{
    QUrl url = m_connection.endpoint(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_connection.token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    // The token goes with every request; a redirect must not carry it to another server.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    // Aborts a request that has been silent this long; for a download that is the only bound.
    request.setTransferTimeout(m_connection.timeoutMs);

    auto pending = std::make_shared<Exchange>();
    ApiWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, pending, request, method, body, filePath] { worker->start(pending, request, method, body, filePath); },
        Qt::QueuedConnection);
    if (!filePath.isEmpty()) {
        pending->finished.acquire();
        return pending->answer;
    }
    if (!pending->finished.tryAcquire(1, m_connection.timeoutMs)) {
        QMetaObject::invokeMethod(
            worker,
            [pending] {
                if (pending->reply) {
                    pending->reply->abort();
                }
            },
            Qt::QueuedConnection);
        ApiAnswer late;
        late.timedOut = true;
        return late;
    }
    return pending->answer;
}

Error ApiClient::errorOf(const ApiAnswer &answer) const
{
    const QString server = m_connection.displayUrl();
    if (!answer.fileError.isEmpty()) {
        return {Error::Code::StoreFailure,
                QCoreApplication::translate("steward::ApiClient", "Cannot write what %1 sent to %2")
                    .arg(server, answer.fileError)};
    }
    if (answer.timedOut) {
        return {Error::Code::StoreFailure,
                QCoreApplication::translate("steward::ApiClient", "%1 did not answer within %2 s.")
                    .arg(server)
                    .arg(m_connection.timeoutMs / 1000.0)};
    }
    if (answer.status != 0 && !answer.networkError.isEmpty()) {
        return {Error::Code::StoreFailure,
                QCoreApplication::translate("steward::ApiClient", "The answer of %1 broke off: %2")
                    .arg(server, answer.networkError)};
    }
    if (answer.status == 0) {
        if (!answer.tlsProblems.isEmpty()) {
            return {Error::Code::StoreMissing,
                    QCoreApplication::translate("steward::ApiClient",
                                                "Cannot reach %1: its certificate is not trusted (%2). If the "
                                                "server's certificate is self-signed, pin it.")
                        .arg(server, answer.tlsProblems.join(QStringLiteral("; ")))};
        }
        return {
            Error::Code::StoreMissing,
            QCoreApplication::translate("steward::ApiClient", "Cannot reach %1: %2").arg(server, answer.networkError)};
    }
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    const QJsonValue code = document.object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code"));
    if (code.isString()) {
        Error error = errorFromJson(document.object());
        if (!Error::codeFromName(code.toString())) {
            // A code this version does not know (unauthenticated, rate_limited): the status says
            // what kind of refusal it is.
            error.code = codeForStatus(answer.status);
        }
        return error;
    }
    return {codeForStatus(answer.status),
            QCoreApplication::translate("steward::ApiClient", "%1 answered with HTTP status %2.")
                .arg(server)
                .arg(answer.status)};
}

Result<QJsonValue> ApiClient::json(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                   const QByteArray &body) const
{
    const ApiAnswer answer = exchange(method, path, query, body, {});
    if (!answer.succeeded()) {
        return errorOf(answer);
    }
    if (answer.body.isEmpty()) {
        return QJsonValue();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ApiClient", "%1 did not answer %2 with JSON: %3")
                         .arg(m_connection.displayUrl(), path, parseError.errorString())};
    }
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

Result<QJsonValue> ApiClient::get(const QString &path, const QUrlQuery &query) const
{
    return json("GET", path, query, {});
}

Result<QJsonValue> ApiClient::post(const QString &path, const QJsonObject &body) const
{
    return json("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Result<QJsonValue> ApiClient::patch(const QString &path, const QJsonObject &body) const
{
    return json("PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Result<QJsonValue> ApiClient::put(const QString &path, const QJsonObject &body) const
{
    return json("PUT", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Result<QJsonArray> ApiClient::getItems(const QString &path, QUrlQuery query, qsizetype limit) const
{
    QJsonArray all;
    if (limit == 0) {
        return all; // the API's smallest page is one item
    }
    for (;;) {
        const qsizetype wanted = limit < 0 ? kPageSize : std::min<qsizetype>(kPageSize, limit - all.size());
        query.removeAllQueryItems(QStringLiteral("limit"));
        query.addQueryItem(QStringLiteral("limit"), QString::number(wanted));
        const Result<QJsonValue> page = get(path, query);
        if (!page) {
            return page.error();
        }
        const Result<QJsonArray> items =
            jsonArrayAt(page->toObject().value(QStringLiteral("items")), QStringLiteral("items"));
        if (!items) {
            return items.error();
        }
        for (const QJsonValue &item : items.value()) {
            all.append(item);
        }
        const QString cursor = page->toObject().value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty() || (limit >= 0 && all.size() >= limit)) {
            return all;
        }
        query.removeAllQueryItems(QStringLiteral("cursor"));
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    }
}

Result<ApiClient::Headers> ApiClient::download(const QString &path, const QUrlQuery &query,
                                               const QString &filePath) const
{
    const ApiAnswer answer = exchange("GET", path, query, {}, filePath);
    if (!answer.succeeded()) {
        return errorOf(answer);
    }
    return answer.headers;
}

} // namespace steward
