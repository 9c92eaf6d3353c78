// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/result.h"
#include "storage/versionrepository.h"

#include <QList>

namespace steward {

// For each line of a version: the version that introduced it, and that change's author, time
// and reason.
struct BlameLine
{
    int lineNumber = 0;
    QString text;
    int version = 0;
    QString author;
    QDateTime time;
    QString reason;
};

class Blame final
{
public:
    // `history` holds the versions from 1 up to at least `version`, with their spec text, in any
    // order. Versions form a line (each one's parent is the one before), so a line's origin is
    // found by diffing each version against its parent: kept lines keep their origin, added
    // lines get the version that added them. A rollback adds its lines anew, which is right:
    // the rollback is the change that put them back.
    [[nodiscard]] static QList<BlameLine> of(QList<AgentVersion> history, int version);
    // Reads versions 1 to `version` of the agent and blames that version.
    [[nodiscard]] static Result<QList<BlameLine>> of(const VersionRepository &versions, NodeId agentId, int version);
};

} // namespace steward
