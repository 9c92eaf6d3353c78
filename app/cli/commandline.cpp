// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCoreApplication>

namespace steward {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("steward::CommandLine", text);
}

const QString storeOption = QStringLiteral("store");
const QString jsonOption = QStringLiteral("json");
const QString helpOption = QStringLiteral("help");

} // namespace

void CommandLine::addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({storeOption, tr("The workspace file to work on."), tr("file")});
    parser.addOption({jsonOption, tr("Print JSON for programs instead of text for people.")});
    parser.addOption({{QStringLiteral("h"), helpOption}, tr("Show this help.")});
}

std::optional<int> CommandLine::parse(QCommandLineParser &parser, const CommandContext &context)
{
    const QString program = QCoreApplication::applicationName() + QLatin1Char(' ') + context.name;
    if (!parser.parse(QStringList{program} + context.arguments)) {
        return Console::fail(ExitCode::Usage, parser.errorText());
    }
    if (parser.isSet(helpOption)) {
        printHelp(parser, context.name, {});
        return static_cast<int>(ExitCode::Success);
    }
    return std::nullopt;
}

void CommandLine::printHelp(const QCommandLineParser &parser, const QString &name, const QString &extra)
{
    // helpText() names the program as it was started (often a full path); the usage line reads
    // better as "stewardctl <command>".
    QString text = parser.helpText();
    const QString usage = QStringLiteral("Usage: ");
    if (text.startsWith(usage)) {
        const qsizetype end = text.indexOf(QLatin1Char(' '), usage.size());
        const QString program = QCoreApplication::applicationName() + (name.isEmpty() ? QString() : QLatin1Char(' ') + name);
        text.replace(usage.size(), (end < 0 ? text.size() : end) - usage.size(), program);
    }
    Console::print(text + extra);
}

bool CommandLine::json(const QCommandLineParser &parser, const CommandContext &context)
{
    return context.json || parser.isSet(jsonOption);
}

std::unique_ptr<Store> CommandLine::openStore(const QCommandLineParser &parser, const CommandContext &context,
                                              int &exitCode)
{
    const QString path = parser.isSet(storeOption) ? parser.value(storeOption) : context.store;
    if (path.isEmpty()) {
        exitCode = Console::fail(ExitCode::Usage,
                                 tr("'%1' needs a workspace: give it with --store FILE.").arg(context.name));
        return nullptr;
    }
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store) {
        exitCode = Console::fail(store.error());
        return nullptr;
    }
    exitCode = static_cast<int>(ExitCode::Success);
    return std::move(store).value();
}

std::optional<int> CommandLine::checkPositionalCount(const QCommandLineParser &parser, qsizetype minimum,
                                                     qsizetype maximum, const QString &usage)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < minimum) {
        return Console::fail(ExitCode::Usage, tr("Missing arguments. Usage: %1").arg(usage));
    }
    if (positional.size() > maximum) {
        return Console::fail(ExitCode::Usage,
                             tr("Unexpected argument '%1'. Usage: %2").arg(positional.at(maximum), usage));
    }
    return std::nullopt;
}

} // namespace steward
