// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// GET /api/v1/events?q= on the real stewardd: the activity query language over HTTP, keyset
// pages, a bad query's 400 with its position, and visibility (a private agent's events never
// reach someone without a grant). Runs on SQLite and, as tst_stewardd_search_pg, on PostgreSQL.
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace steward;
using namespace steward::test;

class TestStewarddSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void search_findsByQuery_data();
    void search_findsByQuery();
    void search_pagesWithBefore();
    void search_hitCarriesPathAndSnippet();
    void search_badQuery_is400WithPosition_data();
    void search_badQuery_is400WithPosition();

private:
    [[nodiscard]] HttpReply search(const QString &principal, const QString &query, const QString &more = {}) const;
    [[nodiscard]] static QStringList clientIds(const HttpReply &reply);

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddSearch::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const struct
    {
        const char *clientId;
        const char *agent;
        const char *kind;
        const char *summary;
    } planted[] = {
        {"mail-1", "/acme/sales/outbound/prospect-mailer", "output", "Invoice reminder sent to Globex"},
        {"score-1", "/acme/sales/outbound/lead-scorer", "tool.call", "Scored Globex from the invoice history"},
        {"price-1", "/acme/sales/outbound/pricing-bot", "output", "Secret invoice discount for Globex"},
        {"triage-1", "/acme/support/tier1/triage", "error", "Ticket about a wrong invoice & a refund + fee"},
        {"mail-2", "/acme/sales/outbound/prospect-mailer", "output", "Follow-up on the Globex invoice"},
    };
    QJsonArray events;
    for (const auto &p : planted) {
        events.append(QJsonObject{{QStringLiteral("clientId"), QString::fromUtf8(p.clientId)},
                                  {QStringLiteral("agentId"), m_seeded.nodes.value(QString::fromUtf8(p.agent))},
                                  {QStringLiteral("kind"), QString::fromUtf8(p.kind)},
                                  {QStringLiteral("summary"), QString::fromUtf8(p.summary)}});
    }
    const HttpClient admin(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")));
    const HttpReply posted = admin.post(QStringLiteral("/api/v1/events"), {{QStringLiteral("events"), events}});
    QCOMPARE(posted.status, 200);
    QCOMPARE(posted.json().value(QStringLiteral("accepted")).toInt(), 5);
}

void TestStewarddSearch::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

HttpReply TestStewarddSearch::search(const QString &principal, const QString &query, const QString &more) const
{
    return HttpClient(m_server.url(), m_seeded.tokens.value(principal))
        .get(QStringLiteral("/api/v1/events?q=") + QString::fromLatin1(QUrl::toPercentEncoding(query)) + more);
}

QStringList TestStewarddSearch::clientIds(const HttpReply &reply)
{
    QStringList ids;
    const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items) {
        ids.append(item.toObject().value(QStringLiteral("clientId")).toString());
    }
    return ids;
}

void TestStewarddSearch::search_findsByQuery_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    const auto ids = [](const char *list) { return QString::fromLatin1(list).split(QLatin1Char(' ')); };
    QTest::newRow("admin sees every agent") << "root-admin"
                                            << "invoice globex" << ids("mail-2 price-1 score-1 mail-1");
    QTest::newRow("outsider: no team or private agent") << "outsider"
                                                        << "invoice globex" << ids("mail-2 mail-1");
    QTest::newRow("a role above the private agent shows it")
        << "outbound-reviewer"
        << "invoice globex" << ids("mail-2 price-1 score-1 mail-1");
    QTest::newRow("naming a hidden agent finds nothing") << "outsider"
                                                         << "agent:/acme/sales/outbound/pricing-bot" << QStringList();
    QTest::newRow("filters") << "root-admin"
                             << "kind:output -agent:/sales/outbound/pricing-bot" << ids("mail-2 mail-1");
    QTest::newRow("OR and a phrase") << "root-admin"
                                     << "\"invoice discount\" OR kind:error" << ids("triage-1 price-1");
    QTest::newRow("& and + stay text") << "auditor"
                                       << "\"invoice & a refund + fee\"" << ids("triage-1");
    QTest::newRow("an agent identity sees its own") << "mailer-bot"
                                                    << "invoice" << ids("mail-2 mail-1");
}

void TestStewarddSearch::search_findsByQuery()
{
    QFETCH(QString, principal);
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    const HttpReply reply = search(principal, query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(clientIds(reply), expected);
}

void TestStewarddSearch::search_pagesWithBefore()
{
    QStringList paged;
    QString cursor;
    int pages = 0;
    do {
        const HttpReply reply =
            search(QStringLiteral("root-admin"), QStringLiteral("invoice"),
                   QStringLiteral("&limit=2") + (cursor.isEmpty() ? QString() : QStringLiteral("&before=") + cursor));
        QCOMPARE(reply.status, 200);
        paged.append(clientIds(reply));
        cursor = reply.json().value(QStringLiteral("nextCursor")).toString();
        QVERIFY(++pages <= 4);
    } while (!cursor.isEmpty());
    QCOMPARE(paged,
             QStringList({QStringLiteral("mail-2"), QStringLiteral("triage-1"), QStringLiteral("price-1"),
                          QStringLiteral("score-1"), QStringLiteral("mail-1")}));
}

void TestStewarddSearch::search_hitCarriesPathAndSnippet()
{
    const HttpReply reply = search(QStringLiteral("outsider"), QStringLiteral("reminder"));
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject hit = items.first().toObject();
    QCOMPARE(hit.value(QStringLiteral("agentPath")).toString(), QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QVERIFY(hit.value(QStringLiteral("id")).toInteger() > 0);
    const QString snippet = hit.value(QStringLiteral("snippet")).toString();
    QVERIFY2(snippet.contains(QStringLiteral("\uE000reminder\uE001")), qPrintable(snippet));
}

void TestStewarddSearch::search_badQuery_is400WithPosition_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("more");
    QTest::addColumn<QString>("message");
    QTest::newRow("unterminated quote") << "invoice \"globex" << QString() << "at 9: unterminated quote";
    QTest::newRow("unknown filter") << "colour:red" << QString() << "at 1: unknown filter";
    QTest::newRow("SQL") << "'; DROP TABLE activity_events; --" << QString() << "at 1: ";
    QTest::newRow("limit") << "invoice"
                           << "&limit=501"
                           << "limit";
    QTest::newRow("before") << "invoice"
                            << "&before=x"
                            << "before";
}

void TestStewarddSearch::search_badQuery_is400WithPosition()
{
    QFETCH(QString, query);
    QFETCH(QString, more);
    QFETCH(QString, message);
    const HttpReply reply = search(QStringLiteral("root-admin"), query, more);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), QStringLiteral("invalid"));
    const QString text =
        reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(text.startsWith(message), qPrintable(text));
    // The log is intact: the SQL-looking query was only ever a bound value.
    QCOMPARE(clientIds(search(QStringLiteral("root-admin"), QStringLiteral("invoice"))).size(), 5);
}

QTEST_GUILESS_MAIN(TestStewarddSearch)
#include "tst_stewardd_search.moc"
