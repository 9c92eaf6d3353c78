// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orgservice.h"

#include "domain/clock.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace steward {
namespace {

QString childPath(const OrgNode &parent, const QString &name)
{
    return (parent.isValid() ? parent.path : QString()) + QLatin1Char('/') + name;
}

Error invalid(const QString &message)
{
    return {Error::Code::Invalid, message};
}

} // namespace

OrgService::OrgService(const Store &store, const Clock &clock)
    : m_store(store), m_clock(clock), m_tree(store), m_audit(store), m_stream(store)
{
}

Status OrgService::requireReason(const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return invalid(QCoreApplication::translate("steward::OrgService",
                                                   "Give a reason for the change; it is kept in the audit log."));
    }
    return Done{};
}

Status OrgService::recordAudit(const QString &actor, const QString &action, const QString &subject,
                               const QJsonObject &details, const QString &reason)
{
    AuditEntry entry;
    entry.time = m_clock.now();
    entry.actor = actor;
    entry.action = action;
    entry.subject = subject;
    entry.details = details;
    entry.reason = reason.trimmed();
    // The next sequence and hash of the chain are read under the stream's lock (held to the
    // commit), so that two backends sharing a PostgreSQL database queue for the chain instead
    // of both taking the same sequence.
    if (const Status locked = m_stream.lockForAppend(); !locked) {
        return locked;
    }
    const Result<AuditEntry> appended = m_audit.append(entry);
    return appended ? Status(Done{}) : Status(appended.error());
}

Result<OrgNode> OrgService::commitNodeChange(Transaction &transaction, NodeId id, const QString &actor,
                                             const QString &action, const QString &subject, const QJsonObject &details,
                                             const QString &reason)
{
    if (const Status audited = recordAudit(actor, action, subject, details, reason); !audited) {
        return audited.error();
    }
    if (const Result<qint64> streamed = m_stream.append({{0, m_clock.now(), StreamItemType::Node, id, id}});
        !streamed) {
        return streamed.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return m_tree.node(id);
}

Result<OrgNode> OrgService::checkNewChild(NodeId parentId, NodeKind kind, const QString &name) const
{
    if (const QString problem = nodeNameProblem(name); !problem.isEmpty()) {
        return invalid(problem);
    }
    Result<OrgNode> parent = m_tree.node(parentId);
    if (!parent) {
        return parent.error();
    }
    if (parent->isArchived()) {
        return invalid(QCoreApplication::translate("steward::OrgService", "%1 is archived; nothing can be added to it.")
                           .arg(parent->path));
    }
    if (!canContain(parent->kind, kind)) {
        return invalid(QCoreApplication::translate("steward::OrgService", "A %1 cannot hold a %2.")
                           .arg(displayName(parent->kind).toLower(), displayName(kind).toLower()));
    }
    const Result<bool> taken = m_tree.liveSiblingNamed(parentId, name);
    if (!taken) {
        return taken.error();
    }
    if (taken.value()) {
        return invalid(QCoreApplication::translate("steward::OrgService", "%1 already has something called \"%2\".")
                           .arg(parent->path, name));
    }
    return parent;
}

Result<OrgNode> OrgService::insertChild(const OrgNode &parent, NodeKind kind, const QString &name)
{
    const Result<NodeId> id = m_tree.insertNode(parent.id, kind, name, childPath(parent, name), m_clock.now());
    if (!id) {
        return id.error();
    }
    return m_tree.node(id.value());
}

Result<OrgNode> OrgService::createCompany(const QString &name, const QString &actor, const QString &reason)
{
    if (const Status given = requireReason(reason); !given) {
        return given.error();
    }
    if (const QString problem = nodeNameProblem(name); !problem.isEmpty()) {
        return invalid(problem);
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> existing = m_tree.root();
    if (existing) {
        return invalid(QCoreApplication::translate("steward::OrgService", "The workspace already has a company, %1.")
                           .arg(existing->path));
    }
    if (existing.error().code != Error::Code::NotFound) {
        return existing.error();
    }
    Result<OrgNode> company = insertChild(OrgNode{}, NodeKind::Company, name);
    if (!company) {
        return company;
    }
    return commitNodeChange(transaction, company->id, actor, QStringLiteral("node.create"), company->path,
                            {{QStringLiteral("kind"), toText(NodeKind::Company)}, {QStringLiteral("id"), company->id}},
                            reason);
}

Result<OrgNode> OrgService::createGroup(NodeId parentId, NodeKind kind, const QString &name, const QString &actor,
                                        const QString &reason)
{
    if (kind != NodeKind::Department && kind != NodeKind::Team) {
        return invalid(QCoreApplication::translate(
            "steward::OrgService", "Only departments and teams are created here; agents are created with their spec."));
    }
    if (const Status given = requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> parent = checkNewChild(parentId, kind, name);
    if (!parent) {
        return parent.error();
    }
    Result<OrgNode> created = insertChild(parent.value(), kind, name);
    if (!created) {
        return created;
    }
    return commitNodeChange(transaction, created->id, actor, QStringLiteral("node.create"), created->path,
                            {{QStringLiteral("kind"), toText(kind)}, {QStringLiteral("id"), created->id}}, reason);
}

Result<OrgNode> OrgService::rename(NodeId id, const QString &newName, const QString &actor, const QString &reason)
{
    if (const Status given = requireReason(reason); !given) {
        return given.error();
    }
    if (const QString problem = nodeNameProblem(newName); !problem.isEmpty()) {
        return invalid(problem);
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> node = m_tree.node(id);
    if (!node) {
        return node.error();
    }
    if (node->isArchived()) {
        return invalid(QCoreApplication::translate("steward::OrgService", "%1 is archived and cannot be renamed.")
                           .arg(node->path));
    }
    if (node->name == newName) {
        return invalid(QCoreApplication::translate("steward::OrgService", "%1 is already called \"%2\".")
                           .arg(node->path, newName));
    }
    const Result<bool> taken = m_tree.liveSiblingNamed(node->parentId, newName);
    if (!taken) {
        return taken.error();
    }
    if (taken.value()) {
        return invalid(
            QCoreApplication::translate("steward::OrgService", "There is already something called \"%1\" next to %2.")
                .arg(newName, node->path));
    }
    const QString newPath = node->path.left(node->path.lastIndexOf(QLatin1Char('/')) + 1) + newName;
    if (const Status renamed = m_tree.relocate(node.value(), node->parentId, newName, newPath); !renamed) {
        return renamed.error();
    }
    return commitNodeChange(
        transaction, id, actor, QStringLiteral("node.rename"), newPath,
        {{QStringLiteral("id"), id}, {QStringLiteral("from"), node->path}, {QStringLiteral("to"), newPath}}, reason);
}

Result<OrgNode> OrgService::move(NodeId id, NodeId newParentId, const QString &actor, const QString &reason)
{
    if (const Status given = requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> node = m_tree.node(id);
    if (!node) {
        return node.error();
    }
    if (node->isArchived()) {
        return invalid(
            QCoreApplication::translate("steward::OrgService", "%1 is archived and cannot be moved.").arg(node->path));
    }
    if (node->parentId == NoNode) {
        return invalid(QCoreApplication::translate("steward::OrgService",
                                                   "The company is the root of the tree and cannot be moved."));
    }
    if (node->parentId == newParentId) {
        return invalid(QCoreApplication::translate("steward::OrgService", "%1 is already there.").arg(node->path));
    }
    const Result<OrgNode> newParent = m_tree.node(newParentId);
    if (!newParent) {
        return newParent.error();
    }
    if (newParent->id == node->id || newParent->path.startsWith(node->path + QLatin1Char('/'))) {
        return invalid(
            QCoreApplication::translate("steward::OrgService", "%1 cannot be moved into itself or below itself.")
                .arg(node->path));
    }
    const Result<OrgNode> checked = checkNewChild(newParentId, node->kind, node->name);
    if (!checked) {
        return checked.error();
    }
    const QString newPath = childPath(newParent.value(), node->name);
    if (const Status moved = m_tree.relocate(node.value(), newParentId, node->name, newPath); !moved) {
        return moved.error();
    }
    return commitNodeChange(
        transaction, id, actor, QStringLiteral("node.move"), newPath,
        {{QStringLiteral("id"), id}, {QStringLiteral("from"), node->path}, {QStringLiteral("to"), newPath}}, reason);
}

Result<OrgNode> OrgService::archive(NodeId id, const QString &actor, const QString &reason)
{
    if (const Status given = requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> node = m_tree.node(id);
    if (!node) {
        return node.error();
    }
    if (node->isArchived()) {
        return invalid(QCoreApplication::translate("steward::OrgService", "%1 is already archived.").arg(node->path));
    }
    if (node->parentId == NoNode) {
        return invalid(QCoreApplication::translate("steward::OrgService",
                                                   "The company is the root of the tree and cannot be archived."));
    }
    if (const Status archived = m_tree.archiveSubtree(node.value(), m_clock.now()); !archived) {
        return archived.error();
    }
    return commitNodeChange(transaction, id, actor, QStringLiteral("node.archive"), node->path,
                            {{QStringLiteral("id"), id}, {QStringLiteral("kind"), toText(node->kind)}}, reason);
}

} // namespace steward
