// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The scheduler on a real store with a manual clock and explicit passes (fireDue), so no test
// waits for a minute: which agents' schedules are planned (active, with a runner), the next
// fire in the trigger's time zone, one request per fire with its key (also across two
// schedulers on one database), overdue fires collapsed into the latest, a reload that keeps
// what was planned and drops a paused agent.
#include "domain/clock.h"
#include "runtime/runrequestservice.h"
#include "runtime/scheduler.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/runrequestrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace steward;

namespace {

QString specWith(const QString &lines)
{
    return QStringLiteral("model: a\ninstructions: |\n  Work.\ncriticality: standard\n") + lines;
}

} // namespace

class TestScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reload_plansActiveAgentsWithARunnerOnly();
    void nextFire_followsTheTriggersZone();
    void fireDue_insertsEachFireOnce();
    void fireDue_twoSchedulers_oneRequestPerFire();
    void fireDue_overdueFires_onlyTheLatest();
    void reload_pausedAgent_stopsItsSchedule();

private:
    [[nodiscard]] NodeId addAgent(const QString &name, const QString &spec);
    [[nodiscard]] QList<RunRequestEntry> requestsOf(NodeId agent) const;
    [[nodiscard]] std::unique_ptr<Scheduler> scheduler();

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<RunRequestService> m_requests;
    NodeId m_team = NoNode;
};

void TestScheduler::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    // A Monday, 08:58:30 UTC (10:58:30 in Berlin, summer time).
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 5, 4), QTime(8, 58, 30), Qt::UTC));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_requests = std::make_unique<RunRequestService>(*m_store, *m_clock);
    const auto acme = m_org->createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    m_team = acme->id;
}

void TestScheduler::cleanup()
{
    m_requests.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

NodeId TestScheduler::addAgent(const QString &name, const QString &spec)
{
    AgentService agents(*m_store, *m_clock, *m_org);
    const auto agent =
        agents.createAgent({m_team, name, QStringLiteral("dana"), Visibility::Team, Criticality::Standard, spec},
                           QStringLiteral("ops"), QStringLiteral("setup"));
    if (!agent) {
        qWarning("%s", qPrintable(agent.error().message));
        return NoNode;
    }
    return agent->id;
}

QList<RunRequestEntry> TestScheduler::requestsOf(NodeId agent) const
{
    const Result<QList<RunRequestEntry>> recent = m_requests->recent(agent, 100);
    return recent ? recent.value() : QList<RunRequestEntry>{};
}

std::unique_ptr<Scheduler> TestScheduler::scheduler()
{
    auto made = std::make_unique<Scheduler>(*m_store, *m_clock, *m_requests, Scheduler::Options{});
    if (const Status reloaded = made->reload(); !reloaded) {
        qWarning("%s", qPrintable(reloaded.error().message));
    }
    return made;
}

void TestScheduler::reload_plansActiveAgentsWithARunnerOnly()
{
    const QString runner = QStringLiteral("runner: command /bin/true\n");
    QVERIFY(addAgent(QStringLiteral("every"),
                     specWith(QStringLiteral("triggers:\n  - schedule * * * * *\n  - event x\n  - schedule 0 9 * * *\n")
                              + runner))
            != NoNode);
    QVERIFY(addAgent(QStringLiteral("norunner"), specWith(QStringLiteral("triggers:\n  - schedule * * * * *\n")))
            != NoNode);
    QVERIFY(addAgent(QStringLiteral("events"), specWith(QStringLiteral("triggers:\n  - event x\n") + runner))
            != NoNode);
    auto planner = scheduler();
    QCOMPARE(planner->plannedTriggers(), 2);
    QCOMPARE(planner->nextFire(), QDateTime(QDate(2026, 5, 4), QTime(8, 59), Qt::UTC));
}

void TestScheduler::nextFire_followsTheTriggersZone()
{
    QVERIFY(addAgent(QStringLiteral("berlin"),
                     specWith(QStringLiteral("triggers:\n  - schedule 0 11 * * * Europe/Berlin\nrunner: command x\n")))
            != NoNode);
    auto planner = scheduler();
    // 11:00 in Berlin in May is 09:00 UTC.
    QCOMPARE(planner->nextFire(), QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
}

void TestScheduler::fireDue_insertsEachFireOnce()
{
    const NodeId agent = addAgent(
        QStringLiteral("every"),
        specWith(QStringLiteral("triggers:\n  - schedule * * * * *\n  - schedule */2 * * * *\nrunner: command x\n")));
    auto planner = scheduler();
    QCOMPARE(planner->fireDue(m_clock->now()).value(), 0);
    m_clock->set(QDateTime(QDate(2026, 5, 4), QTime(8, 59, 0, 5), Qt::UTC));
    QCOMPARE(planner->fireDue(m_clock->now()).value(), 1);
    QCOMPARE(planner->fireDue(m_clock->now()).value(), 0);
    m_clock->set(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    QCOMPARE(planner->fireDue(m_clock->now()).value(), 2); // both triggers at 09:00
    QCOMPARE(planner->nextFire(), QDateTime(QDate(2026, 5, 4), QTime(9, 1), Qt::UTC));

    const QList<RunRequestEntry> requests = requestsOf(agent);
    QCOMPARE(requests.size(), 3);
    const RunRequestEntry first = requests.constLast();
    QCOMPARE(first.trigger, RunTrigger::Schedule);
    QCOMPARE(first.triggerDetail, QStringLiteral("* * * * *"));
    QCOMPARE(first.requestedBy, QStringLiteral("scheduler"));
    QCOMPARE(first.notBefore, QDateTime(QDate(2026, 5, 4), QTime(8, 59), Qt::UTC));
    QCOMPARE(first.payload.value(QStringLiteral("scheduledFor")).toString(), QStringLiteral("2026-05-04T08:59:00Z"));
    QCOMPARE(first.fireKey, RunRequestService::fireKey(agent, 0, first.notBefore));
    QCOMPARE(first.state, RunRequestState::Pending);
}

void TestScheduler::fireDue_twoSchedulers_oneRequestPerFire()
{
    const NodeId agent = addAgent(QStringLiteral("every"),
                                  specWith(QStringLiteral("triggers:\n  - schedule * * * * *\nrunner: command x\n")));
    auto one = scheduler();
    auto two = scheduler();
    m_clock->set(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    QCOMPARE(one->fireDue(m_clock->now()).value(), 1);
    QCOMPARE(two->fireDue(m_clock->now()).value(), 0);
    QCOMPARE(requestsOf(agent).size(), 1);
}

void TestScheduler::fireDue_overdueFires_onlyTheLatest()
{
    const NodeId agent = addAgent(QStringLiteral("every"),
                                  specWith(QStringLiteral("triggers:\n  - schedule * * * * *\nrunner: command x\n")));
    auto planner = scheduler();
    m_clock->set(QDateTime(QDate(2026, 5, 4), QTime(9, 30, 10), Qt::UTC));
    QCOMPARE(planner->fireDue(m_clock->now()).value(), 1);
    const QList<RunRequestEntry> requests = requestsOf(agent);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.constFirst().notBefore, QDateTime(QDate(2026, 5, 4), QTime(9, 30), Qt::UTC));
    QCOMPARE(planner->nextFire(), QDateTime(QDate(2026, 5, 4), QTime(9, 31), Qt::UTC));
}

void TestScheduler::reload_pausedAgent_stopsItsSchedule()
{
    const NodeId agent = addAgent(QStringLiteral("every"),
                                  specWith(QStringLiteral("triggers:\n  - schedule * * * * *\nrunner: command x\n")));
    auto planner = scheduler();
    QCOMPARE(planner->plannedTriggers(), 1);
    // A reload in the middle of a minute keeps the fire already planned for its end.
    m_clock->advance(10'000);
    QVERIFY(planner->reload().ok());
    QCOMPARE(planner->nextFire(), QDateTime(QDate(2026, 5, 4), QTime(8, 59), Qt::UTC));

    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE agents SET status = 'paused' WHERE node_id = ?"));
    query.addBindValue(agent);
    QVERIFY(query.exec());
    QVERIFY(planner->reload().ok());
    QCOMPARE(planner->plannedTriggers(), 0);
    QVERIFY(!planner->nextFire().isValid());
    m_clock->advance(120'000);
    QCOMPARE(planner->fireDue(m_clock->now()).value(), 0);
    QVERIFY(requestsOf(agent).isEmpty());
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
