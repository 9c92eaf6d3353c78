// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reviewer analytics: decisions counted per reviewer, per agent and for the subtree within the
// range, times to decision with their median and 90th percentile, the rates, the rubber-stamp
// flag, and decisions on agents the asker may not see left out; their JSON read back as written.
#include "api/approvalanalyticsjson.h"
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/approvalanalyticsservice.h"
#include "service/approvalservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/store.h"
#include "teststore.h"

#include <QJsonArray>
#include <QTest>

using namespace steward;

class TestApprovalAnalytics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void percentiles_interpolateBetweenRanks_data();
    void percentiles_interpolateBetweenRanks();
    void owner_seesEveryDecisionInTheRange();
    void reviewer_seesOnlyVisibleAgents();
    void subtree_limitsTheAgents();
    void range_isChecked();
    void json_roundTrips();
    void json_refusesBadShapes_data();
    void json_refusesBadShapes();

private:
    [[nodiscard]] NodeId idOf(const QString &path) const;
    // Submits an approval to the agent now, lets `seconds` pass and has `reviewer` decide it.
    void decideAfter(const QString &agentPath, const QString &reviewer, const QString &verdict, qint64 seconds);

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AccessService> m_access;
    std::unique_ptr<ApprovalService> m_approvals;
    QDateTime m_from;
};

namespace {

const QString admin = QStringLiteral("ada.admin");
const QString because = QStringLiteral("setting up");
const QString mailer = QStringLiteral("/acme/sales/outbound/mailer");
const QString hidden = QStringLiteral("/acme/support/desk/hidden");
const QString rita = QStringLiteral("rita");
const QString ross = QStringLiteral("ross");
const QString boss = QStringLiteral("boss");

QString specOf()
{
    return QStringLiteral("model: m\ninstructions: |\n  Work.\ncriticality: standard\n");
}

template<typename T> QString messageOf(const Result<T> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

void TestApprovalAnalytics::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_from = QDateTime(QDate(2026, 8, 1), QTime(9, 0), Qt::UTC);
    m_clock = std::make_unique<ManualClock>(m_from.addDays(-1));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_access = std::make_unique<AccessService>(*m_store, *m_clock, *m_org);
    m_approvals = std::make_unique<ApprovalService>(*m_store, *m_clock, *m_org);
    AgentService agents(*m_store, *m_clock, *m_org);
    const auto acme = m_org->createCompany(QStringLiteral("acme"), admin, because);
    const auto sales = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), admin, because);
    const auto support = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), admin, because);
    const auto outbound = m_org->createGroup(sales->id, NodeKind::Team, QStringLiteral("outbound"), admin, because);
    const auto desk = m_org->createGroup(support->id, NodeKind::Team, QStringLiteral("desk"), admin, because);
    QVERIFY(outbound.ok() && desk.ok());
    QVERIFY(agents
                .createAgent({outbound->id, QStringLiteral("mailer"), QStringLiteral("dana"), Visibility::Public,
                              Criticality::Standard, specOf()},
                             admin, because)
                .ok());
    QVERIFY(agents
                .createAgent({desk->id, QStringLiteral("hidden"), QStringLiteral("dana"), Visibility::Private,
                              Criticality::Standard, specOf()},
                             admin, because)
                .ok());
    const QList<std::pair<QString, QString>> people{
        {rita, QStringLiteral("/acme/sales/outbound")}, {ross, QStringLiteral("/acme/sales/outbound")}, {boss, hidden}};
    for (const auto &[name, path] : people) {
        QVERIFY(m_access->addPrincipal(name, {}, PrincipalKind::User, admin, because).ok());
        const auto granted = m_access->grant(name, Role::Reviewer, path, admin, because);
        QVERIFY2(granted.ok(), qPrintable(messageOf(granted)));
    }

    // Before the range: one quick approval that must not count.
    decideAfter(mailer, rita, QStringLiteral("approve"), 1);
    m_clock->set(m_from);
    // rita approves within seconds, every time.
    for (const qint64 seconds : {2, 4, 6, 8}) {
        decideAfter(mailer, rita, QStringLiteral("approve"), seconds);
    }
    // ross reads: a minute, two, five.
    decideAfter(mailer, ross, QStringLiteral("approve"), 60);
    decideAfter(mailer, ross, QStringLiteral("reject"), 120);
    decideAfter(mailer, ross, QStringLiteral("edit"), 300);
    // boss decides on the private agent.
    decideAfter(hidden, boss, QStringLiteral("approve"), 30);
}

void TestApprovalAnalytics::cleanup()
{
    m_approvals.reset();
    m_access.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

NodeId TestApprovalAnalytics::idOf(const QString &path) const
{
    const auto node = m_org->tree().nodeByPath(path);
    return node ? node->id : NoNode;
}

void TestApprovalAnalytics::decideAfter(const QString &agentPath, const QString &reviewer, const QString &verdict,
                                        qint64 seconds)
{
    NewApproval proposal;
    proposal.agentId = idOf(agentPath);
    proposal.title = QStringLiteral("Send the offer");
    proposal.payload = QStringLiteral("Hello");
    proposal.payloadFormat = QStringLiteral("markdown");
    proposal.action = {{QStringLiteral("type"), QStringLiteral("webhook")},
                       {QStringLiteral("url"), QStringLiteral("https://hooks.example.com/send")},
                       {QStringLiteral("secret"), QStringLiteral("crm")}};
    const auto submitted = m_approvals->submit(proposal, QStringLiteral("bot"));
    QVERIFY2(submitted.ok(), qPrintable(messageOf(submitted)));
    m_clock->advance(seconds * 1000);
    const bool approving = verdict == QLatin1String("approve");
    const auto decided = m_approvals->decide(
        submitted->id,
        ApprovalDecisionRequest{verdict, 1, approving ? QString() : QStringLiteral("not quite"),
                                verdict == QLatin1String("edit") ? QStringLiteral("Hello there") : QString()},
        reviewer);
    QVERIFY2(decided.ok(), qPrintable(messageOf(decided)));
    m_clock->advance(1000);
}

void TestApprovalAnalytics::percentiles_interpolateBetweenRanks_data()
{
    QTest::addColumn<QList<qint64>>("durations");
    QTest::addColumn<qint64>("median");
    QTest::addColumn<qint64>("p90");
    QTest::newRow("none") << QList<qint64>{} << qint64(0) << qint64(0);
    QTest::newRow("one") << QList<qint64>{7} << qint64(7) << qint64(7);
    QTest::newRow("two") << QList<qint64>{10, 20} << qint64(15) << qint64(19);
    QTest::newRow("unsorted") << QList<qint64>{50, 10, 30, 20, 40} << qint64(30) << qint64(46);
    QTest::newRow("eleven") << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100} << qint64(5) << qint64(9);
}

void TestApprovalAnalytics::percentiles_interpolateBetweenRanks()
{
    QFETCH(QList<qint64>, durations);
    QFETCH(qint64, median);
    QFETCH(qint64, p90);
    QList<DecisionSample> samples;
    for (const qint64 duration : durations) {
        samples.append({QStringLiteral("approve"), duration});
    }
    const DecisionStats stats = decisionStatsOf(samples);
    QCOMPARE(stats.decisions, durations.size());
    QCOMPARE(stats.medianMs, median);
    QCOMPARE(stats.p90Ms, p90);
}

void TestApprovalAnalytics::owner_seesEveryDecisionInTheRange()
{
    const auto analytics =
        ApprovalAnalyticsService(*m_store).analytics(idOf(QStringLiteral("/acme")), m_from, m_from.addDays(7));
    QVERIFY2(analytics.ok(), qPrintable(messageOf(analytics)));
    QCOMPARE(analytics->subtree.decisions, 8);
    QCOMPARE(analytics->subtree.approvals, 6);
    QCOMPARE(analytics->subtree.rejections, 1);
    QCOMPARE(analytics->subtree.edits, 1);
    QCOMPARE(analytics->reviewers.size(), 3);

    const ReviewerAnalytics &first = analytics->reviewers.at(0);
    QCOMPARE(first.reviewer, rita);
    QCOMPARE(first.stats.decisions, 4);
    QCOMPARE(first.stats.approvals, 4);
    QCOMPARE(first.stats.medianMs, 5000);
    QCOMPARE(first.stats.p90Ms, 7400);
    QCOMPARE(first.stats.approvalRate(), 1.0);
    QVERIFY(first.stats.looksRubberStamped());

    const ReviewerAnalytics &second = analytics->reviewers.at(1);
    QCOMPARE(second.reviewer, ross);
    QCOMPARE(second.stats.decisions, 3);
    QCOMPARE(second.stats.approvals, 1);
    QCOMPARE(second.stats.rejections, 1);
    QCOMPARE(second.stats.edits, 1);
    QCOMPARE(second.stats.medianMs, 120'000);
    QCOMPARE(second.stats.p90Ms, 264'000);
    QCOMPARE(second.stats.rejectionRate(), 1.0 / 3.0);
    QVERIFY(!second.stats.looksRubberStamped());

    const ReviewerAnalytics &third = analytics->reviewers.at(2);
    QCOMPARE(third.reviewer, boss);
    QCOMPARE(third.stats.decisions, 1);
    QCOMPARE(third.stats.medianMs, 30'000);

    QCOMPARE(analytics->agents.size(), 2);
    QCOMPARE(analytics->agents.at(0).path, mailer);
    QCOMPARE(analytics->agents.at(0).stats.decisions, 7);
    QCOMPARE(analytics->agents.at(0).stats.editRate(), 1.0 / 7.0);
    QCOMPARE(analytics->agents.at(1).path, hidden);
    QCOMPARE(analytics->agents.at(1).agentId, idOf(hidden));
}

void TestApprovalAnalytics::reviewer_seesOnlyVisibleAgents()
{
    const auto principal = m_access->principals().byName(ross);
    const auto grants = m_access->principals().grantsOf(principal->id);
    const VisibilityFilter visibility(PrincipalKind::User, grants.value());
    const auto analytics = ApprovalAnalyticsService(*m_store).analytics(idOf(QStringLiteral("/acme")), m_from,
                                                                        m_from.addDays(7), &visibility);
    QVERIFY2(analytics.ok(), qPrintable(messageOf(analytics)));
    QCOMPARE(analytics->subtree.decisions, 7);
    QCOMPARE(analytics->reviewers.size(), 2);
    QCOMPARE(analytics->agents.size(), 1);
    QCOMPARE(analytics->agents.first().path, mailer);
}

void TestApprovalAnalytics::subtree_limitsTheAgents()
{
    const auto analytics =
        ApprovalAnalyticsService(*m_store).analytics(idOf(QStringLiteral("/acme/support")), m_from, m_from.addDays(7));
    QVERIFY2(analytics.ok(), qPrintable(messageOf(analytics)));
    QCOMPARE(analytics->subtree.decisions, 1);
    QCOMPARE(analytics->reviewers.size(), 1);
    QCOMPARE(analytics->reviewers.first().reviewer, boss);
    // The range's end is exclusive: rita's fourth approval came 23 s after its start.
    const auto early = ApprovalAnalyticsService(*m_store).analytics(idOf(mailer), m_from, m_from.addSecs(23));
    QVERIFY2(early.ok(), qPrintable(messageOf(early)));
    QCOMPARE(early->subtree.decisions, 3);
}

void TestApprovalAnalytics::range_isChecked()
{
    const ApprovalAnalyticsService service(*m_store);
    const NodeId acme = idOf(QStringLiteral("/acme"));
    QCOMPARE(service.analytics(acme, m_from, m_from).error().code, Error::Code::Invalid);
    QCOMPARE(service.analytics(acme, m_from, m_from.addDays(400)).error().code, Error::Code::Invalid);
    QCOMPARE(service.analytics(987654, m_from, m_from.addDays(1)).error().code, Error::Code::NotFound);
}

void TestApprovalAnalytics::json_roundTrips()
{
    const auto written =
        ApprovalAnalyticsService(*m_store).analytics(idOf(QStringLiteral("/acme")), m_from, m_from.addDays(7));
    QVERIFY2(written.ok(), qPrintable(messageOf(written)));
    const QJsonObject json = toJson(written.value());
    QCOMPARE(json.value(QStringLiteral("subtree")).toObject().value(QStringLiteral("approvalRate")).toDouble(), 0.75);
    QCOMPARE(
        json.value(QStringLiteral("reviewers")).toArray().first().toObject().value(QStringLiteral("rubberStamping")),
        QJsonValue(true));
    const auto read = approvalAnalyticsFromJson(json);
    QVERIFY2(read.ok(), qPrintable(messageOf(read)));
    QCOMPARE(read->nodeId, written->nodeId);
    QCOMPARE(read->from, written->from);
    QCOMPARE(read->to, written->to);
    QCOMPARE(read->subtree, written->subtree);
    QCOMPARE(read->reviewers.size(), written->reviewers.size());
    for (qsizetype i = 0; i < read->reviewers.size(); ++i) {
        QCOMPARE(read->reviewers.at(i).reviewer, written->reviewers.at(i).reviewer);
        QCOMPARE(read->reviewers.at(i).stats, written->reviewers.at(i).stats);
    }
    QCOMPARE(read->agents.size(), written->agents.size());
    for (qsizetype i = 0; i < read->agents.size(); ++i) {
        QCOMPARE(read->agents.at(i).agentId, written->agents.at(i).agentId);
        QCOMPARE(read->agents.at(i).path, written->agents.at(i).path);
        QCOMPARE(read->agents.at(i).stats, written->agents.at(i).stats);
    }
}

void TestApprovalAnalytics::json_refusesBadShapes_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("where");
    QTest::newRow("time") << QStringLiteral("from") << QJsonValue(QStringLiteral("soon")) << QStringLiteral("from");
    QTest::newRow("subtree") << QStringLiteral("subtree") << QJsonValue(3) << QStringLiteral("subtree");
    QTest::newRow("negative count") << QStringLiteral("reviewers")
                                    << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("reviewer"), rita},
                                                                         {QStringLiteral("decisions"), -1}}})
                                    << QStringLiteral("reviewers[0].decisions");
    QTest::newRow("agent path") << QStringLiteral("agents")
                                << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("agentId"), 4}}})
                                << QStringLiteral("agents[0].path");
}

void TestApprovalAnalytics::json_refusesBadShapes()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    ApprovalAnalytics analytics;
    analytics.nodeId = 1;
    analytics.from = m_from;
    analytics.to = m_from.addDays(1);
    QJsonObject json = toJson(analytics);
    QVERIFY(approvalAnalyticsFromJson(json).ok());
    json.insert(key, value);
    const auto read = approvalAnalyticsFromJson(json);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, Error::Code::Invalid);
    QVERIFY2(read.error().message.startsWith(where + QStringLiteral(": ")), qPrintable(read.error().message));
}

QTEST_GUILESS_MAIN(TestApprovalAnalytics)
#include "tst_approvalanalytics.moc"
