// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Recording OpenTelemetry spans: an agent's part of a trace is one run however many batches it
// comes in, finished by its agent span with the model calls' tokens; a batch sent again adds
// nothing; versions are the agent's own or its head; names several agents share, and agents
// that are archived, are refused span by span; agents nobody registered are created once under
// the unregistered team and audited; a scoped audit bundle still exports. Runs on SQLite and,
// as tst_otlpingestor_pg, on PostgreSQL.
#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "domain/clock.h"
#include "otlp/otlpingestor.h"
#include "otlp/otlpmapper.h"
#include "service/accessservice.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <thread>
#include <vector>

using namespace steward;
using namespace Qt::StringLiterals;

namespace {

const QString spec = u"model: a\ninstructions: |\n  Help.\ncriticality: standard\n"_s;
const QString traceA = u"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"_s;
const QString traceB = u"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2"_s;
const QString rootSpan = u"1000000000000001"_s;

struct SpanSpec
{
    QString traceId;
    QString spanId;
    QString parentSpanId;
    QString operation;
    QList<std::pair<QString, QString>> texts; // string attributes
    qint64 inputTokens = -1; // -1: not sent
    qint64 startMs = 0; // after the clock's start
    qint64 endMs = 0;
    bool failed = false;
};

QJsonObject spanJson(const SpanSpec &span, const QDateTime &base)
{
    QJsonArray attributes{QJsonObject{{u"key"_s, u"gen_ai.operation.name"_s},
                                      {u"value"_s, QJsonObject{{u"stringValue"_s, span.operation}}}}};
    for (const auto &[key, value] : span.texts) {
        attributes.append(QJsonObject{{u"key"_s, key}, {u"value"_s, QJsonObject{{u"stringValue"_s, value}}}});
    }
    if (span.inputTokens >= 0) {
        attributes.append(QJsonObject{{u"key"_s, u"gen_ai.usage.input_tokens"_s},
                                      {u"value"_s, QJsonObject{{u"intValue"_s, span.inputTokens}}}});
    }
    const qint64 baseNanos = base.toMSecsSinceEpoch() * 1'000'000LL;
    return {{u"traceId"_s, span.traceId},
            {u"spanId"_s, span.spanId},
            {u"parentSpanId"_s, span.parentSpanId},
            {u"name"_s, span.operation},
            {u"startTimeUnixNano"_s, QString::number(baseNanos + span.startMs * 1'000'000LL)},
            {u"endTimeUnixNano"_s, QString::number(baseNanos + span.endMs * 1'000'000LL)},
            {u"attributes"_s, attributes},
            {u"status"_s, QJsonObject{{u"code"_s, span.failed ? 2 : 0}}}};
}

} // namespace

class TestOtlpIngestor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void traceOverTwoBatches_isOneRun();
    void batchSentAgain_addsNothing();
    void version_data();
    void version();
    void twoAgentsInOneTrace_twoRuns();
    void frameworkAgentId_leavesTheNameToDecide();
    void unusableAgentNames_rejectSpanBySpan_data();
    void unusableAgentNames_rejectSpanBySpan();
    void unregisteredAgents_createdOnceAndAudited();
    void unregisteredAgents_needTheRightToCreateThem();
    void scopedAuditBundle_afterOtlpIngest();
    void oneTraceFromManyServersAtOnce_isOneRun();

private:
    [[nodiscard]] Result<OtlpIngestor::Outcome> send(const QList<SpanSpec> &spans, const Principal &who);
    [[nodiscard]] qint64 scalar(const QString &sql) const;
    [[nodiscard]] Principal principal(const QString &name) const;

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<ActivityService> m_activity;
    std::unique_ptr<AccessService> m_access;
    std::unique_ptr<Authorizer> m_authorizer;
    QHash<QString, Principal> m_principals;
    NodeId m_triage = NoNode; // /acme/support/triage, at version 2
    NodeId m_refunds = NoNode; // /acme/support/refunds
    NodeId m_salesHelper = NoNode; // /acme/sales/helper
    NodeId m_archived = NoNode;
};

void TestOtlpIngestor::init()
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
    m_access = std::make_unique<AccessService>(*m_store, *m_clock, *m_org);
    m_authorizer = std::make_unique<Authorizer>(*m_store);
    const QString ops = u"ops"_s;
    const QString setup = u"setup"_s;
    const auto acme = m_org->createCompany(u"acme"_s, ops, setup);
    QVERIFY(acme.ok());
    const auto support = m_org->createGroup(acme->id, NodeKind::Team, u"support"_s, ops, setup);
    const auto sales = m_org->createGroup(acme->id, NodeKind::Team, u"sales"_s, ops, setup);
    QVERIFY(support.ok() && sales.ok());
    const QList<std::tuple<NodeId, QString, NodeId *>> agents{{support->id, u"triage"_s, &m_triage},
                                                              {support->id, u"refunds"_s, &m_refunds},
                                                              {support->id, u"helper"_s, nullptr},
                                                              {sales->id, u"helper"_s, &m_salesHelper},
                                                              {sales->id, u"old-bot"_s, &m_archived}};
    for (const auto &[parent, name, id] : agents) {
        const auto agent =
            m_agents->createAgent({parent, name, u"dana"_s, Visibility::Team, Criticality::Standard, spec}, ops, setup);
        QVERIFY2(agent.ok(), qPrintable(agent.ok() ? QString() : agent.error().message));
        if (id) {
            *id = agent->id;
        }
    }
    QVERIFY(m_agents->saveVersion(m_triage, 1, QString(spec).replace(u"Help."_s, u"Help!"_s), ops, setup).ok());
    QVERIFY(m_org->archive(m_archived, ops, setup).ok());
    const QList<std::tuple<QString, PrincipalKind, Role, QString>> principals{
        {u"admin"_s, PrincipalKind::User, Role::Admin, u"/acme"_s},
        {u"editor"_s, PrincipalKind::User, Role::Editor, u"/acme"_s},
        {u"triage-bot"_s, PrincipalKind::Agent, Role::Agent, u"/acme/support/triage"_s}};
    for (const auto &[name, kind, role, path] : principals) {
        const Result<Principal> added = m_access->addPrincipal(name, {}, kind, ops, setup);
        QVERIFY(added.ok());
        m_principals.insert(name, added.value());
        QVERIFY(m_access->grant(name, role, path, ops, setup).ok());
    }
}

void TestOtlpIngestor::cleanup()
{
    m_authorizer.reset();
    m_access.reset();
    m_activity.reset();
    m_agents.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

Principal TestOtlpIngestor::principal(const QString &name) const
{
    return m_principals.value(name);
}

Result<OtlpIngestor::Outcome> TestOtlpIngestor::send(const QList<SpanSpec> &spans, const Principal &who)
{
    QJsonArray sent;
    for (const SpanSpec &span : spans) {
        sent.append(spanJson(span, m_clock->now()));
    }
    const QJsonObject request{
        {u"resourceSpans"_s, QJsonArray{QJsonObject{{u"scopeSpans"_s, QJsonArray{QJsonObject{{u"spans"_s, sent}}}}}}}};
    const Result<OtlpBatch> batch = OtlpMapper::map(request, m_clock->now().addSecs(60));
    if (!batch) {
        return batch.error();
    }
    OtlpIngestor ingestor(*m_store, *m_clock, *m_org, *m_agents, *m_activity, *m_authorizer);
    return ingestor.ingest(who, batch.value());
}

qint64 TestOtlpIngestor::scalar(const QString &sql) const
{
    QSqlQuery query(m_store->database());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

void TestOtlpIngestor::traceOverTwoBatches_isOneRun()
{
    const QList<std::pair<QString, QString>> triage{{u"gen_ai.agent.name"_s, u"triage"_s}};
    // Exporters send spans as they end: the model call and the tool first, the agent span last.
    const auto first = send({{traceA, u"2000000000000002"_s, rootSpan, u"chat"_s, triage, 100, 10, 900},
                             {traceA, u"3000000000000003"_s, rootSpan, u"execute_tool"_s, triage, -1, 950, 1000}},
                            principal(u"admin"_s));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE(first->accepted, 3); // and run.started
    const RunId runId = scalar(u"SELECT run_id FROM otlp_trace_runs"_s);
    QVERIFY(runId > 0);
    const ActivityRepository runs(*m_store);
    QCOMPARE(runs.run(runId)->status, RunStatus::Running);
    QCOMPARE(runs.run(runId)->startedAt, m_clock->now().addMSecs(10));

    const auto second = send({{traceA, rootSpan, {}, u"invoke_agent"_s, triage, 5, 0, 1500}}, principal(u"admin"_s));
    QVERIFY(second.ok());
    QCOMPARE(second->accepted, 2); // and run.finished
    QCOMPARE(scalar(u"SELECT count(*) FROM runs"_s), 1);
    const Result<Run> run = runs.run(runId);
    QCOMPARE(run->status, RunStatus::Succeeded);
    QCOMPARE(run->agentId, m_triage);
    QCOMPARE(run->endedAt, m_clock->now().addMSecs(1500));
    QCOMPARE(run->latencyMs, 1500);
    // The model call's tokens; the agent span's own 5 would count them twice.
    QCOMPARE(run->tokensIn, 100);
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events WHERE run_id = %1"_s.arg(runId)), 5);
    QCOMPARE(scalar(u"SELECT latency_ms FROM activity_events WHERE kind = 'run.finished'"_s), 1500);
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events WHERE kind = 'run.started'"_s), 1);
}

void TestOtlpIngestor::batchSentAgain_addsNothing()
{
    const QList<SpanSpec> batch{
        {traceA, rootSpan, {}, u"invoke_agent"_s, {{u"gen_ai.agent.id"_s, u"/acme/support/triage"_s}}, 40, 0, 800},
        {traceA, u"2000000000000002"_s, rootSpan, u"chat"_s, {}, -1, 10, 700}};
    QCOMPARE(send(batch, principal(u"admin"_s))->accepted, 4);
    const qint64 stream = scalar(u"SELECT count(*) FROM stream_log"_s);
    const auto again = send(batch, principal(u"admin"_s));
    QVERIFY(again.ok());
    QCOMPARE(again->accepted, 0);
    QCOMPARE(again->duplicates, 4);
    QCOMPARE(scalar(u"SELECT count(*) FROM runs"_s), 1);
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events"_s), 4);
    QCOMPARE(scalar(u"SELECT count(*) FROM stream_log"_s), stream);
    // Only the agent span reported usage: the run takes it.
    QCOMPARE(ActivityRepository(*m_store).run(scalar(u"SELECT run_id FROM otlp_trace_runs"_s))->tokensIn, 40);
}

void TestOtlpIngestor::version_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<int>("recorded");

    QTest::newRow("one of its versions") << u"1"_s << 1;
    QTest::newRow("with a v") << u"v1"_s << 1;
    QTest::newRow("beyond the head") << u"7"_s << 2;
    QTest::newRow("not a number") << u"2026.05-rc1"_s << 2;
    QTest::newRow("none") << QString() << 2;
}

void TestOtlpIngestor::version()
{
    QFETCH(QString, sent);
    QFETCH(int, recorded);

    QList<std::pair<QString, QString>> texts{{u"gen_ai.agent.name"_s, u"triage"_s}};
    if (!sent.isEmpty()) {
        texts.append({u"gen_ai.agent.version"_s, sent});
    }
    QVERIFY(send({{traceA, rootSpan, {}, u"invoke_agent"_s, texts, -1, 0, 10}}, principal(u"admin"_s)).ok());
    QCOMPARE(scalar(u"SELECT version FROM activity_events"_s), recorded);
    QCOMPARE(scalar(u"SELECT version FROM runs"_s), recorded);
}

void TestOtlpIngestor::twoAgentsInOneTrace_twoRuns()
{
    // triage hands the ticket to refunds inside one trace.
    const auto outcome =
        send({{traceA, rootSpan, {}, u"invoke_agent"_s, {{u"gen_ai.agent.name"_s, u"triage"_s}}, -1, 0, 2000},
              {traceA,
               u"2000000000000002"_s,
               rootSpan,
               u"invoke_agent"_s,
               {{u"gen_ai.agent.name"_s, u"refunds"_s}},
               -1,
               100,
               1800,
               true}},
             principal(u"admin"_s));
    QVERIFY(outcome.ok());
    QCOMPARE(scalar(u"SELECT count(*) FROM runs"_s), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM runs WHERE agent_id = %1 AND status = 'succeeded'"_s.arg(m_triage)), 1);
    QCOMPARE(scalar(u"SELECT count(*) FROM runs WHERE agent_id = %1 AND status = 'failed'"_s.arg(m_refunds)), 1);
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events WHERE kind = 'error'"_s), 1);
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events WHERE kind = 'run.finished' AND status = 'error'"_s), 1);
}

void TestOtlpIngestor::frameworkAgentId_leavesTheNameToDecide()
{
    const auto outcome =
        send({{traceA,
               rootSpan,
               {},
               u"invoke_agent"_s,
               {{u"gen_ai.agent.id"_s, u"asst_5j66UpCpwteGg4YSxUnt7lPY"_s}, {u"gen_ai.agent.name"_s, u"Triage"_s}},
               -1,
               0,
               10}},
             principal(u"admin"_s));
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->accepted, 3);
    QCOMPARE(scalar(u"SELECT agent_id FROM activity_events"_s), m_triage);
}

void TestOtlpIngestor::unusableAgentNames_rejectSpanBySpan_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");

    QTest::newRow("a name two agents have")
        << u"gen_ai.agent.name"_s << u"helper"_s << u"fits several agents (/acme/support/helper, /acme/sales/helper)"_s;
    QTest::newRow("an archived agent's path")
        << u"gen_ai.agent.id"_s << u"/acme/sales/old-bot"_s << u"there is no agent /acme/sales/old-bot"_s;
    QTest::newRow("a group's path") << u"gen_ai.agent.id"_s << u"/acme/support"_s
                                    << u"there is no agent /acme/support"_s;
    QTest::newRow("an id nothing has") << u"gen_ai.agent.id"_s << u"999999"_s << u"there is no agent 999999"_s;
    // The framework's own id, and no name to go by.
    QTest::newRow("a framework's agent id alone")
        << u"gen_ai.agent.id"_s << u"asst_5j66UpCpwteGg4YSxUnt7lPY"_s << u"the span names no agent"_s;
    QTest::newRow("no name at all") << u"gen_ai.tool.name"_s << u"x"_s << u"the span names no agent"_s;
}

void TestOtlpIngestor::unusableAgentNames_rejectSpanBySpan()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    const auto outcome = send({{traceA, rootSpan, {}, u"invoke_agent"_s, {{key, value}}, -1, 0, 10},
                               {traceA,
                                u"2000000000000002"_s,
                                {},
                                u"chat"_s,
                                {{u"gen_ai.agent.id"_s, QString::number(m_salesHelper)}},
                                -1,
                                0,
                                10}},
                              principal(u"admin"_s));
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->accepted, 3);
    QCOMPARE(outcome->rejected, 1);
    QVERIFY2(outcome->problems.constFirst().contains(problem), qPrintable(outcome->problems.constFirst()));
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events WHERE agent_id = %1"_s.arg(m_salesHelper)), 3);
    QCOMPARE(scalar(u"SELECT count(*) FROM nodes WHERE name = 'unregistered'"_s), 0);
}

void TestOtlpIngestor::unregisteredAgents_createdOnceAndAudited()
{
    const QList<std::pair<QString, QString>> ghost{{u"gen_ai.agent.name"_s, u"Ghost Writer"_s}};
    const auto first = send({{traceA, rootSpan, {}, u"invoke_agent"_s, ghost, -1, 0, 10}}, principal(u"admin"_s));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE(first->createdAgents, (QStringList{u"/acme/unregistered"_s, u"/acme/unregistered/ghost-writer"_s}));
    const auto second =
        send({{traceB, rootSpan, {}, u"invoke_agent"_s, ghost, -1, 0, 10},
              {traceB, u"2000000000000002"_s, {}, u"chat"_s, {{u"gen_ai.agent.name"_s, u"ghost-writer"_s}}, -1, 0, 10}},
             principal(u"admin"_s));
    QVERIFY(second.ok());
    QCOMPARE(second->accepted, 4);
    QVERIFY(second->createdAgents.isEmpty());
    QCOMPARE(scalar(u"SELECT count(*) FROM nodes WHERE name = 'ghost-writer'"_s), 1);
    QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE actor = 'otlp'"_s), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM agents a JOIN nodes n ON n.id = a.node_id "
                    "WHERE n.name = 'ghost-writer' AND a.visibility = 'team' AND a.owner = 'admin'"_s),
             1);
    QCOMPARE(scalar(u"SELECT count(*) FROM runs"_s), 2);
}

void TestOtlpIngestor::unregisteredAgents_needTheRightToCreateThem()
{
    const QList<SpanSpec> batch{
        {traceA, rootSpan, {}, u"invoke_agent"_s, {{u"gen_ai.agent.name"_s, u"ghost"_s}}, -1, 0, 10},
        {traceA, u"2000000000000002"_s, {}, u"chat"_s, {{u"gen_ai.agent.name"_s, u"triage"_s}}, -1, 0, 10}};
    for (const QString &who : {u"editor"_s, u"triage-bot"_s}) {
        const auto refused = send(batch, principal(who));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Forbidden);
    }
    // Nothing of a refused request is stored, not even the spans of the agent it may send for.
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events"_s), 0);
    QCOMPARE(scalar(u"SELECT count(*) FROM nodes WHERE name = 'unregistered'"_s), 0);
    const auto own = send({batch.at(1)}, principal(u"triage-bot"_s));
    QVERIFY(own.ok());
    QCOMPARE(own->accepted, 3);
}

void TestOtlpIngestor::scopedAuditBundle_afterOtlpIngest()
{
    QVERIFY(send({{traceA, rootSpan, {}, u"invoke_agent"_s, {{u"gen_ai.agent.name"_s, u"triage"_s}}, -1, 0, 10}},
                 principal(u"admin"_s))
                .ok());
    QTemporaryDir dir;
    const Result<SigningKey> key = SigningKey::generate();
    QVERIFY(key.ok());
    BundleScope scope;
    scope.subtreePath = u"/acme/sales"_s;
    const auto manifest = AuditBundle::exportTo(*m_store, dir.filePath(u"sales.steward"_s), scope, key.value(),
                                                *m_clock, u"auditor"_s, u"Quarterly audit"_s);
    QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
}

void TestOtlpIngestor::oneTraceFromManyServersAtOnce_isOneRun()
{
    // Four servers (own connections, own services) each get a part of one trace at once, and
    // one shadow agent's first spans: one run per agent, one agent.
    constexpr int Servers = 4;
    QJsonArray parts[Servers];
    for (int i = 0; i < Servers; ++i) {
        const QString spanId = u"%1"_s.arg(i + 1, 16, 10, QLatin1Char('0'));
        parts[i].append(spanJson(
            {traceA, spanId, rootSpan, u"chat"_s, {{u"gen_ai.agent.name"_s, u"triage"_s}}, 10, i * 10, i * 10 + 5},
            m_clock->now()));
        parts[i].append(spanJson(
            {traceB, spanId, rootSpan, u"chat"_s, {{u"gen_ai.agent.name"_s, u"Night Owl"_s}}, 1, i * 10, i * 10 + 5},
            m_clock->now()));
    }
    const QString location = m_where->location();
    const Principal admin = principal(u"admin"_s);
    const QDateTime now = m_clock->now().addSecs(60);
    std::array<QString, Servers> failures;
    std::vector<std::thread> servers;
    for (int i = 0; i < Servers; ++i) {
        servers.emplace_back([&, i] {
            auto opened = Store::open(location);
            if (!opened) {
                failures[static_cast<std::size_t>(i)] = opened.error().message;
                return;
            }
            const std::unique_ptr<Store> store = std::move(opened).value();
            SystemClock clock;
            OrgService org(*store, clock);
            AgentService agents(*store, clock, org);
            ActivityService activity(*store, clock);
            const Authorizer authorizer(*store);
            const QJsonObject request{
                {u"resourceSpans"_s,
                 QJsonArray{QJsonObject{{u"scopeSpans"_s, QJsonArray{QJsonObject{{u"spans"_s, parts[i]}}}}}}}};
            const Result<OtlpBatch> batch = OtlpMapper::map(request, now);
            const auto outcome = OtlpIngestor(*store, clock, org, agents, activity, authorizer).ingest(admin, *batch);
            if (!outcome) {
                failures[static_cast<std::size_t>(i)] = outcome.error().message;
            }
        });
    }
    for (std::thread &server : servers) {
        server.join();
    }
    for (const QString &failure : failures) {
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    QCOMPARE(scalar(u"SELECT count(*) FROM runs"_s), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM otlp_trace_runs"_s), 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM activity_events"_s), Servers * 2 + 2);
    QCOMPARE(scalar(u"SELECT count(*) FROM nodes WHERE name = 'night-owl'"_s), 1);
    QCOMPARE(scalar(u"SELECT count(DISTINCT run_id) FROM activity_events"_s), 2);
}

QTEST_GUILESS_MAIN(TestOtlpIngestor)
#include "tst_otlpingestor.moc"
