// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace steward {

// The filters of the activity query language (docs/api.md, "Activity queries").
enum class QueryField { Agent, Kind, Status, Version, Run, Trigger, Since, Until, Tokens, Cost, Latency };
enum class QueryComparison { Equal, Less, LessOrEqual, Greater, GreaterOrEqual };

// One node of a parsed activity query. Words match the full text: a bare word (which may stand
// for several, "foo-bar" is "foo" then "bar") or a "quoted phrase"; filters compare one column.
struct QueryNode
{
    enum class Type { And, Or, Not, Words, Filter };

    Type type = Type::Words;
    int position = 0; // 1-based character where the node starts, for messages
    QList<QueryNode> children; // And, Or: two or more; Not: one
    QStringList words; // Words: letters and digits only, as typed
    bool phrase = false; // Words: quoted, matched exactly and in order
    QueryField field = QueryField::Kind;
    QueryComparison comparison = QueryComparison::Equal;
    QString value; // Filter: normalised (an agent path, a number, a date, an age such as 7d)
};

// Reads the activity query language into a tree. Terms side by side must all match, OR offers
// alternatives (and binds looser than side by side), a leading '-' negates, parentheses group.
// An error is Invalid and names the 1-based position of the problem and what was expected.
class ActivityQueryParser final
{
public:
    static constexpr int MaxLength = 2000;
    static constexpr int MaxTerms = 64;
    static constexpr int MaxDepth = 16;

    [[nodiscard]] static Result<QueryNode> parse(const QString &query);
    // The tree in one canonical line, e.g. (and foo "a b" agent:/sales/* (not kind:error)).
    [[nodiscard]] static QString canonical(const QueryNode &node);
    // The spellings of the filters ("agent", "cost"), in QueryField order, for completion.
    [[nodiscard]] static QStringList fieldNames();
    // The letters and digits of `text` as separate words (what the full-text index sees).
    [[nodiscard]] static QStringList wordsOf(const QString &text);
    // An age such as 30m, 24h, 7d or 2w in milliseconds; 0 when `value` is not one.
    [[nodiscard]] static qint64 parseAge(const QString &value);
    // A date (2026-11-24) or a time (2026-11-24T09:30[:00][Z|+01:00], UTC without an offset);
    // invalid when `value` is neither. A date means its start, or its end with `endOfDay`, so
    // that until:2026-11-24 includes that day.
    [[nodiscard]] static QDateTime parseInstant(const QString &value, bool endOfDay);
};

} // namespace steward
