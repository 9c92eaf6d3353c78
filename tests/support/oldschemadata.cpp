// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oldschemadata.h"

#include "storage/auditrepository.h"
#include "storage/store.h"
#include "storage/treerepository.h"

namespace steward::test {

Status writeSampleTree(const Store &store, const QDateTime &at)
{
    TreeRepository tree(store);
    AuditRepository audit(store);
    NodeId parent = NoNode;
    for (const auto &[kind, path] : {std::pair{NodeKind::Company, QStringLiteral("/acme")},
                                     std::pair{NodeKind::Department, QStringLiteral("/acme/sales")}}) {
        const Result<NodeId> id = tree.insertNode(parent, kind, path.section(QLatin1Char('/'), -1), path, at);
        if (!id) {
            return id.error();
        }
        parent = id.value();
        AuditEntry entry;
        entry.time = at;
        entry.actor = QStringLiteral("ops");
        entry.action = QStringLiteral("node.create");
        entry.subject = path;
        entry.details = {{QStringLiteral("kind"), toText(kind)}, {QStringLiteral("id"), id.value()}};
        entry.reason = QStringLiteral("setup");
        if (const Result<AuditEntry> appended = audit.append(entry); !appended) {
            return appended.error();
        }
    }
    return Done{};
}

} // namespace steward::test
