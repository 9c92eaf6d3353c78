// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecopier.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace steward {
namespace {

// Every table of the schema that a copy carries, parents before children. Foreign keys are
// checked at the copy's commit, so rows of one table may come in any order (a moved node can
// have a parent with a larger id). Bearer tokens are not copied: they have no place outside
// the workspace that checks them. Nor is the change stream: it tells live clients what
// changed, and names things outside a bundle's scope.
const QStringList copiedTables{
    QStringLiteral("workspace_settings"),
    QStringLiteral("principals"),
    QStringLiteral("nodes"),
    QStringLiteral("agents"),
    QStringLiteral("agent_versions"),
    QStringLiteral("version_proposals"),
    QStringLiteral("grants"),
    QStringLiteral("runs"),
    QStringLiteral("activity_events"),
    QStringLiteral("activity_rollup_hourly"),
    QStringLiteral("approvals"),
    QStringLiteral("approval_decisions"),
    QStringLiteral("audit_log"),
};

QString doing(const QString &table)
{
    return QCoreApplication::translate("steward::StoreCopier", "copying %1").arg(table);
}

Result<QStringList> columnsOf(const Store &target, const QString &table)
{
    QSqlQuery query(target.database());
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_info('") + table + QStringLiteral("')"))) {
        return Store::errorFrom(query.lastError(), doing(table));
    }
    QStringList columns;
    while (query.next()) {
        columns.append(query.value(0).toString());
    }
    return columns;
}

Status copyTable(const Store &source, const Store &target, const QString &table)
{
    const Result<QStringList> columns = columnsOf(target, table);
    if (!columns) {
        return columns.error();
    }
    QSqlQuery read(source.database());
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT ") + columns->join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
                   + table)) {
        return Store::errorFrom(read.lastError(), doing(table));
    }
    QSqlQuery write(target.database());
    const QStringList placeholders(columns->size(), QStringLiteral("?"));
    if (!write.prepare(QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (")
                       + columns->join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
                       + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')'))) {
        return Store::errorFrom(write.lastError(), doing(table));
    }
    while (read.next()) {
        for (int i = 0; i < columns->size(); ++i) {
            write.bindValue(i, read.value(i));
        }
        if (!write.exec()) {
            return Store::errorFrom(write.lastError(), doing(table));
        }
    }
    return Done{};
}

} // namespace

Status StoreCopier::copyToSqliteFile(const Store &source, const QString &path)
{
    Result<std::unique_ptr<Store>> created = Store::create(path);
    if (!created) {
        return created.error();
    }
    const std::unique_ptr<Store> target = std::move(created).value();
    QSqlQuery sourceQuery(source.database());
    if (!sourceQuery.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))) {
        return Store::errorFrom(sourceQuery.lastError(), doing(path));
    }
    QSqlQuery targetQuery(target->database());
    // The new file's own settings make way for the source's (its workspace id above all).
    const bool started = targetQuery.exec(QStringLiteral("BEGIN"))
        && targetQuery.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON"))
        && targetQuery.exec(QStringLiteral("DELETE FROM workspace_settings"));
    std::optional<Error> failure;
    if (!started) {
        failure = Store::errorFrom(targetQuery.lastError(), doing(path));
    }
    for (const QString &table : copiedTables) {
        if (failure) {
            break;
        }
        if (const Status copied = copyTable(source, *target, table); !copied) {
            failure = copied.error();
        }
    }
    sourceQuery.exec(QStringLiteral("COMMIT"));
    if (failure) {
        targetQuery.exec(QStringLiteral("ROLLBACK"));
        return *failure;
    }
    if (!targetQuery.exec(QStringLiteral("COMMIT"))) {
        return Store::errorFrom(targetQuery.lastError(), doing(path));
    }
    return Done{};
}

} // namespace steward
