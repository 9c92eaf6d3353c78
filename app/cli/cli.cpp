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

QString tr(const char *text)
{
    return QCoreApplication::translate("steward::Cli", text);
}

struct Command
{
    QString name;
    QString summary;
    std::function<int(const CommandContext &)> run;
};

QList<Command> commands()
{
    return {
        {QStringLiteral("demo"), tr("Build the demo workspace: a company with agents, history and activity."),
         runDemoCommand},
        {QStringLiteral("tree"), tr("Print the org tree."), runTreeCommand},
        {QStringLiteral("node"), tr("Change the org tree: create, rename, move or archive a node."), runNodeCommand},
        {QStringLiteral("agent"), tr("Show an agent: attributes, head version and recent runs."), runAgentCommand},
    };
}

QString commandList()
{
    QString text = QLatin1Char('\n') + tr("Commands:") + QLatin1Char('\n');
    for (const Command &command : commands()) {
        text += QStringLiteral("  ") + command.name.leftJustified(8) + command.summary + QLatin1Char('\n');
    }
    text += QLatin1Char('\n') + tr("Run 'stewardctl <command> --help' for a command's options.") + QLatin1Char('\n');
    return text;
}

} // namespace

int Cli::run(const QStringList &arguments)
{
    // Library log lines (steward.*) are for debugging; stderr is kept for the one-line failure.
    QLoggingCategory::setFilterRules(QStringLiteral("steward.*.info=false\nsteward.*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Steward's command-line tool, for scripts, CI and auditors."));
    // Everything after the command's name belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    CommandLine::addGlobalOptions(parser);
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("One of the commands below."),
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
        return Console::fail(ExitCode::Usage, tr("Name a command: demo, tree, node or agent. See stewardctl --help."));
    }
    const QString name = positional.first();
    for (const Command &command : commands()) {
        if (command.name == name) {
            return command.run({name, positional.mid(1), parser.value(QStringLiteral("store")),
                                parser.isSet(QStringLiteral("json"))});
        }
    }
    return Console::fail(ExitCode::Usage,
                         tr("Unknown command '%1'. The commands are demo, tree, node and agent.").arg(name));
}

} // namespace steward
