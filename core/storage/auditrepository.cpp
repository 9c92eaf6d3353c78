// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditrepository.h"

#include "audit/auditchain.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

const QString entryColumns =
    QStringLiteral("sequence, time, actor, action, subject, details, reason, previous_hash, hash");

Result<QList<AuditEntry>> entriesFrom(QSqlQuery &query)
{
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditRepository", "reading the audit log"));
    }
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.time = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        entry.actor = query.value(2).toString();
        entry.action = query.value(3).toString();
        entry.subject = query.value(4).toString();
        entry.details = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        entry.reason = query.value(6).toString();
        entry.previousHash = query.value(7).toString().toLatin1();
        entry.hash = query.value(8).toString().toLatin1();
        entries.append(entry);
    }
    return entries;
}

} // namespace

Result<AuditEntry> AuditRepository::append(AuditEntry entry)
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"))) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditRepository", "reading the audit log"));
    }
    entry.sequence = 1;
    entry.previousHash = AuditChain::genesisHash();
    if (query.next()) {
        entry.sequence = query.value(0).toLongLong() + 1;
        entry.previousHash = query.value(1).toString().toLatin1();
    }
    entry.hash = AuditChain::computeHash(entry);

    query.prepare(QStringLiteral("INSERT INTO audit_log(") + entryColumns
                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.sequence);
    query.addBindValue(entry.time.toMSecsSinceEpoch());
    query.addBindValue(entry.actor);
    query.addBindValue(entry.action);
    query.addBindValue(entry.subject);
    query.addBindValue(QString::fromUtf8(AuditChain::detailsJson(entry)));
    query.addBindValue(entry.reason);
    query.addBindValue(QString::fromLatin1(entry.previousHash));
    query.addBindValue(QString::fromLatin1(entry.hash));
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditRepository", "writing the audit log"));
    }
    return entry;
}

Result<QList<AuditEntry>> AuditRepository::entriesAfter(qint64 after, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + entryColumns
                  + QStringLiteral(" FROM audit_log WHERE sequence > ? ORDER BY sequence LIMIT ?"));
    query.addBindValue(after);
    query.addBindValue(limit);
    return entriesFrom(query);
}

Result<QList<AuditEntry>> AuditRepository::query(const AuditFilter &filter, qint64 beforeSequence, int limit) const
{
    QStringList conditions;
    QVariantList values;
    if (beforeSequence > 0) {
        conditions.append(QStringLiteral("sequence < ?"));
        values.append(beforeSequence);
    }
    if (!filter.actor.isEmpty()) {
        conditions.append(QStringLiteral("actor = ?"));
        values.append(filter.actor);
    }
    if (filter.action.endsWith(QLatin1Char('.'))) {
        conditions.append(QStringLiteral("substr(action, 1, ?) = ?"));
        values.append(filter.action.size());
        values.append(filter.action);
    } else if (!filter.action.isEmpty()) {
        conditions.append(QStringLiteral("action = ?"));
        values.append(filter.action);
    }
    if (!filter.subjectPrefix.isEmpty()) {
        const QString below = filter.subjectPrefix + QLatin1Char('/');
        conditions.append(QStringLiteral("(subject = ? OR substr(subject, 1, ?) = ?)"));
        values.append(filter.subjectPrefix);
        values.append(below.size());
        values.append(below);
    }
    if (filter.from.isValid()) {
        conditions.append(QStringLiteral("time >= ?"));
        values.append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.until.isValid()) {
        conditions.append(QStringLiteral("time <= ?"));
        values.append(filter.until.toMSecsSinceEpoch());
    }
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT ") + entryColumns + QStringLiteral(" FROM audit_log")
        + (conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")))
        + QStringLiteral(" ORDER BY sequence DESC LIMIT ?"));
    for (const QVariant &value : std::as_const(values)) {
        query.addBindValue(value);
    }
    query.addBindValue(limit);
    return entriesFrom(query);
}

Result<QList<AuditEntry>> AuditRepository::entriesForSubject(const QString &subject, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + entryColumns
                  + QStringLiteral(" FROM audit_log WHERE subject = ? ORDER BY sequence DESC LIMIT ?"));
    query.addBindValue(subject);
    query.addBindValue(limit);
    return entriesFrom(query);
}

} // namespace steward
