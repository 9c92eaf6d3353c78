// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "domain/streamitem.h"

#include <QList>
#include <QSqlQuery>

#include <optional>

namespace steward {

class Store;

// The change stream (stream_log): one row per change a live client should see, written in the
// transaction that makes the change, so that "everything after sequence N" is exactly what a
// client that saw N has missed, however many processes write to the store. See
// docs/architecture.md, "The change stream".
class StreamRepository final
{
public:
    explicit StreamRepository(const Store &store) : m_store(store) { }
    Q_DISABLE_COPY_MOVE(StreamRepository)
    ~StreamRepository() = default;

    // The PostgreSQL notification channel every append notifies, with the newest sequence
    // number as payload.
    [[nodiscard]] static QString notificationChannel();

    // Makes other writers of stream rows wait until the caller's transaction ends (PostgreSQL;
    // nothing to do on SQLite). append() takes it itself; a caller that also assigns other
    // numbers that must not collide between processes (event ids) takes it before that.
    [[nodiscard]] Status lockForAppend();
    // Stores the items (their seq is ignored) inside the caller's transaction and returns the
    // newest sequence number given out, or 0 for no items. On PostgreSQL other connections are
    // notified when the transaction commits.
    [[nodiscard]] Result<qint64> append(const QList<StreamItem> &items);
    // Up to `limit` items with a sequence number greater than `seq`, oldest first.
    [[nodiscard]] Result<QList<StreamItem>> readAfter(qint64 seq, int limit) const;
    // The newest sequence number, 0 for an empty stream.
    [[nodiscard]] Result<qint64> lastSeq() const;

private:
    [[nodiscard]] Result<qint64> insertChunk(QSqlQuery &query, const QList<StreamItem> &items, qsizetype from,
                                             qsizetype count);

    const Store &m_store;
    // A full chunk's INSERT, prepared once: ingest appends thousands of rows per batch.
    std::optional<QSqlQuery> m_insertChunk;
};

} // namespace steward
