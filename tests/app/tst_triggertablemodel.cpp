// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Runs page's triggers: each schedule's next run times in its own zone and, where the
// user's clock shows another time, in the user's too; events say they wait for the event; and
// while the agent does not run, every row says why instead of promising runs.
#include "triggertablemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace steward;

namespace {

using Column = TriggerTableModel::Column;

const QTimeZone berlin("Europe/Berlin");

// 09:00 in Berlin on three days in November (UTC+1).
QList<QDateTime> berlinMornings()
{
    QList<QDateTime> times;
    for (int day = 25; day <= 27; ++day) {
        times.append(QDateTime(QDate(2026, 11, day), QTime(9, 0), berlin).toUTC());
    }
    return times;
}

QList<TriggerTableModel::Row> sampleRows()
{
    return {
        {{QStringLiteral("schedule"), QStringLiteral("0 9 * * *"), QStringLiteral("Europe/Berlin")}, berlinMornings()},
        {{QStringLiteral("event"), QStringLiteral("lead.created"), {}}, {}},
        // Feb 29 on a Sunday is far off: nothing within the plan.
        {{QStringLiteral("schedule"), QStringLiteral("0 0 29 2 0"), {}}, {}}};
}

} // namespace

class TestTriggerTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextRuns_inTheTriggersZone_andTheUsers();
    void nextRuns_onceWhenTheZonesAgree();
    void notRunning_saysWhyOnEveryRow();
};

void TestTriggerTableModel::nextRuns_inTheTriggersZone_andTheUsers()
{
    TriggerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLocalZone(QTimeZone("America/New_York"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTriggers(sampleRows(), {});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(Column::ColumnCount));

    const auto cell = [&model](int row, Column column) { return model.index(row, int(column)).data().toString(); };
    QCOMPARE(cell(0, Column::Kind), QStringLiteral("Schedule"));
    QCOMPARE(cell(0, Column::Value), QStringLiteral("0 9 * * *"));
    QCOMPARE(cell(0, Column::TimeZone), QStringLiteral("Europe/Berlin"));
    const QLocale locale;
    const QStringList lines = cell(0, Column::NextRuns).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QDateTime there(QDate(2026, 11, 25 + i), QTime(9, 0), berlin);
        // 09:00 in Berlin is 03:00 in New York, the same day.
        QCOMPARE(
            lines.at(i),
            QStringLiteral("%1 (your time %2)")
                .arg(locale.toString(there, QLocale::ShortFormat), locale.toString(QTime(3, 0), QLocale::ShortFormat)));
    }

    QCOMPARE(cell(1, Column::Kind), QStringLiteral("Event"));
    QCOMPARE(cell(1, Column::TimeZone), QString());
    QCOMPARE(cell(1, Column::NextRuns), QStringLiteral("When the event arrives"));
    QCOMPARE(cell(2, Column::TimeZone), QStringLiteral("UTC"));
    QCOMPARE(cell(2, Column::NextRuns), QStringLiteral("None ahead"));

    // In Tokyo the same instants are the evening of the same day.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLocalZone(QTimeZone("Asia/Tokyo"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(cell(0, Column::NextRuns)
                .startsWith(
                    QStringLiteral("%1 (your time %2)")
                        .arg(locale.toString(QDateTime(QDate(2026, 11, 25), QTime(9, 0), berlin), QLocale::ShortFormat),
                             locale.toString(QTime(17, 0), QLocale::ShortFormat))));
}

void TestTriggerTableModel::nextRuns_onceWhenTheZonesAgree()
{
    TriggerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Another zone name with Berlin's clock shows each time once.
    model.setLocalZone(QTimeZone("Europe/Paris"));
    model.setTriggers(sampleRows(), {});
    const QString shown = model.index(0, int(Column::NextRuns)).data().toString();
    QVERIFY2(!shown.contains(QStringLiteral("your time")), qPrintable(shown));
    QCOMPARE(shown.split(QLatin1Char('\n')).first(),
             QLocale().toString(QDateTime(QDate(2026, 11, 25), QTime(9, 0), berlin), QLocale::ShortFormat));
}

void TestTriggerTableModel::notRunning_saysWhyOnEveryRow()
{
    TriggerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTriggers(sampleRows(), QStringLiteral("Paused: no runs"));
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, int(Column::NextRuns)).data().toString(), QStringLiteral("Paused: no runs"));
    }
    // The triggers themselves still show.
    QCOMPARE(model.index(0, int(Column::Value)).data().toString(), QStringLiteral("0 9 * * *"));
    model.setTriggers({}, {});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestTriggerTableModel)
#include "tst_triggertablemodel.moc"
