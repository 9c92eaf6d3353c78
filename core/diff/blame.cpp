// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "blame.h"

#include "diff/textdiff.h"

#include <algorithm>

namespace steward {

Result<QList<BlameLine>> Blame::of(const VersionRepository &versions, NodeId agentId, int version)
{
    QList<AgentVersion> history;
    for (int each = 1; each <= version; ++each) {
        Result<AgentVersion> read = versions.version(agentId, each);
        if (!read) {
            return read.error();
        }
        history.append(std::move(read).value());
    }
    return of(std::move(history), version);
}

QList<BlameLine> Blame::of(QList<AgentVersion> history, int version)
{
    std::sort(history.begin(), history.end(),
              [](const AgentVersion &a, const AgentVersion &b) { return a.number < b.number; });

    QList<BlameLine> current;
    QString previousSpec;
    for (const AgentVersion &step : std::as_const(history)) {
        if (step.number > version) {
            break;
        }
        const TextDiff diff = TextDiff::compare(previousSpec, step.spec);
        QList<BlameLine> next;
        for (const DiffLine &line : diff.lines()) {
            if (line.kind == DiffLine::Kind::Removed) {
                continue;
            }
            BlameLine blamed = line.kind == DiffLine::Kind::Same
                ? current.at(line.oldNumber - 1)
                : BlameLine{0, line.text, step.number, step.author, step.createdAt, step.reason};
            blamed.lineNumber = line.newNumber;
            next.append(blamed);
        }
        current = std::move(next);
        previousSpec = step.spec;
    }
    return current;
}

} // namespace steward
