// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl policy show|set: the approval policy in force at a node and where it is set, and
// setting a node's own policy (or removing it with --inherit). Every change needs a reason and
// is audited.
#include "api/jsoncodec.h"
#include "commands.h"
#include "treepaths.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace steward {
namespace {

QString describe(const EffectivePolicy &effective, const QString &path)
{
    const ApprovalPolicy &policy = effective.policy;
    const QString from = effective.definedAt == NoNode
        ? QCoreApplication::translate("steward::PolicyCommand", "the default (no node sets one)")
        : effective.ownPolicy
        ? QCoreApplication::translate("steward::PolicyCommand", "set here")
        : QCoreApplication::translate("steward::PolicyCommand", "inherited from %1").arg(effective.definedAtPath);
    return QCoreApplication::translate("steward::PolicyCommand",
                                       "Approval policy at %1: %2\nQuorum: %3\nOwner of a critical agent excluded: %4\n"
                                       "Expiry: %5\nEscalation to the parent's reviewers: %6")
        .arg(path, from)
        .arg(policy.quorum)
        .arg(policy.excludeOwnerForCritical ? QCoreApplication::translate("steward::PolicyCommand", "yes")
                                            : QCoreApplication::translate("steward::PolicyCommand", "no"))
        .arg(policy.expirySeconds == 0
                 ? QCoreApplication::translate("steward::PolicyCommand", "never")
                 : QCoreApplication::translate("steward::PolicyCommand", "after %1 s, then %2")
                       .arg(policy.expirySeconds)
                       .arg(policy.approveOnExpiry ? QCoreApplication::translate("steward::PolicyCommand", "approve")
                                                   : QCoreApplication::translate("steward::PolicyCommand", "reject")))
        .arg(
            policy.escalateAfterSeconds == 0
                ? QCoreApplication::translate("steward::PolicyCommand", "never")
                : QCoreApplication::translate("steward::PolicyCommand", "after %1 s").arg(policy.escalateAfterSeconds));
}

int printResult(const QCommandLineParser &parser, const CommandContext &context, const EffectivePolicy &effective,
                const QString &path)
{
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(toJson(effective)));
    } else {
        Console::print(describe(effective, path));
    }
    return static_cast<int>(ExitCode::Success);
}

int runShow(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::PolicyCommand", "Shows the approval policy in force at PATH and the node that sets it."));
    CommandLine::addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QCoreApplication::translate("steward::PolicyCommand", "A node or an agent."),
                                 QStringLiteral("PATH"));
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1, QStringLiteral("stewardctl --store FILE|--server URL policy show PATH"))) {
        return *done;
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<OrgNode> node = TreePaths::nodeAt(*workspace, parser.positionalArguments().first());
    if (!node) {
        return Console::fail(node.error());
    }
    const Result<EffectivePolicy> effective = workspace->approvalPolicy(node->id);
    if (!effective) {
        return Console::fail(effective.error());
    }
    return printResult(parser, context, effective.value(), node->path);
}

int runSet(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::PolicyCommand",
        "Sets the approval policy of the node at PATH, for it and everything below it that sets none of its own; "
        "options not given take their defaults. --inherit removes the node's own policy instead."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addActorOption(parser);
    CommandLine::addReasonOption(parser);
    parser.addOptions(
        {{QStringLiteral("quorum"),
          QCoreApplication::translate("steward::PolicyCommand", "Distinct reviewers who must approve (default 1)."),
          QStringLiteral("N")},
         {QStringLiteral("owner-may-approve"),
          QCoreApplication::translate("steward::PolicyCommand",
                                      "Let the owner of a critical agent approve its outputs (refused by default).")},
         {QStringLiteral("expiry"),
          QCoreApplication::translate("steward::PolicyCommand", "Seconds until a pending approval expires (0: never)."),
          QStringLiteral("SECONDS")},
         {QStringLiteral("approve-on-expiry"),
          QCoreApplication::translate("steward::PolicyCommand", "Expiry approves instead of rejecting.")},
         {QStringLiteral("escalate-after"),
          QCoreApplication::translate("steward::PolicyCommand",
                                      "Seconds until the parent node's reviewers may decide too (0: never)."),
          QStringLiteral("SECONDS")},
         {QStringLiteral("inherit"),
          QCoreApplication::translate("steward::PolicyCommand", "Remove the node's own policy.")}});
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QCoreApplication::translate("steward::PolicyCommand", "A node or an agent."),
                                 QStringLiteral("PATH"));
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral("stewardctl --store FILE|--server URL policy set PATH [--quorum N] [--owner-may-approve] "
                           "[--expiry SECONDS] [--approve-on-expiry] [--escalate-after SECONDS] | --inherit "
                           "--reason TEXT"))) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    std::optional<ApprovalPolicy> policy;
    if (!parser.isSet(QStringLiteral("inherit"))) {
        constexpr qint64 maxSeconds = 10LL * 366 * 24 * 3600;
        const Result<qint64> quorum = CommandLine::optionNumber(parser, QStringLiteral("quorum"), 1, 100, 1);
        const Result<qint64> expiry = CommandLine::optionNumber(parser, QStringLiteral("expiry"), 0, maxSeconds, 0);
        const Result<qint64> escalate =
            CommandLine::optionNumber(parser, QStringLiteral("escalate-after"), 0, maxSeconds, 0);
        for (const Result<qint64> *number : {&quorum, &expiry, &escalate}) {
            if (!*number) {
                return Console::fail(number->error());
            }
        }
        policy = ApprovalPolicy{static_cast<int>(quorum.value()), !parser.isSet(QStringLiteral("owner-may-approve")),
                                expiry.value(), parser.isSet(QStringLiteral("approve-on-expiry")), escalate.value()};
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<OrgNode> node = TreePaths::nodeAt(*workspace, parser.positionalArguments().first());
    if (!node) {
        return Console::fail(node.error());
    }
    const Result<EffectivePolicy> effective =
        workspace->setApprovalPolicy(node->id, policy, CommandLine::reason(parser));
    if (!effective) {
        return Console::fail(effective.error());
    }
    return printResult(parser, context, effective.value(), node->path);
}

} // namespace

int runPolicyCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context, QCoreApplication::translate("steward::PolicyCommand", "Show or set approval policies."),
        {{QStringLiteral("show"), QStringLiteral("PATH"), runShow},
         {QStringLiteral("set"), QStringLiteral("PATH [--quorum N] ... | --inherit --reason TEXT"), runSet}});
}

} // namespace steward
