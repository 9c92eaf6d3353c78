// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/result.h"

#include <QString>

namespace steward {

class Workspace;

// A small real workspace for the desktop tests, written through the core services:
//
// /acme                       company
//   /sales                    department
//     /inbound                team
//       lead-router           agent
//     /outbound               team
//       follow-up             agent
//       prospect-mailer       agent (critical, public)
//   /support                  department
//     /tier1                  team
//       triage-bot            agent
//     /tier2                  team (empty)
//   ops-bot                   agent
[[nodiscard]] Status createSampleWorkspace(const QString &path);

// The id of the live node at `path`, found through the workspace's own reads; NoNode if none.
[[nodiscard]] NodeId nodeAt(const Workspace &workspace, const QString &path);

} // namespace steward
