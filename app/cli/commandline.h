// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/serverconnection.h"
#include "console.h"
#include "service/workspace.h"
#include "storage/store.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace steward {

// What a command gets from the dispatcher: its own arguments, and the global options that
// were given before the command's name.
struct CommandContext
{
    QString name; // "tree", "node create", ...
    QStringList arguments; // what follows the name
    QString store; // --store given before the name
    bool json = false; // --json given before the name
    QString server; // --server given before the name
    QString token; // --token given before the name
    QString serverCertificate; // --server-certificate given before the name
    QString profile; // --profile given before the name: a connection saved by the desktop app
};

// One subcommand of a command group ("node create", "agent diff", ...): its name, its arguments
// for the group's help, and the function that parses the rest and runs it.
struct Subcommand
{
    QString name;
    QString usage;
    std::function<int(const CommandContext &)> run;
};

// The parsing every command shares: the global options, --help, usage errors, the store.
class CommandLine final
{
public:
    // --store, --server (with --token and --server-certificate), --json and --help: accepted
    // before the command's name and after it.
    static void addGlobalOptions(QCommandLineParser &parser);
    // The context with the global options this parser found put in (they win over the ones
    // given further left): what a command group hands on to its subcommand.
    [[nodiscard]] static CommandContext withGlobals(const QCommandLineParser &parser, CommandContext context);

    // Parses the command's arguments. Returns an exit code when the command is done already:
    // a usage error was reported, or --help was printed.
    [[nodiscard]] static std::optional<int> parse(QCommandLineParser &parser, const CommandContext &context);
    // The same, then checks the positional count as checkPositionalCount does.
    [[nodiscard]] static std::optional<int> parse(QCommandLineParser &parser, const CommandContext &context,
                                                  qsizetype minimum, qsizetype maximum, const QString &usage);

    [[nodiscard]] static bool json(const QCommandLineParser &parser, const CommandContext &context);

    // Opens the store named by --store. Without --store, or with --server (the command only
    // works on a file): a usage error; a store that cannot be opened: refused. Either way the
    // failure has been reported and the exit code is set.
    [[nodiscard]] static std::unique_ptr<Store> openStore(const QCommandLineParser &parser,
                                                          const CommandContext &context, int &exitCode);

    // Opens the workspace the command works on: the file of --store, with --actor (or the user
    // running stewardctl) as the actor; or the server of --server, where the token's owner is
    // the actor. On failure it has been reported and `exitCode` is set.
    [[nodiscard]] static std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &parser,
                                                                  const CommandContext &context, int &exitCode);
    // Was --server given?
    [[nodiscard]] static bool isRemote(const QCommandLineParser &parser, const CommandContext &context);
    // The connection --server, --token (or STEWARD_TOKEN) and --server-certificate describe.
    // Also refuses --store beside --server, and --actor (the token says who acts).
    [[nodiscard]] static std::optional<ServerConnection> serverConnection(const QCommandLineParser &parser,
                                                                          const CommandContext &context, int &exitCode);
    // For commands that make no sense on a server: a usage error saying `why` when --server
    // was given.
    [[nodiscard]] static std::optional<int> refuseServer(const QCommandLineParser &parser,
                                                         const CommandContext &context, const QString &why);

    // Checks that between `minimum` and `maximum` positional arguments were given; reports a
    // usage error with `usage` otherwise.
    [[nodiscard]] static std::optional<int> checkPositionalCount(const QCommandLineParser &parser, qsizetype minimum,
                                                                 qsizetype maximum, const QString &usage);

    // Prints the help for a command whose arguments were not parsed (a command group).
    static void printHelp(const QCommandLineParser &parser, const QString &name, const QString &extra);

    // "a, b or c", for messages that list the choices.
    [[nodiscard]] static QString alternatives(QStringList names);

    // Runs a command group: reads the global options, then hands the rest to the subcommand
    // named first. --help lists the subcommands with their arguments.
    [[nodiscard]] static int runGroup(const CommandContext &context, const QString &description,
                                      const QList<Subcommand> &subcommands);

    // --actor NAME: who acts; the user running stewardctl unless given.
    static void addActorOption(QCommandLineParser &parser);
    [[nodiscard]] static QString actor(const QCommandLineParser &parser);

    // --reason TEXT, which every change needs. checkReason reports a usage error without it.
    static void addReasonOption(QCommandLineParser &parser);
    [[nodiscard]] static std::optional<int> checkReason(const QCommandLineParser &parser);
    [[nodiscard]] static QString reason(const QCommandLineParser &parser);

    // A whole number from `minimum` to `maximum`, given as `name` (an option such as --version or
    // an argument such as ID); anything else (letters, out of range, too large) is refused.
    [[nodiscard]] static Result<qint64> number(const QString &name, const QString &value, qint64 minimum,
                                               qint64 maximum);
    // The same for an option's value; `fallback` when the option was not given.
    [[nodiscard]] static Result<qint64> optionNumber(const QCommandLineParser &parser, const QString &option,
                                                     qint64 minimum, qint64 maximum, qint64 fallback);
};

} // namespace steward
