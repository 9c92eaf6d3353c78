// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QObject>
#include <QSqlDriver>
#include <QString>
#include <QTimer>

#include <memory>

namespace steward {

class Store;
class StreamRepository;

// Watches one store for new change stream rows, written by this process or any other, and
// says how far the stream has come. It keeps its own connection to the store.
// - PostgreSQL: LISTEN on StreamRepository::notificationChannel(); every append notifies at
//   commit with its newest sequence number. A slow timer also reads the newest sequence, so a
//   notification lost with a dropped connection is caught up, and the connection is made
//   again when it fails.
// - SQLite: a short poll of the newest sequence. SQLite has no way to tell another connection
//   about a commit (its update hook sees only its own connection's writes; a file watcher on
//   the WAL fires for checkpoints too and depends on the file system), while max(seq) on the
//   primary key costs microseconds.
// A writer in the same process may call poke() after committing, so nobody waits for a tick.
class StreamListener final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // SQLite: how often the newest sequence is read.
        int pollIntervalMs = 250;
        // PostgreSQL: how often it is read anyway, and a lost connection is made again.
        int recheckIntervalMs = 5000;
    };

    StreamListener(QString location, Options options, QObject *parent = nullptr);
    explicit StreamListener(QString location, QObject *parent = nullptr)
        : StreamListener(std::move(location), Options{}, parent)
    {
    }
    ~StreamListener() override;
    Q_DISABLE_COPY_MOVE(StreamListener)

    // Connects, takes the newest sequence as the starting point (without announcing it) and
    // starts watching. A failure to connect is reported here; later ones are retried.
    [[nodiscard]] Status start();
    // The newest sequence number seen so far.
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }

public Q_SLOTS:
    // Reads the newest sequence now.
    void poke();

Q_SIGNALS:
    // The stream has grown up to lastSeq: every row up to it can be read.
    void advanced(qint64 lastSeq);

private:
    [[nodiscard]] Status connectToStore();
    void disconnectFromStore();
    void reached(qint64 seq);
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    QString m_location;
    Options m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StreamRepository> m_stream;
    QTimer m_timer;
    qint64 m_lastSeq = 0;
};

} // namespace steward
