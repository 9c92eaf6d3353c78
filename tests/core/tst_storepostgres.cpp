// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Workspaces on PostgreSQL (the server STEWARD_TEST_PG_URL names; scripts/test.sh starts one):
// a URL opens or creates a workspace; every earlier schema migrates without losing data; a
// failed migration leaves the previous version; an unreachable server, a refused login, an
// empty or foreign database and a newer schema are refused with a clear message that never
// shows the password; full-text search is served by the GIN expression index.
#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "domain/clock.h"
#include "oldschemadata.h"
#include "query/activitysearch.h"
#include "query/querycompiler.h"
#include "rawconnection.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/migrator.h"
#include "storage/postgresdialect.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <array>
#include <thread>
#include <vector>

using namespace steward;
using steward::test::RawConnection;
using test::TestStore;

namespace {

const QString password = QStringLiteral("s3cret-Pa55");

QString withPassword(const QString &url, const QString &secret)
{
    QUrl withSecret(url);
    withSecret.setPassword(secret);
    return withSecret.toString();
}

} // namespace

class TestStorePostgres final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void create_isAtLatestSchemaWithSearchIndex();
    void open_reopensAndKeepsData();
    void open_acceptsPostgresSchemeAndSocketDirectory();
    void open_everyEarlierSchema_migratesAndKeepsData_data();
    void open_everyEarlierSchema_migratesAndKeepsData();
    void migrationFailure_leavesPreviousVersion();
    void open_byManyBackendsAtOnce_migratesOnce();
    void open_emptyDatabase_saysThereIsNoWorkspace();
    void open_foreignDatabase_isRefusedUnchanged();
    void create_databaseWithTables_isRefused();
    void open_newerSchema_isRefused();
    void open_unreachableServer_saysSoWithoutPassword();
    void open_wrongPassword_isRefusedWithoutPassword();
    void open_badUrl_isRefusedWithoutPassword();
    void activity_isSearchedThroughTheExpressionIndex();
    void bundle_fromPostgres_isASignedSqliteCopyThatVerifies();

private:
    std::unique_ptr<TestStore> m_where;
};

void TestStorePostgres::init()
{
    if (const QString reason = TestStore::skipReason(TestStore::Backend::Postgres); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<TestStore>(TestStore::Backend::Postgres);
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
}

void TestStorePostgres::cleanup()
{
    m_where.reset();
}

void TestStorePostgres::create_isAtLatestSchemaWithSearchIndex()
{
    const auto store = m_where->create();
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(store.value()->schemaVersion(), Migrator::latestVersion(PostgresDialect()));
    QVERIFY(!store.value()->workspaceId().isEmpty());
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT indexdef FROM pg_indexes WHERE indexname = 'activity_events_search'")));
    QVERIFY(query.next());
    QVERIFY2(query.value(0).toString().contains(QStringLiteral("gin (to_tsvector('simple'")),
             qPrintable(query.value(0).toString()));
}

void TestStorePostgres::open_reopensAndKeepsData()
{
    const ManualClock clock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    {
        const auto store = m_where->create();
        QVERIFY(store.ok());
        OrgService org(*store.value(), clock);
        QVERIFY(org.createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup")).ok());
    }
    const auto store = Store::open(m_where->location());
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QVERIFY(TreeRepository(*store.value()).nodeByPath(QStringLiteral("/acme")).ok());
    QCOMPARE(store.value()->path(), m_where->location());
}

void TestStorePostgres::open_acceptsPostgresSchemeAndSocketDirectory()
{
    QVERIFY(m_where->create().ok());
    QString shortScheme = m_where->location();
    shortScheme.replace(QStringLiteral("postgresql://"), QStringLiteral("postgres://"));
    QVERIFY(Store::open(shortScheme).ok());

    QSqlQuery sockets(QSqlDatabase::database(TestStore::adminConnectionName()));
    QVERIFY(sockets.exec(QStringLiteral("SHOW unix_socket_directories")) && sockets.next());
    const QString directory = sockets.value(0).toString().section(QLatin1Char(','), 0, 0).trimmed();
    if (directory.isEmpty()) {
        QSKIP("The server listens on no unix socket.");
    }
    QUrl viaSocket(m_where->location());
    viaSocket.setHost(QStringLiteral("localhost"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("host"), directory);
    viaSocket.setQuery(query);
    const auto store = Store::open(viaSocket.toString());
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
}

void TestStorePostgres::open_everyEarlierSchema_migratesAndKeepsData_data()
{
    QTest::addColumn<int>("version");
    const int latest = Migrator::latestVersion(PostgresDialect());
    for (int version = 1; version < latest; ++version) {
        QTest::addRow("schema %d", version) << version;
    }
}

void TestStorePostgres::open_everyEarlierSchema_migratesAndKeepsData()
{
    QFETCH(int, version);
    const ManualClock clock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    {
        const auto old = Store::createAtVersion(m_where->location(), version);
        QVERIFY2(old.ok(), qPrintable(old ? QString() : old.error().message));
        QCOMPARE(old.value()->schemaVersion(), version);
        const Status written = test::writeSampleTree(*old.value(), clock.now());
        QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    }
    const auto store = Store::open(m_where->location());
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(store.value()->schemaVersion(), Migrator::latestVersion(PostgresDialect()));
    const auto sales = TreeRepository(*store.value()).nodeByPath(QStringLiteral("/acme/sales"));
    QVERIFY(sales.ok());
    QCOMPARE(sales->kind, NodeKind::Department);
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM api_tokens")));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM stream_log")));
}

void TestStorePostgres::migrationFailure_leavesPreviousVersion()
{
    {
        const auto old = Store::createAtVersion(m_where->location(), 2);
        QVERIFY(old.ok());
    }
    // Schema 3 creates approvals, then approval_decisions: the second statement fails, and
    // PostgreSQL's transactional DDL must take the first one back with it.
    RawConnection other(m_where->location());
    QVERIFY(other.exec(QStringLiteral("CREATE TABLE approval_decisions (squatter TEXT)")));
    const auto store = Store::open(m_where->location());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreFailure);
    QVERIFY2(store.error().message.contains(QStringLiteral("schema 3")), qPrintable(store.error().message));
    QCOMPARE(other.scalar(QStringLiteral("SELECT max(version) FROM schema_version")).toInt(), 2);
    QVERIFY(other.scalar(QStringLiteral("SELECT to_regclass('approvals') IS NULL")).toBool());
    QVERIFY(other.scalar(QStringLiteral("SELECT to_regclass('activity_events') IS NOT NULL")).toBool());
}

void TestStorePostgres::open_byManyBackendsAtOnce_migratesOnce()
{
    // Several backends start on one old database at once: the advisory lock taken at the start
    // of each migration lets one run it; the others wait, see it done and go on.
    {
        const auto old = Store::createAtVersion(m_where->location(), 1);
        QVERIFY(old.ok());
    }
    constexpr int Openers = 4;
    std::array<QString, Openers> failures;
    std::vector<std::thread> openers;
    const QString location = m_where->location();
    for (int i = 0; i < Openers; ++i) {
        openers.emplace_back([&location, &failures, i] {
            const auto store = Store::open(location);
            if (!store) {
                failures[static_cast<std::size_t>(i)] = store.error().message;
            }
        });
    }
    for (std::thread &opener : openers) {
        opener.join();
    }
    for (const QString &failure : failures) {
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    RawConnection check(location);
    const int latest = Migrator::latestVersion(PostgresDialect());
    QCOMPARE(check.scalar(QStringLiteral("SELECT count(*) FROM schema_version")).toInt(), latest);
}

void TestStorePostgres::open_emptyDatabase_saysThereIsNoWorkspace()
{
    const auto store = Store::open(m_where->location());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreMissing);
    QVERIFY2(store.error().message.contains(QStringLiteral("no workspace")), qPrintable(store.error().message));
    RawConnection check(m_where->location());
    QCOMPARE(check.scalar(PostgresDialect::tableCountQuery()).toInt(), 0);
}

void TestStorePostgres::open_foreignDatabase_isRefusedUnchanged()
{
    RawConnection other(m_where->location());
    QVERIFY(other.exec(QStringLiteral("CREATE TABLE invoices (id BIGINT PRIMARY KEY)")));
    const auto store = Store::open(m_where->location());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreCorrupt);
    QVERIFY2(store.error().message.contains(QStringLiteral("not a Steward workspace")),
             qPrintable(store.error().message));
    QCOMPARE(other.scalar(PostgresDialect::tableCountQuery()).toInt(), 1);
}

void TestStorePostgres::create_databaseWithTables_isRefused()
{
    RawConnection other(m_where->location());
    QVERIFY(other.exec(QStringLiteral("CREATE TABLE invoices (id BIGINT PRIMARY KEY)")));
    const auto store = m_where->create();
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::Invalid);
    QVERIFY2(store.error().message.contains(QStringLiteral("already holds tables")), qPrintable(store.error().message));
    QCOMPARE(other.scalar(PostgresDialect::tableCountQuery()).toInt(), 1);
}

void TestStorePostgres::open_newerSchema_isRefused()
{
    {
        const auto store = m_where->create();
        QVERIFY(store.ok());
        QSqlQuery query(store.value()->database());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO schema_version(version, name, applied_at) VALUES (99, 'future', 0)")));
    }
    const auto store = Store::open(m_where->location());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreTooNew);
    QVERIFY2(store.error().message.contains(QStringLiteral("newer version of Steward")),
             qPrintable(store.error().message));
    QVERIFY(store.error().message.contains(QStringLiteral("99")));
}

void TestStorePostgres::open_unreachableServer_saysSoWithoutPassword()
{
    QUrl nowhere(withPassword(m_where->location(), password));
    nowhere.setHost(QStringLiteral("127.0.0.1"));
    nowhere.setPort(1);
    const auto store = Store::open(nowhere.toString());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreFailure);
    QVERIFY2(store.error().message.contains(QStringLiteral("Cannot connect")), qPrintable(store.error().message));
    QVERIFY(!store.error().message.contains(password));
}

void TestStorePostgres::open_wrongPassword_isRefusedWithoutPassword()
{
    // scripts/test.sh's cluster checks passwords for this one role over TCP.
    const QString role = QStringLiteral("steward_password_check");
    QSqlQuery admin(QSqlDatabase::database(TestStore::adminConnectionName()));
    QVERIFY(admin.exec(QStringLiteral("DROP ROLE IF EXISTS steward_password_check")));
    QVERIFY(admin.exec(QStringLiteral("CREATE ROLE steward_password_check LOGIN PASSWORD 'right-one'")));
    QUrl wrong(withPassword(m_where->location(), password));
    wrong.setUserName(role);
    const auto store = Store::open(wrong.toString());
    QVERIFY(admin.exec(QStringLiteral("DROP ROLE steward_password_check")));
    if (store.ok()) {
        QSKIP("The server trusts every login (pg_hba.conf has no password line for steward_password_check).");
    }
    QCOMPARE(store.error().code, Error::Code::StoreFailure);
    QVERIFY2(store.error().message.contains(QStringLiteral("password")), qPrintable(store.error().message));
    QVERIFY(!store.error().message.contains(password));
}

void TestStorePostgres::open_badUrl_isRefusedWithoutPassword()
{
    for (const QString &url : {QStringLiteral("postgresql://ada:%1@db.example/").arg(password),
                               QStringLiteral("postgresql://ada:%1@db.example:99999/steward").arg(password)}) {
        const auto store = Store::open(url);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, Error::Code::Invalid);
        QVERIFY(!store.error().message.contains(password));
    }
}

void TestStorePostgres::activity_isSearchedThroughTheExpressionIndex()
{
    const auto store = m_where->create();
    QVERIFY(store.ok());
    const ManualClock clock(QDateTime(QDate(2026, 2, 1), QTime(9, 0), Qt::UTC));
    OrgService org(*store.value(), clock);
    AgentService agents(*store.value(), clock, org);
    const auto company = org.createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(company.ok());
    const auto agent = agents.createAgent(
        {company->id, QStringLiteral("mailer"), QStringLiteral("dana.kim"), Visibility::Public, Criticality::Standard,
         QStringLiteral("model: a\ninstructions: |\n  Mail.\ncriticality: standard\n")},
        QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY2(agent.ok(), qPrintable(agent ? QString() : agent.error().message));
    ActivityEvent london;
    london.time = clock.now();
    london.agentId = agent->id;
    london.version = 1;
    london.kind = QStringLiteral("output");
    london.status = QStringLiteral("ok");
    london.summary = QStringLiteral("Invited Müller to the summit");
    london.detail = QStringLiteral("in London");
    ActivityEvent other = london;
    other.summary = QStringLiteral("Booked a room");
    other.detail = QStringLiteral("in Lisbon");
    QList<ActivityEvent> events{london, other};
    ActivityRepository activity(*store.value());
    Transaction transaction(*store.value());
    QVERIFY(activity.appendEvents(events).ok());
    QVERIFY(transaction.commit().ok());

    // The activity search's own statement (core/query), its words folded as the index folds them.
    const Result<ActivityPage> found =
        ActivitySearch(*store.value()).search(QStringLiteral("LONDON muller"), 0, 10, clock.now(), nullptr);
    QVERIFY2(found.ok(), qPrintable(found ? QString() : found.error().message));
    QCOMPARE(found->hits.size(), 1);
    QCOMPARE(found->hits.first().event.id, events.at(0).id);
    SearchRequest request;
    request.query = ActivityQueryParser::parse(QStringLiteral("lisbon")).value();
    request.now = clock.now();
    const CompiledSearch compiled = QueryCompiler::compile(QueryCompiler::Flavor::Tsquery, request);
    // EXPLAIN takes no bound values: the test's own harmless values go in as literals.
    QString explained = QStringLiteral("EXPLAIN ") + compiled.sql;
    for (const QVariant &value : compiled.values) {
        const QString literal = value.typeId() == QMetaType::QString
            ? QLatin1Char('\'') + value.toString() + QLatin1Char('\'')
            : value.toString();
        explained.replace(explained.indexOf(QLatin1Char('?')), 1, literal);
    }
    QSqlQuery query(store.value()->database());
    // Two rows are read fastest by walking the primary key; a real log's rare word is not.
    QVERIFY(query.exec(QStringLiteral("SET enable_seqscan = off")));
    QVERIFY(query.exec(QStringLiteral("SET enable_indexscan = off")));
    QVERIFY2(query.exec(explained), qPrintable(query.lastError().text()));
    QString plan;
    while (query.next()) {
        plan += query.value(0).toString();
    }
    QVERIFY2(plan.contains(QStringLiteral("activity_events_search")), qPrintable(plan));
}

QTEST_GUILESS_MAIN(TestStorePostgres)
void TestStorePostgres::bundle_fromPostgres_isASignedSqliteCopyThatVerifies()
{
    const auto store = m_where->create();
    QVERIFY(store.ok());
    ManualClock clock(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    OrgService org(*store.value(), clock);
    AgentService agents(*store.value(), clock, org);
    const auto company = org.createCompany(QStringLiteral("acme"), QStringLiteral("ops"), QStringLiteral("setup"));
    const auto sales = org.createGroup(company->id, NodeKind::Department, QStringLiteral("sales"),
                                       QStringLiteral("ops"), QStringLiteral("setup"));
    const auto support = org.createGroup(company->id, NodeKind::Department, QStringLiteral("support"),
                                         QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(sales.ok() && support.ok());
    // A node moved under a parent created after it: its parent's id is larger than its own.
    const auto team = org.createGroup(sales->id, NodeKind::Team, QStringLiteral("outbound"), QStringLiteral("ops"),
                                      QStringLiteral("setup"));
    const auto late = org.createGroup(support->id, NodeKind::Team, QStringLiteral("tier1"), QStringLiteral("ops"),
                                      QStringLiteral("setup"));
    QVERIFY(team.ok() && late.ok());
    QVERIFY(org.move(team->id, late->id, QStringLiteral("ops"), QStringLiteral("reorganised")).ok());
    const auto agent = agents.createAgent(
        {team->id, QStringLiteral("mailer"), QStringLiteral("dana.kim"), Visibility::Public, Criticality::Standard,
         QStringLiteral("model: a\ninstructions: |\n  Mail.\ncriticality: standard\n")},
        QStringLiteral("ops"), QStringLiteral("setup"));
    QVERIFY(agent.ok());
    ActivityEvent event;
    event.time = clock.now();
    event.agentId = agent->id;
    event.version = 1;
    event.kind = QStringLiteral("output");
    event.status = QStringLiteral("ok");
    event.summary = QStringLiteral("Invited a prospect to the summit in London");
    QList<ActivityEvent> events{event};
    ActivityRepository activity(*store.value());
    {
        Transaction transaction(*store.value());
        QVERIFY(activity.appendEvents(events).ok());
        QVERIFY(transaction.commit().ok());
    }

    const QTemporaryDir dir;
    const QString bundlePath = dir.filePath(QStringLiteral("from-postgres.bundle"));
    const auto key = SigningKey::generate();
    QVERIFY(key.ok());
    clock.advance(60000);
    const auto manifest = AuditBundle::exportTo(*store.value(), bundlePath, {}, key.value(), clock,
                                                QStringLiteral("aud"), QStringLiteral("quarterly audit"));
    QVERIFY2(manifest.ok(), qPrintable(manifest ? QString() : manifest.error().message));
    QCOMPARE(manifest->workspaceId, store.value()->workspaceId());
    const auto verified = AuditBundle::verify(bundlePath, key->publicKeyHex());
    QVERIFY(verified.ok());
    QVERIFY2(verified->ok(), qPrintable(verified->problems.join(QLatin1Char('\n'))));
    QCOMPARE(verified->chain.entriesChecked, 8);

    const auto bundle = Store::openReadOnly(bundlePath);
    QVERIFY(bundle.ok());
    QCOMPARE(bundle.value()->workspaceId(), store.value()->workspaceId());
    QSqlQuery query(bundle.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT rowid FROM activity_search WHERE activity_search MATCH 'london'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), events.first().id);
    QVERIFY(query.exec(QStringLiteral("SELECT path FROM nodes WHERE id = %1").arg(agent->id)) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("/acme/support/tier1/outbound/mailer"));
}

#include "tst_storepostgres.moc"
