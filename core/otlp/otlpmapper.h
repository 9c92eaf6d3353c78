// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace steward {

// One OpenTelemetry span, checked and read in Steward's terms. Which agent, version and run it
// belongs to needs the store and is the OtlpIngestor's business; everything else is here.
struct OtlpSpan
{
    QString traceId; // 32 lower-case hex digits
    QString agentRef; // gen_ai.agent.id as sent: a node id or a node path; may be empty
    QString agentName; // gen_ai.agent.name (or an ancestor span's), else service.name; may be empty
    QString agentVersion; // gen_ai.agent.version as sent; may be empty
    QString model; // gen_ai.request.model, else gen_ai.response.model
    // The agent's own span (invoke_agent, or a span without a parent): it ends the agent's run.
    bool isAgentSpan = false;
    bool failed = false;
    QDateTime startedAt;
    QDateTime endedAt;
    // Everything but agentId, version and runId: kind, clientId, time, span ids, status,
    // summary, searchable detail, body, tokens, cost and latency.
    ActivityEvent event;
};

// What a request held: the spans that could be read, and why the others could not.
struct OtlpBatch
{
    QList<OtlpSpan> spans;
    // Spans that are not agent activity (no GenAI attribute on them or above them in the
    // request: an HTTP server's, a database call's), left out without complaint.
    qsizetype skippedSpans = 0;
    qsizetype rejectedSpans = 0;
    // One line per rejected span, naming it by its place in the request
    // ("resourceSpans[0].scopeSpans[1].spans[4].traceId: ...").
    QStringList problems;
};

// Reads an OTLP/HTTP JSON ExportTraceServiceRequest following the OpenTelemetry GenAI semantic
// conventions (current and older attribute names) and OpenInference's. The input is untrusted:
// every field is checked. A request whose envelope is malformed (resourceSpans, scopeSpans or
// spans not arrays of objects) is refused as a whole (Invalid); over ApiLimits::MaxEventsPerBatch
// spans, TooLarge. A malformed span is left out and counted in the batch's rejectedSpans.
namespace OtlpMapper {

[[nodiscard]] Result<OtlpBatch> map(const QJsonObject &request, const QDateTime &now);

// The node name an agent sent by name gets under the Unregistered team: lower-case, with the
// characters a node name may not hold replaced by '-', at most 64 characters.
[[nodiscard]] QString nodeNameFor(const QString &agentName);

} // namespace OtlpMapper

} // namespace steward
