// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The inbox's Analytics tab on a real workspace file: the per-reviewer and per-agent tables
// (each model passes QAbstractItemModelTester), the range selector, and the rubber-stamp flag
// on a reviewer who approves everything within seconds but not on one who reads. Screenshots
// go to /tmp/analytics-*.png.
#include "approvalanalyticsview.h"
#include "approvalinbox.h"
#include "decisionstatsmodel.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "sampleworkspace.h"
#include "service/approvalservice.h"
#include "service/localworkspace.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestApprovalAnalyticsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tables_showReviewersAndAgentsOverTheRange();
    void inbox_hasTheAnalyticsTab();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

namespace {

const QString router = QStringLiteral("/acme/sales/inbound/lead-router");
const QString followUp = QStringLiteral("/acme/sales/outbound/follow-up");
const QString quick = QStringLiteral("quinn.quick");
const QString slow = QStringLiteral("sara.slow");
const QString old = QStringLiteral("otto.old");

QString rowText(const DecisionStatsModel &model, int row, DecisionStatsModel::Column column)
{
    return model.index(row, static_cast<int>(column)).data().toString();
}

} // namespace

void TestApprovalAnalyticsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));

    auto store = Store::open(m_path);
    QVERIFY(store.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ManualClock clock(now.addDays(-20));
    OrgService org(*store.value(), clock);
    ApprovalService approvals(*store.value(), clock, org);
    const auto decideAfter = [&](const QString &agentPath, const QString &reviewer, const QString &verdict,
                                 qint64 seconds) {
        NewApproval proposal;
        proposal.agentId = org.tree().nodeByPath(agentPath)->id;
        proposal.title = QStringLiteral("Send it");
        proposal.payload = QStringLiteral("Hello");
        proposal.payloadFormat = QStringLiteral("markdown");
        const auto submitted = approvals.submit(proposal, QStringLiteral("agent:test"));
        QVERIFY2(submitted.ok(), qPrintable(submitted ? QString() : submitted.error().message));
        clock.advance(seconds * 1000);
        const bool approving = verdict == QLatin1String("approve");
        const auto decided = approvals.decide(
            submitted->id, {verdict, 1, approving ? QString() : QStringLiteral("not like this"), {}}, reviewer);
        QVERIFY2(decided.ok(), qPrintable(decided ? QString() : decided.error().message));
    };
    // Twenty days ago: counts in the last 30 days, not in the last 7.
    decideAfter(followUp, old, QStringLiteral("approve"), 90);
    clock.set(now.addDays(-2));
    for (int i = 0; i < 5; ++i) {
        decideAfter(router, quick, QStringLiteral("approve"), 3);
    }
    decideAfter(followUp, slow, QStringLiteral("approve"), 5 * 60);
    decideAfter(followUp, slow, QStringLiteral("reject"), 20 * 60);
}

void TestApprovalAnalyticsView::tables_showReviewersAndAgentsOverTheRange()
{
    auto store = Store::open(m_path);
    QVERIFY(store.ok());
    LocalWorkspace workspace(std::move(store).value(), QStringLiteral("owner"));
    ApprovalAnalyticsView view;
    QAbstractItemModelTester reviewersTester(view.reviewers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester agentsTester(view.agents(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setWorkspace(&workspace);
    QCOMPARE(view.reviewers()->rowCount(), 0); // read when shown
    view.resize(1100, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    using Column = DecisionStatsModel::Column;
    const DecisionStatsModel &reviewers = *view.reviewers();
    QCOMPARE(view.rangeCombo()->currentData().toInt(), 30);
    QCOMPARE(reviewers.rowCount(), 3);
    QCOMPARE(rowText(reviewers, 0, Column::Name), quick);
    QCOMPARE(rowText(reviewers, 0, Column::Decisions), QStringLiteral("5"));
    QCOMPARE(rowText(reviewers, 0, Column::Flag), QStringLiteral("Rubber-stamping?"));
    QVERIFY(reviewers.index(0, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(rowText(reviewers, 1, Column::Name), slow);
    QCOMPARE(rowText(reviewers, 1, Column::Rejected), QStringLiteral("50 %"));
    QCOMPARE(rowText(reviewers, 1, Column::Median), QStringLiteral("12 min 30 s"));
    QCOMPARE(rowText(reviewers, 1, Column::Flag), QString());
    QVERIFY(!reviewers.index(1, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(rowText(reviewers, 2, Column::Name), old);
    QCOMPARE(view.agents()->rowCount(), 2);
    QCOMPARE(rowText(*view.agents(), 0, Column::Name), router);
    QCOMPARE(rowText(*view.agents(), 0, Column::Median), QStringLiteral("3.0 s"));
    // Without an English translation loaded the plurals read "decision(s)", "reviewer(s)".
    QVERIFY2(view.summary().startsWith(QStringLiteral("8 decision")), qPrintable(view.summary()));
    QVERIFY2(view.summary().contains(QStringLiteral("median time to decision 3.0 s")), qPrintable(view.summary()));
    QVERIFY2(view.summary().contains(QStringLiteral("1 reviewer")), qPrintable(view.summary()));
    QVERIFY2(view.summary().contains(QStringLiteral("may be rubber-stamping")), qPrintable(view.summary()));
    QVERIFY(view.grab().save(QStringLiteral("/tmp/analytics-30d.png")));

    view.rangeCombo()->setCurrentIndex(0);
    Q_EMIT view.rangeCombo()->activated(0);
    QCOMPARE(reviewers.rowCount(), 2);
    QCOMPARE(rowText(reviewers, 0, Column::Name), quick);
    QCOMPARE(rowText(reviewers, 1, Column::Name), slow);
    QVERIFY(view.grab().save(QStringLiteral("/tmp/analytics-7d.png")));
}

void TestApprovalAnalyticsView::inbox_hasTheAnalyticsTab()
{
    MainWindow window;
    window.resize(1400, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openWorkspace(m_path));
    ApprovalInbox *inbox = window.inbox();
    auto *places = window.findChild<QTabWidget *>(QStringLiteral("placesTabWidget"));
    QVERIFY(places);
    places->setCurrentWidget(inbox);
    QCOMPARE(inbox->analytics()->reviewers()->rowCount(), 0); // not read while hidden
    auto *approve = inbox->findChild<QAction *>(QStringLiteral("inboxApproveAction"));
    QVERIFY(approve);
    QVERIFY(approve->isEnabled());
    inbox->tabs()->setCurrentWidget(inbox->analytics());
    QCOMPARE(inbox->analytics()->reviewers()->rowCount(), 3);
    // A stray A on the statistics must not approve the pending item out of sight.
    QVERIFY(!approve->isEnabled());
    // The scope above the tabs narrows the analytics too.
    auto *scope = inbox->findChild<QComboBox *>(QStringLiteral("inboxScopeCombo"));
    QVERIFY(scope);
    const int outbound = scope->findText(QStringLiteral("/acme/sales/outbound"));
    QVERIFY(outbound > 0);
    inbox->setScope(scope->itemData(outbound).value<NodeId>());
    QCOMPARE(inbox->analytics()->reviewers()->rowCount(), 2);
    QCOMPARE(inbox->analytics()->agents()->rowCount(), 1);
    QCOMPARE(inbox->analytics()->agents()->rows().first().name, followUp);
    QVERIFY(window.grab().save(QStringLiteral("/tmp/analytics-inbox.png")));
    inbox->tabs()->setCurrentIndex(0);
    QVERIFY(approve->isEnabled());
}

QTEST_MAIN(TestApprovalAnalyticsView)
#include "tst_approvalanalyticsview.moc"
