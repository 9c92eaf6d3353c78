// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <optional>

// The closed vocabularies of the domain. Each enum has one stable lower-case spelling, used in
// the store, the API and the command line; the conversions below are the only place it lives.
namespace steward {
Q_NAMESPACE

enum class NodeKind { Company, Department, Team, Agent };
enum class Visibility { Public, Team, Private };
enum class Criticality { Critical, Standard, Experimental };
enum class AgentStatus { Active, Paused, Retired };
enum class RunTrigger { Schedule, Event, Manual };
enum class RunStatus { Running, Succeeded, Failed, Interrupted };
enum class ApprovalState { Pending, Approved, Rejected, Expired, Executed, Failed };
enum class PrincipalKind { User, Agent };
enum class Role { Admin, Editor, Reviewer, Auditor, Agent };
// What a row of the change stream refers to (see streamitem.h).
enum class StreamItemType { Event, Run, Node, Agent, Proposal, Approval, Audit };
// The width of one point of a reliability series (see reliability.h).
enum class TimeBucket { Hour, Day, Week };
// What reliability is measured by: a column of the ranking, a series of the charts.
enum class ReliabilityMeasure {
    Runs,
    FailedRuns,
    ErrorRate,
    Errors,
    Decisions,
    ApprovalRate,
    RejectionRate,
    EditRate,
    LatencyP50,
    LatencyP95,
    TokensIn,
    TokensOut,
    Cost,
    Events
};
// Where a request to run an agent stands (see runrequest.h).
enum class RunRequestState { Pending, Started, Skipped, Refused };
Q_ENUM_NS(NodeKind)
Q_ENUM_NS(Visibility)
Q_ENUM_NS(Criticality)
Q_ENUM_NS(AgentStatus)
Q_ENUM_NS(RunTrigger)
Q_ENUM_NS(RunStatus)
Q_ENUM_NS(ApprovalState)
Q_ENUM_NS(PrincipalKind)
Q_ENUM_NS(Role)
Q_ENUM_NS(StreamItemType)
Q_ENUM_NS(TimeBucket)
Q_ENUM_NS(ReliabilityMeasure)
Q_ENUM_NS(RunRequestState)

[[nodiscard]] QString toText(NodeKind value);
[[nodiscard]] QString toText(Visibility value);
[[nodiscard]] QString toText(Criticality value);
[[nodiscard]] QString toText(AgentStatus value);
[[nodiscard]] QString toText(RunTrigger value);
[[nodiscard]] QString toText(RunStatus value);
[[nodiscard]] QString toText(ApprovalState value);
[[nodiscard]] QString toText(PrincipalKind value);
[[nodiscard]] QString toText(Role value);
[[nodiscard]] QString toText(StreamItemType value);
[[nodiscard]] QString toText(TimeBucket value);
[[nodiscard]] QString toText(ReliabilityMeasure value);
[[nodiscard]] QString toText(RunRequestState value);

// toText gives the stable spelling (not named toString so that QTest finds its own printers).
// Parsing returns nothing for an unknown spelling; callers turn that into an error message.
template<typename Enum> [[nodiscard]] std::optional<Enum> parseEnum(const QString &text);
template<> std::optional<NodeKind> parseEnum<NodeKind>(const QString &text);
template<> std::optional<Visibility> parseEnum<Visibility>(const QString &text);
template<> std::optional<Criticality> parseEnum<Criticality>(const QString &text);
template<> std::optional<AgentStatus> parseEnum<AgentStatus>(const QString &text);
template<> std::optional<RunTrigger> parseEnum<RunTrigger>(const QString &text);
template<> std::optional<RunStatus> parseEnum<RunStatus>(const QString &text);
template<> std::optional<ApprovalState> parseEnum<ApprovalState>(const QString &text);
template<> std::optional<PrincipalKind> parseEnum<PrincipalKind>(const QString &text);
template<> std::optional<Role> parseEnum<Role>(const QString &text);
template<> std::optional<StreamItemType> parseEnum<StreamItemType>(const QString &text);
template<> std::optional<TimeBucket> parseEnum<TimeBucket>(const QString &text);
template<> std::optional<ReliabilityMeasure> parseEnum<ReliabilityMeasure>(const QString &text);
template<> std::optional<RunRequestState> parseEnum<RunRequestState>(const QString &text);

// The human-facing, translated names, for the desktop app and the CLI's tables.
[[nodiscard]] QString displayName(NodeKind value);
[[nodiscard]] QString displayName(Visibility value);
[[nodiscard]] QString displayName(Criticality value);
[[nodiscard]] QString displayName(AgentStatus value);
[[nodiscard]] QString displayName(RunStatus value);
[[nodiscard]] QString displayName(RunTrigger value);
[[nodiscard]] QString displayName(TimeBucket value);
[[nodiscard]] QString displayName(ReliabilityMeasure value);
[[nodiscard]] QString displayName(RunRequestState value);

} // namespace steward
