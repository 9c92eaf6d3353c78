// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamlistener.h"

#include "storage/store.h"
#include "storage/streamrepository.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStreamListener, "steward.storage.streamlistener", QtWarningMsg)

namespace steward {

StreamListener::StreamListener(QString location, Options options, QObject *parent)
    : QObject(parent), m_location(std::move(location)), m_options(options)
{
    connect(&m_timer, &QTimer::timeout, this, &StreamListener::poke);
}

StreamListener::~StreamListener()
{
    disconnectFromStore();
}

Status StreamListener::start()
{
    if (const Status connected = connectToStore(); !connected) {
        return connected;
    }
    const Result<qint64> last = m_stream->lastSeq();
    if (!last) {
        disconnectFromStore();
        return last.error();
    }
    m_lastSeq = last.value();
    // Only a store that notifies can wait longer between reads.
    const bool notifies = !m_store->dialect().notifyStream().isEmpty();
    m_timer.start(notifies ? m_options.recheckIntervalMs : m_options.pollIntervalMs);
    return Done{};
}

Status StreamListener::connectToStore()
{
    auto opened = Store::open(m_location);
    if (!opened) {
        return opened.error();
    }
    m_store = std::move(opened).value();
    m_stream = std::make_unique<StreamRepository>(*m_store);
    if (m_store->dialect().notifyStream().isEmpty()) {
        return Done{};
    }
    QSqlDriver *driver = m_store->database().driver();
    if (!driver->subscribeToNotification(StreamRepository::notificationChannel())) {
        const Error error = Store::errorFrom(
            driver->lastError(),
            QCoreApplication::translate("steward::StreamListener", "listening for changes to %1").arg(m_store->path()));
        disconnectFromStore();
        return error;
    }
    connect(driver, &QSqlDriver::notification, this, &StreamListener::onNotification);
    return Done{};
}

void StreamListener::disconnectFromStore()
{
    m_stream.reset();
    m_store.reset();
}

void StreamListener::poke()
{
    if (!m_timer.isActive()) {
        return; // not started
    }
    if (!m_store) {
        if (const Status connected = connectToStore(); !connected) {
            qCWarning(lcStreamListener) << "cannot reconnect to the store:" << connected.error().message;
            return;
        }
        qCInfo(lcStreamListener) << "reconnected to" << m_store->path();
    }
    const Result<qint64> last = m_stream->lastSeq();
    if (!last) {
        // Most likely the connection is gone, and notifications with it: connect again on
        // the next tick (or poke), and catch up then.
        qCWarning(lcStreamListener) << "cannot read the change stream:" << last.error().message;
        disconnectFromStore();
        return;
    }
    reached(last.value());
}

void StreamListener::reached(qint64 seq)
{
    if (seq > m_lastSeq) {
        m_lastSeq = seq;
        Q_EMIT advanced(seq);
    }
}

void StreamListener::onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    Q_UNUSED(source) // this process's own appends count as much as anyone's
    if (name != StreamRepository::notificationChannel()) {
        return;
    }
    // Appends take the stream lock to their commit, so notifications arrive in sequence order
    // and the payload's rows, and every row before them, are visible already.
    bool ok = false;
    const qint64 seq = payload.toString().toLongLong(&ok);
    if (ok) {
        reached(seq);
    } else {
        poke();
    }
}

} // namespace steward
