// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/orgnode.h"
#include "domain/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace steward {

class Store;

// Reads and writes the org tree and agents' attributes. No rules here (see OrgService): this
// layer only knows how the tree is kept in the database.
class TreeRepository final
{
public:
    explicit TreeRepository(const Store &store) : m_store(store) { }

    [[nodiscard]] Result<OrgNode> node(NodeId id) const;
    // The live node at the path; nothingAt(path) when there is none.
    // The nodes with these ids that exist (archived too), in one read per 200 ids.
    [[nodiscard]] Result<QHash<NodeId, OrgNode>> nodes(const QList<NodeId> &ids) const;
    [[nodiscard]] Result<OrgNode> nodeByPath(const QString &path) const;
    // The NotFound for a path with no live node. The Authorizer answers with it for nodes the
    // asker may not see, so that a hidden node cannot be told apart from a missing one.
    [[nodiscard]] static Error nothingAt(const QString &path);
    [[nodiscard]] Result<OrgNode> root() const;
    // Live children, groups before agents, each group by name.
    [[nodiscard]] Result<QList<OrgNode>> children(NodeId parentId) const;
    // Every live node in the subtree, parents before children.
    [[nodiscard]] Result<QList<OrgNode>> subtree(NodeId rootId) const;
    [[nodiscard]] Result<bool> liveSiblingNamed(NodeId parentId, const QString &name) const;

    [[nodiscard]] Result<NodeId> insertNode(NodeId parentId, NodeKind kind, const QString &name, const QString &path,
                                            const QDateTime &createdAt);
    // Renames or moves: sets the node's parent, name and path, and rewrites the paths below it.
    [[nodiscard]] Status relocate(const OrgNode &node, NodeId newParentId, const QString &newName,
                                  const QString &newPath);
    // Archives the node and everything below it.
    [[nodiscard]] Status archiveSubtree(const OrgNode &node, const QDateTime &at);

    [[nodiscard]] Result<Agent> agent(NodeId id) const;
    [[nodiscard]] Result<QHash<NodeId, Agent>> agents(const QList<NodeId> &ids) const;
    // Every agent's visibility in one read, for filtering whole trees and pages.
    [[nodiscard]] Result<QHash<NodeId, Visibility>> agentVisibilities() const;
    [[nodiscard]] Status insertAgent(const Agent &agent);
    // The head version and the criticality its spec declares (the agents table mirrors it).
    [[nodiscard]] Status setHead(NodeId agentId, int version, Criticality criticality);
    [[nodiscard]] Status setStatus(NodeId agentId, AgentStatus status);

private:
    const Store &m_store;
};

} // namespace steward
