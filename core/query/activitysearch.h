// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/result.h"
#include "query/activityquery.h"

#include <QDateTime>
#include <QSet>
#include <QString>

namespace steward {

class Store;
class VisibilityFilter;

// Searches the activity log with the query language (activityquery.h): parses the query,
// resolves agent: paths through the tree, leaves out the agents the asker may not see, runs the
// compiled statement and returns a page newest first with each hit's agent path and snippet.
class ActivitySearch final
{
public:
    static constexpr int MaxLimit = 500;

    explicit ActivitySearch(const Store &store) : m_store(store) { }

    // Events matching `query` (blank: every event) with ids below `before` (0: the newest), at
    // most `limit` (1 to MaxLimit). Ages such as since:7d count back from `now`. With a
    // `visibility`, events of agents it hides are left out as if they did not exist; without
    // one, everything is searched (the local owner of a workspace file).
    [[nodiscard]] Result<ActivityPage> search(const QString &query, EventId before, int limit, const QDateTime &now,
                                              const VisibilityFilter *visibility) const;

private:
    [[nodiscard]] Result<QList<NodeId>> agentsAt(const QString &pathValue) const;
    [[nodiscard]] Result<QList<NodeId>> hiddenAgents(const VisibilityFilter &visibility) const;
    // PostgreSQL: the words the search index's statistics count as frequent (QueryCompiler).
    [[nodiscard]] Result<QSet<QString>> frequentWords() const;

    const Store &m_store;
};

} // namespace steward
