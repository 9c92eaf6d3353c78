// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OpenTelemetry ingest: OTLP/HTTP JSON traces at the path exporters use by default
// (/v1/traces), gzipped or not, recorded as runs and activity events by the OtlpIngestor with
// the bearer token's permissions. Answers follow OTLP: 200 with an empty object, or with
// partialSuccess when some spans were left out; errors use Steward's error object.
#include "api/apilimits.h"
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "gzipbody.h"
#include "otlp/otlpingestor.h"
#include "otlp/otlpmapper.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"
#include "serverlog.h"
#include "servermetrics.h"

#include <QCoreApplication>

namespace steward {

using namespace RouteHelpers;

namespace {

// How much of the reasons for rejected spans goes back to the exporter: enough to fix the
// instrumentation, not a copy of a hostile request.
constexpr int kMaxReportedProblems = 10;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::OtlpRoutes", text);
}

bool isJson(const QByteArray &contentType)
{
    const QByteArray mediaType = contentType.split(';').constFirst().trimmed().toLower();
    return mediaType == "application/json";
}

QString problemSummary(const QStringList &problems)
{
    QString summary = problems.mid(0, kMaxReportedProblems).join(QStringLiteral("; "));
    if (problems.size() > kMaxReportedProblems) {
        summary += translated(" (and %1 more)").arg(problems.size() - kMaxReportedProblems);
    }
    return summary;
}

ApiReply postTraces(ServerContext &context, ApiRequest &request)
{
    const QByteArray contentType = request.http.value("Content-Type");
    if (!isJson(contentType)) {
        return ApiReply::error(415, QStringLiteral("unsupported_media_type"),
                               translated("Content-Type \"%1\": only OTLP/HTTP JSON is accepted; set the exporter's "
                                          "protocol to http/json (OTEL_EXPORTER_OTLP_PROTOCOL=http/json).")
                                   .arg(QString::fromLatin1(contentType)));
    }
    const QByteArray encoding = request.http.value("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "gzip" && encoding != "identity") {
        return ApiReply::error(
            415, QStringLiteral("unsupported_media_type"),
            translated("Content-Encoding \"%1\": only gzip or none is accepted.").arg(QString::fromLatin1(encoding)));
    }
    const Result<QByteArray> raw = encoding == "gzip"
        ? GzipBody::inflate(request.http.body(), ApiLimits::MaxRequestBytes)
        : Result<QByteArray>(request.http.body());
    if (!raw) {
        return ApiReply::error(raw.error());
    }
    const Result<QJsonDocument> body = parseJsonBody(raw.value(), ApiLimits::MaxRequestBytes);
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<OtlpBatch> batch = OtlpMapper::map(body->object(), context.clock.now());
    if (!batch) {
        return ApiReply::error(batch.error());
    }
    if (batch->spans.isEmpty() && batch->rejectedSpans > 0) {
        return ApiReply::error(400, QStringLiteral("invalid"),
                               translated("No span could be read: %1").arg(problemSummary(batch->problems)));
    }
    OtlpIngestor ingestor(*context.store, context.clock, context.org, context.agents, context.activity,
                          context.authorizer);
    const Result<OtlpIngestor::Outcome> outcome = ingestor.ingest(request.principal, batch.value());
    if (!outcome) {
        return ApiReply::error(outcome.error());
    }
    context.metrics.countIngested(outcome->accepted);
    if (!outcome->createdAgents.isEmpty()) {
        // Agents nobody registered are news for whoever runs the server, not only the audit log.
        ServerLog::info(QStringLiteral("otlp_unregistered_agents_created"),
                        {{QStringLiteral("paths"), outcome->createdAgents.join(QLatin1Char(','))},
                         {QStringLiteral("principal"), request.principal.name}});
    }
    if (outcome->rejected == 0) {
        return ApiReply::json(QJsonObject{});
    }
    if (outcome->accepted == 0 && outcome->duplicates == 0) {
        return ApiReply::error(400, QStringLiteral("invalid"),
                               translated("No span could be recorded: %1").arg(problemSummary(outcome->problems)));
    }
    return ApiReply::json(
        QJsonObject{{QStringLiteral("partialSuccess"),
                     QJsonObject{{QStringLiteral("rejectedSpans"), outcome->rejected},
                                 {QStringLiteral("errorMessage"), problemSummary(outcome->problems)}}}});
}

} // namespace

void addOtlpRoutes(ApiRouter &router, ServerContext &context)
{
    addRoute(router, context, "POST", QStringLiteral("/v1/traces"), postTraces);
}

} // namespace steward
