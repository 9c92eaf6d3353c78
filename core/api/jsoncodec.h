// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apilimits.h"
#include "api/apirequests.h"
#include "audit/auditverifier.h"
#include "bundle/auditbundle.h"
#include "diff/blame.h"
#include "diff/textdiff.h"
#include "domain/activity.h"
#include "domain/agent.h"
#include "domain/approval.h"
#include "domain/audit.h"
#include "domain/orgnode.h"
#include "domain/principal.h"
#include "domain/result.h"
#include "domain/runrequest.h"
#include "storage/auditrepository.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// The one JSON mapping of the HTTP API, used by the server to write and read and by clients
// to read and write. The conventions (docs/api.md, "JSON conventions"):
// - keys are the C++ member names in camelCase;
// - ids are JSON numbers; a reference that is not set (a company's parent, an event without a
//   run) is null;
// - times are ISO 8601 UTC with milliseconds ("2026-11-24T13:11:20.123Z"); a time that is not
//   set is null;
// - enums are their toText spelling; hashes and keys are lower-case hex strings;
// - strings are always present, empty when not set.
// Readers name the failing field's path in their message ("events[3].kind: required").
namespace steward {

// --- Writing ---------------------------------------------------------------------------------

[[nodiscard]] QJsonObject toJson(const OrgNode &node);
[[nodiscard]] QJsonObject toJson(const Agent &agent);
[[nodiscard]] QJsonObject toJson(const AgentVersion &version);
[[nodiscard]] QJsonObject toJson(const VersionProposal &proposal);
[[nodiscard]] QJsonObject toJson(const Run &run);
[[nodiscard]] QJsonObject toJson(const ActivityEvent &event);
// The event with "agentPath" and "snippet" (the hit between U+E000 and U+E001).
[[nodiscard]] QJsonObject toJson(const ActivityHit &hit);
[[nodiscard]] QJsonObject toJson(const Approval &approval);
[[nodiscard]] QJsonObject toJson(const AuditEntry &entry);
[[nodiscard]] QJsonObject toJson(const AuditFilter &filter);
[[nodiscard]] QJsonObject toJson(const AuditVerification &verification);
[[nodiscard]] QJsonObject toJson(const Principal &principal);
[[nodiscard]] QJsonObject toJson(const Grant &grant);
[[nodiscard]] QJsonObject toJson(const ApiToken &token);
[[nodiscard]] QJsonObject toJson(const DiffLine &line);
// {identical, added, removed, lines: [DiffLine]}; read back with listFromJson<DiffLine>.
[[nodiscard]] QJsonObject toJson(const TextDiff &diff);
[[nodiscard]] QJsonObject toJson(const BlameLine &line);
// The manifest's own signed shape (BundleManifest::toJson), so that it still verifies.
[[nodiscard]] QJsonObject toJson(const BundleManifest &manifest);
// {"error": {"code": "not_found", "message": "..."}}: every failed request's body.
[[nodiscard]] QJsonObject toJson(const Error &error);
[[nodiscard]] QJsonObject toJson(const NodeCreateRequest &request);
[[nodiscard]] QJsonObject toJson(const NodePatchRequest &request);
[[nodiscard]] QJsonObject toJson(const VersionSaveRequest &request);
[[nodiscard]] QJsonObject toJson(const DecisionRequest &request);
[[nodiscard]] QJsonObject toJson(const ApprovalDecision &decision);
[[nodiscard]] QJsonObject toJson(const EffectivePolicy &policy);
[[nodiscard]] QJsonObject toJson(const ApprovalDetail &detail);
[[nodiscard]] QJsonObject toJson(const ApprovalCounts &counts);
[[nodiscard]] QJsonObject toJson(const NewApproval &proposal);
[[nodiscard]] QJsonObject toJson(const ApprovalDecisionRequest &request);
[[nodiscard]] QJsonObject toJson(const ApprovalPolicyRequest &request);
[[nodiscard]] QJsonObject toJson(const RunRequestEntry &request);
[[nodiscard]] QJsonObject toJson(const RunNowRequest &request);
[[nodiscard]] QJsonObject toJson(const AgentStatusRequest &request);
// An event as an agent reports it: the ingest shape, without the id the store assigns.
[[nodiscard]] QJsonObject toIngestJson(const ActivityEvent &event);
// {"events": [...]}: one ingest request.
[[nodiscard]] QJsonObject toIngestJson(const QList<ActivityEvent> &events);

template<typename T> [[nodiscard]] QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items) {
        array.append(toJson(item));
    }
    return array;
}

// --- Reading what the server wrote -----------------------------------------------------------
// For clients. Unknown keys are ignored, so that a newer server's additions do not break an
// older client; a missing required key or a wrong type is an Invalid error. `path` names the
// value inside its document, for messages ("items[2]"); empty for the whole body.

template<typename T> [[nodiscard]] Result<T> fromJson(const QJsonValue &value, const QString &path = {});
template<> Result<OrgNode> fromJson<OrgNode>(const QJsonValue &value, const QString &path);
template<> Result<Agent> fromJson<Agent>(const QJsonValue &value, const QString &path);
template<> Result<AgentVersion> fromJson<AgentVersion>(const QJsonValue &value, const QString &path);
template<> Result<VersionProposal> fromJson<VersionProposal>(const QJsonValue &value, const QString &path);
template<> Result<Run> fromJson<Run>(const QJsonValue &value, const QString &path);
template<> Result<ActivityEvent> fromJson<ActivityEvent>(const QJsonValue &value, const QString &path);
template<> Result<ActivityHit> fromJson<ActivityHit>(const QJsonValue &value, const QString &path);
template<> Result<Approval> fromJson<Approval>(const QJsonValue &value, const QString &path);
template<> Result<AuditEntry> fromJson<AuditEntry>(const QJsonValue &value, const QString &path);
template<> Result<AuditVerification> fromJson<AuditVerification>(const QJsonValue &value, const QString &path);
template<> Result<Principal> fromJson<Principal>(const QJsonValue &value, const QString &path);
template<> Result<Grant> fromJson<Grant>(const QJsonValue &value, const QString &path);
template<> Result<ApiToken> fromJson<ApiToken>(const QJsonValue &value, const QString &path);
template<> Result<DiffLine> fromJson<DiffLine>(const QJsonValue &value, const QString &path);
template<> Result<BlameLine> fromJson<BlameLine>(const QJsonValue &value, const QString &path);
template<> Result<BundleManifest> fromJson<BundleManifest>(const QJsonValue &value, const QString &path);
template<> Result<ApprovalDecision> fromJson<ApprovalDecision>(const QJsonValue &value, const QString &path);
template<> Result<EffectivePolicy> fromJson<EffectivePolicy>(const QJsonValue &value, const QString &path);
template<> Result<ApprovalDetail> fromJson<ApprovalDetail>(const QJsonValue &value, const QString &path);
template<> Result<ApprovalCounts> fromJson<ApprovalCounts>(const QJsonValue &value, const QString &path);
template<> Result<RunRequestEntry> fromJson<RunRequestEntry>(const QJsonValue &value, const QString &path);

// The items of a JSON array, or why `value` is not one.
[[nodiscard]] Result<QJsonArray> jsonArrayAt(const QJsonValue &value, const QString &path);
// "events[3]": the path of an array's item.
[[nodiscard]] QString jsonItemPath(const QString &arrayPath, qsizetype index);

template<typename T> [[nodiscard]] Result<QList<T>> listFromJson(const QJsonValue &value, const QString &path = {})
{
    const Result<QJsonArray> items = jsonArrayAt(value, path);
    if (!items) {
        return items.error();
    }
    QList<T> list;
    list.reserve(items->size());
    for (qsizetype i = 0; i < items->size(); ++i) {
        Result<T> item = fromJson<T>(items->at(i), jsonItemPath(path, i));
        if (!item) {
            return item.error();
        }
        list.append(std::move(item).value());
    }
    return list;
}

// A page of search hits as GET /api/v1/events answers it: {"items": [hit], "nextCursor": "id"}.
[[nodiscard]] Result<ActivityPage> activityPageFromJson(const QJsonObject &object);

// The Error in a failed request's body. A body that is not an error gives an Invalid error
// saying so; a code this version does not know reads as Invalid, keeping the message.
[[nodiscard]] Error errorFromJson(const QJsonValue &value);

// --- Reading requests ------------------------------------------------------------------------
// For the server. Request bodies are untrusted: unknown keys are refused (they are typos more
// often than features), every string has a length limit (apilimits.h), and numbers must be
// integers in range where the field is an id, a count or a version.

// Checks a raw request body and parses it. Over `maxBytes`: TooLarge (answer 413). Not UTF-8,
// not JSON, or not a JSON object: Invalid. Every request body of the API is an object.
[[nodiscard]] Result<QJsonDocument> parseJsonBody(const QByteArray &body,
                                                  qsizetype maxBytes = ApiLimits::MaxRequestBytes);

// One event in the ingest shape; `serverTime` is the event's time when it gives none, and the
// bound its time may not run ahead of by more than ApiLimits::MaxClockSkewMs.
[[nodiscard]] Result<ActivityEvent> ingestEventFromJson(const QJsonValue &value, const QDateTime &serverTime,
                                                        const QString &path = {});
// {"events": [...]}: 1 to ApiLimits::MaxEventsPerBatch events.
[[nodiscard]] Result<QList<ActivityEvent>> eventBatchFromJson(const QJsonValue &value, const QDateTime &serverTime);
[[nodiscard]] Result<NodeCreateRequest> nodeCreateRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<NodePatchRequest> nodePatchRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<VersionSaveRequest> versionSaveRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<DecisionRequest> decisionRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<RollbackRequest> rollbackRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<PrincipalCreateRequest> principalCreateRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<GrantRequest> grantRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<TokenCreateRequest> tokenCreateRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<AuditFilter> auditFilterFromJson(const QJsonValue &value);
// An agent's proposal; the service checks the payload's format and the action.
[[nodiscard]] Result<NewApproval> newApprovalFromJson(const QJsonValue &value);
[[nodiscard]] Result<ApprovalDecisionRequest> approvalDecisionRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<ApprovalPolicyRequest> approvalPolicyRequestFromJson(const QJsonValue &value);
// {"payload": {...}, "reason": "..."}: the payload is optional, the reason required.
[[nodiscard]] Result<RunNowRequest> runNowRequestFromJson(const QJsonValue &value);
[[nodiscard]] Result<AgentStatusRequest> agentStatusRequestFromJson(const QJsonValue &value);

} // namespace steward
