// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsoncodec.h"

#include <QCoreApplication>
#include <QJsonParseError>
#include <QMetaEnum>
#include <QUtf8StringView>

#include <algorithm>
#include <climits>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace steward {
namespace {

// --- Values ----------------------------------------------------------------------------------

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// A reference that may be unset: null rather than 0, so that no client mistakes it for an id.
QJsonValue idJson(qint64 id)
{
    return id != 0 ? QJsonValue(id) : QJsonValue();
}

QString hexJson(const QByteArray &hex)
{
    return QString::fromLatin1(hex);
}

// --- Enums without a toText ------------------------------------------------------------------
// Enums nested in other types; the enums.h ones use toText and parseEnum.

template<typename Enum> using Spellings = QList<std::pair<Enum, QString>>;

const Spellings<VersionProposal::State> &proposalStates()
{
    static const Spellings<VersionProposal::State> table{{VersionProposal::State::Pending, u"pending"_s},
                                                         {VersionProposal::State::Approved, u"approved"_s},
                                                         {VersionProposal::State::Rejected, u"rejected"_s}};
    return table;
}

const Spellings<AuditVerification::Problem> &verificationProblems()
{
    static const Spellings<AuditVerification::Problem> table{{AuditVerification::Problem::None, u"none"_s},
                                                             {AuditVerification::Problem::Missing, u"missing"_s},
                                                             {AuditVerification::Problem::Altered, u"altered"_s},
                                                             {AuditVerification::Problem::Unchained, u"unchained"_s}};
    return table;
}

const Spellings<DiffLine::Kind> &diffLineKinds()
{
    static const Spellings<DiffLine::Kind> table{{DiffLine::Kind::Same, u"same"_s},
                                                 {DiffLine::Kind::Removed, u"removed"_s},
                                                 {DiffLine::Kind::Added, u"added"_s}};
    return table;
}

// The enums.h enums' spellings, in declaration order, for the readers' "must be one of" message.
template<typename Enum> const Spellings<Enum> &spellingsOf()
{
    static const Spellings<Enum> table = [] {
        const QMetaEnum meta = QMetaEnum::fromType<Enum>();
        Spellings<Enum> spellings;
        for (int i = 0; i < meta.keyCount(); ++i) {
            const auto value = static_cast<Enum>(meta.value(i));
            spellings.append({value, toText(value)});
        }
        return spellings;
    }();
    return table;
}

template<typename Enum> QString spelled(const Spellings<Enum> &table, Enum value)
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value) {
            return text;
        }
    }
    return {};
}

// --- Reading ---------------------------------------------------------------------------------

QString fieldPath(const QString &path, QStringView key)
{
    return path.isEmpty() ? key.toString() : path + u'.' + key;
}

// What a message calls a value: its path, or "body" for the whole document.
QString label(const QString &path)
{
    return path.isEmpty() ? u"body"_s : path;
}

Error invalidAt(const QString &path, const QString &problem)
{
    return {Error::Code::Invalid, label(path) + u": "_s + problem};
}

enum class Need { Required, Optional };

// Reads one JSON object's fields, keeping the first problem. The readers below stay a plain
// list of fields this way: each call gives the field's value (or a default once something
// failed), and result() gives the value or that first problem.
class Fields
{
public:
    Fields(const QJsonValue &value, QString path) : m_path(std::move(path))
    {
        if (value.isObject()) {
            m_object = value.toObject();
        } else {
            m_error = invalidAt(m_path, QCoreApplication::translate("steward::JsonCodec", "must be an object"));
        }
    }

    // Present and not null.
    [[nodiscard]] bool has(QStringView key) const
    {
        const auto found = m_object.constFind(key);
        return found != m_object.constEnd() && !found->isNull();
    }

    // Refuses keys outside `known`: request bodies only.
    void allowOnly(std::initializer_list<QStringView> known)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
                fail(it.key(), QCoreApplication::translate("steward::JsonCodec", "unknown field"));
                return;
            }
        }
    }

    // A string. Required ones must not be empty; `maxLength` < 0 means no limit.
    QString text(QStringView key, Need need, qsizetype maxLength = -1)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (!value) {
            return {};
        }
        if (!value->isString()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be a string"));
            return {};
        }
        QString result = value->toString();
        if (need == Need::Required && result.isEmpty()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must not be empty"));
        } else if (maxLength >= 0 && result.size() > maxLength) {
            fail(key,
                 QCoreApplication::translate("steward::JsonCodec", "must be at most %1 characters long (it has %2)")
                     .arg(maxLength)
                     .arg(result.size()));
        } else if (!result.isValidUtf16()) {
            // JSON's \ud800 escapes can spell a lone surrogate, which no UTF-8 column can store.
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be valid Unicode text"));
        } else if (result.contains(QChar(u'\0'))) {
            // PostgreSQL's text columns cannot hold U+0000; refused here on every store alike.
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must not contain the character U+0000"));
        }
        return result;
    }

    // Lower-case hex, as hashes and keys are written.
    QByteArray hex(QStringView key, Need need)
    {
        const QString value = text(key, need);
        const bool isHex = std::all_of(value.cbegin(), value.cend(),
                                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
        if (!isHex) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be lower-case hexadecimal"));
            return {};
        }
        return value.toLatin1();
    }

    // An id: 1 to 2^53 - 1. An optional one that is absent or null gives 0.
    qint64 id(QStringView key, Need need)
    {
        return integer(key, need, 1, ApiLimits::MaxSafeInteger,
                       QCoreApplication::translate("steward::JsonCodec", "must be a positive integer"));
    }

    // A count or a sequence: 0 to 2^53 - 1.
    qint64 count(QStringView key, Need need)
    {
        return integer(key, need, 0, ApiLimits::MaxSafeInteger,
                       QCoreApplication::translate("steward::JsonCodec", "must be a non-negative integer"));
    }

    // A version or line number, or a small count: 0 to INT_MAX.
    int number(QStringView key, Need need)
    {
        return static_cast<int>(
            integer(key, need, 0, INT_MAX,
                    QCoreApplication::translate("steward::JsonCodec", "must be a non-negative integer")));
    }

    // Money and other measures: a finite number >= 0.
    double amount(QStringView key, Need need)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (!value) {
            return 0.0;
        }
        if (!value->isDouble() || !std::isfinite(value->toDouble()) || value->toDouble() < 0.0) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be a non-negative number"));
            return 0.0;
        }
        return value->toDouble();
    }

    bool flag(QStringView key, Need need)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (value && !value->isBool()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be true or false"));
            return false;
        }
        return value && value->toBool();
    }

    // An ISO 8601 time with a zone ("Z" or an offset), in UTC. A time without a zone is refused:
    // the server's local time is not what the writer meant.
    QDateTime time(QStringView key, Need need)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (!value) {
            return {};
        }
        const QDateTime time =
            value->isString() ? QDateTime::fromString(value->toString(), Qt::ISODateWithMs) : QDateTime();
        if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
            fail(key,
                 QCoreApplication::translate("steward::JsonCodec",
                                             "must be an ISO 8601 time with a time zone, such as "
                                             "2026-11-24T13:11:20.123Z"));
            return {};
        }
        return time.toUTC();
    }

    QJsonObject object(QStringView key, Need need)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (value && !value->isObject()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be an object"));
            return {};
        }
        return value ? value->toObject() : QJsonObject();
    }

    QJsonArray array(QStringView key, Need need)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (value && !value->isArray()) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be an array"));
            return {};
        }
        return value ? value->toArray() : QJsonArray();
    }

    template<typename Enum> Enum choice(QStringView key, Need need, Enum fallback, const Spellings<Enum> &table)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (!value) {
            return fallback;
        }
        for (const auto &[candidate, text] : table) {
            if (value->toString() == text) {
                return candidate;
            }
        }
        QStringList names;
        for (const auto &entry : table) {
            names.append(entry.second);
        }
        fail(key, QCoreApplication::translate("steward::JsonCodec", "must be one of: %1").arg(names.join(u", "_s)));
        return fallback;
    }

    template<typename Enum> Enum choice(QStringView key, Need need, Enum fallback)
    {
        return choice(key, need, fallback, spellingsOf<Enum>());
    }

    // Records a problem with one field; only the first problem is kept.
    void fail(QStringView key, const QString &problem)
    {
        if (!m_error) {
            m_error = invalidAt(fieldPath(m_path, key), problem);
        }
    }

    // Records a problem with the object as a whole.
    void failHere(const QString &problem)
    {
        if (!m_error) {
            m_error = invalidAt(m_path, problem);
        }
    }

    [[nodiscard]] bool ok() const { return !m_error; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

    template<typename T> Result<T> result(T value) const
    {
        if (m_error) {
            return *m_error;
        }
        return value;
    }

private:
    // The value to read, or nothing when there is none to read (absent, null, or an earlier
    // problem). A required field that is absent or null is a problem.
    std::optional<QJsonValue> take(QStringView key, Need need)
    {
        if (m_error) {
            return std::nullopt;
        }
        if (!has(key)) {
            if (need == Need::Required) {
                fail(key, QCoreApplication::translate("steward::JsonCodec", "required"));
            }
            return std::nullopt;
        }
        return m_object.value(key);
    }

    // A whole number from `minimum` to `maximum` (at most 2^53 - 1, which a double carries
    // exactly): JSON has only doubles, so 1.5, 1e300 and "1" are refused here.
    qint64 integer(QStringView key, Need need, qint64 minimum, qint64 maximum, const QString &problem)
    {
        const std::optional<QJsonValue> value = take(key, need);
        if (!value) {
            return 0;
        }
        const double number = value->toDouble();
        if (!value->isDouble() || !std::isfinite(number) || std::trunc(number) != number
            || number < static_cast<double>(minimum)) {
            fail(key, problem);
            return 0;
        }
        if (number > static_cast<double>(maximum)) {
            fail(key, QCoreApplication::translate("steward::JsonCodec", "must be at most %1").arg(maximum));
            return 0;
        }
        // toInteger, not the double: Qt keeps an integer literal exact.
        return value->toInteger();
    }

    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

} // namespace

// --- Writing ---------------------------------------------------------------------------------

QJsonObject toJson(const OrgNode &node)
{
    return {{u"id"_s, node.id},
            {u"parentId"_s, idJson(node.parentId)},
            {u"kind"_s, toText(node.kind)},
            {u"name"_s, node.name},
            {u"path"_s, node.path},
            {u"createdAt"_s, timeJson(node.createdAt)},
            {u"archivedAt"_s, timeJson(node.archivedAt)},
            {u"childCount"_s, node.childCount}};
}

QJsonObject toJson(const Agent &agent)
{
    return {{u"nodeId"_s, agent.nodeId},
            {u"owner"_s, agent.owner},
            {u"visibility"_s, toText(agent.visibility)},
            {u"criticality"_s, toText(agent.criticality)},
            {u"status"_s, toText(agent.status)},
            {u"headVersion"_s, agent.headVersion}};
}

QJsonObject toJson(const AgentVersion &version)
{
    return {{u"agentId"_s, version.agentId},
            {u"number"_s, version.number},
            {u"parentNumber"_s, version.parentNumber},
            {u"spec"_s, version.spec},
            {u"author"_s, version.author},
            {u"createdAt"_s, timeJson(version.createdAt)},
            {u"reason"_s, version.reason},
            {u"contentHash"_s, hexJson(version.contentHash)},
            {u"approvedBy"_s, version.approvedBy}};
}

QJsonObject toJson(const VersionProposal &proposal)
{
    return {{u"id"_s, proposal.id},
            {u"agentId"_s, proposal.agentId},
            {u"baseVersion"_s, proposal.baseVersion},
            {u"spec"_s, proposal.spec},
            {u"author"_s, proposal.author},
            {u"createdAt"_s, timeJson(proposal.createdAt)},
            {u"reason"_s, proposal.reason},
            {u"state"_s, spelled(proposalStates(), proposal.state)},
            {u"decidedBy"_s, proposal.decidedBy},
            {u"decidedAt"_s, timeJson(proposal.decidedAt)},
            {u"decisionReason"_s, proposal.decisionReason},
            {u"resultingVersion"_s, proposal.resultingVersion}};
}

QJsonObject toJson(const Run &run)
{
    return {{u"id"_s, run.id},
            {u"agentId"_s, run.agentId},
            {u"version"_s, run.version},
            {u"trigger"_s, toText(run.trigger)},
            {u"triggerDetail"_s, run.triggerDetail},
            {u"startedAt"_s, timeJson(run.startedAt)},
            {u"endedAt"_s, timeJson(run.endedAt)},
            {u"status"_s, toText(run.status)},
            {u"tokensIn"_s, run.tokensIn},
            {u"tokensOut"_s, run.tokensOut},
            {u"cost"_s, run.cost},
            {u"latencyMs"_s, run.latencyMs}};
}

QJsonObject toJson(const ActivityEvent &event)
{
    QJsonObject object = toIngestJson(event);
    object.insert(u"id"_s, event.id);
    return object;
}

QJsonObject toJson(const ActivityHit &hit)
{
    QJsonObject object = toJson(hit.event);
    object.insert(u"agentPath"_s, hit.agentPath);
    object.insert(u"snippet"_s, hit.snippet);
    return object;
}

QJsonObject toJson(const Approval &approval)
{
    return {{u"id"_s, approval.id},
            {u"agentId"_s, approval.agentId},
            {u"runId"_s, idJson(approval.runId)},
            {u"version"_s, approval.version},
            {u"title"_s, approval.title},
            {u"payload"_s, approval.payload},
            {u"payloadFormat"_s, approval.payloadFormat},
            {u"action"_s, approval.action},
            {u"state"_s, toText(approval.state)},
            {u"policy"_s, approval.policy},
            {u"revision"_s, approval.revision},
            {u"createdAt"_s, timeJson(approval.createdAt)},
            {u"expiresAt"_s, timeJson(approval.expiresAt)},
            {u"submittedBy"_s, approval.submittedBy},
            {u"originalPayload"_s, approval.originalPayload},
            {u"approvedPayload"_s, approval.approvedPayload},
            {u"reviewerNodeId"_s, idJson(approval.reviewerNodeId)},
            {u"escalateAt"_s, timeJson(approval.escalateAt)},
            {u"escalatedAt"_s, timeJson(approval.escalatedAt)},
            {u"decidedAt"_s, timeJson(approval.decidedAt)},
            {u"agentPath"_s, approval.agentPath}};
}

QJsonObject toJson(const ApprovalDecision &decision)
{
    return {{u"approvalId"_s, decision.approvalId},
            {u"reviewer"_s, decision.reviewer},
            {u"decidedAt"_s, timeJson(decision.decidedAt)},
            {u"verdict"_s, decision.verdict},
            {u"comment"_s, decision.comment},
            {u"editedPayload"_s, decision.editedPayload},
            {u"revision"_s, decision.revision},
            {u"editDiff"_s, decision.editDiff}};
}

QJsonObject toJson(const EffectivePolicy &policy)
{
    return {{u"policy"_s, policy.policy.toJson()},
            {u"definedAt"_s, idJson(policy.definedAt)},
            {u"definedAtPath"_s, policy.definedAtPath},
            {u"ownPolicy"_s, policy.ownPolicy}};
}

QJsonObject toJson(const ApprovalDetail &detail)
{
    return {{u"approval"_s, toJson(detail.approval)},
            {u"decisions"_s, toJsonArray(detail.decisions)},
            {u"mayDecide"_s, detail.mayDecide}};
}

QJsonObject toJson(const ApprovalCounts &counts)
{
    return {{u"pendingForMe"_s, counts.pendingForMe}, {u"pendingForMyTeams"_s, counts.pendingForMyTeams}};
}

QJsonObject toJson(const NewApproval &proposal)
{
    return {{u"agentId"_s, proposal.agentId}, {u"runId"_s, idJson(proposal.runId)},
            {u"version"_s, proposal.version}, {u"title"_s, proposal.title},
            {u"payload"_s, proposal.payload}, {u"payloadFormat"_s, proposal.payloadFormat},
            {u"action"_s, proposal.action}};
}

QJsonObject toJson(const ApprovalDecisionRequest &request)
{
    QJsonObject object{
        {u"verdict"_s, request.verdict}, {u"revision"_s, request.revision}, {u"reason"_s, request.reason}};
    if (request.verdict == u"edit"_s) {
        object.insert(u"editedPayload"_s, request.editedPayload);
    }
    return object;
}

QJsonObject toJson(const ApprovalPolicyRequest &request)
{
    return {{u"policy"_s, request.policy ? QJsonValue(request.policy->toJson()) : QJsonValue()},
            {u"reason"_s, request.reason}};
}

QJsonObject toJson(const RunRequestEntry &request)
{
    return {{u"id"_s, request.id},
            {u"agentId"_s, request.agentId},
            {u"trigger"_s, toText(request.trigger)},
            {u"triggerDetail"_s, request.triggerDetail},
            {u"payload"_s, request.payload},
            {u"requestedBy"_s, request.requestedBy},
            {u"requestedAt"_s, timeJson(request.requestedAt)},
            {u"notBefore"_s, timeJson(request.notBefore)},
            {u"state"_s, toText(request.state)},
            {u"reason"_s, request.reason},
            {u"claimedBy"_s, request.claimedBy},
            {u"decidedAt"_s, timeJson(request.decidedAt)},
            {u"runId"_s, request.runId == 0 ? QJsonValue() : QJsonValue(request.runId)}};
}

QJsonObject toJson(const RunNowRequest &request)
{
    return {{u"payload"_s, request.payload}, {u"reason"_s, request.reason}};
}

QJsonObject toJson(const AuditEntry &entry)
{
    return {{u"sequence"_s, entry.sequence}, {u"time"_s, timeJson(entry.time)},
            {u"actor"_s, entry.actor},       {u"action"_s, entry.action},
            {u"subject"_s, entry.subject},   {u"details"_s, entry.details},
            {u"reason"_s, entry.reason},     {u"previousHash"_s, hexJson(entry.previousHash)},
            {u"hash"_s, hexJson(entry.hash)}};
}

QJsonObject toJson(const AuditFilter &filter)
{
    return {{u"actor"_s, filter.actor},
            {u"action"_s, filter.action},
            {u"subjectPrefix"_s, filter.subjectPrefix},
            {u"from"_s, timeJson(filter.from)},
            {u"until"_s, timeJson(filter.until)}};
}

QJsonObject toJson(const AuditVerification &verification)
{
    return {{u"intact"_s, verification.intact()},
            {u"problem"_s, spelled(verificationProblems(), verification.problem)},
            {u"entriesChecked"_s, verification.entriesChecked},
            {u"firstBadSequence"_s, verification.firstBadSequence},
            {u"message"_s, verification.message},
            {u"headSequence"_s, verification.headSequence},
            {u"headHash"_s, hexJson(verification.headHash)}};
}

QJsonObject toJson(const Principal &principal)
{
    return {{u"id"_s, principal.id},
            {u"name"_s, principal.name},
            {u"displayName"_s, principal.displayName},
            {u"kind"_s, toText(principal.kind)}};
}

QJsonObject toJson(const Grant &grant)
{
    return {{u"principalId"_s, grant.principalId},
            {u"role"_s, toText(grant.role)},
            {u"nodeId"_s, grant.nodeId},
            {u"nodePath"_s, grant.nodePath}};
}

QJsonObject toJson(const ApiToken &token)
{
    return {{u"id"_s, token.id},
            {u"principalId"_s, token.principalId},
            {u"name"_s, token.name},
            {u"createdAt"_s, timeJson(token.createdAt)},
            {u"revokedAt"_s, timeJson(token.revokedAt)},
            {u"lastUsedAt"_s, timeJson(token.lastUsedAt)}};
}

QJsonObject toJson(const DiffLine &line)
{
    QJsonArray words;
    for (const WordSpan &span : line.changedWords) {
        words.append(QJsonObject{{u"start"_s, span.start}, {u"length"_s, span.length}});
    }
    return {{u"kind"_s, spelled(diffLineKinds(), line.kind)},
            {u"oldNumber"_s, line.oldNumber},
            {u"newNumber"_s, line.newNumber},
            {u"text"_s, line.text},
            {u"changedWords"_s, words}};
}

QJsonObject toJson(const TextDiff &diff)
{
    return {{u"identical"_s, diff.isIdentical()},
            {u"added"_s, diff.addedCount()},
            {u"removed"_s, diff.removedCount()},
            {u"lines"_s, toJsonArray(diff.lines())}};
}

QJsonObject toJson(const BlameLine &line)
{
    return {{u"lineNumber"_s, line.lineNumber}, {u"text"_s, line.text},           {u"version"_s, line.version},
            {u"author"_s, line.author},         {u"time"_s, timeJson(line.time)}, {u"reason"_s, line.reason}};
}

QJsonObject toJson(const BundleManifest &manifest)
{
    return manifest.toJson();
}

QJsonObject toJson(const Error &error)
{
    return {{u"error"_s, QJsonObject{{u"code"_s, error.codeName()}, {u"message"_s, error.message}}}};
}

QJsonObject toJson(const NodeCreateRequest &request)
{
    QJsonObject object{{u"kind"_s, toText(request.kind)},
                       {u"parentId"_s, idJson(request.parentId)},
                       {u"name"_s, request.name},
                       {u"reason"_s, request.reason}};
    if (request.kind == NodeKind::Agent) {
        object.insert(u"owner"_s, request.owner);
        object.insert(u"visibility"_s, toText(request.visibility));
        object.insert(u"criticality"_s, toText(request.criticality));
        object.insert(u"spec"_s, request.spec);
    }
    return object;
}

QJsonObject toJson(const NodePatchRequest &request)
{
    QJsonObject object{{u"reason"_s, request.reason}};
    if (request.name) {
        object.insert(u"name"_s, *request.name);
    }
    if (request.parentId) {
        object.insert(u"parentId"_s, *request.parentId);
    }
    return object;
}

QJsonObject toJson(const VersionSaveRequest &request)
{
    return {{u"baseVersion"_s, request.baseVersion}, {u"spec"_s, request.spec}, {u"reason"_s, request.reason}};
}

QJsonObject toJson(const DecisionRequest &request)
{
    return {{u"reason"_s, request.reason}};
}

QJsonObject toIngestJson(const ActivityEvent &event)
{
    return {{u"clientId"_s, event.clientId},         {u"time"_s, timeJson(event.time)}, {u"agentId"_s, event.agentId},
            {u"version"_s, event.version},           {u"runId"_s, idJson(event.runId)}, {u"spanId"_s, event.spanId},
            {u"parentSpanId"_s, event.parentSpanId}, {u"kind"_s, event.kind},           {u"status"_s, event.status},
            {u"summary"_s, event.summary},           {u"detail"_s, event.detail},       {u"body"_s, event.body},
            {u"tokensIn"_s, event.tokensIn},         {u"tokensOut"_s, event.tokensOut}, {u"cost"_s, event.cost},
            {u"latencyMs"_s, event.latencyMs}};
}

QJsonObject toIngestJson(const QList<ActivityEvent> &events)
{
    QJsonArray array;
    for (const ActivityEvent &event : events) {
        array.append(toIngestJson(event));
    }
    return {{u"events"_s, array}};
}

// --- Reading what the server wrote -----------------------------------------------------------

template<> Result<OrgNode> fromJson<OrgNode>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    OrgNode node;
    node.id = in.id(u"id", Need::Required);
    node.parentId = in.id(u"parentId", Need::Optional);
    node.kind = in.choice(u"kind", Need::Required, NodeKind::Team);
    node.name = in.text(u"name", Need::Required);
    node.path = in.text(u"path", Need::Required);
    node.createdAt = in.time(u"createdAt", Need::Optional);
    node.archivedAt = in.time(u"archivedAt", Need::Optional);
    node.childCount = in.number(u"childCount", Need::Optional);
    return in.result(node);
}

template<> Result<Agent> fromJson<Agent>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    Agent agent;
    agent.nodeId = in.id(u"nodeId", Need::Required);
    agent.owner = in.text(u"owner", Need::Optional);
    agent.visibility = in.choice(u"visibility", Need::Required, Visibility::Team);
    agent.criticality = in.choice(u"criticality", Need::Required, Criticality::Standard);
    agent.status = in.choice(u"status", Need::Required, AgentStatus::Active);
    agent.headVersion = in.number(u"headVersion", Need::Optional);
    return in.result(agent);
}

template<> Result<AgentVersion> fromJson<AgentVersion>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    AgentVersion version;
    version.agentId = in.id(u"agentId", Need::Required);
    version.number = in.number(u"number", Need::Required);
    version.parentNumber = in.number(u"parentNumber", Need::Optional);
    version.spec = in.text(u"spec", Need::Optional);
    version.author = in.text(u"author", Need::Optional);
    version.createdAt = in.time(u"createdAt", Need::Optional);
    version.reason = in.text(u"reason", Need::Optional);
    version.contentHash = in.hex(u"contentHash", Need::Optional);
    version.approvedBy = in.text(u"approvedBy", Need::Optional);
    return in.result(version);
}

template<> Result<VersionProposal> fromJson<VersionProposal>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    VersionProposal proposal;
    proposal.id = in.id(u"id", Need::Required);
    proposal.agentId = in.id(u"agentId", Need::Required);
    proposal.baseVersion = in.number(u"baseVersion", Need::Required);
    proposal.spec = in.text(u"spec", Need::Optional);
    proposal.author = in.text(u"author", Need::Optional);
    proposal.createdAt = in.time(u"createdAt", Need::Optional);
    proposal.reason = in.text(u"reason", Need::Optional);
    proposal.state = in.choice(u"state", Need::Required, VersionProposal::State::Pending, proposalStates());
    proposal.decidedBy = in.text(u"decidedBy", Need::Optional);
    proposal.decidedAt = in.time(u"decidedAt", Need::Optional);
    proposal.decisionReason = in.text(u"decisionReason", Need::Optional);
    proposal.resultingVersion = in.number(u"resultingVersion", Need::Optional);
    return in.result(proposal);
}

template<> Result<Run> fromJson<Run>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    Run run;
    run.id = in.id(u"id", Need::Required);
    run.agentId = in.id(u"agentId", Need::Required);
    run.version = in.number(u"version", Need::Optional);
    run.trigger = in.choice(u"trigger", Need::Required, RunTrigger::Schedule);
    run.triggerDetail = in.text(u"triggerDetail", Need::Optional);
    run.startedAt = in.time(u"startedAt", Need::Optional);
    run.endedAt = in.time(u"endedAt", Need::Optional);
    run.status = in.choice(u"status", Need::Required, RunStatus::Running);
    run.tokensIn = in.count(u"tokensIn", Need::Optional);
    run.tokensOut = in.count(u"tokensOut", Need::Optional);
    run.cost = in.amount(u"cost", Need::Optional);
    run.latencyMs = in.count(u"latencyMs", Need::Optional);
    return in.result(run);
}

template<> Result<ActivityEvent> fromJson<ActivityEvent>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    ActivityEvent event;
    event.id = in.id(u"id", Need::Required);
    event.clientId = in.text(u"clientId", Need::Optional);
    event.time = in.time(u"time", Need::Optional);
    event.agentId = in.id(u"agentId", Need::Required);
    event.version = in.number(u"version", Need::Optional);
    event.runId = in.id(u"runId", Need::Optional);
    event.spanId = in.text(u"spanId", Need::Optional);
    event.parentSpanId = in.text(u"parentSpanId", Need::Optional);
    event.kind = in.text(u"kind", Need::Required);
    event.status = in.text(u"status", Need::Optional);
    event.summary = in.text(u"summary", Need::Optional);
    event.detail = in.text(u"detail", Need::Optional);
    event.body = in.object(u"body", Need::Optional);
    event.tokensIn = in.count(u"tokensIn", Need::Optional);
    event.tokensOut = in.count(u"tokensOut", Need::Optional);
    event.cost = in.amount(u"cost", Need::Optional);
    event.latencyMs = in.count(u"latencyMs", Need::Optional);
    return in.result(event);
}

template<> Result<ActivityHit> fromJson<ActivityHit>(const QJsonValue &value, const QString &path)
{
    Result<ActivityEvent> event = fromJson<ActivityEvent>(value, path);
    if (!event) {
        return event.error();
    }
    Fields in(value, path);
    ActivityHit hit;
    hit.event = std::move(event).value();
    hit.agentPath = in.text(u"agentPath", Need::Optional);
    hit.snippet = in.text(u"snippet", Need::Optional);
    return in.result(hit);
}

Result<ActivityPage> activityPageFromJson(const QJsonObject &object)
{
    Result<QList<ActivityHit>> hits = listFromJson<ActivityHit>(object.value(u"items"_s), u"items"_s);
    if (!hits) {
        return hits.error();
    }
    ActivityPage page;
    page.hits = std::move(hits).value();
    const QString cursor = object.value(u"nextCursor"_s).toString();
    if (!cursor.isEmpty()) {
        bool ok = false;
        page.nextBefore = cursor.toLongLong(&ok);
        if (!ok || page.nextBefore <= 0) {
            return Error{Error::Code::Invalid,
                         QCoreApplication::translate("steward::JsonCodec", "nextCursor: \"%1\" is not an event id.")
                             .arg(cursor.left(40))};
        }
    }
    return page;
}

template<> Result<Approval> fromJson<Approval>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    Approval approval;
    approval.id = in.id(u"id", Need::Required);
    approval.agentId = in.id(u"agentId", Need::Required);
    approval.runId = in.id(u"runId", Need::Optional);
    approval.version = in.number(u"version", Need::Optional);
    approval.title = in.text(u"title", Need::Optional);
    approval.payload = in.text(u"payload", Need::Optional);
    approval.payloadFormat = in.text(u"payloadFormat", Need::Optional);
    approval.action = in.object(u"action", Need::Optional);
    approval.state = in.choice(u"state", Need::Required, ApprovalState::Pending);
    approval.policy = in.object(u"policy", Need::Optional);
    approval.revision = in.number(u"revision", Need::Optional);
    approval.createdAt = in.time(u"createdAt", Need::Optional);
    approval.expiresAt = in.time(u"expiresAt", Need::Optional);
    approval.submittedBy = in.text(u"submittedBy", Need::Optional);
    approval.originalPayload = in.text(u"originalPayload", Need::Optional);
    approval.approvedPayload = in.text(u"approvedPayload", Need::Optional);
    approval.reviewerNodeId = in.id(u"reviewerNodeId", Need::Optional);
    approval.escalateAt = in.time(u"escalateAt", Need::Optional);
    approval.escalatedAt = in.time(u"escalatedAt", Need::Optional);
    approval.decidedAt = in.time(u"decidedAt", Need::Optional);
    approval.agentPath = in.text(u"agentPath", Need::Optional);
    return in.result(approval);
}

template<> Result<ApprovalDecision> fromJson<ApprovalDecision>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    ApprovalDecision decision;
    decision.approvalId = in.id(u"approvalId", Need::Required);
    decision.reviewer = in.text(u"reviewer", Need::Required);
    decision.decidedAt = in.time(u"decidedAt", Need::Optional);
    decision.verdict = in.text(u"verdict", Need::Required);
    decision.comment = in.text(u"comment", Need::Optional);
    decision.editedPayload = in.text(u"editedPayload", Need::Optional);
    decision.revision = in.number(u"revision", Need::Optional);
    decision.editDiff = in.text(u"editDiff", Need::Optional);
    return in.result(decision);
}

template<> Result<EffectivePolicy> fromJson<EffectivePolicy>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    EffectivePolicy effective;
    const QJsonObject policy = in.object(u"policy", Need::Required);
    effective.definedAt = in.id(u"definedAt", Need::Optional);
    effective.definedAtPath = in.text(u"definedAtPath", Need::Optional);
    effective.ownPolicy = in.flag(u"ownPolicy", Need::Optional);
    const Result<EffectivePolicy> read = in.result(effective);
    if (!read) {
        return read;
    }
    const Result<ApprovalPolicy> parsed = ApprovalPolicy::fromJson(policy);
    if (!parsed) {
        return invalidAt(fieldPath(path, u"policy"), parsed.error().message);
    }
    effective.policy = parsed.value();
    return effective;
}

template<> Result<ApprovalDetail> fromJson<ApprovalDetail>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    const QJsonObject approval = in.object(u"approval", Need::Required);
    const QJsonArray decisions = in.array(u"decisions", Need::Optional);
    ApprovalDetail detail;
    detail.mayDecide = in.flag(u"mayDecide", Need::Optional);
    const Result<ApprovalDetail> read = in.result(detail);
    if (!read) {
        return read;
    }
    Result<Approval> parsed = fromJson<Approval>(approval, fieldPath(path, u"approval"));
    if (!parsed) {
        return parsed.error();
    }
    Result<QList<ApprovalDecision>> list = listFromJson<ApprovalDecision>(decisions, fieldPath(path, u"decisions"));
    if (!list) {
        return list.error();
    }
    detail.approval = std::move(parsed).value();
    detail.decisions = std::move(list).value();
    return detail;
}

template<> Result<ApprovalCounts> fromJson<ApprovalCounts>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    ApprovalCounts counts;
    counts.pendingForMe = in.count(u"pendingForMe", Need::Required);
    counts.pendingForMyTeams = in.count(u"pendingForMyTeams", Need::Required);
    return in.result(counts);
}

template<> Result<AuditEntry> fromJson<AuditEntry>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    AuditEntry entry;
    entry.sequence = in.id(u"sequence", Need::Required);
    entry.time = in.time(u"time", Need::Required);
    entry.actor = in.text(u"actor", Need::Optional);
    entry.action = in.text(u"action", Need::Required);
    entry.subject = in.text(u"subject", Need::Optional);
    entry.details = in.object(u"details", Need::Optional);
    entry.reason = in.text(u"reason", Need::Optional);
    entry.previousHash = in.hex(u"previousHash", Need::Optional);
    entry.hash = in.hex(u"hash", Need::Required);
    return in.result(entry);
}

template<> Result<AuditVerification> fromJson<AuditVerification>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    AuditVerification verification;
    verification.problem =
        in.choice(u"problem", Need::Required, AuditVerification::Problem::None, verificationProblems());
    verification.entriesChecked = in.count(u"entriesChecked", Need::Optional);
    verification.firstBadSequence = in.count(u"firstBadSequence", Need::Optional);
    verification.message = in.text(u"message", Need::Optional);
    verification.headSequence = in.count(u"headSequence", Need::Optional);
    verification.headHash = in.hex(u"headHash", Need::Optional);
    return in.result(verification);
}

template<> Result<Principal> fromJson<Principal>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    Principal principal;
    principal.id = in.id(u"id", Need::Required);
    principal.name = in.text(u"name", Need::Required);
    principal.displayName = in.text(u"displayName", Need::Optional);
    principal.kind = in.choice(u"kind", Need::Required, PrincipalKind::User);
    return in.result(principal);
}

template<> Result<Grant> fromJson<Grant>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    Grant grant;
    grant.principalId = in.id(u"principalId", Need::Required);
    grant.role = in.choice(u"role", Need::Required, Role::Reviewer);
    grant.nodeId = in.id(u"nodeId", Need::Required);
    grant.nodePath = in.text(u"nodePath", Need::Optional);
    return in.result(grant);
}

template<> Result<ApiToken> fromJson<ApiToken>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    ApiToken token;
    token.id = in.id(u"id", Need::Required);
    token.principalId = in.id(u"principalId", Need::Required);
    token.name = in.text(u"name", Need::Required);
    token.createdAt = in.time(u"createdAt", Need::Optional);
    token.revokedAt = in.time(u"revokedAt", Need::Optional);
    token.lastUsedAt = in.time(u"lastUsedAt", Need::Optional);
    return in.result(token);
}

template<> Result<DiffLine> fromJson<DiffLine>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    DiffLine line;
    line.kind = in.choice(u"kind", Need::Required, DiffLine::Kind::Same, diffLineKinds());
    line.oldNumber = in.number(u"oldNumber", Need::Optional);
    line.newNumber = in.number(u"newNumber", Need::Optional);
    line.text = in.text(u"text", Need::Optional);
    const QJsonArray words = in.array(u"changedWords", Need::Optional);
    const QString wordsPath = fieldPath(path, u"changedWords");
    for (qsizetype i = 0; i < words.size() && in.ok(); ++i) {
        Fields word(words.at(i), jsonItemPath(wordsPath, i));
        const WordSpan span{word.count(u"start", Need::Required), word.count(u"length", Need::Required)};
        const Result<WordSpan> checked = word.result(span);
        if (!checked) {
            return checked.error();
        }
        line.changedWords.append(checked.value());
    }
    return in.result(line);
}

template<> Result<BlameLine> fromJson<BlameLine>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    BlameLine line;
    line.lineNumber = in.number(u"lineNumber", Need::Required);
    line.text = in.text(u"text", Need::Optional);
    line.version = in.number(u"version", Need::Required);
    line.author = in.text(u"author", Need::Optional);
    line.time = in.time(u"time", Need::Optional);
    line.reason = in.text(u"reason", Need::Optional);
    return in.result(line);
}

template<> Result<BundleManifest> fromJson<BundleManifest>(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        return invalidAt(path, QCoreApplication::translate("steward::JsonCodec", "must be an object"));
    }
    // The manifest's own reader, so that the checks on a signed manifest live in one place.
    Result<BundleManifest> manifest =
        BundleManifest::fromJson(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (!manifest) {
        return invalidAt(path, manifest.error().message);
    }
    return manifest;
}

Result<QJsonArray> jsonArrayAt(const QJsonValue &value, const QString &path)
{
    if (!value.isArray()) {
        return invalidAt(path, QCoreApplication::translate("steward::JsonCodec", "must be an array"));
    }
    return value.toArray();
}

QString jsonItemPath(const QString &arrayPath, qsizetype index)
{
    return u"%1[%2]"_s.arg(arrayPath).arg(index);
}

Error errorFromJson(const QJsonValue &value)
{
    Fields outer(value, {});
    Fields in(outer.object(u"error", Need::Required), u"error"_s);
    const QString code = in.text(u"code", Need::Required);
    const QString message = in.text(u"message", Need::Optional);
    const std::optional<Error> &problem = outer.ok() ? in.error() : outer.error();
    if (problem) {
        return {Error::Code::Invalid,
                QCoreApplication::translate("steward::JsonCodec", "The answer is not a Steward error (%1).")
                    .arg(problem->message)};
    }
    return {Error::codeFromName(code).value_or(Error::Code::Invalid), message};
}

// --- Reading requests ------------------------------------------------------------------------

Result<QJsonDocument> parseJsonBody(const QByteArray &body, qsizetype maxBytes)
{
    if (body.size() > maxBytes) {
        return Error{
            Error::Code::TooLarge,
            QCoreApplication::translate("steward::JsonCodec", "The request body has %1 bytes; the limit is %2 bytes.")
                .arg(body.size())
                .arg(maxBytes)};
    }
    // Checked before parsing, so that the answer names the problem (a bad byte outside a string
    // would read as a JSON syntax error) without depending on how the parser treats bad bytes.
    if (!QUtf8StringView(body).isValidUtf8()) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::JsonCodec", "The request body is not valid UTF-8.")};
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::JsonCodec", "The request body is not valid JSON: %1 at byte %2.")
                .arg(parseError.errorString())
                .arg(parseError.offset)};
    }
    if (!document.isObject()) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::JsonCodec", "The request body must be a JSON object.")};
    }
    return document;
}

Result<ActivityEvent> ingestEventFromJson(const QJsonValue &value, const QDateTime &serverTime, const QString &path)
{
    Fields in(value, path);
    in.allowOnly({u"clientId", u"time", u"agentId", u"version", u"runId", u"spanId", u"parentSpanId", u"kind",
                  u"status", u"summary", u"detail", u"body", u"tokensIn", u"tokensOut", u"cost", u"latencyMs"});
    ActivityEvent event;
    event.clientId = in.text(u"clientId", Need::Required, ApiLimits::MaxIdentifierLength);
    event.kind = in.text(u"kind", Need::Required, ApiLimits::MaxIdentifierLength);
    event.agentId = in.id(u"agentId", Need::Required);
    event.time = in.has(u"time") ? in.time(u"time", Need::Required) : serverTime.toUTC();
    if (in.ok() && event.time > serverTime.addMSecs(ApiLimits::MaxClockSkewMs)) {
        in.fail(u"time",
                QCoreApplication::translate("steward::JsonCodec", "is more than %1 hours ahead of the server's clock")
                    .arg(ApiLimits::MaxClockSkewMs / (60 * 60 * 1000)));
    }
    event.version = in.number(u"version", Need::Optional);
    event.runId = in.id(u"runId", Need::Optional);
    event.spanId = in.text(u"spanId", Need::Optional, ApiLimits::MaxIdentifierLength);
    event.parentSpanId = in.text(u"parentSpanId", Need::Optional, ApiLimits::MaxIdentifierLength);
    event.status = in.text(u"status", Need::Optional, ApiLimits::MaxIdentifierLength);
    if (event.status.isEmpty()) {
        event.status = event.kind == QLatin1String(EventKinds::Error) ? u"error"_s : u"ok"_s;
    } else if (event.status != u"ok"_s && event.status != u"error"_s) {
        in.fail(u"status", QCoreApplication::translate("steward::JsonCodec", "must be one of: ok, error"));
    }
    event.summary = in.text(u"summary", Need::Optional, ApiLimits::MaxSummaryLength);
    event.detail = in.text(u"detail", Need::Optional, ApiLimits::MaxDetailLength);
    event.body = in.object(u"body", Need::Optional);
    event.tokensIn = in.count(u"tokensIn", Need::Optional);
    event.tokensOut = in.count(u"tokensOut", Need::Optional);
    event.cost = in.amount(u"cost", Need::Optional);
    event.latencyMs = in.count(u"latencyMs", Need::Optional);
    return in.result(event);
}

Result<QList<ActivityEvent>> eventBatchFromJson(const QJsonValue &value, const QDateTime &serverTime)
{
    Fields in(value, {});
    in.allowOnly({u"events"});
    const QJsonArray items = in.array(u"events", Need::Required);
    if (in.ok() && items.isEmpty()) {
        in.fail(u"events", QCoreApplication::translate("steward::JsonCodec", "must hold at least one event"));
    }
    if (in.ok() && items.size() > ApiLimits::MaxEventsPerBatch) {
        in.fail(u"events",
                QCoreApplication::translate("steward::JsonCodec", "must hold at most %1 events (it has %2)")
                    .arg(ApiLimits::MaxEventsPerBatch)
                    .arg(items.size()));
    }
    if (!in.ok()) {
        return in.result(QList<ActivityEvent>());
    }
    QList<ActivityEvent> events;
    events.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        Result<ActivityEvent> event = ingestEventFromJson(items.at(i), serverTime, jsonItemPath(u"events"_s, i));
        if (!event) {
            return event.error();
        }
        events.append(std::move(event).value());
    }
    return events;
}

Result<NodeCreateRequest> nodeCreateRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"kind", u"parentId", u"name", u"reason", u"owner", u"visibility", u"criticality", u"spec"});
    NodeCreateRequest request;
    request.kind = in.choice(u"kind", Need::Required, NodeKind::Team);
    request.name = in.text(u"name", Need::Required, ApiLimits::MaxNameLength);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    if (request.kind == NodeKind::Company) {
        if (in.has(u"parentId")) {
            in.fail(u"parentId", QCoreApplication::translate("steward::JsonCodec", "a company has no parent"));
        }
    } else {
        request.parentId = in.id(u"parentId", Need::Required);
    }
    if (request.kind == NodeKind::Agent) {
        request.owner = in.text(u"owner", Need::Required, ApiLimits::MaxNameLength);
        request.visibility = in.choice(u"visibility", Need::Optional, Visibility::Team);
        request.criticality = in.choice(u"criticality", Need::Optional, Criticality::Standard);
        request.spec = in.text(u"spec", Need::Required, ApiLimits::MaxSpecLength);
    } else {
        for (const QStringView key : {u"owner", u"visibility", u"criticality", u"spec"}) {
            if (in.has(key)) {
                in.fail(key, QCoreApplication::translate("steward::JsonCodec", "only agents have this field"));
            }
        }
    }
    return in.result(request);
}

Result<NodePatchRequest> nodePatchRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"name", u"parentId", u"reason"});
    NodePatchRequest request;
    if (in.has(u"name")) {
        request.name = in.text(u"name", Need::Required, ApiLimits::MaxNameLength);
    }
    if (in.has(u"parentId")) {
        request.parentId = in.id(u"parentId", Need::Required);
    }
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    if (!request.name && !request.parentId) {
        in.failHere(
            QCoreApplication::translate("steward::JsonCodec", "nothing to change: give name, parentId or both"));
    }
    return in.result(request);
}

Result<VersionSaveRequest> versionSaveRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"baseVersion", u"spec", u"reason"});
    VersionSaveRequest request;
    request.baseVersion = in.number(u"baseVersion", Need::Required);
    request.spec = in.text(u"spec", Need::Required, ApiLimits::MaxSpecLength);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

Result<DecisionRequest> decisionRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"reason"});
    DecisionRequest request;
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

Result<RollbackRequest> rollbackRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"toVersion", u"baseVersion", u"reason"});
    RollbackRequest request;
    request.toVersion = in.number(u"toVersion", Need::Required);
    request.baseVersion = in.number(u"baseVersion", Need::Required);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

Result<PrincipalCreateRequest> principalCreateRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"name", u"displayName", u"kind", u"reason"});
    PrincipalCreateRequest request;
    request.name = in.text(u"name", Need::Required, ApiLimits::MaxNameLength);
    request.displayName = in.text(u"displayName", Need::Optional, ApiLimits::MaxNameLength);
    request.kind = in.choice(u"kind", Need::Required, PrincipalKind::User);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

Result<GrantRequest> grantRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"role", u"path", u"reason"});
    GrantRequest request;
    request.role = in.choice(u"role", Need::Required, Role::Reviewer);
    request.path = in.text(u"path", Need::Required, ApiLimits::MaxPathLength);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

Result<TokenCreateRequest> tokenCreateRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"tokenName", u"reason"});
    TokenCreateRequest request;
    request.tokenName = in.text(u"tokenName", Need::Required, ApiLimits::MaxNameLength);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

Result<AuditFilter> auditFilterFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"actor", u"action", u"subjectPrefix", u"from", u"until"});
    AuditFilter filter;
    filter.actor = in.text(u"actor", Need::Optional, ApiLimits::MaxNameLength);
    filter.action = in.text(u"action", Need::Optional, ApiLimits::MaxIdentifierLength);
    filter.subjectPrefix = in.text(u"subjectPrefix", Need::Optional, ApiLimits::MaxPathLength);
    filter.from = in.time(u"from", Need::Optional);
    filter.until = in.time(u"until", Need::Optional);
    return in.result(filter);
}

Result<NewApproval> newApprovalFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"agentId", u"runId", u"version", u"title", u"payload", u"payloadFormat", u"action"});
    NewApproval proposal;
    proposal.agentId = in.id(u"agentId", Need::Required);
    proposal.runId = in.id(u"runId", Need::Optional);
    proposal.version = in.number(u"version", Need::Optional);
    proposal.title = in.text(u"title", Need::Required, ApiLimits::MaxTitleLength);
    proposal.payload = in.text(u"payload", Need::Required, ApiLimits::MaxPayloadLength);
    proposal.payloadFormat = in.text(u"payloadFormat", Need::Required, ApiLimits::MaxIdentifierLength);
    proposal.action = in.object(u"action", Need::Optional);
    return in.result(proposal);
}

Result<ApprovalDecisionRequest> approvalDecisionRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"verdict", u"revision", u"reason", u"editedPayload"});
    ApprovalDecisionRequest request;
    request.verdict = in.text(u"verdict", Need::Required, ApiLimits::MaxIdentifierLength);
    request.revision = in.number(u"revision", Need::Required);
    request.reason = in.text(u"reason", Need::Optional, ApiLimits::MaxReasonLength);
    request.editedPayload = in.text(u"editedPayload", Need::Optional, ApiLimits::MaxPayloadLength);
    return in.result(request);
}

Result<ApprovalPolicyRequest> approvalPolicyRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"policy", u"reason"});
    ApprovalPolicyRequest request;
    const bool hasPolicy = in.has(u"policy");
    const QJsonObject policy = in.object(u"policy", Need::Optional);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    const Result<ApprovalPolicyRequest> read = in.result(request);
    if (!read || !hasPolicy) {
        return read;
    }
    const Result<ApprovalPolicy> parsed = ApprovalPolicy::fromJson(policy);
    if (!parsed) {
        return invalidAt(u"policy"_s, parsed.error().message);
    }
    request.policy = parsed.value();
    return request;
}

template<> Result<RunRequestEntry> fromJson<RunRequestEntry>(const QJsonValue &value, const QString &path)
{
    Fields in(value, path);
    RunRequestEntry request;
    request.id = in.id(u"id", Need::Required);
    request.agentId = in.id(u"agentId", Need::Required);
    request.trigger = in.choice(u"trigger", Need::Required, RunTrigger::Manual);
    request.triggerDetail = in.text(u"triggerDetail", Need::Optional);
    request.payload = in.object(u"payload", Need::Optional);
    request.requestedBy = in.text(u"requestedBy", Need::Optional);
    request.requestedAt = in.time(u"requestedAt", Need::Optional);
    request.notBefore = in.time(u"notBefore", Need::Optional);
    request.state = in.choice(u"state", Need::Required, RunRequestState::Pending);
    request.reason = in.text(u"reason", Need::Optional);
    request.claimedBy = in.text(u"claimedBy", Need::Optional);
    request.decidedAt = in.time(u"decidedAt", Need::Optional);
    request.runId = in.id(u"runId", Need::Optional);
    return in.result(request);
}

Result<RunNowRequest> runNowRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"payload", u"reason"});
    RunNowRequest request;
    request.payload = in.object(u"payload", Need::Optional);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

QJsonObject toJson(const AgentStatusRequest &request)
{
    return {{u"status"_s, toText(request.status)}, {u"reason"_s, request.reason}};
}

Result<AgentStatusRequest> agentStatusRequestFromJson(const QJsonValue &value)
{
    Fields in(value, {});
    in.allowOnly({u"status", u"reason"});
    AgentStatusRequest request;
    request.status = in.choice(u"status", Need::Required, AgentStatus::Active);
    request.reason = in.text(u"reason", Need::Required, ApiLimits::MaxReasonLength);
    return in.result(request);
}

} // namespace steward
