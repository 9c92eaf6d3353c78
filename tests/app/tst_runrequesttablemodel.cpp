// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The requests that did not become runs, beside the run history: started ones are left out
// (the history has them), the rest newest first with the runtime's reason, and a request held
// back by back-off says until when it waits.
#include "runrequesttablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace steward;

namespace {

using Column = RunRequestTableModel::Column;

const QDateTime nine(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());

RunRequestEntry request(RunRequestId id, RunRequestState state, const QDateTime &at, const QString &reason)
{
    RunRequestEntry entry;
    entry.id = id;
    entry.trigger = RunTrigger::Schedule;
    entry.triggerDetail = QStringLiteral("0 9 * * *");
    entry.requestedBy = QStringLiteral("scheduler");
    entry.requestedAt = at;
    entry.notBefore = at;
    entry.state = state;
    entry.reason = reason;
    return entry;
}

} // namespace

class TestRunRequestTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setRequests_keepsThoseNotRun_newestFirst();
};

void TestRunRequestTableModel::setRequests_keepsThoseNotRun_newestFirst()
{
    RunRequestTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    RunRequestEntry waiting = request(4, RunRequestState::Pending, nine.addDays(3), {});
    waiting.notBefore = waiting.requestedAt.addSecs(60);
    RunRequestEntry manual =
        request(3, RunRequestState::Refused, nine.addDays(2), QStringLiteral("the agent is paused"));
    manual.trigger = RunTrigger::Manual;
    manual.triggerDetail = QStringLiteral("try it");
    manual.requestedBy = QStringLiteral("dana.kim");
    model.setRequests({request(1, RunRequestState::Skipped, nine, QStringLiteral("a run is under way")),
                       request(2, RunRequestState::Started, nine.addDays(1), {}), manual, waiting});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(Column::ColumnCount));
    const auto cell = [&model](int row, Column column) { return model.index(row, int(column)).data().toString(); };
    QCOMPARE(cell(0, Column::State), QStringLiteral("Pending"));
    QCOMPARE(cell(0, Column::Reason),
             QStringLiteral("Waits until %1")
                 .arg(QLocale().toString(waiting.notBefore.toLocalTime(), QLocale::ShortFormat)));
    QCOMPARE(cell(1, Column::State), QStringLiteral("Refused"));
    QCOMPARE(cell(1, Column::Trigger), QStringLiteral("Manual: try it"));
    QCOMPARE(cell(1, Column::RequestedBy), QStringLiteral("dana.kim"));
    QCOMPARE(cell(1, Column::Reason), QStringLiteral("the agent is paused"));
    QCOMPARE(cell(2, Column::State), QStringLiteral("Skipped"));
    QCOMPARE(cell(2, Column::Trigger), QStringLiteral("Schedule: 0 9 * * *"));
    QCOMPARE(cell(2, Column::Reason), QStringLiteral("a run is under way"));
    QVERIFY(!model.index(2, int(Column::State)).data(Qt::DecorationRole).isNull());

    model.setRequests({request(2, RunRequestState::Started, nine, {})});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestRunRequestTableModel)
#include "tst_runrequesttablemodel.moc"
