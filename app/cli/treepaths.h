// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/result.h"
#include "service/workspace.h"

namespace steward {

// Nodes by the paths people type. A Workspace names nodes by id, so the path is walked down
// from the company one level at a time: the same on a file and on a server, where a node the
// principal may not see is simply not there.
class TreePaths final
{
public:
    // The live node at `path`, or "There is nothing at PATH."
    [[nodiscard]] static Result<OrgNode> nodeAt(const Workspace &workspace, const QString &path);
    // The same, refused when the node is not an agent.
    [[nodiscard]] static Result<OrgNode> agentAt(const Workspace &workspace, const QString &path);
};

} // namespace steward
