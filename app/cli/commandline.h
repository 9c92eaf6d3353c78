// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "console.h"
#include "storage/store.h"

#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <optional>

namespace steward {

// What a command gets from the dispatcher: its own arguments, and the global options that
// were given before the command's name.
struct CommandContext
{
    QString name;           // "tree", "node create", ...
    QStringList arguments;  // what follows the name
    QString store;          // --store given before the name
    bool json = false;      // --json given before the name
};

// The parsing every command shares: the global options, --help, usage errors, the store.
class CommandLine final
{
public:
    // --store, --json and --help: accepted before the command's name and after it.
    static void addGlobalOptions(QCommandLineParser &parser);

    // Parses the command's arguments. Returns an exit code when the command is done already:
    // a usage error was reported, or --help was printed.
    [[nodiscard]] static std::optional<int> parse(QCommandLineParser &parser, const CommandContext &context);

    [[nodiscard]] static bool json(const QCommandLineParser &parser, const CommandContext &context);

    // Opens the store named by --store. Without --store: a usage error; a store that cannot
    // be opened: refused. Either way the failure has been reported and the exit code is set.
    [[nodiscard]] static std::unique_ptr<Store> openStore(const QCommandLineParser &parser,
                                                          const CommandContext &context, int &exitCode);

    // Checks that between `minimum` and `maximum` positional arguments were given; reports a
    // usage error with `usage` otherwise.
    [[nodiscard]] static std::optional<int> checkPositionalCount(const QCommandLineParser &parser, qsizetype minimum,
                                                                 qsizetype maximum, const QString &usage);

    // Prints the help for a command whose arguments were not parsed (a command group).
    static void printHelp(const QCommandLineParser &parser, const QString &name, const QString &extra);
};

} // namespace steward
