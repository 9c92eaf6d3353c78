// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl approval list|show|approve|reject|edit: the approval inbox from a shell, through a
// Workspace (a file or a server). The reviewer is --actor on a file and the token's owner on a
// server. A decision names the revision the reviewer saw: --revision, or the current one when
// not given (read just before deciding).
#include "api/jsoncodec.h"
#include "commands.h"
#include "tableprinter.h"
#include "timetext.h"
#include "treepaths.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <limits>

namespace steward {
namespace {

constexpr qint64 maxId = std::numeric_limits<qint64>::max();

QString approvalsTable(const QList<Approval> &approvals)
{
    TablePrinter table({QCoreApplication::translate("steward::ApprovalCommand", "ID"),
                        QCoreApplication::translate("steward::ApprovalCommand", "STATE"),
                        QCoreApplication::translate("steward::ApprovalCommand", "AGENT"),
                        QCoreApplication::translate("steward::ApprovalCommand", "SUBMITTED"),
                        QCoreApplication::translate("steward::ApprovalCommand", "EXPIRES"),
                        QCoreApplication::translate("steward::ApprovalCommand", "TITLE")});
    for (const Approval &approval : approvals) {
        table.addRow({QString::number(approval.id), toText(approval.state), approval.agentPath,
                      TimeText::iso(approval.createdAt), TimeText::iso(approval.expiresAt), approval.title});
    }
    return table.toString();
}

Result<ApprovalId> idArgument(const QCommandLineParser &parser)
{
    return CommandLine::number(QStringLiteral("ID"), parser.positionalArguments().first(), 1, maxId);
}

int runList(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::ApprovalCommand", "Lists approvals, newest first, with the pending version proposals on top."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addActorOption(parser);
    parser.addOptions(
        {{QStringLiteral("state"),
          QCoreApplication::translate("steward::ApprovalCommand",
                                      "Only this state: pending, approved, rejected, expired, executed, failed."),
          QStringLiteral("STATE")},
         {QStringLiteral("agent"), QCoreApplication::translate("steward::ApprovalCommand", "Only this agent's."),
          QStringLiteral("PATH")},
         {QStringLiteral("node"),
          QCoreApplication::translate("steward::ApprovalCommand", "Only agents at or below this node."),
          QStringLiteral("PATH")},
         {QStringLiteral("mine"),
          QCoreApplication::translate("steward::ApprovalCommand", "Only those the actor may decide now.")},
         {QStringLiteral("before"),
          QCoreApplication::translate("steward::ApprovalCommand", "Only ids below this (the next page)."),
          QStringLiteral("ID")},
         {QStringLiteral("limit"), QCoreApplication::translate("steward::ApprovalCommand", "At most N (default 100)."),
          QStringLiteral("N")}});
    if (const std::optional<int> done =
            CommandLine::parse(parser, context, 0, 0,
                               QStringLiteral("stewardctl --store FILE|--server URL approval list [--state STATE] "
                                              "[--agent PATH] [--node PATH] [--mine] [--before ID] [--limit N]"))) {
        return *done;
    }
    ApprovalFilter filter;
    if (parser.isSet(QStringLiteral("state"))) {
        filter.state = parseEnum<ApprovalState>(parser.value(QStringLiteral("state")));
        if (!filter.state) {
            return Console::fail(Error{
                Error::Code::Invalid,
                QCoreApplication::translate("steward::ApprovalCommand", "--state: \"%1\" is not an approval state.")
                    .arg(parser.value(QStringLiteral("state")))});
        }
    }
    const Result<qint64> before = CommandLine::optionNumber(parser, QStringLiteral("before"), 1, maxId, 0);
    const Result<qint64> limit = CommandLine::optionNumber(parser, QStringLiteral("limit"), 1, 500, 100);
    if (!before) {
        return Console::fail(before.error());
    }
    if (!limit) {
        return Console::fail(limit.error());
    }
    filter.beforeId = before.value();
    filter.limit = static_cast<int>(limit.value());
    filter.mine = parser.isSet(QStringLiteral("mine"));
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    if (parser.isSet(QStringLiteral("agent"))) {
        const Result<OrgNode> agent = TreePaths::agentAt(*workspace, parser.value(QStringLiteral("agent")));
        if (!agent) {
            return Console::fail(agent.error());
        }
        filter.agentId = agent->id;
    }
    if (parser.isSet(QStringLiteral("node"))) {
        const Result<OrgNode> node = TreePaths::nodeAt(*workspace, parser.value(QStringLiteral("node")));
        if (!node) {
            return Console::fail(node.error());
        }
        filter.subtreeId = node->id;
    }
    const Result<ApprovalPage> page = workspace->approvals(filter);
    if (!page) {
        return Console::fail(page.error());
    }
    if (CommandLine::json(parser, context)) {
        QJsonObject object{{QStringLiteral("items"), toJsonArray(page->items)},
                           {QStringLiteral("proposals"), toJsonArray(page->proposals)}};
        if (page->nextBeforeId != 0) {
            object.insert(QStringLiteral("nextBefore"), page->nextBeforeId);
        }
        Console::printJson(QJsonDocument(object));
        return static_cast<int>(ExitCode::Success);
    }
    if (!page->proposals.isEmpty()) {
        // A plain variable: with the cast inside translate() lupdate missed the message.
        const int proposalCount = static_cast<int>(page->proposals.size());
        Console::print(QCoreApplication::translate("steward::ApprovalCommand",
                                                   "%n proposed change(s) to critical agents: see 'proposal list'.",
                                                   nullptr, proposalCount));
    }
    if (page->items.isEmpty()) {
        Console::print(QCoreApplication::translate("steward::ApprovalCommand", "No approvals."));
    } else {
        Console::print(approvalsTable(page->items));
    }
    if (page->nextBeforeId != 0) {
        Console::print(
            QCoreApplication::translate("steward::ApprovalCommand", "More: --before %1").arg(page->nextBeforeId));
    }
    return static_cast<int>(ExitCode::Success);
}

int runShow(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::ApprovalCommand", "Shows approval ID: its payload, action, policy and decisions."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addActorOption(parser);
    parser.addPositionalArgument(QStringLiteral("id"),
                                 QCoreApplication::translate("steward::ApprovalCommand", "The approval."),
                                 QStringLiteral("ID"));
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1, QStringLiteral("stewardctl --store FILE|--server URL approval show ID"))) {
        return *done;
    }
    const Result<ApprovalId> id = idArgument(parser);
    if (!id) {
        return Console::fail(id.error());
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<ApprovalDetail> detail = workspace->approval(id.value());
    if (!detail) {
        return Console::fail(detail.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(toJson(detail.value())));
        return static_cast<int>(ExitCode::Success);
    }
    const Approval &approval = detail->approval;
    QString text = QCoreApplication::translate("steward::ApprovalCommand",
                                               "Approval %1: %2\nAgent: %3 (version %4)\nState: %5, revision %6\n"
                                               "Submitted: %7 by %8\nExpires: %9\nAction: %10\n")
                       .arg(approval.id)
                       .arg(approval.title, approval.agentPath)
                       .arg(approval.version)
                       .arg(toText(approval.state))
                       .arg(approval.revision)
                       .arg(TimeText::iso(approval.createdAt), approval.submittedBy, TimeText::iso(approval.expiresAt),
                            QString::fromUtf8(QJsonDocument(approval.action).toJson(QJsonDocument::Compact)));
    text += QCoreApplication::translate("steward::ApprovalCommand", "Payload (%1):").arg(approval.payloadFormat)
        + QLatin1Char('\n') + approval.payload + QLatin1Char('\n');
    for (const ApprovalDecision &decision : detail->decisions) {
        text += QCoreApplication::translate("steward::ApprovalCommand", "%1 %2 %3 on revision %4: %5")
                    .arg(TimeText::iso(decision.decidedAt), decision.reviewer, decision.verdict)
                    .arg(decision.revision)
                    .arg(decision.comment)
            + QLatin1Char('\n');
        if (!decision.editDiff.isEmpty()) {
            text += decision.editDiff;
        }
    }
    if (detail->mayDecide) {
        text += QCoreApplication::translate("steward::ApprovalCommand", "You may decide it.") + QLatin1Char('\n');
    }
    Console::print(text.trimmed());
    return static_cast<int>(ExitCode::Success);
}

// approve, reject and edit share everything but the verdict and the edited payload.
int runDecision(const CommandContext &context, const QString &verdict)
{
    QCommandLineParser parser;
    const bool edit = verdict == QLatin1String("edit");
    parser.setApplicationDescription(
        edit ? QCoreApplication::translate("steward::ApprovalCommand",
                                           "Approves approval ID with the payload in FILE instead of the proposed one; "
                                           "the original and the diff are kept.")
            : verdict == QLatin1String("approve")
            ? QCoreApplication::translate("steward::ApprovalCommand",
                                          "Approves approval ID (it executes once the quorum has approved).")
            : QCoreApplication::translate("steward::ApprovalCommand", "Rejects approval ID; it never executes."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addActorOption(parser);
    CommandLine::addReasonOption(parser);
    parser.addOption({QStringLiteral("revision"),
                      QCoreApplication::translate("steward::ApprovalCommand",
                                                  "The revision you reviewed (from 'approval show'); refused when it "
                                                  "has changed since. The current one when not given."),
                      QStringLiteral("N")});
    if (edit) {
        parser.addOption({QStringLiteral("payload-file"),
                          QCoreApplication::translate("steward::ApprovalCommand", "The edited payload."),
                          QStringLiteral("FILE")});
    }
    parser.addPositionalArgument(QStringLiteral("id"),
                                 QCoreApplication::translate("steward::ApprovalCommand", "The approval."),
                                 QStringLiteral("ID"));
    const QString usage = QStringLiteral("stewardctl --store FILE|--server URL approval ") + verdict
        + (edit                                     ? QStringLiteral(" ID --payload-file FILE --reason TEXT")
               : verdict == QLatin1String("reject") ? QStringLiteral(" ID --reason TEXT")
                                                    : QStringLiteral(" ID [--reason TEXT]"))
        + QStringLiteral(" [--revision N]");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 1, 1, usage)) {
        return *done;
    }
    if (verdict != QLatin1String("approve")) {
        if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
            return *missing;
        }
    }
    const Result<ApprovalId> id = idArgument(parser);
    if (!id) {
        return Console::fail(id.error());
    }
    ApprovalDecisionRequest decision;
    decision.verdict = verdict;
    decision.reason = parser.isSet(QStringLiteral("reason")) ? CommandLine::reason(parser) : QString();
    if (edit) {
        QFile file(parser.value(QStringLiteral("payload-file")));
        if (!parser.isSet(QStringLiteral("payload-file")) || !file.open(QIODevice::ReadOnly)) {
            return Console::fail(
                Error{Error::Code::Invalid,
                      QCoreApplication::translate("steward::ApprovalCommand", "--payload-file: cannot read \"%1\".")
                          .arg(parser.value(QStringLiteral("payload-file")))});
        }
        decision.editedPayload = QString::fromUtf8(file.readAll());
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    if (parser.isSet(QStringLiteral("revision"))) {
        const Result<qint64> revision =
            CommandLine::optionNumber(parser, QStringLiteral("revision"), 1, std::numeric_limits<int>::max(), 1);
        if (!revision) {
            return Console::fail(revision.error());
        }
        decision.revision = static_cast<int>(revision.value());
    } else {
        const Result<ApprovalDetail> current = workspace->approval(id.value());
        if (!current) {
            return Console::fail(current.error());
        }
        decision.revision = current->approval.revision;
    }
    const Result<Approval> decided = workspace->decideApproval(id.value(), decision);
    if (!decided) {
        return Console::fail(decided.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(toJson(decided.value())));
    } else {
        Console::print(QCoreApplication::translate("steward::ApprovalCommand", "approval %1 is now %2 (revision %3)")
                           .arg(id.value())
                           .arg(toText(decided->state))
                           .arg(decided->revision));
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runApprovalCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context,
        QCoreApplication::translate("steward::ApprovalCommand",
                                    "Lists, shows and decides what agents propose to send or do."),
        {{QStringLiteral("list"), QStringLiteral("[--state STATE] [--agent PATH] [--node PATH] [--mine]"), runList},
         {QStringLiteral("show"), QStringLiteral("ID"), runShow},
         {QStringLiteral("approve"), QStringLiteral("ID [--reason TEXT]"),
          [](const CommandContext &given) { return runDecision(given, QStringLiteral("approve")); }},
         {QStringLiteral("reject"), QStringLiteral("ID --reason TEXT"),
          [](const CommandContext &given) { return runDecision(given, QStringLiteral("reject")); }},
         {QStringLiteral("edit"), QStringLiteral("ID --payload-file FILE --reason TEXT"),
          [](const CommandContext &given) { return runDecision(given, QStringLiteral("edit")); }}});
}

} // namespace steward
