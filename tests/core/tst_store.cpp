// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Opening and creating workspaces: every earlier schema opens and is migrated without losing
// data; a missing, locked, corrupt or newer-schema file is refused with a clear message and
// left exactly as it was.
#include "domain/clock.h"
#include "oldschemadata.h"
#include "rawconnection.h"
#include "storage/migrator.h"
#include "storage/postgresdialect.h"
#include "storage/store.h"
#include "storage/treerepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <thread>
#include <vector>

using namespace steward;
using steward::test::RawConnection;

namespace {

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void create_newFile_isAtLatestSchemaWithWorkspaceId();
    void create_existingFile_isRefusedAndKept();
    void open_missingFile_saysSo();
    void open_badFile_isRefusedUnchanged_data();
    void open_badFile_isRefusedUnchanged();
    void open_newerSchema_isRefusedUnchanged();
    void open_lockedByAnotherProgram_isRefusedAndNotMigrated();
    void open_everyEarlierSchema_migratesAndKeepsData_data();
    void open_everyEarlierSchema_migratesAndKeepsData();
    void migrations_appliedScriptsNeverChange();
    void open_byManyProgramsAtOnce_migratesOnce();
    void splitStatements_splitsAtLineEndSemicolons();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStore::create_newFile_isAtLatestSchemaWithWorkspaceId()
{
    const auto store = Store::create(path(QStringLiteral("new.steward")));
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(store.value()->schemaVersion(), Migrator::latestVersion(SqliteDialect()));
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT value FROM workspace_settings WHERE key = 'workspace_id'")));
    QVERIFY(query.next());
    QVERIFY(!query.value(0).toString().isEmpty());
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestStore::create_existingFile_isRefusedAndKept()
{
    const QString file = path(QStringLiteral("taken.steward"));
    writeFile(file, "precious");
    const auto store = Store::create(file);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::Invalid);
    QVERIFY(store.error().message.contains(QStringLiteral("already exists")));
    QCOMPARE(fileDigest(file), QCryptographicHash::hash("precious", QCryptographicHash::Sha256));
}

void TestStore::open_missingFile_saysSo()
{
    const QString file = path(QStringLiteral("nowhere.steward"));
    const auto store = Store::open(file);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreMissing);
    QVERIFY(store.error().message.contains(file));
    QVERIFY(!QFile::exists(file));
}

void TestStore::open_badFile_isRefusedUnchanged_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedWords");

    QTest::newRow("empty file") << QByteArray() << QStringLiteral("not an SQLite database");
    QTest::newRow("text file") << QByteArray("name,owner\nmailer,dana\n") << QStringLiteral("not an SQLite database");
    QByteArray damaged("SQLite format 3\0", 16);
    damaged.append(QByteArray(4096, '\xab'));
    QTest::newRow("sqlite header, garbage pages") << damaged << QStringLiteral("damaged");
}

void TestStore::open_badFile_isRefusedUnchanged()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedWords);
    const QString file = path(QStringLiteral("bad.steward"));
    writeFile(file, content);
    const QByteArray before = fileDigest(file);

    const auto store = Store::open(file);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreCorrupt);
    QVERIFY2(store.error().message.contains(expectedWords), qPrintable(store.error().message));
    QCOMPARE(fileDigest(file), before);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
}

void TestStore::open_newerSchema_isRefusedUnchanged()
{
    const QString file = path(QStringLiteral("future.steward"));
    {
        const auto store = Store::create(file);
        QVERIFY(store.ok());
        QSqlQuery query(store.value()->database());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO schema_version(version, name, applied_at) VALUES (99, 'future', 0)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    const QByteArray before = fileDigest(file);

    const auto store = Store::open(file);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Code::StoreTooNew);
    QVERIFY2(store.error().message.contains(QStringLiteral("newer version of Steward")),
             qPrintable(store.error().message));
    QVERIFY(store.error().message.contains(QStringLiteral("99")));
    QCOMPARE(fileDigest(file), before);
}

void TestStore::open_lockedByAnotherProgram_isRefusedAndNotMigrated()
{
    const QString file = path(QStringLiteral("locked.steward"));
    {
        const auto old = Store::createAtVersion(file, 1);
        QVERIFY(old.ok());
    }
    {
        RawConnection other(file);
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(other.exec(QStringLiteral("INSERT INTO workspace_settings(key, value) VALUES ('held', 'yes')")));

        Store::Options options;
        options.busyTimeoutMs = 100;
        const auto store = Store::open(file, options);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, Error::Code::StoreLocked);
        QVERIFY2(store.error().message.contains(QStringLiteral("in use by another program")),
                 qPrintable(store.error().message));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    }
    RawConnection check(file);
    QCOMPARE(check.scalar(QStringLiteral("SELECT max(version) FROM schema_version")).toInt(), 1);
}

void TestStore::open_everyEarlierSchema_migratesAndKeepsData_data()
{
    QTest::addColumn<int>("version");
    const int latest = Migrator::latestVersion(SqliteDialect());
    for (int version = 1; version < latest; ++version) {
        QTest::addRow("schema %d", version) << version;
    }
}

void TestStore::open_everyEarlierSchema_migratesAndKeepsData()
{
    QFETCH(int, version);
    const QString file = path(QStringLiteral("old.steward"));
    const ManualClock clock(QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC));
    {
        const auto old = Store::createAtVersion(file, version);
        QVERIFY(old.ok());
        QCOMPARE(old.value()->schemaVersion(), version);
        const Status written = test::writeSampleTree(*old.value(), clock.now());
        QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    }
    const auto store = Store::open(file);
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(store.value()->schemaVersion(), Migrator::latestVersion(SqliteDialect()));
    const TreeRepository tree(*store.value());
    const auto sales = tree.nodeByPath(QStringLiteral("/acme/sales"));
    QVERIFY(sales.ok());
    QCOMPARE(sales->kind, NodeKind::Department);
    QSqlQuery query(store.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    // The tables of the newer schemas exist and work.
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM approvals")));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM activity_search")));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM stream_log")));
}

void TestStore::open_byManyProgramsAtOnce_migratesOnce()
{
    // Several openers race to migrate an old store: the write lock taken at the start of each
    // migration lets one run it; the others see it done and go on.
    const QString file = path(QStringLiteral("raced.steward"));
    {
        const auto old = Store::createAtVersion(file, 1);
        QVERIFY(old.ok());
    }
    constexpr int Openers = 4;
    std::array<QString, Openers> failures;
    std::vector<std::thread> openers;
    for (int i = 0; i < Openers; ++i) {
        openers.emplace_back([&file, &failures, i] {
            const auto store = Store::open(file);
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
    RawConnection check(file);
    const int latest = Migrator::latestVersion(SqliteDialect());
    QCOMPARE(check.scalar(QStringLiteral("SELECT count(*) FROM schema_version")).toInt(), latest);
    QCOMPARE(check.scalar(QStringLiteral("SELECT max(version) FROM schema_version")).toInt(), latest);
}

void TestStore::migrations_appliedScriptsNeverChange()
{
    // A migration that has shipped may never be edited: stores in the field already ran it.
    // Add a new numbered script instead. The expected digests live in tests/data.
    QFile expectedFile(QStringLiteral(STEWARD_TEST_DATA_DIR "/migration-digests.txt"));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly | QIODevice::Text));
    QMap<QString, QString> expected;
    const QStringList lines = QString::fromUtf8(expectedFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1Char('#'))) {
            expected.insert(line.section(QLatin1Char(' '), 1), line.section(QLatin1Char(' '), 0, 0));
        }
    }
    // SQLite's scripts are keyed by name alone (they came first), PostgreSQL's as postgresql/<name>.
    const SqliteDialect sqlite;
    const PostgresDialect postgres;
    const QList<std::pair<const SqlDialect *, QString>> dialects{{&sqlite, QString()},
                                                                 {&postgres, QStringLiteral("postgresql/")}};
    qsizetype scripts = 0;
    for (const auto &[dialect, prefix] : dialects) {
        const QList<Migrator::Migration> migrations = Migrator::migrations(*dialect);
        QCOMPARE(migrations.size(), Migrator::latestVersion(sqlite));
        scripts += migrations.size();
        for (const Migrator::Migration &migration : migrations) {
            const QString key =
                prefix + QStringLiteral("%1_%2").arg(migration.version, 4, 10, QLatin1Char('0')).arg(migration.name);
            const QString digest =
                QString::fromLatin1(QCryptographicHash::hash(migration.statements.join(QLatin1Char('\n')).toUtf8(),
                                                             QCryptographicHash::Sha256)
                                        .toHex());
            QVERIFY2(expected.contains(key), qPrintable(key));
            QCOMPARE(digest, expected.value(key));
        }
    }
    QCOMPARE(scripts, expected.size());
}

void TestStore::splitStatements_splitsAtLineEndSemicolons()
{
    const QString script = QStringLiteral("-- a comment;\nCREATE TABLE a (\n  x TEXT DEFAULT ';'\n);\n\n"
                                          "CREATE INDEX b ON a(x);\n");
    const QStringList statements = Migrator::splitStatements(script);
    QCOMPARE(statements.size(), 2);
    QCOMPARE(statements.at(0), QStringLiteral("CREATE TABLE a (\n  x TEXT DEFAULT ';'\n);"));
    QCOMPARE(statements.at(1), QStringLiteral("CREATE INDEX b ON a(x);"));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
