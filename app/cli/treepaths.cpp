// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "treepaths.h"

#include "storage/treerepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace steward {

Result<OrgNode> TreePaths::nodeAt(const Workspace &workspace, const QString &path)
{
    Result<OrgNode> node = workspace.root();
    if (!node || path == node->path) {
        return node;
    }
    const QString below = node->path + QLatin1Char('/');
    if (!path.startsWith(below)) {
        return TreeRepository::nothingAt(path);
    }
    const QStringList names = path.mid(below.size()).split(QLatin1Char('/'));
    for (const QString &name : names) {
        const Result<QList<OrgNode>> children = workspace.children(node->id);
        if (!children) {
            return children.error();
        }
        const auto child = std::find_if(children->cbegin(), children->cend(),
                                        [&name](const OrgNode &candidate) { return candidate.name == name; });
        if (child == children->cend()) {
            return TreeRepository::nothingAt(path);
        }
        node = *child;
    }
    return node;
}

Result<OrgNode> TreePaths::agentAt(const Workspace &workspace, const QString &path)
{
    Result<OrgNode> node = nodeAt(workspace, path);
    if (node && node->kind != NodeKind::Agent) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::TreePaths", "%1 is a %2, not an agent.")
                         .arg(path, displayName(node->kind).toLower())};
    }
    return node;
}

} // namespace steward
