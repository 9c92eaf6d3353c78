// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <functional>

namespace steward {
namespace {

struct Command
{
    QString name;
    QString summary;
    std::function<int(const CommandContext &)> run;
};

QList<Command> commands()
{
    return {
        {QStringLiteral("demo"),
         QCoreApplication::translate("steward::Cli",
                                     "Build the demo workspace: a company with agents, history and activity."),
         runDemoCommand},
        {QStringLiteral("tree"), QCoreApplication::translate("steward::Cli", "Print the org tree."), runTreeCommand},
        {QStringLiteral("node"),
         QCoreApplication::translate("steward::Cli", "Change the org tree: create, rename, move or archive a node."),
         runNodeCommand},
        {QStringLiteral("agent"),
         QCoreApplication::translate("steward::Cli", "Show, create and change agents; their history, diffs and blame."),
         runAgentCommand},
        {QStringLiteral("proposal"),
         QCoreApplication::translate("steward::Cli", "List, approve or reject proposed changes to critical agents."),
         runProposalCommand},
        {QStringLiteral("audit"),
         QCoreApplication::translate("steward::Cli", "Verify the audit log's hash chain; list its entries."),
         runAuditCommand},
        {QStringLiteral("key"),
         QCoreApplication::translate("steward::Cli", "Create or show the key that signs audit bundles."),
         runKeyCommand},
        {QStringLiteral("export-bundle"),
         QCoreApplication::translate("steward::Cli", "Write a signed audit bundle for auditors."),
         runExportBundleCommand},
        {QStringLiteral("verify-bundle"),
         QCoreApplication::translate("steward::Cli", "Check a signed audit bundle offline."), runVerifyBundleCommand},
        {QStringLiteral("user"),
         QCoreApplication::translate("steward::Cli", "Add people and agent identities; grant and revoke roles."),
         runUserCommand},
        {QStringLiteral("token"), QCoreApplication::translate("steward::Cli", "Create or revoke bearer tokens."),
         runTokenCommand},
        {QStringLiteral("approval"),
         QCoreApplication::translate("steward::Cli", "List, show and decide what agents propose to send or do."),
         runApprovalCommand},
        {QStringLiteral("policy"), QCoreApplication::translate("steward::Cli", "Show or set approval policies."),
         runPolicyCommand},
    };
}

// "demo, tree, node, ... or verify-bundle"
QString commandNames()
{
    QStringList names;
    for (const Command &command : commands()) {
        names.append(command.name);
    }
    return CommandLine::alternatives(names);
}

QString commandList()
{
    QString text = QLatin1Char('\n') + QCoreApplication::translate("steward::Cli", "Commands:") + QLatin1Char('\n');
    for (const Command &command : commands()) {
        text += QStringLiteral("  ") + command.name.leftJustified(15) + command.summary + QLatin1Char('\n');
    }
    text += QLatin1Char('\n')
        + QCoreApplication::translate("steward::Cli", "Run 'stewardctl <command> --help' for a command's options.")
        + QLatin1Char('\n');
    return text;
}

} // namespace

int Cli::run(const QStringList &arguments)
{
    // Library log lines (steward.*) are for debugging; stderr is kept for the one-line failure.
    QLoggingCategory::setFilterRules(QStringLiteral("steward.*.info=false\nsteward.*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::Cli", "Steward's command-line tool, for scripts, CI and auditors."));
    // Everything after the command's name belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    CommandLine::addGlobalOptions(parser);
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("steward::Cli", "One of the commands below."),
                                 QStringLiteral("<command> [<arguments>]"));
    if (!parser.parse(arguments)) {
        return Console::fail(ExitCode::Usage, parser.errorText());
    }
    if (parser.isSet(version)) {
        Console::print(QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion());
        return static_cast<int>(ExitCode::Success);
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help"))) {
        CommandLine::printHelp(parser, {}, commandList());
        return static_cast<int>(ExitCode::Success);
    }
    if (positional.isEmpty()) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate("steward::Cli", "Name a command: %1. See stewardctl --help.")
                                 .arg(commandNames()));
    }
    const QString name = positional.first();
    for (const Command &command : commands()) {
        if (command.name == name) {
            CommandContext context = CommandLine::withGlobals(parser, {});
            context.name = name;
            context.arguments = positional.mid(1);
            return command.run(context);
        }
    }
    return Console::fail(
        ExitCode::Usage,
        QCoreApplication::translate("steward::Cli", "Unknown command '%1'. Use %2.").arg(name, commandNames()));
}

} // namespace steward
