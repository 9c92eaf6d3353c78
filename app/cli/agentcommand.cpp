// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl agent: one agent's attributes and runs (show), its creation with a first spec
// (create), its versions (history, show-version, diff, blame), changes to its spec (edit,
// rollback; a proposal for critical agents), running it now (run), and pausing and resuming it
// (pause, resume). All but create go
// through a Workspace, as in the desktop app, so they work the same on a file and on a server;
// create goes through AgentService on a file.
#include "agentservices.h"
#include "commands.h"
#include "tableprinter.h"
#include "timetext.h"
#include "treepaths.h"

#include "api/jsoncodec.h"
#include "diff/blame.h"
#include "diff/specsummary.h"
#include "diff/textdiff.h"
#include "service/localworkspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

#include <limits>

namespace steward {
namespace {

constexpr int RecentRuns = 10;
constexpr qint64 MaxVersion = std::numeric_limits<int>::max();
constexpr qint64 MaxSpecBytes = 1024 * 1024;
constexpr qsizetype SideBySideWidth = 160;

const QString ownerOption = QStringLiteral("owner");
const QString visibilityOption = QStringLiteral("visibility");
const QString specOption = QStringLiteral("spec");
const QString versionOption = QStringLiteral("version");
const QString fromOption = QStringLiteral("from");
const QString toOption = QStringLiteral("to");
const QString formatOption = QStringLiteral("format");
const QString baseOption = QStringLiteral("base");
const QString payloadOption = QStringLiteral("payload");

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

void addPathArgument(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate("steward::AgentCommand", "The agent, e.g. /acme/sales/outbound/prospect-mailer."),
        QStringLiteral("PATH"));
}

int success()
{
    return static_cast<int>(ExitCode::Success);
}

// Opens the workspace and finds the agent named by the first positional argument. On failure
// the error has been reported and `exitCode` is set.
std::unique_ptr<Workspace> openAgent(const QCommandLineParser &parser, const CommandContext &context, OrgNode &agent,
                                     int &exitCode)
{
    std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return nullptr;
    }
    const Result<OrgNode> found = TreePaths::agentAt(*workspace, parser.positionalArguments().first());
    if (!found) {
        exitCode = Console::fail(found.error());
        return nullptr;
    }
    agent = found.value();
    return workspace;
}

// The spec text in FILE, or on stdin for "-".
Result<QString> readSpec(const QString &path)
{
    const bool fromStdin = path == QLatin1String("-");
    QFile file(fromStdin ? QString() : path);
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    const QString shownName = fromStdin ? QCoreApplication::translate("steward::AgentCommand", "standard input") : path;
    if (!opened) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::AgentCommand", "Cannot read the spec %1: %2")
                         .arg(shownName, file.errorString())};
    }
    const QByteArray bytes = file.read(MaxSpecBytes + 1);
    if (bytes.size() > MaxSpecBytes) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AgentCommand",
                                                 "The spec %1 is larger than 1 MiB; that is not an agent spec.")
                         .arg(shownName)};
    }
    return QString::fromUtf8(bytes);
}

// Version `number` of `agent`, or a refusal that says which versions there are.
Result<AgentVersion> versionOf(const Workspace &workspace, const OrgNode &agent, qint64 number)
{
    const Result<Agent> attributes = workspace.agent(agent.id);
    if (!attributes) {
        return attributes.error();
    }
    if (number < 1 || number > attributes->headVersion) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::AgentCommand", "%1 has no version %2; its versions are 1 to %3.")
                .arg(agent.path)
                .arg(number)
                .arg(attributes->headVersion)};
    }
    return workspace.version(agent.id, static_cast<int>(number));
}

// --option N as a version number; `fallback` when not given.
Result<qint64> versionNumber(const QCommandLineParser &parser, const QString &option, qint64 fallback)
{
    return CommandLine::optionNumber(parser, option, 1, MaxVersion, fallback);
}

// The version named by --version, or the head version when it is not given.
Result<AgentVersion> requestedVersion(const QCommandLineParser &parser, const Workspace &workspace,
                                      const OrgNode &agent)
{
    const Result<Agent> attributes = workspace.agent(agent.id);
    if (!attributes) {
        return attributes.error();
    }
    const Result<qint64> number = versionNumber(parser, versionOption, attributes->headVersion);
    if (!number) {
        return number.error();
    }
    return versionOf(workspace, agent, number.value());
}

QJsonObject toJson(const AgentVersion &version, bool withSpec)
{
    QJsonObject object{{QStringLiteral("number"), version.number},
                       {QStringLiteral("author"), version.author},
                       {QStringLiteral("createdAt"), TimeText::isoMs(version.createdAt)},
                       {QStringLiteral("reason"), version.reason},
                       {QStringLiteral("approvedBy"), version.approvedBy},
                       {QStringLiteral("contentHash"), QString::fromLatin1(version.contentHash)}};
    if (withSpec) {
        object.insert(QStringLiteral("spec"), version.spec);
    }
    return object;
}

// What an edit or a rollback became.
int printChange(const AgentService::VersionChange &change, bool json)
{
    if (change.saved) {
        if (json) {
            Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("result"), QStringLiteral("saved")},
                                                         {QStringLiteral("version"), change.saved->number}}));
        } else {
            Console::print(
                QCoreApplication::translate("steward::AgentCommand", "saved version %1").arg(change.saved->number));
        }
        return success();
    }
    if (json) {
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("result"), QStringLiteral("proposed")},
                                                     {QStringLiteral("proposal"), change.proposed->id},
                                                     {QStringLiteral("baseVersion"), change.proposed->baseVersion}}));
    } else {
        Console::print(
            QCoreApplication::translate("steward::AgentCommand",
                                        "proposed as proposal %1 (critical agent: needs a second person's approval)")
                .arg(change.proposed->id));
    }
    return success();
}

// --- show ---

struct AgentDetails
{
    OrgNode node;
    Agent agent;
    AgentVersion head;
    qsizetype versionCount = 0;
    QList<Run> runs;
};

Result<AgentDetails> loadDetails(const Workspace &workspace, const OrgNode &node)
{
    const Result<Agent> agent = workspace.agent(node.id);
    if (!agent) {
        return agent.error();
    }
    const Result<AgentVersion> head = workspace.version(node.id, agent->headVersion);
    if (!head) {
        return head.error();
    }
    const Result<QList<AgentVersion>> history = workspace.history(node.id);
    if (!history) {
        return history.error();
    }
    const Result<QList<Run>> runs = workspace.recentRuns(node.id, RecentRuns);
    if (!runs) {
        return runs.error();
    }
    return AgentDetails{node, agent.value(), head.value(), history->size(), runs.value()};
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
            {QStringLiteral("headVersion"), toJson(details.head, true)},
            {QStringLiteral("recentRuns"), runs}};
}

QString describe(const AgentDetails &details)
{
    const QLocale locale;
    TablePrinter attributes;
    attributes.addRow({QCoreApplication::translate("steward::AgentCommand", "Path"), details.node.path});
    attributes.addRow({QCoreApplication::translate("steward::AgentCommand", "Owner"), details.agent.owner});
    attributes.addRow(
        {QCoreApplication::translate("steward::AgentCommand", "Visibility"), displayName(details.agent.visibility)});
    attributes.addRow(
        {QCoreApplication::translate("steward::AgentCommand", "Criticality"), displayName(details.agent.criticality)});
    attributes.addRow(
        {QCoreApplication::translate("steward::AgentCommand", "Status"), displayName(details.agent.status)});
    attributes.addRow(
        {QCoreApplication::translate("steward::AgentCommand", "Created"), timeText(details.node.createdAt)});
    attributes.addRow({QCoreApplication::translate("steward::AgentCommand", "Head version"),
                       QCoreApplication::translate("steward::AgentCommand", "%1 of %2, by %3 at %4")
                           .arg(details.head.number)
                           .arg(details.versionCount)
                           .arg(details.head.author, timeText(details.head.createdAt))});
    attributes.addRow({QCoreApplication::translate("steward::AgentCommand", "Reason"), details.head.reason});
    if (!details.head.approvedBy.isEmpty()) {
        attributes.addRow(
            {QCoreApplication::translate("steward::AgentCommand", "Approved by"), details.head.approvedBy});
    }

    QString text = attributes.toString() + QLatin1Char('\n')
        + QCoreApplication::translate("steward::AgentCommand", "Recent runs:") + QLatin1Char('\n');
    if (details.runs.isEmpty()) {
        return text + QCoreApplication::translate("steward::AgentCommand", "none") + QLatin1Char('\n');
    }
    TablePrinter runs({QCoreApplication::translate("steward::AgentCommand", "RUN"),
                       QCoreApplication::translate("steward::AgentCommand", "STARTED"),
                       QCoreApplication::translate("steward::AgentCommand", "VERSION"),
                       QCoreApplication::translate("steward::AgentCommand", "TRIGGER"),
                       QCoreApplication::translate("steward::AgentCommand", "STATUS"),
                       QCoreApplication::translate("steward::AgentCommand", "TOKENS"),
                       QCoreApplication::translate("steward::AgentCommand", "COST"),
                       QCoreApplication::translate("steward::AgentCommand", "LATENCY")});
    for (const Run &run : details.runs) {
        runs.addRow({QString::number(run.id), timeText(run.startedAt), QString::number(run.version),
                     displayName(run.trigger), displayName(run.status), locale.toString(run.tokensIn + run.tokensOut),
                     QStringLiteral("$") + locale.toString(run.cost, 'f', 4),
                     QCoreApplication::translate("steward::AgentCommand", "%1 s")
                         .arg(locale.toString(static_cast<double>(run.latencyMs) / 1000.0, 'f', 1))});
    }
    return text + runs.toString();
}

int runShow(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Shows the agent at PATH: its attributes, its head version with author, "
                                    "time and reason, and its recent runs."));
    CommandLine::addGlobalOptions(parser);
    addPathArgument(parser);
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1, QStringLiteral("stewardctl --store FILE|--server URL agent show PATH [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<AgentDetails> details = loadDetails(*workspace, node);
    if (!details) {
        return Console::fail(details.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(toJson(details.value())));
    } else {
        Console::print(describe(details.value()));
    }
    return success();
}

// --- create ---

int runCreate(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Creates an agent named NAME below PARENT_PATH with its first spec version. "
                                    "Its criticality is the one the spec declares."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    parser.addOption(
        {ownerOption,
         QCoreApplication::translate("steward::AgentCommand", "The person accountable for the agent. Required."),
         QCoreApplication::translate("steward::AgentCommand", "name")});
    parser.addOption({visibilityOption,
                      QCoreApplication::translate("steward::AgentCommand", "public, team or private (default team)."),
                      QCoreApplication::translate("steward::AgentCommand", "visibility")});
    parser.addOption({specOption,
                      QCoreApplication::translate("steward::AgentCommand",
                                                  "The spec file; - reads it from standard input. Required."),
                      QCoreApplication::translate("steward::AgentCommand", "file")});
    parser.addPositionalArgument(
        QStringLiteral("parent"),
        QCoreApplication::translate("steward::AgentCommand", "The team or department, e.g. /acme/sales/outbound."),
        QStringLiteral("PARENT_PATH"));
    parser.addPositionalArgument(
        QStringLiteral("name"),
        QCoreApplication::translate("steward::AgentCommand", "The agent's name, e.g. renewal-reminder."),
        QStringLiteral("NAME"));
    const QString usage = QStringLiteral("stewardctl --store FILE agent create PARENT_PATH NAME --owner NAME "
                                         "[--visibility public|team|private] --spec FILE --reason TEXT");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 2, 2, usage)) {
        return *done;
    }
    if (const std::optional<int> refused = CommandLine::refuseServer(
            parser, context,
            QCoreApplication::translate("steward::AgentCommand",
                                        "'agent create' works on a workspace file (--store FILE); on a server, "
                                        "agents are created through the API (POST /api/v1/nodes)."))) {
        return *refused;
    }
    if (!parser.isSet(ownerOption)) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::AgentCommand", "Name the agent's owner with --owner NAME."));
    }
    if (!parser.isSet(specOption)) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::AgentCommand",
                                        "Give the agent's spec with --spec FILE (or --spec - for standard input)."));
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    AgentService::NewAgent agent;
    if (parser.isSet(visibilityOption)) {
        const std::optional<Visibility> visibility = parseEnum<Visibility>(parser.value(visibilityOption));
        if (!visibility) {
            return Console::fail(ExitCode::Refused,
                                 QCoreApplication::translate("steward::AgentCommand",
                                                             "--visibility takes public, team or private, not '%1'.")
                                     .arg(parser.value(visibilityOption)));
        }
        agent.visibility = *visibility;
    }
    const Result<QString> text = readSpec(parser.value(specOption));
    if (!text) {
        return Console::fail(text.error());
    }
    const Result<AgentSpec> spec = AgentSpec::parse(text.value());
    if (!spec) {
        return Console::fail(spec.error());
    }
    int exitCode = 0;
    std::unique_ptr<Store> store = CommandLine::openStore(parser, context, exitCode);
    if (!store) {
        return exitCode;
    }
    AgentServices services(std::move(store));
    const QStringList positional = parser.positionalArguments();
    const Result<OrgNode> parent = services.tree().nodeByPath(positional.first());
    if (!parent) {
        return Console::fail(parent.error());
    }
    agent.parentId = parent->id;
    agent.name = positional.at(1);
    agent.owner = parser.value(ownerOption);
    agent.criticality = spec->criticality;
    agent.spec = text.value();
    const Result<OrgNode> created =
        services.agents().createAgent(agent, CommandLine::actor(parser), CommandLine::reason(parser));
    if (!created) {
        return Console::fail(created.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("id"), created->id},
                                                     {QStringLiteral("path"), created->path},
                                                     {QStringLiteral("owner"), agent.owner},
                                                     {QStringLiteral("visibility"), toText(agent.visibility)},
                                                     {QStringLiteral("criticality"), toText(agent.criticality)},
                                                     {QStringLiteral("headVersion"), 1}}));
    } else {
        Console::print(QCoreApplication::translate("steward::AgentCommand", "Created %1 (version 1, %2)")
                           .arg(created->path, displayName(agent.criticality).toLower()));
    }
    return success();
}

// --- history ---

int runHistory(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Lists the agent's versions, newest first, with author, time, reason and "
                                    "approver, and its pending proposals."));
    CommandLine::addGlobalOptions(parser);
    addPathArgument(parser);
    if (const std::optional<int> done =
            CommandLine::parse(parser, context, 1, 1,
                               QStringLiteral("stewardctl --store FILE|--server URL agent history PATH [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<QList<AgentVersion>> versions = workspace->history(node.id);
    if (!versions) {
        return Console::fail(versions.error());
    }
    const Result<QList<VersionProposal>> pending = workspace->pendingProposals(node.id);
    if (!pending) {
        return Console::fail(pending.error());
    }
    if (CommandLine::json(parser, context)) {
        QJsonArray versionList;
        for (const AgentVersion &version : versions.value()) {
            versionList.append(toJson(version, false));
        }
        QJsonArray proposalList;
        for (const VersionProposal &proposal : pending.value()) {
            proposalList.append(AgentServices::toJson(proposal, node.path));
        }
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("agent"), node.path},
                                                     {QStringLiteral("versions"), versionList},
                                                     {QStringLiteral("pendingProposals"), proposalList}}));
        return success();
    }
    TablePrinter table({QCoreApplication::translate("steward::AgentCommand", "VERSION"),
                        QCoreApplication::translate("steward::AgentCommand", "AUTHOR"),
                        QCoreApplication::translate("steward::AgentCommand", "TIME"),
                        QCoreApplication::translate("steward::AgentCommand", "APPROVED BY"),
                        QCoreApplication::translate("steward::AgentCommand", "REASON")});
    for (const AgentVersion &version : versions.value()) {
        table.addRow({QString::number(version.number), version.author, TimeText::iso(version.createdAt),
                      version.approvedBy.isEmpty() ? QStringLiteral("-") : version.approvedBy,
                      version.reason.simplified()});
    }
    QString text = table.toString() + QLatin1Char('\n');
    if (pending->isEmpty()) {
        text += QCoreApplication::translate("steward::AgentCommand", "Pending proposals: none") + QLatin1Char('\n');
    } else {
        text += QCoreApplication::translate("steward::AgentCommand", "Pending proposals:") + QLatin1Char('\n')
            + AgentServices::table(pending.value(), {});
    }
    Console::print(text);
    return success();
}

// --- show-version ---

int runShowVersion(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Prints the spec text of one of the agent's versions (the head version "
                                    "unless --version is given)."));
    CommandLine::addGlobalOptions(parser);
    addPathArgument(parser);
    parser.addOption({versionOption,
                      QCoreApplication::translate("steward::AgentCommand", "The version to print (default: the head)."),
                      QCoreApplication::translate("steward::AgentCommand", "N")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral("stewardctl --store FILE|--server URL agent show-version PATH [--version N]"))) {
        return *done;
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<AgentVersion> version = requestedVersion(parser, *workspace, node);
    if (!version) {
        return Console::fail(version.error());
    }
    if (CommandLine::json(parser, context)) {
        QJsonObject object = toJson(version.value(), true);
        object.insert(QStringLiteral("agent"), node.path);
        Console::printJson(QJsonDocument(object));
    } else {
        Console::print(version->spec);
    }
    return success();
}

// --- diff ---

enum class DiffFormat { Unified, SideBySide, Summary, Json };

QString markerOf(const DiffLine &line)
{
    switch (line.kind) {
    case DiffLine::Kind::Same: return QStringLiteral(" ");
    case DiffLine::Kind::Removed: return QStringLiteral("-");
    case DiffLine::Kind::Added: return QStringLiteral("+");
    }
    return QStringLiteral(" ");
}

QString kindOf(const DiffLine &line)
{
    switch (line.kind) {
    case DiffLine::Kind::Same: return QStringLiteral("same");
    case DiffLine::Kind::Removed: return QStringLiteral("removed");
    case DiffLine::Kind::Added: return QStringLiteral("added");
    }
    return QStringLiteral("same");
}

// `text` in exactly `width` characters: padded, or cut with an ellipsis.
QString fitted(const QString &text, qsizetype width)
{
    if (text.size() <= width) {
        return text.leftJustified(width);
    }
    return text.left(width - 1) + QChar(0x2026);
}

// Two columns, old on the left and new on the right, each line with its number and marker,
// fitted to SideBySideWidth characters.
QString sideBySide(const TextDiff &diff, const QString &oldLabel, const QString &newLabel)
{
    const QString separator = QStringLiteral(" | ");
    const qsizetype leftWidth = (SideBySideWidth - separator.size()) / 2;
    const qsizetype rightWidth = SideBySideWidth - separator.size() - leftWidth;
    int lastNumber = 1;
    for (const DiffLine &line : diff.lines()) {
        lastNumber = std::max({lastNumber, line.oldNumber, line.newNumber});
    }
    const qsizetype numberWidth = QString::number(lastNumber).size();
    const auto side = [&](const std::optional<DiffLine> &line, bool left) -> QString {
        const qsizetype width = left ? leftWidth : rightWidth;
        if (!line) {
            return QString(width, QLatin1Char(' '));
        }
        return QString::number(left ? line->oldNumber : line->newNumber).rightJustified(numberWidth) + QLatin1Char(' ')
            + markerOf(*line) + QLatin1Char(' ') + fitted(line->text, width - numberWidth - 3);
    };
    QString text;
    const auto addRow = [&text](QString row) {
        while (row.endsWith(QLatin1Char(' '))) {
            row.chop(1);
        }
        text += row + QLatin1Char('\n');
    };
    addRow(fitted(oldLabel, leftWidth) + separator + fitted(newLabel, rightWidth));
    for (const TextDiff::Row &row : diff.sideBySide()) {
        addRow(side(row.left, true) + separator + side(row.right, false));
    }
    return text;
}

QJsonObject diffJson(const OrgNode &node, int from, int to, const TextDiff &diff, const QStringList &summary)
{
    QJsonArray lines;
    for (const DiffLine &line : diff.lines()) {
        QJsonArray words;
        for (const WordSpan &span : line.changedWords) {
            words.append(QJsonObject{{QStringLiteral("start"), span.start}, {QStringLiteral("length"), span.length}});
        }
        lines.append(QJsonObject{{QStringLiteral("kind"), kindOf(line)},
                                 {QStringLiteral("oldNumber"), line.oldNumber},
                                 {QStringLiteral("newNumber"), line.newNumber},
                                 {QStringLiteral("text"), line.text},
                                 {QStringLiteral("changedWords"), words}});
    }
    return {{QStringLiteral("agent"), node.path},
            {QStringLiteral("from"), from},
            {QStringLiteral("to"), to},
            {QStringLiteral("added"), diff.addedCount()},
            {QStringLiteral("removed"), diff.removedCount()},
            {QStringLiteral("summary"), QJsonArray::fromStringList(summary)},
            {QStringLiteral("lines"), lines}};
}

int runDiff(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Compares two versions of the agent's spec: by default the head version "
                                    "with the one before it."));
    CommandLine::addGlobalOptions(parser);
    addPathArgument(parser);
    parser.addOption(
        {fromOption,
         QCoreApplication::translate("steward::AgentCommand", "The older version (default: the one before --to)."),
         QCoreApplication::translate("steward::AgentCommand", "N")});
    parser.addOption({toOption,
                      QCoreApplication::translate("steward::AgentCommand", "The newer version (default: the head)."),
                      QCoreApplication::translate("steward::AgentCommand", "M")});
    parser.addOption(
        {formatOption,
         QCoreApplication::translate("steward::AgentCommand", "unified (default), side-by-side, summary or json."),
         QCoreApplication::translate("steward::AgentCommand", "format")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral("stewardctl --store FILE|--server URL agent diff PATH [--from N] [--to M] "
                           "[--format unified|side-by-side|summary|json]"))) {
        return *done;
    }
    const QString formatText = parser.isSet(formatOption) ? parser.value(formatOption) : QStringLiteral("unified");
    const QList<std::pair<QString, DiffFormat>> formats{{QStringLiteral("unified"), DiffFormat::Unified},
                                                        {QStringLiteral("side-by-side"), DiffFormat::SideBySide},
                                                        {QStringLiteral("summary"), DiffFormat::Summary},
                                                        {QStringLiteral("json"), DiffFormat::Json}};
    const auto format = std::find_if(formats.cbegin(), formats.cend(),
                                     [&formatText](const auto &known) { return known.first == formatText; });
    if (format == formats.cend()) {
        return Console::fail(
            ExitCode::Refused,
            QCoreApplication::translate("steward::AgentCommand",
                                        "--format takes unified, side-by-side, summary or json, not '%1'.")
                .arg(formatText));
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<Agent> agent = workspace->agent(node.id);
    if (!agent) {
        return Console::fail(agent.error());
    }
    const Result<qint64> to = versionNumber(parser, toOption, agent->headVersion);
    if (!to) {
        return Console::fail(to.error());
    }
    if (!parser.isSet(fromOption) && to.value() == 1) {
        return Console::fail(
            ExitCode::Refused,
            QCoreApplication::translate("steward::AgentCommand",
                                        "Version 1 is the first version of %1; there is nothing before it "
                                        "to compare with.")
                .arg(node.path));
    }
    const Result<qint64> from = versionNumber(parser, fromOption, to.value() - 1);
    if (!from) {
        return Console::fail(from.error());
    }
    const Result<AgentVersion> older = versionOf(*workspace, node, from.value());
    if (!older) {
        return Console::fail(older.error());
    }
    const Result<AgentVersion> newer = versionOf(*workspace, node, to.value());
    if (!newer) {
        return Console::fail(newer.error());
    }
    const TextDiff diff = TextDiff::compare(older->spec, newer->spec);
    const QString oldLabel = node.name + QStringLiteral(" v") + QString::number(older->number);
    const QString newLabel = node.name + QStringLiteral(" v") + QString::number(newer->number);
    const DiffFormat chosen = CommandLine::json(parser, context) ? DiffFormat::Json : format->second;
    switch (chosen) {
    case DiffFormat::Unified:
        if (!diff.isIdentical()) {
            Console::print(diff.unified(oldLabel, newLabel));
        }
        break;
    case DiffFormat::SideBySide: Console::print(sideBySide(diff, oldLabel, newLabel)); break;
    case DiffFormat::Summary: {
        const QStringList summary = SpecSummary::changes(older->spec, newer->spec);
        Console::print(summary.isEmpty() ? QCoreApplication::translate("steward::AgentCommand", "no changes")
                                         : summary.join(QLatin1Char('\n')));
        break;
    }
    case DiffFormat::Json:
        Console::printJson(QJsonDocument(
            diffJson(node, older->number, newer->number, diff, SpecSummary::changes(older->spec, newer->spec))));
        break;
    }
    return success();
}

// --- blame ---

int runBlame(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Prints a version of the agent's spec (the head unless --version is given) "
                                    "with, for each line, the version that introduced it, its author and date."));
    CommandLine::addGlobalOptions(parser);
    addPathArgument(parser);
    parser.addOption(
        {versionOption,
         QCoreApplication::translate("steward::AgentCommand", "The version to explain (default: the head)."),
         QCoreApplication::translate("steward::AgentCommand", "N")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral("stewardctl --store FILE|--server URL agent blame PATH [--version N] [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<AgentVersion> asked = requestedVersion(parser, *workspace, node);
    if (!asked) {
        return Console::fail(asked.error());
    }
    // Every version up to the one asked about, with its text: what blame compares.
    QList<AgentVersion> history{asked.value()};
    for (int number = 1; number < asked->number; ++number) {
        Result<AgentVersion> version = workspace->version(node.id, number);
        if (!version) {
            return Console::fail(version.error());
        }
        history.append(std::move(version).value());
    }
    const QList<BlameLine> lines = Blame::of(history, asked->number);
    if (CommandLine::json(parser, context)) {
        QJsonArray array;
        for (const BlameLine &line : lines) {
            array.append(QJsonObject{{QStringLiteral("line"), line.lineNumber},
                                     {QStringLiteral("version"), line.version},
                                     {QStringLiteral("author"), line.author},
                                     {QStringLiteral("time"), TimeText::isoMs(line.time)},
                                     {QStringLiteral("reason"), line.reason},
                                     {QStringLiteral("text"), line.text}});
        }
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("agent"), node.path},
                                                     {QStringLiteral("version"), asked->number},
                                                     {QStringLiteral("lines"), array}}));
        return success();
    }
    const qsizetype numberWidth = QString::number(lines.size()).size();
    TablePrinter table;
    for (const BlameLine &line : lines) {
        table.addRow({QStringLiteral("v") + QString::number(line.version), line.author,
                      line.time.toUTC().toString(QStringLiteral("yyyy-MM-dd")),
                      QString::number(line.lineNumber).rightJustified(numberWidth), line.text});
    }
    Console::print(table.toString());
    return success();
}

// --- edit and rollback ---

int runEdit(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Saves a new spec for the agent as its next version, or proposes it when the "
                                    "agent is critical (a second person approves it with 'proposal approve'). "
                                    "--base names the version you edited: if someone saved since, the change is "
                                    "refused."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    addPathArgument(parser);
    parser.addOption({specOption,
                      QCoreApplication::translate("steward::AgentCommand",
                                                  "The new spec file; - reads it from standard input. Required."),
                      QCoreApplication::translate("steward::AgentCommand", "file")});
    parser.addOption(
        {baseOption,
         QCoreApplication::translate("steward::AgentCommand", "The version the change is based on. Required."),
         QCoreApplication::translate("steward::AgentCommand", "N")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral(
                "stewardctl --store FILE|--server URL agent edit PATH --spec FILE --base N --reason TEXT"))) {
        return *done;
    }
    if (!parser.isSet(specOption)) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::AgentCommand",
                                        "Give the new spec with --spec FILE (or --spec - for standard input)."));
    }
    if (!parser.isSet(baseOption)) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::AgentCommand", "Name the version you edited with --base N."));
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    const Result<qint64> base = versionNumber(parser, baseOption, 0);
    if (!base) {
        return Console::fail(base.error());
    }
    const Result<QString> spec = readSpec(parser.value(specOption));
    if (!spec) {
        return Console::fail(spec.error());
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<AgentService::VersionChange> changed =
        workspace->changeSpec(node.id, static_cast<int>(base.value()), spec.value(), CommandLine::reason(parser));
    if (!changed) {
        return Console::fail(changed.error());
    }
    return printChange(changed.value(), CommandLine::json(parser, context));
}

int runRollback(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AgentCommand",
                                    "Makes a new version with the content of an older one (a proposal when the "
                                    "agent is critical). History only grows."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    addPathArgument(parser);
    parser.addOption(
        {toOption,
         QCoreApplication::translate("steward::AgentCommand", "The version whose content comes back. Required."),
         QCoreApplication::translate("steward::AgentCommand", "N")});
    parser.addOption({baseOption,
                      QCoreApplication::translate("steward::AgentCommand",
                                                  "The current head, which the rollback replaces. Required."),
                      QCoreApplication::translate("steward::AgentCommand", "M")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral("stewardctl --store FILE|--server URL agent rollback PATH --to N --base M --reason TEXT"))) {
        return *done;
    }
    if (!parser.isSet(toOption) || !parser.isSet(baseOption)) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate(
                                 "steward::AgentCommand",
                                 "Name the version to go back to with --to N and the current head with --base M."));
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    const Result<qint64> to = versionNumber(parser, toOption, 0);
    if (!to) {
        return Console::fail(to.error());
    }
    const Result<qint64> base = versionNumber(parser, baseOption, 0);
    if (!base) {
        return Console::fail(base.error());
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    if (const Result<AgentVersion> target = versionOf(*workspace, node, to.value()); !target) {
        return Console::fail(target.error());
    }
    const Result<AgentService::VersionChange> changed = workspace->rollback(
        node.id, static_cast<int>(to.value()), static_cast<int>(base.value()), CommandLine::reason(parser));
    if (!changed) {
        return Console::fail(changed.error());
    }
    return printChange(changed.value(), CommandLine::json(parser, context));
}

// The run a request started, once it has ended (a local store runs it in this process, so
// the command waits for it); nothing when it does not end within `timeoutMs`.
std::optional<Run> waitForRun(const Workspace &workspace, NodeId agentId, RunId runId, qint64 timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs) {
        const Result<QList<Run>> runs = workspace.recentRuns(agentId, RecentRuns);
        if (runs) {
            for (const Run &run : runs.value()) {
                if (run.id == runId && run.status != RunStatus::Running) {
                    return run;
                }
            }
        }
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return std::nullopt;
}

int runRun(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::AgentCommand",
        "Runs the agent now with its runner. On a store file the run happens in this command, which waits for "
        "it and fails when the run fails; on a server the request is queued for the server's runtime and the "
        "command answers at once."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    addPathArgument(parser);
    parser.addOption(
        {payloadOption,
         QCoreApplication::translate("steward::AgentCommand", "A JSON object handed to the runner (default {})."),
         QCoreApplication::translate("steward::AgentCommand", "JSON")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            QStringLiteral("stewardctl --store FILE|--server URL agent run PATH [--payload JSON] --reason TEXT"))) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    QJsonObject payload;
    if (parser.isSet(payloadOption)) {
        QJsonParseError problem;
        const QJsonDocument document = QJsonDocument::fromJson(parser.value(payloadOption).toUtf8(), &problem);
        if (!document.isObject()) {
            return Console::fail(
                ExitCode::Usage,
                QCoreApplication::translate("steward::AgentCommand", "--payload must be a JSON object: %1")
                    .arg(problem.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                   : problem.errorString()));
        }
        payload = document.object();
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<RunRequestEntry> request = workspace->runNow(node.id, payload, CommandLine::reason(parser));
    if (!request) {
        return Console::fail(request.error());
    }
    // A store file's run lives in this process; a server's in the server.
    std::optional<Run> ended;
    const bool local = dynamic_cast<const LocalWorkspace *>(workspace.get()) != nullptr;
    if (local && request->state == RunRequestState::Started) {
        const qint64 timeoutMs = qint64(24) * 3600 * 1000; // the longest runner.timeout, and then some
        ended = waitForRun(*workspace, node.id, request->runId, timeoutMs);
    }
    if (CommandLine::json(parser, context)) {
        QJsonObject answer = toJson(request.value());
        if (ended) {
            answer.insert(QStringLiteral("run"), toJson(*ended));
        }
        Console::printJson(QJsonDocument(answer));
    } else {
        QString text = QCoreApplication::translate("steward::AgentCommand", "Run request %1: %2")
                           .arg(request->id)
                           .arg(displayName(request->state).toLower());
        if (!request->reason.isEmpty()) {
            text += QStringLiteral(" (%1)").arg(request->reason);
        }
        if (request->runId != 0) {
            text += QCoreApplication::translate("steward::AgentCommand", ", run %1").arg(request->runId);
        }
        if (ended) {
            text += QCoreApplication::translate("steward::AgentCommand", ", %1 after %2 ms")
                        .arg(displayName(ended->status).toLower())
                        .arg(ended->latencyMs);
        }
        Console::print(text);
    }
    const bool failed = request->state == RunRequestState::Refused || request->state == RunRequestState::Skipped
        || (ended && ended->status != RunStatus::Succeeded);
    return static_cast<int>(failed ? ExitCode::Refused : ExitCode::Success);
}

// --- pause and resume ---

// Pauses (Paused) or resumes (Active) the agent at PATH.
int runSetStatus(const CommandContext &context, AgentStatus status)
{
    const bool pausing = status == AgentStatus::Paused;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        pausing ? QCoreApplication::translate("steward::AgentCommand",
                                              "Pauses the agent: its triggers no longer start it until it is "
                                              "resumed. The reason goes to the audit log.")
                : QCoreApplication::translate("steward::AgentCommand",
                                              "Resumes a paused agent: its triggers start it again. The reason goes "
                                              "to the audit log."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    addPathArgument(parser);
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1,
            pausing ? QStringLiteral("stewardctl --store FILE|--server URL agent pause PATH --reason TEXT")
                    : QStringLiteral("stewardctl --store FILE|--server URL agent resume PATH --reason TEXT"))) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    int exitCode = 0;
    OrgNode node;
    const std::unique_ptr<Workspace> workspace = openAgent(parser, context, node, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<Agent> changed = workspace->setAgentStatus(node.id, status, CommandLine::reason(parser));
    if (!changed) {
        return Console::fail(changed.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("path"), node.path}, {QStringLiteral("status"), toText(changed->status)}}));
    } else {
        Console::print(pausing ? QCoreApplication::translate("steward::AgentCommand", "paused %1").arg(node.path)
                               : QCoreApplication::translate("steward::AgentCommand", "resumed %1").arg(node.path));
    }
    return success();
}

int runPause(const CommandContext &context)
{
    return runSetStatus(context, AgentStatus::Paused);
}

int runResume(const CommandContext &context)
{
    return runSetStatus(context, AgentStatus::Active);
}

} // namespace

int runAgentCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context,
        QCoreApplication::translate("steward::AgentCommand",
                                    "Shows, creates and changes agents, and explains their versions."),
        {{QStringLiteral("show"), QStringLiteral("PATH"), runShow},
         {QStringLiteral("create"),
          QStringLiteral("PARENT_PATH NAME --owner NAME [--visibility V] --spec FILE --reason TEXT"), runCreate},
         {QStringLiteral("history"), QStringLiteral("PATH"), runHistory},
         {QStringLiteral("show-version"), QStringLiteral("PATH [--version N]"), runShowVersion},
         {QStringLiteral("diff"), QStringLiteral("PATH [--from N] [--to M] [--format F]"), runDiff},
         {QStringLiteral("blame"), QStringLiteral("PATH [--version N]"), runBlame},
         {QStringLiteral("edit"), QStringLiteral("PATH --spec FILE --base N --reason TEXT"), runEdit},
         {QStringLiteral("rollback"), QStringLiteral("PATH --to N --base M --reason TEXT"), runRollback},
         {QStringLiteral("run"), QStringLiteral("PATH [--payload JSON] --reason TEXT"), runRun},
         {QStringLiteral("pause"), QStringLiteral("PATH --reason TEXT"), runPause},
         {QStringLiteral("resume"), QStringLiteral("PATH --reason TEXT"), runResume}});
}

} // namespace steward
