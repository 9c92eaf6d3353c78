// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/result.h"
#include "storage/auditrepository.h"
#include "storage/streamrepository.h"
#include "storage/treerepository.h"

namespace steward {

class Clock;
class Store;
class Transaction;

// The rules for the org tree, shared by the desktop app's local store, the CLI and the server:
// one company at the root; departments, teams and agents below it in the allowed nesting; no
// two live siblings with one name; no cycles. Every change names its actor and a reason and
// lands in the audit log in the same transaction.
class OrgService final
{
public:
    OrgService(const Store &store, const Clock &clock);

    [[nodiscard]] Result<OrgNode> createCompany(const QString &name, const QString &actor, const QString &reason);
    // Departments and teams.
    [[nodiscard]] Result<OrgNode> createGroup(NodeId parentId, NodeKind kind, const QString &name, const QString &actor,
                                              const QString &reason);
    [[nodiscard]] Result<OrgNode> rename(NodeId id, const QString &newName, const QString &actor,
                                         const QString &reason);
    [[nodiscard]] Result<OrgNode> move(NodeId id, NodeId newParentId, const QString &actor, const QString &reason);
    // Archives the node and everything below it; it leaves the tree, its history stays.
    [[nodiscard]] Result<OrgNode> archive(NodeId id, const QString &actor, const QString &reason);

    // Checks shared with AgentService: a reason is given, and the node can be added below the parent.
    [[nodiscard]] static Status requireReason(const QString &reason);
    [[nodiscard]] Result<OrgNode> checkNewChild(NodeId parentId, NodeKind kind, const QString &name) const;
    [[nodiscard]] Result<OrgNode> insertChild(const OrgNode &parent, NodeKind kind, const QString &name);
    [[nodiscard]] Status recordAudit(const QString &actor, const QString &action, const QString &subject,
                                     const QJsonObject &details, const QString &reason);

    [[nodiscard]] const TreeRepository &tree() const { return m_tree; }
    [[nodiscard]] TreeRepository &tree() { return m_tree; }

private:
    // Records the change in the audit log and the change stream, commits it, and gives the node
    // as it now is.
    [[nodiscard]] Result<OrgNode> commitNodeChange(Transaction &transaction, NodeId id, const QString &actor,
                                                   const QString &action, const QString &subject,
                                                   const QJsonObject &details, const QString &reason);

    const Store &m_store;
    const Clock &m_clock;
    TreeRepository m_tree;
    AuditRepository m_audit;
    StreamRepository m_stream;
};

} // namespace steward
