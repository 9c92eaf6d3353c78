// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QDateTime>
#include <QString>

namespace steward {

using NodeId = qint64;
constexpr NodeId NoNode = 0;

// One place in the org tree: the company at the root, departments and teams below it, agents
// as leaves. The path ("/acme/sales/outbound/prospect-mailer") is derived from the names on the
// way down and kept in the store so that subtree queries are a prefix match.
struct OrgNode
{
    NodeId id = NoNode;
    NodeId parentId = NoNode;
    NodeKind kind = NodeKind::Team;
    QString name;
    QString path;
    QDateTime createdAt;
    QDateTime archivedAt; // null while the node is live
    int childCount = 0; // live children; lets a lazy tree say "expandable" without loading them

    [[nodiscard]] bool isArchived() const { return archivedAt.isValid(); }
    [[nodiscard]] bool isValid() const { return id != NoNode; }
};

// Which kinds may hold which: company > department > team > agent. Teams may nest (a team of
// teams is common in large departments); agents hold nothing.
[[nodiscard]] bool canContain(NodeKind parent, NodeKind child);

// Names are path segments: lower-case letters, digits, '-', '_' and '.', 1 to 64 characters,
// starting with a letter or digit. Returns an empty string when the name is fine, otherwise
// the reason it is not.
[[nodiscard]] QString nodeNameProblem(const QString &name);

} // namespace steward
