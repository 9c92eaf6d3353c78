// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real stewardd over loopback, on a workspace seeded through the core services: who may
// read and change what (a data-driven matrix of principal x subtree x action), the rules of
// versions, idempotent ingest, tokens, and errors as JSON. Runs on SQLite and, as
// tst_stewardd_api_pg, on PostgreSQL.
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QJsonArray>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestStewarddApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void operationsNeedNoToken();
    void apiNeedsAToken();
    void permissions_data();
    void permissions();
    void treeHidesWhatTheCallerMayNotSee();
    void versionsKeepTheirRules();
    void ingestIsIdempotent();
    void tokensWorkUntilRevoked();
    void errorsAreJson_data();
    void errorsAreJson();
    void pauseAndResumeAreAuditedActs();

private:
    [[nodiscard]] HttpClient as(const QString &principal) const
    {
        return HttpClient(m_server.url(), m_seeded.tokens.value(principal));
    }
    [[nodiscard]] QString withIds(QString text) const;
    [[nodiscard]] QJsonObject event(const QString &clientId, const QString &agentPath) const;

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddApi::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestStewarddApi::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

// "{/acme/sales}" in a path or body becomes that node's id.
QString TestStewarddApi::withIds(QString text) const
{
    for (auto it = m_seeded.nodes.cbegin(); it != m_seeded.nodes.cend(); ++it) {
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), QString::number(it.value()));
    }
    return text;
}

QJsonObject TestStewarddApi::event(const QString &clientId, const QString &agentPath) const
{
    return QJsonObject{{QStringLiteral("clientId"), clientId},
                       {QStringLiteral("agentId"), m_seeded.nodes.value(agentPath)},
                       {QStringLiteral("kind"), QStringLiteral("output")},
                       {QStringLiteral("summary"), QStringLiteral("Drafted an email about the London event")},
                       {QStringLiteral("tokensIn"), 120}};
}

void TestStewarddApi::operationsNeedNoToken()
{
    const HttpClient anonymous(m_server.url());
    QCOMPARE(anonymous.get(QStringLiteral("/healthz")).status, 200);
    const HttpReply ready = anonymous.get(QStringLiteral("/readyz"));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json().value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
    const HttpReply metrics = anonymous.get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.contains("steward_http_requests_total{method=\"GET\",route=\"/readyz\",status=\"200\"} 1"));
    QVERIFY(metrics.body.contains("steward_stream_clients"));
}

void TestStewarddApi::apiNeedsAToken()
{
    const HttpReply missing = HttpClient(m_server.url()).get(QStringLiteral("/api/v1/tree"));
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.errorCode(), QStringLiteral("unauthenticated"));
    QVERIFY(missing.header("WWW-Authenticate").startsWith("Bearer"));
    const HttpReply wrong =
        HttpClient(m_server.url(), QStringLiteral("not-a-token")).get(QStringLiteral("/api/v1/tree"));
    QCOMPARE(wrong.status, 401);
    QVERIFY(m_server.log().contains(QStringLiteral("event=authentication_failed")));
    QVERIFY(!m_server.log().contains(QStringLiteral("not-a-token")));
}

void TestStewarddApi::permissions_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("expected");

    const QString mailer = QStringLiteral("/api/v1/agents/{/acme/sales/outbound/prospect-mailer}");
    const QString scorer = QStringLiteral("/api/v1/agents/{/acme/sales/outbound/lead-scorer}");
    const QString pricing = QStringLiteral("/api/v1/agents/{/acme/sales/outbound/pricing-bot}");
    const QString triage = QStringLiteral("/api/v1/agents/{/acme/support/tier1/triage}");
    const QString refund = QStringLiteral("/api/v1/agents/{/acme/support/tier1/refund-bot}");
    const QString newTeamInSales =
        QStringLiteral(R"({"parentId": {/acme/sales}, "kind": "team", "name": "t-%1", "reason": "grow"})");
    const QString newTeamInSupport =
        QStringLiteral(R"({"parentId": {/acme/support}, "kind": "team", "name": "t-%1", "reason": "grow"})");
    const QString mailerEvent = QStringLiteral(
        R"({"events": [{"clientId": "perm-%1", "agentId": {/acme/sales/outbound/prospect-mailer}, "kind": "step"}]})");
    const QString triageEvent = QStringLiteral(
        R"({"events": [{"clientId": "perm-%1", "agentId": {/acme/support/tier1/triage}, "kind": "step"}]})");
    const QString newPrincipal = QStringLiteral(R"({"name": "p-%1", "kind": "user", "reason": "hire"})");
    const QString pause = QStringLiteral(R"({"status": "paused", "reason": "hold on"})");

    struct Row
    {
        const char *principal;
        QByteArray method;
        QString path;
        QString body;
        int expected;
    };
    const QList<Row> rows{
        // Seeing: public to all users, team to the team's subtree, private to grants on it.
        {"root-admin", "GET", pricing, {}, 200},
        {"root-admin", "GET", refund, {}, 200},
        {"outsider", "GET", mailer, {}, 200},
        {"outsider", "GET", scorer, {}, 404},
        {"outsider", "GET", pricing, {}, 404},
        {"outsider", "GET", triage, {}, 200},
        {"outbound-reviewer", "GET", scorer, {}, 200},
        {"outbound-reviewer", "GET", pricing, {}, 200},
        {"outbound-reviewer", "GET", refund, {}, 404},
        {"sales-editor", "GET", pricing, {}, 200},
        {"sales-editor", "GET", refund, {}, 404},
        {"auditor", "GET", refund, {}, 200},
        {"mailer-bot", "GET", mailer, {}, 200},
        {"mailer-bot", "GET", triage, {}, 404},
        // Editing the tree: editors below their grant, admins everywhere.
        {"sales-editor", "POST", QStringLiteral("/api/v1/nodes"), newTeamInSales, 201},
        {"sales-editor", "POST", QStringLiteral("/api/v1/nodes"), newTeamInSupport, 403},
        {"root-admin", "POST", QStringLiteral("/api/v1/nodes"), newTeamInSupport, 201},
        {"outbound-reviewer", "POST", QStringLiteral("/api/v1/nodes"), newTeamInSales, 403},
        {"auditor", "POST", QStringLiteral("/api/v1/nodes"), newTeamInSales, 403},
        {"outsider", "POST", QStringLiteral("/api/v1/nodes"), newTeamInSales, 403},
        // Reading the audit log: auditors and admins.
        {"auditor", "GET", QStringLiteral("/api/v1/audit"), {}, 200},
        {"root-admin", "GET", QStringLiteral("/api/v1/audit/verify"), {}, 200},
        {"sales-editor", "GET", QStringLiteral("/api/v1/audit"), {}, 403},
        {"outsider", "GET", QStringLiteral("/api/v1/audit/verify"), {}, 403},
        {"auditor", "GET", QStringLiteral("/api/v1/audit?subject=/acme/sales"), {}, 200},
        // Ingest: an agent only for itself; admins for importers.
        {"mailer-bot", "POST", QStringLiteral("/api/v1/events"), mailerEvent, 200},
        {"mailer-bot", "POST", QStringLiteral("/api/v1/events"), triageEvent, 404},
        {"root-admin", "POST", QStringLiteral("/api/v1/events"), triageEvent, 200},
        {"sales-editor", "POST", QStringLiteral("/api/v1/events"), mailerEvent, 403},
        {"outsider", "POST", QStringLiteral("/api/v1/events"), mailerEvent, 403},
        // Access management: admins only.
        {"root-admin", "POST", QStringLiteral("/api/v1/principals"), newPrincipal, 201},
        {"sales-editor", "POST", QStringLiteral("/api/v1/principals"), newPrincipal, 403},
        {"auditor", "GET", QStringLiteral("/api/v1/principals"), {}, 403},
        {"mailer-bot", "GET", QStringLiteral("/api/v1/me"), {}, 200},
        // Pausing: editors and admins of the agent's subtree; hidden agents stay hidden.
        {"outsider", "PATCH", pricing + QStringLiteral("/status"), pause, 404},
        {"sales-editor", "PATCH", refund + QStringLiteral("/status"), pause, 404},
        {"outbound-reviewer", "PATCH", scorer + QStringLiteral("/status"), pause, 403},
        {"auditor", "PATCH", triage + QStringLiteral("/status"), pause, 403},
        {"mailer-bot", "PATCH", mailer + QStringLiteral("/status"), pause, 403},
        {"outsider", "PATCH", mailer + QStringLiteral("/status"), pause, 403},
    };
    int index = 0;
    for (const Row &row : rows) {
        ++index;
        QTest::addRow("%s %s %s #%d", row.principal, row.method.constData(), qPrintable(row.path), index)
            << QString::fromLatin1(row.principal) << row.method << row.path
            << (row.body.contains(QLatin1String("%1")) ? row.body.arg(index) : row.body) << row.expected;
    }
}

void TestStewarddApi::permissions()
{
    QFETCH(QString, principal);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(int, expected);
    const HttpReply reply = as(principal).send(method, withIds(path), withIds(body).toUtf8());
    QVERIFY2(reply.status == expected, reply.body.constData());
    if (expected >= 400) {
        QVERIFY(!reply.errorCode().isEmpty());
        // A hidden agent is answered exactly like a missing one.
        QVERIFY(principal == QLatin1String("root-admin")
                || (!reply.body.contains("pricing-bot") && !reply.body.contains("refund-bot")));
    }
}

void TestStewarddApi::treeHidesWhatTheCallerMayNotSee()
{
    const auto paths = [this](const QString &principal) {
        QStringList seen;
        QString cursor;
        do {
            const HttpReply page =
                as(principal).get(QStringLiteral("/api/v1/tree?limit=3")
                                  + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            if (page.status != 200) {
                return QStringList{QString::fromUtf8(page.body)};
            }
            for (const QJsonValue &node : page.json().value(QStringLiteral("items")).toArray()) {
                seen.append(node.toObject().value(QStringLiteral("path")).toString());
            }
            cursor = page.json().value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        return seen;
    };
    const QStringList admin = paths(QStringLiteral("root-admin"));
    QVERIFY(admin.contains(QStringLiteral("/acme/sales/outbound/pricing-bot")));
    QVERIFY(admin.contains(QStringLiteral("/acme/support/tier1/refund-bot")));
    const QStringList outsider = paths(QStringLiteral("outsider"));
    QVERIFY(outsider.contains(QStringLiteral("/acme/sales/outbound/prospect-mailer")));
    QVERIFY(!outsider.contains(QStringLiteral("/acme/sales/outbound/lead-scorer")));
    QVERIFY(!outsider.contains(QStringLiteral("/acme/sales/outbound/pricing-bot")));
    QVERIFY(!outsider.contains(QStringLiteral("/acme/support/tier1/refund-bot")));
    const QStringList bot = paths(QStringLiteral("mailer-bot"));
    QVERIFY(bot.contains(QStringLiteral("/acme/sales/outbound/prospect-mailer")));
    QVERIFY(!bot.contains(QStringLiteral("/acme/support/tier1/triage")));
}

void TestStewarddApi::versionsKeepTheirRules()
{
    const HttpClient editor = as(QStringLiteral("sales-editor"));
    const QString agent = withIds(QStringLiteral("/api/v1/agents/{/acme/sales/outbound/lead-scorer}"));
    const QJsonObject change{{QStringLiteral("baseVersion"), 1},
                             {QStringLiteral("spec"), sampleSpec(QStringLiteral("Score leads from London."))},
                             {QStringLiteral("reason"), QStringLiteral("Focus on the London event")}};
    const HttpReply saved = editor.post(agent + QStringLiteral("/versions"), change);
    QCOMPARE(saved.status, 201);
    QCOMPARE(saved.json().value(QStringLiteral("saved")).toObject().value(QStringLiteral("number")).toInt(), 2);

    // Someone who still has version 1 open is told, not silently overwritten.
    const HttpReply stale = editor.post(agent + QStringLiteral("/versions"), change);
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.errorCode(), QStringLiteral("conflict"));

    const HttpReply diff = editor.get(agent + QStringLiteral("/diff?from=1&to=2"));
    QCOMPARE(diff.status, 200);
    QVERIFY(diff.json()
                .value(QStringLiteral("unified"))
                .toString()
                .contains(QStringLiteral("+  Score leads from London.")));

    const HttpReply blame = editor.get(agent + QStringLiteral("/blame?version=2"));
    QCOMPARE(blame.status, 200);
    bool londonFromV2 = false;
    for (const QJsonValue &line : blame.json().value(QStringLiteral("lines")).toArray()) {
        if (line.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("London"))) {
            londonFromV2 = line.toObject().value(QStringLiteral("version")).toInt() == 2;
        }
    }
    QVERIFY(londonFromV2);

    const HttpReply rolledBack = editor.post(agent + QStringLiteral("/rollback"),
                                             {{QStringLiteral("toVersion"), 1},
                                              {QStringLiteral("baseVersion"), 2},
                                              {QStringLiteral("reason"), QStringLiteral("Too narrow")}});
    QCOMPARE(rolledBack.status, 201);
    QCOMPARE(rolledBack.json().value(QStringLiteral("saved")).toObject().value(QStringLiteral("number")).toInt(), 3);

    const HttpReply history = editor.get(agent + QStringLiteral("/versions"));
    QCOMPARE(history.json().value(QStringLiteral("items")).toArray().size(), 3);

    const HttpReply audit = as(QStringLiteral("auditor")).get(QStringLiteral("/api/v1/audit?actor=sales-editor"));
    QCOMPARE(audit.status, 200);
    QVERIFY(audit.body.contains("Focus on the London event"));
    QVERIFY(audit.body.contains("Too narrow"));
}

void TestStewarddApi::ingestIsIdempotent()
{
    const HttpClient bot = as(QStringLiteral("mailer-bot"));
    const QString mailer = QStringLiteral("/acme/sales/outbound/prospect-mailer");
    const QJsonObject batch{
        {QStringLiteral("events"),
         QJsonArray{event(QStringLiteral("idem-1"), mailer), event(QStringLiteral("idem-2"), mailer),
                    event(QStringLiteral("idem-3"), mailer)}}};
    const HttpReply first = bot.post(QStringLiteral("/api/v1/events"), batch);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("accepted")).toInt(), 3);
    QVERIFY(first.json().value(QStringLiteral("lastSeq")).toInteger() > 0);
    // The agent did not hear the answer and sends the batch again.
    const HttpReply retry = bot.post(QStringLiteral("/api/v1/events"), batch);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.json().value(QStringLiteral("accepted")).toInt(), 0);
    QCOMPARE(retry.json().value(QStringLiteral("duplicates")).toInt(), 3);

    const HttpReply listed =
        as(QStringLiteral("outsider")).get(withIds(QStringLiteral("/api/v1/events?agent={%1}").arg(mailer)));
    QCOMPARE(listed.status, 200);
    int idem = 0;
    for (const QJsonValue &item : listed.json().value(QStringLiteral("items")).toArray()) {
        idem +=
            item.toObject().value(QStringLiteral("clientId")).toString().startsWith(QStringLiteral("idem-")) ? 1 : 0;
    }
    QCOMPARE(idem, 3);
}

void TestStewarddApi::tokensWorkUntilRevoked()
{
    const HttpClient admin = as(QStringLiteral("root-admin"));
    const HttpReply issued = admin.post(QStringLiteral("/api/v1/principals/outsider/tokens"),
                                        {{QStringLiteral("tokenName"), QStringLiteral("laptop")},
                                         {QStringLiteral("reason"), QStringLiteral("new laptop")}});
    QCOMPARE(issued.status, 201);
    const QString secret = issued.json().value(QStringLiteral("secret")).toString();
    QVERIFY(secret.size() >= 32);
    const HttpClient laptop(m_server.url(), secret);
    const HttpReply me = laptop.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QStringLiteral("principal")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("outsider"));
    QCOMPARE(admin
                 .post(QStringLiteral("/api/v1/principals/outsider/tokens/laptop/revoke"),
                       {{QStringLiteral("reason"), QStringLiteral("laptop lost")}})
                 .status,
             200);
    QCOMPARE(laptop.get(QStringLiteral("/api/v1/me")).status, 401);
}

void TestStewarddApi::errorsAreJson_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/api/v1/nothing") << QByteArray() << 404
                                  << QStringLiteral("not_found");
    QTest::newRow("wrong method") << QByteArray("DELETE") << QStringLiteral("/api/v1/tree") << QByteArray() << 405
                                  << QStringLiteral("method_not_allowed");
    QTest::newRow("not a number") << QByteArray("GET") << QStringLiteral("/api/v1/nodes/abc") << QByteArray() << 400
                                  << QStringLiteral("invalid");
    QTest::newRow("no such node") << QByteArray("GET") << QStringLiteral("/api/v1/nodes/999999") << QByteArray() << 404
                                  << QStringLiteral("not_found");
    QTest::newRow("not JSON") << QByteArray("POST") << QStringLiteral("/api/v1/events") << QByteArray("{\"events\": [")
                              << 400 << QStringLiteral("invalid");
    QTest::newRow("invalid UTF-8") << QByteArray("POST") << QStringLiteral("/api/v1/events")
                                   << QByteArray("{\"events\": [{\"clientId\": \"\xff\xfe\"}]}") << 400
                                   << QStringLiteral("invalid");
    QTest::newRow("wrong shape") << QByteArray("POST") << QStringLiteral("/api/v1/events")
                                 << QByteArray("{\"events\": {\"clientId\": 1}}") << 400 << QStringLiteral("invalid");
    QTest::newRow("array body") << QByteArray("POST") << QStringLiteral("/api/v1/nodes") << QByteArray("[1, 2]") << 400
                                << QStringLiteral("invalid");
    QTest::newRow("missing reason") << QByteArray("POST") << QStringLiteral("/api/v1/nodes")
                                    << QByteArray("{\"parentId\": 1, \"kind\": \"team\", \"name\": \"x\"}") << 400
                                    << QStringLiteral("invalid");
    QTest::newRow("bad limit") << QByteArray("GET") << QStringLiteral("/api/v1/tree?limit=100000") << QByteArray()
                               << 400 << QStringLiteral("invalid");
    QTest::newRow("bad cursor") << QByteArray("GET") << QStringLiteral("/api/v1/tree?cursor=xyz") << QByteArray() << 400
                                << QStringLiteral("invalid");

    QByteArray oversized = "{\"events\": [";
    for (int i = 0; i < 5001; ++i) {
        oversized += QStringLiteral(R"(%1{"clientId": "o%2", "agentId": 1, "kind": "step"})")
                         .arg(i == 0 ? QString() : QStringLiteral(","))
                         .arg(i)
                         .toUtf8();
    }
    oversized += "]}";
    QTest::newRow("oversized batch") << QByteArray("POST") << QStringLiteral("/api/v1/events") << oversized << 413
                                     << QStringLiteral("too_large");
}

void TestStewarddApi::errorsAreJson()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpReply reply = as(QStringLiteral("root-admin")).send(method, path, body);
    QVERIFY2(reply.status == status, reply.body.constData());
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(
        !reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    // The server is still there for the next one.
    QCOMPARE(HttpClient(m_server.url()).get(QStringLiteral("/healthz")).status, 200);
}

void TestStewarddApi::pauseAndResumeAreAuditedActs()
{
    const HttpClient editor = as(QStringLiteral("sales-editor"));
    const QString status = withIds(QStringLiteral("/api/v1/agents/{/acme/sales/outbound/pricing-bot}/status"));
    const auto patch = [&editor, &status](const QByteArray &body) { return editor.send("PATCH", status, body); };

    const HttpReply paused = patch(R"({"status": "paused", "reason": "Price list is being reworked"})");
    QVERIFY2(paused.status == 200, paused.body.constData());
    QCOMPARE(paused.json().value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    QCOMPARE(paused.json().value(QStringLiteral("path")).toString(),
             QStringLiteral("/acme/sales/outbound/pricing-bot"));
    const QString agent = withIds(QStringLiteral("/api/v1/agents/{/acme/sales/outbound/pricing-bot}"));
    QCOMPARE(editor.get(agent).json().value(QStringLiteral("status")).toString(), QStringLiteral("paused"));

    struct Refusal
    {
        QByteArray body;
        int status;
        const char *code;
    };
    const QList<Refusal> refusals{
        {R"({"status": "paused", "reason": "again"})", 400, "invalid"},
        {R"({"status": "paused"})", 400, "invalid"},
        {R"({"status": "paused", "reason": ""})", 400, "invalid"},
        {R"({"status": "retired", "reason": "done with it"})", 400, "invalid"},
        {R"({"status": "sleeping", "reason": "x"})", 400, "invalid"},
        {R"({"status": "active", "reason": "x", "when": "now"})", 400, "invalid"},
        {R"(["active"])", 400, "invalid"},
    };
    for (const Refusal &refusal : refusals) {
        const HttpReply reply = patch(refusal.body);
        QVERIFY2(reply.status == refusal.status, refusal.body.constData());
        QCOMPARE(reply.errorCode(), QString::fromLatin1(refusal.code));
    }
    QCOMPARE(editor.get(agent).json().value(QStringLiteral("status")).toString(), QStringLiteral("paused"));

    const HttpReply resumed = as(QStringLiteral("root-admin"))
                                  .send("PATCH", status, R"({"status": "active", "reason": "New prices are live"})");
    QVERIFY2(resumed.status == 200, resumed.body.constData());
    QCOMPARE(resumed.json().value(QStringLiteral("status")).toString(), QStringLiteral("active"));

    const HttpReply audit =
        as(QStringLiteral("auditor")).get(QStringLiteral("/api/v1/audit?subject=/acme/sales/outbound/pricing-bot"));
    QCOMPARE(audit.status, 200);
    QStringList actions;
    for (const QJsonValue &entry : audit.json().value(QStringLiteral("items")).toArray()) {
        const QJsonObject object = entry.toObject();
        actions.append(object.value(QStringLiteral("action")).toString() + QLatin1Char(' ')
                       + object.value(QStringLiteral("actor")).toString() + QLatin1Char(' ')
                       + object.value(QStringLiteral("reason")).toString());
    }
    QVERIFY2(actions.contains(QStringLiteral("agent.pause sales-editor Price list is being reworked")),
             qPrintable(actions.join(QLatin1Char('\n'))));
    QVERIFY2(actions.contains(QStringLiteral("agent.resume root-admin New prices are live")),
             qPrintable(actions.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestStewarddApi)
#include "tst_stewardd_api.moc"
