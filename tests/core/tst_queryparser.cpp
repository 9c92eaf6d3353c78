// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The activity query language's parser: valid queries become trees (printed canonically), and
// hostile input gives an Invalid error naming the position, never a crash.
#include "query/activityquery.h"

#include <QTest>

using namespace steward;

class TestQueryParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_validQuery_givesTree_data();
    void parse_validQuery_givesTree();
    void parse_badQuery_isInvalidWithPosition_data();
    void parse_badQuery_isInvalidWithPosition();
    void parseInstant_datesAndTimes();
};

void TestQueryParser::parse_validQuery_givesTree_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("word") << "refund"
                          << "refund";
    QTest::newRow("words are AND") << "refund globex"
                                   << "(and refund globex)";
    QTest::newRow("explicit AND") << "refund AND globex"
                                  << "(and refund globex)";
    QTest::newRow("phrase") << "\"sent the quote\""
                            << "\"sent the quote\"";
    QTest::newRow("phrase punctuation dropped") << "\"a-b, c!\""
                                                << "\"a b c\"";
    QTest::newRow("hyphenated word is a phrase") << "e-mail"
                                                 << "\"e mail\"";
    QTest::newRow("OR binds looser") << "a b OR c"
                                     << "(or (and a b) c)";
    QTest::newRow("OR chain flattens") << "a OR b OR c"
                                       << "(or a b c)";
    QTest::newRow("lower-case or is a word") << "a or b"
                                             << "(and a or b)";
    QTest::newRow("NOT") << "globex -lead"
                         << "(and globex (not lead))";
    QTest::newRow("NOT phrase") << "-\"the quote\""
                                << "(not \"the quote\")";
    QTest::newRow("NOT group") << "a -(b OR c)"
                               << "(and a (not (or b c)))";
    QTest::newRow("parentheses") << "(a OR b) c"
                                 << "(and (or a b) c)";
    QTest::newRow("nested parentheses flatten") << "((a))"
                                                << "a";
    QTest::newRow("agent path") << "agent:/acme/sales/mailer"
                                << "agent:/acme/sales/mailer";
    QTest::newRow("agent subtree") << "agent:/sales/*"
                                   << "agent:/sales/*";
    QTest::newRow("agent root") << "agent:/"
                                << "agent:/*";
    QTest::newRow("agent quoted") << "agent:\"/acme/sales/mailer\""
                                  << "agent:/acme/sales/mailer";
    QTest::newRow("filter name any case") << "KIND:Error"
                                          << "kind:error";
    QTest::newRow("kind") << "kind:tool.call"
                          << "kind:tool.call";
    QTest::newRow("status") << "status:error"
                            << "status:error";
    QTest::newRow("version") << "version:007"
                             << "version:7";
    QTest::newRow("run") << "run:42"
                         << "run:42";
    QTest::newRow("trigger") << "trigger:Schedule"
                             << "trigger:schedule";
    QTest::newRow("since age") << "since:7d"
                               << "since:7d";
    QTest::newRow("since date") << "since:2026-11-24"
                                << "since:2026-11-24";
    QTest::newRow("until time") << "until:2026-11-24T09:30"
                                << "until:2026-11-24T09:30";
    QTest::newRow("until time with offset") << "until:2026-11-24T09:30:00+01:00"
                                            << "until:2026-11-24T09:30:00+01:00";
    QTest::newRow("cost >") << "cost>0.5"
                            << "cost>0.5";
    QTest::newRow("latency >=") << "latency>=2000"
                                << "latency>=2000";
    QTest::newRow("tokens <") << "tokens<100"
                              << "tokens<100";
    QTest::newRow("tokens <=") << "tokens<=100"
                               << "tokens<=100";
    QTest::newRow("tokens =") << "tokens=100"
                              << "tokens=100";
    QTest::newRow("tokens :") << "tokens:100"
                              << "tokens=100";
    QTest::newRow("everything") << "refund \"sent quote\" agent:/sales/* -kind:error (status:ok OR cost>1) since:24h"
                                << "(and refund \"sent quote\" agent:/sales/* (not kind:error) (or status:ok cost>1) "
                                   "since:24h)";
    QTest::newRow("accents and Cyrillic") << "Café Ответ"
                                          << "(and Café Ответ)";
    QTest::newRow("SQL-looking text in quotes") << "\"'; DROP TABLE x; --\""
                                                << "\"DROP TABLE x\"";
    QTest::newRow("FTS5 syntax in quotes") << "\"NEAR(a b) c* ^d e:f\""
                                           << "\"NEAR a b c d e f\"";
    QTest::newRow("FTS5 NEAR( is a word and a group") << "NEAR(a b)"
                                                      << "(and NEAR a b)";
    QTest::newRow("tabs and newlines are spaces") << "a\tb\nc"
                                                  << "(and a b c)";
    QTest::newRow("64 terms") << QString(QStringLiteral("w ")).repeated(64).trimmed()
                              << QStringLiteral("(and %1)").arg(QString(QStringLiteral("w ")).repeated(64).trimmed());
}

void TestQueryParser::parse_validQuery_givesTree()
{
    QFETCH(QString, query);
    QFETCH(QString, canonical);
    const Result<QueryNode> parsed = ActivityQueryParser::parse(query);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(ActivityQueryParser::canonical(parsed.value()), canonical);
    // The canonical form reads back as the same tree.
    const Result<QueryNode> again =
        ActivityQueryParser::parse(canonical.startsWith(QLatin1Char('(')) ? query : canonical);
    QVERIFY(again.ok());
    QCOMPARE(ActivityQueryParser::canonical(again.value()), canonical);
}

void TestQueryParser::parse_badQuery_isInvalidWithPosition_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message"); // the error starts with it

    QTest::newRow("empty") << ""
                           << "at 1: the query is empty";
    QTest::newRow("blank") << "   "
                           << "at 1: the query is empty";
    QTest::newRow("unterminated quote") << "refund \"sent the"
                                        << "at 8: unterminated quote";
    QTest::newRow("lone quote") << "\""
                                << "at 1: unterminated quote";
    QTest::newRow("empty phrase") << "a \"\""
                                  << "at 3: the phrase has no letters or digits";
    QTest::newRow("unclosed paren") << "a (b OR c"
                                    << "at 3: unclosed '('";
    QTest::newRow("unmatched paren") << "a b) c"
                                     << "at 4: unmatched ')'";
    QTest::newRow("empty parens") << "a ()"
                                  << "at 3: empty parentheses";
    QTest::newRow("lone OR") << "OR"
                             << "at 1: expected a term before OR";
    QTest::newRow("trailing OR") << "a OR"
                                 << "at 3: OR must be followed by a term";
    QTest::newRow("OR OR") << "a OR OR b"
                           << "at 3: OR must be followed by a term";
    QTest::newRow("OR before paren") << "(a OR) b"
                                     << "at 4: OR must be followed by a term";
    QTest::newRow("lone AND") << "AND"
                              << "at 1: AND must stand between two terms";
    QTest::newRow("lone minus") << "a -"
                                << "at 3: '-' must be directly followed";
    QTest::newRow("minus space") << "a - b"
                                 << "at 3: '-' must be directly followed";
    QTest::newRow("double minus") << "--a"
                                  << "at 1: '-' must be directly followed";
    QTest::newRow("agent without value") << "agent:"
                                         << "at 7: agent needs a value";
    QTest::newRow("agent before space") << "agent: /sales"
                                        << "at 7: agent needs a value";
    QTest::newRow("agent relative") << "agent:sales"
                                    << "at 7: expected an agent path";
    QTest::newRow("agent star inside") << "agent:/sa*les"
                                       << "at 7: expected an agent path";
    QTest::newRow("agent star in middle") << "agent:/*/bot"
                                          << "at 7: expected an agent path";
    QTest::newRow("kind comparison") << "kind>3"
                                     << "at 5: kind takes ':'";
    QTest::newRow("unknown filter") << "colour:red"
                                    << "at 1: unknown filter 'colour'";
    QTest::newRow("FTS5 column filter") << "summary:x"
                                        << "at 1: unknown filter 'summary'";
    QTest::newRow("SQL-looking text") << "'; DROP TABLE x; --"
                                      << "at 1: '';' has no letters or digits";
    QTest::newRow("SQL comment") << "x --"
                                 << "at 3: '-' must be directly followed";
    QTest::newRow("FTS5 star") << "*"
                               << "at 1: '*' has no letters or digits";
    QTest::newRow("FTS5 caret") << "a ^"
                                << "at 3: '^' has no letters or digits";
    QTest::newRow("FTS5 colon") << ":"
                                << "at 1: ':' has no letters or digits";
    QTest::newRow("control character") << QStringLiteral("a\u0001b") << "at 2: the control character U+0001";
    QTest::newRow("NUL") << QString(QStringLiteral("ab")) + QChar(0) << "at 3: the control character U+0000";
    QTest::newRow("escape") << QStringLiteral("a \u001b[2J") << "at 3: the control character U+001B";
    QTest::newRow("invalid date") << "since:2026-02-30"
                                  << "at 7: expected a date";
    QTest::newRow("invalid time") << "until:2026-11-24T25:00"
                                  << "at 7: expected a date";
    QTest::newRow("invalid age unit") << "since:7y"
                                      << "at 7: expected a date";
    QTest::newRow("huge age") << "since:99999999d"
                              << "at 7: expected a date";
    QTest::newRow("not a number") << "cost>cheap"
                                  << "at 6: expected a number";
    QTest::newRow("negative") << "tokens>-5"
                              << "at 8: expected a whole number";
    QTest::newRow("fraction of tokens") << "tokens>1.5"
                                        << "at 8: expected a whole number";
    QTest::newRow("huge number") << "latency>99999999999999999999"
                                 << "at 9: 99999999999999999999 is too large";
    QTest::newRow("infinite cost") << "cost>inf"
                                   << "at 6: expected a number";
    QTest::newRow("NaN cost") << "cost>nan"
                              << "at 6: expected a number";
    QTest::newRow("huge version") << "version:99999999999999999999"
                                  << "at 9: expected a whole number";
    QTest::newRow("zero run") << "run:0"
                              << "at 5: expected a whole number";
    QTest::newRow("bad trigger") << "trigger:cron"
                                 << "at 9: expected one of schedule, event, manual";
    QTest::newRow("65 terms") << QString(QStringLiteral("w ")).repeated(65) << "at 129: too many terms";
    QTest::newRow("deep parentheses") << QString(17, QLatin1Char('(')) + QLatin1Char('a')
            + QString(17, QLatin1Char(')'))
                                      << "at 17: parentheses nested too deeply";
    QTest::newRow("10,000 characters") << QString(10000, QLatin1Char('a')) << "at 2001: the query is 10000 characters";
    QTest::newRow("2,001 characters") << QString(2001, QLatin1Char('a')) << "at 2001: the query is 2001 characters";
}

void TestQueryParser::parse_badQuery_isInvalidWithPosition()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    const Result<QueryNode> parsed = ActivityQueryParser::parse(query);
    QVERIFY2(!parsed.ok(), qPrintable(parsed ? ActivityQueryParser::canonical(parsed.value()) : QString()));
    QCOMPARE(parsed.error().code, Error::Code::Invalid);
    QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
}

void TestQueryParser::parseInstant_datesAndTimes()
{
    const QDateTime day(QDate(2026, 11, 24), QTime(0, 0), Qt::UTC);
    QCOMPARE(ActivityQueryParser::parseInstant(QStringLiteral("2026-11-24"), false), day);
    QCOMPARE(ActivityQueryParser::parseInstant(QStringLiteral("2026-11-24"), true), day.addDays(1));
    QCOMPARE(ActivityQueryParser::parseInstant(QStringLiteral("2026-11-24T09:30"), false),
             day.addSecs(9 * 3600 + 1800));
    QCOMPARE(ActivityQueryParser::parseInstant(QStringLiteral("2026-11-24T09:30:00+01:00"), false),
             day.addSecs(8 * 3600 + 1800));
    QVERIFY(!ActivityQueryParser::parseInstant(QStringLiteral("yesterday"), false).isValid());
    QCOMPARE(ActivityQueryParser::parseAge(QStringLiteral("30m")), 30 * 60 * 1000);
    QCOMPARE(ActivityQueryParser::parseAge(QStringLiteral("2w")), qint64(14) * 24 * 3600 * 1000);
    QCOMPARE(ActivityQueryParser::parseAge(QStringLiteral("7")), 0);
}

QTEST_GUILESS_MAIN(TestQueryParser)
#include "tst_queryparser.moc"
