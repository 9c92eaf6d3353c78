// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl agent show: one agent's attributes, its head version (who, when, why) and its
// recent runs.
#include "commands.h"
#include "tableprinter.h"

#include "storage/activityrepository.h"
#include "storage/treerepository.h"
#include "storage/versionrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace steward {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("steward::AgentCommand", text);
}

constexpr int RecentRuns = 10;

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

struct AgentDetails
{
    OrgNode node;
    Agent agent;
    AgentVersion head;
    qsizetype versionCount = 0;
    QList<Run> runs;
};

Result<AgentDetails> loadDetails(const Store &store, const QString &path)
{
    const TreeRepository tree(store);
    const Result<OrgNode> node = tree.nodeByPath(path);
    if (!node) {
        return node.error();
    }
    if (node->kind != NodeKind::Agent) {
        return Error{Error::Code::Invalid,
                     tr("%1 is a %2, not an agent.").arg(path, displayName(node->kind).toLower())};
    }
    const Result<Agent> agent = tree.agent(node->id);
    if (!agent) {
        return agent.error();
    }
    const VersionRepository versions(store);
    const Result<AgentVersion> head = versions.version(node->id, agent->headVersion);
    if (!head) {
        return head.error();
    }
    const Result<QList<AgentVersion>> history = versions.history(node->id);
    if (!history) {
        return history.error();
    }
    const ActivityRepository activity(store);
    const Result<QList<Run>> runs = activity.recentRuns(node->id, RecentRuns);
    if (!runs) {
        return runs.error();
    }
    return AgentDetails{node.value(), agent.value(), head.value(), history->size(), runs.value()};
}

QJsonObject toJson(const AgentDetails &details)
{
    QJsonArray runs;
    for (const Run &run : details.runs) {
        runs.append(QJsonObject{{QStringLiteral("id"), run.id},
                                {QStringLiteral("version"), run.version},
                                {QStringLiteral("trigger"), toText(run.trigger)},
                                {QStringLiteral("triggerDetail"), run.triggerDetail},
                                {QStringLiteral("startedAt"), run.startedAt.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("endedAt"), run.endedAt.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("status"), toText(run.status)},
                                {QStringLiteral("tokensIn"), run.tokensIn},
                                {QStringLiteral("tokensOut"), run.tokensOut},
                                {QStringLiteral("cost"), run.cost},
                                {QStringLiteral("latencyMs"), run.latencyMs}});
    }
    return {{QStringLiteral("id"), details.node.id},
            {QStringLiteral("path"), details.node.path},
            {QStringLiteral("owner"), details.agent.owner},
            {QStringLiteral("visibility"), toText(details.agent.visibility)},
            {QStringLiteral("criticality"), toText(details.agent.criticality)},
            {QStringLiteral("status"), toText(details.agent.status)},
            {QStringLiteral("createdAt"), details.node.createdAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("versions"), details.versionCount},
            {QStringLiteral("headVersion"),
             QJsonObject{{QStringLiteral("number"), details.head.number},
                         {QStringLiteral("author"), details.head.author},
                         {QStringLiteral("createdAt"), details.head.createdAt.toString(Qt::ISODateWithMs)},
                         {QStringLiteral("reason"), details.head.reason},
                         {QStringLiteral("approvedBy"), details.head.approvedBy},
                         {QStringLiteral("contentHash"), QString::fromLatin1(details.head.contentHash)},
                         {QStringLiteral("spec"), details.head.spec}}},
            {QStringLiteral("recentRuns"), runs}};
}

QString describe(const AgentDetails &details)
{
    const QLocale locale;
    TablePrinter attributes;
    attributes.addRow({tr("Path"), details.node.path});
    attributes.addRow({tr("Owner"), details.agent.owner});
    attributes.addRow({tr("Visibility"), displayName(details.agent.visibility)});
    attributes.addRow({tr("Criticality"), displayName(details.agent.criticality)});
    attributes.addRow({tr("Status"), displayName(details.agent.status)});
    attributes.addRow({tr("Created"), timeText(details.node.createdAt)});
    attributes.addRow({tr("Head version"), tr("%1 of %2, by %3 at %4")
                                               .arg(details.head.number)
                                               .arg(details.versionCount)
                                               .arg(details.head.author, timeText(details.head.createdAt))});
    attributes.addRow({tr("Reason"), details.head.reason});
    if (!details.head.approvedBy.isEmpty()) {
        attributes.addRow({tr("Approved by"), details.head.approvedBy});
    }

    QString text = attributes.toString() + QLatin1Char('\n') + tr("Recent runs:") + QLatin1Char('\n');
    if (details.runs.isEmpty()) {
        return text + tr("none") + QLatin1Char('\n');
    }
    TablePrinter runs({tr("RUN"), tr("STARTED"), tr("VERSION"), tr("TRIGGER"), tr("STATUS"), tr("TOKENS"), tr("COST"),
                       tr("LATENCY")});
    for (const Run &run : details.runs) {
        runs.addRow({QString::number(run.id), timeText(run.startedAt), QString::number(run.version),
                     displayName(run.trigger), displayName(run.status), locale.toString(run.tokensIn + run.tokensOut),
                     QStringLiteral("$") + locale.toString(run.cost, 'f', 4),
                     tr("%1 s").arg(locale.toString(static_cast<double>(run.latencyMs) / 1000.0, 'f', 1))});
    }
    return text + runs.toString();
}

} // namespace

int runAgentCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows the agent at PATH: its attributes, its head version with author, "
                                        "time and reason, and its recent runs."));
    CommandLine::addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("show"), tr("What to do; 'show' is the only choice."),
                                 QStringLiteral("show"));
    parser.addPositionalArgument(QStringLiteral("path"), tr("The agent, e.g. /acme/sales/outbound/prospect-mailer."),
                                 QStringLiteral("PATH"));
    if (const std::optional<int> done = CommandLine::parse(parser, context)) {
        return *done;
    }
    const QString usage = QStringLiteral("stewardctl --store FILE agent show PATH [--json]");
    if (const std::optional<int> wrong = CommandLine::checkPositionalCount(parser, 2, 2, usage)) {
        return *wrong;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.first() != QLatin1String("show")) {
        return Console::fail(ExitCode::Usage,
                             tr("Unknown subcommand 'agent %1'. Usage: %2").arg(positional.first(), usage));
    }
    int exitCode = 0;
    const std::unique_ptr<Store> store = CommandLine::openStore(parser, context, exitCode);
    if (!store) {
        return exitCode;
    }
    const Result<AgentDetails> details = loadDetails(*store, positional.at(1));
    if (!details) {
        return Console::fail(details.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(toJson(details.value())));
    } else {
        Console::print(describe(details.value()));
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace steward
