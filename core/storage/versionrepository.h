// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/result.h"

#include <QList>

namespace steward {

class Store;

// Agents' immutable spec versions.
class VersionRepository final
{
public:
    explicit VersionRepository(const Store &store) : m_store(store) { }

    [[nodiscard]] Result<AgentVersion> version(NodeId agentId, int number) const;
    // Newest first, without the spec text (a history list does not need it).
    [[nodiscard]] Result<QList<AgentVersion>> history(NodeId agentId) const;
    [[nodiscard]] Status insert(const AgentVersion &version);

private:
    const Store &m_store;
};

} // namespace steward
