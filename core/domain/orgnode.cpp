// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orgnode.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace steward {

bool canContain(NodeKind parent, NodeKind child)
{
    switch (parent) {
    case NodeKind::Company: return child == NodeKind::Department || child == NodeKind::Team || child == NodeKind::Agent;
    case NodeKind::Department: return child == NodeKind::Team || child == NodeKind::Agent;
    case NodeKind::Team: return child == NodeKind::Team || child == NodeKind::Agent;
    case NodeKind::Agent: return false;
    }
    return false;
}

QString nodeNameProblem(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    if (name.isEmpty()) {
        return QCoreApplication::translate("steward::OrgNode", "The name is empty.");
    }
    if (name.size() > 64) {
        return QCoreApplication::translate("steward::OrgNode", "The name is longer than 64 characters.");
    }
    if (!pattern.match(name).hasMatch()) {
        return QCoreApplication::translate(
                   "steward::OrgNode",
                   "The name \"%1\" may only use lower-case letters, digits, '-', '_' and '.', and must start with a "
                   "letter or digit.")
            .arg(name);
    }
    return {};
}

} // namespace steward
