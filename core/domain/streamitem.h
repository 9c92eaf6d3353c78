// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "orgnode.h"

#include <QDateTime>

namespace steward {

// One row of the change stream: a reference to something that changed, numbered in commit
// order. Live clients ask for everything after the last sequence they saw; the server loads and
// encodes the thing named here, so the row stays small and never goes stale.
//
// What subjectId names, by type:
//   Event     the activity event's id           (nodeId: its agent)
//   Run       the run's id                      (nodeId: its agent)
//   Node      the node's id (created, renamed, moved, archived; nodeId: the same node)
//   Agent     the agent's head version, after a new head or a pause or resume (nodeId: the agent)
//   Proposal  the version proposal's id, made or decided (nodeId: its agent)
//   Approval  the approval's id                 (nodeId: its agent)
//   Audit     the audit entry's sequence        (nodeId: the node it concerns, or NoNode)
struct StreamItem
{
    qint64 seq = 0; // assigned by the store
    QDateTime at;
    StreamItemType type = StreamItemType::Event;
    NodeId nodeId = NoNode; // decides who may see the item
    qint64 subjectId = 0;
};

} // namespace steward
