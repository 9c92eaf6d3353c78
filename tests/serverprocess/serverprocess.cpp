// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace steward::test {

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        stop();
    }
}

bool ServerProcess::start(const QString &database, const QStringList &extraArguments)
{
    m_database = database;
    m_extraArguments = extraArguments;
    if (extraArguments.contains(QStringLiteral("--tls-certificate"))) {
        m_scheme = QStringLiteral("https");
    }
    return launch(0);
}

bool ServerProcess::restart()
{
    return launch(m_port);
}

bool ServerProcess::launch(quint16 port)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dataHome.path());
    m_process.setProcessEnvironment(environment);
    QStringList arguments{QStringLiteral("--database"), m_database, QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(port)};
    arguments += m_extraArguments;
    m_process.start(QStringLiteral(STEWARDD_PATH), arguments);
    if (!m_process.waitForStarted(10'000)) {
        m_error = m_process.errorString();
        return false;
    }
    // Only this run's lines: an earlier run's listening line is in the log too.
    const qsizetype logStart = m_log.size();
    static const QRegularExpression listening(QStringLiteral("event=listening .*port=(\\d+)"));
    QDeadlineTimer deadline(20'000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        m_log += m_process.readAllStandardError();
        const QString output = QString::fromUtf8(m_log.mid(logStart));
        const QRegularExpressionMatch match = listening.match(output);
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("stewardd exited (%1): %2").arg(m_process.exitCode()).arg(output);
            return false;
        }
    }
    m_error = QStringLiteral("stewardd did not start listening: ") + QString::fromUtf8(m_log.mid(logStart));
    return false;
}

int ServerProcess::stop()
{
    m_process.terminate();
    if (!m_process.waitForFinished(20'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
        return -1;
    }
    m_log += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5'000);
    m_log += m_process.readAllStandardError();
}

QUrl ServerProcess::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(m_scheme).arg(m_port).arg(path));
}

QString ServerProcess::log()
{
    m_log += m_process.readAllStandardError();
    return QString::fromUtf8(m_log);
}

QString HttpReply::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

HttpReply HttpClient::get(const QString &pathAndQuery) const
{
    return send("GET", pathAndQuery, {});
}

HttpReply HttpClient::post(const QString &path, const QJsonObject &body) const
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpReply HttpClient::patch(const QString &path, const QJsonObject &body) const
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpReply HttpClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                           const QByteArray &contentType) const
{
    QNetworkAccessManager manager;
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    request.setTransferTimeout(30'000);
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    reply->ignoreSslErrors();
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        result.headers.append({name, value});
    }
    reply->deleteLater();
    return result;
}

QByteArray sendRaw(quint16 port, const QByteArray &bytes, int timeoutMs, bool closeAfterSend)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(bytes);
    socket.waitForBytesWritten(5000);
    if (closeAfterSend) {
        socket.abort();
        return {};
    }
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())))) {
            received += socket.readAll();
        }
    }
    received += socket.readAll();
    return received;
}

} // namespace steward::test
