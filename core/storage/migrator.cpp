// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "storage/sqldialect.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcMigrations, "steward.storage.migrations", QtWarningMsg)

namespace steward {
Migrator::Migrator(QSqlDatabase database, const SqlDialect &dialect)
    : m_database(std::move(database)), m_dialect(dialect)
{
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))) {
            continue;
        }
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) {
        statements.append(current.trimmed());
    }
    return statements;
}

QList<Migrator::Migration> Migrator::migrations(const SqlDialect &dialect)
{
    // Scripts are named NNNN_what.sql; the number is the schema version they produce.
    const QDir directory(dialect.migrationDirectory());
    const QStringList files = directory.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    QList<Migration> result;
    for (const QString &fileName : files) {
        QFile file(directory.filePath(fileName));
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcMigrations) << "cannot read built-in migration" << fileName;
            continue;
        }
        Migration migration;
        migration.version = fileName.section(QLatin1Char('_'), 0, 0).toInt();
        migration.name = fileName.section(QLatin1Char('_'), 1).chopped(4);
        migration.statements = splitStatements(QString::fromUtf8(file.readAll()));
        Q_ASSERT(migration.version == result.size() + 1);
        result.append(migration);
    }
    return result;
}

int Migrator::latestVersion(const SqlDialect &dialect)
{
    return static_cast<int>(migrations(dialect).size());
}

Status Migrator::ensureVersionTable()
{
    QSqlQuery query(m_database);
    if (!query.exec(m_dialect.createSchemaTable())) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::Migrator", "preparing the schema table"));
    }
    return Done{};
}

Result<int> Migrator::currentVersion() const
{
    QSqlQuery query(m_database);
    if (!query.exec(m_dialect.schemaTableExistsQuery()) || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::Migrator", "reading the schema version"));
    }
    if (query.value(0).toInt() == 0) {
        return 0;
    }
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::Migrator", "reading the schema version"));
    }
    return query.value(0).toInt();
}

Status Migrator::migrateTo(int targetVersion)
{
    Result<int> current = currentVersion();
    if (!current) {
        return current.error();
    }
    if (current.value() >= targetVersion) {
        return Done{};
    }
    const QList<Migration> all = migrations(m_dialect);
    for (const Migration &migration : all) {
        if (migration.version <= current.value() || migration.version > targetVersion) {
            continue;
        }
        QSqlQuery query(m_database);
        const auto fail = [&migration, &query](const QSqlError &error) -> Status {
            query.exec(QStringLiteral("ROLLBACK"));
            qCWarning(lcMigrations) << "migration" << migration.version << migration.name << "failed:" << error.text();
            return Store::errorFrom(
                error,
                QCoreApplication::translate("steward::Migrator", "upgrading the workspace to schema %1")
                    .arg(migration.version));
        };
        const QStringList begin = m_dialect.beginMigration();
        for (const QString &statement : begin) {
            if (!query.exec(statement)) {
                return fail(query.lastError());
            }
        }
        // Another program may have migrated while this one waited for the lock.
        const Result<int> now = currentVersion();
        if (!now) {
            query.exec(QStringLiteral("ROLLBACK"));
            return now.error();
        }
        if (now.value() >= migration.version) {
            query.exec(QStringLiteral("ROLLBACK"));
            continue;
        }
        if (const Status table = ensureVersionTable(); !table) {
            query.exec(QStringLiteral("ROLLBACK"));
            return table;
        }
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                return fail(query.lastError());
            }
        }
        query.prepare(QStringLiteral("INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)"));
        query.addBindValue(migration.version);
        query.addBindValue(migration.name);
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!query.exec()) {
            return fail(query.lastError());
        }
        if (!query.exec(QStringLiteral("COMMIT"))) {
            return fail(query.lastError());
        }
        qCInfo(lcMigrations) << "migrated to schema" << migration.version << migration.name;
    }
    return Done{};
}

} // namespace steward
