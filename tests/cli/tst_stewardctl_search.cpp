// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl search: the real binary on the workspace's database (--store) and against the real
// stewardd (--server) on the same seeded workspace, as a table and as JSON. The same query gives
// the same hits both ways, except what the token's owner may not see. Runs on SQLite and, as
// tst_stewardctl_search_pg, on PostgreSQL.
#include "serverfixture.h"
#include "serverprocess.h"
#include "stewardctlprocess.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewardctlSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void search_table_showsTimeAgentVersionRunKindSnippet();
    void search_json_sameOnStoreAndServer();
    void search_server_hidesWhatTheTokenMayNotSee();
    void search_limitAndBefore_page();
    void search_badQuery_exitsWithPosition();

private:
    [[nodiscard]] StewardctlOutcome onServer(const QString &principal, const QStringList &arguments) const;
    [[nodiscard]] StewardctlOutcome onStore(const QStringList &arguments) const;
    [[nodiscard]] static QStringList summaries(const StewardctlOutcome &outcome);

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void TestStewardctlSearch::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const QList<std::pair<QString, QString>> planted{
        {QStringLiteral("/acme/sales/outbound/prospect-mailer"), QStringLiteral("Invoice reminder sent to Globex")},
        {QStringLiteral("/acme/sales/outbound/pricing-bot"), QStringLiteral("Secret invoice discount for Globex")},
        {QStringLiteral("/acme/support/tier1/triage"), QStringLiteral("Ticket about a wrong invoice")},
    };
    QJsonArray events;
    for (const auto &[agent, summary] : planted) {
        events.append(QJsonObject{{QStringLiteral("agentId"), m_seeded.nodes.value(agent)},
                                  {QStringLiteral("kind"), QStringLiteral("output")},
                                  {QStringLiteral("clientId"), QStringLiteral("cli-%1").arg(events.size())},
                                  {QStringLiteral("summary"), summary}});
    }
    const HttpReply posted = HttpClient(m_server.url(), m_seeded.tokens.value(QStringLiteral("root-admin")))
                                 .post(QStringLiteral("/api/v1/events"), {{QStringLiteral("events"), events}});
    QVERIFY2(posted.status == 200, posted.body.constData());
}

void TestStewardctlSearch::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

StewardctlOutcome TestStewardctlSearch::onServer(const QString &principal, const QStringList &arguments) const
{
    return runStewardctl(QStringList{QStringLiteral("--server"), m_server.url().toString()} + arguments, m_dir.path(),
                         {}, m_seeded.tokens.value(principal));
}

StewardctlOutcome TestStewardctlSearch::onStore(const QStringList &arguments) const
{
    return runStewardctl(QStringList{QStringLiteral("--store"), m_store->location()} + arguments, m_dir.path());
}

QStringList TestStewardctlSearch::summaries(const StewardctlOutcome &outcome)
{
    QStringList list;
    const QJsonArray hits = QJsonDocument::fromJson(outcome.out.toUtf8()).array();
    for (const QJsonValue &hit : hits) {
        list.append(hit.toObject().value(QStringLiteral("summary")).toString());
    }
    return list;
}

void TestStewardctlSearch::search_table_showsTimeAgentVersionRunKindSnippet()
{
    const StewardctlOutcome outcome = onStore({QStringLiteral("search"), QStringLiteral("reminder")});
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
    const QStringList lines = outcome.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("TIME")) && lines.at(0).contains(QStringLiteral("AGENT"))
                 && lines.at(0).contains(QStringLiteral("VERSION")) && lines.at(0).contains(QStringLiteral("RUN"))
                 && lines.at(0).contains(QStringLiteral("KIND")) && lines.at(0).contains(QStringLiteral("SNIPPET")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("/acme/sales/outbound/prospect-mailer")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("output")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("Invoice \u00ABreminder\u00BB sent to Globex")),
             qPrintable(lines.at(1)));

    const StewardctlOutcome none = onStore({QStringLiteral("search"), QStringLiteral("nothing-like-this")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out.trimmed(), QStringLiteral("No activity matches."));
}

void TestStewardctlSearch::search_json_sameOnStoreAndServer()
{
    const QStringList arguments{QStringLiteral("search"), QStringLiteral("invoice"), QStringLiteral("globex"),
                                QStringLiteral("--json")};
    const StewardctlOutcome local = onStore(arguments);
    const StewardctlOutcome remote = onServer(QStringLiteral("root-admin"), arguments);
    QVERIFY2(local.exitCode == 0, qPrintable(local.err));
    QVERIFY2(remote.exitCode == 0, qPrintable(remote.err));
    const QStringList expected{QStringLiteral("Secret invoice discount for Globex"),
                               QStringLiteral("Invoice reminder sent to Globex")};
    QCOMPARE(summaries(local), expected);
    QCOMPARE(summaries(remote), expected);
    const QJsonObject hit = QJsonDocument::fromJson(remote.out.toUtf8()).array().first().toObject();
    QCOMPARE(hit.value(QStringLiteral("agentPath")).toString(), QStringLiteral("/acme/sales/outbound/pricing-bot"));
    QVERIFY(hit.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("\uE000invoice\uE001")));

    // A query that starts with '-' follows "--".
    const StewardctlOutcome negated =
        onServer(QStringLiteral("root-admin"),
                 {QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("--"),
                  QStringLiteral("-agent:/sales/*"), QStringLiteral("invoice")});
    QVERIFY2(negated.exitCode == 0, qPrintable(negated.err));
    QCOMPARE(summaries(negated), QStringList{QStringLiteral("Ticket about a wrong invoice")});
}

void TestStewardctlSearch::search_server_hidesWhatTheTokenMayNotSee()
{
    const StewardctlOutcome outsider = onServer(
        QStringLiteral("outsider"), {QStringLiteral("search"), QStringLiteral("globex"), QStringLiteral("--json")});
    QVERIFY2(outsider.exitCode == 0, qPrintable(outsider.err));
    QCOMPARE(summaries(outsider), QStringList{QStringLiteral("Invoice reminder sent to Globex")});
}

void TestStewardctlSearch::search_limitAndBefore_page()
{
    const StewardctlOutcome first =
        onServer(QStringLiteral("root-admin"),
                 {QStringLiteral("search"), QStringLiteral("invoice"), QStringLiteral("--limit"), QStringLiteral("2")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString more = first.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).constLast();
    QVERIFY2(more.startsWith(QStringLiteral("More: --before ")), qPrintable(first.out));
    const StewardctlOutcome second =
        onServer(QStringLiteral("root-admin"),
                 {QStringLiteral("search"), QStringLiteral("invoice"), QStringLiteral("--limit"), QStringLiteral("2"),
                  QStringLiteral("--before"), more.section(QLatin1Char(' '), 2), QStringLiteral("--json")});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(summaries(second), QStringList{QStringLiteral("Invoice reminder sent to Globex")});
}

void TestStewardctlSearch::search_badQuery_exitsWithPosition()
{
    for (const bool remote : {false, true}) {
        const QStringList arguments{QStringLiteral("search"), QStringLiteral("invoice \"globex")};
        const StewardctlOutcome outcome =
            remote ? onServer(QStringLiteral("root-admin"), arguments) : onStore(arguments);
        QVERIFY(outcome.exitCode != 0);
        QVERIFY2(outcome.err.contains(QStringLiteral("at 9: unterminated quote")), qPrintable(outcome.err));
        QVERIFY(outcome.out.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestStewardctlSearch)
#include "tst_stewardctl_search.moc"
