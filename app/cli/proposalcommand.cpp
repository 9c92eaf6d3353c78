// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl proposal list|approve|reject: the second person's side of a change to a critical
// agent, through a Workspace (a file or a server). The approver (--actor, or on a server the
// token's owner) must not be the proposal's author.
#include "agentservices.h"
#include "commands.h"
#include "treepaths.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <limits>

namespace steward {
namespace {

int runList(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::ProposalCommand",
                                    "Lists the pending proposals, oldest first: of the agent at PATH, or of "
                                    "every agent."));
    CommandLine::addGlobalOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("path"), QCoreApplication::translate("steward::ProposalCommand", "Only this agent's proposals."),
        QStringLiteral("[PATH]"));
    if (const std::optional<int> done =
            CommandLine::parse(parser, context, 0, 1,
                               QStringLiteral("stewardctl --store FILE|--server URL proposal list [PATH] [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    NodeId agentId = NoNode;
    if (!parser.positionalArguments().isEmpty()) {
        const Result<OrgNode> agent = TreePaths::agentAt(*workspace, parser.positionalArguments().first());
        if (!agent) {
            return Console::fail(agent.error());
        }
        agentId = agent->id;
    }
    const Result<QList<VersionProposal>> pending = workspace->pendingProposals(agentId);
    if (!pending) {
        return Console::fail(pending.error());
    }
    QHash<NodeId, QString> paths;
    for (const VersionProposal &proposal : pending.value()) {
        if (!paths.contains(proposal.agentId)) {
            const Result<OrgNode> node = workspace->node(proposal.agentId);
            if (!node) {
                return Console::fail(node.error());
            }
            paths.insert(proposal.agentId, node->path);
        }
    }
    if (CommandLine::json(parser, context)) {
        QJsonArray array;
        for (const VersionProposal &proposal : pending.value()) {
            array.append(AgentServices::toJson(proposal, paths.value(proposal.agentId)));
        }
        Console::printJson(QJsonDocument(array));
    } else if (pending->isEmpty()) {
        Console::print(QCoreApplication::translate("steward::ProposalCommand", "No pending proposals."));
    } else {
        Console::print(AgentServices::table(pending.value(), paths));
    }
    return static_cast<int>(ExitCode::Success);
}

// approve and reject differ only in what they call and print.
int runDecision(const CommandContext &context, bool approve)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        approve ? QCoreApplication::translate("steward::ProposalCommand",
                                              "Approves proposal ID: the change becomes the agent's new head "
                                              "version, naming --actor as its approver.")
                : QCoreApplication::translate("steward::ProposalCommand",
                                              "Rejects proposal ID; the agent stays as it is."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    parser.addPositionalArgument(
        QStringLiteral("id"),
        QCoreApplication::translate("steward::ProposalCommand", "The proposal, as 'proposal list' shows it."),
        QStringLiteral("ID"));
    const QString usage = QStringLiteral("stewardctl --store FILE|--server URL proposal ")
        + (approve ? QStringLiteral("approve") : QStringLiteral("reject"))
        + QStringLiteral(" ID --reason TEXT [--actor NAME]");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 1, 1, usage)) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    const Result<qint64> id = CommandLine::number(QStringLiteral("ID"), parser.positionalArguments().first(), 1,
                                                  std::numeric_limits<qint64>::max());
    if (!id) {
        return Console::fail(id.error());
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const bool json = CommandLine::json(parser, context);
    if (approve) {
        const Result<AgentVersion> saved = workspace->approveProposal(id.value(), CommandLine::reason(parser));
        if (!saved) {
            return Console::fail(saved.error());
        }
        const Result<OrgNode> node = workspace->node(saved->agentId);
        const QString path = node ? node->path : QString();
        if (json) {
            Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("proposal"), id.value()},
                                                         {QStringLiteral("state"), QStringLiteral("approved")},
                                                         {QStringLiteral("agent"), path},
                                                         {QStringLiteral("version"), saved->number}}));
        } else {
            Console::print(
                QCoreApplication::translate("steward::ProposalCommand", "approved proposal %1: %2 is now at version %3")
                    .arg(id.value())
                    .arg(path)
                    .arg(saved->number));
        }
        return static_cast<int>(ExitCode::Success);
    }
    const Result<VersionProposal> rejected = workspace->rejectProposal(id.value(), CommandLine::reason(parser));
    if (!rejected) {
        return Console::fail(rejected.error());
    }
    if (json) {
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("proposal"), id.value()},
                                                     {QStringLiteral("state"), QStringLiteral("rejected")}}));
    } else {
        Console::print(QCoreApplication::translate("steward::ProposalCommand", "rejected proposal %1").arg(id.value()));
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runProposalCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context,
        QCoreApplication::translate("steward::ProposalCommand",
                                    "Lists, approves and rejects proposed changes to critical agents."),
        {{QStringLiteral("list"), QStringLiteral("[PATH]"), runList},
         {QStringLiteral("approve"), QStringLiteral("ID --reason TEXT"),
          [](const CommandContext &given) { return runDecision(given, true); }},
         {QStringLiteral("reject"), QStringLiteral("ID --reason TEXT"),
          [](const CommandContext &given) { return runDecision(given, false); }}});
}

} // namespace steward
