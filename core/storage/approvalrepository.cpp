// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

Result<ApprovalId> ApprovalRepository::insert(const Approval &approval)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("INSERT INTO approvals(agent_id, run_id, version, title, payload, payload_format, action, "
                       "state, policy, revision, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(approval.agentId);
    query.addBindValue(approval.runId == 0 ? QVariant() : QVariant(approval.runId));
    query.addBindValue(approval.version);
    query.addBindValue(approval.title);
    query.addBindValue(approval.payload);
    query.addBindValue(approval.payloadFormat);
    query.addBindValue(compact(approval.action));
    query.addBindValue(toText(approval.state));
    query.addBindValue(compact(approval.policy));
    query.addBindValue(approval.revision);
    query.addBindValue(approval.createdAt.toMSecsSinceEpoch());
    query.addBindValue(approval.expiresAt.isValid() ? QVariant(approval.expiresAt.toMSecsSinceEpoch()) : QVariant());
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "recording a proposal"));
    }
    return query.value(0).toLongLong();
}

Result<QList<Approval>> ApprovalRepository::forAgent(NodeId agentId, ApprovalState state, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, agent_id, run_id, version, title, payload, payload_format, action, state, "
                                 "policy, revision, created_at, expires_at FROM approvals "
                                 "WHERE agent_id = ? AND state = ? ORDER BY created_at DESC LIMIT ?"));
    query.addBindValue(agentId);
    query.addBindValue(toText(state));
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "reading proposals"));
    }
    QList<Approval> approvals;
    while (query.next()) {
        Approval approval;
        approval.id = query.value(0).toLongLong();
        approval.agentId = query.value(1).toLongLong();
        approval.runId = query.value(2).toLongLong();
        approval.version = query.value(3).toInt();
        approval.title = query.value(4).toString();
        approval.payload = query.value(5).toString();
        approval.payloadFormat = query.value(6).toString();
        approval.action = objectFrom(query.value(7));
        approval.state = parseEnum<ApprovalState>(query.value(8).toString()).value_or(ApprovalState::Pending);
        approval.policy = objectFrom(query.value(9));
        approval.revision = query.value(10).toInt();
        approval.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(11).toLongLong(), Qt::UTC);
        if (!query.value(12).isNull()) {
            approval.expiresAt = QDateTime::fromMSecsSinceEpoch(query.value(12).toLongLong(), Qt::UTC);
        }
        approvals.append(approval);
    }
    return approvals;
}

Result<qint64> ApprovalRepository::countInState(ApprovalState state) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT count(*) FROM approvals WHERE state = ?"));
    query.addBindValue(toText(state));
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ApprovalRepository", "counting proposals"));
    }
    return query.value(0).toLongLong();
}

} // namespace steward
