// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What agents report: a batch of events is checked whole and stored whole (a bad event refuses
// the batch, naming it, and nothing is written); a retried batch is stored once; version 0
// means the agent's head version; runs are started and finished with their own rules.
#include "domain/clock.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "storage/streamrepository.h"
#include "teststore.h"

#include <QSqlQuery>
#include <QTest>

using namespace steward;

namespace {

const QString mailerSpec = QStringLiteral("model: a\ninstructions: |\n  Mail.\ncriticality: standard\n");

} // namespace

class TestActivityService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ingest_validBatch_storesEventsWithHeadVersion();
    void ingest_retriedBatch_storesEachEventOnce();
    void ingest_badEvent_refusesWholeBatch_data();
    void ingest_badEvent_refusesWholeBatch();
    void ingest_eventWithoutTime_happensNow();
    void ingest_emptyBatch_writesNothing();
    void startRun_fillsHeadVersionAndStartTime();
    void startRun_refusals_data();
    void startRun_refusals();
    void finishRun_recordsOutcomeOnce();

private:
    [[nodiscard]] ActivityEvent event(const QString &clientId) const;
    [[nodiscard]] qint64 count(const QString &table) const;
    [[nodiscard]] qint64 lastSeq() const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<ActivityService> m_activity;
    NodeId m_team = NoNode;
    NodeId m_mailer = NoNode; // at version 2
    NodeId m_triage = NoNode; // at version 1
    NodeId m_retired = NoNode; // archived
    RunId m_triageRun = 0;
};

void TestActivityService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_agents = std::make_unique<AgentService>(*m_store, *m_clock, *m_org);
    m_activity = std::make_unique<ActivityService>(*m_store, *m_clock);
    const QString ops = QStringLiteral("ops");
    const QString setup = QStringLiteral("setup");
    const auto acme = m_org->createCompany(QStringLiteral("acme"), ops, setup);
    QVERIFY(acme.ok());
    const auto team = m_org->createGroup(acme->id, NodeKind::Team, QStringLiteral("growth"), ops, setup);
    QVERIFY(team.ok());
    m_team = team->id;
    NodeId *ids[] = {&m_mailer, &m_triage, &m_retired};
    const QStringList names{QStringLiteral("mailer"), QStringLiteral("triage"), QStringLiteral("retired")};
    for (qsizetype i = 0; i < names.size(); ++i) {
        const auto agent = m_agents->createAgent(
            {m_team, names.at(i), QStringLiteral("dana"), Visibility::Team, Criticality::Standard, mailerSpec}, ops,
            setup);
        QVERIFY(agent.ok());
        *ids[i] = agent->id;
    }
    QVERIFY(m_agents
                ->saveVersion(m_mailer, 1,
                              QString(mailerSpec).replace(QStringLiteral("Mail."), QStringLiteral("Mail!")), ops, setup)
                .ok());
    QVERIFY(m_org->archive(m_retired, ops, setup).ok());
    Run run;
    run.agentId = m_triage;
    const auto started = m_activity->startRun(run);
    QVERIFY(started.ok());
    m_triageRun = started->id;
}

void TestActivityService::cleanup()
{
    m_activity.reset();
    m_agents.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

ActivityEvent TestActivityService::event(const QString &clientId) const
{
    ActivityEvent e;
    e.clientId = clientId;
    e.time = m_clock->now();
    e.agentId = m_mailer;
    e.kind = QStringLiteral("step");
    e.status = QStringLiteral("ok");
    e.summary = QStringLiteral("Looked up ") + clientId;
    return e;
}

qint64 TestActivityService::count(const QString &table) const
{
    QSqlQuery query(m_store->database());
    return query.exec(QStringLiteral("SELECT count(*) FROM ") + table) && query.next() ? query.value(0).toLongLong()
                                                                                       : -1;
}

qint64 TestActivityService::lastSeq() const
{
    const auto last = StreamRepository(*m_store).lastSeq();
    return last ? last.value() : -1;
}

void TestActivityService::ingest_validBatch_storesEventsWithHeadVersion()
{
    QList<ActivityEvent> events{event(QStringLiteral("a")), event(QStringLiteral("b")), event(QStringLiteral("c"))};
    events[1].version = 1; // an older version, named
    events[2].agentId = m_triage;
    events[2].runId = m_triageRun;
    const qint64 before = lastSeq();
    const auto ingested = m_activity->ingest(events);
    QVERIFY2(ingested.ok(), qPrintable(ingested ? QString() : ingested.error().message));
    QCOMPARE(ingested->accepted, 3);
    QCOMPARE(ingested->duplicates, 0);
    QCOMPARE(ingested->lastSeq, lastSeq());

    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT client_id, agent_id, version, run_id FROM activity_events ORDER BY id")));
    const QList<std::tuple<QString, NodeId, int, RunId>> expected{{QStringLiteral("a"), m_mailer, 2, 0},
                                                                  {QStringLiteral("b"), m_mailer, 1, 0},
                                                                  {QStringLiteral("c"), m_triage, 1, m_triageRun}};
    for (const auto &[clientId, agentId, version, runId] : expected) {
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), clientId);
        QCOMPARE(query.value(1).toLongLong(), agentId);
        QCOMPARE(query.value(2).toInt(), version);
        QCOMPARE(query.value(3).toLongLong(), runId);
    }
    QVERIFY(!query.next());
    const auto rows = StreamRepository(*m_store).readAfter(before, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(2).nodeId, m_triage);
}

void TestActivityService::ingest_retriedBatch_storesEachEventOnce()
{
    const QList<ActivityEvent> first{event(QStringLiteral("a")), event(QStringLiteral("b"))};
    QVERIFY(m_activity->ingest(first).ok());
    const qint64 seqAfterFirst = lastSeq();

    // The client did not hear back and sends the whole batch again.
    const auto retried = m_activity->ingest(first);
    QVERIFY(retried.ok());
    QCOMPARE(retried->accepted, 0);
    QCOMPARE(retried->duplicates, 2);
    QCOMPARE(retried->lastSeq, 0);
    QCOMPARE(count(QStringLiteral("activity_events")), 2);
    QCOMPARE(lastSeq(), seqAfterFirst);

    // A batch that overlaps: only the new event is stored and streamed.
    const auto overlapping = m_activity->ingest(first + QList<ActivityEvent>{event(QStringLiteral("c"))});
    QVERIFY(overlapping.ok());
    QCOMPARE(overlapping->accepted, 1);
    QCOMPARE(overlapping->duplicates, 2);
    QCOMPARE(count(QStringLiteral("activity_events")), 3);
    const auto rows = StreamRepository(*m_store).readAfter(seqAfterFirst, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).seq, overlapping->lastSeq);
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT id FROM activity_events WHERE client_id = 'c'")) && query.next());
    QCOMPARE(rows->at(0).subjectId, query.value(0).toLongLong());
}

void TestActivityService::ingest_badEvent_refusesWholeBatch_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("expectedWords");
    QTest::newRow("unknown agent") << QStringLiteral("unknown agent") << QStringLiteral("there is no agent 4711");
    QTest::newRow("not an agent") << QStringLiteral("not an agent") << QStringLiteral("/acme/growth is not an agent");
    QTest::newRow("archived agent") << QStringLiteral("archived agent")
                                    << QStringLiteral("/acme/growth/retired is archived");
    QTest::newRow("version beyond head") << QStringLiteral("version beyond head") << QStringLiteral("has no version 3");
    QTest::newRow("negative version") << QStringLiteral("negative version") << QStringLiteral("has no version -1");
    QTest::newRow("unknown run") << QStringLiteral("unknown run") << QStringLiteral("there is no run 4711");
    QTest::newRow("run of another agent")
        << QStringLiteral("run of another agent") << QStringLiteral("belongs to another agent");
    QTest::newRow("empty kind") << QStringLiteral("empty kind") << QStringLiteral("the kind is empty");
    QTest::newRow("blank kind") << QStringLiteral("blank kind") << QStringLiteral("the kind is empty");
}

void TestActivityService::ingest_badEvent_refusesWholeBatch()
{
    QFETCH(QString, problem);
    QFETCH(QString, expectedWords);
    QList<ActivityEvent> events;
    for (int i = 0; i < 5; ++i) {
        events.append(event(QStringLiteral("e%1").arg(i)));
    }
    ActivityEvent &bad = events[3];
    if (problem == u"unknown agent") {
        bad.agentId = 4711;
    } else if (problem == u"not an agent") {
        bad.agentId = m_team;
    } else if (problem == u"archived agent") {
        bad.agentId = m_retired;
    } else if (problem == u"version beyond head") {
        bad.version = 3;
    } else if (problem == u"negative version") {
        bad.version = -1;
    } else if (problem == u"unknown run") {
        bad.runId = 4711;
    } else if (problem == u"run of another agent") {
        bad.runId = m_triageRun;
    } else if (problem == u"empty kind") {
        bad.kind.clear();
    } else if (problem == u"blank kind") {
        bad.kind = QStringLiteral("  ");
    }
    const qint64 seqBefore = lastSeq();
    const qint64 rollupsBefore = count(QStringLiteral("activity_rollup_hourly"));

    const auto ingested = m_activity->ingest(events);
    QVERIFY(!ingested.ok());
    QCOMPARE(ingested.error().code, Error::Code::Invalid);
    QVERIFY2(ingested.error().message.startsWith(QStringLiteral("events[3]: ")), qPrintable(ingested.error().message));
    QVERIFY2(ingested.error().message.contains(expectedWords), qPrintable(ingested.error().message));
    QCOMPARE(count(QStringLiteral("activity_events")), 0);
    QCOMPARE(count(QStringLiteral("activity_rollup_hourly")), rollupsBefore);
    QCOMPARE(lastSeq(), seqBefore);
}

void TestActivityService::ingest_eventWithoutTime_happensNow()
{
    ActivityEvent untimed = event(QStringLiteral("u"));
    untimed.time = QDateTime();
    m_clock->advance(90'000);
    QVERIFY(m_activity->ingest({untimed}).ok());
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT time FROM activity_events")) && query.next());
    QCOMPARE(query.value(0).toLongLong(), m_clock->now().toMSecsSinceEpoch());
}

void TestActivityService::ingest_emptyBatch_writesNothing()
{
    const qint64 before = lastSeq();
    const auto ingested = m_activity->ingest({});
    QVERIFY(ingested.ok());
    QCOMPARE(ingested->accepted, 0);
    QCOMPARE(ingested->lastSeq, 0);
    QCOMPARE(lastSeq(), before);
}

void TestActivityService::startRun_fillsHeadVersionAndStartTime()
{
    Run run;
    run.agentId = m_mailer;
    run.trigger = RunTrigger::Manual;
    const qint64 before = lastSeq();
    const auto started = m_activity->startRun(run);
    QVERIFY(started.ok());
    QVERIFY(started->id != 0);
    QCOMPARE(started->version, 2);
    QCOMPARE(started->startedAt, m_clock->now());
    const auto stored = ActivityRepository(*m_store).run(started->id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->version, 2);
    QCOMPARE(stored->status, RunStatus::Running);
    const auto rows = StreamRepository(*m_store).readAfter(before, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).type, StreamItemType::Run);
    QCOMPARE(rows->at(0).subjectId, started->id);
}

void TestActivityService::startRun_refusals_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("expectedWords");
    QTest::newRow("unknown agent") << QStringLiteral("unknown agent") << QStringLiteral("there is no agent 4711");
    QTest::newRow("archived agent") << QStringLiteral("archived agent") << QStringLiteral("is archived");
    QTest::newRow("version beyond head") << QStringLiteral("version beyond head") << QStringLiteral("has no version 9");
}

void TestActivityService::startRun_refusals()
{
    QFETCH(QString, problem);
    QFETCH(QString, expectedWords);
    Run run;
    run.agentId = problem == u"unknown agent" ? 4711 : problem == u"archived agent" ? m_retired : m_mailer;
    run.version = problem == u"version beyond head" ? 9 : 0;
    const qint64 runsBefore = count(QStringLiteral("runs"));
    const qint64 seqBefore = lastSeq();
    const auto started = m_activity->startRun(run);
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code, Error::Code::Invalid);
    QVERIFY2(started.error().message.contains(expectedWords), qPrintable(started.error().message));
    QCOMPARE(count(QStringLiteral("runs")), runsBefore);
    QCOMPARE(lastSeq(), seqBefore);
}

void TestActivityService::finishRun_recordsOutcomeOnce()
{
    Run outcome;
    outcome.id = m_triageRun;
    outcome.status = RunStatus::Running;
    QCOMPARE(m_activity->finishRun(outcome).error().code, Error::Code::Invalid);
    outcome.status = RunStatus::Failed;
    outcome.agentId = m_mailer;
    QCOMPARE(m_activity->finishRun(outcome).error().code, Error::Code::Invalid);

    outcome.agentId = NoNode; // the run knows its agent
    outcome.tokensIn = 120;
    outcome.latencyMs = 2500;
    m_clock->advance(2500);
    const qint64 before = lastSeq();
    const auto finished = m_activity->finishRun(outcome);
    QVERIFY2(finished.ok(), qPrintable(finished ? QString() : finished.error().message));
    QCOMPARE(finished->agentId, m_triage);
    QCOMPARE(finished->endedAt, m_clock->now());
    const auto stored = ActivityRepository(*m_store).run(m_triageRun);
    QVERIFY(stored.ok());
    QCOMPARE(stored->status, RunStatus::Failed);
    QCOMPARE(stored->tokensIn, 120);
    QCOMPARE(stored->endedAt, m_clock->now());
    const auto rows = StreamRepository(*m_store).readAfter(before, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).type, StreamItemType::Run);
    QCOMPARE(rows->at(0).subjectId, m_triageRun);

    outcome.status = RunStatus::Succeeded;
    const qint64 seqAfterFinish = lastSeq();
    QCOMPARE(m_activity->finishRun(outcome).error().code, Error::Code::Conflict);
    QCOMPARE(ActivityRepository(*m_store).run(m_triageRun)->status, RunStatus::Failed);
    QCOMPARE(lastSeq(), seqAfterFinish);
}

QTEST_GUILESS_MAIN(TestActivityService)
#include "tst_activityservice.moc"
