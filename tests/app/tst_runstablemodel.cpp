// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The recent runs table of the detail pane: one reset per agent shown, and each column in
// words a reader expects (status as a word, tokens summed, cost in dollars, latency in seconds).
#include "runstablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace steward;

class TestRunsTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setRuns_resetsOnceAndShowsColumnsInWords();
};

void TestRunsTableModel::setRuns_resetsOnceAndShowsColumnsInWords()
{
    RunsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 7);

    Run finished;
    finished.version = 3;
    finished.trigger = RunTrigger::Schedule;
    finished.triggerDetail = QStringLiteral("0 9 * * 1-5");
    finished.startedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    finished.endedAt = finished.startedAt.addMSecs(1500);
    finished.status = RunStatus::Failed;
    finished.tokensIn = 1000;
    finished.tokensOut = 234;
    finished.cost = 0.0125;
    finished.latencyMs = 1500;
    Run running = finished;
    running.endedAt = {};
    running.status = RunStatus::Running;
    running.trigger = RunTrigger::Manual;
    running.triggerDetail.clear();
    model.setRuns({finished, running});

    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    const auto cell = [&model](int row, RunsTableModel::Column column) {
        return model.index(row, static_cast<int>(column)).data().toString();
    };
    QCOMPARE(cell(0, RunsTableModel::Column::Trigger), QStringLiteral("Schedule: 0 9 * * 1-5"));
    QCOMPARE(cell(0, RunsTableModel::Column::Status), QStringLiteral("Failed"));
    QCOMPARE(cell(0, RunsTableModel::Column::Version), QStringLiteral("v3"));
    QCOMPARE(cell(0, RunsTableModel::Column::Tokens), QStringLiteral("1,234"));
    QCOMPARE(cell(0, RunsTableModel::Column::Cost), QStringLiteral("$0.0125"));
    QCOMPARE(cell(0, RunsTableModel::Column::Latency), QStringLiteral("1.5 s"));
    QCOMPARE(cell(1, RunsTableModel::Column::Trigger), QStringLiteral("Manual"));
    QCOMPARE(cell(1, RunsTableModel::Column::Status), QStringLiteral("Running"));
    QCOMPARE(cell(1, RunsTableModel::Column::Latency), QString());
    QCOMPARE(model.headerData(static_cast<int>(RunsTableModel::Column::Started), Qt::Horizontal).toString(),
             QStringLiteral("Started"));

    model.setRuns({});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestRunsTableModel)
#include "tst_runstablemodel.moc"
