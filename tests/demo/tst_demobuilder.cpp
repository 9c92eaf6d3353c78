// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo workspace: the same seed and day give the same data, another seed other data; the
// counts are what was asked for; the story holds (only the mailer's outputs mention London,
// and only from the version that put London in); a cancelled or refused build leaves no file.
#include "demo/demobuilder.h"
#include "storage/activityrepository.h"
#include "storage/approvalrepository.h"
#include "storage/store.h"
#include "storage/treerepository.h"
#include "storage/versionrepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestDemoBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void build_sameSeedAndDay_givesIdenticalData();
    void build_otherSeed_givesOtherData();
    void build_counts_matchOptions_data();
    void build_counts_matchOptions();
    void build_eventIds_followTime();
    void story_onlyMailerMentionsLondon_fromTheLondonVersion();
    void story_pendingApprovalsOfMailer_sayLondon();
    void build_progress_runsFromZeroToHundred();
    void build_cancelled_removesFile();
    void build_existingFile_isRefusedAndKept();
    void build_invalidOptions_areRefused_data();
    void build_invalidOptions_areRefused();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] static DemoBuilder::Options smallOptions(quint64 seed);
    [[nodiscard]] static QByteArray digest(const QString &path);
    [[nodiscard]] static qint64 count(const Store &store, const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");
// Every table with content, in a fixed order, each in primary-key order. workspace_settings is
// left out: it holds the workspace's random id and creation time by design.
const QStringList dumpQueries{
    QStringLiteral("SELECT * FROM principals ORDER BY id"),
    QStringLiteral("SELECT * FROM grants ORDER BY principal_id, role, node_id"),
    QStringLiteral("SELECT * FROM nodes ORDER BY id"),
    QStringLiteral("SELECT * FROM agents ORDER BY node_id"),
    QStringLiteral("SELECT * FROM agent_versions ORDER BY agent_id, number"),
    QStringLiteral("SELECT * FROM version_proposals ORDER BY id"),
    QStringLiteral("SELECT * FROM audit_log ORDER BY sequence"),
    QStringLiteral("SELECT * FROM runs ORDER BY id"),
    QStringLiteral("SELECT * FROM activity_events ORDER BY id"),
    QStringLiteral("SELECT * FROM activity_rollup_hourly ORDER BY agent_id, hour"),
    QStringLiteral("SELECT * FROM approvals ORDER BY id"),
};
} // namespace

void TestDemoBuilder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDemoBuilder::cleanup()
{
    m_dir.reset();
}

DemoBuilder::Options TestDemoBuilder::smallOptions(quint64 seed)
{
    DemoBuilder::Options options;
    options.agents = 40;
    options.events = 4000;
    options.seed = seed;
    options.until = QDate(2026, 5, 31);
    return options;
}

QByteArray TestDemoBuilder::digest(const QString &path)
{
    auto store = Store::open(path);
    if (!store) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &sql : dumpQueries) {
        QSqlQuery query(store.value()->database());
        if (!query.exec(sql)) {
            return {};
        }
        hash.addData(sql.toUtf8());
        while (query.next()) {
            for (int column = 0; column < query.record().count(); ++column) {
                hash.addData(query.value(column).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
    }
    return hash.result().toHex();
}

qint64 TestDemoBuilder::count(const Store &store, const QString &sql)
{
    QSqlQuery query(store.database());
    if (!query.exec(sql) || !query.next()) {
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestDemoBuilder::build_sameSeedAndDay_givesIdenticalData()
{
    QVERIFY(DemoBuilder::build(path(QStringLiteral("a.steward")), smallOptions(11)).ok());
    QVERIFY(DemoBuilder::build(path(QStringLiteral("b.steward")), smallOptions(11)).ok());
    const QByteArray first = digest(path(QStringLiteral("a.steward")));
    QVERIFY(!first.isEmpty());
    QCOMPARE(digest(path(QStringLiteral("b.steward"))), first);
}

void TestDemoBuilder::build_otherSeed_givesOtherData()
{
    QVERIFY(DemoBuilder::build(path(QStringLiteral("a.steward")), smallOptions(11)).ok());
    QVERIFY(DemoBuilder::build(path(QStringLiteral("b.steward")), smallOptions(12)).ok());
    QVERIFY(digest(path(QStringLiteral("a.steward"))) != digest(path(QStringLiteral("b.steward"))));
}

void TestDemoBuilder::build_counts_matchOptions_data()
{
    QTest::addColumn<int>("agents");
    QTest::addColumn<qint64>("events");
    QTest::newRow("one agent, no events") << 1 << qint64(0);
    QTest::newRow("one agent, one run") << 1 << qint64(4);
    QTest::newRow("odd total") << 17 << qint64(1001);
    QTest::newRow("small company") << 60 << qint64(5003);
}

void TestDemoBuilder::build_counts_matchOptions()
{
    QFETCH(int, agents);
    QFETCH(qint64, events);
    DemoBuilder::Options options = smallOptions(3);
    options.agents = agents;
    options.events = events;
    const Result<DemoBuilder::Summary> summary = DemoBuilder::build(path(QStringLiteral("counts.steward")), options);
    QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().message));
    QCOMPARE(summary->agents, agents);
    QCOMPARE(summary->events, events);
    QCOMPARE(summary->departments, 8);
    QVERIFY(summary->teams >= 8 * 2);
    QVERIFY(summary->people >= 2);
    QVERIFY(summary->versions >= agents);

    auto store = Store::open(path(QStringLiteral("counts.steward")));
    QVERIFY(store.ok());
    const Store &s = *store.value();
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM activity_events")), events);
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM agents")), qint64(agents));
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM runs")), summary->runs);
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM agent_versions")), qint64(summary->versions));
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM approvals WHERE state = 'pending'")),
             qint64(summary->pendingApprovals));
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM principals")), qint64(summary->people));
    // Every run is finished and has its start, its end and its events.
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM runs WHERE status = 'running' OR ended_at IS NULL")), 0);
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM activity_events WHERE kind = 'run.started'")),
             summary->runs);
    QCOMPARE(count(s, QStringLiteral("SELECT count(*) FROM activity_events WHERE kind = 'run.finished'")),
             summary->runs);
    // The search index holds every event.
    QCOMPARE(
        count(s, QStringLiteral("SELECT count(*) FROM activity_search WHERE activity_search MATCH 'kindrunstarted'")),
        summary->runs);
    if (summary->runs >= 100) {
        const qint64 failed = count(s, QStringLiteral("SELECT count(*) FROM runs WHERE status = 'failed'"));
        QVERIFY2(failed > 0 && failed * 100 < summary->runs * 10, qPrintable(QString::number(failed)));
    }
}

void TestDemoBuilder::build_eventIds_followTime()
{
    QVERIFY(DemoBuilder::build(path(QStringLiteral("order.steward")), smallOptions(5)).ok());
    auto store = Store::open(path(QStringLiteral("order.steward")));
    QVERIFY(store.ok());
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT time FROM activity_events ORDER BY id")));
    qint64 previous = 0;
    const QDateTime end(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    const QDateTime start = end.addDays(-90);
    while (query.next()) {
        const qint64 time = query.value(0).toLongLong();
        QVERIFY(time >= previous);
        QVERIFY(time >= start.toMSecsSinceEpoch() && time < end.toMSecsSinceEpoch());
        previous = time;
    }
}

void TestDemoBuilder::story_onlyMailerMentionsLondon_fromTheLondonVersion()
{
    QVERIFY(DemoBuilder::build(path(QStringLiteral("story.steward")), smallOptions(1)).ok());
    auto opened = Store::open(path(QStringLiteral("story.steward")));
    QVERIFY(opened.ok());
    const Store &store = *opened.value();
    const Result<OrgNode> mailer = TreeRepository(store).nodeByPath(mailerPath);
    QVERIFY(mailer.ok());

    // The history shows the change that put London in, with its author and reason.
    const VersionRepository versions(store);
    const Result<QList<AgentVersion>> history = versions.history(mailer->id);
    QVERIFY(history.ok());
    int londonVersion = 0;
    for (int number = 1; number <= history->size(); ++number) {
        const Result<AgentVersion> version = versions.version(mailer->id, number);
        QVERIFY(version.ok());
        if (version->spec.contains(QLatin1String("London"))) {
            londonVersion = number;
            QCOMPARE(version->author, QStringLiteral("priya.shah"));
            QCOMPARE(version->reason, QStringLiteral("Refresh event copy from marketing brief"));
            QVERIFY(!version->approvedBy.isEmpty());
            const Result<AgentVersion> before = versions.version(mailer->id, number - 1);
            QVERIFY(before.ok());
            QVERIFY(before->spec.contains(QLatin1String("Lisbon")));
            break;
        }
    }
    QVERIFY(londonVersion > 1);

    QSqlQuery query(store.database());
    QVERIFY(query.exec(QStringLiteral("SELECT e.agent_id, e.version, e.kind FROM activity_events e WHERE e.id IN "
                                      "(SELECT rowid FROM activity_search WHERE activity_search MATCH 'london')")));
    int hits = 0;
    while (query.next()) {
        ++hits;
        QCOMPARE(query.value(0).toLongLong(), mailer->id);
        QVERIFY(query.value(1).toInt() >= londonVersion);
    }
    QVERIFY(hits > 0);
    // Before the change, the same outputs said Lisbon.
    QVERIFY(query.exec(QStringLiteral("SELECT e.agent_id, e.version FROM activity_events e WHERE e.id IN "
                                      "(SELECT rowid FROM activity_search WHERE activity_search MATCH 'lisbon')")));
    int lisbonHits = 0;
    while (query.next()) {
        ++lisbonHits;
        QCOMPARE(query.value(0).toLongLong(), mailer->id);
        QVERIFY(query.value(1).toInt() < londonVersion);
    }
    QVERIFY(lisbonHits > 0);
}

void TestDemoBuilder::story_pendingApprovalsOfMailer_sayLondon()
{
    QVERIFY(DemoBuilder::build(path(QStringLiteral("inbox.steward")), smallOptions(1)).ok());
    auto opened = Store::open(path(QStringLiteral("inbox.steward")));
    QVERIFY(opened.ok());
    const Store &store = *opened.value();
    const Result<OrgNode> mailer = TreeRepository(store).nodeByPath(mailerPath);
    QVERIFY(mailer.ok());
    const Result<QList<Approval>> pending = ApprovalRepository(store).forAgent(mailer->id, ApprovalState::Pending, 100);
    QVERIFY(pending.ok());
    QVERIFY(!pending->isEmpty());
    const QDateTime end(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    for (const Approval &approval : pending.value()) {
        QVERIFY(approval.payload.contains(QLatin1String("London")));
        QCOMPARE(approval.payloadFormat, QStringLiteral("email"));
        QVERIFY(approval.expiresAt > end);
        QVERIFY(approval.createdAt < end);
    }
    QCOMPARE(count(store,
                   QStringLiteral("SELECT count(*) FROM approvals WHERE payload LIKE '%London%' AND agent_id <> %1")
                       .arg(mailer->id)),
             0);
}

void TestDemoBuilder::build_progress_runsFromZeroToHundred()
{
    QList<int> reported;
    DemoBuilder::Options options = smallOptions(2);
    options.progress = [&reported](int percent) {
        reported.append(percent);
        return true;
    };
    QVERIFY(DemoBuilder::build(path(QStringLiteral("progress.steward")), options).ok());
    QVERIFY(reported.size() > 3);
    QCOMPARE(reported.first(), 0);
    QCOMPARE(reported.last(), 100);
    QVERIFY(std::is_sorted(reported.cbegin(), reported.cend()));
}

void TestDemoBuilder::build_cancelled_removesFile()
{
    const QString file = path(QStringLiteral("cancelled.steward"));
    DemoBuilder::Options options = smallOptions(2);
    options.progress = [](int percent) { return percent < 50; };
    const Result<DemoBuilder::Summary> summary = DemoBuilder::build(file, options);
    QVERIFY(!summary.ok());
    QVERIFY(!summary.error().message.isEmpty());
    QVERIFY(!QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(file + QStringLiteral("-shm")));
}

void TestDemoBuilder::build_existingFile_isRefusedAndKept()
{
    const QString file = path(QStringLiteral("existing.steward"));
    {
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
    }
    const Result<DemoBuilder::Summary> summary = DemoBuilder::build(file, smallOptions(1));
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, Error::Code::Invalid);
    QFile existing(file);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep me"));
}

void TestDemoBuilder::build_invalidOptions_areRefused_data()
{
    QTest::addColumn<int>("agents");
    QTest::addColumn<qint64>("events");
    QTest::newRow("no agents") << 0 << qint64(100);
    QTest::newRow("negative agents") << -3 << qint64(100);
    QTest::newRow("too many agents") << 1'000'000 << qint64(100);
    QTest::newRow("negative events") << 10 << qint64(-5);
    QTest::newRow("less than a run") << 10 << qint64(3);
    QTest::newRow("too many events") << 10 << qint64(1'000'000'000'000);
}

void TestDemoBuilder::build_invalidOptions_areRefused()
{
    QFETCH(int, agents);
    QFETCH(qint64, events);
    const QString file = path(QStringLiteral("invalid.steward"));
    DemoBuilder::Options options = smallOptions(1);
    options.agents = agents;
    options.events = events;
    const Result<DemoBuilder::Summary> summary = DemoBuilder::build(file, options);
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, Error::Code::Invalid);
    QVERIFY(!summary.error().message.contains(QLatin1Char('\n')));
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestDemoBuilder)
#include "tst_demobuilder.moc"
