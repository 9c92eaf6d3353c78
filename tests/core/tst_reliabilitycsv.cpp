// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reliability as CSV: RFC 4180 quoting of single fields, and whole series and rankings with
// their header, CRLF line ends and numbers.
#include "service/reliabilitycsv.h"

#include <QTest>
#include <QTimeZone>

using namespace steward;

class TestReliabilityCsv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_quotesOnlyWhatNeedsIt_data();
    void field_quotesOnlyWhatNeedsIt();
    void series_hasAHeaderAndOneLinePerBucket();
    void ranking_quotesPaths();
};

void TestReliabilityCsv::field_quotesOnlyWhatNeedsIt_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("/acme/sales") << QStringLiteral("/acme/sales");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("spaces stay") << QStringLiteral(" padded ") << QStringLiteral(" padded ");
    QTest::newRow("umlaut") << QStringLiteral("Büro") << QStringLiteral("Büro");
}

void TestReliabilityCsv::field_quotesOnlyWhatNeedsIt()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ReliabilityCsv::field(text), expected);
}

void TestReliabilityCsv::series_hasAHeaderAndOneLinePerBucket()
{
    ReliabilitySeries series;
    series.bucket = TimeBucket::Day;
    ReliabilityPoint monday;
    monday.start = QDateTime(QDate(2026, 5, 4), QTime(0, 0), QTimeZone::utc());
    monday.end = monday.start.addDays(1);
    monday.totals.runs = 4;
    monday.totals.finishedRuns = 4;
    monday.totals.failedRuns = 1;
    monday.totals.approved = 3;
    monday.totals.rejected = 1;
    monday.totals.cost = 1.5;
    monday.totals.latency.add(1000);
    ReliabilityPoint tuesday;
    tuesday.start = monday.end;
    tuesday.end = tuesday.start.addDays(1);
    series.points = {monday, tuesday};
    const QList<QByteArray> lines = ReliabilityCsv::series(series).split('\n');
    QCOMPARE(lines.size(), 4); // header, two buckets, and nothing after the last CRLF
    QCOMPARE(lines.at(0),
             QByteArray("start,end,runs,failed_runs,error_rate,errors,decisions,approval_rate,rejection_rate,edit_rate,"
                        "latency_p50,latency_p95,tokens_in,tokens_out,cost,events\r"));
    QVERIFY(lines.at(1).startsWith("2026-05-04T00:00:00Z,2026-05-05T00:00:00Z,4,1,0.2500,0,4,0.7500,0.2500,0.0000,"));
    QVERIFY(lines.at(1).endsWith(",0,0,1.500000,0\r"));
    QCOMPARE(lines.at(2),
             QByteArray("2026-05-05T00:00:00Z,2026-05-06T00:00:00Z,0,0,0.0000,0,0,0.0000,0.0000,0.0000,"
                        "0.0,0.0,0,0,0.000000,0\r"));
    QCOMPARE(lines.at(3), QByteArray());
}

void TestReliabilityCsv::ranking_quotesPaths()
{
    AgentReliability agent;
    agent.agentId = 7;
    agent.path = QStringLiteral("/acme/sales, \"west\"/mailer");
    agent.totals.runs = 2;
    const QList<QByteArray> lines = ReliabilityCsv::ranking({agent}).split('\n');
    QVERIFY(lines.at(0).startsWith("agent_id,path,runs,"));
    QVERIFY(lines.at(1).startsWith("7,\"/acme/sales, \"\"west\"\"/mailer\",2,"));
}

QTEST_GUILESS_MAIN(TestReliabilityCsv)
#include "tst_reliabilitycsv.moc"
