// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orgtreemodel.h"

#include "service/workspace.h"

#include <QApplication>
#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>

#include <algorithm>
#include <tuple>

namespace steward {
namespace {

constexpr int columnCountValue = static_cast<int>(OrgTreeModel::Column::ColumnCount);

// The store's sibling order: groups before agents, then by name (names are ASCII, so
// QString's order is SQLite's binary order).
bool sortsBefore(const OrgNode &a, const OrgNode &b)
{
    return std::tuple(a.kind == NodeKind::Agent, a.name) < std::tuple(b.kind == NodeKind::Agent, b.name);
}

QIcon kindIcon(NodeKind kind)
{
    QStyle *style = QApplication::style();
    switch (kind) {
    case NodeKind::Company: return style->standardIcon(QStyle::SP_DriveNetIcon);
    case NodeKind::Department: return style->standardIcon(QStyle::SP_DirIcon);
    case NodeKind::Team: return style->standardIcon(QStyle::SP_DirOpenIcon);
    case NodeKind::Agent: return style->standardIcon(QStyle::SP_FileIcon);
    }
    return {};
}

} // namespace

OrgTreeModel::OrgTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_root.loaded = true;
}

OrgTreeModel::~OrgTreeModel() = default;

void OrgTreeModel::setWorkspace(Workspace *workspace)
{
    beginResetModel();
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_items.clear();
    m_root.children.clear();
    m_lastError.clear();
    m_workspace = workspace;
    if (workspace) {
        connect(workspace, &Workspace::nodeAdded, this, &OrgTreeModel::onNodeAdded);
        connect(workspace, &Workspace::nodeRenamed, this, &OrgTreeModel::onNodeRenamed);
        connect(workspace, &Workspace::nodeMoved, this, &OrgTreeModel::onNodeMoved);
        connect(workspace, &Workspace::nodeArchived, this, &OrgTreeModel::onNodeArchived);
        connect(workspace, &Workspace::agentChanged, this, &OrgTreeModel::onAgentChanged);
        const Result<OrgNode> company = workspace->root();
        if (company) {
            m_root.children.push_back(makeItem(company.value(), &m_root));
        } else if (company.error().code != Error::Code::NotFound) {
            m_lastError = company.error().message;
        }
    }
    endResetModel();
}

QModelIndex OrgTreeModel::loadPath(const QString &path)
{
    const Item *current = &m_root;
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : segments) {
        if (canFetchMore(indexFor(current))) {
            fetchMore(indexFor(current));
        }
        const auto found = std::find_if(current->children.cbegin(), current->children.cend(),
                                        [&segment](const auto &child) { return child->node.name == segment; });
        if (found == current->children.cend()) {
            return {};
        }
        current = found->get();
    }
    return current == &m_root ? QModelIndex() : indexFor(current);
}

QModelIndex OrgTreeModel::indexOfNode(NodeId id) const
{
    const Item *item = m_items.value(id);
    return item ? indexFor(item) : QModelIndex();
}

OrgTreeModel::Item *OrgTreeModel::itemFor(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return const_cast<Item *>(&m_root); // NOLINT(cppcoreguidelines-pro-type-const-cast): the root is ours
    }
    return static_cast<Item *>(index.internalPointer());
}

QModelIndex OrgTreeModel::indexFor(const Item *item, int column) const
{
    if (item == &m_root) {
        return {};
    }
    return createIndex(rowOf(item), column, item);
}

int OrgTreeModel::rowOf(const Item *item)
{
    const auto &siblings = item->parent->children;
    const auto found =
        std::find_if(siblings.cbegin(), siblings.cend(), [item](const auto &sibling) { return sibling.get() == item; });
    return static_cast<int>(found - siblings.cbegin());
}

OrgTreeModel::Item *OrgTreeModel::loadedItem(NodeId id) const
{
    if (id == NoNode) {
        return const_cast<Item *>(&m_root); // NOLINT(cppcoreguidelines-pro-type-const-cast): the root is ours
    }
    return m_items.value(id);
}

std::unique_ptr<OrgTreeModel::Item> OrgTreeModel::makeItem(const OrgNode &node, Item *parent)
{
    auto item = std::make_unique<Item>();
    item->node = node;
    item->parent = parent;
    // A node without children needs no fetching: its (empty) list of children is known.
    item->loaded = node.childCount == 0;
    if (node.kind == NodeKind::Agent && m_workspace) {
        const Result<Agent> agent = m_workspace->agent(node.id);
        if (agent) {
            item->agent = agent.value();
        } else {
            m_lastError = agent.error().message;
        }
    }
    m_items.insert(node.id, item.get());
    return item;
}

int OrgTreeModel::insertRow(const Item *parent, const OrgNode &node, const Item *skip)
{
    return static_cast<int>(
        std::count_if(parent->children.cbegin(), parent->children.cend(), [&node, skip](const auto &sibling) {
            return sibling.get() != skip && sortsBefore(sibling->node, node);
        }));
}

void OrgTreeModel::forget(const Item *item)
{
    m_items.remove(item->node.id);
    for (const auto &child : item->children) {
        forget(child.get());
    }
}

void OrgTreeModel::childCountChanged(Item *parent, int delta)
{
    if (parent == &m_root) {
        return;
    }
    parent->node.childCount = std::max(0, parent->node.childCount + delta);
    if (!parent->loaded) {
        // The group was never expanded; only whether it has children can change.
        parent->loaded = parent->node.childCount == 0;
        Q_EMIT dataChanged(indexFor(parent), indexFor(parent, columnCountValue - 1));
    }
}

void OrgTreeModel::rewritePaths(Item *item, const QString &oldPath, const QString &newPath)
{
    if (item->children.empty()) {
        return;
    }
    for (const auto &child : item->children) {
        child->node.path = newPath + child->node.path.mid(oldPath.size());
        rewritePaths(child.get(), oldPath, newPath);
    }
    Q_EMIT dataChanged(indexFor(item->children.front().get()), indexFor(item->children.back().get()),
                       {PathRole, Qt::ToolTipRole});
}

QModelIndex OrgTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    return createIndex(row, column, itemFor(parent)->children.at(static_cast<size_t>(row)).get());
}

QModelIndex OrgTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    return indexFor(itemFor(child)->parent);
}

int OrgTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) {
        return 0;
    }
    return static_cast<int>(itemFor(parent)->children.size());
}

int OrgTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return columnCountValue;
}

bool OrgTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0) {
        return false;
    }
    const Item *item = itemFor(parent);
    return item->loaded ? !item->children.empty() : item->node.childCount > 0;
}

bool OrgTreeModel::canFetchMore(const QModelIndex &parent) const
{
    return parent.column() <= 0 && !itemFor(parent)->loaded && !m_workspace.isNull();
}

void OrgTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    Item *item = itemFor(parent);
    const Result<QList<OrgNode>> children = m_workspace->children(item->node.id);
    if (!children) {
        m_lastError = children.error().message;
        return;
    }
    item->node.childCount = static_cast<int>(children->size());
    if (children->isEmpty()) {
        item->loaded = true;
        Q_EMIT dataChanged(parent.siblingAtColumn(0), parent.siblingAtColumn(columnCountValue - 1));
        return;
    }
    beginInsertRows(parent.siblingAtColumn(0), 0, static_cast<int>(children->size()) - 1);
    for (const OrgNode &child : children.value()) {
        item->children.push_back(makeItem(child, item));
    }
    item->loaded = true;
    endInsertRows();
}

QVariant OrgTreeModel::nameData(const Item &item, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return item.node.name;
    case Qt::DecorationRole: return kindIcon(item.node.kind);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        QStringList parts{item.node.path, displayName(item.node.kind)};
        parts.append(data(indexFor(&item), BadgesRole).toStringList());
        return parts.join(QStringLiteral(" · "));
    }
    default: return {};
    }
}

QVariant OrgTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Item &item = *itemFor(index);
    const bool isAgent = item.node.kind == NodeKind::Agent;
    switch (role) {
    case NodeIdRole: return item.node.id;
    case NodeKindRole: return QVariant::fromValue(item.node.kind);
    case PathRole: return item.node.path;
    case BadgesRole: {
        if (!isAgent) {
            return QStringList();
        }
        // Only what differs from the usual (standard criticality, team visibility) earns a badge.
        QStringList badges;
        if (item.agent.criticality != Criticality::Standard) {
            badges.append(displayName(item.agent.criticality));
        }
        if (item.agent.visibility != Visibility::Team) {
            badges.append(displayName(item.agent.visibility));
        }
        if (item.agent.status != AgentStatus::Active) {
            badges.append(displayName(item.agent.status));
        }
        return badges;
    }
    default: break;
    }
    switch (static_cast<Column>(index.column())) {
    case Column::Name: return nameData(item, role);
    case Column::Owner: return role == Qt::DisplayRole && isAgent ? QVariant(item.agent.owner) : QVariant();
    case Column::Kind: return role == Qt::DisplayRole ? QVariant(displayName(item.node.kind)) : QVariant();
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant OrgTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Name: return tr("Name");
    case Column::Owner: return tr("Owner");
    case Column::Kind: return tr("Kind");
    case Column::ColumnCount: break;
    }
    return {};
}

Qt::ItemFlags OrgTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    const Item &item = *itemFor(index);
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (item.node.kind != NodeKind::Company) {
        flags |= Qt::ItemIsDragEnabled;
    }
    if (item.node.kind == NodeKind::Agent) {
        flags |= Qt::ItemNeverHasChildren;
    } else {
        flags |= Qt::ItemIsDropEnabled;
    }
    return flags;
}

QStringList OrgTreeModel::mimeTypes() const
{
    return {QLatin1String(MimeType)};
}

QMimeData *OrgTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QList<NodeId> ids;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid()) {
            continue;
        }
        const NodeId id = itemFor(index)->node.id;
        if (!ids.contains(id)) {
            ids.append(id);
        }
    }
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << ids;
    auto *data = new QMimeData;
    data->setData(QLatin1String(MimeType), encoded);
    return data;
}

QList<NodeId> OrgTreeModel::nodeIdsFrom(const QMimeData *data)
{
    QList<NodeId> ids;
    if (data && data->hasFormat(QLatin1String(MimeType))) {
        QDataStream stream(data->data(QLatin1String(MimeType)));
        stream >> ids;
    }
    return ids;
}

Qt::DropActions OrgTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions OrgTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool OrgTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    const QList<NodeId> ids = nodeIdsFrom(data);
    if (action != Qt::MoveAction || ids.size() != 1 || !parent.isValid()) {
        return false;
    }
    const Item *target = itemFor(parent);
    const Item *dragged = m_items.value(ids.first());
    if (!dragged || dragged == target || dragged->parent == target) {
        return false;
    }
    const bool intoItself = target->node.path.startsWith(dragged->node.path + QLatin1Char('/'));
    return !intoItself && canContain(target->node.kind, dragged->node.kind);
}

bool OrgTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent)
{
    if (canDropMimeData(data, action, row, column, parent)) {
        Q_EMIT moveRequested(nodeIdsFrom(data).first(), itemFor(parent)->node.id);
    }
    // Nothing moved yet: the view must not remove the dragged row.
    return false;
}

void OrgTreeModel::insertNode(Item *parent, const OrgNode &node)
{
    const int row = insertRow(parent, node);
    beginInsertRows(indexFor(parent), row, row);
    parent->children.insert(parent->children.begin() + row, makeItem(node, parent));
    endInsertRows();
}

void OrgTreeModel::removeItem(Item *item)
{
    Item *parent = item->parent;
    const int row = rowOf(item);
    beginRemoveRows(indexFor(parent), row, row);
    forget(item);
    parent->children.erase(parent->children.begin() + row);
    endRemoveRows();
}

void OrgTreeModel::onNodeAdded(const OrgNode &node)
{
    Item *parent = loadedItem(node.parentId);
    if (!parent || m_items.contains(node.id)) {
        return;
    }
    if (parent->loaded) {
        parent->node.childCount += 1;
        insertNode(parent, node);
    } else {
        childCountChanged(parent, +1);
    }
}

void OrgTreeModel::onNodeRenamed(const OrgNode &node)
{
    Item *item = m_items.value(node.id);
    if (!item) {
        return;
    }
    Item *parent = item->parent;
    const QModelIndex parentIndex = indexFor(parent);
    const int oldRow = rowOf(item);
    const int newRow = insertRow(parent, node, item);
    if (newRow != oldRow) {
        // Qt counts the destination before the row leaves: moving down lands one further.
        const int destination = newRow > oldRow ? newRow + 1 : newRow;
        beginMoveRows(parentIndex, oldRow, oldRow, parentIndex, destination);
        auto taken = std::move(parent->children[static_cast<size_t>(oldRow)]);
        parent->children.erase(parent->children.begin() + oldRow);
        parent->children.insert(parent->children.begin() + newRow, std::move(taken));
        endMoveRows();
    }
    const QString oldPath = item->node.path;
    item->node.name = node.name;
    item->node.path = node.path;
    Q_EMIT dataChanged(indexFor(item), indexFor(item, columnCountValue - 1));
    rewritePaths(item, oldPath, node.path);
}

void OrgTreeModel::onNodeMoved(const OrgNode &node, NodeId oldParentId)
{
    Item *oldParent = loadedItem(oldParentId);
    Item *newParent = loadedItem(node.parentId);
    Item *item = m_items.value(node.id);
    const bool fromLoaded = item != nullptr;
    const bool toLoaded = newParent && newParent->loaded;

    if (fromLoaded && toLoaded) {
        oldParent = item->parent;
        const int oldRow = rowOf(item);
        const int newRow = insertRow(newParent, node);
        beginMoveRows(indexFor(oldParent), oldRow, oldRow, indexFor(newParent), newRow);
        auto taken = std::move(oldParent->children[static_cast<size_t>(oldRow)]);
        oldParent->children.erase(oldParent->children.begin() + oldRow);
        taken->parent = newParent;
        newParent->children.insert(newParent->children.begin() + newRow, std::move(taken));
        const QString oldPath = item->node.path;
        item->node.parentId = node.parentId;
        item->node.path = node.path;
        endMoveRows();
        oldParent->node.childCount -= 1;
        newParent->node.childCount += 1;
        rewritePaths(item, oldPath, node.path);
        return;
    }
    if (fromLoaded) {
        oldParent = item->parent;
        removeItem(item);
        oldParent->node.childCount -= 1;
    } else if (oldParent) {
        childCountChanged(oldParent, -1);
    }
    if (toLoaded) {
        newParent->node.childCount += 1;
        insertNode(newParent, node);
    } else if (newParent) {
        childCountChanged(newParent, +1);
    }
}

void OrgTreeModel::onNodeArchived(const OrgNode &node)
{
    Item *parent = loadedItem(node.parentId);
    if (Item *item = m_items.value(node.id)) {
        removeItem(item);
        parent->node.childCount -= 1;
    } else if (parent) {
        childCountChanged(parent, -1);
    }
}

void OrgTreeModel::onAgentChanged(NodeId agentId)
{
    Item *item = loadedItem(agentId);
    if (!item || !m_workspace) {
        return;
    }
    const Result<Agent> agent = m_workspace->agent(agentId);
    if (!agent) {
        m_lastError = agent.error().message;
        return;
    }
    if (agent->criticality == item->agent.criticality && agent->visibility == item->agent.visibility
        && agent->owner == item->agent.owner) {
        return;
    }
    item->agent = agent.value();
    Q_EMIT dataChanged(indexFor(item, 0), indexFor(item, static_cast<int>(Column::ColumnCount) - 1));
}

} // namespace steward
