// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// RemoteWorkspace against the real stewardd: reads, visibility, the services' rules coming back
// as errors, proposals, the audit log and bundles, and the Workspace signals from the live
// stream, also across a restart of the server. Runs on SQLite and, as tst_remoteworkspace_pg,
// on PostgreSQL.
#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "client/remoteworkspace.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using namespace steward::test;

class TestRemoteWorkspace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void readsTheTreeAsItsPrincipal();
    void outsiderSeesNoPrivateAgents();
    void staleBaseIsAConflict();
    void rollbackMakesANewVersion();
    void proposalsAreApprovedAndRejected();
    void auditEntriesPageAndFilter();
    void verifyAuditAsksTheServer();
    void exportedBundleVerifies();
    void createCompanyIsRefused();
    void badTokenIsRefusedOnOpen();
    void changesByOthersEmitSignals();
    void ownChangesAreAnnouncedOnce();
    void reconnectsAfterRestartWithoutGapOrDuplicate();
    void approvalsAreListedDecidedAndAnnounced();
    void liveActivityAndRunEvents();
    void pauseAndResumeAreAnnouncedOnceEverywhere();

private:
    [[nodiscard]] std::unique_ptr<RemoteWorkspace>
    open(const QString &principal, RemoteWorkspace::Updates updates = RemoteWorkspace::Updates::Requests) const;
    [[nodiscard]] HttpClient http(const QString &principal) const
    {
        return HttpClient(m_server.url(), m_seeded.tokens.value(principal));
    }
    [[nodiscard]] NodeId id(const QString &path) const { return m_seeded.nodes.value(path); }
    // Posts output events with these client ids for prospect-mailer, as root-admin.
    [[nodiscard]] bool postEvents(const QStringList &clientIds) const;

    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void TestRemoteWorkspace::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    const QString failed = startSeededServer(m_store, m_seeded, m_server);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestRemoteWorkspace::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

std::unique_ptr<RemoteWorkspace> TestRemoteWorkspace::open(const QString &principal,
                                                           RemoteWorkspace::Updates updates) const
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = m_seeded.tokens.value(principal);
    Result<std::unique_ptr<RemoteWorkspace>> workspace = RemoteWorkspace::open(connection, updates);
    if (!workspace) {
        qWarning("cannot open the remote workspace: %s", qPrintable(workspace.error().message));
        return nullptr;
    }
    return std::move(workspace).value();
}

bool TestRemoteWorkspace::postEvents(const QStringList &clientIds) const
{
    QJsonArray events;
    for (const QString &clientId : clientIds) {
        events.append(
            QJsonObject{{QStringLiteral("clientId"), clientId},
                        {QStringLiteral("agentId"), id(QStringLiteral("/acme/sales/outbound/prospect-mailer"))},
                        {QStringLiteral("kind"), QStringLiteral("output")}});
    }
    const HttpReply reply =
        http(QStringLiteral("root-admin"))
            .post(QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("events"), events}});
    return reply.status == 200;
}

// The message of a failed result, for QVERIFY2 (which builds its message even when it passes).
template<typename T> static QByteArray whyNot(const Result<T> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

static QStringList names(const QList<OrgNode> &nodes)
{
    QStringList list;
    for (const OrgNode &node : nodes) {
        list.append(node.name);
    }
    return list;
}

void TestRemoteWorkspace::readsTheTreeAsItsPrincipal()
{
    const auto workspace = open(QStringLiteral("root-admin"));
    QVERIFY(workspace);
    QCOMPARE(workspace->actor(), QStringLiteral("root-admin"));
    QCOMPARE(workspace->location(), m_server.url().toString());
    QVERIFY(!workspace->isReadOnly());
    QCOMPARE(workspace->grants().size(), 1);
    QCOMPARE(workspace->grants().first().role, Role::Admin);

    const Result<OrgNode> root = workspace->root();
    QVERIFY2(root, whyNot(root).constData());
    QCOMPARE(root->path, QStringLiteral("/acme"));
    const Result<QList<OrgNode>> departments = workspace->children(root->id);
    QVERIFY(departments);
    QCOMPARE(names(departments.value()), (QStringList{QStringLiteral("sales"), QStringLiteral("support")}));
    const Result<QList<OrgNode>> agents = workspace->children(id(QStringLiteral("/acme/sales/outbound")));
    QVERIFY(agents);
    QCOMPARE(agents->size(), 3);

    const NodeId mailer = id(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const Result<OrgNode> node = workspace->node(mailer);
    QVERIFY(node);
    QCOMPARE(node->kind, NodeKind::Agent);
    const Result<Agent> agent = workspace->agent(mailer);
    QVERIFY(agent);
    QCOMPARE(agent->owner, QStringLiteral("dana"));
    QCOMPARE(agent->visibility, Visibility::Public);
    const Result<AgentVersion> first = workspace->version(mailer, 1);
    QVERIFY(first);
    QVERIFY(first->spec.contains(QStringLiteral("Help the prospect-mailer team.")));
    const Result<QList<AgentVersion>> history = workspace->history(mailer);
    QVERIFY(history);
    QVERIFY(!history->isEmpty());
    QCOMPARE(history->last().number, 1);
    const Result<QList<Run>> runs = workspace->recentRuns(mailer, 5);
    QVERIFY(runs);
    QVERIFY(runs->isEmpty());
    QCOMPARE(workspace->node(999'999).error().code, Error::Code::NotFound);
}

void TestRemoteWorkspace::outsiderSeesNoPrivateAgents()
{
    const auto outsider = open(QStringLiteral("outsider"));
    QVERIFY(outsider);
    const Result<QList<OrgNode>> outbound = outsider->children(id(QStringLiteral("/acme/sales/outbound")));
    QVERIFY(outbound);
    QCOMPARE(names(outbound.value()), QStringList{QStringLiteral("prospect-mailer")});
    const Result<QList<OrgNode>> tier1 = outsider->children(id(QStringLiteral("/acme/support/tier1")));
    QVERIFY(tier1);
    QCOMPARE(names(tier1.value()), QStringList{QStringLiteral("triage")});
    // A hidden agent is answered exactly like a missing one.
    const Result<Agent> hidden = outsider->agent(id(QStringLiteral("/acme/sales/outbound/pricing-bot")));
    QCOMPARE(hidden.error().code, Error::Code::NotFound);
    QCOMPARE(outsider->history(id(QStringLiteral("/acme/support/tier1/refund-bot"))).error().code,
             Error::Code::NotFound);
}

void TestRemoteWorkspace::staleBaseIsAConflict()
{
    const auto editor = open(QStringLiteral("sales-editor"));
    QVERIFY(editor);
    const NodeId scorer = id(QStringLiteral("/acme/sales/outbound/lead-scorer"));
    const int head = editor->agent(scorer)->headVersion;
    const Result<AgentService::VersionChange> saved =
        editor->changeSpec(scorer, head, sampleSpec(QStringLiteral("Score leads by fit.")), QStringLiteral("sharper"));
    QVERIFY2(saved, whyNot(saved).constData());
    QVERIFY(saved->saved);
    QCOMPARE(saved->saved->number, head + 1);
    QCOMPARE(saved->saved->author, QStringLiteral("sales-editor"));
    const Result<AgentService::VersionChange> stale =
        editor->changeSpec(scorer, head, sampleSpec(QStringLiteral("Score leads by size.")), QStringLiteral("late"));
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QVERIFY(!stale.error().message.isEmpty());
    // The reviewer may not edit: the server's refusal comes back as Forbidden.
    const auto reviewer = open(QStringLiteral("outbound-reviewer"));
    QVERIFY(reviewer);
    QCOMPARE(reviewer->changeSpec(scorer, head + 1, sampleSpec(QStringLiteral("x")), QStringLiteral("no")).error().code,
             Error::Code::Forbidden);
}

void TestRemoteWorkspace::rollbackMakesANewVersion()
{
    const auto editor = open(QStringLiteral("sales-editor"));
    QVERIFY(editor);
    const NodeId mailer = id(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const int head = editor->agent(mailer)->headVersion;
    QVERIFY(editor->changeSpec(mailer, head, sampleSpec(QStringLiteral("Mail everyone.")), QStringLiteral("try")));
    const Result<AgentService::VersionChange> rolled =
        editor->rollback(mailer, head, head + 1, QStringLiteral("too broad"));
    QVERIFY2(rolled, whyNot(rolled).constData());
    QVERIFY(rolled->saved);
    QCOMPARE(rolled->saved->number, head + 2);
    QCOMPARE(editor->version(mailer, head + 2)->spec, editor->version(mailer, head)->spec);
    QCOMPARE(editor->agent(mailer)->headVersion, head + 2);
}

void TestRemoteWorkspace::proposalsAreApprovedAndRejected()
{
    // A critical agent: its changes are proposals until a second person decides.
    const HttpReply created =
        http(QStringLiteral("root-admin"))
            .post(QStringLiteral("/api/v1/nodes"),
                  QJsonObject{{QStringLiteral("kind"), QStringLiteral("agent")},
                              {QStringLiteral("parentId"), id(QStringLiteral("/acme/sales/outbound"))},
                              {QStringLiteral("name"), QStringLiteral("discount-approver")},
                              {QStringLiteral("owner"), QStringLiteral("dana")},
                              {QStringLiteral("criticality"), QStringLiteral("critical")},
                              {QStringLiteral("spec"),
                               sampleSpec(QStringLiteral("Approve discounts."), QStringLiteral("critical"))},
                              {QStringLiteral("reason"), QStringLiteral("new")}});
    QVERIFY2(created.status == 201, created.body.constData());
    const NodeId approver = created.json().value(QStringLiteral("id")).toInteger();

    const auto editor = open(QStringLiteral("sales-editor"));
    const auto admin = open(QStringLiteral("root-admin"));
    const auto reviewer = open(QStringLiteral("outbound-reviewer"));
    QVERIFY(editor && admin && reviewer);
    const Result<AgentService::VersionChange> first = editor->changeSpec(
        approver, 1, sampleSpec(QStringLiteral("Approve small discounts."), QStringLiteral("critical")),
        QStringLiteral("limit"));
    QVERIFY2(first, whyNot(first).constData());
    QVERIFY(first->proposed);
    QCOMPARE(admin->pendingProposals(approver)->size(), 1);
    QCOMPARE(admin->pendingProposals(NoNode)->first().id, first->proposed->id);
    // The author may not approve their own change.
    QCOMPARE(editor->approveProposal(first->proposed->id, QStringLiteral("mine")).error().code, Error::Code::Forbidden);
    const Result<AgentVersion> approved = admin->approveProposal(first->proposed->id, QStringLiteral("checked"));
    QVERIFY2(approved, whyNot(approved).constData());
    QCOMPARE(approved->number, 2);
    QCOMPARE(approved->approvedBy, QStringLiteral("root-admin"));

    const Result<AgentService::VersionChange> second = editor->changeSpec(
        approver, 2, sampleSpec(QStringLiteral("Approve every discount."), QStringLiteral("critical")),
        QStringLiteral("generous"));
    QVERIFY(second && second->proposed);
    const Result<VersionProposal> rejected = reviewer->rejectProposal(second->proposed->id, QStringLiteral("too much"));
    QVERIFY2(rejected, whyNot(rejected).constData());
    QCOMPARE(rejected->state, VersionProposal::State::Rejected);
    QCOMPARE(rejected->decidedBy, QStringLiteral("outbound-reviewer"));
    QVERIFY(admin->pendingProposals(approver)->isEmpty());
    QCOMPARE(admin->agent(approver)->headVersion, 2);
}

void TestRemoteWorkspace::auditEntriesPageAndFilter()
{
    const auto auditor = open(QStringLiteral("auditor"));
    QVERIFY(auditor);
    const Result<QList<AuditEntry>> newest = auditor->auditEntries({}, 0, 5);
    QVERIFY2(newest, whyNot(newest).constData());
    QCOMPARE(newest->size(), 5);
    for (qsizetype i = 1; i < newest->size(); ++i) {
        QVERIFY(newest->at(i).sequence < newest->at(i - 1).sequence);
    }
    // The next page starts below the last sequence seen.
    const Result<QList<AuditEntry>> older = auditor->auditEntries({}, newest->last().sequence, 3);
    QVERIFY(older);
    QCOMPARE(older->size(), 3);
    QCOMPARE(older->first().sequence, newest->last().sequence - 1);
    // More than one page of the API (500): the client follows the cursor.
    const Result<QList<AuditEntry>> all = auditor->auditEntries({}, 0, 100'000);
    QVERIFY(all);
    QCOMPARE(all->last().sequence, 1);

    AuditFilter byEditor;
    byEditor.actor = QStringLiteral("sales-editor");
    byEditor.action = QStringLiteral("version.");
    const Result<QList<AuditEntry>> edits = auditor->auditEntries(byEditor, 0, 100);
    QVERIFY(edits);
    QVERIFY(!edits->isEmpty());
    for (const AuditEntry &entry : edits.value()) {
        QCOMPARE(entry.actor, QStringLiteral("sales-editor"));
        QVERIFY(entry.action.startsWith(QStringLiteral("version.")));
    }
    const Result<QList<AuditEntry>> aboutMailer =
        auditor->recentChanges(QStringLiteral("/acme/sales/outbound/prospect-mailer"), 50);
    QVERIFY(aboutMailer);
    QVERIFY(!aboutMailer->isEmpty());
    // Reading the log takes the auditor role (or admin).
    const auto editor = open(QStringLiteral("sales-editor"));
    QVERIFY(editor);
    QCOMPARE(editor->auditEntries({}, 0, 5).error().code, Error::Code::Forbidden);
}

void TestRemoteWorkspace::verifyAuditAsksTheServer()
{
    const auto auditor = open(QStringLiteral("auditor"));
    QVERIFY(auditor);
    const Result<AuditVerification> verified = auditor->verifyAudit();
    QVERIFY2(verified, whyNot(verified).constData());
    QVERIFY(verified->intact());
    QVERIFY(verified->entriesChecked > 0);
    QCOMPARE(verified->headSequence, auditor->auditEntries({}, 0, 1)->first().sequence);
    QCOMPARE(open(QStringLiteral("outsider"))->verifyAudit().error().code, Error::Code::Forbidden);
}

void TestRemoteWorkspace::exportedBundleVerifies()
{
    const auto auditor = open(QStringLiteral("auditor"));
    QVERIFY(auditor);
    QSignalSpy appended(auditor.get(), &Workspace::auditAppended);
    const QString path = m_dir.filePath(QStringLiteral("sales.bundle"));
    BundleScope scope;
    scope.subtreePath = QStringLiteral("/acme/sales");
    const Result<BundleManifest> manifest = auditor->exportBundle(path, scope, QStringLiteral("Q2 audit"));
    QVERIFY2(manifest, whyNot(manifest).constData());
    QCOMPARE(manifest->createdBy, QStringLiteral("auditor"));
    QCOMPARE(manifest->scope.subtreePath, QStringLiteral("/acme/sales"));
    QVERIFY(QFile::exists(AuditBundle::manifestPathFor(path)));
    QCOMPARE(appended.size(), 1);

    // The server signs with its own key, kept in its data folder: the auditor is given its
    // public half out of band.
    const QDir keys(m_server.dataHome() + QStringLiteral("/steward/keys"));
    const QStringList keyFiles = keys.entryList({QStringLiteral("*.key")}, QDir::Files);
    QCOMPARE(keyFiles.size(), 1);
    const Result<SigningKey> key = SigningKey::load(keys.filePath(keyFiles.first()));
    QVERIFY(key);
    const Result<BundleVerification> verified = AuditBundle::verify(path, key->publicKeyHex());
    QVERIFY2(verified, whyNot(verified).constData());
    QVERIFY2(verified->ok(), qPrintable(verified->problems.join(QStringLiteral("; "))));

    QCOMPARE(auditor->exportBundle(path, scope, QStringLiteral("again")).error().code, Error::Code::Invalid);
    // Refused exports leave no file behind.
    const QString refusedPath = m_dir.filePath(QStringLiteral("refused.bundle"));
    QCOMPARE(open(QStringLiteral("sales-editor"))->exportBundle(refusedPath, {}, QStringLiteral("no")).error().code,
             Error::Code::Forbidden);
    QVERIFY(!QFile::exists(refusedPath));
    QVERIFY(!QFile::exists(AuditBundle::manifestPathFor(refusedPath)));
}

void TestRemoteWorkspace::createCompanyIsRefused()
{
    const auto admin = open(QStringLiteral("root-admin"));
    QVERIFY(admin);
    const Result<OrgNode> refused = admin->createCompany(QStringLiteral("globex"), QStringLiteral("second"));
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QVERIFY(refused.error().message.contains(QStringLiteral("stewardctl")));
}

void TestRemoteWorkspace::badTokenIsRefusedOnOpen()
{
    ServerConnection connection;
    connection.url = m_server.url();
    connection.token = QStringLiteral("stw_not-a-token");
    const Result<std::unique_ptr<RemoteWorkspace>> refused = RemoteWorkspace::open(connection);
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QVERIFY2(refused.error().message.contains(QStringLiteral("Not signed in")), whyNot(refused).constData());
}

void TestRemoteWorkspace::changesByOthersEmitSignals()
{
    const auto admin = open(QStringLiteral("root-admin"), RemoteWorkspace::Updates::Live);
    QVERIFY(admin);
    QSignalSpy connected(admin.get(), &RemoteWorkspace::connectionChanged);
    QVERIFY(connected.wait());
    QCOMPARE(connected.first().at(0).toBool(), true);
    QVERIFY(admin->isConnected());
    QSignalSpy added(admin.get(), &Workspace::nodeAdded);
    QSignalSpy renamed(admin.get(), &Workspace::nodeRenamed);
    QSignalSpy moved(admin.get(), &Workspace::nodeMoved);
    QSignalSpy archived(admin.get(), &Workspace::nodeArchived);
    QSignalSpy agentChanged(admin.get(), &Workspace::agentChanged);
    QSignalSpy appended(admin.get(), &Workspace::auditAppended);

    const HttpClient editor = http(QStringLiteral("sales-editor"));
    const HttpReply created = editor.post(QStringLiteral("/api/v1/nodes"),
                                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("team")},
                                                      {QStringLiteral("parentId"), id(QStringLiteral("/acme/sales"))},
                                                      {QStringLiteral("name"), QStringLiteral("inbound")},
                                                      {QStringLiteral("reason"), QStringLiteral("new team")}});
    QVERIFY2(created.status == 201, created.body.constData());
    const NodeId inbound = created.json().value(QStringLiteral("id")).toInteger();
    QTRY_COMPARE(added.size(), 1);
    QCOMPARE(added.first().at(0).value<OrgNode>().path, QStringLiteral("/acme/sales/inbound"));

    QCOMPARE(editor
                 .patch(QStringLiteral("/api/v1/nodes/%1").arg(inbound),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("inbound-sales")},
                                    {QStringLiteral("reason"), QStringLiteral("clearer")}})
                 .status,
             200);
    QTRY_COMPARE(renamed.size(), 1);
    QCOMPARE(renamed.first().at(0).value<OrgNode>().name, QStringLiteral("inbound-sales"));

    const NodeId outbound = id(QStringLiteral("/acme/sales/outbound"));
    QCOMPARE(editor
                 .patch(QStringLiteral("/api/v1/nodes/%1").arg(inbound),
                        QJsonObject{{QStringLiteral("parentId"), outbound},
                                    {QStringLiteral("reason"), QStringLiteral("belongs to outbound")}})
                 .status,
             200);
    QTRY_COMPARE(moved.size(), 1);
    QCOMPARE(moved.first().at(0).value<OrgNode>().parentId, outbound);
    QCOMPARE(moved.first().at(1).value<NodeId>(), id(QStringLiteral("/acme/sales")));

    const NodeId scorer = id(QStringLiteral("/acme/sales/outbound/lead-scorer"));
    const int head = admin->agent(scorer)->headVersion;
    QCOMPARE(editor
                 .post(QStringLiteral("/api/v1/agents/%1/versions").arg(scorer),
                       QJsonObject{{QStringLiteral("baseVersion"), head},
                                   {QStringLiteral("spec"), sampleSpec(QStringLiteral("Score by intent."))},
                                   {QStringLiteral("reason"), QStringLiteral("intent")}})
                 .status,
             201);
    QTRY_COMPARE(agentChanged.size(), 1);
    QCOMPARE(agentChanged.first().at(0).value<NodeId>(), scorer);

    QCOMPARE(editor
                 .post(QStringLiteral("/api/v1/nodes/%1/archive").arg(inbound),
                       QJsonObject{{QStringLiteral("reason"), QStringLiteral("merged")}})
                 .status,
             200);
    QTRY_COMPARE(archived.size(), 1);
    QCOMPARE(archived.first().at(0).value<OrgNode>().id, inbound);
    QVERIFY(archived.first().at(0).value<OrgNode>().isArchived());

    // Each change once, and the audit log grew with each.
    QCOMPARE(added.size(), 1);
    QCOMPARE(renamed.size(), 1);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(agentChanged.size(), 1);
    QCOMPARE(appended.size(), 5);
}

void TestRemoteWorkspace::ownChangesAreAnnouncedOnce()
{
    const auto editor = open(QStringLiteral("sales-editor"), RemoteWorkspace::Updates::Live);
    QVERIFY(editor);
    QSignalSpy connected(editor.get(), &RemoteWorkspace::connectionChanged);
    QVERIFY(connected.wait());
    QSignalSpy added(editor.get(), &Workspace::nodeAdded);
    QSignalSpy renamed(editor.get(), &Workspace::nodeRenamed);
    QSignalSpy agentChanged(editor.get(), &Workspace::agentChanged);
    QSignalSpy items(editor.get(), &RemoteWorkspace::itemReceived);

    const Result<OrgNode> team = editor->createGroup(id(QStringLiteral("/acme/sales")), NodeKind::Team,
                                                     QStringLiteral("partners"), QStringLiteral("channel"));
    QVERIFY2(team, whyNot(team).constData());
    QCOMPARE(added.size(), 1); // at once, before the stream says so
    QVERIFY(editor->rename(team->id, QStringLiteral("alliances"), QStringLiteral("new name")));
    QCOMPARE(renamed.size(), 1);
    const NodeId scorer = id(QStringLiteral("/acme/sales/outbound/lead-scorer"));
    const int head = editor->agent(scorer)->headVersion;
    QVERIFY(editor->changeSpec(scorer, head, sampleSpec(QStringLiteral("Score by budget.")), QStringLiteral("budget")));
    QCOMPARE(agentChanged.size(), 1);

    // The stream then brings the same changes back (two nodes items, one agent item): they
    // are no news.
    QTRY_VERIFY(items.size() >= 3);
    QTest::qWait(300);
    QCOMPARE(added.size(), 1);
    QCOMPARE(renamed.size(), 1);
    QCOMPARE(agentChanged.size(), 1);
}

void TestRemoteWorkspace::reconnectsAfterRestartWithoutGapOrDuplicate()
{
    const auto admin = open(QStringLiteral("root-admin"), RemoteWorkspace::Updates::Live);
    QVERIFY(admin);
    QSignalSpy connection(admin.get(), &RemoteWorkspace::connectionChanged);
    QSignalSpy retries(admin.get(), &RemoteWorkspace::reconnectScheduled);
    QSignalSpy items(admin.get(), &RemoteWorkspace::itemReceived);
    QVERIFY(connection.wait());
    QVERIFY(postEvents({QStringLiteral("before-1"), QStringLiteral("before-2"), QStringLiteral("before-3")}));
    QTRY_COMPARE(items.size(), 3);
    connection.clear();

    QCOMPARE(m_server.stop(), 0);
    QTRY_VERIFY(!connection.isEmpty());
    QCOMPARE(connection.first().at(0).toBool(), false);
    QVERIFY(!connection.first().at(1).toString().isEmpty());
    // Attempts back off: 0.5 s, 1 s, 2 s, 4 s. Once the wait is 4 s there is time to restart
    // the server and post while the client is still away.
    QTRY_VERIFY_WITH_TIMEOUT(!retries.isEmpty() && retries.last().at(0).toInt() >= 4000, 10'000);
    QList<int> delays;
    for (const QList<QVariant> &retry : retries) {
        delays.append(retry.at(0).toInt());
    }
    QCOMPARE(delays.mid(0, 4), (QList<int>{500, 1000, 2000, 4000}));

    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    QVERIFY(postEvents({QStringLiteral("after-1"), QStringLiteral("after-2")}));
    QVERIFY2(!admin->isConnected(), "the events were meant to be posted while the client was away");

    QTRY_VERIFY_WITH_TIMEOUT(admin->isConnected(), 10'000);
    QCOMPARE(connection.last().at(0).toBool(), true);
    QTRY_COMPARE(items.size(), 5);
    QTest::qWait(300);
    QStringList clientIds;
    qint64 previous = 0;
    for (const QList<QVariant> &item : items) {
        QVERIFY2(item.at(0).toLongLong() > previous, "sequence numbers only go up: no duplicate");
        previous = item.at(0).toLongLong();
        QCOMPARE(item.at(1).value<StreamItemType>(), StreamItemType::Event);
        clientIds.append(item.at(2).toJsonObject().value(QStringLiteral("clientId")).toString());
    }
    QCOMPARE(clientIds,
             (QStringList{QStringLiteral("before-1"), QStringLiteral("before-2"), QStringLiteral("before-3"),
                          QStringLiteral("after-1"), QStringLiteral("after-2")}));
}

void TestRemoteWorkspace::approvalsAreListedDecidedAndAnnounced()
{
    const std::unique_ptr<RemoteWorkspace> reviewer =
        open(QStringLiteral("outbound-reviewer"), RemoteWorkspace::Updates::Live);
    QVERIFY(reviewer);
    QSignalSpy changed(reviewer.get(), &Workspace::approvalChanged);
    QTRY_VERIFY_WITH_TIMEOUT(reviewer->isConnected(), 10000);
    const NodeId mailer = id(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const HttpReply submitted = http(QStringLiteral("mailer-bot"))
                                    .post(QStringLiteral("/api/v1/approvals"),
                                          {{QStringLiteral("agentId"), mailer},
                                           {QStringLiteral("title"), QStringLiteral("Follow up")},
                                           {QStringLiteral("payload"), QStringLiteral("Dear Ann,\nprice 100\n")},
                                           {QStringLiteral("payloadFormat"), QStringLiteral("email")}});
    QCOMPARE(submitted.status, 201);
    const ApprovalId approvalId = submitted.json().value(QStringLiteral("id")).toInteger();
    // Submitted by someone else, announced by the live stream.
    QTRY_VERIFY_WITH_TIMEOUT(changed.contains(QVariantList{QVariant::fromValue<ApprovalId>(approvalId)}), 10000);

    ApprovalFilter mine;
    mine.mine = true;
    const Result<ApprovalPage> page = reviewer->approvals(mine);
    QVERIFY2(page.ok(), whyNot(page).constData());
    QVERIFY(std::any_of(page->items.cbegin(), page->items.cend(),
                        [&](const Approval &approval) { return approval.id == approvalId; }));
    const Result<ApprovalCounts> counts = reviewer->approvalCounts();
    QVERIFY2(counts.ok(), whyNot(counts).constData());
    QVERIFY(counts->pendingForMe >= 1);
    const Result<ApprovalDetail> detail = reviewer->approval(approvalId);
    QVERIFY2(detail.ok(), whyNot(detail).constData());
    QVERIFY(detail->mayDecide);
    QCOMPARE(detail->approval.payload, QStringLiteral("Dear Ann,\nprice 100\n"));

    const Result<Approval> stale =
        reviewer->decideApproval(approvalId, {QStringLiteral("approve"), 2, QString(), QString()});
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    const Result<Approval> edited = reviewer->decideApproval(
        approvalId,
        {QStringLiteral("edit"), 1, QStringLiteral("agreed price"), QStringLiteral("Dear Ann,\nprice 90\n")});
    QVERIFY2(edited.ok(), whyNot(edited).constData());
    QCOMPARE(edited->state, ApprovalState::Approved);
    QCOMPARE(edited->approvedPayload, QStringLiteral("Dear Ann,\nprice 90\n"));
    const Result<ApprovalDetail> waited = reviewer->waitForApproval(approvalId, 30);
    QVERIFY2(waited.ok(), whyNot(waited).constData());
    QCOMPARE(waited->approval.originalPayload, QStringLiteral("Dear Ann,\nprice 100\n"));
    QVERIFY(waited->decisions.first().editDiff.contains(QStringLiteral("+price 90")));
    const Result<QList<ApprovalDecision>> earlier = reviewer->agentDecisions(mailer, 10);
    QVERIFY2(earlier.ok(), whyNot(earlier).constData());
    QCOMPARE(earlier->first().approvalId, approvalId);

    const NodeId team = id(QStringLiteral("/acme/sales/outbound"));
    ApprovalPolicy policy;
    policy.quorum = 2;
    const Result<EffectivePolicy> refused = reviewer->setApprovalPolicy(team, policy, QStringLiteral("more eyes"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    const std::unique_ptr<RemoteWorkspace> admin = open(QStringLiteral("root-admin"));
    QVERIFY(admin);
    const Result<EffectivePolicy> set = admin->setApprovalPolicy(team, policy, QStringLiteral("more eyes"));
    QVERIFY2(set.ok(), whyNot(set).constData());
    const Result<EffectivePolicy> read = reviewer->approvalPolicy(mailer);
    QVERIFY2(read.ok(), whyNot(read).constData());
    QCOMPARE(read->policy.quorum, 2);
    QCOMPARE(read->definedAtPath, QStringLiteral("/acme/sales/outbound"));
    QVERIFY(admin->setApprovalPolicy(team, std::nullopt, QStringLiteral("back")).ok());
}

void TestRemoteWorkspace::liveActivityAndRunEvents()
{
    const auto admin = open(QStringLiteral("root-admin"), RemoteWorkspace::Updates::Live);
    const auto outsider = open(QStringLiteral("outsider"), RemoteWorkspace::Updates::Live);
    QVERIFY(admin && outsider);
    QSignalSpy adminConnected(admin.get(), &RemoteWorkspace::connectionChanged);
    QSignalSpy outsiderConnected(outsider.get(), &RemoteWorkspace::connectionChanged);
    QVERIFY(adminConnected.wait() && (!outsiderConnected.isEmpty() || outsiderConnected.wait()));
    QSignalSpy adminActivity(admin.get(), &Workspace::activityAppended);
    QSignalSpy outsiderActivity(outsider.get(), &Workspace::activityAppended);

    // A run of a private agent: its trace is the admin's to read, and the outsider's stream
    // never shows it.
    const NodeId pricingBot = id(QStringLiteral("/acme/sales/outbound/pricing-bot"));
    const HttpReply started =
        http(QStringLiteral("root-admin"))
            .post(QStringLiteral("/api/v1/runs"),
                  QJsonObject{{QStringLiteral("id"), 1}, // the run's shape; the server assigns the id
                              {QStringLiteral("agentId"), pricingBot},
                              {QStringLiteral("trigger"), QStringLiteral("manual")},
                              {QStringLiteral("status"), QStringLiteral("running")}});
    QVERIFY2(started.status == 201, started.body.constData());
    const qint64 runId = started.json().value(QStringLiteral("id")).toInteger();
    QJsonArray events;
    for (const QString &kind : {QStringLiteral("run.started"), QStringLiteral("tool.call")}) {
        events.append(QJsonObject{{QStringLiteral("clientId"), QString(QStringLiteral("trace-") + kind)},
                                  {QStringLiteral("agentId"), pricingBot},
                                  {QStringLiteral("runId"), runId},
                                  {QStringLiteral("kind"), kind}});
    }
    QCOMPARE(http(QStringLiteral("root-admin"))
                 .post(QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("events"), events}})
                 .status,
             200);
    QVERIFY(postEvents({QStringLiteral("public-1")}));

    QList<ActivityEvent> seen;
    QTRY_VERIFY([&] {
        for (; !adminActivity.isEmpty(); adminActivity.removeFirst()) {
            seen += adminActivity.first().first().value<QList<ActivityEvent>>();
        }
        return seen.size() >= 3;
    }());
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen.at(0).kind, QStringLiteral("run.started"));
    QCOMPARE(seen.at(2).clientId, QStringLiteral("public-1"));
    QTRY_COMPARE(outsiderActivity.size(), 1);
    const auto outsiderSeen = outsiderActivity.first().first().value<QList<ActivityEvent>>();
    QCOMPARE(outsiderSeen.size(), 1);
    QCOMPARE(outsiderSeen.first().clientId, QStringLiteral("public-1"));

    const Result<QList<ActivityEvent>> trace = admin->runEvents(runId);
    QVERIFY2(trace, whyNot(trace).constData());
    QCOMPARE(trace->size(), 2);
    QCOMPARE(trace->at(1).kind, QStringLiteral("tool.call"));
    QCOMPARE(outsider->runEvents(runId).error().code, Error::Code::NotFound);
}

void TestRemoteWorkspace::pauseAndResumeAreAnnouncedOnceEverywhere()
{
    const auto editor = open(QStringLiteral("sales-editor"), RemoteWorkspace::Updates::Live);
    const auto admin = open(QStringLiteral("root-admin"), RemoteWorkspace::Updates::Live);
    QVERIFY(editor && admin);
    QSignalSpy editorConnected(editor.get(), &RemoteWorkspace::connectionChanged);
    QSignalSpy adminConnected(admin.get(), &RemoteWorkspace::connectionChanged);
    QVERIFY(editorConnected.wait());
    QTRY_VERIFY(!adminConnected.isEmpty());
    QSignalSpy editorChanged(editor.get(), &Workspace::agentChanged);
    QSignalSpy adminChanged(admin.get(), &Workspace::agentChanged);
    QSignalSpy editorItems(editor.get(), &RemoteWorkspace::itemReceived);

    const NodeId pricing = id(QStringLiteral("/acme/sales/outbound/pricing-bot"));
    const Result<Agent> paused = editor->setAgentStatus(pricing, AgentStatus::Paused, QStringLiteral("price review"));
    QVERIFY2(paused, whyNot(paused).constData());
    QCOMPARE(paused->status, AgentStatus::Paused);
    QCOMPARE(editorChanged.size(), 1); // at once, before the stream says so
    QTRY_COMPARE(adminChanged.size(), 1);
    QCOMPARE(adminChanged.first().at(0).value<NodeId>(), pricing);
    QCOMPARE(admin->agent(pricing)->status, AgentStatus::Paused);

    // Refused: nothing is announced.
    QVERIFY(!editor->setAgentStatus(pricing, AgentStatus::Paused, QStringLiteral("again")));
    const Result<Agent> resumed = admin->setAgentStatus(pricing, AgentStatus::Active, QStringLiteral("prices done"));
    QVERIFY2(resumed, whyNot(resumed).constData());
    QCOMPARE(adminChanged.size(), 2);
    QTRY_COMPARE(editorChanged.size(), 2);

    // The stream brings the editor's own pause back too: no news.
    QTRY_VERIFY(editorItems.size() >= 2);
    QTest::qWait(300);
    QCOMPARE(editorChanged.size(), 2);
    QCOMPARE(adminChanged.size(), 2);
}

QTEST_GUILESS_MAIN(TestRemoteWorkspace)
#include "tst_remoteworkspace.moc"
