// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace steward::test {

// The real stewardd binary, started on a free loopback port for one test. The port is read
// from the server's "listening" log line; everything it logs is kept for assertions. Its data
// folder (XDG_DATA_HOME, where it keeps the key that signs bundles) is a temporary one of its
// own, never the home of the user running the tests.
class ServerProcess final
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    Q_DISABLE_COPY_MOVE(ServerProcess)

    // Starts `stewardd --database DATABASE --listen 127.0.0.1:0 EXTRA...` and waits until it
    // listens (or fails: then error() says why).
    bool start(const QString &database, const QStringList &extraArguments = {});
    // After stop(): starts again with the same database and arguments on the same port, as a
    // server that was restarted; clients reconnect to the same URL.
    bool restart();
    // SIGTERM and wait; returns the exit code.
    int stop();
    // SIGKILL and wait: a server that dies without cleaning up (restart() starts it again).
    void kill();
    [[nodiscard]] bool isRunning() const { return m_process.state() == QProcess::Running; }

    [[nodiscard]] quint16 port() const { return m_port; }
    // The running server's process id (for its CPU time in /proc), or 0.
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    [[nodiscard]] QUrl url(const QString &path = {}) const;
    [[nodiscard]] QString log();
    [[nodiscard]] QString error() const { return m_error; }
    // The server's XDG_DATA_HOME.
    [[nodiscard]] QString dataHome() const { return m_dataHome.path(); }

private:
    // Starts stewardd listening on `port` (0: any free port) and waits for its listening line.
    bool launch(quint16 port);

    QProcess m_process;
    QTemporaryDir m_dataHome;
    QString m_database;
    QStringList m_extraArguments;
    QByteArray m_log;
    quint16 m_port = 0;
    QString m_error;
    QString m_scheme = QStringLiteral("http");
};

// One HTTP answer as a test sees it.
struct HttpReply
{
    int status = 0; // 0: no answer (connection failed)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString errorCode() const;
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

// A blocking client for tests: one request at a time, with a bearer token.
class HttpClient final
{
public:
    HttpClient(QUrl base, QString token = {}) : m_base(std::move(base)), m_token(std::move(token)) { }

    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] HttpReply get(const QString &pathAndQuery) const;
    [[nodiscard]] HttpReply post(const QString &path, const QJsonObject &body) const;
    [[nodiscard]] HttpReply patch(const QString &path, const QJsonObject &body) const;
    [[nodiscard]] HttpReply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                 const QByteArray &contentType = "application/json") const;

private:
    QUrl m_base;
    QString m_token;
};

// Sends raw bytes on a fresh TCP connection and returns what came back before the server
// closed it or `timeoutMs` passed: for malformed and partial requests.
[[nodiscard]] QByteArray sendRaw(quint16 port, const QByteArray &bytes, int timeoutMs = 5000,
                                 bool closeAfterSend = false);

} // namespace steward::test
