// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/orgnode.h"
#include "service/workspace.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

#include <memory>
#include <vector>

namespace steward {

// The org tree of one workspace, loaded lazily: a group's children are read when a view
// expands it (canFetchMore/fetchMore). It follows the workspace's change signals and turns
// each into exactly one insert, move or remove of rows, keeping the store's sibling order
// (groups before agents, then by name). Changes below a group that was never expanded only
// update its child count, so hasChildren stays right without loading anything.
class OrgTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Column { Name, Owner, Kind, ColumnCount };
    enum Role {
        NodeIdRole = Qt::UserRole + 1,
        NodeKindRole,
        PathRole,
        // The words shown as badges after an agent's name (criticality, visibility).
        BadgesRole,
    };

    static constexpr auto MimeType = "application/x-steward-node-ids";

    explicit OrgTreeModel(QObject *parent = nullptr);
    ~OrgTreeModel() override;
    Q_DISABLE_COPY_MOVE(OrgTreeModel)

    // Shows another workspace (or none): a reset, with only the company loaded.
    void setWorkspace(Workspace *workspace);
    [[nodiscard]] Workspace *workspace() const { return m_workspace; }

    // The index of the node at `path`, loading the groups on the way; invalid if there is none.
    [[nodiscard]] QModelIndex loadPath(const QString &path);
    // The index of a node already in the model; invalid if its parent was never loaded.
    [[nodiscard]] QModelIndex indexOfNode(NodeId id) const;
    // The error of the last failed read, for the status bar; empty when reads succeed.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    [[nodiscard]] Qt::DropActions supportedDragActions() const override;
    [[nodiscard]] Qt::DropActions supportedDropActions() const override;
    [[nodiscard]] bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent) const override;
    // Never moves by itself: a move needs a reason, so it asks through moveRequested.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    [[nodiscard]] static QList<NodeId> nodeIdsFrom(const QMimeData *data);

Q_SIGNALS:
    // A node was dropped on a group; the move is up to the receiver.
    void moveRequested(steward::NodeId nodeId, steward::NodeId targetId);

private:
    struct Item
    {
        OrgNode node;
        Agent agent; // only for agents
        Item *parent = nullptr;
        std::vector<std::unique_ptr<Item>> children;
        bool loaded = false; // children holds every live child
    };

    [[nodiscard]] Item *itemFor(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexFor(const Item *item, int column = 0) const;
    [[nodiscard]] static int rowOf(const Item *item);
    [[nodiscard]] Item *loadedItem(NodeId id) const;
    [[nodiscard]] std::unique_ptr<Item> makeItem(const OrgNode &node, Item *parent);
    // Where a node goes among the loaded children of `parent` (ignoring `skip`, the node itself).
    [[nodiscard]] static int insertRow(const Item *parent, const OrgNode &node, const Item *skip = nullptr);
    void forget(const Item *item);
    void childCountChanged(Item *parent, int delta);
    void rewritePaths(Item *item, const QString &oldPath, const QString &newPath);
    [[nodiscard]] QVariant nameData(const Item &item, int role) const;

    void onNodeAdded(const OrgNode &node);
    void onNodeRenamed(const OrgNode &node);
    void onNodeMoved(const OrgNode &node, NodeId oldParentId);
    void onNodeArchived(const OrgNode &node);
    // A saved spec can change the agent's criticality: re-read its attributes for the badges.
    void onAgentChanged(NodeId agentId);

    void insertNode(Item *parent, const OrgNode &node);
    void removeItem(Item *item);

    QPointer<Workspace> m_workspace;
    Item m_root; // invisible; its one child is the company
    QHash<NodeId, Item *> m_items;
    QString m_lastError;
};

} // namespace steward
