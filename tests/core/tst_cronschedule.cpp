// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Cron schedules: what parses and what is refused with which message, the next fire times in
// UTC across daylight-saving changes, month ends and leap days, and the merged plan of a spec's
// schedule triggers.
#include "runtime/cronschedule.h"
#include "runtime/triggerplan.h"

#include <QElapsedTimer>
#include <QTest>

using namespace steward;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime time = QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
    Q_ASSERT(time.isValid());
    return time.toUTC();
}

} // namespace

class TestCronSchedule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_refuses_data();
    void parse_refuses();
    void parse_accepts_data();
    void parse_accepts();
    void nextAfter_data();
    void nextAfter();
    void nextAfter_sequenceAcrossFallBack_data();
    void nextAfter_sequenceAcrossFallBack();
    void nextAfter_emptyOrInvalidZoneIsUtc();
    void nextAfter_thousandSchedulesAreCheap();
    void nextFires_mergesTriggersInTimeOrder();
    void nextFires_keepsTiesInSpecOrder();
};

void TestCronSchedule::parse_refuses_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");

    const QString fiveFields =
        QStringLiteral("A schedule has five fields (minute, hour, day of month, month, day of week); ");
    QTest::newRow("empty") << QString() << fiveFields + QStringLiteral("\"\" has 0.");
    QTest::newRow("blanks") << QStringLiteral(" \t ") << fiveFields + QStringLiteral("\"\" has 0.");
    QTest::newRow("four fields") << QStringLiteral("* * * *") << fiveFields + QStringLiteral("\"* * * *\" has 4.");
    QTest::newRow("six fields") << QStringLiteral("0 0 * * * 2026")
                                << fiveFields + QStringLiteral("\"0 0 * * * 2026\" has 6.");
    QTest::newRow("minute 60") << QStringLiteral("60 * * * *") << QStringLiteral("minute: 60 is out of range 0-59.");
    QTest::newRow("hour 24") << QStringLiteral("0 24 * * *") << QStringLiteral("hour: 24 is out of range 0-23.");
    QTest::newRow("day 32") << QStringLiteral("0 0 32 * *") << QStringLiteral("day of month: 32 is out of range 1-31.");
    QTest::newRow("day 0") << QStringLiteral("0 0 0 * *") << QStringLiteral("day of month: 0 is out of range 1-31.");
    QTest::newRow("month 13") << QStringLiteral("0 0 * 13 *") << QStringLiteral("month: 13 is out of range 1-12.");
    QTest::newRow("weekday 8") << QStringLiteral("0 0 * * 8") << QStringLiteral("day of week: 8 is out of range 0-7.");
    QTest::newRow("huge number") << QStringLiteral("99999999999999999999 * * * *")
                                 << QStringLiteral("minute: 99999999999999999999 is out of range 0-59.");
    QTest::newRow("leading zeros") << QStringLiteral("0000 * * * *")
                                   << QStringLiteral("minute: 0000 is out of range 0-59.");
    QTest::newRow("negative") << QStringLiteral("-1 * * * *") << QStringLiteral("minute: \"\" is not a number.");
    QTest::newRow("step zero") << QStringLiteral("*/0 * * * *")
                               << QStringLiteral("minute: the step in \"*/0\" is not a whole number from 1 to 59.");
    QTest::newRow("step too big") << QStringLiteral("0 */24 * * *")
                                  << QStringLiteral("hour: the step in \"*/24\" is not a whole number from 1 to 23.");
    QTest::newRow("two steps") << QStringLiteral("*/5/5 * * * *")
                               << QStringLiteral("minute: the step in \"*/5/5\" is not a whole number from 1 to 59.");
    QTest::newRow("step after a number") << QStringLiteral("5/15 * * * *")
                                         << QStringLiteral("minute: in \"5/15\" a step follows * or a range, as in "
                                                           "*/15 or 0-30/5.");
    QTest::newRow("backwards range") << QStringLiteral("30-10 * * * *")
                                     << QStringLiteral("minute: the range \"30-10\" runs backwards.");
    QTest::newRow("empty list item") << QStringLiteral("1,,2 * * * *")
                                     << QStringLiteral("minute: \"1,,2\" has an empty list item.");
    QTest::newRow("trailing comma") << QStringLiteral("0 9 * * 1,")
                                    << QStringLiteral("day of week: \"1,\" has an empty list item.");
    QTest::newRow("unknown month name") << QStringLiteral("0 0 1 JANUARY *")
                                        << QStringLiteral("month: \"JANUARY\" is not a number or a name.");
    QTest::newRow("weekday name as month")
        << QStringLiteral("0 0 1 MON *") << QStringLiteral("month: \"MON\" is not a number or a name.");
    QTest::newRow("name in minutes") << QStringLiteral("MON * * * *")
                                     << QStringLiteral("minute: \"MON\" is not a number.");
    QTest::newRow("arabic-indic digit") << QString(QChar(0x0663)) + QStringLiteral(" * * * *")
                                        << QStringLiteral("minute: \"") + QChar(0x0663)
            + QStringLiteral("\" is not a number.");
    QTest::newRow("fullwidth star") << QString(QChar(0xFF0A)) + QStringLiteral(" * * * *")
                                    << QStringLiteral("minute: \"") + QChar(0xFF0A)
            + QStringLiteral("\" is not a number.");
    QTest::newRow("sql") << QStringLiteral("0 0 * * 1;DROP")
                         << QStringLiteral("day of week: \"1;DROP\" is not a number or a name.");
    QTest::newRow("long field is cut") << QStringLiteral("0 0 * * ") + QString(40, QLatin1Char('x'))
                                       << QStringLiteral("day of week: \"") + QString(24, QLatin1Char('x'))
            + QChar(0x2026) + QStringLiteral("\" is not a number or a name.");
    QTest::newRow("10,000 characters") << QString(10000, QLatin1Char('1'))
                                       << QStringLiteral("A schedule is at most 256 characters long.");
    QTest::newRow("31 April") << QStringLiteral("0 0 31 4 *")
                              << QStringLiteral("\"0 0 31 4 *\" never fires: none of its months has the days of the "
                                                "month it names.");
    QTest::newRow("30 February") << QStringLiteral("0 0 30 2 *")
                                 << QStringLiteral("\"0 0 30 2 *\" never fires: none of its months has the days of the "
                                                   "month it names.");
    QTest::newRow("31st of short months") << QStringLiteral("0 0 31 2,4,6,9,11 *")
                                          << QStringLiteral("\"0 0 31 2,4,6,9,11 *\" never fires: none of its months "
                                                            "has the days of the month it names.");
    QTest::newRow("31 April on starred weekdays") << QStringLiteral("0 0 31 APR */2")
                                                  << QStringLiteral("\"0 0 31 APR */2\" never fires: none of its "
                                                                    "months has the days of the month it names.");
}

void TestCronSchedule::parse_refuses()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    const Result<CronSchedule> schedule = CronSchedule::parse(expression);
    QVERIFY(!schedule.ok());
    QCOMPARE(schedule.error().code, Error::Code::Invalid);
    QCOMPARE(schedule.error().message, message);
}

void TestCronSchedule::parse_accepts_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<bool>("interval");

    QTest::newRow("every minute") << QStringLiteral("* * * * *") << QStringLiteral("* * * * *") << true;
    QTest::newRow("spaces and tabs") << QStringLiteral("  0\t9  * *   1-5 ") << QStringLiteral("0 9 * * 1-5") << false;
    QTest::newRow("names any case") << QStringLiteral("0 8 * jan,Jul mon-FRI")
                                    << QStringLiteral("0 8 * jan,Jul mon-FRI") << false;
    QTest::newRow("hour step is an interval") << QStringLiteral("0 */4 * * *") << QStringLiteral("0 */4 * * *") << true;
    QTest::newRow("29 February") << QStringLiteral("0 0 29 2 *") << QStringLiteral("0 0 29 2 *") << false;
    QTest::newRow("30 February or Mondays") << QStringLiteral("0 0 30 2 1") << QStringLiteral("0 0 30 2 1") << false;
    QTest::newRow("largest steps") << QStringLiteral("*/59 */23 */31 */12 */7")
                                   << QStringLiteral("*/59 */23 */31 */12 */7") << true;
}

void TestCronSchedule::parse_accepts()
{
    QFETCH(QString, expression);
    QFETCH(QString, normalised);
    QFETCH(bool, interval);
    const Result<CronSchedule> schedule = CronSchedule::parse(expression);
    QVERIFY2(schedule.ok(), qPrintable(schedule ? QString() : schedule.error().message));
    QCOMPARE(schedule->expression(), normalised);
    QCOMPARE(schedule->isInterval(), interval);
}

void TestCronSchedule::nextAfter_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");

    // Europe/Berlin springs forward on 2026-03-29 at 01:00 UTC (02:00 CET becomes 03:00 CEST).
    QTest::newRow("Berlin spring: skipped time fires at the gap's end")
        << "30 2 * * *"
        << "Europe/Berlin" << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("Berlin spring: the day after is normal")
        << "30 2 * * *"
        << "Europe/Berlin" << utc("2026-03-29T01:00:00Z") << utc("2026-03-30T00:30:00Z");
    QTest::newRow("Berlin spring: times in the gap fire once")
        << "0,30 2-3 * * *"
        << "Europe/Berlin" << utc("2026-03-29T01:00:00Z") << utc("2026-03-29T01:30:00Z");
    QTest::newRow("Berlin spring: 03:00 is the first instant after the gap")
        << "0 3 * * *"
        << "Europe/Berlin" << utc("2026-03-29T00:00:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("Berlin spring: an interval skips the gap")
        << "30 * * * *"
        << "Europe/Berlin" << utc("2026-03-29T00:30:00Z") << utc("2026-03-29T01:30:00Z");
    QTest::newRow("Berlin spring: quarter hours jump to 03:00")
        << "*/15 * * * *"
        << "Europe/Berlin" << utc("2026-03-29T00:50:00Z") << utc("2026-03-29T01:00:00Z");
    // Europe/Berlin falls back on 2026-10-25 at 01:00 UTC (03:00 CEST becomes 02:00 CET).
    QTest::newRow("Berlin fall: first occurrence")
        << "30 2 * * *"
        << "Europe/Berlin" << utc("2026-10-24T12:00:00Z") << utc("2026-10-25T00:30:00Z");
    QTest::newRow("Berlin fall: not again in the repeated hour")
        << "30 2 * * *"
        << "Europe/Berlin" << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:30:00Z");
    QTest::newRow("Berlin fall: minutes of a fixed hour not repeated")
        << "*/30 2 * * *"
        << "Europe/Berlin" << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:00:00Z");
    QTest::newRow("Berlin fall: an interval fires in the repeated hour")
        << "30 * * * *"
        << "Europe/Berlin" << utc("2026-10-25T00:30:00Z") << utc("2026-10-25T01:30:00Z");
    QTest::newRow("Berlin fall: an interval after the repeated hour")
        << "30 * * * *"
        << "Europe/Berlin" << utc("2026-10-25T01:30:00Z") << utc("2026-10-25T02:30:00Z");
    QTest::newRow("Berlin fall: hourly at the top")
        << "0 * * * *"
        << "Europe/Berlin" << utc("2026-10-25T00:00:00Z") << utc("2026-10-25T01:00:00Z");
    // America/New_York springs forward on 2026-03-08 at 07:00 UTC and falls back on 2026-11-01
    // at 06:00 UTC (01:00-01:59 happens twice).
    QTest::newRow("New York spring: skipped time")
        << "30 2 * * *"
        << "America/New_York" << utc("2026-03-07T12:00:00Z") << utc("2026-03-08T07:00:00Z");
    QTest::newRow("New York spring: next day")
        << "30 2 * * *"
        << "America/New_York" << utc("2026-03-08T07:00:00Z") << utc("2026-03-09T06:30:00Z");
    QTest::newRow("New York fall: first occurrence")
        << "30 1 * * *"
        << "America/New_York" << utc("2026-11-01T00:00:00Z") << utc("2026-11-01T05:30:00Z");
    QTest::newRow("New York fall: once") << "30 1 * * *"
                                         << "America/New_York" << utc("2026-11-01T05:30:00Z")
                                         << utc("2026-11-02T06:30:00Z");
    QTest::newRow("New York fall: interval repeats")
        << "*/20 * * * *"
        << "America/New_York" << utc("2026-11-01T05:40:00Z") << utc("2026-11-01T06:00:00Z");
    // Australia/Lord_Howe shifts by 30 minutes: back on 2026-04-05 at 15:00 UTC the day before
    // (02:00 becomes 01:30), forward on 2026-10-04 at 15:30 UTC the day before (02:00 becomes 02:30).
    QTest::newRow("Lord Howe spring: half-hour gap")
        << "15 2 * * *"
        << "Australia/Lord_Howe" << utc("2026-10-03T00:00:00Z") << utc("2026-10-03T15:30:00Z");
    QTest::newRow("Lord Howe fall: first occurrence")
        << "45 1 * * *"
        << "Australia/Lord_Howe" << utc("2026-04-04T00:00:00Z") << utc("2026-04-04T14:45:00Z");
    QTest::newRow("Lord Howe fall: once, next day at +10:30")
        << "45 1 * * *"
        << "Australia/Lord_Howe" << utc("2026-04-04T14:45:00Z") << utc("2026-04-05T15:15:00Z");
    QTest::newRow("Lord Howe fall: interval repeats")
        << "45 * * * *"
        << "Australia/Lord_Howe" << utc("2026-04-04T14:45:00Z") << utc("2026-04-04T15:15:00Z");
    // Calendar rules, in UTC.
    QTest::newRow("31st skips short months") << "0 12 31 * *"
                                             << "" << utc("2026-01-31T12:00:00Z") << utc("2026-03-31T12:00:00Z");
    QTest::newRow("31st after April") << "0 12 31 * *"
                                      << "" << utc("2026-04-01T00:00:00Z") << utc("2026-05-31T12:00:00Z");
    QTest::newRow("29 February waits for a leap year")
        << "0 0 29 2 *"
        << "" << utc("2026-01-01T00:00:00Z") << utc("2028-02-29T00:00:00Z");
    QTest::newRow("29 February four years on") << "0 0 29 2 *"
                                               << "" << utc("2028-02-29T00:00:00Z") << utc("2032-02-29T00:00:00Z");
    QTest::newRow("2100 is not a leap year") << "0 0 29 2 *"
                                             << "" << utc("2096-03-01T00:00:00Z") << utc("2104-02-29T00:00:00Z");
    QTest::newRow("29 February on a Sunday (both restricted: either)")
        << "0 0 29 2 0"
        << "" << utc("2026-02-01T00:00:00Z") << utc("2026-02-08T00:00:00Z");
    QTest::newRow("29 February on starred weekdays (both must match)")
        << "0 0 29 2 */7"
        << "" << utc("2026-01-01T00:00:00Z") << utc("2032-02-29T00:00:00Z");
    QTest::newRow("day of month or day of week: the Friday")
        << "0 9 13 * FRI"
        << "" << utc("2026-04-01T00:00:00Z") << utc("2026-04-03T09:00:00Z");
    QTest::newRow("day of month or day of week: the 13th")
        << "0 9 13 * FRI"
        << "" << utc("2026-04-10T09:00:00Z") << utc("2026-04-13T09:00:00Z");
    QTest::newRow("30 February or a Monday") << "0 0 30 2 1"
                                             << "" << utc("2026-02-01T00:00:00Z") << utc("2026-02-02T00:00:00Z");
    QTest::newRow("names") << "0 8 * JAN,jul mon-Fri"
                           << "" << utc("2026-06-15T00:00:00Z") << utc("2026-07-01T08:00:00Z");
    QTest::newRow("7 is Sunday") << "0 0 * * 7"
                                 << "" << utc("2026-03-02T00:00:00Z") << utc("2026-03-08T00:00:00Z");
    QTest::newRow("range to 7") << "0 0 * * 5-7"
                                << "" << utc("2026-03-01T00:00:00Z") << utc("2026-03-06T00:00:00Z");
    QTest::newRow("step") << "*/15 * * * *"
                          << "" << utc("2026-05-05T10:07:00Z") << utc("2026-05-05T10:15:00Z");
    QTest::newRow("range step") << "10-50/20 * * * *"
                                << "" << utc("2026-05-05T10:31:00Z") << utc("2026-05-05T10:50:00Z");
    QTest::newRow("range step wraps the hour") << "10-50/20 * * * *"
                                               << "" << utc("2026-05-05T10:50:00Z") << utc("2026-05-05T11:10:00Z");
    QTest::newRow("strictly after") << "0 9 * * *"
                                    << "" << utc("2026-05-05T09:00:00Z") << utc("2026-05-06T09:00:00Z");
    QTest::newRow("a millisecond before") << "0 9 * * *"
                                          << "" << utc("2026-05-05T08:59:59.999Z") << utc("2026-05-05T09:00:00Z");
    QTest::newRow("seconds into the minute") << "* * * * *"
                                             << "" << utc("2026-05-05T09:00:30Z") << utc("2026-05-05T09:01:00Z");
    QTest::newRow("year wrap") << "0 0 1 1 *"
                               << "" << utc("2026-12-31T23:59:59Z") << utc("2027-01-01T00:00:00Z");
    QTest::newRow("year wrap in Berlin") << "0 0 1 1 *"
                                         << "Europe/Berlin" << utc("2026-12-31T22:00:00Z")
                                         << utc("2026-12-31T23:00:00Z");
    QTest::newRow("year wrap in Berlin, strictly after")
        << "0 0 1 1 *"
        << "Europe/Berlin" << utc("2026-12-31T23:00:00Z") << utc("2027-12-31T23:00:00Z");
    QTest::newRow("a zone ahead of UTC crosses the date line")
        << "0 9 * * 1"
        << "Pacific/Auckland" << utc("2026-07-05T00:00:00Z") << utc("2026-07-05T21:00:00Z");
}

void TestCronSchedule::nextAfter()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    if (!zone.isEmpty()) {
        QVERIFY2(QTimeZone(zone.toUtf8()).isValid(), qPrintable(zone));
    }
    const Result<CronSchedule> schedule = CronSchedule::parse(expression);
    QVERIFY2(schedule.ok(), qPrintable(schedule ? QString() : schedule.error().message));
    const QDateTime next = schedule->nextAfter(after, CronSchedule::zone(zone));
    QCOMPARE(next, expected);
    QCOMPARE(next.timeSpec(), Qt::UTC);
}

void TestCronSchedule::nextAfter_sequenceAcrossFallBack_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("fires"); // space-separated UTC times

    // From 00:00 UTC on 2026-10-25 (02:00 CEST) in Berlin, the 02:00 hour happens twice.
    QTest::newRow("interval: both occurrences")
        << "*/30 * * * *"
        << "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z 2026-10-25T01:30:00Z 2026-10-25T02:00:00Z";
    QTest::newRow("fixed: first occurrence only")
        << "0,30 2,3 * * *"
        << "2026-10-25T00:30:00Z 2026-10-25T02:00:00Z 2026-10-25T02:30:00Z 2026-10-26T01:00:00Z";
}

void TestCronSchedule::nextAfter_sequenceAcrossFallBack()
{
    QFETCH(QString, expression);
    QFETCH(QString, fires);
    const Result<CronSchedule> schedule = CronSchedule::parse(expression);
    QVERIFY(schedule.ok());
    const QTimeZone berlin("Europe/Berlin");
    QDateTime time = utc("2026-10-25T00:00:00Z");
    QStringList seen;
    const QStringList expected = fires.split(QLatin1Char(' '));
    for (int i = 0; i < expected.size(); ++i) {
        time = schedule->nextAfter(time, berlin);
        seen.append(time.toString(Qt::ISODate));
    }
    QCOMPARE(seen, expected);
}

void TestCronSchedule::nextAfter_emptyOrInvalidZoneIsUtc()
{
    const Result<CronSchedule> schedule = CronSchedule::parse(QStringLiteral("0 9 * * *"));
    QVERIFY(schedule.ok());
    const QDateTime after = utc("2026-05-05T00:00:00Z");
    QCOMPARE(schedule->nextAfter(after, CronSchedule::zone(QString())), utc("2026-05-05T09:00:00Z"));
    QCOMPARE(schedule->nextAfter(after, QTimeZone()), utc("2026-05-05T09:00:00Z"));
    QCOMPARE(schedule->nextAfter(after, CronSchedule::zone(QStringLiteral("Europe/Berlin"))),
             utc("2026-05-05T07:00:00Z"));
}

void TestCronSchedule::nextAfter_thousandSchedulesAreCheap()
{
    // Walking minute by minute would take millions of steps for each of these; stepping by
    // days, hours and minutes takes a few hundred.
    const QStringList expressions{QStringLiteral("0 0 29 2 *"), QStringLiteral("* * * * *"),
                                  QStringLiteral("59 23 31 12 *"), QStringLiteral("30 2 * * *")};
    const QTimeZone berlin("Europe/Berlin");
    QList<CronSchedule> schedules;
    for (int i = 0; i < 1000; ++i) {
        schedules.append(CronSchedule::parse(expressions.at(i % expressions.size())).value());
    }
    QElapsedTimer timer;
    timer.start();
    const QDateTime after = utc("2026-03-01T00:00:00Z");
    for (const CronSchedule &schedule : std::as_const(schedules)) {
        QVERIFY(schedule.nextAfter(after, berlin).isValid());
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestCronSchedule::nextFires_mergesTriggersInTimeOrder()
{
    AgentSpec spec;
    spec.triggers = {{QStringLiteral("schedule"), QStringLiteral("0 9 * * *"), QStringLiteral("Europe/Berlin")},
                     {QStringLiteral("event"), QStringLiteral("lead.created"), QString()},
                     {QStringLiteral("schedule"), QStringLiteral("30 8 * * *"), QString()}};
    const QList<PlannedFire> fires = nextFires(spec, utc("2026-06-01T00:00:00Z"), 5);
    QCOMPARE(fires.size(), 5);
    const QList<QDateTime> times{utc("2026-06-01T07:00:00Z"), utc("2026-06-01T08:30:00Z"), utc("2026-06-02T07:00:00Z"),
                                 utc("2026-06-02T08:30:00Z"), utc("2026-06-03T07:00:00Z")};
    for (int i = 0; i < fires.size(); ++i) {
        QCOMPARE(fires.at(i).at, times.at(i));
        QCOMPARE(fires.at(i).trigger, spec.triggers.at(i % 2 == 0 ? 0 : 2));
    }
    QVERIFY(nextFires(spec, utc("2026-06-01T00:00:00Z"), 0).isEmpty());
    AgentSpec eventsOnly;
    eventsOnly.triggers = {{QStringLiteral("event"), QStringLiteral("lead.created"), QString()}};
    QVERIFY(nextFires(eventsOnly, utc("2026-06-01T00:00:00Z"), 3).isEmpty());
}

void TestCronSchedule::nextFires_keepsTiesInSpecOrder()
{
    AgentSpec spec;
    spec.triggers = {{QStringLiteral("schedule"), QStringLiteral("0 * * * *"), QString()},
                     {QStringLiteral("schedule"), QStringLiteral("0 */2 * * *"), QString()}};
    const QList<PlannedFire> fires = nextFires(spec, utc("2026-06-01T00:30:00Z"), 4);
    QCOMPARE(fires.size(), 4);
    QCOMPARE(fires.at(0), (PlannedFire{utc("2026-06-01T01:00:00Z"), spec.triggers.at(0)}));
    QCOMPARE(fires.at(1), (PlannedFire{utc("2026-06-01T02:00:00Z"), spec.triggers.at(0)}));
    QCOMPARE(fires.at(2), (PlannedFire{utc("2026-06-01T02:00:00Z"), spec.triggers.at(1)}));
    QCOMPARE(fires.at(3), (PlannedFire{utc("2026-06-01T03:00:00Z"), spec.triggers.at(0)}));
}

QTEST_GUILESS_MAIN(TestCronSchedule)
#include "tst_cronschedule.moc"
