// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OpenTelemetry ingest at /v1/traces on the real stewardd: a batch shaped like the Python SDK's
// GenAI instrumentation, sent chunked over one kept-alive connection, becomes runs and events
// of the registered agent and of a shadow agent under /acme/unregistered; sending it again adds
// nothing; agent tokens stay on their own agent; hidden agents stay hidden; protobuf and bad
// JSON get clear refusals. Runs on SQLite and, as tst_stewardd_otlp_pg, on PostgreSQL.
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

#include <zlib.h>

using namespace steward;
using namespace steward::test;
using namespace Qt::StringLiterals;

namespace {

const QString triage = u"/acme/support/tier1/triage"_s;
const QString shadow = u"/acme/unregistered/shadow-pricing-agent"_s;

QByteArray fixture()
{
    QFile file(QStringLiteral(STEWARD_TEST_DATA_DIR "/otlp/genai-batch.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One POST /v1/traces with a chunked body, as exporters stream it.
QByteArray chunkedRequest(const QByteArray &token, const QByteArray &body)
{
    QByteArray request = "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype at = 0; at < body.size(); at += 1000) {
        const QByteArray chunk = body.mid(at, 1000);
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return request + "0\r\n\r\n";
}

// Sends the requests on one connection and reads `count` complete answers (each with a
// Content-Length), as a kept-alive exporter would; empty if the server closed or was slow.
QList<QByteArray> exchange(quint16 port, const QByteArray &requests, int count, bool &stillOpen)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(requests);
    QByteArray received;
    QList<QByteArray> answers;
    QDeadlineTimer deadline(20'000);
    while (answers.size() < count && !deadline.hasExpired()) {
        const qsizetype headerEnd = received.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray head = received.left(headerEnd).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype length =
                at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (received.size() >= headerEnd + 4 + length) {
                answers.append(received.left(headerEnd + 4 + length));
                received.remove(0, headerEnd + 4 + length);
                continue;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState
            || !socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())))) {
            break;
        }
        received += socket.readAll();
    }
    stillOpen = socket.state() == QAbstractSocket::ConnectedState;
    return answers;
}

// The body as gzip, as exporters compress it.
QByteArray gzipped(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return out;
}

// A request with one span naming its agent by gen_ai.agent.id or gen_ai.agent.name.
QJsonObject spanNaming(const QString &key, const QString &agent, const QString &spanId)
{
    const QJsonObject attribute{{u"key"_s, key}, {u"value"_s, QJsonObject{{u"stringValue"_s, agent}}}};
    const QJsonObject span{{u"traceId"_s, u"11112222333344445555666677778888"_s},
                           {u"spanId"_s, spanId},
                           {u"name"_s, u"invoke_agent"_s},
                           {u"startTimeUnixNano"_s, u"1764000000000000000"_s},
                           {u"endTimeUnixNano"_s, u"1764000001000000000"_s},
                           {u"attributes"_s, QJsonArray{attribute}}};
    return {{u"resourceSpans"_s,
             QJsonArray{QJsonObject{{u"scopeSpans"_s, QJsonArray{QJsonObject{{u"spans"_s, QJsonArray{span}}}}}}}}};
}

} // namespace

class TestStewarddOtlp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void chunkedBatchesOverOneConnection();
    void chunkedBodyOverTheLimitIs413();
    void unregisteredAgentIsCreatedAndAudited();
    void hiddenAgentsStayHidden();
    void agentTokenSendsOnlyItsOwnSpans_data();
    void agentTokenSendsOnlyItsOwnSpans();
    void refusals_data();
    void refusals();
    void partlyValidRequestAnswersPartialSuccess();
    void hugePromptIsClippedNotRefused();
    void gzippedBodies_data();
    void gzippedBodies();

private:
    [[nodiscard]] HttpClient as(const QString &principal) const
    {
        return HttpClient(m_server.url(), m_seeded.tokens.value(principal));
    }
    // The OTLP events of an agent, as the principal sees them.
    [[nodiscard]] QJsonArray otlpEvents(const QString &principal, NodeId agentId) const;
    [[nodiscard]] NodeId nodeAt(const QString &path) const;

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddOtlp::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QVERIFY(!fixture().isEmpty());
}

void TestStewarddOtlp::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

QJsonArray TestStewarddOtlp::otlpEvents(const QString &principal, NodeId agentId) const
{
    const HttpReply reply = as(principal).get(u"/api/v1/events?limit=500"_s);
    QJsonArray events;
    for (const QJsonValue item : reply.json().value(u"items"_s).toArray()) {
        if (item[u"agentId"_s].toInteger() == agentId && item[u"clientId"_s].toString().startsWith(u"otlp:"_s)) {
            events.append(item);
        }
    }
    return events;
}

NodeId TestStewarddOtlp::nodeAt(const QString &path) const
{
    const HttpReply reply = as(u"root-admin"_s).get(u"/api/v1/tree?limit=500"_s);
    for (const QJsonValue node : reply.json().value(u"items"_s).toArray()) {
        if (node[u"path"_s].toString() == path) {
            return node[u"id"_s].toInteger();
        }
    }
    return NoNode;
}

void TestStewarddOtlp::chunkedBatchesOverOneConnection()
{
    const QByteArray token = m_seeded.tokens.value(u"root-admin"_s).toUtf8();
    const QByteArray body = fixture();
    // The batch, then the same batch again as an exporter retrying it, on one connection that
    // stays open for the next.
    bool stillOpen = false;
    const QList<QByteArray> answers =
        exchange(m_server.port(), chunkedRequest(token, body) + chunkedRequest(token, body), 2, stillOpen);
    QCOMPARE(answers.size(), 2);
    for (const QByteArray &answer : answers) {
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY2(answer.endsWith("{}"), answer.constData());
    }
    QVERIFY(stillOpen);

    const NodeId agent = m_seeded.nodes.value(triage);
    const QJsonArray events = otlpEvents(u"root-admin"_s, agent);
    // Its three spans, and the run's run.started and run.finished.
    QCOMPARE(events.size(), 5);
    QHash<QString, QJsonObject> byKind;
    for (const QJsonValue event : events) {
        byKind.insert(event[u"kind"_s].toString(), event.toObject());
    }
    QCOMPARE(byKind.keys().size(), 5);
    QCOMPARE(byKind.value(u"run.finished"_s)[u"latencyMs"_s].toInteger(), 2300);
    QCOMPARE(byKind.value(u"run.started"_s)[u"status"_s].toString(), u"ok"_s);
    const QJsonObject chat = byKind.value(u"step"_s);
    QCOMPARE(chat[u"tokensIn"_s].toInteger(), 812);
    QCOMPARE(chat[u"tokensOut"_s].toInteger(), 64);
    QCOMPARE(chat[u"latencyMs"_s].toInteger(), 1330);
    QVERIFY(chat[u"detail"_s].toString().contains(u"quokka plush arrived torn"_s));
    QVERIFY(chat[u"detail"_s].toString().contains(u"You triage support tickets"_s));
    QCOMPARE(chat[u"spanId"_s].toString(), u"00f067aa0ba902b7"_s);
    QCOMPARE(chat[u"parentSpanId"_s].toString(), u"a3ce929d0e0e4736"_s);
    QVERIFY(byKind.value(u"tool.call"_s)[u"detail"_s].toString().contains(u"A-1042"_s));
    QVERIFY(byKind.value(u"output"_s)[u"detail"_s].toString().contains(u"Refund approved"_s));
    // The web framework's span around it is no agent's work: neither recorded nor a shadow agent.
    QCOMPARE(nodeAt(u"/acme/unregistered/support-desk"_s), NoNode);

    // One run for the trace, ended by its invoke_agent span, counting the model call's tokens.
    const qint64 runId = chat[u"runId"_s].toInteger();
    QVERIFY(runId > 0);
    for (const QJsonValue event : events) {
        QCOMPARE(event[u"runId"_s].toInteger(), runId);
    }
    const QJsonObject run = as(u"root-admin"_s).get(u"/api/v1/runs/%1"_s.arg(runId)).json();
    QCOMPARE(run[u"status"_s].toString(), u"succeeded"_s);
    QCOMPARE(run[u"tokensIn"_s].toInteger(), 812);
    QCOMPARE(run[u"latencyMs"_s].toInteger(), 2300);
    QCOMPARE(run[u"trigger"_s].toString(), u"event"_s);
    const QJsonArray runs =
        as(u"root-admin"_s).get(u"/api/v1/agents/%1/runs"_s.arg(agent)).json()[u"items"_s].toArray();
    qsizetype otlpRuns = 0;
    for (const QJsonValue item : runs) {
        otlpRuns += item[u"triggerDetail"_s].toString().startsWith(u"otlp trace"_s) ? 1 : 0;
    }
    QCOMPARE(otlpRuns, 1);

    // Sent a third time over a fresh connection: still nothing new.
    const HttpReply again = as(u"root-admin"_s).send("POST", u"/v1/traces"_s, body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), QJsonObject());
    QCOMPARE(otlpEvents(u"root-admin"_s, agent).size(), 5);
}

void TestStewarddOtlp::chunkedBodyOverTheLimitIs413()
{
    // No length is declared; the connection guard counts the chunks as they arrive and closes
    // the connection after its answer.
    const QByteArray token = m_seeded.tokens.value(u"root-admin"_s).toUtf8();
    const QByteArray answer = sendRaw(m_server.port(), chunkedRequest(token, QByteArray(9 * 1024 * 1024, ' ')), 15'000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains("\"too_large\""));
    QCOMPARE(HttpClient(m_server.url()).get(u"/healthz"_s).status, 200);
}

void TestStewarddOtlp::unregisteredAgentIsCreatedAndAudited()
{
    // Sent by the test before (this one also runs alone).
    QCOMPARE(as(u"root-admin"_s).send("POST", u"/v1/traces"_s, fixture()).status, 200);
    const NodeId agent = nodeAt(shadow);
    QVERIFY(agent != NoNode);
    QHash<QString, QJsonObject> byKind;
    for (const QJsonValue event : otlpEvents(u"root-admin"_s, agent)) {
        byKind.insert(event[u"kind"_s].toString(), event.toObject());
    }
    QCOMPARE(byKind.keys().size(), 3);
    const QJsonObject error = byKind.value(u"error"_s);
    QVERIFY(error[u"summary"_s].toString().contains(u"pricing API refused the change"_s));
    QVERIFY(error[u"detail"_s].toString().contains(u"PermissionError: price floor reached"_s));
    QVERIFY(error[u"detail"_s].toString().contains(u"wombat lamp"_s));
    QCOMPARE(byKind.value(u"run.finished"_s)[u"status"_s].toString(), u"error"_s);
    const QJsonObject run = as(u"root-admin"_s).get(u"/api/v1/runs/%1"_s.arg(error[u"runId"_s].toInteger())).json();
    QCOMPARE(run[u"status"_s].toString(), u"failed"_s);
    QCOMPARE(run[u"tokensIn"_s].toInteger(), 300);

    const QJsonArray audit = as(u"root-admin"_s).get(u"/api/v1/audit?limit=500"_s).json()[u"items"_s].toArray();
    QStringList created;
    for (const QJsonValue entry : audit) {
        if (entry[u"actor"_s].toString() == u"otlp"_s) {
            created.append(entry[u"subject"_s].toString());
            QVERIFY(entry[u"reason"_s].toString().contains(u"root-admin"_s));
        }
    }
    QVERIFY2(created.contains(u"/acme/unregistered"_s), qPrintable(created.join(u", "_s)));
    QVERIFY2(created.contains(shadow), qPrintable(created.join(u", "_s)));
    // Created once, however often the spans come.
    QCOMPARE(created.count(shadow), 1);
    QVERIFY(m_server.log().contains(u"event=otlp_unregistered_agents_created paths=/acme/unregistered,"_s + shadow));
}

void TestStewarddOtlp::hiddenAgentsStayHidden()
{
    QCOMPARE(as(u"root-admin"_s).send("POST", u"/v1/traces"_s, fixture()).status, 200);
    // Shadow agents are team agents: the outsider, with no role, sees neither them nor their
    // spans, while the public triage agent's spans are there for everyone.
    const NodeId agent = nodeAt(shadow);
    QVERIFY(agent != NoNode);
    QCOMPARE(otlpEvents(u"outsider"_s, agent).size(), 0);
    QCOMPARE(otlpEvents(u"outsider"_s, m_seeded.nodes.value(triage)).size(), 5);
    QCOMPARE(as(u"outsider"_s).get(u"/api/v1/nodes/%1"_s.arg(agent)).status, 404);
}

void TestStewarddOtlp::agentTokenSendsOnlyItsOwnSpans_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");

    QTest::newRow("its own agent by name") << u"gen_ai.agent.name"_s << u"prospect-mailer"_s << 200 << QString();
    QTest::newRow("its own agent by path")
        << u"gen_ai.agent.id"_s << u"/acme/sales/outbound/prospect-mailer"_s << 200 << QString();
    // A private agent the token cannot see reads as one that is not there.
    QTest::newRow("a hidden private agent") << u"gen_ai.agent.id"_s << u"/acme/sales/outbound/pricing-bot"_s << 400
                                            << u"there is no agent /acme/sales/outbound/pricing-bot"_s;
    QTest::newRow("an agent nobody registered")
        << u"gen_ai.agent.name"_s << u"rogue-helper"_s << 403 << u"No agent is registered for rogue-helper"_s;
}

void TestStewarddOtlp::agentTokenSendsOnlyItsOwnSpans()
{
    QFETCH(QString, key);
    QFETCH(QString, agent);
    QFETCH(int, status);
    QFETCH(QString, says);

    static int sent = 0;
    const QString spanId = u"%1"_s.arg(++sent, 16, 10, QLatin1Char('0')).replace(u'0', u'a');
    const HttpReply reply = as(u"mailer-bot"_s).post(u"/v1/traces"_s, spanNaming(key, agent, spanId));
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.body.contains(says.toUtf8()), reply.body.constData());
    QCOMPARE(nodeAt(u"/acme/unregistered/rogue-helper"_s), NoNode);
}

void TestStewarddOtlp::refusals_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");

    QTest::newRow("protobuf") << u"root-admin"_s << QByteArray("application/x-protobuf")
                              << QByteArray("\x0a\x02\x0a\x00", 4) << 415 << u"only OTLP/HTTP JSON is accepted"_s;
    QTest::newRow("bad JSON") << u"root-admin"_s << QByteArray("application/json")
                              << QByteArray("{\"resourceSpans\": [") << 400 << u"not valid JSON"_s;
    QTest::newRow("nested deeper than JSON may")
        << u"root-admin"_s << QByteArray("application/json")
        << QByteArray("{\"resourceSpans\": " + QByteArray(3000, '[') + QByteArray(3000, ']') + "}") << 400
        << u"not valid JSON"_s;
    QTest::newRow("not an object") << u"root-admin"_s << QByteArray("application/json") << QByteArray("[]") << 400
                                   << u"must be a JSON object"_s;
    QTest::newRow("envelope malformed") << u"root-admin"_s << QByteArray("application/json")
                                        << QByteArray(R"({"resourceSpans": [{"scopeSpans": {}}]})") << 400
                                        << u"resourceSpans[0].scopeSpans: expected an array"_s;
    QTest::newRow("no readable span") << u"root-admin"_s << QByteArray("application/json; charset=utf-8")
                                      << QByteArray(R"({"resourceSpans": [{"scopeSpans": [{"spans": [{}]}]}]})") << 400
                                      << u"spans[0].traceId: required"_s;
    QTest::newRow("editor of a department cannot create shadow agents")
        << u"sales-editor"_s << QByteArray("application/json")
        << QJsonDocument(spanNaming(u"gen_ai.agent.name"_s, u"rogue-helper"_s, u"dddddddddddddddd"_s)).toJson() << 403
        << u"No agent is registered for rogue-helper"_s;
}

void TestStewarddOtlp::refusals()
{
    QFETCH(QString, principal);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, says);

    const HttpReply reply = as(principal).send("POST", u"/v1/traces"_s, body, contentType);
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.json()[u"error"_s][u"message"_s].toString().contains(says), reply.body.constData());
    QCOMPARE(HttpClient(m_server.url()).send("POST", u"/v1/traces"_s, fixture()).status, 401);
}

void TestStewarddOtlp::partlyValidRequestAnswersPartialSuccess()
{
    QJsonObject request = spanNaming(u"gen_ai.agent.name"_s, u"triage"_s, u"cccccccccccccccc"_s);
    QJsonArray resources = request[u"resourceSpans"_s].toArray();
    QJsonObject resource = resources.at(0).toObject();
    QJsonArray scopes = resource[u"scopeSpans"_s].toArray();
    QJsonObject scope = scopes.at(0).toObject();
    QJsonArray spans = scope[u"spans"_s].toArray();
    spans.append(QJsonObject{{u"traceId"_s, u"nothex"_s}});
    scope[u"spans"_s] = spans;
    scopes[0] = scope;
    resource[u"scopeSpans"_s] = scopes;
    resources[0] = resource;
    request[u"resourceSpans"_s] = resources;

    const HttpReply reply = as(u"root-admin"_s).post(u"/v1/traces"_s, request);
    QCOMPARE(reply.status, 200);
    const QJsonObject partial = reply.json()[u"partialSuccess"_s].toObject();
    QCOMPARE(partial[u"rejectedSpans"_s].toInteger(), 1);
    QVERIFY2(partial[u"errorMessage"_s].toString().contains(u"spans[1].traceId: expected 32 hex digits"_s),
             reply.body.constData());
}

void TestStewarddOtlp::hugePromptIsClippedNotRefused()
{
    QJsonObject request = spanNaming(u"gen_ai.agent.name"_s, u"triage"_s, u"eeeeeeeeeeeeeeee"_s);
    QJsonObject resource = request[u"resourceSpans"_s].toArray().at(0).toObject();
    QJsonObject scope = resource[u"scopeSpans"_s].toArray().at(0).toObject();
    QJsonObject span = scope[u"spans"_s].toArray().at(0).toObject();
    QJsonArray attributes = span[u"attributes"_s].toArray();
    const QString prompt = u"zebrafish "_s + QString(6 * 1024 * 1024, u'z');
    attributes.append(
        QJsonObject{{u"key"_s, u"gen_ai.prompt"_s}, {u"value"_s, QJsonObject{{u"stringValue"_s, prompt}}}});
    span[u"attributes"_s] = attributes;
    scope[u"spans"_s] = QJsonArray{span};
    resource[u"scopeSpans"_s] = QJsonArray{scope};
    request[u"resourceSpans"_s] = QJsonArray{resource};

    QCOMPARE(as(u"root-admin"_s).post(u"/v1/traces"_s, request).status, 200);
    bool found = false;
    for (const QJsonValue event : otlpEvents(u"root-admin"_s, m_seeded.nodes.value(triage))) {
        if (event[u"spanId"_s].toString() == u"eeeeeeeeeeeeeeee"_s) {
            found = true;
            QVERIFY(event[u"detail"_s].toString().startsWith(u"zebrafish"_s));
            QCOMPARE(event[u"detail"_s].toString().size(), 64 * 1024);
        }
    }
    QVERIFY(found);
}

void TestStewarddOtlp::gzippedBodies_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");

    QTest::newRow("the batch, gzipped") << QByteArray("gzip") << gzipped(fixture()) << 200 << QString();
    // 9 MiB of spaces are 9 KiB of gzip: the guard lets it in, inflating stops at the limit.
    QTest::newRow("inflates past the limit")
        << QByteArray("gzip") << gzipped(QByteArray(9 * 1024 * 1024, ' ')) << 413 << u"inflates to more than"_s;
    QTest::newRow("not gzip at all") << QByteArray("gzip") << fixture() << 400 << u"not complete gzip data"_s;
    QTest::newRow("cut short") << QByteArray("gzip") << gzipped(fixture()).left(500) << 400
                               << u"not complete gzip data"_s;
    QTest::newRow("another encoding") << QByteArray("br") << fixture() << 415 << u"only gzip or none"_s;
}

void TestStewarddOtlp::gzippedBodies()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, says);

    const QByteArray request = "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + m_seeded.tokens.value(u"root-admin"_s).toUtf8() + "\r\nContent-Type: application/json\r\nContent-Encoding: "
        + encoding + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    bool stillOpen = false;
    const QList<QByteArray> answers = exchange(m_server.port(), request, 1, stillOpen);
    QCOMPARE(answers.size(), 1);
    const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(status);
    QVERIFY2(answers.constFirst().startsWith(statusLine), answers.constFirst().constData());
    QVERIFY2(answers.constFirst().contains(says.toUtf8()), answers.constFirst().constData());
}

QTEST_GUILESS_MAIN(TestStewarddOtlp)
#include "tst_stewardd_otlp.moc"
