// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "treerepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace steward {
namespace {

const QString nodeColumns =
    QStringLiteral("n.id, n.parent_id, n.kind, n.name, n.path, n.created_at, n.archived_at, "
                   "(SELECT count(*) FROM nodes c WHERE c.parent_id = n.id AND c.archived_at IS NULL)");

const QString agentColumns = QStringLiteral("node_id, owner, visibility, criticality, status, head_version");

// Ids read together go in chunks of bound values, one statement per chunk.
constexpr qsizetype kIdsPerStatement = 200;

Agent agentFrom(const QSqlQuery &query)
{
    Agent agent;
    agent.nodeId = query.value(0).toLongLong();
    agent.owner = query.value(1).toString();
    agent.visibility = parseEnum<Visibility>(query.value(2).toString()).value_or(Visibility::Team);
    agent.criticality = parseEnum<Criticality>(query.value(3).toString()).value_or(Criticality::Standard);
    agent.status = parseEnum<AgentStatus>(query.value(4).toString()).value_or(AgentStatus::Active);
    agent.headVersion = query.value(5).toInt();
    return agent;
}

// Groups (company, department, team) sort before agents, then by name.
const QString siblingOrder = QStringLiteral("CASE n.kind WHEN 'agent' THEN 1 ELSE 0 END, n.name");

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

OrgNode nodeFrom(const QSqlQuery &query)
{
    OrgNode node;
    node.id = query.value(0).toLongLong();
    node.parentId = query.value(1).isNull() ? NoNode : query.value(1).toLongLong();
    node.kind = parseEnum<NodeKind>(query.value(2).toString()).value_or(NodeKind::Team);
    node.name = query.value(3).toString();
    node.path = query.value(4).toString();
    node.createdAt = timeFrom(query.value(5));
    node.archivedAt = timeFrom(query.value(6));
    node.childCount = query.value(7).toInt();
    return node;
}

Result<QList<OrgNode>> nodesFrom(QSqlQuery &query, const QString &doing)
{
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing);
    }
    QList<OrgNode> nodes;
    while (query.next()) {
        nodes.append(nodeFrom(query));
    }
    return nodes;
}

Result<OrgNode> singleNode(QSqlQuery &query, const QString &doing, const QString &missing)
{
    Result<QList<OrgNode>> nodes = nodesFrom(query, doing);
    if (!nodes) {
        return nodes.error();
    }
    if (nodes->isEmpty()) {
        return Error{Error::Code::NotFound, missing};
    }
    return nodes->first();
}

Status execute(QSqlQuery &query, const QString &doing)
{
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(), doing);
    }
    return Done{};
}

} // namespace

Result<OrgNode> TreeRepository::node(NodeId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + nodeColumns + QStringLiteral(" FROM nodes n WHERE n.id = ?"));
    query.addBindValue(id);
    return singleNode(query, QCoreApplication::translate("steward::TreeRepository", "reading a node"),
                      QCoreApplication::translate("steward::TreeRepository", "There is no node with id %1.").arg(id));
}

Result<QHash<NodeId, OrgNode>> TreeRepository::nodes(const QList<NodeId> &ids) const
{
    QHash<NodeId, OrgNode> found;
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        const qsizetype count = qMin(kIdsPerStatement, ids.size() - from);
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + nodeColumns + QStringLiteral(" FROM nodes n WHERE n.id IN (")
                      + QStringList(count, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')'));
        for (qsizetype i = from; i < from + count; ++i) {
            query.addBindValue(ids.at(i));
        }
        if (!query.exec()) {
            return Store::errorFrom(query.lastError(),
                                    QCoreApplication::translate("steward::TreeRepository", "reading nodes"));
        }
        while (query.next()) {
            const OrgNode node = nodeFrom(query);
            found.insert(node.id, node);
        }
    }
    return found;
}

Result<OrgNode> TreeRepository::nodeByPath(const QString &path) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + nodeColumns
                  + QStringLiteral(" FROM nodes n WHERE n.path = ? AND n.archived_at IS NULL"));
    query.addBindValue(path);
    return singleNode(query, QCoreApplication::translate("steward::TreeRepository", "reading a node"),
                      nothingAt(path).message);
}

Error TreeRepository::nothingAt(const QString &path)
{
    return {Error::Code::NotFound,
            QCoreApplication::translate("steward::TreeRepository", "There is nothing at %1.").arg(path)};
}

Result<OrgNode> TreeRepository::root() const
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT ") + nodeColumns
        + QStringLiteral(" FROM nodes n WHERE n.parent_id IS NULL AND n.archived_at IS NULL ORDER BY n.id LIMIT 1"));
    return singleNode(query, QCoreApplication::translate("steward::TreeRepository", "reading the company"),
                      QCoreApplication::translate("steward::TreeRepository", "The workspace has no company yet."));
}

Result<QList<OrgNode>> TreeRepository::children(NodeId parentId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + nodeColumns
                  + QStringLiteral(" FROM nodes n WHERE n.parent_id = ? AND n.archived_at IS NULL ORDER BY ")
                  + siblingOrder);
    query.addBindValue(parentId);
    return nodesFrom(query, QCoreApplication::translate("steward::TreeRepository", "reading the tree"));
}

Result<QList<OrgNode>> TreeRepository::subtree(NodeId rootId) const
{
    Result<OrgNode> top = node(rootId);
    if (!top) {
        return top.error();
    }
    QSqlQuery query(m_store.database());
    // Paths sort parents before children; the '/' suffix keeps "/a/b" from matching "/a/bc".
    query.prepare(QStringLiteral("SELECT ") + nodeColumns
                  + QStringLiteral(" FROM nodes n WHERE (n.id = ? OR substr(n.path, 1, ?) = ?) "
                                   "AND n.archived_at IS NULL ORDER BY n.path"));
    const QString prefix = top->path + QLatin1Char('/');
    query.addBindValue(rootId);
    query.addBindValue(prefix.size());
    query.addBindValue(prefix);
    return nodesFrom(query, QCoreApplication::translate("steward::TreeRepository", "reading the tree"));
}

Result<bool> TreeRepository::liveSiblingNamed(NodeId parentId, const QString &name) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "SELECT count(*) FROM nodes WHERE parent_id IS NOT DISTINCT FROM ? AND name = ? AND archived_at IS NULL"));
    query.addBindValue(parentId == NoNode ? QVariant() : QVariant(parentId));
    query.addBindValue(name);
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::TreeRepository", "checking sibling names"));
    }
    return query.value(0).toInt() > 0;
}

Result<NodeId> TreeRepository::insertNode(NodeId parentId, NodeKind kind, const QString &name, const QString &path,
                                          const QDateTime &createdAt)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "INSERT INTO nodes(parent_id, kind, name, path, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(parentId == NoNode ? QVariant() : QVariant(parentId));
    query.addBindValue(toText(kind));
    query.addBindValue(name);
    query.addBindValue(path);
    query.addBindValue(createdAt.toMSecsSinceEpoch());
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::TreeRepository", "adding a node"));
    }
    return query.value(0).toLongLong();
}

Status TreeRepository::relocate(const OrgNode &node, NodeId newParentId, const QString &newName, const QString &newPath)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE nodes SET parent_id = ?, name = ?, path = ? WHERE id = ?"));
    query.addBindValue(newParentId == NoNode ? QVariant() : QVariant(newParentId));
    query.addBindValue(newName);
    query.addBindValue(newPath);
    query.addBindValue(node.id);
    if (const Status moved = execute(query, QCoreApplication::translate("steward::TreeRepository", "moving a node"));
        !moved) {
        return moved;
    }
    // Descendants keep their place below the node; only the leading part of their path changes.
    const QString oldPrefix = node.path + QLatin1Char('/');
    query.prepare(QStringLiteral("UPDATE nodes SET path = ? || substr(path, ?) WHERE substr(path, 1, ?) = ?"));
    query.addBindValue(QString(newPath + QLatin1Char('/')));
    query.addBindValue(oldPrefix.size() + 1);
    query.addBindValue(oldPrefix.size());
    query.addBindValue(oldPrefix);
    return execute(query, QCoreApplication::translate("steward::TreeRepository", "moving a node"));
}

Status TreeRepository::archiveSubtree(const OrgNode &node, const QDateTime &at)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE nodes SET archived_at = ? "
                                 "WHERE archived_at IS NULL AND (id = ? OR substr(path, 1, ?) = ?)"));
    const QString prefix = node.path + QLatin1Char('/');
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(node.id);
    query.addBindValue(prefix.size());
    query.addBindValue(prefix);
    return execute(query, QCoreApplication::translate("steward::TreeRepository", "archiving a node"));
}

Result<QHash<NodeId, Agent>> TreeRepository::agents(const QList<NodeId> &ids) const
{
    QHash<NodeId, Agent> found;
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerStatement) {
        const qsizetype count = qMin(kIdsPerStatement, ids.size() - from);
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT ") + agentColumns + QStringLiteral(" FROM agents WHERE node_id IN (")
                      + QStringList(count, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')'));
        for (qsizetype i = from; i < from + count; ++i) {
            query.addBindValue(ids.at(i));
        }
        if (!query.exec()) {
            return Store::errorFrom(query.lastError(),
                                    QCoreApplication::translate("steward::TreeRepository", "reading agents"));
        }
        while (query.next()) {
            const Agent agent = agentFrom(query);
            found.insert(agent.nodeId, agent);
        }
    }
    return found;
}

Result<Agent> TreeRepository::agent(NodeId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + agentColumns + QStringLiteral(" FROM agents WHERE node_id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::TreeRepository", "reading an agent"));
    }
    if (!query.next()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::TreeRepository", "There is no agent with id %1.").arg(id)};
    }
    return agentFrom(query);
}

Result<QHash<NodeId, Visibility>> TreeRepository::agentVisibilities() const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT node_id, visibility FROM agents"))) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::TreeRepository", "reading agents' visibility"));
    }
    QHash<NodeId, Visibility> visibilities;
    while (query.next()) {
        visibilities.insert(query.value(0).toLongLong(),
                            parseEnum<Visibility>(query.value(1).toString()).value_or(Visibility::Team));
    }
    return visibilities;
}

Status TreeRepository::insertAgent(const Agent &agent)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO agents(node_id, owner, visibility, criticality, status, head_version) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(agent.nodeId);
    query.addBindValue(agent.owner);
    query.addBindValue(toText(agent.visibility));
    query.addBindValue(toText(agent.criticality));
    query.addBindValue(toText(agent.status));
    query.addBindValue(agent.headVersion);
    return execute(query, QCoreApplication::translate("steward::TreeRepository", "adding an agent"));
}

Status TreeRepository::setHead(NodeId agentId, int version, Criticality criticality)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE agents SET head_version = ?, criticality = ? WHERE node_id = ?"));
    query.addBindValue(version);
    query.addBindValue(toText(criticality));
    query.addBindValue(agentId);
    return execute(query, QCoreApplication::translate("steward::TreeRepository", "updating an agent"));
}

Status TreeRepository::setStatus(NodeId agentId, AgentStatus status)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE agents SET status = ? WHERE node_id = ?"));
    query.addBindValue(toText(status));
    query.addBindValue(agentId);
    return execute(query, QCoreApplication::translate("steward::TreeRepository", "updating an agent's status"));
}

} // namespace steward
