// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl node create|rename|move|archive: the admin's tree edits. Each goes through a
// Workspace, as in the desktop app (a file's services, or a server's), needs a reason and lands
// in the audit log.
#include "commands.h"
#include "treepaths.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace steward {
namespace {

const QString kindOption = QStringLiteral("kind");

struct Argument
{
    QString name;
    QString description;
};

struct NodeSubcommand
{
    QString name;
    QString usage;
    QString description;
    QList<Argument> arguments;
};

const QList<NodeSubcommand> &subcommands()
{
    static const QList<NodeSubcommand> list{
        {QStringLiteral("create"),
         QStringLiteral("PATH --kind company|department|team --reason TEXT"),
         QCoreApplication::translate("steward::NodeCommand", "Creates a department or a team at PATH."),
         {{QStringLiteral("PATH"),
           QCoreApplication::translate("steward::NodeCommand",
                                       "The new node's path, e.g. /acme/sales/partnerships.")}}},
        {QStringLiteral("rename"),
         QStringLiteral("PATH NEWNAME --reason TEXT"),
         QCoreApplication::translate("steward::NodeCommand", "Renames the node at PATH."),
         {{QStringLiteral("PATH"), QCoreApplication::translate("steward::NodeCommand", "The node to rename.")},
          {QStringLiteral("NEWNAME"), QCoreApplication::translate("steward::NodeCommand", "Its new name.")}}},
        {QStringLiteral("move"),
         QStringLiteral("PATH NEWPARENTPATH --reason TEXT"),
         QCoreApplication::translate("steward::NodeCommand", "Moves the node at PATH below another node."),
         {{QStringLiteral("PATH"), QCoreApplication::translate("steward::NodeCommand", "The node to move.")},
          {QStringLiteral("NEWPARENTPATH"),
           QCoreApplication::translate("steward::NodeCommand", "Where it goes, e.g. /acme/sales/inbound.")}}},
        {QStringLiteral("archive"),
         QStringLiteral("PATH --reason TEXT"),
         QCoreApplication::translate("steward::NodeCommand", "Archives the node at PATH and everything below it."),
         {{QStringLiteral("PATH"), QCoreApplication::translate("steward::NodeCommand", "The node to archive.")}}},
    };
    return list;
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
                     QCoreApplication::translate(
                         "steward::NodeCommand",
                         "Give the full path of the new node below the company, e.g. /acme/sales/new-team, not '%1'.")
                         .arg(path)};
    }
    return std::pair{path.left(slash), path.mid(slash + 1)};
}

int runSubcommand(const NodeSubcommand &subcommand, const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(subcommand.description);
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    for (const Argument &argument : subcommand.arguments) {
        parser.addPositionalArgument(argument.name, argument.description);
    }
    if (subcommand.name == QLatin1String("create")) {
        parser.addOption({kindOption,
                          QCoreApplication::translate("steward::NodeCommand", "company, department or team."),
                          QCoreApplication::translate("steward::NodeCommand", "kind")});
    }
    if (const std::optional<int> done = CommandLine::parse(parser, context)) {
        return *done;
    }
    const QString usage = QStringLiteral("stewardctl --store FILE|--server URL node ") + subcommand.name
        + QLatin1Char(' ') + subcommand.usage;
    if (const std::optional<int> wrong = CommandLine::checkPositionalCount(parser, subcommand.arguments.size(),
                                                                           subcommand.arguments.size(), usage)) {
        return *wrong;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    std::optional<NodeKind> kind;
    if (subcommand.name == QLatin1String("create")) {
        if (!parser.isSet(kindOption)) {
            return Console::fail(
                ExitCode::Usage,
                QCoreApplication::translate("steward::NodeCommand",
                                            "Say what to create with --kind company, department or team."));
        }
        kind = parseEnum<NodeKind>(parser.value(kindOption));
        if (!kind) {
            return Console::fail(ExitCode::Refused,
                                 QCoreApplication::translate("steward::NodeCommand",
                                                             "--kind takes company, department or team, not '%1'.")
                                     .arg(parser.value(kindOption)));
        }
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> opened = CommandLine::openWorkspace(parser, context, exitCode);
    if (!opened) {
        return exitCode;
    }
    Workspace &workspace = *opened;
    const QString reason = CommandLine::reason(parser);
    const QStringList arguments = parser.positionalArguments();
    const bool json = CommandLine::json(parser, context);

    if (subcommand.name == QLatin1String("create") && kind == NodeKind::Company) {
        // The root of a new workspace: "/acme". Refused once the workspace has a company.
        const QString path = arguments.first();
        if (!path.startsWith(QLatin1Char('/')) || path.count(QLatin1Char('/')) != 1) {
            return Console::fail(ExitCode::Refused,
                                 QCoreApplication::translate("steward::NodeCommand",
                                                             "A company sits at the top: give its path as /name, "
                                                             "not '%1'.")
                                     .arg(path));
        }
        const Result<OrgNode> created = workspace.createCompany(path.mid(1), reason);
        if (!created) {
            return Console::fail(created.error());
        }
        printNode(QCoreApplication::translate("steward::NodeCommand", "Created %1"), created.value(), json);
        return static_cast<int>(ExitCode::Success);
    }
    if (subcommand.name == QLatin1String("create")) {
        const Result<std::pair<QString, QString>> parts = splitPath(arguments.first());
        if (!parts) {
            return Console::fail(parts.error());
        }
        const Result<OrgNode> parent = TreePaths::nodeAt(workspace, parts->first);
        if (!parent) {
            return Console::fail(parent.error());
        }
        const Result<OrgNode> created = workspace.createGroup(parent->id, *kind, parts->second, reason);
        if (!created) {
            return Console::fail(created.error());
        }
        printNode(QCoreApplication::translate("steward::NodeCommand", "Created %1"), created.value(), json);
        return static_cast<int>(ExitCode::Success);
    }

    const Result<OrgNode> node = TreePaths::nodeAt(workspace, arguments.first());
    if (!node) {
        return Console::fail(node.error());
    }
    const auto change = [&]() -> Result<OrgNode> {
        if (subcommand.name == QLatin1String("rename")) {
            return workspace.rename(node->id, arguments.at(1), reason);
        }
        if (subcommand.name == QLatin1String("move")) {
            const Result<OrgNode> newParent = TreePaths::nodeAt(workspace, arguments.at(1));
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
    const QString verb = subcommand.name == QLatin1String("rename")
        ? QCoreApplication::translate("steward::NodeCommand", "Renamed to %1")
        : subcommand.name == QLatin1String("move") ? QCoreApplication::translate("steward::NodeCommand", "Moved to %1")
                                                   : QCoreApplication::translate("steward::NodeCommand", "Archived %1");
    printNode(verb, changed.value(), json);
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runNodeCommand(const CommandContext &context)
{
    QList<Subcommand> list;
    for (const NodeSubcommand &subcommand : subcommands()) {
        list.append({subcommand.name, subcommand.usage,
                     [&subcommand](const CommandContext &given) { return runSubcommand(subcommand, given); }});
    }
    return CommandLine::runGroup(
        context,
        QCoreApplication::translate("steward::NodeCommand",
                                    "Changes the org tree. Every change needs --reason and is recorded in the "
                                    "audit log with its actor."),
        list);
}

} // namespace steward
