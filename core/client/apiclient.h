// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/serverconnection.h"
#include "domain/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <memory>

class QThread;

namespace steward {

class ApiWorker;
struct ApiAnswer; // what came back for one request (apiclient.cpp)

// A small client of the stewardd JSON API (docs/api.md) for one server and one bearer token.
// Every call blocks until the answer is there and gives the JSON body, or the server's error
// as an Error with the server's code and message, or why the server could not be reached.
//
// Blocking, because Workspace is a synchronous interface the desktop app calls from its GUI
// thread. The network work runs on a thread of its own (with its own QNetworkAccessManager and
// event loop) and the caller waits on a semaphore: waiting in a nested QEventLoop instead would
// run the GUI's events in the middle of a call (a click handled while a click is handled, a
// widget deleted under the code that waits), which is how re-entrancy bugs are made. The GUI
// does not repaint while it waits, so every wait is bounded by the connection's timeout.
class ApiClient final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit ApiClient(ServerConnection connection);
    ~ApiClient();
    Q_DISABLE_COPY_MOVE(ApiClient)

    [[nodiscard]] const ServerConnection &connection() const { return m_connection; }

    // `path` is the API path, such as /api/v1/tree; the answer's JSON (null for an empty body).
    [[nodiscard]] Result<QJsonValue> get(const QString &path, const QUrlQuery &query = {}) const;
    [[nodiscard]] Result<QJsonValue> post(const QString &path, const QJsonObject &body) const;
    [[nodiscard]] Result<QJsonValue> patch(const QString &path, const QJsonObject &body) const;
    [[nodiscard]] Result<QJsonValue> put(const QString &path, const QJsonObject &body) const;

    // Every item of a paged list ({"items": [...], "nextCursor": "..."}), following the cursor
    // page by page until `limit` items (no limit when < 0) or the last page.
    [[nodiscard]] Result<QJsonArray> getItems(const QString &path, QUrlQuery query = {}, qsizetype limit = -1) const;

    // Writes the body of a GET into a new file at `filePath` as it arrives, and gives the
    // answer's headers. On failure the file is removed. A download may take longer than the
    // timeout as a whole; it fails when nothing arrives for that long.
    [[nodiscard]] Result<Headers> download(const QString &path, const QUrlQuery &query, const QString &filePath) const;

private:
    // Sends one request on the worker thread and waits for its answer.
    [[nodiscard]] ApiAnswer exchange(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                     const QByteArray &body, const QString &filePath) const;
    [[nodiscard]] Result<QJsonValue> json(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                          const QByteArray &body) const;
    [[nodiscard]] Error errorOf(const ApiAnswer &answer) const;

    ServerConnection m_connection;
    std::unique_ptr<QThread> m_thread;
    ApiWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
};

} // namespace steward
