// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditbundle.h"

#include "bundle/signingkey.h"
#include "bundle/storecopier.h"
#include "domain/clock.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/migrator.h"
#include "storage/store.h"
#include "storage/treerepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

constexpr qint64 MaxManifestBytes = 1024 * 1024;

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

Result<QByteArray> fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::AuditBundle", "Cannot read %1: %2").arg(path, file.errorString())};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return Error{
            Error::Code::StoreFailure,
            QCoreApplication::translate("steward::AuditBundle", "Cannot read %1: %2").arg(path, file.errorString())};
    }
    return hash.result().toHex();
}

Status run(QSqlQuery &query, const QString &statement, const QVariantList &values = {})
{
    if (!query.prepare(statement)) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditBundle", "preparing the bundle"));
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditBundle", "preparing the bundle"));
    }
    return Done{};
}

// Removes from the copy everything outside the subtree: the nodes kept are the subtree and
// its ancestors (so that paths still read from the company down).
Status pruneToSubtree(QSqlQuery &query, const QString &path)
{
    const QString prefix = path + QLatin1Char('/');
    const QStringList statements{
        QStringLiteral("DELETE FROM approval_decisions WHERE approval_id IN "
                       "(SELECT id FROM approvals WHERE agent_id NOT IN (SELECT id FROM bundle_nodes))"),
        QStringLiteral("DELETE FROM approvals WHERE agent_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM activity_events WHERE agent_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM runs WHERE agent_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM activity_rollup_hourly WHERE agent_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM version_proposals WHERE agent_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM agent_versions WHERE agent_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM agents WHERE node_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM grants WHERE node_id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DELETE FROM nodes WHERE id NOT IN (SELECT id FROM bundle_nodes)"),
        QStringLiteral("DROP TABLE bundle_nodes"),
    };
    if (const Status kept = run(query,
                                QStringLiteral("CREATE TEMP TABLE bundle_nodes AS SELECT id FROM nodes "
                                               "WHERE path = ? OR substr(path, 1, ?) = ? "
                                               "OR substr(?, 1, length(path) + 1) = path || '/'"),
                                {path, prefix.size(), prefix, path});
        !kept) {
        return kept;
    }
    for (const QString &statement : statements) {
        if (const Status done = run(query, statement); !done) {
            return done;
        }
    }
    return Done{};
}

// Removes activity outside [from, until]. Runs and rollups go with it; versions and the audit
// log stay whole.
Status pruneToTimeRange(QSqlQuery &query, const QDateTime &from, const QDateTime &until)
{
    const qint64 first = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 last = until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const QVariantList range{first, last};
    const QList<std::pair<QString, QVariantList>> statements{
        {QStringLiteral("DELETE FROM approval_decisions WHERE approval_id IN "
                        "(SELECT id FROM approvals WHERE created_at < ? OR created_at > ?)"),
         range},
        {QStringLiteral("DELETE FROM approvals WHERE created_at < ? OR created_at > ?"), range},
        {QStringLiteral("DELETE FROM activity_events WHERE time < ? OR time > ?"), range},
        {QStringLiteral("DELETE FROM runs WHERE (started_at < ? OR started_at > ?) "
                        "AND id NOT IN (SELECT run_id FROM activity_events WHERE run_id IS NOT NULL) "
                        "AND id NOT IN (SELECT run_id FROM approvals WHERE run_id IS NOT NULL)"),
         range},
        {QStringLiteral("DELETE FROM activity_rollup_hourly WHERE hour + 3600000 <= ? OR hour > ?"), range},
    };
    for (const auto &[statement, values] : statements) {
        if (const Status done = run(query, statement, values); !done) {
            return done;
        }
    }
    return Done{};
}

Status prepareCopy(const QString &bundlePath, const BundleScope &scope)
{
    auto opened = Store::open(bundlePath);
    if (!opened) {
        return opened.error();
    }
    const std::unique_ptr<Store> copy = std::move(opened).value();
    {
        QSqlQuery query(copy->database());
        Transaction transaction(*copy);
        if (!transaction.isActive()) {
            return transaction.beginError();
        }
        // Which run each OpenTelemetry trace became is ingest's bookkeeping: it names traces of
        // agents outside the scope, and would hold on to the runs pruned below.
        if (const Status stripped = run(query, QStringLiteral("DELETE FROM otlp_trace_runs")); !stripped) {
            return stripped;
        }
        if (!scope.subtreePath.isEmpty()) {
            if (const Status pruned = pruneToSubtree(query, scope.subtreePath); !pruned) {
                return pruned;
            }
        }
        if (scope.from.isValid() || scope.until.isValid()) {
            if (const Status pruned = pruneToTimeRange(query, scope.from, scope.until); !pruned) {
                return pruned;
            }
        }
        // Bearer tokens (even as hashes) have no place outside the workspace that checks them.
        if (const Status stripped = run(query, QStringLiteral("DELETE FROM api_tokens")); !stripped) {
            return stripped;
        }
        // The change stream is for live clients, and names things outside the bundle's scope.
        if (const Status stripped = run(query, QStringLiteral("DELETE FROM stream_log")); !stripped) {
            return stripped;
        }
        // The full-text index has external content: rebuild it from the rows that remain.
        if (const Status rebuilt =
                run(query, QStringLiteral("INSERT INTO activity_search(activity_search) VALUES ('rebuild')"));
            !rebuilt) {
            return rebuilt;
        }
        if (const Status committed = transaction.commit(); !committed) {
            return committed;
        }
        // One self-contained file: no write-ahead log beside it, no free pages inside it.
        for (const QString &statement : {QStringLiteral("PRAGMA journal_mode=DELETE"), QStringLiteral("VACUUM")}) {
            if (const Status done = run(query, statement); !done) {
                return done;
            }
        }
    }
    return Done{};
}

} // namespace

QByteArray BundleManifest::signedBytes() const
{
    QJsonObject json = toJson();
    json.remove(QStringLiteral("signature"));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QJsonObject BundleManifest::toJson() const
{
    return {
        {QStringLiteral("format"), format},
        {QStringLiteral("workspaceId"), workspaceId},
        {QStringLiteral("createdAt"), isoTime(createdAt)},
        {QStringLiteral("createdBy"), createdBy},
        {QStringLiteral("scope"),
         QJsonObject{{QStringLiteral("subtree"), scope.subtreePath},
                     {QStringLiteral("from"), isoTime(scope.from)},
                     {QStringLiteral("until"), isoTime(scope.until)}}},
        {QStringLiteral("schemaVersion"), schemaVersion},
        {QStringLiteral("auditHead"),
         QJsonObject{{QStringLiteral("sequence"), auditHeadSequence},
                     {QStringLiteral("hash"), QString::fromLatin1(auditHeadHash)}}},
        {QStringLiteral("contentSha256"), QString::fromLatin1(contentSha256)},
        {QStringLiteral("publicKey"), QString::fromLatin1(publicKey)},
        {QStringLiteral("signature"), QString::fromLatin1(signature)},
    };
}

Result<BundleManifest> BundleManifest::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject object = document.object();
    const auto invalid = [](const QString &why) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::AuditBundle", "This is not a valid Steward bundle manifest: %1")
                .arg(why)};
    };
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return invalid(parseError.errorString());
    }
    if (object.value(QStringLiteral("format")).toInt() != 1) {
        return invalid(QCoreApplication::translate("steward::AuditBundle", "unknown format %1.")
                           .arg(object.value(QStringLiteral("format")).toVariant().toString()));
    }
    BundleManifest manifest;
    manifest.workspaceId = object.value(QStringLiteral("workspaceId")).toString();
    manifest.createdAt = timeFrom(object.value(QStringLiteral("createdAt")));
    manifest.createdBy = object.value(QStringLiteral("createdBy")).toString();
    const QJsonObject scope = object.value(QStringLiteral("scope")).toObject();
    manifest.scope.subtreePath = scope.value(QStringLiteral("subtree")).toString();
    manifest.scope.from = timeFrom(scope.value(QStringLiteral("from")));
    manifest.scope.until = timeFrom(scope.value(QStringLiteral("until")));
    manifest.schemaVersion = object.value(QStringLiteral("schemaVersion")).toInt();
    const QJsonObject head = object.value(QStringLiteral("auditHead")).toObject();
    manifest.auditHeadSequence = head.value(QStringLiteral("sequence")).toInteger();
    manifest.auditHeadHash = head.value(QStringLiteral("hash")).toString().toLatin1();
    manifest.contentSha256 = object.value(QStringLiteral("contentSha256")).toString().toLatin1();
    manifest.publicKey = object.value(QStringLiteral("publicKey")).toString().toLatin1();
    manifest.signature = object.value(QStringLiteral("signature")).toString().toLatin1();
    if (manifest.contentSha256.size() != 64 || manifest.publicKey.size() != 64 || manifest.signature.size() != 128
        || manifest.auditHeadHash.size() != 64 || !manifest.createdAt.isValid()) {
        return invalid(
            QCoreApplication::translate("steward::AuditBundle", "a required field is missing or malformed."));
    }
    return manifest;
}

QString AuditBundle::manifestPathFor(const QString &bundlePath)
{
    return bundlePath + QStringLiteral(".manifest.json");
}

Result<BundleManifest> AuditBundle::exportTo(const Store &store, const QString &bundlePath, const BundleScope &scope,
                                             const SigningKey &key, const Clock &clock, const QString &actor,
                                             const QString &reason)
{
    const QString manifestPath = manifestPathFor(bundlePath);
    if (QFileInfo::exists(bundlePath) || QFileInfo::exists(manifestPath)) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AuditBundle", "%1 already exists; choose another name.")
                         .arg(bundlePath)};
    }
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    if (!scope.subtreePath.isEmpty()) {
        if (const Result<OrgNode> node = TreeRepository(store).nodeByPath(scope.subtreePath); !node) {
            return node.error();
        }
    }
    if (scope.from.isValid() && scope.until.isValid() && scope.from > scope.until) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AuditBundle", "The time range ends before it starts.")};
    }

    BundleManifest manifest;
    manifest.createdAt = clock.now();
    manifest.createdBy = actor;
    manifest.scope = scope;
    manifest.publicKey = key.publicKeyHex();
    {
        Transaction transaction(store);
        if (!transaction.isActive()) {
            return transaction.beginError();
        }
        AuditEntry entry;
        entry.time = manifest.createdAt;
        entry.actor = actor;
        entry.action = QStringLiteral("bundle.export");
        entry.subject = scope.subtreePath.isEmpty() ? QStringLiteral("/") : scope.subtreePath;
        entry.details = {{QStringLiteral("from"), isoTime(scope.from)},
                         {QStringLiteral("until"), isoTime(scope.until)},
                         {QStringLiteral("publicKey"), QString::fromLatin1(manifest.publicKey)},
                         {QStringLiteral("file"), QFileInfo(bundlePath).fileName()}};
        entry.reason = reason.trimmed();
        const Result<AuditEntry> appended = AuditRepository(store).append(entry);
        if (!appended) {
            return appended.error();
        }
        if (const Status committed = transaction.commit(); !committed) {
            return committed.error();
        }
        manifest.auditHeadSequence = appended->sequence;
        manifest.auditHeadHash = appended->hash;
    }

    const auto removeOutput = [&bundlePath]() {
        for (const QString &suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
            QFile::remove(bundlePath + suffix);
        }
    };
    // SQLite writes a consistent copy of itself in one statement; other databases are copied
    // row by row from one snapshot.
    if (const QString copyStatement = store.dialect().copyIntoFile(); !copyStatement.isEmpty()) {
        QSqlQuery query(store.database());
        query.prepare(copyStatement);
        query.addBindValue(bundlePath);
        if (!query.exec()) {
            removeOutput();
            return Store::errorFrom(query.lastError(),
                                    QCoreApplication::translate("steward::AuditBundle", "writing %1").arg(bundlePath));
        }
    } else if (const Status copied = StoreCopier::copyToSqliteFile(store, bundlePath); !copied) {
        removeOutput();
        return copied.error();
    }
    manifest.workspaceId = store.workspaceId();
    manifest.schemaVersion = Migrator::latestVersion(store.dialect());
    if (const Status prepared = prepareCopy(bundlePath, scope); !prepared) {
        removeOutput();
        return prepared.error();
    }
    const Result<QByteArray> digest = fileSha256(bundlePath);
    if (!digest) {
        removeOutput();
        return digest.error();
    }
    manifest.contentSha256 = digest.value();
    manifest.signature = key.sign(manifest.signedBytes());

    QSaveFile file(manifestPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(manifest.toJson()).toJson()) < 0
        || !file.commit()) {
        removeOutput();
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::AuditBundle", "Cannot write %1: %2")
                         .arg(manifestPath, file.errorString())};
    }
    return manifest;
}

Result<BundleVerification> AuditBundle::verify(const QString &bundlePath, const QByteArray &publicKeyHex)
{
    const QString manifestPath = manifestPathFor(bundlePath);
    QFile manifestFile(manifestPath);
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::AuditBundle", "Cannot read the manifest %1: %2")
                         .arg(manifestPath, manifestFile.errorString())};
    }
    if (manifestFile.size() > MaxManifestBytes) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AuditBundle", "%1 is too large to be a bundle manifest.")
                         .arg(manifestPath)};
    }
    const Result<BundleManifest> manifest = BundleManifest::fromJson(manifestFile.readAll());
    if (!manifest) {
        return manifest.error();
    }
    BundleVerification result;
    result.manifest = manifest.value();
    const QByteArray expectedKey = publicKeyHex.trimmed().toLower();
    result.signedByExpectedKey = result.manifest.publicKey.toLower() == expectedKey;
    if (!result.signedByExpectedKey) {
        result.problems.append(
            QCoreApplication::translate("steward::AuditBundle",
                                        "The manifest names another signing key (%1) than the one given (%2).")
                .arg(QString::fromLatin1(result.manifest.publicKey), QString::fromLatin1(expectedKey)));
    }
    result.signatureValid = SigningKey::verify(result.manifest.signedBytes(), result.manifest.signature, expectedKey);
    if (!result.signatureValid) {
        result.problems.append(QCoreApplication::translate(
            "steward::AuditBundle",
            "The manifest's signature does not verify with the given key: the manifest was changed "
            "or signed by someone else."));
    }
    const Result<QByteArray> digest = fileSha256(bundlePath);
    if (!digest) {
        return digest.error();
    }
    result.contentMatches = digest.value() == result.manifest.contentSha256;
    if (!result.contentMatches) {
        result.problems.append(QCoreApplication::translate(
            "steward::AuditBundle",
            "The bundle file was changed after it was signed (its SHA-256 differs from the manifest's)."));
    }
    const Result<std::unique_ptr<Store>> store = Store::openReadOnly(bundlePath);
    if (!store) {
        result.problems.append(store.error().message);
        return result;
    }
    const Result<AuditVerification> chain = AuditVerifier::verify(*store.value());
    if (!chain) {
        result.problems.append(chain.error().message);
        return result;
    }
    result.chain = chain.value();
    if (!result.chain.intact()) {
        result.problems.append(result.chain.message);
    }
    result.headMatches = result.chain.headSequence == result.manifest.auditHeadSequence
        && result.chain.headHash == result.manifest.auditHeadHash;
    if (result.chain.intact() && !result.headMatches) {
        result.problems.append(
            QCoreApplication::translate(
                "steward::AuditBundle",
                "The audit log ends at entry %1, but the manifest was signed at entry %2: entries were "
                "added or removed after the export.")
                .arg(result.chain.headSequence)
                .arg(result.manifest.auditHeadSequence));
    }
    return result;
}

} // namespace steward
