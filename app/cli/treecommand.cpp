// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl tree: the org tree below a path, as an indented table or as nested JSON.
#include "commands.h"
#include "tableprinter.h"
#include "treepaths.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace steward {
namespace {

// One node with its agent attributes (for agents) and its live children, read once and then
// printed either way.
struct TreeItem
{
    OrgNode node;
    std::optional<Agent> agent;
    QList<TreeItem> children;
};

Result<TreeItem> load(const Workspace &workspace, const OrgNode &node)
{
    TreeItem item{node, std::nullopt, {}};
    if (node.kind == NodeKind::Agent) {
        Result<Agent> agent = workspace.agent(node.id);
        if (!agent) {
            return agent.error();
        }
        item.agent = agent.value();
        return item;
    }
    const Result<QList<OrgNode>> children = workspace.children(node.id);
    if (!children) {
        return children.error();
    }
    for (const OrgNode &child : children.value()) {
        Result<TreeItem> loaded = load(workspace, child);
        if (!loaded) {
            return loaded;
        }
        item.children.append(std::move(loaded).value());
    }
    return item;
}

QJsonObject toJson(const TreeItem &item)
{
    QJsonObject object{{QStringLiteral("id"), item.node.id},
                       {QStringLiteral("name"), item.node.name},
                       {QStringLiteral("path"), item.node.path},
                       {QStringLiteral("kind"), toText(item.node.kind)}};
    if (item.agent) {
        object.insert(QStringLiteral("owner"), item.agent->owner);
        object.insert(QStringLiteral("visibility"), toText(item.agent->visibility));
        object.insert(QStringLiteral("criticality"), toText(item.agent->criticality));
        object.insert(QStringLiteral("status"), toText(item.agent->status));
        object.insert(QStringLiteral("headVersion"), item.agent->headVersion);
        return object;
    }
    QJsonArray children;
    for (const TreeItem &child : item.children) {
        children.append(toJson(child));
    }
    object.insert(QStringLiteral("children"), children);
    return object;
}

void addRows(TablePrinter &table, const TreeItem &item, int depth)
{
    QStringList row{QString(depth * 2, QLatin1Char(' ')) + item.node.name, displayName(item.node.kind)};
    if (item.agent) {
        row << item.agent->owner << displayName(item.agent->visibility) << displayName(item.agent->criticality)
            << QString::number(item.agent->headVersion);
    }
    table.addRow(row);
    for (const TreeItem &child : item.children) {
        addRows(table, child, depth + 1);
    }
}

} // namespace

int runTreeCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::TreeCommand",
                                    "Prints the org tree below PATH (the whole tree without it): each node "
                                    "with its kind, and for agents their owner, visibility, criticality and "
                                    "head version."));
    CommandLine::addGlobalOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate("steward::TreeCommand", "Where to start, e.g. /acme/sales."),
        QStringLiteral("[PATH]"));
    if (const std::optional<int> done = CommandLine::parse(parser, context)) {
        return *done;
    }
    if (const std::optional<int> wrong = CommandLine::checkPositionalCount(
            parser, 0, 1, QStringLiteral("stewardctl --store FILE|--server URL tree [--json] [PATH]"))) {
        return *wrong;
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    const Result<OrgNode> top =
        positional.isEmpty() ? workspace->root() : TreePaths::nodeAt(*workspace, positional.first());
    if (!top) {
        return Console::fail(top.error());
    }
    const Result<TreeItem> loaded = load(*workspace, top.value());
    if (!loaded) {
        return Console::fail(loaded.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(toJson(loaded.value())));
        return static_cast<int>(ExitCode::Success);
    }
    TablePrinter table({QCoreApplication::translate("steward::TreeCommand", "NAME"),
                        QCoreApplication::translate("steward::TreeCommand", "KIND"),
                        QCoreApplication::translate("steward::TreeCommand", "OWNER"),
                        QCoreApplication::translate("steward::TreeCommand", "VISIBILITY"),
                        QCoreApplication::translate("steward::TreeCommand", "CRITICALITY"),
                        QCoreApplication::translate("steward::TreeCommand", "VERSION")});
    addRows(table, loaded.value(), 0);
    Console::print(table.toString());
    return static_cast<int>(ExitCode::Success);
}

} // namespace steward
