// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The change stream: every change a live client should see writes its row in the change's own
// transaction (none for refused changes or duplicate events); rows are read back in pages in
// sequence order; and a reader that follows the stream while two connections write to it sees
// every row exactly once (on PostgreSQL thanks to the stream lock).
#include "domain/clock.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/store.h"
#include "storage/streamrepository.h"
#include "teststore.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

using namespace steward;

namespace {

const QString standardSpec = QStringLiteral("model: a\ninstructions: |\n  Mail.\ncriticality: standard\n");
const QString criticalSpec = QStringLiteral("model: a\ninstructions: |\n  Pay.\ncriticality: critical\n");

// What a stream row should say, without its sequence number and time.
struct Expected
{
    StreamItemType type;
    NodeId nodeId;
    qint64 subjectId;
};

QString describe(const QList<StreamItem> &items)
{
    QStringList parts;
    for (const StreamItem &item : items) {
        parts.append(QStringLiteral("%1(%2,%3)").arg(toText(item.type)).arg(item.nodeId).arg(item.subjectId));
    }
    return parts.join(QLatin1Char(' '));
}

// Follows the stream from `cursor` in its own connection until `writersDone` is set and a read
// after that finds nothing new; records every sequence number it was given.
struct Follower
{
    QString location;
    qint64 cursor = 0;
    QList<qint64> seen;
    QString failure;

    void run(const std::atomic<bool> &writersDone)
    {
        auto store = Store::open(location);
        if (!store) {
            failure = store.error().message;
            return;
        }
        const StreamRepository stream(*store.value());
        for (;;) {
            // Read the flag first: a read that starts after the writers finished sees everything.
            const bool last = writersDone.load();
            const auto page = stream.readAfter(cursor, 1000);
            if (!page) {
                failure = page.error().message;
                return;
            }
            for (const StreamItem &item : page.value()) {
                if (item.seq <= cursor) {
                    failure = QStringLiteral("sequence %1 after %2").arg(item.seq).arg(cursor);
                    return;
                }
                cursor = item.seq;
                seen.append(item.seq);
            }
            if (last && page->isEmpty()) {
                return;
            }
        }
    }
};

} // namespace

class TestStreamRepository final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void append_returnsTheNewestSequence();
    void readAfter_pagesThroughEveryRowOnceInOrder_data();
    void readAfter_pagesThroughEveryRowOnceInOrder();
    void append_rolledBack_leavesNothingAndLaterRowsFollow();
    void change_writesItsRows_data();
    void change_writesItsRows();
    void refusedChange_writesNoRows_data();
    void refusedChange_writesNoRows();
    void concurrentAppends_followerSeesEveryRowOnce();
    void concurrentIngest_followerSeesEveryEventOnce();

private:
    [[nodiscard]] qint64 lastSeq() const;
    [[nodiscard]] QList<ActivityEvent> batch(const QString &prefix, int size) const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<ActivityService> m_activity;
    NodeId m_sales = NoNode;
    NodeId m_support = NoNode;
    NodeId m_mailer = NoNode; // standard, in sales
    NodeId m_payer = NoNode; // critical, in support
};

void TestStreamRepository::init()
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
    const auto sales = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), ops, setup);
    const auto support = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), ops, setup);
    QVERIFY(sales.ok() && support.ok());
    m_sales = sales->id;
    m_support = support->id;
    const auto mailer = m_agents->createAgent({m_sales, QStringLiteral("mailer"), QStringLiteral("dana"),
                                               Visibility::Team, Criticality::Standard, standardSpec},
                                              ops, setup);
    const auto payer = m_agents->createAgent({m_support, QStringLiteral("payer"), QStringLiteral("li"),
                                              Visibility::Team, Criticality::Critical, criticalSpec},
                                             ops, setup);
    QVERIFY(mailer.ok() && payer.ok());
    m_mailer = mailer->id;
    m_payer = payer->id;
}

void TestStreamRepository::cleanup()
{
    m_activity.reset();
    m_agents.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

qint64 TestStreamRepository::lastSeq() const
{
    const auto last = StreamRepository(*m_store).lastSeq();
    return last ? last.value() : -1;
}

QList<ActivityEvent> TestStreamRepository::batch(const QString &prefix, int size) const
{
    QList<ActivityEvent> events;
    for (int i = 0; i < size; ++i) {
        ActivityEvent event;
        event.clientId = prefix + QString::number(i);
        event.time = m_clock->now().addMSecs(i);
        event.agentId = m_mailer;
        event.kind = QStringLiteral("step");
        event.status = QStringLiteral("ok");
        event.summary = QStringLiteral("Step %1").arg(i);
        events.append(event);
    }
    return events;
}

void TestStreamRepository::append_returnsTheNewestSequence()
{
    const qint64 before = lastSeq();
    QVERIFY(before > 0); // the setup's tree changes
    StreamRepository stream(*m_store);
    Transaction transaction(*m_store);
    const auto appended = stream.append({{0, m_clock->now(), StreamItemType::Approval, m_mailer, 7},
                                         {0, m_clock->now(), StreamItemType::Audit, NoNode, 12}});
    QVERIFY2(appended.ok(), qPrintable(appended ? QString() : appended.error().message));
    QVERIFY(transaction.commit().ok());
    QCOMPARE(appended.value(), lastSeq());
    const auto rows = stream.readAfter(before, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).type, StreamItemType::Approval);
    QCOMPARE(rows->at(0).nodeId, m_mailer);
    QCOMPARE(rows->at(0).subjectId, 7);
    QCOMPARE(rows->at(0).at, m_clock->now());
    QCOMPARE(rows->at(1).type, StreamItemType::Audit);
    QCOMPARE(rows->at(1).nodeId, NoNode);
    QCOMPARE(rows->at(1).subjectId, 12);
    QCOMPARE(rows->at(1).seq, appended.value());
    // Nothing to append writes nothing and says so.
    Transaction empty(*m_store);
    QCOMPARE(stream.append({}).value(), 0);
    QVERIFY(empty.commit().ok());
    QCOMPARE(lastSeq(), appended.value());
}

void TestStreamRepository::readAfter_pagesThroughEveryRowOnceInOrder_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("pageSize");
    // Row counts around the insert's chunk of 500 rows; page sizes that divide them or not.
    QTest::newRow("1 row, pages of 1") << 1 << 1;
    QTest::newRow("499 rows, pages of 7") << 499 << 7;
    QTest::newRow("500 rows, pages of 500") << 500 << 500;
    QTest::newRow("1203 rows, pages of 100") << 1203 << 100;
    QTest::newRow("1203 rows, one page") << 1203 << 5000;
}

void TestStreamRepository::readAfter_pagesThroughEveryRowOnceInOrder()
{
    QFETCH(int, rows);
    QFETCH(int, pageSize);
    const qint64 before = lastSeq();
    QList<StreamItem> items;
    for (int i = 0; i < rows; ++i) {
        items.append({0, m_clock->now().addMSecs(i), StreamItemType::Event, i % 2 ? m_mailer : m_payer, 1000 + i});
    }
    StreamRepository stream(*m_store);
    Transaction transaction(*m_store);
    const auto appended = stream.append(items);
    QVERIFY(appended.ok());
    QVERIFY(transaction.commit().ok());

    QList<StreamItem> read;
    qint64 cursor = before;
    for (;;) {
        const auto page = stream.readAfter(cursor, pageSize);
        QVERIFY(page.ok());
        QVERIFY(page->size() <= pageSize);
        if (page->isEmpty()) {
            break;
        }
        read.append(page.value());
        cursor = page->constLast().seq;
    }
    QCOMPARE(read.size(), rows);
    qint64 previous = before;
    for (int i = 0; i < rows; ++i) {
        QVERIFY2(read.at(i).seq > previous, "sequence numbers strictly increase");
        previous = read.at(i).seq;
        // Rows come back in the order they were appended.
        QCOMPARE(read.at(i).subjectId, 1000 + i);
        QCOMPARE(read.at(i).nodeId, i % 2 ? m_mailer : m_payer);
        QCOMPARE(read.at(i).at, m_clock->now().addMSecs(i));
    }
    QCOMPARE(read.constLast().seq, appended.value());
}

void TestStreamRepository::append_rolledBack_leavesNothingAndLaterRowsFollow()
{
    const qint64 before = lastSeq();
    StreamRepository stream(*m_store);
    {
        Transaction abandoned(*m_store);
        QVERIFY(stream.append({{0, m_clock->now(), StreamItemType::Node, m_sales, m_sales}}).ok());
    }
    QCOMPARE(lastSeq(), before);
    Transaction transaction(*m_store);
    const auto appended = stream.append({{0, m_clock->now(), StreamItemType::Node, m_support, m_support}});
    QVERIFY(appended.ok());
    QVERIFY(transaction.commit().ok());
    const auto rows = stream.readAfter(before, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).nodeId, m_support);
    QVERIFY(rows->at(0).seq > before);
}

void TestStreamRepository::change_writesItsRows_data()
{
    QTest::addColumn<QString>("change");
    for (const char *change : {"create group", "rename", "move", "archive", "create agent", "save version", "rollback",
                               "propose", "approve", "reject", "ingest", "start run", "finish run"}) {
        QTest::newRow(change) << QString::fromLatin1(change);
    }
}

void TestStreamRepository::change_writesItsRows()
{
    QFETCH(QString, change);
    const QString ops = QStringLiteral("ops");
    const QString why = QStringLiteral("because");
    const QString changedStandard =
        QString(standardSpec).replace(QStringLiteral("Mail."), QStringLiteral("Mail more."));
    const QString changedCritical = QString(criticalSpec).replace(QStringLiteral("Pay."), QStringLiteral("Pay less."));
    // Changes that build on an earlier one make it first.
    ProposalId proposal = 0;
    Run run;
    if (change == u"approve" || change == u"reject") {
        const auto proposed = m_agents->proposeVersion(m_payer, 1, changedCritical, QStringLiteral("li"), why);
        QVERIFY(proposed.ok());
        proposal = proposed->id;
    } else if (change == u"rollback") {
        QVERIFY(m_agents->saveVersion(m_mailer, 1, changedStandard, ops, why).ok());
    } else if (change == u"finish run") {
        run.agentId = m_mailer;
        const auto started = m_activity->startRun(run);
        QVERIFY(started.ok());
        run = started.value();
    }
    const qint64 before = lastSeq();

    QList<Expected> expected;
    if (change == u"create group") {
        const auto team = m_org->createGroup(m_sales, NodeKind::Team, QStringLiteral("outbound"), ops, why);
        QVERIFY(team.ok());
        expected = {{StreamItemType::Node, team->id, team->id}};
    } else if (change == u"rename") {
        QVERIFY(m_org->rename(m_sales, QStringLiteral("revenue"), ops, why).ok());
        expected = {{StreamItemType::Node, m_sales, m_sales}};
    } else if (change == u"move") {
        QVERIFY(m_org->move(m_mailer, m_support, ops, why).ok());
        expected = {{StreamItemType::Node, m_mailer, m_mailer}};
    } else if (change == u"archive") {
        // One row for the node archived, not one per node below it.
        QVERIFY(m_org->archive(m_sales, ops, why).ok());
        expected = {{StreamItemType::Node, m_sales, m_sales}};
    } else if (change == u"create agent") {
        const auto agent = m_agents->createAgent({m_sales, QStringLiteral("scout"), QStringLiteral("dana"),
                                                  Visibility::Team, Criticality::Standard, standardSpec},
                                                 ops, why);
        QVERIFY(agent.ok());
        expected = {{StreamItemType::Node, agent->id, agent->id}};
    } else if (change == u"save version") {
        const auto saved = m_agents->change(m_mailer, 1, changedStandard, ops, why);
        QVERIFY(saved.ok() && saved->saved);
        expected = {{StreamItemType::Agent, m_mailer, 2}};
    } else if (change == u"rollback") {
        const auto rolledBack = m_agents->rollback(m_mailer, 1, 2, ops, why);
        QVERIFY(rolledBack.ok() && rolledBack->saved);
        expected = {{StreamItemType::Agent, m_mailer, 3}};
    } else if (change == u"propose") {
        const auto proposed = m_agents->change(m_payer, 1, changedCritical, QStringLiteral("li"), why);
        QVERIFY(proposed.ok() && proposed->proposed);
        expected = {{StreamItemType::Proposal, m_payer, proposed->proposed->id}};
    } else if (change == u"approve") {
        QVERIFY(m_agents->approveProposal(proposal, QStringLiteral("kim"), why).ok());
        expected = {{StreamItemType::Agent, m_payer, 2}, {StreamItemType::Proposal, m_payer, proposal}};
    } else if (change == u"reject") {
        QVERIFY(m_agents->rejectProposal(proposal, QStringLiteral("kim"), why).ok());
        expected = {{StreamItemType::Proposal, m_payer, proposal}};
    } else if (change == u"ingest") {
        const auto ingested = m_activity->ingest(batch(QStringLiteral("e"), 3));
        QVERIFY(ingested.ok());
        QSqlQuery ids(m_store->database());
        QVERIFY(ids.exec(QStringLiteral("SELECT id FROM activity_events ORDER BY id")));
        while (ids.next()) {
            expected.append({StreamItemType::Event, m_mailer, ids.value(0).toLongLong()});
        }
        QCOMPARE(expected.size(), 3);
    } else if (change == u"start run") {
        Run started;
        started.agentId = m_mailer;
        const auto recorded = m_activity->startRun(started);
        QVERIFY(recorded.ok());
        expected = {{StreamItemType::Run, m_mailer, recorded->id}};
    } else if (change == u"finish run") {
        run.status = RunStatus::Succeeded;
        QVERIFY(m_activity->finishRun(run).ok());
        expected = {{StreamItemType::Run, m_mailer, run.id}};
    } else {
        QFAIL("unknown change");
    }

    const auto rows = StreamRepository(*m_store).readAfter(before, 100);
    QVERIFY(rows.ok());
    QVERIFY2(rows->size() == expected.size(), qPrintable(describe(rows.value())));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(rows->at(i).type, expected.at(i).type);
        QCOMPARE(rows->at(i).nodeId, expected.at(i).nodeId);
        QCOMPARE(rows->at(i).subjectId, expected.at(i).subjectId);
        QCOMPARE(rows->at(i).at, m_clock->now());
    }
}

void TestStreamRepository::refusedChange_writesNoRows_data()
{
    QTest::addColumn<QString>("change");
    for (const char *change :
         {"rename to a bad name", "move into itself", "stale save", "approve own proposal", "ingest a bad batch",
          "ingest duplicates only", "start run of archived agent", "finish unknown run"}) {
        QTest::newRow(change) << QString::fromLatin1(change);
    }
}

void TestStreamRepository::refusedChange_writesNoRows()
{
    QFETCH(QString, change);
    const QString ops = QStringLiteral("ops");
    const QString why = QStringLiteral("because");
    if (change == u"ingest duplicates only") {
        QVERIFY(m_activity->ingest(batch(QStringLiteral("d"), 4)).ok());
    } else if (change == u"start run of archived agent") {
        QVERIFY(m_org->archive(m_mailer, ops, why).ok());
    }
    const qint64 before = lastSeq();
    QVERIFY(before > 0);

    if (change == u"rename to a bad name") {
        QVERIFY(!m_org->rename(m_sales, QStringLiteral("Bad Name"), ops, why).ok());
    } else if (change == u"move into itself") {
        QVERIFY(!m_org->move(m_sales, m_sales, ops, why).ok());
    } else if (change == u"stale save") {
        const QString changed = QString(standardSpec).replace(QStringLiteral("Mail."), QStringLiteral("Mail twice."));
        QCOMPARE(m_agents->saveVersion(m_mailer, 0, changed, ops, why).error().code, Error::Code::Conflict);
    } else if (change == u"approve own proposal") {
        const auto proposed = m_agents->proposeVersion(
            m_payer, 1, QString(criticalSpec).replace(QStringLiteral("Pay."), QStringLiteral("Pay twice.")),
            QStringLiteral("li"), why);
        QVERIFY(proposed.ok());
        const qint64 afterProposal = lastSeq();
        QVERIFY(afterProposal > before);
        QCOMPARE(m_agents->approveProposal(proposed->id, QStringLiteral("li"), why).error().code,
                 Error::Code::Forbidden);
        QCOMPARE(lastSeq(), afterProposal);
        return;
    } else if (change == u"ingest a bad batch") {
        QList<ActivityEvent> events = batch(QStringLiteral("b"), 3);
        events[2].agentId = m_sales;
        QCOMPARE(m_activity->ingest(events).error().code, Error::Code::Invalid);
    } else if (change == u"ingest duplicates only") {
        const auto again = m_activity->ingest(batch(QStringLiteral("d"), 4));
        QVERIFY(again.ok());
        QCOMPARE(again->accepted, 0);
        QCOMPARE(again->duplicates, 4);
        QCOMPARE(again->lastSeq, 0);
    } else if (change == u"start run of archived agent") {
        Run run;
        run.agentId = m_mailer;
        QCOMPARE(m_activity->startRun(run).error().code, Error::Code::Invalid);
    } else if (change == u"finish unknown run") {
        Run run;
        run.id = 4711;
        run.status = RunStatus::Failed;
        QCOMPARE(m_activity->finishRun(run).error().code, Error::Code::NotFound);
    } else {
        QFAIL("unknown change");
    }
    QCOMPARE(lastSeq(), before);
}

void TestStreamRepository::concurrentAppends_followerSeesEveryRowOnce()
{
    // Two connections append and commit at random moments while a third follows the stream.
    // Without the stream lock (PostgreSQL), a transaction that took a later sequence number
    // commits first now and then, the follower moves past the earlier one, and never sees it.
    constexpr std::size_t Writers = 2;
    constexpr int TransactionsPerWriter = 150;
    const qint64 start = lastSeq();
    std::atomic<bool> writersDone{false};
    std::array<QString, Writers> failures;
    std::array<int, Writers> written{};
    Follower follower{m_where->location(), start, {}, {}};
    std::thread following([&] { follower.run(writersDone); });
    std::vector<std::thread> writers;
    for (std::size_t w = 0; w < Writers; ++w) {
        writers.emplace_back([&, w] {
            auto store = Store::open(m_where->location());
            if (!store) {
                failures[w] = store.error().message;
                return;
            }
            StreamRepository stream(*store.value());
            QRandomGenerator random(static_cast<quint32>(w + 1));
            for (int t = 0; t < TransactionsPerWriter; ++t) {
                QList<StreamItem> items(
                    random.bounded(1, 20),
                    {0, QDateTime::currentDateTimeUtc(), StreamItemType::Event, static_cast<NodeId>(w + 1), t});
                Transaction transaction(*store.value(), Transaction::Mode::Immediate);
                const auto appended = stream.append(items);
                if (!appended) {
                    failures[w] = appended.error().message;
                    return;
                }
                // Work done after the rows are written (ingest updates rollups then).
                QThread::usleep(random.bounded(0, 1500));
                if (const Status committed = transaction.commit(); !committed) {
                    failures[w] = committed.error().message;
                    return;
                }
                written[w] += static_cast<int>(items.size());
            }
        });
    }
    for (std::thread &writer : writers) {
        writer.join();
    }
    writersDone = true;
    following.join();
    for (const QString &failure : failures) {
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    QVERIFY2(follower.failure.isEmpty(), qPrintable(follower.failure));
    const int total = written[0] + written[1];
    QCOMPARE(follower.seen.size(), total);
    QCOMPARE(QSet<qint64>(follower.seen.cbegin(), follower.seen.cend()).size(), total);
    QCOMPARE(follower.seen.constLast(), lastSeq());
}

void TestStreamRepository::concurrentIngest_followerSeesEveryEventOnce()
{
    // Two backends ingest batches into one store while a third follows the stream: every event
    // is stored once under its own id, and the follower sees one row for each.
    constexpr std::size_t Writers = 2;
    constexpr int BatchesPerWriter = 15;
    constexpr int EventsPerBatch = 150;
    const qint64 start = lastSeq();
    std::atomic<bool> writersDone{false};
    std::array<QString, Writers> failures;
    std::array<QList<QList<ActivityEvent>>, Writers> batches;
    for (std::size_t w = 0; w < Writers; ++w) {
        for (int b = 0; b < BatchesPerWriter; ++b) {
            batches[w].append(batch(QStringLiteral("w%1-b%2-").arg(w).arg(b), EventsPerBatch));
        }
    }
    Follower follower{m_where->location(), start, {}, {}};
    std::thread following([&] { follower.run(writersDone); });
    std::vector<std::thread> writers;
    for (std::size_t w = 0; w < Writers; ++w) {
        writers.emplace_back([&, w] {
            auto store = Store::open(m_where->location());
            if (!store) {
                failures[w] = store.error().message;
                return;
            }
            const SystemClock clock;
            ActivityService activity(*store.value(), clock);
            for (const QList<ActivityEvent> &events : batches[w]) {
                const auto ingested = activity.ingest(events);
                if (!ingested) {
                    failures[w] = ingested.error().message;
                    return;
                }
                if (ingested->accepted != EventsPerBatch) {
                    failures[w] = QStringLiteral("%1 of %2 accepted").arg(ingested->accepted).arg(EventsPerBatch);
                    return;
                }
            }
        });
    }
    for (std::thread &writer : writers) {
        writer.join();
    }
    writersDone = true;
    following.join();
    for (const QString &failure : failures) {
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    QVERIFY2(follower.failure.isEmpty(), qPrintable(follower.failure));
    constexpr int Total = static_cast<int>(Writers) * BatchesPerWriter * EventsPerBatch;
    QCOMPARE(follower.seen.size(), Total);
    QCOMPARE(QSet<qint64>(follower.seen.cbegin(), follower.seen.cend()).size(), Total);
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT id) FROM activity_events")) && query.next());
    QCOMPARE(query.value(0).toInt(), Total);
    QCOMPARE(query.value(1).toInt(), Total);
    // Each row names a stored event, each event once.
    QVERIFY(query.exec(QStringLiteral("SELECT count(DISTINCT s.subject_id) FROM stream_log s JOIN activity_events e "
                                      "ON e.id = s.subject_id WHERE s.type = 'event'"))
            && query.next());
    QCOMPARE(query.value(0).toInt(), Total);
}

QTEST_GUILESS_MAIN(TestStreamRepository)
#include "tst_streamrepository.moc"
