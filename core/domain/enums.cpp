// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enums.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace steward {
namespace {

template<typename Enum, std::size_t N> using Spellings = std::array<std::pair<Enum, const char *>, N>;

constexpr Spellings<NodeKind, 4> nodeKinds{{{NodeKind::Company, "company"},
                                            {NodeKind::Department, "department"},
                                            {NodeKind::Team, "team"},
                                            {NodeKind::Agent, "agent"}}};
constexpr Spellings<Visibility, 3> visibilities{
    {{Visibility::Public, "public"}, {Visibility::Team, "team"}, {Visibility::Private, "private"}}};
constexpr Spellings<Criticality, 3> criticalities{{{Criticality::Critical, "critical"},
                                                   {Criticality::Standard, "standard"},
                                                   {Criticality::Experimental, "experimental"}}};
constexpr Spellings<AgentStatus, 3> agentStatuses{
    {{AgentStatus::Active, "active"}, {AgentStatus::Paused, "paused"}, {AgentStatus::Retired, "retired"}}};
constexpr Spellings<RunTrigger, 3> runTriggers{
    {{RunTrigger::Schedule, "schedule"}, {RunTrigger::Event, "event"}, {RunTrigger::Manual, "manual"}}};
constexpr Spellings<RunStatus, 4> runStatuses{{{RunStatus::Running, "running"},
                                               {RunStatus::Succeeded, "succeeded"},
                                               {RunStatus::Failed, "failed"},
                                               {RunStatus::Interrupted, "interrupted"}}};
constexpr Spellings<ApprovalState, 6> approvalStates{{{ApprovalState::Pending, "pending"},
                                                      {ApprovalState::Approved, "approved"},
                                                      {ApprovalState::Rejected, "rejected"},
                                                      {ApprovalState::Expired, "expired"},
                                                      {ApprovalState::Executed, "executed"},
                                                      {ApprovalState::Failed, "failed"}}};
constexpr Spellings<PrincipalKind, 2> principalKinds{{{PrincipalKind::User, "user"}, {PrincipalKind::Agent, "agent"}}};
constexpr Spellings<Role, 5> roles{{{Role::Admin, "admin"},
                                    {Role::Editor, "editor"},
                                    {Role::Reviewer, "reviewer"},
                                    {Role::Auditor, "auditor"},
                                    {Role::Agent, "agent"}}};
constexpr Spellings<StreamItemType, 7> streamItemTypes{{{StreamItemType::Event, "event"},
                                                        {StreamItemType::Run, "run"},
                                                        {StreamItemType::Node, "node"},
                                                        {StreamItemType::Agent, "agent"},
                                                        {StreamItemType::Proposal, "proposal"},
                                                        {StreamItemType::Approval, "approval"},
                                                        {StreamItemType::Audit, "audit"}}};
constexpr Spellings<TimeBucket, 3> timeBuckets{
    {{TimeBucket::Hour, "hour"}, {TimeBucket::Day, "day"}, {TimeBucket::Week, "week"}}};
constexpr Spellings<ReliabilityMeasure, 14> reliabilityMeasures{{{ReliabilityMeasure::Runs, "runs"},
                                                                 {ReliabilityMeasure::FailedRuns, "failed_runs"},
                                                                 {ReliabilityMeasure::ErrorRate, "error_rate"},
                                                                 {ReliabilityMeasure::Errors, "errors"},
                                                                 {ReliabilityMeasure::Decisions, "decisions"},
                                                                 {ReliabilityMeasure::ApprovalRate, "approval_rate"},
                                                                 {ReliabilityMeasure::RejectionRate, "rejection_rate"},
                                                                 {ReliabilityMeasure::EditRate, "edit_rate"},
                                                                 {ReliabilityMeasure::LatencyP50, "latency_p50"},
                                                                 {ReliabilityMeasure::LatencyP95, "latency_p95"},
                                                                 {ReliabilityMeasure::TokensIn, "tokens_in"},
                                                                 {ReliabilityMeasure::TokensOut, "tokens_out"},
                                                                 {ReliabilityMeasure::Cost, "cost"},
                                                                 {ReliabilityMeasure::Events, "events"}}};
constexpr Spellings<RunRequestState, 4> runRequestStates{{{RunRequestState::Pending, "pending"},
                                                          {RunRequestState::Started, "started"},
                                                          {RunRequestState::Skipped, "skipped"},
                                                          {RunRequestState::Refused, "refused"}}};

template<typename Enum, std::size_t N> QString spell(const Spellings<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value) {
            return QString::fromLatin1(text);
        }
    }
    return {};
}

template<typename Enum, std::size_t N> std::optional<Enum> parse(const Spellings<Enum, N> &table, const QString &text)
{
    for (const auto &[candidate, spelling] : table) {
        if (text == QLatin1String(spelling)) {
            return candidate;
        }
    }
    return std::nullopt;
}

} // namespace

QString toText(NodeKind value)
{
    return spell(nodeKinds, value);
}
QString toText(Visibility value)
{
    return spell(visibilities, value);
}
QString toText(Criticality value)
{
    return spell(criticalities, value);
}
QString toText(AgentStatus value)
{
    return spell(agentStatuses, value);
}
QString toText(RunTrigger value)
{
    return spell(runTriggers, value);
}
QString toText(RunStatus value)
{
    return spell(runStatuses, value);
}
QString toText(ApprovalState value)
{
    return spell(approvalStates, value);
}
QString toText(PrincipalKind value)
{
    return spell(principalKinds, value);
}
QString toText(Role value)
{
    return spell(roles, value);
}
QString toText(StreamItemType value)
{
    return spell(streamItemTypes, value);
}
QString toText(TimeBucket value)
{
    return spell(timeBuckets, value);
}
QString toText(ReliabilityMeasure value)
{
    return spell(reliabilityMeasures, value);
}
QString toText(RunRequestState value)
{
    return spell(runRequestStates, value);
}

template<> std::optional<NodeKind> parseEnum<NodeKind>(const QString &text)
{
    return parse(nodeKinds, text);
}
template<> std::optional<Visibility> parseEnum<Visibility>(const QString &text)
{
    return parse(visibilities, text);
}
template<> std::optional<Criticality> parseEnum<Criticality>(const QString &text)
{
    return parse(criticalities, text);
}
template<> std::optional<AgentStatus> parseEnum<AgentStatus>(const QString &text)
{
    return parse(agentStatuses, text);
}
template<> std::optional<RunTrigger> parseEnum<RunTrigger>(const QString &text)
{
    return parse(runTriggers, text);
}
template<> std::optional<RunStatus> parseEnum<RunStatus>(const QString &text)
{
    return parse(runStatuses, text);
}
template<> std::optional<ApprovalState> parseEnum<ApprovalState>(const QString &text)
{
    return parse(approvalStates, text);
}
template<> std::optional<PrincipalKind> parseEnum<PrincipalKind>(const QString &text)
{
    return parse(principalKinds, text);
}
template<> std::optional<Role> parseEnum<Role>(const QString &text)
{
    return parse(roles, text);
}
template<> std::optional<StreamItemType> parseEnum<StreamItemType>(const QString &text)
{
    return parse(streamItemTypes, text);
}
template<> std::optional<TimeBucket> parseEnum<TimeBucket>(const QString &text)
{
    return parse(timeBuckets, text);
}
template<> std::optional<ReliabilityMeasure> parseEnum<ReliabilityMeasure>(const QString &text)
{
    return parse(reliabilityMeasures, text);
}
template<> std::optional<RunRequestState> parseEnum<RunRequestState>(const QString &text)
{
    return parse(runRequestStates, text);
}

QString displayName(NodeKind value)
{
    switch (value) {
    case NodeKind::Company: return QCoreApplication::translate("steward::Enums", "Company");
    case NodeKind::Department: return QCoreApplication::translate("steward::Enums", "Department");
    case NodeKind::Team: return QCoreApplication::translate("steward::Enums", "Team");
    case NodeKind::Agent: return QCoreApplication::translate("steward::Enums", "Agent");
    }
    return {};
}

QString displayName(Visibility value)
{
    switch (value) {
    case Visibility::Public: return QCoreApplication::translate("steward::Enums", "Public");
    case Visibility::Team: return QCoreApplication::translate("steward::Enums", "Team");
    case Visibility::Private: return QCoreApplication::translate("steward::Enums", "Private");
    }
    return {};
}

QString displayName(Criticality value)
{
    switch (value) {
    case Criticality::Critical: return QCoreApplication::translate("steward::Enums", "Critical");
    case Criticality::Standard: return QCoreApplication::translate("steward::Enums", "Standard");
    case Criticality::Experimental: return QCoreApplication::translate("steward::Enums", "Experimental");
    }
    return {};
}

QString displayName(AgentStatus value)
{
    switch (value) {
    case AgentStatus::Active: return QCoreApplication::translate("steward::Enums", "Active");
    case AgentStatus::Paused: return QCoreApplication::translate("steward::Enums", "Paused");
    case AgentStatus::Retired: return QCoreApplication::translate("steward::Enums", "Retired");
    }
    return {};
}

QString displayName(RunStatus value)
{
    switch (value) {
    case RunStatus::Running: return QCoreApplication::translate("steward::Enums", "Running");
    case RunStatus::Succeeded: return QCoreApplication::translate("steward::Enums", "Succeeded");
    case RunStatus::Failed: return QCoreApplication::translate("steward::Enums", "Failed");
    case RunStatus::Interrupted: return QCoreApplication::translate("steward::Enums", "Interrupted");
    }
    return {};
}

QString displayName(RunTrigger value)
{
    switch (value) {
    case RunTrigger::Schedule: return QCoreApplication::translate("steward::Enums", "Schedule");
    case RunTrigger::Event: return QCoreApplication::translate("steward::Enums", "Event");
    case RunTrigger::Manual: return QCoreApplication::translate("steward::Enums", "Manual");
    }
    return {};
}

QString displayName(TimeBucket value)
{
    switch (value) {
    case TimeBucket::Hour: return QCoreApplication::translate("steward::Enums", "Hour");
    case TimeBucket::Day: return QCoreApplication::translate("steward::Enums", "Day");
    case TimeBucket::Week: return QCoreApplication::translate("steward::Enums", "Week");
    }
    return {};
}

QString displayName(ReliabilityMeasure value)
{
    switch (value) {
    case ReliabilityMeasure::Runs: return QCoreApplication::translate("steward::Enums", "Runs");
    case ReliabilityMeasure::FailedRuns: return QCoreApplication::translate("steward::Enums", "Failed runs");
    case ReliabilityMeasure::ErrorRate: return QCoreApplication::translate("steward::Enums", "Error rate");
    case ReliabilityMeasure::Errors: return QCoreApplication::translate("steward::Enums", "Errors");
    case ReliabilityMeasure::Decisions: return QCoreApplication::translate("steward::Enums", "Decisions");
    case ReliabilityMeasure::ApprovalRate: return QCoreApplication::translate("steward::Enums", "Approval rate");
    case ReliabilityMeasure::RejectionRate: return QCoreApplication::translate("steward::Enums", "Rejection rate");
    case ReliabilityMeasure::EditRate: return QCoreApplication::translate("steward::Enums", "Edit rate");
    case ReliabilityMeasure::LatencyP50: return QCoreApplication::translate("steward::Enums", "Latency p50");
    case ReliabilityMeasure::LatencyP95: return QCoreApplication::translate("steward::Enums", "Latency p95");
    case ReliabilityMeasure::TokensIn: return QCoreApplication::translate("steward::Enums", "Tokens in");
    case ReliabilityMeasure::TokensOut: return QCoreApplication::translate("steward::Enums", "Tokens out");
    case ReliabilityMeasure::Cost: return QCoreApplication::translate("steward::Enums", "Cost");
    case ReliabilityMeasure::Events: return QCoreApplication::translate("steward::Enums", "Events");
    }
    return {};
}

QString displayName(RunRequestState value)
{
    switch (value) {
    case RunRequestState::Pending: return QCoreApplication::translate("steward::Enums", "Pending");
    case RunRequestState::Started: return QCoreApplication::translate("steward::Enums", "Started");
    case RunRequestState::Skipped: return QCoreApplication::translate("steward::Enums", "Skipped");
    case RunRequestState::Refused: return QCoreApplication::translate("steward::Enums", "Refused");
    }
    return {};
}

} // namespace steward
