// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "querycompiler.h"

#include "domain/eventid.h"
#include "storage/sqldialect.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace steward {
namespace {

// PostgreSQL folds accents with translate() in its index expression (migration 0007); the
// query folds its words with the same two strings, so both sides meet.
const QString accented = QStringLiteral("àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷź"
                                        "żžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ");
const QString plain = QStringLiteral("aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzo"
                                     "uaiouuuuuaagkoojgnaaaeeiioorruusthaeooooy");
const QString pgDocument = QStringLiteral("to_tsvector('simple', translate(lower(e.summary || ' ' || e.detail), '")
    + accented + QStringLiteral("', '") + plain + QStringLiteral("'))");

// FTS5 facets go into the MATCH only for small agent sets; bigger ones stay a SQL IN list.
constexpr int MaxAgentTokens = 32;

bool isTextOnly(const QueryNode &node, bool allowNot)
{
    switch (node.type) {
    case QueryNode::Type::Words: return true;
    case QueryNode::Type::Filter: return false;
    case QueryNode::Type::Not: return allowNot && isTextOnly(node.children.constFirst(), false);
    case QueryNode::Type::Or:
        return std::ranges::all_of(node.children, [](const QueryNode &child) { return isTextOnly(child, false); });
    case QueryNode::Type::And:
        return std::ranges::all_of(node.children, [](const QueryNode &child) { return isTextOnly(child, true); })
            && std::ranges::any_of(node.children,
                                   [](const QueryNode &child) { return child.type != QueryNode::Type::Not; });
    }
    return false;
}

QString comparisonSql(QueryComparison comparison)
{
    switch (comparison) {
    case QueryComparison::Equal: return QStringLiteral("=");
    case QueryComparison::Less: return QStringLiteral("<");
    case QueryComparison::LessOrEqual: return QStringLiteral("<=");
    case QueryComparison::Greater: return QStringLiteral(">");
    case QueryComparison::GreaterOrEqual: return QStringLiteral(">=");
    }
    return QStringLiteral("=");
}

bool isAlphanumeric(const QString &text)
{
    return !text.isEmpty()
        && std::ranges::all_of(text, [](QChar c) { return c.unicode() < 128 && c.isLetterOrNumber(); });
}

class Compiler
{
public:
    Compiler(QueryCompiler::Flavor flavor, const SearchRequest &request) : m_flavor(flavor), m_request(request) { }

    CompiledSearch run()
    {
        QList<QueryNode> conjuncts;
        if (m_request.query) {
            conjuncts = m_request.query->type == QueryNode::Type::And ? m_request.query->children
                                                                      : QList<QueryNode>{*m_request.query};
        }
        QStringList textParts;
        QStringList negatedText;
        QStringList predicates;
        QVariantList predicateValues;
        const auto addPredicate = [&](const QueryNode &node) { predicates.append(predicate(node, predicateValues)); };
        if (m_flavor == QueryCompiler::Flavor::Fts5) {
            for (const QueryNode &node : conjuncts) {
                if (isTextOnly(node, false)) {
                    textParts.append(ftsText(node));
                }
            }
        }
        QStringList facets;
        for (const QueryNode &node : conjuncts) {
            const bool inMatch = !textParts.isEmpty() && isTextOnly(node, false);
            if (inMatch) {
                continue;
            }
            if (!textParts.isEmpty() && node.type == QueryNode::Type::Not
                && isTextOnly(node.children.constFirst(), false)) {
                negatedText.append(ftsText(node.children.constFirst()));
                continue;
            }
            if (m_flavor == QueryCompiler::Flavor::Fts5 && node.type == QueryNode::Type::Filter) {
                const QString facet = ftsFacet(node);
                if (!facet.isEmpty()) {
                    facets.append(facet);
                }
            }
            if (node.type == QueryNode::Type::Filter && node.field == QueryField::Since) {
                m_sinceId = qMax(m_sinceId, EventIdGenerator::firstIdAt(instant(node)));
            }
            addPredicate(node);
        }
        if (!m_request.hiddenAgents.isEmpty()) {
            predicates.append(QStringLiteral("e.agent_id NOT IN (%1)").arg(marks(m_request.hiddenAgents.size())));
            for (const NodeId id : m_request.hiddenAgents) {
                predicateValues.append(id);
            }
        }
        if (!textParts.isEmpty()) {
            QString match =
                QStringLiteral("{summary detail} : (") + textParts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
            if (!negatedText.isEmpty()) {
                match = QLatin1Char('(') + match + QStringLiteral(") NOT {summary detail} : (")
                    + negatedText.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            }
            for (const QString &facet : facets) {
                match += QStringLiteral(" AND ") + facet;
            }
            return ftsStatement(match, predicates, predicateValues);
        }
        if (!facets.isEmpty()) {
            // Filters alone are served by the facet tokens too: a rare kind is found without
            // walking the log.
            return ftsStatement(facets.join(QStringLiteral(" AND ")), predicates, predicateValues);
        }
        return plainStatement(predicates, predicateValues);
    }

private:
    static QString marks(qsizetype count) { return QStringList(count, QStringLiteral("?")).join(QLatin1Char(',')); }

    QDateTime instant(const QueryNode &node) const
    {
        const qint64 age = ActivityQueryParser::parseAge(node.value);
        if (age > 0) {
            return m_request.now.addMSecs(-age);
        }
        return ActivityQueryParser::parseInstant(node.value, node.field == QueryField::Until);
    }

    // A Words node as an FTS5 expression: every word in double quotes (it holds only letters
    // and digits, so nothing in it is FTS5 syntax).
    static QString ftsWords(const QueryNode &node)
    {
        if (node.phrase) {
            return QLatin1Char('"') + node.words.join(QLatin1Char(' ')) + QLatin1Char('"');
        }
        return QLatin1Char('"') + node.words.constFirst() + QLatin1Char('"')
            + (node.prefix ? QStringLiteral("*") : QString());
    }

    static QString ftsText(const QueryNode &node)
    {
        switch (node.type) {
        case QueryNode::Type::Words: return ftsWords(node);
        case QueryNode::Type::Or: {
            QStringList parts;
            for (const QueryNode &child : node.children) {
                parts.append(ftsText(child));
            }
            return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
        case QueryNode::Type::And: {
            QStringList positive;
            QStringList negative;
            for (const QueryNode &child : node.children) {
                if (child.type == QueryNode::Type::Not) {
                    negative.append(ftsText(child.children.constFirst()));
                } else {
                    positive.append(ftsText(child));
                }
            }
            QString expression = QLatin1Char('(') + positive.join(QStringLiteral(" AND ")) + QLatin1Char(')');
            if (!negative.isEmpty()) {
                expression = QLatin1Char('(') + expression + QStringLiteral(" NOT (")
                    + negative.join(QStringLiteral(" OR ")) + QStringLiteral("))");
            }
            return expression;
        }
        case QueryNode::Type::Not:
        case QueryNode::Type::Filter: break;
        }
        return {};
    }

    // The facet tokens of activity_search_source's meta column that narrow the MATCH to what
    // the filter allows; empty when the filter has none (its SQL predicate alone decides).
    QString ftsFacet(const QueryNode &node) const
    {
        switch (node.field) {
        case QueryField::Kind: {
            QString token = node.value;
            token.remove(QLatin1Char('.')).remove(QLatin1Char('_'));
            return isAlphanumeric(token) ? QStringLiteral("meta : \"kind%1\"").arg(token) : QString();
        }
        case QueryField::Status:
            return isAlphanumeric(node.value) ? QStringLiteral("meta : \"status%1\"").arg(node.value) : QString();
        case QueryField::Agent: {
            const QList<NodeId> agents = m_request.agentsByPath.value(node.value);
            if (agents.isEmpty() || agents.size() > MaxAgentTokens) {
                return {};
            }
            QStringList tokens;
            for (const NodeId id : agents) {
                tokens.append(QStringLiteral("\"agent%1\"").arg(id));
            }
            return QStringLiteral("meta : (") + tokens.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
        default: return {};
        }
    }

    QString tsquery(const QueryNode &node) const
    {
        QStringList words;
        for (const QString &word : node.words) {
            words.append(QueryCompiler::foldForPostgres(word));
        }
        if (node.phrase) {
            return words.join(QStringLiteral(" <-> "));
        }
        return words.constFirst() + (node.prefix ? QStringLiteral(":*") : QString());
    }

    QString predicate(const QueryNode &node, QVariantList &values)
    {
        switch (node.type) {
        case QueryNode::Type::And:
        case QueryNode::Type::Or: {
            QStringList parts;
            for (const QueryNode &child : node.children) {
                parts.append(predicate(child, values));
            }
            return QLatin1Char('(')
                + parts.join(node.type == QueryNode::Type::And ? QStringLiteral(" AND ") : QStringLiteral(" OR "))
                + QLatin1Char(')');
        }
        case QueryNode::Type::Not: {
            ++m_negations;
            const QString negated = QStringLiteral("NOT ") + predicate(node.children.constFirst(), values);
            --m_negations;
            return negated;
        }
        case QueryNode::Type::Words:
            if (m_flavor == QueryCompiler::Flavor::Fts5) {
                values.append(QString(QStringLiteral("{summary detail} : ") + ftsWords(node)));
                return QStringLiteral("e.id IN (SELECT rowid FROM activity_search WHERE activity_search MATCH ?)");
            }
            values.append(tsquery(node));
            if (m_negations == 0) {
                m_headlineTerms.append(tsquery(node));
                for (const QString &word : node.words) {
                    if (node.prefix || !m_request.frequentWords.contains(QueryCompiler::foldForPostgres(word))) {
                        m_rareWords = true;
                    }
                }
            }
            return QLatin1Char('(') + pgDocument + QStringLiteral(" @@ to_tsquery('simple', ?))");
        case QueryNode::Type::Filter: return filterPredicate(node, values);
        }
        return {};
    }

    QString filterPredicate(const QueryNode &node, QVariantList &values) const
    {
        const QString op = comparisonSql(node.comparison);
        switch (node.field) {
        case QueryField::Agent: {
            const QList<NodeId> agents = m_request.agentsByPath.value(node.value);
            if (agents.isEmpty()) {
                return QStringLiteral("(1 = 0)");
            }
            for (const NodeId id : agents) {
                values.append(id);
            }
            return QStringLiteral("(e.agent_id IN (%1))").arg(marks(agents.size()));
        }
        case QueryField::Kind: values.append(node.value); return QStringLiteral("(e.kind = ?)");
        case QueryField::Status: values.append(node.value); return QStringLiteral("(e.status = ?)");
        case QueryField::Version: values.append(node.value.toLongLong()); return QStringLiteral("(e.version = ?)");
        case QueryField::Run:
            values.append(node.value.toLongLong());
            return QStringLiteral("(coalesce(e.run_id, 0) = ?)");
        case QueryField::Trigger:
            values.append(node.value);
            return QStringLiteral("(coalesce(e.run_id, 0) IN (SELECT id FROM runs WHERE trigger = ?))");
        case QueryField::Since:
            values.append(instant(node).toMSecsSinceEpoch());
            return QStringLiteral("(e.time >= ?)");
        case QueryField::Until: values.append(instant(node).toMSecsSinceEpoch()); return QStringLiteral("(e.time < ?)");
        case QueryField::Tokens:
            values.append(node.value.toLongLong());
            return QStringLiteral("(e.tokens_in + e.tokens_out %1 ?)").arg(op);
        case QueryField::Cost: values.append(node.value.toDouble()); return QStringLiteral("(e.cost %1 ?)").arg(op);
        case QueryField::Latency:
            values.append(node.value.toLongLong());
            return QStringLiteral("(e.latency_ms %1 ?)").arg(op);
        }
        return QStringLiteral("(1 = 0)");
    }

    static QString where(const QStringList &predicates)
    {
        return predicates.isEmpty() ? QString() : QStringLiteral(" AND ") + predicates.join(QStringLiteral(" AND "));
    }

    EventId before() const { return m_request.before > 0 ? m_request.before : std::numeric_limits<EventId>::max(); }

    CompiledSearch ftsStatement(const QString &match, const QStringList &predicates, const QVariantList &values) const
    {
        CompiledSearch compiled;
        // The join is a CROSS JOIN so that SQLite walks the index newest first and looks each
        // hit's row up, never the other way round.
        compiled.sql =
            QStringLiteral("SELECT activity_search.rowid, snippet(activity_search, 0, ?, ?, ?, 16), "
                           "snippet(activity_search, 1, ?, ?, ?, 16) "
                           "FROM activity_search CROSS JOIN activity_events e ON e.id = activity_search.rowid "
                           "WHERE activity_search MATCH ? AND activity_search.rowid < ? AND activity_search.rowid >= ?")
            + where(predicates) + QStringLiteral(" ORDER BY activity_search.rowid DESC LIMIT ?");
        const QString start(QChar(SearchMarks::Start));
        const QString end(QChar(SearchMarks::End));
        const QString ellipsis(QChar(u'\u2026'));
        compiled.values = {start, end, ellipsis, start, end, ellipsis, match, before(), m_sinceId};
        compiled.values.append(values);
        compiled.values.append(m_request.limit);
        return compiled;
    }

    CompiledSearch plainStatement(const QStringList &predicates, const QVariantList &values) const
    {
        CompiledSearch compiled;
        // Only the bounds that cut: PostgreSQL's planner weighs a range on the primary key
        // against the full-text index even when the range holds every row.
        QStringList conditions;
        QVariantList pageValues;
        if (m_request.before > 0) {
            conditions.append(QStringLiteral("e.id < ?"));
            pageValues.append(m_request.before);
        }
        if (m_sinceId > 0) {
            conditions.append(QStringLiteral("e.id >= ?"));
            pageValues.append(m_sinceId);
        }
        conditions.append(predicates);
        const QString page = QStringLiteral("SELECT e.id, e.summary, e.detail FROM activity_events e")
            + (conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")))
            // "e.id + 0" keeps the planner off the primary key's order, so a rare word is found
            // through the full-text index and its few hits sorted (see frequentWords).
            + (m_rareWords ? QStringLiteral(" ORDER BY e.id + 0 DESC LIMIT ?")
                           : QStringLiteral(" ORDER BY e.id DESC LIMIT ?"));
        pageValues.append(values);
        pageValues.append(m_request.limit);
        if (m_flavor == QueryCompiler::Flavor::Tsquery && !m_headlineTerms.isEmpty()) {
            // The headline is computed for the page's rows only, after the limit.
            compiled.sql = QStringLiteral("SELECT p.id, ts_headline('simple', p.summary || ' ' || p.detail, "
                                          "to_tsquery('simple', ?), ?) FROM (")
                + page + QStringLiteral(") p ORDER BY p.id DESC");
            compiled.values = {m_headlineTerms.join(QStringLiteral(" | ")),
                               QStringLiteral("StartSel=%1, StopSel=%2, MaxWords=20, MinWords=6, MaxFragments=1, "
                                              "FragmentDelimiter=%3")
                                   .arg(QChar(SearchMarks::Start), QChar(SearchMarks::End), QChar(u'\u2026'))};
            compiled.values.append(pageValues);
            return compiled;
        }
        compiled.sql = QStringLiteral("SELECT p.id, NULL FROM (") + page + QStringLiteral(") p ORDER BY p.id DESC");
        compiled.values = pageValues;
        return compiled;
    }

    QueryCompiler::Flavor m_flavor;
    const SearchRequest &m_request;
    EventId m_sinceId = 0;
    int m_negations = 0; // how many NOTs enclose the node being compiled
    bool m_rareWords = false; // PostgreSQL: a word to search is not among the frequent ones
    QStringList m_headlineTerms; // the words a headline highlights: those not negated
};

} // namespace

QueryCompiler::Flavor QueryCompiler::flavorOf(const SqlDialect &dialect)
{
    return dialect.driverName() == QLatin1String("QPSQL") ? Flavor::Tsquery : Flavor::Fts5;
}

CompiledSearch QueryCompiler::compile(Flavor flavor, const SearchRequest &request)
{
    return Compiler(flavor, request).run();
}

QString QueryCompiler::foldForPostgres(const QString &word)
{
    QString folded = word.toLower();
    for (QChar &c : folded) {
        const qsizetype at = accented.indexOf(c);
        if (at >= 0) {
            c = plain.at(at);
        }
    }
    return folded;
}

} // namespace steward
