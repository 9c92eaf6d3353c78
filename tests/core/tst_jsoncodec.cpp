// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The API's JSON codec: every type survives a trip through JSON text, the output follows the
// documented conventions, and hostile request bodies are refused with the field's path and the
// reason, never a crash.
#include "api/jsoncodec.h"

#include <QTest>
#include <QTimeZone>

#include <tuple>

using namespace steward;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(steward::Error::Code)

namespace {

const QDateTime serverTime = QDateTime(QDate(2026, 11, 24), QTime(13, 11, 20, 123), Qt::UTC);

QDateTime at(int day, int hour, int msec = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0, 0, msec), Qt::UTC);
}

QByteArray hexOf(char digit, qsizetype length)
{
    return QByteArray(length, digit);
}

// The members each reader must give back, for comparing a value with its round trip.
auto fields(const OrgNode &n)
{
    return std::tie(n.id, n.parentId, n.kind, n.name, n.path, n.createdAt, n.archivedAt, n.childCount);
}
// Everything but the fire key, which stays inside the store.
auto fields(const RunRequestEntry &r)
{
    return std::tie(r.id, r.agentId, r.trigger, r.triggerDetail, r.payload, r.requestedBy, r.requestedAt, r.notBefore,
                    r.state, r.reason, r.claimedBy, r.decidedAt, r.runId);
}
auto fields(const Agent &a)
{
    return std::tie(a.nodeId, a.owner, a.visibility, a.criticality, a.status, a.headVersion);
}
auto fields(const AgentVersion &v)
{
    return std::tie(v.agentId, v.number, v.parentNumber, v.spec, v.author, v.createdAt, v.reason, v.contentHash,
                    v.approvedBy);
}
auto fields(const VersionProposal &p)
{
    return std::tie(p.id, p.agentId, p.baseVersion, p.spec, p.author, p.createdAt, p.reason, p.state, p.decidedBy,
                    p.decidedAt, p.decisionReason, p.resultingVersion);
}
auto fields(const Run &r)
{
    return std::tie(r.id, r.agentId, r.version, r.trigger, r.triggerDetail, r.startedAt, r.endedAt, r.status,
                    r.tokensIn, r.tokensOut, r.cost, r.latencyMs);
}
auto fields(const ActivityEvent &e)
{
    return std::tie(e.id, e.clientId, e.time, e.agentId, e.version, e.runId, e.spanId, e.parentSpanId, e.kind, e.status,
                    e.summary, e.detail, e.body, e.tokensIn, e.tokensOut, e.cost, e.latencyMs);
}
auto fields(const Approval &a)
{
    return std::tie(a.id, a.agentId, a.runId, a.version, a.title, a.payload, a.payloadFormat, a.action, a.state,
                    a.policy, a.revision, a.createdAt, a.expiresAt);
}
auto fields(const AuditEntry &e)
{
    return std::tie(e.sequence, e.time, e.actor, e.action, e.subject, e.details, e.reason, e.previousHash, e.hash);
}
auto fields(const AuditFilter &f)
{
    return std::tie(f.actor, f.action, f.subjectPrefix, f.from, f.until);
}
auto fields(const AuditVerification &v)
{
    return std::tie(v.problem, v.entriesChecked, v.firstBadSequence, v.message, v.headSequence, v.headHash);
}
auto fields(const Principal &p)
{
    return std::tie(p.id, p.name, p.displayName, p.kind);
}
auto fields(const Grant &g)
{
    return std::tie(g.principalId, g.role, g.nodeId, g.nodePath);
}
auto fields(const ApiToken &t)
{
    return std::tie(t.id, t.principalId, t.name, t.createdAt, t.revokedAt, t.lastUsedAt);
}
auto fields(const DiffLine &l)
{
    return std::tie(l.kind, l.oldNumber, l.newNumber, l.text, l.changedWords);
}
auto fields(const BlameLine &l)
{
    return std::tie(l.lineNumber, l.text, l.version, l.author, l.time, l.reason);
}
auto fields(const BundleManifest &m)
{
    return std::tie(m.format, m.workspaceId, m.createdAt, m.createdBy, m.scope.subtreePath, m.scope.from, m.scope.until,
                    m.schemaVersion, m.auditHeadSequence, m.auditHeadHash, m.contentSha256, m.publicKey, m.signature);
}

QByteArray text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// toJson, written out as text and parsed again (as between server and client), then read back.
template<typename T> void checkRoundTrip(const T &original)
{
    const QByteArray written = text(toJson(original));
    const QJsonDocument parsed = QJsonDocument::fromJson(written);
    QVERIFY2(parsed.isObject(), written.constData());
    const Result<T> back = fromJson<T>(parsed.object());
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().message));
    QVERIFY2(fields(back.value()) == fields(original),
             QByteArray(written + "\n  came back as\n" + text(toJson(back.value()))).constData());
}

// The same for a request body, through the server's own path: raw bytes, parseJsonBody, reader.
template<typename T, typename Reader> void checkRequestRoundTrip(const T &original, Reader read)
{
    const QByteArray written = text(toJson(original));
    const Result<QJsonDocument> parsed = parseJsonBody(written);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
    const auto back = read(parsed->object());
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().message));
    QVERIFY2(back.value() == original, written.constData());
}

OrgNode sampleNode()
{
    OrgNode node;
    node.id = 42;
    node.parentId = 7;
    node.kind = NodeKind::Team;
    node.name = u"outbound"_s;
    node.path = u"/acme/sales/outbound"_s;
    node.createdAt = at(1, 9, 123);
    node.archivedAt = at(20, 17, 5);
    node.childCount = 3;
    return node;
}

ActivityEvent sampleEvent()
{
    ActivityEvent event;
    event.id = 7'386'498'561'280'012;
    event.clientId = u"mailer-7f3a:000129"_s;
    event.time = at(24, 13, 456);
    event.agentId = 12;
    event.version = 4;
    event.runId = 9001;
    event.spanId = u"span-2"_s;
    event.parentSpanId = u"span-1"_s;
    event.kind = u"tool.call"_s;
    event.status = u"error"_s;
    event.summary = u"crm.lookup failed for “Müller GmbH”"_s;
    event.detail = u"timeout after 30 s\nretrying"_s;
    event.body = QJsonObject{{u"tool"_s, u"crm.lookup"_s}, {u"args"_s, QJsonArray{1, u"two"_s, true}}};
    event.tokensIn = 1200;
    event.tokensOut = 80;
    event.cost = 0.012345;
    event.latencyMs = 30'000;
    return event;
}

BundleManifest sampleManifest()
{
    BundleManifest manifest;
    manifest.workspaceId = u"3f1c9a4e-workspace"_s;
    manifest.createdAt = at(24, 8, 250);
    manifest.createdBy = u"ines.auditor"_s;
    manifest.scope.subtreePath = u"/acme/sales"_s;
    manifest.scope.from = at(1, 0);
    manifest.schemaVersion = 5;
    manifest.auditHeadSequence = 1234;
    manifest.auditHeadHash = hexOf('a', 64);
    manifest.contentSha256 = hexOf('b', 64);
    manifest.publicKey = hexOf('c', 64);
    manifest.signature = hexOf('d', 128);
    return manifest;
}

QByteArray batch(const QByteArray &eventFields)
{
    return "{\"events\":[{" + eventFields + "}]}";
}

// The fields a valid event needs, to add one hostile field to.
const QByteArray minimal = R"("clientId":"c1","kind":"step","agentId":7)";

template<typename T> Status statusOf(const Result<T> &result)
{
    if (!result) {
        return result.error();
    }
    return Done{};
}

// What the server does with a request body: check and parse it, then read it as `reader`.
Status readRequest(const QString &reader, const QByteArray &body)
{
    const Result<QJsonDocument> document = parseJsonBody(body);
    if (!document) {
        return document.error();
    }
    const QJsonObject object = document->object();
    if (reader == u"batch"_s) {
        return statusOf(eventBatchFromJson(object, serverTime));
    }
    if (reader == u"create"_s) {
        return statusOf(nodeCreateRequestFromJson(object));
    }
    if (reader == u"patch"_s) {
        return statusOf(nodePatchRequestFromJson(object));
    }
    if (reader == u"version"_s) {
        return statusOf(versionSaveRequestFromJson(object));
    }
    if (reader == u"decision"_s) {
        return statusOf(decisionRequestFromJson(object));
    }
    if (reader == u"filter"_s) {
        return statusOf(auditFilterFromJson(object));
    }
    if (reader == u"approval"_s) {
        return statusOf(newApprovalFromJson(object));
    }
    if (reader == u"verdict"_s) {
        return statusOf(approvalDecisionRequestFromJson(object));
    }
    if (reader == u"policy"_s) {
        return statusOf(approvalPolicyRequestFromJson(object));
    }
    if (reader == u"status"_s) {
        return statusOf(agentStatusRequestFromJson(object));
    }
    return Error{Error::Code::NotFound, u"no reader "_s + reader};
}

} // namespace

class TestJsonCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJson_followsTheConventions();
    void roundTrip_orgNode();
    void roundTrip_agentAndVersions();
    void roundTrip_runAndEvent();
    void roundTrip_approval();
    void roundTrip_audit();
    void roundTrip_access();
    void roundTrip_diffAndBlame();
    void roundTrip_bundleManifest();
    void roundTrip_requests();
    void roundTrip_runRequests();
    void error_everyCodeHasAStableSpelling_data();
    void error_everyCodeHasAStableSpelling();
    void errorFromJson_ofSomethingElse_isInvalid();
    void responseReaders_ignoreUnknownKeysAndNameTheMissingOnes();
    void ingest_fillsDefaultsAndNormalisesTimes();
    void ingest_acceptsAFullBatch();
    void parseJsonBody_tooLargeIsItsOwnCode();
    void requests_refuseHostileInput_data();
    void requests_refuseHostileInput();
};

void TestJsonCodec::toJson_followsTheConventions()
{
    OrgNode company = sampleNode();
    company.kind = NodeKind::Company;
    company.parentId = NoNode;
    company.createdAt = QDateTime(QDate(2026, 11, 24), QTime(15, 11, 20, 123), QTimeZone(2 * 3600));
    company.archivedAt = {};
    const QJsonObject json = toJson(company);
    QCOMPARE(json.value(u"createdAt"_s).toString(), u"2026-11-24T13:11:20.123Z"_s);
    QVERIFY(json.value(u"archivedAt"_s).isNull());
    QVERIFY(json.value(u"parentId"_s).isNull());
    QVERIFY(json.value(u"id"_s).isDouble());
    QCOMPARE(json.value(u"id"_s).toInteger(), 42);
    QCOMPARE(json.value(u"kind"_s).toString(), u"company"_s);
    QCOMPARE(json.keys(),
             (QStringList{u"archivedAt"_s, u"childCount"_s, u"createdAt"_s, u"id"_s, u"kind"_s, u"name"_s,
                          u"parentId"_s, u"path"_s}));

    VersionProposal proposal;
    proposal.state = VersionProposal::State::Rejected;
    QCOMPARE(toJson(proposal).value(u"state"_s).toString(), u"rejected"_s);
    Run run;
    run.status = RunStatus::Interrupted;
    QCOMPARE(toJson(run).value(u"status"_s).toString(), u"interrupted"_s);
    QVERIFY(toJson(run).value(u"endedAt"_s).isNull());
    AuditVerification verification;
    verification.problem = AuditVerification::Problem::Unchained;
    QCOMPARE(toJson(verification).value(u"problem"_s).toString(), u"unchained"_s);
    QCOMPARE(toJson(verification).value(u"intact"_s).toBool(), false);

    const QJsonObject ingest = toIngestJson(sampleEvent());
    QVERIFY(!ingest.contains(u"id"_s));
    QCOMPARE(toJson(sampleEvent()).value(u"id"_s).toInteger(), sampleEvent().id);
}

void TestJsonCodec::roundTrip_orgNode()
{
    checkRoundTrip(sampleNode());
    OrgNode company = sampleNode();
    company.kind = NodeKind::Company;
    company.parentId = NoNode;
    company.archivedAt = {};
    company.childCount = 0;
    checkRoundTrip(company);
}

void TestJsonCodec::roundTrip_agentAndVersions()
{
    Agent agent;
    agent.nodeId = 12;
    agent.owner = u"dana.kim"_s;
    agent.visibility = Visibility::Private;
    agent.criticality = Criticality::Critical;
    agent.status = AgentStatus::Paused;
    agent.headVersion = 4;
    checkRoundTrip(agent);

    AgentVersion version;
    version.agentId = 12;
    version.number = 4;
    version.parentNumber = 3;
    version.spec = u"description: Writes first-touch emails\nmodel: gpt-4o-mini\n"_s;
    version.author = u"dana.kim"_s;
    version.createdAt = at(3, 10, 999);
    version.reason = u"Shorter emails"_s;
    version.contentHash = hexOf('e', 64);
    version.approvedBy = u"lee.park"_s;
    checkRoundTrip(version);

    VersionProposal proposal;
    proposal.id = 77;
    proposal.agentId = 12;
    proposal.baseVersion = 4;
    proposal.spec = version.spec;
    proposal.author = u"dana.kim"_s;
    proposal.createdAt = at(4, 11);
    proposal.reason = u"Try a warmer tone"_s;
    checkRoundTrip(proposal);
    proposal.state = VersionProposal::State::Approved;
    proposal.decidedBy = u"lee.park"_s;
    proposal.decidedAt = at(5, 12, 1);
    proposal.decisionReason = u"Looks right"_s;
    proposal.resultingVersion = 5;
    checkRoundTrip(proposal);
}

void TestJsonCodec::roundTrip_runAndEvent()
{
    Run run;
    run.id = 9001;
    run.agentId = 12;
    run.version = 4;
    run.trigger = RunTrigger::Event;
    run.triggerDetail = u"lead.created"_s;
    run.startedAt = at(24, 13, 1);
    checkRoundTrip(run);
    run.endedAt = at(24, 14, 2);
    run.status = RunStatus::Failed;
    run.tokensIn = 5'000'000'000;
    run.tokensOut = 42;
    run.cost = 1234.5678;
    run.latencyMs = 3600'000;
    checkRoundTrip(run);

    checkRoundTrip(sampleEvent());
    ActivityEvent bare;
    bare.id = 1;
    bare.agentId = 3;
    bare.kind = u"step"_s;
    checkRoundTrip(bare);
}

void TestJsonCodec::roundTrip_approval()
{
    Approval approval;
    approval.id = 5;
    approval.agentId = 12;
    approval.runId = 9001;
    approval.version = 4;
    approval.title = u"Email to Müller GmbH"_s;
    approval.payload = u"Dear Ms Müller,\n\n…"_s;
    approval.payloadFormat = u"email"_s;
    approval.action = QJsonObject{{u"webhook"_s, u"https://example.com/send"_s}};
    approval.state = ApprovalState::Executed;
    approval.policy = QJsonObject{{u"required"_s, 2}};
    approval.revision = 3;
    approval.createdAt = at(24, 9);
    approval.expiresAt = at(26, 9);
    checkRoundTrip(approval);
    approval.runId = 0;
    approval.expiresAt = {};
    checkRoundTrip(approval);
}

void TestJsonCodec::roundTrip_audit()
{
    AuditEntry entry;
    entry.sequence = 1234;
    entry.time = at(24, 8, 77);
    entry.actor = u"dana.kim"_s;
    entry.action = u"node.move"_s;
    entry.subject = u"/acme/sales/outbound"_s;
    entry.details = QJsonObject{{u"from"_s, u"/acme/ops"_s}, {u"to"_s, u"/acme/sales"_s}};
    entry.reason = u"Reorganisation"_s;
    entry.previousHash = hexOf('1', 64);
    entry.hash = hexOf('2', 64);
    checkRoundTrip(entry);

    AuditVerification broken;
    broken.problem = AuditVerification::Problem::Altered;
    broken.entriesChecked = 500;
    broken.firstBadSequence = 321;
    broken.message = u"Entry 321 was changed."_s;
    broken.headSequence = 320;
    broken.headHash = hexOf('f', 64);
    checkRoundTrip(broken);
    checkRoundTrip(AuditVerification{});

    AuditFilter filter;
    filter.actor = u"dana.kim"_s;
    filter.action = u"node."_s;
    filter.subjectPrefix = u"/acme/sales"_s;
    filter.from = at(1, 0);
    filter.until = at(30, 23, 999);
    for (const AuditFilter &candidate : {filter, AuditFilter{}}) {
        const Result<QJsonDocument> parsed = parseJsonBody(text(toJson(candidate)));
        QVERIFY(parsed.ok());
        const Result<AuditFilter> back = auditFilterFromJson(parsed->object());
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().message));
        QVERIFY(fields(back.value()) == fields(candidate));
    }
}

void TestJsonCodec::roundTrip_access()
{
    checkRoundTrip(Principal{3, u"dana.kim"_s, u"Dana Kim"_s, PrincipalKind::User});
    checkRoundTrip(Principal{4, u"mailer-bot"_s, QString(), PrincipalKind::Agent});
    checkRoundTrip(Grant{3, Role::Auditor, 7, u"/acme/sales"_s});

    ApiToken token;
    token.id = 11;
    token.principalId = 4;
    token.name = u"prod"_s;
    token.createdAt = at(2, 8);
    token.lastUsedAt = at(24, 13, 5);
    checkRoundTrip(token);
    token.revokedAt = at(25, 9);
    checkRoundTrip(token);
}

void TestJsonCodec::roundTrip_diffAndBlame()
{
    const TextDiff diff =
        TextDiff::compare(u"model: a\nkeep\ntemperature: 0.2\n"_s, u"model: b\nkeep\ntemperature: 0.3\nadded\n"_s);
    const QJsonObject json = QJsonDocument::fromJson(text(toJson(diff))).object();
    QCOMPARE(json.value(u"identical"_s).toBool(), false);
    QCOMPARE(json.value(u"added"_s).toInt(), diff.addedCount());
    QCOMPARE(json.value(u"removed"_s).toInt(), diff.removedCount());
    const Result<QList<DiffLine>> lines = listFromJson<DiffLine>(json.value(u"lines"_s), u"lines"_s);
    QVERIFY2(lines.ok(), qPrintable(lines ? QString() : lines.error().message));
    QCOMPARE(lines->size(), diff.lines().size());
    bool sawWords = false;
    for (qsizetype i = 0; i < lines->size(); ++i) {
        QVERIFY(fields(lines->at(i)) == fields(diff.lines().at(i)));
        sawWords = sawWords || !lines->at(i).changedWords.isEmpty();
    }
    QVERIFY(sawWords);

    BlameLine line;
    line.lineNumber = 3;
    line.text = u"temperature: 0.3"_s;
    line.version = 2;
    line.author = u"dana.kim"_s;
    line.time = at(3, 10, 1);
    line.reason = u"Warmer"_s;
    checkRoundTrip(line);
}

void TestJsonCodec::roundTrip_bundleManifest()
{
    checkRoundTrip(sampleManifest());
    QCOMPARE(toJson(sampleManifest()), sampleManifest().toJson());
    BundleManifest unsigned_ = sampleManifest();
    unsigned_.signature.clear();
    const Result<BundleManifest> refused = fromJson<BundleManifest>(toJson(unsigned_), u"manifest"_s);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.startsWith(u"manifest: "_s), qPrintable(refused.error().message));
}

void TestJsonCodec::roundTrip_requests()
{
    NodeCreateRequest company;
    company.kind = NodeKind::Company;
    company.name = u"acme"_s;
    company.reason = u"Founding"_s;
    checkRequestRoundTrip(company, nodeCreateRequestFromJson);
    NodeCreateRequest team = company;
    team.kind = NodeKind::Team;
    team.parentId = 1;
    checkRequestRoundTrip(team, nodeCreateRequestFromJson);
    NodeCreateRequest agent = team;
    agent.kind = NodeKind::Agent;
    agent.owner = u"dana.kim"_s;
    agent.visibility = Visibility::Public;
    agent.criticality = Criticality::Critical;
    agent.spec = u"description: x\n"_s;
    checkRequestRoundTrip(agent, nodeCreateRequestFromJson);

    checkRequestRoundTrip(NodePatchRequest{u"inbound"_s, std::nullopt, u"Renamed"_s}, nodePatchRequestFromJson);
    checkRequestRoundTrip(NodePatchRequest{std::nullopt, 9, u"Moved"_s}, nodePatchRequestFromJson);
    checkRequestRoundTrip(NodePatchRequest{u"inbound"_s, 9, u"Both"_s}, nodePatchRequestFromJson);
    checkRequestRoundTrip(VersionSaveRequest{4, u"model: b\n"_s, u"Cheaper model"_s}, versionSaveRequestFromJson);
    checkRequestRoundTrip(DecisionRequest{u"Checked the numbers"_s}, decisionRequestFromJson);
    checkRequestRoundTrip(AgentStatusRequest{AgentStatus::Paused, u"CRM outage"_s}, agentStatusRequestFromJson);
    checkRequestRoundTrip(AgentStatusRequest{AgentStatus::Active, u"CRM is back"_s}, agentStatusRequestFromJson);

    ActivityEvent event = sampleEvent();
    event.id = 0;
    const Result<QList<ActivityEvent>> events =
        eventBatchFromJson(parseJsonBody(text(toIngestJson(QList<ActivityEvent>{event, event})))->object(), serverTime);
    QVERIFY2(events.ok(), qPrintable(events ? QString() : events.error().message));
    QCOMPARE(events->size(), 2);
    QVERIFY(fields(events->at(1)) == fields(event));
}

void TestJsonCodec::roundTrip_runRequests()
{
    RunRequestEntry pending;
    pending.id = 77;
    pending.agentId = 12;
    pending.trigger = RunTrigger::Schedule;
    pending.triggerDetail = u"*/5 * * * *"_s;
    pending.payload = QJsonObject{{u"scheduledFor"_s, u"2026-05-24T13:00:00Z"_s}};
    pending.requestedBy = u"scheduler"_s;
    pending.requestedAt = at(24, 13, 1);
    pending.notBefore = at(24, 13, 0);
    checkRoundTrip(pending);
    RunRequestEntry started = pending;
    started.state = RunRequestState::Started;
    started.claimedBy = u"host:42:ab12cd34"_s;
    started.decidedAt = at(24, 13, 2);
    started.runId = 9001;
    checkRoundTrip(started);
    RunRequestEntry refused = pending;
    refused.state = RunRequestState::Refused;
    refused.reason = u"the agent is paused"_s;
    checkRoundTrip(refused);

    checkRequestRoundTrip(RunNowRequest{{{u"lead"_s, 7}}, u"Score it now"_s}, runNowRequestFromJson);
    checkRequestRoundTrip(RunNowRequest{{}, u"No payload"_s}, runNowRequestFromJson);
    QVERIFY(!runNowRequestFromJson(QJsonObject{{u"payload"_s, QJsonObject()}}).ok()); // no reason
    QVERIFY(!runNowRequestFromJson(QJsonObject{{u"reason"_s, u"x"_s}, {u"payload"_s, 3}}).ok());
    QVERIFY(!runNowRequestFromJson(QJsonObject{{u"reason"_s, u"x"_s}, {u"extra"_s, 1}}).ok());
}

void TestJsonCodec::error_everyCodeHasAStableSpelling_data()
{
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("spelling");
    QTest::newRow("not_found") << Error::Code::NotFound << u"not_found"_s;
    QTest::newRow("invalid") << Error::Code::Invalid << u"invalid"_s;
    QTest::newRow("conflict") << Error::Code::Conflict << u"conflict"_s;
    QTest::newRow("forbidden") << Error::Code::Forbidden << u"forbidden"_s;
    QTest::newRow("store_missing") << Error::Code::StoreMissing << u"store_missing"_s;
    QTest::newRow("store_locked") << Error::Code::StoreLocked << u"store_locked"_s;
    QTest::newRow("store_corrupt") << Error::Code::StoreCorrupt << u"store_corrupt"_s;
    QTest::newRow("store_too_new") << Error::Code::StoreTooNew << u"store_too_new"_s;
    QTest::newRow("store_failure") << Error::Code::StoreFailure << u"store_failure"_s;
    QTest::newRow("too_large") << Error::Code::TooLarge << u"too_large"_s;
}

void TestJsonCodec::error_everyCodeHasAStableSpelling()
{
    QFETCH(Error::Code, code);
    QFETCH(QString, spelling);
    const Error error{code, u"Nothing at /acme/nowhere — “quoted”."_s};
    const QJsonObject json = QJsonDocument::fromJson(text(toJson(error))).object();
    QCOMPARE(json.keys(), QStringList{u"error"_s});
    QCOMPARE(json.value(u"error"_s).toObject().value(u"code"_s).toString(), spelling);
    const Error back = errorFromJson(json);
    QCOMPARE(back.code, code);
    QCOMPARE(back.message, error.message);
}

void TestJsonCodec::errorFromJson_ofSomethingElse_isInvalid()
{
    const Error notAnError = errorFromJson(toJson(sampleNode()));
    QCOMPARE(notAnError.code, Error::Code::Invalid);
    QVERIFY2(notAnError.message.contains(u"error: required"_s), qPrintable(notAnError.message));
    const Error badCode =
        errorFromJson(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, 404}, {u"message"_s, u"gone"_s}}}});
    QCOMPARE(badCode.code, Error::Code::Invalid);
    QVERIFY2(badCode.message.contains(u"error.code: must be a string"_s), qPrintable(badCode.message));
    const Error newerCode = errorFromJson(
        QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"rate_limited"_s}, {u"message"_s, u"Slow down."_s}}}});
    QCOMPARE(newerCode.code, Error::Code::Invalid);
    QCOMPARE(newerCode.message, u"Slow down."_s);
    QCOMPARE(errorFromJson(QJsonValue(u"error"_s)).code, Error::Code::Invalid);
}

void TestJsonCodec::responseReaders_ignoreUnknownKeysAndNameTheMissingOnes()
{
    QJsonObject newer = toJson(sampleNode());
    newer.insert(u"colour"_s, u"teal"_s);
    const Result<OrgNode> node = fromJson<OrgNode>(newer);
    QVERIFY(node.ok());
    QCOMPARE(node->path, sampleNode().path);

    QJsonObject broken = toJson(sampleNode());
    broken.remove(u"kind"_s);
    const Result<QList<OrgNode>> list = listFromJson<OrgNode>(QJsonArray{toJson(sampleNode()), broken}, u"nodes"_s);
    QVERIFY(!list);
    QCOMPARE(list.error().code, Error::Code::Invalid);
    QCOMPARE(list.error().message, u"nodes[1].kind: required"_s);

    broken = toJson(sampleNode());
    broken.insert(u"archivedAt"_s, u"last tuesday"_s);
    QVERIFY(fromJson<OrgNode>(broken).error().message.startsWith(u"archivedAt: must be an ISO 8601 time"_s));

    QJsonObject line = toJson(DiffLine{DiffLine::Kind::Added, 0, 4, u"x"_s, {{0, 1}}});
    line.insert(u"changedWords"_s, QJsonArray{QJsonObject{{u"start"_s, 0}, {u"length"_s, -1}}});
    QCOMPARE(fromJson<DiffLine>(line, u"lines[2]"_s).error().message,
             u"lines[2].changedWords[0].length: must be a non-negative integer"_s);

    QCOMPARE(listFromJson<Run>(QJsonObject()).error().message, u"body: must be an array"_s);
    QCOMPARE(fromJson<Run>(QJsonArray()).error().message, u"body: must be an object"_s);
}

void TestJsonCodec::ingest_fillsDefaultsAndNormalisesTimes()
{
    const Result<QJsonDocument> body = parseJsonBody(R"({"events":[
        {"clientId":"a","kind":"step","agentId":7},
        {"clientId":"b","kind":"error","agentId":7,"time":"2026-11-24T15:00:00.5+02:00","runId":null,"body":null},
        {"clientId":"c","kind":"output","agentId":7,"status":"error","version":0,"cost":0}
    ]})");
    QVERIFY(body.ok());
    const Result<QList<ActivityEvent>> events = eventBatchFromJson(body->object(), serverTime);
    QVERIFY2(events.ok(), qPrintable(events ? QString() : events.error().message));
    QCOMPARE(events->at(0).time, serverTime);
    QCOMPARE(events->at(0).time.timeSpec(), Qt::UTC);
    QCOMPARE(events->at(0).status, u"ok"_s);
    QCOMPARE(events->at(0).id, 0);
    QCOMPARE(events->at(1).time, QDateTime(QDate(2026, 11, 24), QTime(13, 0, 0, 500), Qt::UTC));
    QCOMPARE(events->at(1).time.timeSpec(), Qt::UTC);
    QCOMPARE(events->at(1).status, u"error"_s);
    QCOMPARE(events->at(1).runId, 0);
    QVERIFY(events->at(1).body.isEmpty());
    QCOMPARE(events->at(2).status, u"error"_s);
}

void TestJsonCodec::ingest_acceptsAFullBatch()
{
    ActivityEvent event;
    event.clientId = u"c"_s;
    event.agentId = 7;
    event.kind = u"step"_s;
    event.summary = QString(ApiLimits::MaxSummaryLength, u's');
    QList<ActivityEvent> full(ApiLimits::MaxEventsPerBatch, event);
    const QByteArray body = text(toIngestJson(full));
    QVERIFY(body.size() <= ApiLimits::MaxRequestBytes);
    const Result<QList<ActivityEvent>> read = eventBatchFromJson(parseJsonBody(body)->object(), serverTime);
    QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->size(), ApiLimits::MaxEventsPerBatch);

    full.append(event);
    const Status tooMany = readRequest(u"batch"_s, text(toIngestJson(full)));
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.error().message, u"events: must hold at most 5000 events (it has 5001)"_s);
}

void TestJsonCodec::parseJsonBody_tooLargeIsItsOwnCode()
{
    const QByteArray justRight = R"({"reason":")" + QByteArray(100 - 13, 'x') + R"("})";
    QCOMPARE(justRight.size(), 100);
    QVERIFY(parseJsonBody(justRight, 100).ok());
    const Result<QJsonDocument> over = parseJsonBody(justRight, 99);
    QVERIFY(!over);
    QCOMPARE(over.error().code, Error::Code::TooLarge);
    QVERIFY2(over.error().message.contains(u"limit is 99 bytes"_s), qPrintable(over.error().message));

    const Result<QJsonDocument> huge = parseJsonBody(QByteArray(ApiLimits::MaxRequestBytes + 1, ' '));
    QVERIFY(!huge);
    QCOMPARE(huge.error().code, Error::Code::TooLarge);
    QVERIFY2(huge.error().message.contains(u"8388608"_s), qPrintable(huge.error().message));
}

void TestJsonCodec::requests_refuseHostileInput_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("fragment");
    const auto invalid = Error::Code::Invalid;

    // The body as a whole.
    QTest::newRow("empty body") << u"batch"_s << QByteArray() << invalid << u"not valid JSON"_s;
    QTest::newRow("truncated") << u"batch"_s << QByteArray(R"({"events":[{"clientId":"c1","ki)") << invalid
                               << u"not valid JSON"_s;
    QTest::newRow("garbage after") << u"decision"_s << QByteArray(R"({"reason":"r"} {})") << invalid
                                   << u"not valid JSON: garbage at the end of the document at byte"_s;
    QTest::newRow("NaN literal") << u"batch"_s << batch(minimal + R"(,"cost":NaN)") << invalid << u"not valid JSON"_s;
    QTest::newRow("number overflows a double")
        << u"batch"_s << batch(minimal + R"(,"cost":1e400)") << invalid << u"not valid JSON"_s;
    QTest::newRow("invalid UTF-8 byte") << u"batch"_s << batch(minimal + ",\"summary\":\"\xff\"") << invalid
                                        << u"not valid UTF-8"_s;
    QTest::newRow("overlong UTF-8") << u"batch"_s << batch(minimal + ",\"summary\":\"\xc0\xaf\"") << invalid
                                    << u"not valid UTF-8"_s;
    QTest::newRow("UTF-8 surrogate") << u"batch"_s << batch(minimal + ",\"summary\":\"\xed\xa0\x80\"") << invalid
                                     << u"not valid UTF-8"_s;
    QTest::newRow("UTF-8 cut short") << u"batch"_s << QByteArray("{\"events\":\"\xe2\x82") << invalid
                                     << u"not valid UTF-8"_s;
    QTest::newRow("invalid UTF-8 outside strings")
        << u"decision"_s << QByteArray("{\xfe\"reason\":\"r\"}") << invalid << u"not valid UTF-8"_s;
    QTest::newRow("top level array") << u"batch"_s << QByteArray(R"([{"clientId":"c1"}])") << invalid
                                     << u"must be a JSON object"_s;
    QTest::newRow("top level string") << u"decision"_s << QByteArray(R"("reason")") << invalid << u"not valid JSON"_s;
    QTest::newRow("top level null") << u"decision"_s << QByteArray("null") << invalid << u"not valid JSON"_s;
    QTest::newRow("deep nesting") << u"batch"_s
                                  << batch(minimal + ",\"body\":{\"a\":" + QByteArray(5000, '[') + QByteArray(5000, ']')
                                           + "}")
                                  << invalid << u"too deeply nested"_s;

    // The ingest shape.
    QTest::newRow("no events") << u"batch"_s << QByteArray("{}") << invalid << u"events: required"_s;
    QTest::newRow("events null") << u"batch"_s << QByteArray(R"({"events":null})") << invalid << u"events: required"_s;
    QTest::newRow("events an object") << u"batch"_s << QByteArray(R"({"events":{"clientId":"c1"}})") << invalid
                                      << u"events: must be an array"_s;
    QTest::newRow("events empty") << u"batch"_s << QByteArray(R"({"events":[]})") << invalid
                                  << u"events: must hold at least one event"_s;
    QTest::newRow("event a number") << u"batch"_s << QByteArray(R"({"events":[1]})") << invalid
                                    << u"events[0]: must be an object"_s;
    QTest::newRow("event an array") << u"batch"_s << QByteArray(R"({"events":[[{}]]})") << invalid
                                    << u"events[0]: must be an object"_s;
    QTest::newRow("unknown top-level field")
        << u"batch"_s << QByteArray(R"({"events":[{}],"agent":7})") << invalid << u"agent: unknown field"_s;
    QTest::newRow("client-chosen id") << u"batch"_s << batch(minimal + R"(,"id":5)") << invalid
                                      << u"events[0].id: unknown field"_s;
    QTest::newRow("kind missing in the fourth") << u"batch"_s
                                                << QByteArray("{\"events\":[{" + minimal + "},{" + minimal + "},{"
                                                              + minimal + R"(},{"clientId":"c4","agentId":7}]})")
                                                << invalid << u"events[3].kind: required"_s;
    QTest::newRow("kind null") << u"batch"_s << batch(R"("clientId":"c1","kind":null,"agentId":7)") << invalid
                               << u"events[0].kind: required"_s;
    QTest::newRow("kind empty") << u"batch"_s << batch(R"("clientId":"c1","kind":"","agentId":7)") << invalid
                                << u"events[0].kind: must not be empty"_s;
    QTest::newRow("kind a number") << u"batch"_s << batch(R"("clientId":"c1","kind":3,"agentId":7)") << invalid
                                   << u"events[0].kind: must be a string"_s;
    QTest::newRow("clientId missing") << u"batch"_s << batch(R"("kind":"step","agentId":7)") << invalid
                                      << u"events[0].clientId: required"_s;
    QTest::newRow("clientId an object") << u"batch"_s << batch(R"("clientId":{"a":1},"kind":"step","agentId":7)")
                                        << invalid << u"events[0].clientId: must be a string"_s;
    QTest::newRow("clientId too long") << u"batch"_s
                                       << batch("\"clientId\":\"" + QByteArray(129, 'c')
                                                + R"(","kind":"step","agentId":7)")
                                       << invalid << u"events[0].clientId: must be at most 128 characters"_s;
    QTest::newRow("agentId missing") << u"batch"_s << batch(R"("clientId":"c1","kind":"step")") << invalid
                                     << u"events[0].agentId: required"_s;
    QTest::newRow("agentId a string") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":"7")")
                                      << invalid << u"events[0].agentId: must be a positive integer"_s;
    QTest::newRow("agentId a fraction") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":1.5)")
                                        << invalid << u"events[0].agentId: must be a positive integer"_s;
    QTest::newRow("agentId negative") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":-3)") << invalid
                                      << u"events[0].agentId: must be a positive integer"_s;
    QTest::newRow("agentId zero") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":0)") << invalid
                                  << u"events[0].agentId: must be a positive integer"_s;
    QTest::newRow("agentId true") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":true)") << invalid
                                  << u"events[0].agentId: must be a positive integer"_s;
    QTest::newRow("agentId 2^53") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":9007199254740992)")
                                  << invalid << u"events[0].agentId: must be at most 9007199254740991"_s;
    QTest::newRow("agentId past qint64") << u"batch"_s
                                         << batch(R"("clientId":"c1","kind":"step","agentId":99999999999999999999)")
                                         << invalid << u"events[0].agentId: must be at most 9007199254740991"_s;
    QTest::newRow("agentId 1e300") << u"batch"_s << batch(R"("clientId":"c1","kind":"step","agentId":1e300)") << invalid
                                   << u"events[0].agentId: must be at most"_s;
    QTest::newRow("tokensIn negative") << u"batch"_s << batch(minimal + R"(,"tokensIn":-1)") << invalid
                                       << u"events[0].tokensIn: must be a non-negative integer"_s;
    QTest::newRow("tokensOut a fraction") << u"batch"_s << batch(minimal + R"(,"tokensOut":2.5)") << invalid
                                          << u"events[0].tokensOut: must be a non-negative integer"_s;
    QTest::newRow("tokensIn a string") << u"batch"_s << batch(minimal + R"(,"tokensIn":"12")") << invalid
                                       << u"events[0].tokensIn: must be a non-negative integer"_s;
    QTest::newRow("latencyMs 1e20") << u"batch"_s << batch(minimal + R"(,"latencyMs":1e20)") << invalid
                                    << u"events[0].latencyMs: must be at most 9007199254740991"_s;
    QTest::newRow("cost negative") << u"batch"_s << batch(minimal + R"(,"cost":-0.01)") << invalid
                                   << u"events[0].cost: must be a non-negative number"_s;
    QTest::newRow("cost \"NaN\"") << u"batch"_s << batch(minimal + R"(,"cost":"NaN")") << invalid
                                  << u"events[0].cost: must be a non-negative number"_s;
    QTest::newRow("cost \"Infinity\"") << u"batch"_s << batch(minimal + R"(,"cost":"Infinity")") << invalid
                                       << u"events[0].cost: must be a non-negative number"_s;
    QTest::newRow("version past int") << u"batch"_s << batch(minimal + R"(,"version":2147483648)") << invalid
                                      << u"events[0].version: must be at most 2147483647"_s;
    QTest::newRow("version negative") << u"batch"_s << batch(minimal + R"(,"version":-1)") << invalid
                                      << u"events[0].version: must be a non-negative integer"_s;
    QTest::newRow("runId zero") << u"batch"_s << batch(minimal + R"(,"runId":0)") << invalid
                                << u"events[0].runId: must be a positive integer"_s;
    QTest::newRow("time in words") << u"batch"_s << batch(minimal + R"(,"time":"yesterday")") << invalid
                                   << u"events[0].time: must be an ISO 8601 time with a time zone"_s;
    QTest::newRow("time without zone") << u"batch"_s << batch(minimal + R"(,"time":"2026-11-24T13:11:20")") << invalid
                                       << u"events[0].time: must be an ISO 8601 time"_s;
    QTest::newRow("time a number") << u"batch"_s << batch(minimal + R"(,"time":1795000000)") << invalid
                                   << u"events[0].time: must be an ISO 8601 time"_s;
    QTest::newRow("time far ahead") << u"batch"_s << batch(minimal + R"(,"time":"2999-01-01T00:00:00Z")") << invalid
                                    << u"events[0].time: is more than 24 hours ahead"_s;
    QTest::newRow("status unknown") << u"batch"_s << batch(minimal + R"(,"status":"maybe")") << invalid
                                    << u"events[0].status: must be one of: ok, error"_s;
    QTest::newRow("summary too long") << u"batch"_s
                                      << batch(minimal + ",\"summary\":\""
                                               + QByteArray(ApiLimits::MaxSummaryLength + 1, 's') + "\"")
                                      << invalid
                                      << u"events[0].summary: must be at most 1024 characters long (it has 1025)"_s;
    QTest::newRow("detail too long") << u"batch"_s
                                     << batch(minimal + ",\"detail\":\""
                                              + QByteArray(ApiLimits::MaxDetailLength + 1, 'd') + "\"")
                                     << invalid << u"events[0].detail: must be at most 65536 characters"_s;
    QTest::newRow("summary with a lone surrogate") << u"batch"_s << batch(minimal + R"(,"summary":"a\ud800b")")
                                                   << invalid << u"events[0].summary: must be valid Unicode text"_s;
    QTest::newRow("summary with U+0000") << u"batch"_s << batch(minimal + R"(,"summary":"a\u0000b")") << invalid
                                         << u"events[0].summary: must not contain the character U+0000"_s;
    QTest::newRow("body an array") << u"batch"_s << batch(minimal + R"(,"body":[1,2])") << invalid
                                   << u"events[0].body: must be an object"_s;
    QTest::newRow("body a string") << u"batch"_s << batch(minimal + R"(,"body":"{}")") << invalid
                                   << u"events[0].body: must be an object"_s;
    QTest::newRow("spanId a number") << u"batch"_s << batch(minimal + R"(,"spanId":12)") << invalid
                                     << u"events[0].spanId: must be a string"_s;

    // Creating a node.
    QTest::newRow("create: nothing") << u"create"_s << QByteArray("{}") << invalid << u"kind: required"_s;
    QTest::newRow("create: unknown kind") << u"create"_s << QByteArray(R"({"kind":"division","name":"x","reason":"r"})")
                                          << invalid << u"kind: must be one of: company, department, team, agent"_s;
    QTest::newRow("create: kind in capitals") << u"create"_s << QByteArray(R"({"kind":"Team","name":"x","reason":"r"})")
                                              << invalid << u"kind: must be one of"_s;
    QTest::newRow("create: team without parent")
        << u"create"_s << QByteArray(R"({"kind":"team","name":"x","reason":"r"})") << invalid
        << u"parentId: required"_s;
    QTest::newRow("create: company with parent")
        << u"create"_s << QByteArray(R"({"kind":"company","parentId":1,"name":"x","reason":"r"})") << invalid
        << u"parentId: a company has no parent"_s;
    QTest::newRow("create: team with a spec")
        << u"create"_s << QByteArray(R"({"kind":"team","parentId":1,"name":"x","reason":"r","spec":"s"})") << invalid
        << u"spec: only agents have this field"_s;
    QTest::newRow("create: agent without spec")
        << u"create"_s << QByteArray(R"({"kind":"agent","parentId":1,"name":"x","reason":"r","owner":"o"})") << invalid
        << u"spec: required"_s;
    QTest::newRow("create: agent without owner")
        << u"create"_s << QByteArray(R"({"kind":"agent","parentId":1,"name":"x","reason":"r","spec":"s"})") << invalid
        << u"owner: required"_s;
    QTest::newRow("create: secret visibility")
        << u"create"_s
        << QByteArray(
               R"({"kind":"agent","parentId":1,"name":"x","reason":"r","owner":"o","spec":"s","visibility":"secret"})")
        << invalid << u"visibility: must be one of: public, team, private"_s;
    QTest::newRow("create: name a number")
        << u"create"_s << QByteArray(R"({"kind":"team","parentId":1,"name":7,"reason":"r"})") << invalid
        << u"name: must be a string"_s;
    QTest::newRow("create: name too long")
        << u"create"_s
        << QByteArray(R"({"kind":"team","parentId":1,"reason":"r","name":")" + QByteArray(65, 'n') + "\"}") << invalid
        << u"name: must be at most 64 characters"_s;
    QTest::newRow("create: reason missing")
        << u"create"_s << QByteArray(R"({"kind":"team","parentId":1,"name":"x"})") << invalid << u"reason: required"_s;
    QTest::newRow("create: reason empty")
        << u"create"_s << QByteArray(R"({"kind":"team","parentId":1,"name":"x","reason":""})") << invalid
        << u"reason: must not be empty"_s;
    QTest::newRow("create: reason too long")
        << u"create"_s
        << QByteArray(R"({"kind":"team","parentId":1,"name":"x","reason":")" + QByteArray(4097, 'r') + "\"}") << invalid
        << u"reason: must be at most 4096 characters"_s;
    QTest::newRow("create: spec too long")
        << u"create"_s
        << QByteArray(R"({"kind":"agent","parentId":1,"name":"x","reason":"r","owner":"o","spec":")"
                      + QByteArray(ApiLimits::MaxSpecLength + 1, 's') + "\"}")
        << invalid << u"spec: must be at most 262144 characters"_s;
    QTest::newRow("create: parentId a string")
        << u"create"_s << QByteArray(R"({"kind":"team","parentId":"1","name":"x","reason":"r"})") << invalid
        << u"parentId: must be a positive integer"_s;
    QTest::newRow("create: typo") << u"create"_s << QByteArray(R"({"kind":"team","parent":1,"name":"x","reason":"r"})")
                                  << invalid << u"parent: unknown field"_s;

    // Changing a node.
    QTest::newRow("patch: nothing to change")
        << u"patch"_s << QByteArray(R"({"reason":"r"})") << invalid << u"body: nothing to change"_s;
    QTest::newRow("patch: only nulls") << u"patch"_s << QByteArray(R"({"name":null,"parentId":null,"reason":"r"})")
                                       << invalid << u"body: nothing to change"_s;
    QTest::newRow("patch: parentId a fraction") << u"patch"_s << QByteArray(R"({"parentId":1.5,"reason":"r"})")
                                                << invalid << u"parentId: must be a positive integer"_s;
    QTest::newRow("patch: name empty") << u"patch"_s << QByteArray(R"({"name":"","reason":"r"})") << invalid
                                       << u"name: must not be empty"_s;
    QTest::newRow("patch: no reason") << u"patch"_s << QByteArray(R"({"name":"x"})") << invalid
                                      << u"reason: required"_s;

    // Saving a version.
    QTest::newRow("version: no base") << u"version"_s << QByteArray(R"({"spec":"s","reason":"r"})") << invalid
                                      << u"baseVersion: required"_s;
    QTest::newRow("version: base a string")
        << u"version"_s << QByteArray(R"({"baseVersion":"3","spec":"s","reason":"r"})") << invalid
        << u"baseVersion: must be a non-negative integer"_s;
    QTest::newRow("version: base negative")
        << u"version"_s << QByteArray(R"({"baseVersion":-1,"spec":"s","reason":"r"})") << invalid
        << u"baseVersion: must be a non-negative integer"_s;
    QTest::newRow("version: spec empty") << u"version"_s << QByteArray(R"({"baseVersion":3,"spec":"","reason":"r"})")
                                         << invalid << u"spec: must not be empty"_s;
    QTest::newRow("version: spec an object")
        << u"version"_s << QByteArray(R"({"baseVersion":3,"spec":{"model":"x"},"reason":"r"})") << invalid
        << u"spec: must be a string"_s;

    // Decisions and audit filters.
    QTest::newRow("decision: nothing") << u"decision"_s << QByteArray("{}") << invalid << u"reason: required"_s;
    QTest::newRow("decision: reason a list")
        << u"decision"_s << QByteArray(R"({"reason":["a"]})") << invalid << u"reason: must be a string"_s;
    QTest::newRow("decision: approver named")
        << u"decision"_s << QByteArray(R"({"reason":"r","approver":"me"})") << invalid << u"approver: unknown field"_s;
    QTest::newRow("filter: bad date") << u"filter"_s << QByteArray(R"({"from":"2026-13-45T00:00:00Z"})") << invalid
                                      << u"from: must be an ISO 8601 time"_s;
    QTest::newRow("filter: actor a number")
        << u"filter"_s << QByteArray(R"({"actor":1})") << invalid << u"actor: must be a string"_s;
    QTest::newRow("filter: action too long")
        << u"filter"_s << QByteArray(R"({"action":")" + QByteArray(129, 'a') + "\"}") << invalid
        << u"action: must be at most 128 characters"_s;
    // Approvals: proposals, decisions and policies.
    QTest::newRow("approval: no agent") << u"approval"_s
                                        << QByteArray(R"({"title":"t","payload":"p","payloadFormat":"email"})")
                                        << invalid << u"agentId: required"_s;
    QTest::newRow("approval: unknown field")
        << u"approval"_s
        << QByteArray(R"({"agentId":1,"title":"t","payload":"p","payloadFormat":"email","state":"approved"})")
        << invalid << u"state: unknown field"_s;
    QTest::newRow("approval: title too long")
        << u"approval"_s
        << QByteArray(R"({"agentId":1,"payload":"p","payloadFormat":"email","title":")" + QByteArray(201, 't') + "\"}")
        << invalid << u"title: must be at most 200 characters"_s;
    QTest::newRow("approval: action a string")
        << u"approval"_s
        << QByteArray(R"({"agentId":1,"title":"t","payload":"p","payloadFormat":"email","action":"curl"})") << invalid
        << u"action: must be an object"_s;
    QTest::newRow("verdict: no revision")
        << u"verdict"_s << QByteArray(R"({"verdict":"approve"})") << invalid << u"revision: required"_s;
    QTest::newRow("verdict: negative revision") << u"verdict"_s << QByteArray(R"({"verdict":"approve","revision":-1})")
                                                << invalid << u"revision: must be a non-negative integer"_s;
    QTest::newRow("verdict: reviewer named")
        << u"verdict"_s << QByteArray(R"({"verdict":"approve","revision":1,"reviewer":"me"})") << invalid
        << u"reviewer: unknown field"_s;
    QTest::newRow("policy: no reason") << u"policy"_s << QByteArray(R"({"policy":{"quorum":2}})") << invalid
                                       << u"reason: required"_s;
    QTest::newRow("policy: quorum zero") << u"policy"_s << QByteArray(R"({"policy":{"quorum":0},"reason":"r"})")
                                         << invalid << u"quorum must be a whole number"_s;
    QTest::newRow("policy: unknown policy field")
        << u"policy"_s << QByteArray(R"({"policy":{"quorom":2},"reason":"r"})") << invalid << u"no field quorom"_s;
    QTest::newRow("policy: bad outcome") << u"policy"_s
                                         << QByteArray(R"({"policy":{"expiryOutcome":"maybe"},"reason":"r"})")
                                         << invalid << u"expiryOutcome"_s;
    // Pausing and resuming an agent.
    QTest::newRow("status: no reason") << u"status"_s << QByteArray(R"({"status":"paused"})") << invalid
                                       << u"reason: required"_s;
    QTest::newRow("status: no status") << u"status"_s << QByteArray(R"({"reason":"r"})") << invalid
                                       << u"status: required"_s;
    QTest::newRow("status: unknown status")
        << u"status"_s << QByteArray(R"({"status":"asleep","reason":"r"})") << invalid << u"status"_s;
    QTest::newRow("status: a number") << u"status"_s << QByteArray(R"({"status":1,"reason":"r"})") << invalid
                                      << u"status"_s;
    QTest::newRow("status: actor named") << u"status"_s
                                         << QByteArray(R"({"status":"paused","reason":"r","actor":"me"})") << invalid
                                         << u"actor: unknown field"_s;
}

void TestJsonCodec::requests_refuseHostileInput()
{
    QFETCH(QString, reader);
    QFETCH(QByteArray, body);
    QFETCH(Error::Code, code);
    QFETCH(QString, fragment);
    const Status status = readRequest(reader, body);
    QVERIFY2(!status.ok(), "accepted");
    QCOMPARE(status.error().code, code);
    QVERIFY2(status.error().message.contains(fragment), qPrintable(status.error().message));
}

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
