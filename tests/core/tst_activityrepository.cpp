// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The activity log's write path: time-ordered ids, idempotent retries by client id, the
// full-text index (words, accents, facets) fed per batch, hourly rollups, and runs.
#include "domain/clock.h"
#include "domain/eventid.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSqlQuery>
#include <QTest>

using namespace steward;

class TestActivityRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appendEvents_assignsTimeOrderedIds();
    void appendEvents_sameClientIdTwice_isStoredOnce();
    void appendEvents_areSearchableByWordAccentAndFacet();
    void appendEvents_updateHourlyRollups();
    void runs_insertFinishAndListNewestFirst();
    void appendEvents_inRolledBackTransaction_leaveNothing();

private:
    [[nodiscard]] ActivityEvent event(const QString &kind, const QString &summary, const QDateTime &time) const;
    [[nodiscard]] QList<qint64> search(const QString &match) const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ActivityRepository> m_activity;
    NodeId m_agent = NoNode;
    NodeId m_otherAgent = NoNode;
    QDateTime m_start{QDate(2026, 5, 4), QTime(9, 15), Qt::UTC};
};

void TestActivityRepository::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    const ManualClock clock(m_start);
    OrgService org(*m_store, clock);
    AgentService agents(*m_store, clock, org);
    const auto acme = org.createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    const auto mailer = agents.createAgent(
        {acme->id, QStringLiteral("mailer"), QStringLiteral("dana.kim"), Visibility::Public, Criticality::Standard,
         QStringLiteral("model: a\ninstructions: |\n  Mail.\ncriticality: standard\n")},
        QStringLiteral("ops"), QStringLiteral("setup"));
    const auto triage = agents.createAgent(
        {acme->id, QStringLiteral("triage"), QStringLiteral("li.wei"), Visibility::Team, Criticality::Standard,
         QStringLiteral("model: b\ninstructions: |\n  Triage.\ncriticality: standard\n")},
        QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(mailer.ok() && triage.ok());
    m_agent = mailer->id;
    m_otherAgent = triage->id;
    m_activity = std::make_unique<ActivityRepository>(*m_store);
}

void TestActivityRepository::cleanup()
{
    m_activity.reset();
    m_store.reset();
    m_where.reset();
}

ActivityEvent TestActivityRepository::event(const QString &kind, const QString &summary, const QDateTime &time) const
{
    ActivityEvent e;
    e.time = time;
    e.agentId = m_agent;
    e.version = 1;
    e.kind = kind;
    e.status = QStringLiteral("ok");
    e.summary = summary;
    return e;
}

QList<qint64> TestActivityRepository::search(const QString &match) const
{
    // SQLite searches its FTS5 table; PostgreSQL searches the GIN expression index (words only).
    const bool fts5 = !m_store->dialect().indexEventsForSearch().isEmpty();
    QSqlQuery query(m_store->database());
    query.prepare(fts5 ? QStringLiteral("SELECT rowid FROM activity_search WHERE activity_search MATCH ? "
                                        "ORDER BY rowid DESC")
                       : QStringLiteral("SELECT id FROM activity_events WHERE to_tsvector('simple', summary || ' ' "
                                        "|| detail) @@ plainto_tsquery('simple', ?) ORDER BY id DESC"));
    query.addBindValue(match);
    QList<qint64> ids;
    if (!query.exec()) {
        qWarning() << query.lastError().text();
        return ids;
    }
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    return ids;
}

void TestActivityRepository::appendEvents_assignsTimeOrderedIds()
{
    QList<ActivityEvent> events{event(QStringLiteral("step"), QStringLiteral("one"), m_start),
                                event(QStringLiteral("step"), QStringLiteral("two"), m_start),
                                event(QStringLiteral("step"), QStringLiteral("three"), m_start.addSecs(-60))};
    Transaction transaction(*m_store);
    const auto appended = m_activity->appendEvents(events);
    QVERIFY2(appended.ok(), qPrintable(appended ? QString() : appended.error().message));
    QVERIFY(transaction.commit().ok());
    QCOMPARE(appended->accepted, 3);
    QCOMPARE(appended->duplicates, 0);
    QCOMPARE(events.at(0).id, EventIdGenerator::firstIdAt(m_start));
    QCOMPARE(events.at(1).id, events.at(0).id + 1);
    // The clock stepped back: the id still grows.
    QCOMPARE(events.at(2).id, events.at(1).id + 1);
    QCOMPARE(EventIdGenerator::timeOf(events.at(0).id), m_start);
    QCOMPARE(appended->firstId, events.at(0).id);
    QCOMPARE(appended->lastId, events.at(2).id);

    // A second repository on the same store continues after the newest id.
    ActivityRepository again(*m_store);
    QList<ActivityEvent> later{event(QStringLiteral("step"), QStringLiteral("four"), m_start.addSecs(-3600))};
    Transaction second(*m_store);
    QVERIFY(again.appendEvents(later).ok());
    QVERIFY(second.commit().ok());
    QCOMPARE(later.first().id, events.at(2).id + 1);
}

void TestActivityRepository::appendEvents_sameClientIdTwice_isStoredOnce()
{
    ActivityEvent original = event(QStringLiteral("output"), QStringLiteral("hello"), m_start);
    original.clientId = QStringLiteral("run-7/span-3");
    QList<ActivityEvent> first{original};
    QList<ActivityEvent> retry{original, event(QStringLiteral("output"), QStringLiteral("new"), m_start)};
    Transaction transaction(*m_store);
    QCOMPARE(m_activity->appendEvents(first)->accepted, 1);
    const auto second = m_activity->appendEvents(retry);
    QVERIFY(transaction.commit().ok());
    QCOMPARE(second->accepted, 1);
    QCOMPARE(second->duplicates, 1);
    QCOMPARE(m_activity->eventCount().value(), 2);
    QCOMPARE(search(QStringLiteral("hello")).size(), 1);
}

void TestActivityRepository::appendEvents_areSearchableByWordAccentAndFacet()
{
    if (m_store->dialect().indexEventsForSearch().isEmpty()) {
        QSKIP("This store has no FTS5 index; tst_storepostgres checks PostgreSQL's search index.");
    }
    ActivityEvent london = event(QStringLiteral("output"), QStringLiteral("Join us at Acme Summit in London"), m_start);
    london.detail = QStringLiteral("Dear Ms. Müller, we would love to see you at the Café Königsallee.");
    ActivityEvent lisbon = event(QStringLiteral("output"), QStringLiteral("Join us at Acme Summit in Lisbon"), m_start);
    ActivityEvent failure = event(QStringLiteral("error"), QStringLiteral("CRM lookup timed out"), m_start);
    failure.status = QStringLiteral("error");
    failure.agentId = m_otherAgent;
    ActivityEvent russian = event(QStringLiteral("output"), QStringLiteral("Приглашение на саммит"), m_start);
    QList<ActivityEvent> events{london, lisbon, failure, russian};
    Transaction transaction(*m_store);
    QVERIFY(m_activity->appendEvents(events).ok());
    QVERIFY(transaction.commit().ok());

    QCOMPARE(search(QStringLiteral("london")), QList<qint64>{events.at(0).id});
    QCOMPARE(search(QStringLiteral("summit")).size(), 2);
    QCOMPARE(search(QStringLiteral("\"summit in lisbon\"")), QList<qint64>{events.at(1).id});
    QCOMPARE(search(QStringLiteral("mueller OR muller")), QList<qint64>{events.at(0).id});
    QCOMPARE(search(QStringLiteral("cafe")), QList<qint64>{events.at(0).id});
    QCOMPARE(search(QStringLiteral("саммит")), QList<qint64>{events.at(3).id});
    QCOMPARE(search(QStringLiteral("meta:kinderror")), QList<qint64>{events.at(2).id});
    QCOMPARE(search(QStringLiteral("meta:statuserror AND meta:agent%1").arg(m_otherAgent)),
             QList<qint64>{events.at(2).id});
    QCOMPARE(search(QStringLiteral("summit AND meta:agent%1").arg(m_otherAgent)), QList<qint64>{});

    QSqlQuery snippet(m_store->database());
    QVERIFY(snippet.exec(QStringLiteral("SELECT snippet(activity_search, 0, '[', ']', '…', 6) FROM activity_search "
                                        "WHERE activity_search MATCH 'london'")));
    QVERIFY(snippet.next());
    QCOMPARE(snippet.value(0).toString(), QStringLiteral("…us at Acme Summit in [London]"));
}

void TestActivityRepository::appendEvents_updateHourlyRollups()
{
    ActivityEvent started = event(QStringLiteral("run.started"), QStringLiteral("start"), m_start);
    ActivityEvent call = event(QStringLiteral("tool.call"), QStringLiteral("crm"), m_start.addSecs(1));
    call.tokensIn = 100;
    call.tokensOut = 40;
    call.cost = 0.25;
    ActivityEvent failure = event(QStringLiteral("error"), QStringLiteral("oops"), m_start.addSecs(2));
    ActivityEvent finished = event(QStringLiteral("run.finished"), QStringLiteral("done"), m_start.addSecs(3));
    finished.status = QStringLiteral("error");
    finished.latencyMs = 3000;
    ActivityEvent nextHour = event(QStringLiteral("output"), QStringLiteral("later"), m_start.addSecs(3600));
    nextHour.cost = 0.5;
    QList<ActivityEvent> batchOne{started, call};
    QList<ActivityEvent> batchTwo{failure, finished, nextHour};
    Transaction transaction(*m_store);
    QVERIFY(m_activity->appendEvents(batchOne).ok());
    QVERIFY(m_activity->appendEvents(batchTwo).ok());
    QVERIFY(transaction.commit().ok());

    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT hour, events, runs_started, runs_failed, errors, outputs, tokens_in, "
                                      "tokens_out, cost, latency_sum_ms, latency_count FROM activity_rollup_hourly "
                                      "ORDER BY hour")));
    QVERIFY(query.next());
    const qint64 hour = m_start.toMSecsSinceEpoch() / 3600000 * 3600000;
    QCOMPARE(query.value(0).toLongLong(), hour);
    QCOMPARE(query.value(1).toInt(), 4);
    QCOMPARE(query.value(2).toInt(), 1);
    QCOMPARE(query.value(3).toInt(), 1);
    QCOMPARE(query.value(4).toInt(), 1);
    QCOMPARE(query.value(5).toInt(), 0);
    QCOMPARE(query.value(6).toInt(), 100);
    QCOMPARE(query.value(7).toInt(), 40);
    QCOMPARE(query.value(8).toDouble(), 0.25);
    QCOMPARE(query.value(9).toInt(), 3000);
    QCOMPARE(query.value(10).toInt(), 1);
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), hour + 3600000);
    QCOMPARE(query.value(5).toInt(), 1);
    QCOMPARE(query.value(8).toDouble(), 0.5);
    QVERIFY(!query.next());
}

void TestActivityRepository::runs_insertFinishAndListNewestFirst()
{
    Run first;
    first.agentId = m_agent;
    first.version = 1;
    first.trigger = RunTrigger::Schedule;
    first.triggerDetail = QStringLiteral("0 9 * * *");
    first.startedAt = m_start;
    Run second = first;
    second.trigger = RunTrigger::Manual;
    second.startedAt = m_start.addSecs(600);
    const auto firstId = m_activity->insertRun(first);
    const auto secondId = m_activity->insertRun(second);
    QVERIFY(firstId.ok() && secondId.ok());
    first.id = firstId.value();
    first.endedAt = m_start.addSecs(4);
    first.status = RunStatus::Failed;
    first.tokensIn = 1200;
    first.tokensOut = 300;
    first.cost = 0.0125;
    first.latencyMs = 4000;
    QVERIFY(m_activity->finishRun(first).ok());

    const auto runs = m_activity->recentRuns(m_agent, 10);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 2);
    QCOMPARE(runs->at(0).id, secondId.value());
    QCOMPARE(runs->at(0).status, RunStatus::Running);
    QVERIFY(!runs->at(0).endedAt.isValid());
    QCOMPARE(runs->at(1).status, RunStatus::Failed);
    QCOMPARE(runs->at(1).endedAt, first.endedAt);
    QCOMPARE(runs->at(1).trigger, RunTrigger::Schedule);
    QCOMPARE(runs->at(1).triggerDetail, QStringLiteral("0 9 * * *"));
    QCOMPARE(runs->at(1).tokensIn, 1200);
    QCOMPARE(runs->at(1).cost, 0.0125);
    QCOMPARE(m_activity->recentRuns(m_otherAgent, 10)->size(), 0);
}

void TestActivityRepository::appendEvents_inRolledBackTransaction_leaveNothing()
{
    {
        QList<ActivityEvent> events{event(QStringLiteral("output"), QStringLiteral("vanishing"), m_start)};
        Transaction transaction(*m_store);
        QVERIFY(m_activity->appendEvents(events).ok());
    }
    QCOMPARE(m_activity->eventCount().value(), 0);
    QCOMPARE(search(QStringLiteral("vanishing")).size(), 0);
    QList<ActivityEvent> events{event(QStringLiteral("output"), QStringLiteral("kept"), m_start)};
    Transaction transaction(*m_store);
    QVERIFY(m_activity->appendEvents(events).ok());
    QVERIFY(transaction.commit().ok());
    QCOMPARE(search(QStringLiteral("kept")).size(), 1);
}

QTEST_GUILESS_MAIN(TestActivityRepository)
#include "tst_activityrepository.moc"
