// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl node create|rename|move|archive: the admin's tree edits. Each goes through the
// same service as the desktop app (LocalWorkspace), needs a reason and lands in the audit log.
#include "commands.h"

#include "service/localworkspace.h"
#include "storage/treerepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace steward {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("steward::NodeCommand", text);
}

const QString reasonOption = QStringLiteral("reason");
const QString actorOption = QStringLiteral("actor");
const QString kindOption = QStringLiteral("kind");

struct Argument
{
    QString name;
    QString description;
};

struct Subcommand
{
    QString name;
    QString usage;
    QString description;
    QList<Argument> arguments;
};

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list{
        {QStringLiteral("create"), QStringLiteral("PATH --kind department|team --reason TEXT"),
         tr("Creates a department or a team at PATH."),
         {{QStringLiteral("PATH"), tr("The new node's path, e.g. /acme/sales/partnerships.")}}},
        {QStringLiteral("rename"), QStringLiteral("PATH NEWNAME --reason TEXT"), tr("Renames the node at PATH."),
         {{QStringLiteral("PATH"), tr("The node to rename.")}, {QStringLiteral("NEWNAME"), tr("Its new name.")}}},
        {QStringLiteral("move"), QStringLiteral("PATH NEWPARENTPATH --reason TEXT"),
         tr("Moves the node at PATH below another node."),
         {{QStringLiteral("PATH"), tr("The node to move.")},
          {QStringLiteral("NEWPARENTPATH"), tr("Where it goes, e.g. /acme/sales/inbound.")}}},
        {QStringLiteral("archive"), QStringLiteral("PATH --reason TEXT"),
         tr("Archives the node at PATH and everything below it."), {{QStringLiteral("PATH"), tr("The node to archive.")}}},
    };
    return list;
}

QString subcommandList()
{
    QString text = QLatin1Char('\n') + tr("Subcommands:") + QLatin1Char('\n');
    for (const Subcommand &subcommand : subcommands()) {
        text += QStringLiteral("  ") + subcommand.name.leftJustified(8) + subcommand.usage + QLatin1Char('\n');
    }
    return text;
}

void printNode(const QString &verb, const OrgNode &node, bool json)
{
    if (json) {
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("id"), node.id},
                                                     {QStringLiteral("name"), node.name},
                                                     {QStringLiteral("path"), node.path},
                                                     {QStringLiteral("kind"), toText(node.kind)},
                                                     {QStringLiteral("archived"), node.isArchived()}}));
        return;
    }
    Console::print(verb.arg(node.path));
}

// The parent's path and the new node's name, from "/acme/sales/new-team".
Result<std::pair<QString, QString>> splitPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0) {
        return Error{Error::Code::Invalid,
                     tr("Give the full path of the new node below the company, e.g. /acme/sales/new-team, not '%1'.")
                         .arg(path)};
    }
    return std::pair{path.left(slash), path.mid(slash + 1)};
}

int runSubcommand(const Subcommand &subcommand, const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(subcommand.description);
    CommandLine::addGlobalOptions(parser);
    parser.addOption({reasonOption, tr("Why: kept in the audit log. Required."), tr("text")});
    parser.addOption({actorOption, tr("Who acts (default: the user running stewardctl)."), tr("name")});
    for (const Argument &argument : subcommand.arguments) {
        parser.addPositionalArgument(argument.name, argument.description);
    }
    if (subcommand.name == QLatin1String("create")) {
        parser.addOption({kindOption, tr("department or team."), tr("kind")});
    }
    if (const std::optional<int> done = CommandLine::parse(parser, context)) {
        return *done;
    }
    const QString usage = QStringLiteral("stewardctl --store FILE node ") + subcommand.name + QLatin1Char(' ') +
                          subcommand.usage;
    if (const std::optional<int> wrong =
            CommandLine::checkPositionalCount(parser, subcommand.arguments.size(), subcommand.arguments.size(), usage)) {
        return *wrong;
    }
    if (!parser.isSet(reasonOption)) {
        return Console::fail(ExitCode::Usage, tr("Give a reason with --reason TEXT; it is kept in the audit log."));
    }
    std::optional<NodeKind> kind;
    if (subcommand.name == QLatin1String("create")) {
        if (!parser.isSet(kindOption)) {
            return Console::fail(ExitCode::Usage, tr("Say what to create with --kind department or --kind team."));
        }
        kind = parseEnum<NodeKind>(parser.value(kindOption));
        if (!kind) {
            return Console::fail(ExitCode::Refused,
                                 tr("--kind takes department or team, not '%1'.").arg(parser.value(kindOption)));
        }
    }
    int exitCode = 0;
    std::unique_ptr<Store> store = CommandLine::openStore(parser, context, exitCode);
    if (!store) {
        return exitCode;
    }
    const QString actor = parser.isSet(actorOption) ? parser.value(actorOption) : LocalWorkspace::defaultActor();
    LocalWorkspace workspace(std::move(store), actor);
    const TreeRepository tree(workspace.store());
    const QString reason = parser.value(reasonOption);
    const QStringList arguments = parser.positionalArguments();
    const bool json = CommandLine::json(parser, context);

    if (subcommand.name == QLatin1String("create")) {
        const Result<std::pair<QString, QString>> parts = splitPath(arguments.first());
        if (!parts) {
            return Console::fail(parts.error());
        }
        const Result<OrgNode> parent = tree.nodeByPath(parts->first);
        if (!parent) {
            return Console::fail(parent.error());
        }
        const Result<OrgNode> created = workspace.createGroup(parent->id, *kind, parts->second, reason);
        if (!created) {
            return Console::fail(created.error());
        }
        printNode(tr("Created %1"), created.value(), json);
        return static_cast<int>(ExitCode::Success);
    }

    const Result<OrgNode> node = tree.nodeByPath(arguments.first());
    if (!node) {
        return Console::fail(node.error());
    }
    const auto change = [&]() -> Result<OrgNode> {
        if (subcommand.name == QLatin1String("rename")) {
            return workspace.rename(node->id, arguments.at(1), reason);
        }
        if (subcommand.name == QLatin1String("move")) {
            const Result<OrgNode> newParent = tree.nodeByPath(arguments.at(1));
            if (!newParent) {
                return newParent.error();
            }
            return workspace.move(node->id, newParent->id, reason);
        }
        return workspace.archive(node->id, reason);
    };
    const Result<OrgNode> changed = change();
    if (!changed) {
        return Console::fail(changed.error());
    }
    const QString verb = subcommand.name == QLatin1String("rename") ? tr("Renamed to %1")
                         : subcommand.name == QLatin1String("move") ? tr("Moved to %1")
                                                                    : tr("Archived %1");
    printNode(verb, changed.value(), json);
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runNodeCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Changes the org tree. Every change needs --reason and is recorded in the "
                                        "audit log with its actor."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    CommandLine::addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("subcommand"), tr("create, rename, move or archive."),
                                 QStringLiteral("<subcommand> [<arguments>]"));
    if (!parser.parse(QStringList{QStringLiteral("stewardctl node")} + context.arguments)) {
        return Console::fail(ExitCode::Usage, parser.errorText());
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help"))) {
        CommandLine::printHelp(parser, context.name, subcommandList());
        return static_cast<int>(ExitCode::Success);
    }
    if (positional.isEmpty()) {
        return Console::fail(ExitCode::Usage, tr("Name what to do: node create, rename, move or archive."));
    }
    for (const Subcommand &subcommand : subcommands()) {
        if (subcommand.name == positional.first()) {
            return runSubcommand(subcommand,
                                 {context.name + QLatin1Char(' ') + subcommand.name, positional.mid(1),
                                  parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : context.store,
                                  context.json || parser.isSet(QStringLiteral("json"))});
        }
    }
    return Console::fail(ExitCode::Usage,
                         tr("Unknown subcommand 'node %1'. Use create, rename, move or archive.").arg(positional.first()));
}

} // namespace steward
