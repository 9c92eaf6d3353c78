// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The audit log for auditors: read it page by page, verify the chain, and take a signed
// bundle away. Reading is ReadAudit on the subtree asked about (the company for the whole log).
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "audit/auditverifier.h"
#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"
#include "storage/auditrepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerResponder>
#include <QTemporaryDir>

#include <unistd.h>

namespace steward {

using namespace RouteHelpers;

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::AuditRoutes", text);
}

// The node a path names, for a permission check on it; the company when the path is empty.
Result<OrgNode> nodeAtPath(ServerContext &context, const Principal &principal, Action action, const QString &path)
{
    if (path.isEmpty()) {
        return rootForAction(context, principal, action);
    }
    const Result<OrgNode> node = TreeRepository(*context.store).nodeByPath(path);
    if (!node) {
        return node.error();
    }
    return nodeForAction(context, principal, action, node->id);
}

Result<QDateTime> timeParameter(const ApiRequest &request, const QString &name)
{
    const QString text = request.query(name);
    if (text.isEmpty()) {
        return QDateTime();
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        return Error{Error::Code::Invalid, translated("%1: \"%2\" is not an ISO 8601 time").arg(name, text)};
    }
    return time.toUTC();
}

ApiReply listAudit(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 100, 1, 500);
    const Result<qint64> before = request.queryNumber(QStringLiteral("cursor"), INT64_MAX, 1, INT64_MAX);
    const Result<QDateTime> since = timeParameter(request, QStringLiteral("since"));
    const Result<QDateTime> until = timeParameter(request, QStringLiteral("until"));
    if (const std::optional<Error> error = firstError(limit, before, since, until)) {
        return ApiReply::error(*error);
    }
    AuditFilter filter;
    filter.actor = request.query(QStringLiteral("actor"));
    filter.action = request.query(QStringLiteral("action"));
    filter.subjectPrefix = request.query(QStringLiteral("subject"));
    filter.from = since.value();
    filter.until = until.value();
    const Result<OrgNode> scope = nodeAtPath(context, request.principal, Action::ReadAudit, filter.subjectPrefix);
    if (!scope) {
        return ApiReply::error(scope.error());
    }
    const Result<QList<AuditEntry>> entries =
        AuditRepository(*context.store).query(filter, before.value(), static_cast<int>(limit.value()));
    if (!entries) {
        return ApiReply::error(entries.error());
    }
    QJsonArray items;
    for (const AuditEntry &entry : entries.value()) {
        items.append(toJson(entry));
    }
    const bool full = entries->size() == limit.value();
    return ApiReply::page(items, full ? QString::number(entries->constLast().sequence) : QString());
}

ApiReply verifyAudit(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> root = rootForAction(context, request.principal, Action::ReadAudit);
    if (!root) {
        return ApiReply::error(root.error());
    }
    return replyWith(AuditVerifier::verify(*context.store),
                     [](const AuditVerification &verification) { return toJson(verification); });
}

// Writes the bundle into a private directory, opens it, and lets go of the name, so the file
// lives exactly as long as the answer that streams it.
void exportBundle(ServerContext &context, const QHttpServerRequest &http, QHttpServerResponder &responder,
                  const Principal &principal)
{
    ApiRequest request{http, {}, principal};
    const Result<QDateTime> since = timeParameter(request, QStringLiteral("since"));
    const Result<QDateTime> until = timeParameter(request, QStringLiteral("until"));
    if (const std::optional<Error> error = firstError(since, until)) {
        ApiReply::error(*error).writeTo(responder);
        return;
    }
    const QString why = request.query(QStringLiteral("reason"));
    if (why.trimmed().isEmpty()) {
        ApiReply::error(Error{Error::Code::Invalid, translated("reason: required (why is this bundle exported?)")})
            .writeTo(responder);
        return;
    }
    BundleScope scope;
    scope.subtreePath = request.query(QStringLiteral("path"));
    scope.from = since.value();
    scope.until = until.value();
    const Result<OrgNode> node = nodeAtPath(context, principal, Action::ExportBundle, scope.subtreePath);
    if (!node) {
        ApiReply::error(node.error()).writeTo(responder);
        return;
    }
    const Result<SigningKey> key = SigningKey::loadOrCreate(SigningKey::defaultPathFor(context.store->workspaceId()));
    if (!key) {
        ApiReply::error(key.error()).writeTo(responder);
        return;
    }
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("export.steward"));
    const Result<BundleManifest> manifest =
        AuditBundle::exportTo(*context.store, path, scope, key.value(), context.clock, principal.name, why);
    if (!manifest) {
        ApiReply::error(manifest.error()).writeTo(responder);
        return;
    }
    auto *file = new QFile(path);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        ApiReply::error(500, QStringLiteral("store_failure"), translated("The bundle was written but cannot be read."))
            .writeTo(responder);
        return;
    }
    ::unlink(QFile::encodeName(path).constData());
    const QByteArray manifestHeader = QJsonDocument(manifest->toJson()).toJson(QJsonDocument::Compact).toBase64();
    responder.write(file, {{"Content-Type", "application/vnd.steward.bundle"}, {"Steward-Manifest", manifestHeader}},
                    QHttpServerResponder::StatusCode::Ok);
}

} // namespace

void addAuditRoutes(ApiRouter &router, ServerContext &context)
{
    const auto authenticated = ApiRouter::Access::Authenticated;
    addRoute(router, context, "GET", QStringLiteral("/api/v1/audit"), listAudit);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/audit/verify"), verifyAudit);
    router.addStreaming("GET", QStringLiteral("/api/v1/export"), authenticated,
                        [&context](ApiRequest &request, QHttpServerResponder &responder) {
                            exportBundle(context, request.http, responder, request.principal);
                        });
}

} // namespace steward
