// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agentspec.h"

#include <QStringList>

namespace steward {

// A field-level summary of what changed between two specs, for people who want the gist
// before the line diff: "model: gpt-4o-mini -> gpt-4o", "tools: +web.search (read)",
// "instructions: 1 line changed".
class SpecSummary final
{
public:
    [[nodiscard]] static QStringList changes(const AgentSpec &before, const AgentSpec &after);
    // The same for two spec texts; a text that does not parse is summarised as a whole.
    [[nodiscard]] static QStringList changes(const QString &before, const QString &after);
};

} // namespace steward
