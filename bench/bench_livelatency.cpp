// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Live latency (issue 4's figure, targets T8 and T15): events are POSTed to a running stewardd
// at a steady rate, in a batch every 50 ms (as a collector flushes), while a WebSocket client
// follows the live stream;
// for each event, the time from sending its POST to receiving it on the stream. Reports p50
// and p99 per rate. Poster and follower share this process's clock.
//   bench_livelatency sqlite|postgresql://... [SECONDS] [RATE...]
#include "benchworkspace.h"
#include "serverprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <cstdio>

using namespace steward;
using namespace steward::bench;

namespace {

constexpr int kTickMs = 50;

struct Measured
{
    qint64 sent = 0;
    qint64 received = 0;
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    double answerP50 = 0; // the POST's own round trip
    double answerP99 = 0;
};

Measured measure(const test::ServerProcess &server, const BenchWorkspace &workspace, int rate, int seconds,
                 const QString &prefix)
{
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> sentAt; // client id -> ns on `clock`
    QList<double> latenciesMs;
    QList<double> answeredMs; // POST sent to its answer received

    QWebSocket stream;
    QUrl streamUrl = server.url(QStringLiteral("/api/v1/stream"));
    streamUrl.setScheme(QStringLiteral("ws"));
    QNetworkRequest handshake(streamUrl);
    handshake.setRawHeader("Authorization", "Bearer " + workspace.adminToken.toUtf8());
    QObject::connect(&stream, &QWebSocket::textMessageReceived, [&](const QString &text) {
        const qint64 now = clock.nsecsElapsed();
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString id =
            message.value(QStringLiteral("data")).toObject().value(QStringLiteral("clientId")).toString();
        const auto sent = sentAt.constFind(id);
        if (sent != sentAt.cend()) {
            latenciesMs.append(static_cast<double>(now - sent.value()) / 1e6);
        }
    });
    QEventLoop connecting;
    QObject::connect(&stream, &QWebSocket::connected, &connecting, &QEventLoop::quit);
    stream.open(handshake);
    QTimer::singleShot(5000, &connecting, &QEventLoop::quit);
    connecting.exec();
    if (stream.state() != QAbstractSocket::ConnectedState) {
        std::fprintf(stderr, "bench_livelatency: the stream did not connect\n");
        return {};
    }

    // The POSTs go over one kept-alive connection with Nagle's algorithm off, as agent HTTP
    // clients (curl, urllib3, Go) send them; QNetworkAccessManager sends headers and body in two
    // writes and so waits out the server's delayed acknowledgement (40 ms) on every request.
    QTcpSocket poster;
    poster.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    if (!poster.waitForConnected(5000)) {
        std::fprintf(stderr, "bench_livelatency: cannot connect to the server\n");
        return {};
    }
    poster.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QList<qint64> awaiting; // send times of the POSTs not yet answered, oldest first
    QByteArray answers;
    QObject::connect(&poster, &QTcpSocket::readyRead, [&] {
        answers += poster.readAll();
        // Each answer ends with its body, whose length its header gives.
        for (;;) {
            const qsizetype headerEnd = answers.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                return;
            }
            const qsizetype lengthAt = answers.indexOf("Content-Length: ");
            const qsizetype lineEnd = answers.indexOf("\r\n", lengthAt);
            const qsizetype length = answers.mid(lengthAt + 16, lineEnd - lengthAt - 16).toLongLong();
            if (answers.size() < headerEnd + 4 + length) {
                return;
            }
            if (!answers.startsWith("HTTP/1.1 200")) {
                std::fprintf(stderr, "bench_livelatency: %s\n", answers.left(headerEnd + 4 + length).constData());
            }
            answers.remove(0, headerEnd + 4 + length);
            if (!awaiting.isEmpty()) {
                answeredMs.append(static_cast<double>(clock.nsecsElapsed() - awaiting.takeFirst()) / 1e6);
            }
        }
    });
    const int perTick = qMax(1, rate * kTickMs / 1000);
    const qint64 ticks = static_cast<qint64>(seconds) * 1000 / kTickMs;
    qint64 tick = 0;
    qint64 next = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QEventLoop running;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (tick == ticks) {
            ticker.stop();
            QTimer::singleShot(2000, &running, &QEventLoop::quit); // stragglers
            return;
        }
        const QList<ActivityEvent> events = syntheticEvents(workspace.agents, prefix, next, perTick);
        next += perTick;
        ++tick;
        const QByteArray body = ingestBody(events);
        const QByteArray request = "POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + workspace.adminToken.toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const qint64 now = clock.nsecsElapsed();
        for (const ActivityEvent &event : events) {
            sentAt.insert(event.clientId, now);
        }
        awaiting.append(now);
        poster.write(request);
    });
    ticker.start(kTickMs);
    running.exec();

    Measured measured;
    measured.sent = next;
    measured.received = latenciesMs.size();
    measured.p50 = percentile(latenciesMs, 50);
    measured.p99 = percentile(latenciesMs, 99);
    measured.max = latenciesMs.isEmpty() ? 0 : latenciesMs.constLast();
    measured.answerP50 = percentile(answeredMs, 50);
    measured.answerP99 = percentile(answeredMs, 99);
    stream.close();
    return measured;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString target = args.size() > 1 ? args.at(1) : QStringLiteral("sqlite");
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 10;
    QList<int> rates;
    for (qsizetype i = 3; i < args.size(); ++i) {
        rates.append(args.at(i).toInt());
    }
    if (rates.isEmpty()) {
        rates = {1000, 5000};
    }
    const QTemporaryDir dir;
    QString location = dir.filePath(QStringLiteral("live.steward"));
    const bool postgres = target.startsWith(QLatin1String("postgres"));
    QString database;
    if (postgres) {
        database = QStringLiteral("steward_bench_live_%1").arg(QRandomGenerator::global()->generate());
        const QUrl url(target);
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setDatabaseName(url.path().mid(1));
        if (!admin.open() || !QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE ") + database)) {
            std::fprintf(stderr, "bench_livelatency: cannot create a database on %s\n", qPrintable(target));
            return 1;
        }
        location = target.left(target.lastIndexOf(QLatin1Char('/')) + 1) + database;
    }
    int exitCode = 0;
    {
        const BenchWorkspace workspace = createBenchWorkspace(location, 50);
        test::ServerProcess server;
        if (!workspace.error.isEmpty() || !server.start(location)) {
            std::fprintf(stderr, "bench_livelatency: %s%s\n", qPrintable(workspace.error), qPrintable(server.error()));
            exitCode = 1;
        } else {
            std::printf("live latency, POST to WebSocket receipt, %s, %d s per rate\n",
                        postgres ? "PostgreSQL" : "SQLite", seconds);
            for (const int rate : std::as_const(rates)) {
                const Measured m = measure(server, workspace, rate, seconds, QStringLiteral("r%1").arg(rate));
                std::printf("  %5d events/s: sent %lld, received %lld, p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                            "(POST answered: p50 %.1f ms, p99 %.1f ms)\n",
                            rate, static_cast<long long>(m.sent), static_cast<long long>(m.received), m.p50, m.p99,
                            m.max, m.answerP50, m.answerP99);
            }
            server.stop();
            // The server's own log (request times per line) for looking into a result.
            if (const QByteArray logPath = qgetenv("STEWARD_BENCH_SERVER_LOG"); !logPath.isEmpty()) {
                QFile log(QString::fromLocal8Bit(logPath));
                if (log.open(QIODevice::WriteOnly)) {
                    log.write(server.log().toUtf8());
                }
            }
        }
    }
    if (postgres) {
        QSqlQuery(QSqlDatabase::database(QStringLiteral("admin")))
            .exec(QStringLiteral("DROP DATABASE IF EXISTS ") + database + QStringLiteral(" WITH (FORCE)"));
    }
    return exitCode;
}
