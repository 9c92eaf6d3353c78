// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalpolicyrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace steward {

Result<std::optional<ApprovalPolicyRepository::Stored>> ApprovalPolicyRepository::nearest(const QString &path) const
{
    // An ancestor's path followed by '/' starts the node's path; the longest such path is the
    // nearest.
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "SELECT p.node_id, n.path, p.quorum, p.exclude_owner_for_critical, p.expiry_seconds, p.approve_on_expiry, "
        "p.escalate_after_seconds FROM approval_policies p JOIN nodes n ON n.id = p.node_id "
        "WHERE n.archived_at IS NULL AND (n.path = ? OR substr(CAST(? AS TEXT), 1, length(n.path) + 1) = n.path || "
        "'/') "
        "ORDER BY length(n.path) DESC LIMIT 1"));
    query.addBindValue(path);
    query.addBindValue(path);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ApprovalPolicyRepository", "reading approval policies"));
    }
    if (!query.next()) {
        return std::optional<Stored>();
    }
    Stored stored;
    stored.nodeId = query.value(0).toLongLong();
    stored.nodePath = query.value(1).toString();
    stored.policy.quorum = query.value(2).toInt();
    stored.policy.excludeOwnerForCritical = query.value(3).toLongLong() != 0;
    stored.policy.expirySeconds = query.value(4).toLongLong();
    stored.policy.approveOnExpiry = query.value(5).toLongLong() != 0;
    stored.policy.escalateAfterSeconds = query.value(6).toLongLong();
    return std::optional<Stored>(stored);
}

Status ApprovalPolicyRepository::set(NodeId nodeId, const ApprovalPolicy &policy, const QDateTime &at,
                                     const QString &by)
{
    // Replaces the node's policy, if it had one; the caller's write transaction makes it one change.
    if (const Result<bool> removed = remove(nodeId); !removed) {
        return removed.error();
    }
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO approval_policies(node_id, quorum, exclude_owner_for_critical, "
                                 "expiry_seconds, approve_on_expiry, escalate_after_seconds, updated_at, updated_by) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(nodeId);
    query.addBindValue(policy.quorum);
    query.addBindValue(policy.excludeOwnerForCritical ? 1 : 0);
    query.addBindValue(policy.expirySeconds);
    query.addBindValue(policy.approveOnExpiry ? 1 : 0);
    query.addBindValue(policy.escalateAfterSeconds);
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(by);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ApprovalPolicyRepository", "saving an approval policy"));
    }
    return Done{};
}

Result<bool> ApprovalPolicyRepository::remove(NodeId nodeId)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("DELETE FROM approval_policies WHERE node_id = ?"));
    query.addBindValue(nodeId);
    if (!query.exec()) {
        return Store::errorFrom(
            query.lastError(),
            QCoreApplication::translate("steward::ApprovalPolicyRepository", "removing an approval policy"));
    }
    return query.numRowsAffected() > 0;
}

} // namespace steward
