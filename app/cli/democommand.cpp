// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl demo: builds the demo workspace (core/demo) and prints what it holds.
#include "commands.h"
#include "tableprinter.h"

#include "demo/demobuilder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>

namespace steward {
namespace {

const QString outOption = QStringLiteral("out");
const QString agentsOption = QStringLiteral("agents");
const QString eventsOption = QStringLiteral("events");
const QString seedOption = QStringLiteral("seed");
const QString untilOption = QStringLiteral("until");
const QString forceOption = QStringLiteral("force");

Error badNumber(const QString &option, const QString &value)
{
    return {
        Error::Code::Invalid,
        QCoreApplication::translate("steward::DemoCommand", "--%1 takes a whole number, not '%2'.").arg(option, value)};
}

// Reads the options into DemoBuilder's; the builder itself checks the ranges.
Result<DemoBuilder::Options> optionsFrom(const QCommandLineParser &parser)
{
    DemoBuilder::Options options;
    bool ok = true;
    if (parser.isSet(agentsOption)) {
        options.agents = parser.value(agentsOption).toInt(&ok);
        if (!ok) {
            return badNumber(agentsOption, parser.value(agentsOption));
        }
    }
    if (parser.isSet(eventsOption)) {
        options.events = parser.value(eventsOption).toLongLong(&ok);
        if (!ok) {
            return badNumber(eventsOption, parser.value(eventsOption));
        }
    }
    if (parser.isSet(seedOption)) {
        options.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok) {
            return badNumber(seedOption, parser.value(seedOption));
        }
    }
    if (parser.isSet(untilOption)) {
        options.until = QDate::fromString(parser.value(untilOption), Qt::ISODate);
        if (!options.until.isValid()) {
            return Error{
                Error::Code::Invalid,
                QCoreApplication::translate("steward::DemoCommand", "--until takes a date like 2026-05-31, not '%1'.")
                    .arg(parser.value(untilOption))};
        }
    }
    return options;
}

void removeWorkspace(const QString &path)
{
    const QStringList files{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
    for (const QString &file : files) {
        QFile::remove(file);
    }
}

// With --force the new workspace is built next to the old one and replaces it only once it is
// complete, so that a failed build leaves the old file as it was.
Result<DemoBuilder::Summary> buildReplacing(const QString &out, const DemoBuilder::Options &options)
{
    const QString partial = out + QStringLiteral(".partial");
    removeWorkspace(partial);
    Result<DemoBuilder::Summary> built = DemoBuilder::build(partial, options);
    if (!built) {
        return built;
    }
    removeWorkspace(out);
    if (!QFile::rename(partial, out)) {
        removeWorkspace(partial);
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::DemoCommand", "Cannot replace %1.").arg(out)};
    }
    return built;
}

// fileSize is empty when the workspace is not a file (a database server).
void printSummary(const QString &out, const DemoBuilder::Summary &summary, std::optional<qint64> fileSize, bool json)
{
    if (json) {
        QJsonObject object{{QStringLiteral("file"), out},
                           {QStringLiteral("departments"), summary.departments},
                           {QStringLiteral("teams"), summary.teams},
                           {QStringLiteral("people"), summary.people},
                           {QStringLiteral("agents"), summary.agents},
                           {QStringLiteral("versions"), summary.versions},
                           {QStringLiteral("runs"), summary.runs},
                           {QStringLiteral("events"), summary.events},
                           {QStringLiteral("pendingApprovals"), summary.pendingApprovals},
                           {QStringLiteral("elapsedMs"), summary.elapsedMs}};
        if (fileSize) {
            object.insert(QStringLiteral("fileSizeBytes"), *fileSize);
        }
        Console::printJson(QJsonDocument(object));
        return;
    }
    const QLocale locale;
    TablePrinter table;
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Workspace"), out});
    table.addRow(
        {QCoreApplication::translate("steward::DemoCommand", "Departments"), locale.toString(summary.departments)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Teams"), locale.toString(summary.teams)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "People"), locale.toString(summary.people)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Agents"), locale.toString(summary.agents)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Versions"), locale.toString(summary.versions)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Runs"), locale.toString(summary.runs)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Events"), locale.toString(summary.events)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Pending approvals"),
                  locale.toString(summary.pendingApprovals)});
    table.addRow({QCoreApplication::translate("steward::DemoCommand", "Elapsed"),
                  QCoreApplication::translate("steward::DemoCommand", "%1 s")
                      .arg(locale.toString(static_cast<double>(summary.elapsedMs) / 1000.0, 'f', 1))});
    if (fileSize) {
        table.addRow(
            {QCoreApplication::translate("steward::DemoCommand", "File size"), locale.formattedDataSize(*fileSize)});
    }
    Console::print(table.toString());
}

} // namespace

int runDemoCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::DemoCommand",
                                    "Builds the demo workspace: the company acme with departments, teams, "
                                    "people, agents with version histories, 90 days of activity and pending "
                                    "approvals. The same seed and end date give the same workspace."));
    CommandLine::addGlobalOptions(parser);
    parser.addOption({outOption, QCoreApplication::translate("steward::DemoCommand", "The workspace file to create."),
                      QCoreApplication::translate("steward::DemoCommand", "file")});
    parser.addOption({agentsOption,
                      QCoreApplication::translate("steward::DemoCommand", "How many agents (default 300)."),
                      QCoreApplication::translate("steward::DemoCommand", "count")});
    parser.addOption({eventsOption,
                      QCoreApplication::translate("steward::DemoCommand", "How many activity events (default 200000)."),
                      QCoreApplication::translate("steward::DemoCommand", "count")});
    parser.addOption({seedOption,
                      QCoreApplication::translate("steward::DemoCommand", "Seed of the random choices (default 1)."),
                      QCoreApplication::translate("steward::DemoCommand", "number")});
    parser.addOption(
        {untilOption,
         QCoreApplication::translate("steward::DemoCommand", "Last day of the history (default yesterday, UTC)."),
         QCoreApplication::translate("steward::DemoCommand", "yyyy-mm-dd")});
    parser.addOption(
        {forceOption, QCoreApplication::translate("steward::DemoCommand", "Replace the file if it exists.")});
    if (const std::optional<int> done = CommandLine::parse(parser, context)) {
        return *done;
    }
    if (const std::optional<int> refused = CommandLine::refuseServer(
            parser, context,
            QCoreApplication::translate("steward::DemoCommand",
                                        "demo builds a new workspace file (--out FILE); it does not work on a "
                                        "server."))) {
        return *refused;
    }
    const QString usage = QStringLiteral("stewardctl demo --out FILE [--agents N] [--events N] [--seed S] "
                                         "[--until YYYY-MM-DD] [--force]");
    if (const std::optional<int> wrong = CommandLine::checkPositionalCount(parser, 0, 0, usage)) {
        return *wrong;
    }
    const QString out = parser.value(outOption);
    if (out.isEmpty()) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::DemoCommand", "Name the file to create with --out FILE."));
    }
    Result<DemoBuilder::Options> options = optionsFrom(parser);
    if (!options) {
        return Console::fail(options.error());
    }
    const bool replace = QFileInfo::exists(out);
    if (replace && !parser.isSet(forceOption)) {
        return Console::fail(
            ExitCode::Refused,
            QCoreApplication::translate("steward::DemoCommand", "%1 already exists; add --force to replace it.")
                .arg(out));
    }
    if (replace && !QFileInfo(out).isFile()) {
        return Console::fail(
            ExitCode::Refused,
            QCoreApplication::translate("steward::DemoCommand", "%1 is not a file; it cannot be replaced.").arg(out));
    }
    DemoBuilder::Options buildOptions = options.value();
    const bool showProgress = Console::stderrIsTerminal();
    if (showProgress) {
        buildOptions.progress = [](int percent) {
            Console::progress(
                QCoreApplication::translate("steward::DemoCommand", "Building the demo workspace: %1%").arg(percent));
            return true;
        };
    }
    const Result<DemoBuilder::Summary> built =
        replace ? buildReplacing(out, buildOptions) : DemoBuilder::build(out, buildOptions);
    if (showProgress) {
        Console::progress(QStringLiteral("\n"));
    }
    if (!built) {
        return Console::fail(built.error());
    }
    const QFileInfo written(out);
    printSummary(out, built.value(), written.isFile() ? std::optional<qint64>(written.size()) : std::nullopt,
                 CommandLine::json(parser, context));
    return static_cast<int>(ExitCode::Success);
}

} // namespace steward
