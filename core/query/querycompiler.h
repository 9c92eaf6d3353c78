// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/orgnode.h"
#include "query/activityquery.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

#include <optional>

namespace steward {

class SqlDialect;

// What a search needs besides the query: the page, the time relative ages count from, the
// agents each agent: filter stands for (resolved from the tree by the caller) and the agents
// the asker may not see.
struct SearchRequest
{
    std::optional<QueryNode> query; // none: every event
    EventId before = 0; // only ids below it; 0 for the newest
    int limit = 100;
    QDateTime now;
    QHash<QString, QList<NodeId>> agentsByPath; // agent: value -> the agents it names
    QList<NodeId> hiddenAgents;
    // PostgreSQL: the words its statistics know as frequent (pg_stats.most_common_elems of the
    // search index). A page of a frequent word is found fastest walking the log newest first;
    // any other word through the full-text index, which the planner, misjudging how rare the
    // word is, would otherwise pass over for the walk (36 s for 10 hits in 1M events).
    QSet<QString> frequentWords;
};

// One statement with its bound values. It yields rows (id, snippet): ids newest first, and a
// snippet with the hit between SearchMarks, or a null snippet when no text was searched.
struct CompiledSearch
{
    QString sql;
    QVariantList values;
};

// The markers around a highlighted hit in a snippet: private-use characters, which no text
// uses, so a front end can replace them by its own highlighting without escaping anything.
namespace SearchMarks {
inline constexpr char16_t Start = u'\uE000';
inline constexpr char16_t End = u'\uE001';
} // namespace SearchMarks

// Turns a parsed query into SQL for SQLite's FTS5 index or PostgreSQL's full-text index. User
// text only ever travels as bound values: FTS5 match expressions are built from words of letters
// and digits, each in double quotes; PostgreSQL tsqueries likewise. Top-level text terms and
// facets (agent, kind, status) go into one FTS5 MATCH that drives the query newest first
// (docs/performance.md); anything else becomes a plain predicate on activity_events.
class QueryCompiler final
{
public:
    enum class Flavor { Fts5, Tsquery };

    [[nodiscard]] static Flavor flavorOf(const SqlDialect &dialect);
    [[nodiscard]] static CompiledSearch compile(Flavor flavor, const SearchRequest &request);
    // Lower case without accents, as PostgreSQL's search index folds text (migration 0007).
    [[nodiscard]] static QString foldForPostgres(const QString &word);
};

} // namespace steward
