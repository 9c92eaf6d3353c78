// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl audit verify|list: checks the hash chain of the audit log, and lists its entries
// newest first with filters, on a file or on a server.
#include "commands.h"
#include "tableprinter.h"
#include "timetext.h"

#include "audit/auditverifier.h"
#include "service/localworkspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace steward {
namespace {

constexpr qint64 DefaultLimit = 50;
constexpr qint64 MaxLimit = 100000;

const QString actorOption = QStringLiteral("actor");
const QString actionOption = QStringLiteral("action");
const QString subjectOption = QStringLiteral("subject");
const QString sinceOption = QStringLiteral("since");
const QString untilOption = QStringLiteral("until");
const QString limitOption = QStringLiteral("limit");

QString problemText(AuditVerification::Problem problem)
{
    switch (problem) {
    case AuditVerification::Problem::None: return QStringLiteral("none");
    case AuditVerification::Problem::Missing: return QStringLiteral("missing");
    case AuditVerification::Problem::Altered: return QStringLiteral("altered");
    case AuditVerification::Problem::Unchained: return QStringLiteral("unchained");
    }
    return QStringLiteral("none");
}

int runVerify(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::AuditCommand",
                                    "Recomputes the audit log's hash chain and names the first entry that is "
                                    "missing, altered or out of order. Exits with 1 when the chain is broken."));
    CommandLine::addGlobalOptions(parser);
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 0, 0, QStringLiteral("stewardctl --store FILE|--server URL audit verify [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    // A file is checked here, with progress for a long log; a server checks its own database
    // and answers when it is done.
    auto *local = qobject_cast<LocalWorkspace *>(workspace.get());
    const bool showProgress = local && Console::stderrIsTerminal();
    const QLocale locale;
    const Result<AuditVerification> verified =
        !local ? workspace->verifyAudit() : AuditVerifier::verify(local->store(), [&](qint64 count) {
            if (showProgress) {
                Console::progress(QCoreApplication::translate("steward::AuditCommand", "Checked %1 entries")
                                      .arg(locale.toString(count)));
            }
            return true;
        });
    if (showProgress) {
        Console::progress(QStringLiteral("\n"));
    }
    if (!verified) {
        return Console::fail(verified.error());
    }
    const AuditVerification &report = verified.value();
    if (CommandLine::json(parser, context)) {
        Console::printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("intact"), report.intact()},
                                      {QStringLiteral("entries"), report.entriesChecked},
                                      {QStringLiteral("firstBadSequence"), report.firstBadSequence},
                                      {QStringLiteral("problem"), problemText(report.problem)},
                                      {QStringLiteral("headSequence"), report.headSequence},
                                      {QStringLiteral("headHash"), QString::fromLatin1(report.headHash)}}));
    } else if (report.intact()) {
        Console::print(QCoreApplication::translate("steward::AuditCommand", "intact: %1 entries, head %2 %3")
                           .arg(report.entriesChecked)
                           .arg(report.headSequence)
                           .arg(QString::fromLatin1(report.headHash)));
    } else {
        Console::print(report.message);
    }
    if (!report.intact()) {
        return Console::fail(ExitCode::Refused,
                             QCoreApplication::translate("steward::AuditCommand", "audit chain broken at entry %1")
                                 .arg(report.firstBadSequence));
    }
    return static_cast<int>(ExitCode::Success);
}

QJsonObject toJson(const AuditEntry &entry)
{
    return {{QStringLiteral("sequence"), entry.sequence}, {QStringLiteral("time"), TimeText::isoMs(entry.time)},
            {QStringLiteral("actor"), entry.actor},       {QStringLiteral("action"), entry.action},
            {QStringLiteral("subject"), entry.subject},   {QStringLiteral("details"), entry.details},
            {QStringLiteral("reason"), entry.reason},     {QStringLiteral("hash"), QString::fromLatin1(entry.hash)}};
}

int runList(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "steward::AuditCommand", "Lists audit entries, newest first. The filters combine; times are UTC."));
    CommandLine::addGlobalOptions(parser);
    parser.addOption({actorOption, QCoreApplication::translate("steward::AuditCommand", "Only this actor's entries."),
                      QCoreApplication::translate("steward::AuditCommand", "name")});
    parser.addOption(
        {actionOption,
         QCoreApplication::translate("steward::AuditCommand",
                                     "Only this action (version.save), or a family ending in a dot (node.)."),
         QCoreApplication::translate("steward::AuditCommand", "action")});
    parser.addOption(
        {subjectOption,
         QCoreApplication::translate("steward::AuditCommand", "Only entries about PATH and what is below it."),
         QCoreApplication::translate("steward::AuditCommand", "path")});
    parser.addOption({sinceOption,
                      QCoreApplication::translate("steward::AuditCommand",
                                                  "From this time: 2026-05-01, an ISO 8601 time, or 7d, 24h, 30m ago."),
                      QCoreApplication::translate("steward::AuditCommand", "when")});
    parser.addOption(
        {untilOption,
         QCoreApplication::translate("steward::AuditCommand", "Up to this time (a date includes the whole day)."),
         QCoreApplication::translate("steward::AuditCommand", "when")});
    parser.addOption({limitOption,
                      QCoreApplication::translate("steward::AuditCommand", "At most this many entries (default 50)."),
                      QCoreApplication::translate("steward::AuditCommand", "N")});
    const QString usage =
        QStringLiteral("stewardctl --store FILE|--server URL audit list [--actor A] [--action X] [--subject PATH] "
                       "[--since WHEN] [--until WHEN] [--limit N] [--json]");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 0, 0, usage)) {
        return *done;
    }
    AuditFilter filter;
    filter.actor = parser.value(actorOption);
    filter.action = parser.value(actionOption);
    filter.subjectPrefix = parser.value(subjectOption);
    const Result<QDateTime> since = TimeText::option(parser, sinceOption, TimeText::Bound::Start);
    if (!since) {
        return Console::fail(since.error());
    }
    filter.from = since.value();
    const Result<QDateTime> until = TimeText::option(parser, untilOption, TimeText::Bound::End);
    if (!until) {
        return Console::fail(until.error());
    }
    filter.until = until.value();
    const Result<qint64> limit = CommandLine::optionNumber(parser, limitOption, 1, MaxLimit, DefaultLimit);
    if (!limit) {
        return Console::fail(limit.error());
    }
    int exitCode = 0;
    const std::unique_ptr<Workspace> workspace = CommandLine::openWorkspace(parser, context, exitCode);
    if (!workspace) {
        return exitCode;
    }
    const Result<QList<AuditEntry>> entries = workspace->auditEntries(filter, 0, static_cast<int>(limit.value()));
    if (!entries) {
        return Console::fail(entries.error());
    }
    if (CommandLine::json(parser, context)) {
        QJsonArray array;
        for (const AuditEntry &entry : entries.value()) {
            array.append(toJson(entry));
        }
        Console::printJson(QJsonDocument(array));
        return static_cast<int>(ExitCode::Success);
    }
    if (entries->isEmpty()) {
        Console::print(QCoreApplication::translate("steward::AuditCommand", "No audit entries match."));
        return static_cast<int>(ExitCode::Success);
    }
    TablePrinter table({QCoreApplication::translate("steward::AuditCommand", "SEQ"),
                        QCoreApplication::translate("steward::AuditCommand", "TIME"),
                        QCoreApplication::translate("steward::AuditCommand", "ACTOR"),
                        QCoreApplication::translate("steward::AuditCommand", "ACTION"),
                        QCoreApplication::translate("steward::AuditCommand", "SUBJECT"),
                        QCoreApplication::translate("steward::AuditCommand", "REASON")});
    for (const AuditEntry &entry : entries.value()) {
        table.addRow({QString::number(entry.sequence), TimeText::iso(entry.time), entry.actor, entry.action,
                      entry.subject, entry.reason.simplified()});
    }
    Console::print(table.toString());
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runAuditCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context, QCoreApplication::translate("steward::AuditCommand", "Checks and lists the hash-chained audit log."),
        {{QStringLiteral("verify"), QString(), runVerify},
         {QStringLiteral("list"),
          QStringLiteral("[--actor A] [--action X] [--subject PATH] [--since WHEN] "
                         "[--until WHEN] [--limit N]"),
          runList}});
}

} // namespace steward
