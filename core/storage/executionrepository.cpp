// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace steward {

namespace {

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Approved, with something to do ('{}' is an approval whose agent acts on the decision itself),
// and not held by a live claim or waiting for its retry time. Binds: now, now.
const QString dueCondition =
    QStringLiteral("FROM approvals a LEFT JOIN executions e ON e.approval_id = a.id "
                   "WHERE a.state = 'approved' AND a.action <> '{}' AND (e.approval_id IS NULL OR "
                   "(e.next_attempt_at <= ? AND (e.lease_expires_at IS NULL OR e.lease_expires_at <= ?)))");

} // namespace

Result<bool> ExecutionRepository::anyDue(const QDateTime &now) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT a.id ") + dueCondition + QStringLiteral(" LIMIT 1"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ExecutionRepository", "looking for approved actions"));
    }
    return query.next();
}

Result<QList<ApprovalId>> ExecutionRepository::due(const QDateTime &now, int limit) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT a.id ") + dueCondition + QStringLiteral(" ORDER BY a.id LIMIT ?"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(limit);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ExecutionRepository", "looking for approved actions"));
    }
    QList<ApprovalId> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    return ids;
}

Result<Execution> ExecutionRepository::claim(ApprovalId id, const QString &owner, const QDateTime &now,
                                             const QDateTime &leaseUntil)
{
    // The first attempt makes the row; later ones (retries, take-overs) count up.
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "INSERT INTO executions(approval_id, attempts, next_attempt_at, lease_owner, lease_expires_at, updated_at) "
        "VALUES (?, 1, ?, ?, ?, ?) "
        "ON CONFLICT (approval_id) DO UPDATE SET attempts = executions.attempts + 1, "
        "next_attempt_at = excluded.next_attempt_at, lease_owner = excluded.lease_owner, "
        "lease_expires_at = excluded.lease_expires_at, updated_at = excluded.updated_at"));
    query.addBindValue(id);
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(owner);
    query.addBindValue(leaseUntil.toMSecsSinceEpoch());
    query.addBindValue(now.toMSecsSinceEpoch());
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ExecutionRepository", "claiming an approved action"));
    }
    return execution(id);
}

Result<bool> ExecutionRepository::settle(const Execution &outcome, const QString &owner)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE executions SET next_attempt_at = ?, lease_owner = NULL, "
                                 "lease_expires_at = NULL, last_status = ?, last_error = ?, updated_at = ? "
                                 "WHERE approval_id = ? AND lease_owner = ? AND attempts = ?"));
    query.addBindValue(outcome.nextAttemptAt.toMSecsSinceEpoch());
    query.addBindValue(outcome.lastStatus);
    query.addBindValue(outcome.lastError);
    query.addBindValue(outcome.updatedAt.toMSecsSinceEpoch());
    query.addBindValue(outcome.approvalId);
    query.addBindValue(owner);
    query.addBindValue(outcome.attempts);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ExecutionRepository", "recording an attempt"));
    }
    return query.numRowsAffected() == 1;
}

Result<bool> ExecutionRepository::finishApproval(ApprovalId id, ApprovalState state)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE approvals SET state = ? WHERE id = ? AND state = 'approved'"));
    query.addBindValue(toText(state));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ExecutionRepository", "recording an executed action"));
    }
    return query.numRowsAffected() == 1;
}

Result<Execution> ExecutionRepository::execution(ApprovalId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT attempts, next_attempt_at, lease_owner, lease_expires_at, last_status, "
                                 "last_error, updated_at FROM executions WHERE approval_id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ExecutionRepository", "reading an execution"));
    }
    if (!query.next()) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::ExecutionRepository", "approval %1 has not been executed").arg(id)};
    }
    Execution execution;
    execution.approvalId = id;
    execution.attempts = query.value(0).toInt();
    execution.nextAttemptAt = timeFrom(query.value(1));
    execution.leaseOwner = query.value(2).toString();
    execution.leaseExpiresAt = timeFrom(query.value(3));
    execution.lastStatus = query.value(4).toInt();
    execution.lastError = query.value(5).toString();
    execution.updatedAt = timeFrom(query.value(6));
    return execution;
}

Result<ApprovedAction> ExecutionRepository::approvedAction(ApprovalId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT agent_id, run_id, version, title, payload_format, approved_payload, action, "
                                 "decided_at FROM approvals WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ExecutionRepository", "reading an approved action"));
    }
    if (!query.next()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::ExecutionRepository", "there is no approval %1").arg(id)};
    }
    ApprovedAction action;
    action.approvalId = id;
    action.agentId = query.value(0).toLongLong();
    action.runId = query.value(1).toLongLong();
    action.version = query.value(2).toInt();
    action.title = query.value(3).toString();
    action.payloadFormat = query.value(4).toString();
    action.hasPayload = !query.value(5).isNull();
    action.payload = query.value(5).toString();
    action.action = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    action.decidedAt = timeFrom(query.value(7));

    QSqlQuery decisions(m_store.database());
    decisions.prepare(
        QStringLiteral("SELECT reviewer FROM approval_decisions "
                       "WHERE approval_id = ? AND verdict IN ('approve', 'edit') ORDER BY decided_at, id"));
    decisions.addBindValue(id);
    if (!decisions.exec()) {
        return Store::errorFrom(
            decisions.lastError(),
            QCoreApplication::translate("steward::ExecutionRepository", "reading an approved action"));
    }
    while (decisions.next()) {
        action.decidedBy.append(decisions.value(0).toString());
    }
    return action;
}

} // namespace steward
