// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Activity search on a real store (SQLite FTS5, and PostgreSQL full text in the _pg twin):
// every filter, OR and NOT, phrases, keyset paging, snippets, visibility, text in several
// languages, and SQL-looking text that stays text.
#include "domain/clock.h"
#include "query/activitysearch.h"
#include "query/querycompiler.h"
#include "service/agentservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace steward;

class TestActivitySearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void search_findsWhatTheQueryNames_data();
    void search_findsWhatTheQueryNames();
    void search_blankQuery_isEveryEventNewestFirst();
    void search_pagesByKeysetWithoutDuplicatesOrGaps_data();
    void search_pagesByKeysetWithoutDuplicatesOrGaps();
    void search_snippetHighlightsTheHit();
    void search_leavesOutAgentsTheAskerCannotSee();
    void search_sqlLookingText_isFoundAsTextAndTablesStayIntact();
    void search_badQuery_isInvalidWithPosition();

private:
    struct Planted
    {
        QString tag; // a name for the event, in its clientId
        NodeId agent = NoNode;
        QString kind;
        QString status;
        QString summary;
        QString detail;
        int version = 1;
        qint64 tokens = 0;
        double cost = 0.0;
        qint64 latencyMs = 0;
        int minutesAgo = 0;
        bool inScheduledRun = false;
    };

    [[nodiscard]] QStringList tagsFor(const QString &query, const VisibilityFilter *visibility = nullptr) const;
    [[nodiscard]] QDateTime now() const { return m_now; }

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    NodeId m_mailer = NoNode; // /acme/sales/mailer, public
    NodeId m_scorer = NoNode; // /acme/sales/scorer, public
    NodeId m_triage = NoNode; // /acme/support/triage, public
    NodeId m_payroll = NoNode; // /acme/support/payroll, private
    RunId m_scheduledRun = 0;
    QDateTime m_now{QDate(2026, 5, 4), QTime(12, 0), Qt::UTC};
};

void TestActivitySearch::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    const ManualClock clock(m_now.addDays(-2));
    OrgService org(*m_store, clock);
    AgentService agents(*m_store, clock, org);
    const auto acme = org.createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    const auto sales = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), QStringLiteral("ops"),
                                       QStringLiteral("setup"));
    const auto support = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("support"),
                                         QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(sales.ok() && support.ok());
    const auto agent = [&](NodeId parent, const QString &name, Visibility visibility) {
        const auto created =
            agents.createAgent({parent, name, QStringLiteral("dana.kim"), visibility, Criticality::Standard,
                                QStringLiteral("model: a\ninstructions: |\n  Work.\ncriticality: standard\n")},
                               QStringLiteral("ops"), QStringLiteral("setup"));
        return created ? created->id : NoNode;
    };
    m_mailer = agent(sales->id, QStringLiteral("mailer"), Visibility::Public);
    m_scorer = agent(sales->id, QStringLiteral("scorer"), Visibility::Public);
    m_triage = agent(support->id, QStringLiteral("triage"), Visibility::Public);
    m_payroll = agent(support->id, QStringLiteral("payroll"), Visibility::Private);
    QVERIFY(m_mailer != NoNode && m_scorer != NoNode && m_triage != NoNode && m_payroll != NoNode);

    ActivityRepository activity(*m_store);
    Run run;
    run.agentId = m_scorer;
    run.version = 2;
    run.trigger = RunTrigger::Schedule;
    run.startedAt = m_now.addSecs(-3600);
    const Result<RunId> runId = activity.insertRun(run);
    QVERIFY(runId.ok());
    m_scheduledRun = runId.value();

    // Oldest first, so that ids grow with the list.
    const QList<Planted> planted{
        {QStringLiteral("quote"), m_mailer, QStringLiteral("output"), QStringLiteral("ok"),
         QStringLiteral("Sent the quote to Globex"), QStringLiteral("Quote for 40 seats, renewal in March."), 1, 1200,
         0.02, 900, 3000},
        {QStringLiteral("bounce"), m_mailer, QStringLiteral("error"), QStringLiteral("error"),
         QStringLiteral("Mail to Initech bounced"), QStringLiteral("The mailbox is full."), 1, 300, 0.004, 4000, 2000},
        {QStringLiteral("cafe"), m_triage, QStringLiteral("decision"), QStringLiteral("ok"),
         QStringLiteral("Customer at the Café Müller asked for a refund"),
         QStringLiteral("Routed to the refunds team."), 3, 800, 0.01, 1500, 1000},
        {QStringLiteral("cyrillic"), m_triage, QStringLiteral("output"), QStringLiteral("ok"),
         QStringLiteral("Ответ клиенту отправлен"), QStringLiteral("Клиент доволен."), 3, 100, 0.001, 300, 600},
        {QStringLiteral("compound"), m_triage, QStringLiteral("step"), QStringLiteral("ok"),
         QStringLiteral("Kundenanfrage zur Rechnungsadresse beantwortet"), QString(), 3, 50, 0.0, 200, 120},
        {QStringLiteral("scored"), m_scorer, QStringLiteral("tool.call"), QStringLiteral("ok"),
         QStringLiteral("Scored the lead from Globex"), QStringLiteral("score 0.87; quote likely"), 2, 5000, 0.9, 2500,
         30, true},
        {QStringLiteral("salary"), m_payroll, QStringLiteral("output"), QStringLiteral("ok"),
         QStringLiteral("Salary run for Globex staff prepared"), QStringLiteral("Quote: confidential."), 1, 700, 0.05,
         800, 10},
        {QStringLiteral("sql"), m_triage, QStringLiteral("step"), QStringLiteral("ok"),
         QStringLiteral("Customer typed '; DROP TABLE activity_events; -- into the form"), QString(), 3, 10, 0.0, 50,
         5},
    };
    QList<ActivityEvent> events;
    for (const Planted &p : planted) {
        ActivityEvent e;
        e.clientId = p.tag;
        e.time = m_now.addSecs(-60 * p.minutesAgo);
        e.agentId = p.agent;
        e.version = p.version;
        e.runId = p.inScheduledRun ? m_scheduledRun : 0;
        e.kind = p.kind;
        e.status = p.status;
        e.summary = p.summary;
        e.detail = p.detail;
        e.tokensIn = p.tokens / 2;
        e.tokensOut = p.tokens - p.tokens / 2;
        e.cost = p.cost;
        e.latencyMs = p.latencyMs;
        events.append(e);
    }
    Transaction transaction(*m_store);
    QVERIFY(activity.appendEvents(events).ok());
    QVERIFY(transaction.commit().ok());
}

void TestActivitySearch::cleanup()
{
    m_store.reset();
    m_where.reset();
}

QStringList TestActivitySearch::tagsFor(const QString &query, const VisibilityFilter *visibility) const
{
    const Result<ActivityPage> page = ActivitySearch(*m_store).search(query, 0, 100, m_now, visibility);
    if (!page) {
        return {QStringLiteral("error: ") + page.error().message};
    }
    QStringList tags;
    for (const ActivityHit &hit : page->hits) {
        tags.append(hit.event.clientId);
    }
    return tags;
}

void TestActivitySearch::search_findsWhatTheQueryNames_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // newest first

    const auto tags = [](const char *list) { return QString::fromLatin1(list).split(QLatin1Char(' ')); };
    QTest::newRow("word") << QStringLiteral("globex") << tags("salary scored quote");
    QTest::newRow("word, any case") << QStringLiteral("GLOBEX") << tags("salary scored quote");
    QTest::newRow("two words: both") << QStringLiteral("globex quote") << tags("salary scored quote");
    QTest::newRow("phrase") << QStringLiteral("\"the quote\"") << tags("quote");
    QTest::newRow("phrase out of order") << QStringLiteral("\"quote the\"") << QStringList();
    QTest::newRow("prefix of a word") << QStringLiteral("boun") << tags("bounce");
    QTest::newRow("OR") << QStringLiteral("initech OR refund") << tags("cafe bounce");
    QTest::newRow("NOT word") << QStringLiteral("globex -lead") << tags("salary quote");
    QTest::newRow("NOT filter") << QStringLiteral("globex -kind:output") << tags("scored");
    QTest::newRow("NOT alone") << QStringLiteral("-kind:step -kind:output") << tags("scored cafe bounce");
    QTest::newRow("group") << QStringLiteral("(initech OR refund) -status:error") << tags("cafe");
    QTest::newRow("OR mixing text and filter") << QStringLiteral("initech OR kind:tool.call") << tags("scored bounce");
    QTest::newRow("agent path") << QStringLiteral("agent:/acme/sales/mailer") << tags("bounce quote");
    QTest::newRow("agent path without the company") << QStringLiteral("agent:/sales/mailer") << tags("bounce quote");
    QTest::newRow("agent subtree") << QStringLiteral("globex agent:/sales/*") << tags("scored quote");
    QTest::newRow("agent group") << QStringLiteral("agent:/acme/sales") << tags("scored bounce quote");
    QTest::newRow("agent nowhere") << QStringLiteral("agent:/acme/nowhere/*") << QStringList();
    QTest::newRow("kind") << QStringLiteral("kind:tool.call") << tags("scored");
    QTest::newRow("kind with text") << QStringLiteral("globex kind:output") << tags("salary quote");
    QTest::newRow("status") << QStringLiteral("status:error") << tags("bounce");
    QTest::newRow("version") << QStringLiteral("version:3 kind:step") << tags("sql compound");
    QTest::newRow("run") << QStringLiteral("run:%1") << tags("scored");
    QTest::newRow("trigger") << QStringLiteral("trigger:schedule") << tags("scored");
    QTest::newRow("trigger, negated") << QStringLiteral("globex -trigger:schedule") << tags("salary quote");
    QTest::newRow("since age") << QStringLiteral("since:20m") << tags("sql salary");
    QTest::newRow("since date") << QStringLiteral("since:2026-05-03 kind:error") << tags("bounce");
    QTest::newRow("until") << QStringLiteral("until:2026-05-03T00:00 OR until:1500m") << tags("bounce quote");
    QTest::newRow("since and until") << QStringLiteral("since:25h until:9h") << tags("cyrillic cafe");
    QTest::newRow("tokens >") << QStringLiteral("tokens>1000") << tags("scored quote");
    QTest::newRow("tokens <=") << QStringLiteral("tokens<=50") << tags("sql compound");
    QTest::newRow("cost >=") << QStringLiteral("cost>=0.05") << tags("salary scored");
    QTest::newRow("cost =") << QStringLiteral("cost=0.9") << tags("scored");
    QTest::newRow("latency <") << QStringLiteral("latency<250 kind:step") << tags("sql compound");
    QTest::newRow("accent typed without") << QStringLiteral("cafe muller") << tags("cafe");
    QTest::newRow("accent typed with") << QStringLiteral("Café") << tags("cafe");
    QTest::newRow("Cyrillic") << QStringLiteral("клиенту") << tags("cyrillic");
    QTest::newRow("Cyrillic, other case") << QStringLiteral("ОТВЕТ") << tags("cyrillic");
    QTest::newRow("German compound by its first word") << QStringLiteral("kunden") << tags("compound");
    QTest::newRow("German compound whole") << QStringLiteral("Rechnungsadresse") << tags("compound");
    QTest::newRow("FTS5 keyword as a word") << QStringLiteral("\"NEAR\" OR \"AND\"") << QStringList();
    QTest::newRow("meta tokens are not text") << QStringLiteral("kindoutput") << QStringList();
}

void TestActivitySearch::search_findsWhatTheQueryNames()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    if (query.contains(QLatin1String("%1"))) {
        query = query.arg(m_scheduledRun);
    }
    QCOMPARE(tagsFor(query), expected);
}

void TestActivitySearch::search_blankQuery_isEveryEventNewestFirst()
{
    const QStringList all = tagsFor(QStringLiteral("  "));
    QCOMPARE(all.size(), 8);
    QCOMPARE(all.first(), QStringLiteral("sql"));
    QCOMPARE(all.last(), QStringLiteral("quote"));
}

void TestActivitySearch::search_pagesByKeysetWithoutDuplicatesOrGaps_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("everything") << QString();
    QTest::newRow("text") << QStringLiteral("globex OR customer OR klient OR mail");
    QTest::newRow("filter") << QStringLiteral("-kind:error");
}

void TestActivitySearch::search_pagesByKeysetWithoutDuplicatesOrGaps()
{
    QFETCH(QString, query);
    const QStringList whole = tagsFor(query);
    QVERIFY(whole.size() >= 3);
    QStringList paged;
    EventId before = 0;
    int pages = 0;
    do {
        const Result<ActivityPage> page = ActivitySearch(*m_store).search(query, before, 2, m_now, nullptr);
        QVERIFY2(page.ok(), qPrintable(page ? QString() : page.error().message));
        QVERIFY(page->hits.size() <= 2);
        for (const ActivityHit &hit : page->hits) {
            paged.append(hit.event.clientId);
        }
        before = page->nextBefore;
        QVERIFY(++pages <= whole.size() + 1);
    } while (before != 0);
    QCOMPARE(paged, whole);
}

void TestActivitySearch::search_snippetHighlightsTheHit()
{
    const Result<ActivityPage> page = ActivitySearch(*m_store).search(QStringLiteral("initech"), 0, 10, m_now, nullptr);
    QVERIFY(page.ok());
    QCOMPARE(page->hits.size(), 1);
    const ActivityHit &hit = page->hits.first();
    QCOMPARE(hit.agentPath, QStringLiteral("/acme/sales/mailer"));
    QCOMPARE(hit.event.summary, QStringLiteral("Mail to Initech bounced"));
    const QString marked = QChar(SearchMarks::Start) + QStringLiteral("Initech") + QChar(SearchMarks::End);
    QVERIFY2(hit.snippet.contains(marked), qPrintable(hit.snippet));

    // A hit in the detail is highlighted there.
    const Result<ActivityPage> detail =
        ActivitySearch(*m_store).search(QStringLiteral("mailbox"), 0, 10, m_now, nullptr);
    QVERIFY(detail.ok());
    QCOMPARE(detail->hits.size(), 1);
    QVERIFY2(detail->hits.first().snippet.contains(QChar(SearchMarks::Start) + QStringLiteral("mailbox")),
             qPrintable(detail->hits.first().snippet));

    // Filters alone highlight nothing: the snippet is the summary.
    const Result<ActivityPage> filtered =
        ActivitySearch(*m_store).search(QStringLiteral("status:error"), 0, 10, m_now, nullptr);
    QVERIFY(filtered.ok());
    QCOMPARE(filtered->hits.first().snippet, QStringLiteral("Mail to Initech bounced"));
}

void TestActivitySearch::search_leavesOutAgentsTheAskerCannotSee()
{
    const VisibilityFilter outsider(PrincipalKind::User, {});
    QCOMPARE(tagsFor(QStringLiteral("globex"), &outsider),
             QStringList({QStringLiteral("scored"), QStringLiteral("quote")}));
    // Naming the hidden agent finds nothing, exactly as for a path that does not exist.
    QCOMPARE(tagsFor(QStringLiteral("agent:/acme/support/payroll"), &outsider), QStringList());
    QCOMPARE(tagsFor(QStringLiteral("salary OR -kind:nothing"), &outsider).contains(QStringLiteral("salary")), false);

    Grant grant;
    grant.role = Role::Reviewer;
    grant.nodePath = QStringLiteral("/acme/support");
    const VisibilityFilter colleague(PrincipalKind::User, {grant});
    QCOMPARE(tagsFor(QStringLiteral("globex"), &colleague),
             QStringList({QStringLiteral("salary"), QStringLiteral("scored"), QStringLiteral("quote")}));

    // Paging an outsider's search still fills its pages.
    const Result<ActivityPage> page = ActivitySearch(*m_store).search(QString(), 0, 7, m_now, &outsider);
    QVERIFY(page.ok());
    QCOMPARE(page->hits.size(), 7);
}

void TestActivitySearch::search_sqlLookingText_isFoundAsTextAndTablesStayIntact()
{
    QCOMPARE(tagsFor(QStringLiteral("\"'; DROP TABLE activity_events; --\"")), QStringList{QStringLiteral("sql")});
    QCOMPARE(tagsFor(QStringLiteral("drop table")), QStringList{QStringLiteral("sql")});
    QCOMPARE(tagsFor(QStringLiteral("kind:\"'; DROP TABLE runs; --\"")), QStringList());
    QCOMPARE(tagsFor(QStringLiteral("agent:\"/x'; DROP TABLE nodes; --\"")), QStringList());
    QSqlQuery count(m_store->database());
    QVERIFY(count.exec(QStringLiteral("SELECT (SELECT count(*) FROM activity_events), (SELECT count(*) FROM runs), "
                                      "(SELECT count(*) FROM nodes)")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 8);
    QCOMPARE(count.value(1).toInt(), 1);
    QCOMPARE(count.value(2).toInt(), 7);
}

void TestActivitySearch::search_badQuery_isInvalidWithPosition()
{
    const Result<ActivityPage> page =
        ActivitySearch(*m_store).search(QStringLiteral("globex \"unclosed"), 0, 10, m_now, nullptr);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, Error::Code::Invalid);
    QVERIFY2(page.error().message.startsWith(QStringLiteral("at 8:")), qPrintable(page.error().message));
    const Result<ActivityPage> tooMany = ActivitySearch(*m_store).search(QString(), 0, 501, m_now, nullptr);
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.error().code, Error::Code::Invalid);
}

QTEST_GUILESS_MAIN(TestActivitySearch)
#include "tst_activitysearch.moc"
