// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QVariant>

#include <algorithm>

namespace steward {
namespace {

// Rows per INSERT: four bound values each, far below SQLite's 32,766 and PostgreSQL's 65,535
// bound values per statement, and few enough statements for a batch of 5,000 events.
constexpr qsizetype ChunkRows = 500;
constexpr int ValuesPerRow = 4;

QString insertStatement(qsizetype rows)
{
    QStringList placeholders(rows, QStringLiteral("(?, ?, ?, ?)"));
    return QStringLiteral("INSERT INTO stream_log(at, type, node_id, subject_id) VALUES ")
        + placeholders.join(QStringLiteral(", ")) + QStringLiteral(" RETURNING seq");
}

Error failure(const QSqlQuery &query)
{
    return Store::errorFrom(query.lastError(),
                            QCoreApplication::translate("steward::StreamRepository", "recording the change stream"));
}

} // namespace

QString StreamRepository::notificationChannel()
{
    return QStringLiteral("steward_stream");
}

Status StreamRepository::lockForAppend()
{
    const QString statement = m_store.dialect().lockStreamForAppend();
    if (statement.isEmpty()) {
        return Done{};
    }
    QSqlQuery query(m_store.database());
    if (!query.exec(statement)) {
        return failure(query);
    }
    return Done{};
}

Result<qint64> StreamRepository::insertChunk(QSqlQuery &query, const QList<StreamItem> &items, qsizetype from,
                                             qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        const StreamItem &item = items.at(from + i);
        const int base = static_cast<int>(i) * ValuesPerRow;
        query.bindValue(base, item.at.toMSecsSinceEpoch());
        query.bindValue(base + 1, toText(item.type));
        query.bindValue(base + 2, item.nodeId);
        query.bindValue(base + 3, item.subjectId);
    }
    if (!query.exec()) {
        return failure(query);
    }
    qint64 last = 0;
    while (query.next()) {
        last = std::max(last, query.value(0).toLongLong());
    }
    // Done with the rows: an SQLite statement left open would keep its read snapshot.
    query.finish();
    return last;
}

Result<qint64> StreamRepository::append(const QList<StreamItem> &items)
{
    if (items.isEmpty()) {
        return qint64{0};
    }
    if (const Status locked = lockForAppend(); !locked) {
        return locked.error();
    }
    qint64 last = 0;
    for (qsizetype from = 0; from < items.size(); from += ChunkRows) {
        const qsizetype count = std::min(ChunkRows, items.size() - from);
        Result<qint64> inserted = qint64{0};
        if (count == ChunkRows) {
            if (!m_insertChunk) {
                m_insertChunk.emplace(m_store.database());
                if (!m_insertChunk->prepare(insertStatement(ChunkRows))) {
                    const Error error = failure(*m_insertChunk);
                    m_insertChunk.reset();
                    return error;
                }
            }
            inserted = insertChunk(*m_insertChunk, items, from, count);
        } else {
            QSqlQuery tail(m_store.database());
            if (!tail.prepare(insertStatement(count))) {
                return failure(tail);
            }
            inserted = insertChunk(tail, items, from, count);
        }
        if (!inserted) {
            return inserted;
        }
        last = std::max(last, inserted.value());
    }
    if (const QString notify = m_store.dialect().notifyStream(); !notify.isEmpty()) {
        QSqlQuery query(m_store.database());
        query.prepare(notify);
        query.addBindValue(notificationChannel());
        query.addBindValue(QString::number(last));
        if (!query.exec()) {
            return failure(query);
        }
    }
    return last;
}

Result<QList<StreamItem>> StreamRepository::readAfter(qint64 seq, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT seq, at, type, node_id, subject_id FROM stream_log WHERE seq > ? "
                                 "ORDER BY seq LIMIT ?"));
    query.addBindValue(seq);
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::StreamRepository", "reading the change stream"));
    }
    QList<StreamItem> items;
    while (query.next()) {
        StreamItem item;
        item.seq = query.value(0).toLongLong();
        item.at = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        // The column's CHECK admits only the spellings parseEnum knows.
        item.type = parseEnum<StreamItemType>(query.value(2).toString()).value_or(StreamItemType::Event);
        item.nodeId = query.value(3).toLongLong();
        item.subjectId = query.value(4).toLongLong();
        items.append(item);
    }
    return items;
}

Result<qint64> StreamRepository::lastSeq() const
{
    // The primary key's index answers max() without a scan.
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM stream_log")) || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::StreamRepository", "reading the change stream"));
    }
    return query.value(0).toLongLong();
}

} // namespace steward
