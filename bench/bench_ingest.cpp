// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Server ingest (issue 4's figure, target T14): events/s through POST /api/v1/events in
// batches of 500 into a running stewardd, against storing the same rows from this process
// straight into the same kind of database, two ways: through ActivityService (the same checks
// and stream rows the server does) and through ActivityRepository alone (rows and rollups,
// nothing else). Each run uses a fresh database.
//   bench_ingest sqlite|postgresql://... [EVENTS] [BATCH]
// With a PostgreSQL URL naming a server (database "postgres"), three throwaway databases are
// created on it and dropped after.
#include "benchworkspace.h"
#include "domain/clock.h"
#include "serverprocess.h"
#include "service/activityservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "storage/storelocation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace steward;
using namespace steward::bench;

namespace {

constexpr int kAgents = 50;

// A fresh database for one run: a file in `dir`, or a new database on the PostgreSQL server.
class Scratch
{
public:
    Scratch(const QString &server, const QTemporaryDir &dir, const QString &name) : m_server(server)
    {
        if (server == QLatin1String("sqlite")) {
            m_location = dir.filePath(name + QStringLiteral(".steward"));
            return;
        }
        m_database = QStringLiteral("steward_bench_%1_%2").arg(name).arg(QRandomGenerator::global()->generate());
        admin([this](QSqlQuery &query) { query.exec(QStringLiteral("CREATE DATABASE ") + m_database); });
        QString url = server;
        m_location = url.left(url.lastIndexOf(QLatin1Char('/')) + 1) + m_database;
    }
    ~Scratch()
    {
        if (!m_database.isEmpty()) {
            admin([this](QSqlQuery &query) {
                query.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_database + QStringLiteral(" WITH (FORCE)"));
            });
        }
    }
    [[nodiscard]] QString location() const { return m_location; }

private:
    void admin(const std::function<void(QSqlQuery &)> &work) const
    {
        const Result<StoreLocation> where = StoreLocation::parse(m_server);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
            db.setHostName(where->hostName);
            db.setPort(where->port);
            db.setUserName(where->userName);
            db.setPassword(where->password);
            db.setDatabaseName(where->databaseName);
            if (db.open()) {
                QSqlQuery query(db);
                work(query);
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    }

    QString m_server;
    QString m_database;
    QString m_location;
};

double directRate(const QString &location, qint64 total, int batch, bool throughService)
{
    const BenchWorkspace workspace = createBenchWorkspace(location, kAgents);
    if (!workspace.error.isEmpty()) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(workspace.error));
        return 0;
    }
    Result<std::unique_ptr<Store>> store = Store::open(location);
    SystemClock clock;
    ActivityService service(*store.value(), clock);
    ActivityRepository repository(*store.value());
    QElapsedTimer timer;
    qint64 elapsedNs = 0;
    for (qint64 done = 0; done < total; done += batch) {
        QList<ActivityEvent> events = syntheticEvents(workspace.agents, QStringLiteral("d"), done, batch);
        const QDateTime now = clock.now();
        for (ActivityEvent &event : events) {
            event.time = now;
            event.version = 1;
        }
        timer.start();
        if (throughService) {
            if (const auto stored = service.ingest(std::move(events)); !stored) {
                std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(stored.error().message));
                return 0;
            }
        } else {
            Transaction transaction(*store.value());
            if (const auto stored = repository.appendEvents(events); !stored || !transaction.commit()) {
                std::fprintf(stderr, "bench_ingest: direct insert failed\n");
                return 0;
            }
        }
        elapsedNs += timer.nsecsElapsed();
    }
    return static_cast<double>(total) / (static_cast<double>(elapsedNs) / 1e9);
}

double serverRate(const QString &location, qint64 total, int batch)
{
    const BenchWorkspace workspace = createBenchWorkspace(location, kAgents);
    if (!workspace.error.isEmpty()) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(workspace.error));
        return 0;
    }
    QList<QByteArray> bodies;
    for (qint64 done = 0; done < total; done += batch) {
        bodies.append(ingestBody(syntheticEvents(workspace.agents, QStringLiteral("s"), done, batch)));
    }
    test::ServerProcess server;
    if (!server.start(location)) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(server.error()));
        return 0;
    }
    const test::HttpClient client(server.url(), workspace.adminToken);
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : std::as_const(bodies)) {
        const test::HttpReply reply = client.send("POST", QStringLiteral("/api/v1/events"), body);
        if (reply.status != 200) {
            std::fprintf(stderr, "bench_ingest: POST answered %d: %s\n", reply.status, reply.body.constData());
            return 0;
        }
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    server.stop();
    return static_cast<double>(total) / seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString target = args.size() > 1 ? args.at(1) : QStringLiteral("sqlite");
    const qint64 total = args.size() > 2 ? args.at(2).toLongLong() : 100000;
    const int batch = args.size() > 3 ? args.at(3).toInt() : 500;
    const QTemporaryDir dir;

    const Scratch repositoryDb(target, dir, QStringLiteral("repository"));
    const double repository = directRate(repositoryDb.location(), total, batch, false);
    const Scratch serviceDb(target, dir, QStringLiteral("service"));
    const double service = directRate(serviceDb.location(), total, batch, true);
    const Scratch serverDb(target, dir, QStringLiteral("server"));
    const double server = serverRate(serverDb.location(), total, batch);
    if (repository <= 0 || service <= 0 || server <= 0) {
        return 1;
    }
    std::printf("ingest into %s, %lld events in batches of %d\n",
                target.startsWith(QLatin1String("postgres")) ? "PostgreSQL" : "SQLite", static_cast<long long>(total),
                batch);
    std::printf("  straight through ActivityRepository (rows + rollups): %8.0f events/s\n", repository);
    std::printf("  straight through ActivityService (+ checks, stream rows): %8.0f events/s\n", service);
    std::printf("  POST /api/v1/events to stewardd:                       %8.0f events/s\n", server);
    std::printf("  ratio server / repository: %.2f   server / service: %.2f\n", server / repository, server / service);
    return 0;
}
