// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Runs page's history: newest first whatever order the runs come in, each column in words,
// the status with its own colour and icon, and a run under way counting its time as the clock
// moves (one dataChanged for its duration cell, no reset).
#include "runhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace steward;

namespace {

using Column = RunHistoryModel::Column;

const QDateTime nine(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());

Run run(RunId id, RunStatus status, const QDateTime &startedAt, qint64 latencyMs)
{
    Run run;
    run.id = id;
    run.version = 3;
    run.trigger = RunTrigger::Schedule;
    run.triggerDetail = QStringLiteral("0 9 * * 1-5");
    run.startedAt = startedAt;
    run.status = status;
    if (status != RunStatus::Running) {
        run.endedAt = startedAt.addMSecs(latencyMs);
        run.latencyMs = latencyMs;
    }
    run.tokensIn = 1000;
    run.tokensOut = 234;
    run.cost = 0.0125;
    return run;
}

} // namespace

class TestRunHistoryModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setRuns_newestFirst_inWords();
    void status_hasItsOwnColourAndIcon();
    void duration_data();
    void duration();
    void runUnderWay_countsItsTime();
};

void TestRunHistoryModel::setRuns_newestFirst_inWords()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.columnCount(), static_cast<int>(Column::ColumnCount));

    Run manual = run(2, RunStatus::Failed, nine.addSecs(3600), 1500);
    manual.trigger = RunTrigger::Manual;
    manual.triggerDetail = QStringLiteral("checking the fix");
    model.setRuns(
        {run(1, RunStatus::Succeeded, nine, 800), manual, run(3, RunStatus::Interrupted, nine.addDays(1), 20)});

    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.runAt(0)->id, 3);
    QCOMPARE(model.runAt(1)->id, 2);
    QCOMPARE(model.runAt(2)->id, 1);
    QCOMPARE(model.runAt(3), nullptr);
    QCOMPARE(model.index(1, 0).data(RunHistoryModel::RunIdRole).toLongLong(), 2);
    const auto cell = [&model](int row, Column column) { return model.index(row, int(column)).data().toString(); };
    QCOMPARE(cell(1, Column::Trigger), QStringLiteral("Manual: checking the fix"));
    QCOMPARE(cell(2, Column::Trigger), QStringLiteral("Schedule: 0 9 * * 1-5"));
    QCOMPARE(cell(1, Column::Status), QStringLiteral("Failed"));
    QCOMPARE(cell(0, Column::Status), QStringLiteral("Interrupted"));
    QCOMPARE(cell(1, Column::Version), QStringLiteral("v3"));
    QCOMPARE(cell(1, Column::Duration), QStringLiteral("1.5 s"));
    QCOMPARE(cell(1, Column::Tokens), QLocale().toString(1234));
    QCOMPARE(cell(1, Column::Cost), QStringLiteral("$%1").arg(QLocale().toString(0.0125, 'f', 4)));
    QCOMPARE(model.index(1, int(Column::Tokens)).data(Qt::ToolTipRole).toString(),
             QStringLiteral("%1 in, %2 out").arg(QLocale().toString(1000), QLocale().toString(234)));
    QVERIFY(!model.hasRunning());

    model.setRuns({});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestRunHistoryModel::status_hasItsOwnColourAndIcon()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({run(1, RunStatus::Succeeded, nine, 1), run(2, RunStatus::Failed, nine.addSecs(1), 1),
                   run(3, RunStatus::Interrupted, nine.addSecs(2), 1), run(4, RunStatus::Running, nine.addSecs(3), 0)});
    QSet<QRgb> colours;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex status = model.index(row, int(Column::Status));
        colours.insert(status.data(Qt::ForegroundRole).value<QBrush>().color().rgb());
        QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
        // Only the status is coloured.
        QVERIFY(!model.index(row, int(Column::Trigger)).data(Qt::ForegroundRole).isValid());
    }
    QCOMPARE(colours.size(), 4);
}

void TestRunHistoryModel::duration_data()
{
    QTest::addColumn<qint64>("latencyMs");
    QTest::addColumn<QString>("shown");
    QTest::newRow("under a second") << qint64(250) << QStringLiteral("250 ms");
    QTest::newRow("a second") << qint64(1000) << QStringLiteral("1.0 s");
    QTest::newRow("seconds") << qint64(12'340) << QStringLiteral("12.3 s");
    QTest::newRow("minutes") << qint64(125'000) << QStringLiteral("2 min 5 s");
    QTest::newRow("hours") << qint64(3'780'000) << QStringLiteral("1 h 3 min");
}

void TestRunHistoryModel::duration()
{
    QFETCH(qint64, latencyMs);
    QFETCH(QString, shown);
    RunHistoryModel model;
    model.setRuns({run(1, RunStatus::Succeeded, nine, latencyMs)});
    QCOMPARE(model.index(0, int(Column::Duration)).data().toString(), shown);

    // A run reported without its latency still has its times.
    Run unmeasured = run(1, RunStatus::Succeeded, nine, latencyMs);
    unmeasured.latencyMs = 0;
    model.setRuns({unmeasured});
    QCOMPARE(model.index(0, int(Column::Duration)).data().toString(), shown);
}

void TestRunHistoryModel::runUnderWay_countsItsTime()
{
    RunHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(nine.addSecs(5));
    model.setRuns({run(1, RunStatus::Succeeded, nine.addSecs(-60), 800), run(2, RunStatus::Running, nine, 0)});
    QVERIFY(model.hasRunning());
    const QModelIndex elapsed = model.index(0, int(Column::Duration));
    QCOMPARE(elapsed.data().toString(), QStringLiteral("running for 5.0 s"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setNow(nine.addSecs(95));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), elapsed);
    QCOMPARE(elapsed.data().toString(), QStringLiteral("running for 1 min 35 s"));
    QCOMPARE(model.index(1, int(Column::Duration)).data().toString(), QStringLiteral("800 ms"));
}

QTEST_MAIN(TestRunHistoryModel)
#include "tst_runhistorymodel.moc"
