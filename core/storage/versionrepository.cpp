// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

AgentVersion versionFrom(const QSqlQuery &query)
{
    AgentVersion version;
    version.agentId = query.value(0).toLongLong();
    version.number = query.value(1).toInt();
    version.parentNumber = query.value(2).toInt();
    version.author = query.value(3).toString();
    version.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    version.reason = query.value(5).toString();
    version.contentHash = query.value(6).toString().toLatin1();
    version.spec = query.value(7).toString();
    version.approvedBy = query.value(8).toString();
    return version;
}

} // namespace

Result<AgentVersion> VersionRepository::version(NodeId agentId, int number) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "SELECT agent_id, number, parent_number, author, created_at, reason, content_hash, spec, approved_by "
        "FROM agent_versions WHERE agent_id = ? AND number = ?"));
    query.addBindValue(agentId);
    query.addBindValue(number);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::VersionRepository", "reading a version"));
    }
    if (!query.next()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::VersionRepository", "Agent %1 has no version %2.")
                         .arg(agentId)
                         .arg(number)};
    }
    return versionFrom(query);
}

Result<QList<AgentVersion>> VersionRepository::history(NodeId agentId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "SELECT agent_id, number, parent_number, author, created_at, reason, content_hash, '', approved_by "
        "FROM agent_versions WHERE agent_id = ? ORDER BY number DESC"));
    query.addBindValue(agentId);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::VersionRepository", "reading the version history"));
    }
    QList<AgentVersion> versions;
    while (query.next()) {
        versions.append(versionFrom(query));
    }
    return versions;
}

Status VersionRepository::insert(const AgentVersion &version)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("INSERT INTO agent_versions(agent_id, number, parent_number, spec, author, created_at, "
                       "reason, content_hash, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(version.agentId);
    query.addBindValue(version.number);
    query.addBindValue(version.parentNumber);
    query.addBindValue(version.spec);
    query.addBindValue(version.author);
    query.addBindValue(version.createdAt.toMSecsSinceEpoch());
    query.addBindValue(version.reason);
    query.addBindValue(QString::fromLatin1(version.contentHash));
    query.addBindValue(version.approvedBy.isEmpty() ? QVariant() : QVariant(version.approvedBy));
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::VersionRepository", "saving a version"));
    }
    return Done{};
}

} // namespace steward
