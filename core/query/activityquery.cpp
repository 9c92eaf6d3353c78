// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityquery.h"

#include "domain/enums.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <utility>

namespace steward {
namespace {

constexpr std::array<std::pair<QueryField, const char *>, 11> fieldSpellings{{
    {QueryField::Agent, "agent"},
    {QueryField::Kind, "kind"},
    {QueryField::Status, "status"},
    {QueryField::Version, "version"},
    {QueryField::Run, "run"},
    {QueryField::Trigger, "trigger"},
    {QueryField::Since, "since"},
    {QueryField::Until, "until"},
    {QueryField::Tokens, "tokens"},
    {QueryField::Cost, "cost"},
    {QueryField::Latency, "latency"},
}};

// Large enough for any real count or amount, small enough to stay exact in a double and in SQL.
constexpr double MaxNumber = 1e15;
constexpr int MaxValueLength = 200;

QString fieldName(QueryField field)
{
    for (const auto &[candidate, name] : fieldSpellings) {
        if (candidate == field) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

bool isNumeric(QueryField field)
{
    return field == QueryField::Tokens || field == QueryField::Cost || field == QueryField::Latency;
}

QString comparisonText(QueryComparison comparison)
{
    switch (comparison) {
    case QueryComparison::Equal: return QStringLiteral("=");
    case QueryComparison::Less: return QStringLiteral("<");
    case QueryComparison::LessOrEqual: return QStringLiteral("<=");
    case QueryComparison::Greater: return QStringLiteral(">");
    case QueryComparison::GreaterOrEqual: return QStringLiteral(">=");
    }
    return {};
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// Ends a bare word or a bare filter value.
bool isDelimiter(QChar c)
{
    return isSpace(c) || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('"');
}

class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) { }

    Result<QueryNode> run()
    {
        if (m_text.size() > ActivityQueryParser::MaxLength) {
            return failAt(ActivityQueryParser::MaxLength + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "the query is %1 characters long; at most %2 are allowed")
                              .arg(m_text.size())
                              .arg(ActivityQueryParser::MaxLength));
        }
        for (qsizetype i = 0; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (c.category() == QChar::Other_Control && !isSpace(c)) {
                return failAt(i + 1,
                              QCoreApplication::translate("steward::ActivityQueryParser",
                                                          "the control character U+%1 is not allowed")
                                  .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0')));
            }
        }
        skipSpace();
        if (atEnd()) {
            return failAt(1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "the query is empty; expected a word, a \"phrase\" or a "
                                                      "filter such as kind:error"));
        }
        Result<QueryNode> node = parseOr(0);
        if (!node) {
            return node;
        }
        if (!atEnd()) {
            // Only an unmatched ')' stops parseOr before the end.
            return failAt(m_pos + 1, QCoreApplication::translate("steward::ActivityQueryParser", "unmatched ')'"));
        }
        return node;
    }

private:
    static Error failAt(qsizetype position, const QString &what)
    {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ActivityQueryParser", "at %1: %2").arg(position).arg(what)};
    }

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd() && isSpace(peek())) {
            ++m_pos;
        }
    }

    // The bare word starting here, without moving.
    [[nodiscard]] QString bareWordAhead() const
    {
        qsizetype end = m_pos;
        while (end < m_text.size() && !isDelimiter(m_text.at(end))) {
            ++end;
        }
        return m_text.mid(m_pos, end - m_pos);
    }

    [[nodiscard]] bool atKeyword(const char *keyword) const { return bareWordAhead() == QLatin1String(keyword); }

    static QueryNode combine(QueryNode::Type type, QList<QueryNode> parts, int position)
    {
        if (parts.size() == 1) {
            return parts.takeFirst();
        }
        QueryNode node;
        node.type = type;
        node.position = position;
        for (QueryNode &part : parts) {
            if (part.type == type) {
                node.children.append(std::move(part.children));
            } else {
                node.children.append(std::move(part));
            }
        }
        return node;
    }

    Result<QueryNode> parseOr(int depth)
    {
        const int start = static_cast<int>(m_pos) + 1;
        QList<QueryNode> alternatives;
        while (true) {
            Result<QueryNode> part = parseAnd(depth);
            if (!part) {
                return part;
            }
            alternatives.append(std::move(part).value());
            skipSpace();
            if (!atKeyword("OR")) {
                break;
            }
            const qsizetype orAt = m_pos;
            m_pos += 2;
            skipSpace();
            if (atEnd() || peek() == QLatin1Char(')') || atKeyword("OR")) {
                return failAt(
                    orAt + 1,
                    QCoreApplication::translate("steward::ActivityQueryParser", "OR must be followed by a term"));
            }
        }
        return combine(QueryNode::Type::Or, std::move(alternatives), start);
    }

    Result<QueryNode> parseAnd(int depth)
    {
        const int start = static_cast<int>(m_pos) + 1;
        QList<QueryNode> terms;
        while (true) {
            skipSpace();
            if (atEnd() || peek() == QLatin1Char(')')) {
                break;
            }
            if (atKeyword("OR")) {
                if (terms.isEmpty()) {
                    return failAt(
                        m_pos + 1,
                        QCoreApplication::translate("steward::ActivityQueryParser", "expected a term before OR"));
                }
                break;
            }
            if (atKeyword("AND")) {
                const qsizetype andAt = m_pos;
                m_pos += 3;
                skipSpace();
                if (terms.isEmpty() || atEnd() || peek() == QLatin1Char(')') || atKeyword("OR") || atKeyword("AND")) {
                    return failAt(andAt + 1,
                                  QCoreApplication::translate("steward::ActivityQueryParser",
                                                              "AND must stand between two terms"));
                }
                continue;
            }
            Result<QueryNode> term = parseUnary(depth);
            if (!term) {
                return term;
            }
            terms.append(std::move(term).value());
        }
        if (terms.isEmpty()) {
            if (atEnd()) {
                return failAt(m_pos + 1,
                              QCoreApplication::translate("steward::ActivityQueryParser", "expected a term"));
            }
            return failAt(m_pos + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser", "expected a term before ')'"));
        }
        return combine(QueryNode::Type::And, std::move(terms), start);
    }

    Result<QueryNode> parseUnary(int depth)
    {
        if (peek() != QLatin1Char('-')) {
            return parsePrimary(depth);
        }
        const qsizetype minusAt = m_pos;
        ++m_pos;
        if (atEnd() || isSpace(peek()) || peek() == QLatin1Char(')') || peek() == QLatin1Char('-')) {
            return failAt(minusAt + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "'-' must be directly followed by the word, "
                                                      "\"phrase\", filter or group to exclude"));
        }
        Result<QueryNode> negated = parsePrimary(depth);
        if (!negated) {
            return negated;
        }
        QueryNode node;
        node.type = QueryNode::Type::Not;
        node.position = static_cast<int>(minusAt) + 1;
        node.children.append(std::move(negated).value());
        return node;
    }

    Result<QueryNode> parsePrimary(int depth)
    {
        if (++m_terms > ActivityQueryParser::MaxTerms) {
            return failAt(
                m_pos + 1,
                QCoreApplication::translate("steward::ActivityQueryParser", "too many terms; at most %1 are allowed")
                    .arg(ActivityQueryParser::MaxTerms));
        }
        if (peek() == QLatin1Char('(')) {
            const qsizetype openAt = m_pos;
            if (depth + 1 > ActivityQueryParser::MaxDepth) {
                return failAt(openAt + 1,
                              QCoreApplication::translate("steward::ActivityQueryParser",
                                                          "parentheses nested too deeply; at most %1 "
                                                          "levels are allowed")
                                  .arg(ActivityQueryParser::MaxDepth));
            }
            ++m_pos;
            skipSpace();
            if (peek() == QLatin1Char(')')) {
                return failAt(
                    openAt + 1,
                    QCoreApplication::translate("steward::ActivityQueryParser", "empty parentheses; expected a term"));
            }
            if (atEnd()) {
                return failAt(openAt + 1, QCoreApplication::translate("steward::ActivityQueryParser", "unclosed '('"));
            }
            Result<QueryNode> inner = parseOr(depth + 1);
            if (!inner) {
                return inner;
            }
            skipSpace();
            if (peek() != QLatin1Char(')')) {
                return failAt(openAt + 1, QCoreApplication::translate("steward::ActivityQueryParser", "unclosed '('"));
            }
            ++m_pos;
            return inner;
        }
        if (peek() == QLatin1Char('"')) {
            return parsePhrase();
        }
        return parseWordOrFilter();
    }

    // The text between quotes starting at m_pos, which must be '"'.
    Result<QString> quoted()
    {
        const qsizetype openAt = m_pos;
        const qsizetype close = m_text.indexOf(QLatin1Char('"'), m_pos + 1);
        if (close < 0) {
            return failAt(openAt + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "unterminated quote; expected a closing '\"'"));
        }
        m_pos = close + 1;
        return m_text.mid(openAt + 1, close - openAt - 1);
    }

    Result<QueryNode> parsePhrase()
    {
        const qsizetype openAt = m_pos;
        const Result<QString> text = quoted();
        if (!text) {
            return text.error();
        }
        QueryNode node;
        node.position = static_cast<int>(openAt) + 1;
        node.words = ActivityQueryParser::wordsOf(text.value());
        node.phrase = true;
        if (node.words.isEmpty()) {
            return failAt(openAt + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "the phrase has no letters or digits to search "
                                                      "for"));
        }
        return node;
    }

    Result<QueryNode> parseWordOrFilter()
    {
        const qsizetype start = m_pos;
        qsizetype nameEnd = m_pos;
        while (nameEnd < m_text.size() && m_text.at(nameEnd).isLetter() && m_text.at(nameEnd).unicode() < 128) {
            ++nameEnd;
        }
        const QChar after = nameEnd < m_text.size() ? m_text.at(nameEnd) : QChar();
        const bool operatorFollows = after == QLatin1Char(':') || after == QLatin1Char('<') || after == QLatin1Char('>')
            || after == QLatin1Char('=');
        if (nameEnd > start && operatorFollows) {
            const QString name = m_text.mid(start, nameEnd - start).toLower();
            for (const auto &[field, spelling] : fieldSpellings) {
                if (name == QLatin1String(spelling)) {
                    m_pos = nameEnd;
                    return parseFilter(field, start);
                }
            }
            if (after == QLatin1Char(':')) {
                return failAt(start + 1,
                              QCoreApplication::translate("steward::ActivityQueryParser",
                                                          "unknown filter '%1'; expected one of %2 "
                                                          "(put text with ':' in quotes)")
                                  .arg(name, ActivityQueryParser::fieldNames().join(QStringLiteral(", "))));
            }
        }
        const QString word = bareWordAhead();
        m_pos += word.size();
        QueryNode node;
        node.position = static_cast<int>(start) + 1;
        node.words = ActivityQueryParser::wordsOf(word);
        if (node.words.isEmpty()) {
            return failAt(start + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "'%1' has no letters or digits; expected a word, a "
                                                      "\"phrase\" or a filter")
                              .arg(word.left(20)));
        }
        // "foo-bar" is matched as the phrase the index sees, as in its text.
        node.phrase = node.words.size() > 1;
        return node;
    }

    Result<QueryNode> parseFilter(QueryField field, qsizetype start)
    {
        QueryNode node;
        node.type = QueryNode::Type::Filter;
        node.position = static_cast<int>(start) + 1;
        node.field = field;
        const QString name = fieldName(field);
        const qsizetype operatorAt = m_pos;
        if (peek() == QLatin1Char(':')) {
            ++m_pos;
        } else {
            const QString two = m_text.mid(m_pos, 2);
            if (two == QLatin1String(">=") || two == QLatin1String("<=")) {
                node.comparison =
                    two.startsWith(QLatin1Char('>')) ? QueryComparison::GreaterOrEqual : QueryComparison::LessOrEqual;
                m_pos += 2;
            } else {
                node.comparison = peek() == QLatin1Char('>') ? QueryComparison::Greater
                    : peek() == QLatin1Char('<')             ? QueryComparison::Less
                                                             : QueryComparison::Equal;
                ++m_pos;
            }
            if (!isNumeric(field)) {
                return failAt(operatorAt + 1,
                              QCoreApplication::translate("steward::ActivityQueryParser",
                                                          "%1 takes ':', not a comparison; "
                                                          "comparisons are for tokens, cost and "
                                                          "latency")
                                  .arg(name));
            }
        }
        const qsizetype valueAt = m_pos;
        QString value;
        if (peek() == QLatin1Char('"')) {
            const Result<QString> text = quoted();
            if (!text) {
                return text.error();
            }
            value = text->trimmed();
        } else {
            value = bareWordAhead();
            m_pos += value.size();
        }
        if (value.isEmpty()) {
            return failAt(valueAt + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser", "%1 needs a value, e.g. %2")
                              .arg(name, example(field)));
        }
        if (value.size() > MaxValueLength) {
            return failAt(valueAt + 1,
                          QCoreApplication::translate("steward::ActivityQueryParser",
                                                      "the value of %1 is longer than %2 characters")
                              .arg(name)
                              .arg(MaxValueLength));
        }
        const Result<QString> normalised = normalise(field, value);
        if (!normalised) {
            return failAt(valueAt + 1, normalised.error().message);
        }
        node.value = normalised.value();
        return node;
    }

    static QString example(QueryField field)
    {
        switch (field) {
        case QueryField::Agent: return QStringLiteral("agent:/sales/*");
        case QueryField::Kind: return QStringLiteral("kind:tool.call");
        case QueryField::Status: return QStringLiteral("status:error");
        case QueryField::Version: return QStringLiteral("version:3");
        case QueryField::Run: return QStringLiteral("run:42");
        case QueryField::Trigger: return QStringLiteral("trigger:schedule");
        case QueryField::Since: return QStringLiteral("since:7d");
        case QueryField::Until: return QStringLiteral("until:2026-11-24");
        case QueryField::Tokens: return QStringLiteral("tokens>1000");
        case QueryField::Cost: return QStringLiteral("cost>0.5");
        case QueryField::Latency: return QStringLiteral("latency>=2000");
        }
        return {};
    }

    // The value in its canonical spelling, or why it is not one; the message has no position.
    static Result<QString> normalise(QueryField field, const QString &value)
    {
        const auto invalid = [](const QString &message) { return Error{Error::Code::Invalid, message}; };
        switch (field) {
        case QueryField::Agent: {
            static const QRegularExpression shape(QStringLiteral("^/([^/*]+/)*([^/*]+|\\*)$|^/\\*?$"));
            if (!shape.match(value).hasMatch()) {
                return invalid(QCoreApplication::translate("steward::ActivityQueryParser",
                                                           "expected an agent path such as /sales/lead-bot, or a "
                                                           "subtree such as /sales/*"));
            }
            return value == QLatin1String("/") ? QStringLiteral("/*") : value;
        }
        case QueryField::Kind:
        case QueryField::Status: return value.toLower();
        case QueryField::Version:
        case QueryField::Run: {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (!ok || number < 1 || number > static_cast<qint64>(MaxNumber)) {
                return invalid(
                    QCoreApplication::translate("steward::ActivityQueryParser", "expected a whole number from 1 to %1")
                        .arg(static_cast<qint64>(MaxNumber)));
            }
            return QString::number(number);
        }
        case QueryField::Trigger: {
            const std::optional<RunTrigger> trigger = parseEnum<RunTrigger>(value.toLower());
            if (!trigger) {
                return invalid(QCoreApplication::translate("steward::ActivityQueryParser",
                                                           "expected one of schedule, event, manual"));
            }
            return toText(*trigger);
        }
        case QueryField::Since:
        case QueryField::Until: {
            if (ActivityQueryParser::parseAge(value) > 0 || ActivityQueryParser::parseInstant(value, true).isValid()) {
                return value;
            }
            return invalid(QCoreApplication::translate("steward::ActivityQueryParser",
                                                       "expected a date (2026-11-24), a time (2026-11-24T09:30, "
                                                       "UTC unless it has an offset) or an age (30m, 24h, 7d, 2w)"));
        }
        case QueryField::Tokens:
        case QueryField::Latency:
        case QueryField::Cost: {
            bool ok = false;
            const double number = value.toDouble(&ok);
            const bool whole = field != QueryField::Cost;
            if (!ok || !std::isfinite(number) || number < 0 || (whole && number != std::floor(number))) {
                return invalid(whole ? QCoreApplication::translate("steward::ActivityQueryParser",
                                                                   "expected a whole number such as 2000")
                                     : QCoreApplication::translate("steward::ActivityQueryParser",
                                                                   "expected a number such as 0.5"));
            }
            if (number > MaxNumber) {
                return invalid(
                    QCoreApplication::translate("steward::ActivityQueryParser", "%1 is too large; at most %2")
                        .arg(value.left(30))
                        .arg(static_cast<qint64>(MaxNumber)));
            }
            return whole ? QString::number(static_cast<qint64>(number)) : QString::number(number, 'g', 15);
        }
        }
        return value;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_terms = 0;
};

QString quotedIfNeeded(const QString &value)
{
    for (const QChar c : value) {
        if (isDelimiter(c)) {
            return QLatin1Char('"') + value + QLatin1Char('"');
        }
    }
    return value;
}

} // namespace

Result<QueryNode> ActivityQueryParser::parse(const QString &query)
{
    return Parser(query).run();
}

qint64 ActivityQueryParser::parseAge(const QString &value)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{1,6})([mhdw])$"));
    const QRegularExpressionMatch match = shape.match(value);
    if (!match.hasMatch()) {
        return 0;
    }
    const qint64 amount = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).at(0);
    constexpr qint64 minute = 60 * 1000;
    const qint64 perUnit = unit == QLatin1Char('m') ? minute
        : unit == QLatin1Char('h')                  ? 60 * minute
        : unit == QLatin1Char('d')                  ? 24 * 60 * minute
                                                    : 7 * 24 * 60 * minute;
    return amount * perUnit;
}

QDateTime ActivityQueryParser::parseInstant(const QString &value, bool endOfDay)
{
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (date.isValid() && value.size() == 10) {
        const QDateTime start(date, QTime(0, 0), Qt::UTC);
        return endOfDay ? start.addDays(1) : start;
    }
    if (value.size() < 16 || value.at(10) != QLatin1Char('T')) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid()) {
        return {};
    }
    if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC);
    }
    return time.toUTC();
}

QStringList ActivityQueryParser::fieldNames()
{
    QStringList names;
    for (const auto &spelling : fieldSpellings) {
        names.append(QString::fromLatin1(spelling.second));
    }
    return names;
}

QStringList ActivityQueryParser::wordsOf(const QString &text)
{
    QStringList words;
    QString current;
    for (const QChar c : text) {
        if (isWordChar(c)) {
            current.append(c);
        } else if (!current.isEmpty()) {
            words.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty()) {
        words.append(current);
    }
    return words;
}

QString ActivityQueryParser::canonical(const QueryNode &node)
{
    switch (node.type) {
    case QueryNode::Type::And:
    case QueryNode::Type::Or:
    case QueryNode::Type::Not: {
        QStringList parts{node.type == QueryNode::Type::And      ? QStringLiteral("(and")
                              : node.type == QueryNode::Type::Or ? QStringLiteral("(or")
                                                                 : QStringLiteral("(not")};
        for (const QueryNode &child : node.children) {
            parts.append(canonical(child));
        }
        return parts.join(QLatin1Char(' ')) + QLatin1Char(')');
    }
    case QueryNode::Type::Words: {
        const QString words = node.words.join(QLatin1Char(' '));
        return node.phrase ? QLatin1Char('"') + words + QLatin1Char('"') : words;
    }
    case QueryNode::Type::Filter: {
        const QString op = node.comparison == QueryComparison::Equal && !isNumeric(node.field)
            ? QStringLiteral(":")
            : comparisonText(node.comparison);
        return fieldName(node.field) + op + quotedIfNeeded(node.value);
    }
    }
    return {};
}

} // namespace steward
