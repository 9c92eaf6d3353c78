// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl search QUERY: the activity log searched with the query language, newest first, on
// a file or on a server (where the token's owner sees what its grants show).
#include "commands.h"
#include "tableprinter.h"
#include "timetext.h"

#include "api/jsoncodec.h"
#include "query/activitysearch.h"
#include "query/querycompiler.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace steward {
namespace {

constexpr qint64 DefaultLimit = 20;
constexpr int SnippetColumnWidth = 100;

const QString limitOption = QStringLiteral("limit");
const QString beforeOption = QStringLiteral("before");

// A terminal has no highlighting of its own to offer every reader: the hit goes in «».
QString terminalSnippet(const QString &snippet)
{
    QString text = snippet.simplified();
    text.replace(QChar(SearchMarks::Start), QChar(u'\u00AB')).replace(QChar(SearchMarks::End), QChar(u'\u00BB'));
    if (text.size() > SnippetColumnWidth) {
        text = text.left(SnippetColumnWidth - 1) + QChar(u'\u2026');
    }
    return text;
}

} // namespace

int runSearchCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::SearchCommand",
        "Searches the activity log, newest first. The query has words and \"phrases\", filters "
        "(agent:/sales/*, kind:, status:, version:, run:, trigger:, since:7d, until:2026-05-31, "
        "tokens>1000, cost>0.5, latency>=2000), OR, a leading - to exclude, and parentheses; several "
        "arguments are one query. Put -- before a query that starts with '-'. Hits are marked «like this»."));
    CommandLine::addGlobalOptions(parser);
    parser.addOption({limitOption,
                      QCoreApplication::translate("steward::SearchCommand", "At most this many hits (default 20)."),
                      QCoreApplication::translate("steward::SearchCommand", "N")});
    parser.addOption(
        {beforeOption,
         QCoreApplication::translate("steward::SearchCommand", "Only events older than this event id (the next page)."),
         QCoreApplication::translate("steward::SearchCommand", "ID")});
    const QString usage = QStringLiteral("stewardctl --store FILE|--server URL search QUERY [--limit N] "
                                         "[--before ID] [--json]");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 1, 1000, usage)) {
        return *done;
    }
    const Result<qint64> limit =
        CommandLine::optionNumber(parser, limitOption, 1, ActivitySearch::MaxLimit, DefaultLimit);
    if (!limit) {
        return Console::fail(limit.error());
    }
    const Result<qint64> before = CommandLine::optionNumber(parser, beforeOption, 1, INT64_MAX, 0);
    if (!before) {
        return Console::fail(before.error());
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<ActivityPage> page = workspace->searchActivity(parser.positionalArguments().join(QLatin1Char(' ')),
                                                                before.value(), static_cast<int>(limit.value()));
    if (!page) {
        return Console::fail(page.error());
    }
    if (CommandLine::json(parser, context)) {
        QJsonArray hits;
        for (const ActivityHit &hit : page->hits) {
            hits.append(toJson(hit));
        }
        Console::printJson(QJsonDocument(hits));
        return static_cast<int>(ExitCode::Success);
    }
    if (page->hits.isEmpty()) {
        Console::print(QCoreApplication::translate("steward::SearchCommand", "No activity matches."));
        return static_cast<int>(ExitCode::Success);
    }
    TablePrinter table({QCoreApplication::translate("steward::SearchCommand", "TIME"),
                        QCoreApplication::translate("steward::SearchCommand", "AGENT"),
                        QCoreApplication::translate("steward::SearchCommand", "VERSION"),
                        QCoreApplication::translate("steward::SearchCommand", "RUN"),
                        QCoreApplication::translate("steward::SearchCommand", "KIND"),
                        QCoreApplication::translate("steward::SearchCommand", "SNIPPET")});
    for (const ActivityHit &hit : page->hits) {
        table.addRow({TimeText::iso(hit.event.time), hit.agentPath, QString::number(hit.event.version),
                      hit.event.runId == 0 ? QStringLiteral("-") : QString::number(hit.event.runId), hit.event.kind,
                      terminalSnippet(hit.snippet)});
    }
    Console::print(table.toString());
    if (page->nextBefore != 0) {
        Console::print(
            QCoreApplication::translate("steward::SearchCommand", "More: --before %1").arg(page->nextBefore));
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace steward
