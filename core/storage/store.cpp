// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "storage/migrator.h"
#include "storage/postgresdialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "steward.storage.store", QtWarningMsg)

namespace steward {
namespace {

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("steward-store-%1").arg(++counter);
}

// SQLite's result codes that say something a user can act on.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteNotADatabase = 26;

// PostgreSQL's SQLSTATEs that mean "someone else holds what this needs": serialization
// failure, deadlock, lock not available (lock_timeout), query cancelled (statement timeout).
constexpr qsizetype SqlStateLength = 5;
const QStringList busySqlStates{QStringLiteral("40001"), QStringLiteral("40P01"), QStringLiteral("55P03"),
                                QStringLiteral("57014")};

int primaryResultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// Opens a throwaway read-only connection to look at a file before anything writes to it, so
// that a file we must refuse is never touched (not even switched to WAL).
class ReadOnlyProbe final
{
public:
    ReadOnlyProbe(const QString &path, int busyTimeoutMs) : m_name(newConnectionName())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    }
    ~ReadOnlyProbe()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(ReadOnlyProbe)

    [[nodiscard]] QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

Status checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::Store", "Cannot read %1: %2").arg(path, file.errorString())};
    }
    static const QByteArray sqliteMagic("SQLite format 3\0", 16);
    if (file.read(16) != sqliteMagic) {
        return Error{Error::Code::StoreCorrupt,
                     QCoreApplication::translate("steward::Store",
                                                 "%1 is not a Steward workspace (it is not an SQLite database).")
                         .arg(path)};
    }
    return Done{};
}

Status checkVersion(const QSqlDatabase &db, const SqlDialect &dialect, const QString &shown)
{
    const Migrator migrator(db, dialect);
    const Result<int> version = migrator.currentVersion();
    if (!version) {
        return version.error();
    }
    const int latest = Migrator::latestVersion(dialect);
    if (version.value() > latest) {
        return Error{Error::Code::StoreTooNew,
                     QCoreApplication::translate(
                         "steward::Store",
                         "%1 was written by a newer version of Steward (schema %2; this version knows up to %3). "
                         "Update Steward to open it.")
                         .arg(shown)
                         .arg(version.value())
                         .arg(latest)};
    }
    return Done{};
}

Result<qint64> countOf(const QSqlDatabase &db, const QString &statement, const QString &shown)
{
    QSqlQuery query(db);
    if (!query.exec(statement) || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::Store", "reading %1").arg(shown));
    }
    return query.value(0).toLongLong();
}

// Looks at an existing file: is it a Steward workspace, and one this build can open?
Status inspectFile(const QString &path, const Store::Options &options)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error{Error::Code::StoreMissing,
                     QCoreApplication::translate("steward::Store", "There is no workspace at %1.").arg(path)};
    }
    if (!info.isFile()) {
        return Error{Error::Code::StoreCorrupt,
                     QCoreApplication::translate("steward::Store", "%1 is not a file.").arg(path)};
    }
    if (const Status header = checkHeader(path); !header) {
        return header;
    }

    const SqliteDialect dialect;
    const ReadOnlyProbe probe(path, options.busyTimeoutMs);
    QSqlDatabase db = probe.database();
    if (!db.open()) {
        return Store::errorFrom(db.lastError(), QCoreApplication::translate("steward::Store", "opening %1").arg(path));
    }
    const Result<qint64> schemaTables = countOf(db, dialect.schemaTableExistsQuery(), path);
    if (!schemaTables) {
        return schemaTables.error();
    }
    if (schemaTables.value() == 0) {
        return Error{
            Error::Code::StoreCorrupt,
            QCoreApplication::translate("steward::Store", "%1 is an SQLite database but not a Steward workspace.")
                .arg(path)};
    }
    return checkVersion(db, dialect, path);
}

// Looks at a PostgreSQL database on the store's own connection (connecting changes nothing):
// does it hold a Steward workspace, and one this build can open?
Status inspectDatabase(const QSqlDatabase &db, const SqlDialect &dialect, const QString &shown)
{
    const Result<qint64> schemaTables = countOf(db, dialect.schemaTableExistsQuery(), shown);
    if (!schemaTables) {
        return schemaTables.error();
    }
    if (schemaTables.value() == 0) {
        const Result<qint64> tables = countOf(db, PostgresDialect::tableCountQuery(), shown);
        if (!tables) {
            return tables.error();
        }
        if (tables.value() == 0) {
            return Error{
                Error::Code::StoreMissing,
                QCoreApplication::translate("steward::Store", "There is no workspace in the database %1: it is empty.")
                    .arg(shown)};
        }
        return Error{Error::Code::StoreCorrupt,
                     QCoreApplication::translate("steward::Store",
                                                 "The database %1 holds other tables, but not a Steward workspace.")
                         .arg(shown)};
    }
    return checkVersion(db, dialect, shown);
}

} // namespace

Store::Store(QString path, QString connectionName, std::unique_ptr<SqlDialect> dialect)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_dialect(std::move(dialect))
{
}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Store::schemaVersion() const
{
    const Result<int> version = Migrator(database(), *m_dialect).currentVersion();
    return version ? version.value() : 0;
}

QString Store::workspaceId() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT value FROM workspace_settings WHERE key = 'workspace_id'")) && query.next()) {
        return query.value(0).toString();
    }
    return {};
}

Error Store::errorFrom(const QSqlError &error, const QString &doing)
{
    // QPSQL reports the five-character SQLSTATE; QSQLITE reports SQLite's result code, a number
    // below 10000. A connection QPSQL could not make carries no code at all.
    const QString native = error.nativeErrorCode();
    const QString text = error.text();
    if (native.size() == SqlStateLength) {
        if (busySqlStates.contains(native)) {
            return {Error::Code::StoreLocked,
                    QCoreApplication::translate("steward::Store",
                                                "The workspace is busy: another program holds what this change "
                                                "needs (while %1). Try again.")
                        .arg(doing)};
        }
        if (native.startsWith(QLatin1String("XX"))) {
            return {Error::Code::StoreCorrupt,
                    QCoreApplication::translate("steward::Store", "The workspace is damaged (while %1): %2")
                        .arg(doing, text)};
        }
    } else if (error.type() == QSqlError::ConnectionError && native.isEmpty()) {
        return {Error::Code::StoreFailure,
                QCoreApplication::translate("steward::Store", "Cannot connect to the database (while %1): %2")
                    .arg(doing, error.databaseText().trimmed())};
    } else {
        const int code = primaryResultCode(error);
        if (code == SqliteBusy || code == SqliteLocked || text.contains(QLatin1String("database is locked"))) {
            return {Error::Code::StoreLocked,
                    QCoreApplication::translate(
                        "steward::Store",
                        "The workspace is in use by another program (while %1). Close it there and try again.")
                        .arg(doing)};
        }
        if (code == SqliteCorrupt || code == SqliteNotADatabase) {
            return {Error::Code::StoreCorrupt,
                    QCoreApplication::translate("steward::Store", "The workspace is damaged (while %1): %2")
                        .arg(doing, text)};
        }
    }
    return {Error::Code::StoreFailure,
            QCoreApplication::translate("steward::Store", "The database failed while %1: %2").arg(doing, text)};
}

Result<std::unique_ptr<Store>> Store::connect(const StoreLocation &location, Options options, bool readOnly)
{
    auto dialect = location.dialect();
    const QString name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect->driverName(), name);
        db.setDatabaseName(location.databaseName);
        db.setHostName(location.hostName);
        db.setPort(location.port);
        db.setUserName(location.userName);
        db.setPassword(location.password);
        db.setConnectOptions(dialect->connectOptions(options.busyTimeoutMs, readOnly));
    }
    std::unique_ptr<Store> store(new Store(location.shown, name, std::move(dialect)));
    store->m_readOnly = readOnly;
    QSqlDatabase db = store->database();
    if (!db.open()) {
        return errorFrom(db.lastError(),
                         QCoreApplication::translate("steward::Store", "opening %1").arg(location.shown));
    }
    if (readOnly) {
        return store;
    }
    QSqlQuery query(db);
    const QStringList setup = store->dialect().connectionSetup();
    for (const QString &statement : setup) {
        if (!query.exec(statement)) {
            return errorFrom(query.lastError(),
                             QCoreApplication::translate("steward::Store", "preparing %1").arg(location.shown));
        }
    }
    return store;
}

Result<std::unique_ptr<Store>> Store::openChecked(const QString &location, Options options, bool readOnly)
{
    const Result<StoreLocation> where = StoreLocation::parse(location);
    if (!where) {
        return where.error();
    }
    if (where->kind == StoreLocation::Kind::SqliteFile) {
        if (const Status inspected = inspectFile(where->databaseName, options); !inspected) {
            qCInfo(lcStore) << "refused to open" << where->shown << inspected.error().message;
            return inspected.error();
        }
        return connect(where.value(), options, readOnly);
    }
    Result<std::unique_ptr<Store>> connected = connect(where.value(), options, readOnly);
    if (!connected) {
        return connected;
    }
    const Store &store = *connected.value();
    if (const Status inspected = inspectDatabase(store.database(), store.dialect(), where->shown); !inspected) {
        qCInfo(lcStore) << "refused to open" << where->shown << inspected.error().message;
        return inspected.error();
    }
    return connected;
}

Result<std::unique_ptr<Store>> Store::open(const QString &location, Options options)
{
    Result<std::unique_ptr<Store>> opened = openChecked(location, options, false);
    if (!opened) {
        return opened;
    }
    std::unique_ptr<Store> store = std::move(opened).value();
    Migrator migrator(store->database(), store->dialect());
    if (const Status migrated = migrator.migrateTo(Migrator::latestVersion(store->dialect())); !migrated) {
        return migrated.error();
    }
    return store;
}

Result<std::unique_ptr<Store>> Store::openReadOnly(const QString &location)
{
    Result<std::unique_ptr<Store>> opened = openChecked(location, Options{}, true);
    if (!opened) {
        return opened;
    }
    const int version = opened.value()->schemaVersion();
    const int latest = Migrator::latestVersion(opened.value()->dialect());
    if (version != latest) {
        return Error{version > latest ? Error::Code::StoreTooNew : Error::Code::Invalid,
                     QCoreApplication::translate(
                         "steward::Store",
                         "%1 has schema %2, and this version of Steward reads schema %3 without changing a file. "
                         "Open a copy of it as a workspace instead.")
                         .arg(opened.value()->path())
                         .arg(version)
                         .arg(latest)};
    }
    return opened;
}

Result<std::unique_ptr<Store>> Store::createEmpty(const QString &location, Options options)
{
    const Result<StoreLocation> where = StoreLocation::parse(location);
    if (!where) {
        return where.error();
    }
    if (where->kind == StoreLocation::Kind::SqliteFile) {
        if (QFileInfo::exists(where->databaseName)) {
            return Error{
                Error::Code::Invalid,
                QCoreApplication::translate("steward::Store", "A file already exists at %1; choose another name.")
                    .arg(where->shown)};
        }
        Result<std::unique_ptr<Store>> connected = connect(where.value(), options, false);
        if (!connected) {
            QFile::remove(where->databaseName);
        }
        return connected;
    }
    Result<std::unique_ptr<Store>> connected = connect(where.value(), options, false);
    if (!connected) {
        return connected;
    }
    const Result<qint64> tables =
        countOf(connected.value()->database(), PostgresDialect::tableCountQuery(), where->shown);
    if (!tables) {
        return tables.error();
    }
    if (tables.value() > 0) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate(
                "steward::Store", "The database %1 already holds tables; create the workspace in an empty database.")
                .arg(where->shown)};
    }
    return connected;
}

Result<std::unique_ptr<Store>> Store::createAtVersion(const QString &location, int schemaVersion)
{
    Result<std::unique_ptr<Store>> created = createEmpty(location, Options{});
    if (!created) {
        return created;
    }
    std::unique_ptr<Store> store = std::move(created).value();
    Migrator migrator(store->database(), store->dialect());
    if (const Status migrated = migrator.migrateTo(schemaVersion); !migrated) {
        return migrated.error();
    }
    return store;
}

Result<std::unique_ptr<Store>> Store::create(const QString &location, Options options)
{
    Result<std::unique_ptr<Store>> created = createEmpty(location, options);
    if (!created) {
        return created;
    }
    std::unique_ptr<Store> store = std::move(created).value();
    Migrator migrator(store->database(), store->dialect());
    if (const Status migrated = migrator.migrateTo(Migrator::latestVersion(store->dialect())); !migrated) {
        return migrated.error();
    }
    QSqlQuery query(store->database());
    query.prepare(QStringLiteral("INSERT INTO workspace_settings(key, value) VALUES (?, ?), (?, ?)"));
    query.addBindValue(QStringLiteral("workspace_id"));
    query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.addBindValue(QStringLiteral("created_at"));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec()) {
        return errorFrom(query.lastError(),
                         QCoreApplication::translate("steward::Store", "creating %1").arg(store->path()));
    }
    return store;
}

Transaction::Transaction(const Store &store, Mode mode) : m_database(store.database())
{
    if (mode == Mode::Deferred) {
        m_active = m_database.transaction();
        if (!m_active) {
            m_beginError = Store::errorFrom(m_database.lastError(),
                                            QCoreApplication::translate("steward::Store", "starting a change"));
        }
        return;
    }
    // The drivers' commit and rollback run COMMIT and ROLLBACK without tracking how the
    // transaction began, so a BEGIN of our own is ended by them like any other.
    QSqlQuery query(m_database);
    for (const QString &statement : store.dialect().beginWrite()) {
        if (!query.exec(statement)) {
            m_beginError =
                Store::errorFrom(query.lastError(), QCoreApplication::translate("steward::Store", "starting a change"));
            // An earlier statement may have begun the transaction already.
            m_database.rollback();
            return;
        }
    }
    m_active = true;
}

Transaction::~Transaction()
{
    if (m_active && !m_committed) {
        m_database.rollback();
    }
}

Status Transaction::commit()
{
    if (!m_active) {
        return m_beginError;
    }
    if (!m_database.commit()) {
        const Error error =
            Store::errorFrom(m_database.lastError(), QCoreApplication::translate("steward::Store", "saving a change"));
        m_database.rollback();
        m_active = false;
        return error;
    }
    m_committed = true;
    m_active = false;
    return Done{};
}

} // namespace steward
