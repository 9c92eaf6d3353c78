// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl user add|list|grant|revoke: people and agent identities, and the roles they hold
// on subtrees of the org tree (inherited by everything below), in a file or on a server.
#include "accessadmin.h"
#include "commands.h"
#include "tableprinter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace steward {
namespace {

const QString displayNameOption = QStringLiteral("display-name");
const QString agentOption = QStringLiteral("agent");
const QString roleOption = QStringLiteral("role");
const QString onOption = QStringLiteral("on");

Result<Role> roleFrom(const QString &text)
{
    if (const std::optional<Role> role = parseEnum<Role>(text)) {
        return *role;
    }
    return Error{Error::Code::Invalid,
                 QCoreApplication::translate("steward::UserCommand",
                                             "Unknown role '%1'; use admin, editor, reviewer, auditor or agent.")
                     .arg(text)};
}

int runAdd(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::UserCommand",
                                    "Adds a person (or, with --agent, an agent identity), optionally with a role on a "
                                    "subtree."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    parser.addPositionalArgument(
        QStringLiteral("name"), QCoreApplication::translate("steward::UserCommand", "Login-style name, e.g. dana.kim."),
        QStringLiteral("NAME"));
    parser.addOption({displayNameOption, QCoreApplication::translate("steward::UserCommand", "The name people read."),
                      QCoreApplication::translate("steward::UserCommand", "text")});
    parser.addOption(
        {agentOption, QCoreApplication::translate("steward::UserCommand", "An agent identity, not a person.")});
    parser.addOption({roleOption, QCoreApplication::translate("steward::UserCommand", "A role to grant at once."),
                      QCoreApplication::translate("steward::UserCommand", "role")});
    parser.addOption({onOption, QCoreApplication::translate("steward::UserCommand", "Where the role applies."),
                      QCoreApplication::translate("steward::UserCommand", "path")});
    if (const std::optional<int> done =
            CommandLine::parse(parser, context, 1, 1,
                               QStringLiteral("stewardctl --store FILE|--server URL user add NAME [--display-name "
                                              "TEXT] [--agent] [--role ROLE --on PATH] --reason TEXT"))) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    if (parser.isSet(roleOption) != parser.isSet(onOption)) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate("steward::UserCommand", "--role and --on go together."));
    }
    std::optional<Role> role;
    if (parser.isSet(roleOption)) {
        const Result<Role> parsed = roleFrom(parser.value(roleOption));
        if (!parsed) {
            return Console::fail(parsed.error());
        }
        role = parsed.value();
    }
    int exitCode = 0;
    const std::unique_ptr<AccessAdmin> admin = AccessAdmin::open(parser, context, exitCode);
    if (!admin) {
        return exitCode;
    }
    const QString name = parser.positionalArguments().first();
    const Result<Principal> added = admin->addPrincipal(
        name, parser.value(displayNameOption), parser.isSet(agentOption) ? PrincipalKind::Agent : PrincipalKind::User,
        CommandLine::reason(parser));
    if (!added) {
        return Console::fail(added.error());
    }
    if (role) {
        const Result<Grant> granted = admin->grant(name, *role, parser.value(onOption), CommandLine::reason(parser));
        if (!granted) {
            return Console::fail(granted.error());
        }
    }
    Console::print(QCoreApplication::translate("steward::UserCommand", "added %1").arg(name));
    return static_cast<int>(ExitCode::Success);
}

int runList(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::UserCommand", "Lists people and agent identities with their roles."));
    CommandLine::addGlobalOptions(parser);
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 0, 0, QStringLiteral("stewardctl --store FILE|--server URL user list [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    const std::unique_ptr<AccessAdmin> admin = AccessAdmin::open(parser, context, exitCode);
    if (!admin) {
        return exitCode;
    }
    const Result<QList<AccessAdmin::Member>> all = admin->members();
    if (!all) {
        return Console::fail(all.error());
    }
    QJsonArray array;
    TablePrinter table;
    table.addRow({QCoreApplication::translate("steward::UserCommand", "NAME"),
                  QCoreApplication::translate("steward::UserCommand", "KIND"),
                  QCoreApplication::translate("steward::UserCommand", "DISPLAY NAME"),
                  QCoreApplication::translate("steward::UserCommand", "ROLES")});
    for (const auto &[principal, grants] : all.value()) {
        QStringList roles;
        QJsonArray grantArray;
        for (const Grant &grant : grants) {
            roles.append(toText(grant.role) + QStringLiteral(" on ") + grant.nodePath);
            grantArray.append(
                QJsonObject{{QStringLiteral("role"), toText(grant.role)}, {QStringLiteral("on"), grant.nodePath}});
        }
        table.addRow({principal.name, toText(principal.kind), principal.displayName, roles.join(QStringLiteral(", "))});
        array.append(QJsonObject{{QStringLiteral("name"), principal.name},
                                 {QStringLiteral("kind"), toText(principal.kind)},
                                 {QStringLiteral("displayName"), principal.displayName},
                                 {QStringLiteral("roles"), grantArray}});
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(array));
    } else {
        Console::print(table.toString());
    }
    return static_cast<int>(ExitCode::Success);
}

// grant and revoke take the same arguments and differ in the call.
int runRoleChange(const CommandContext &context, bool grant)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        grant ? QCoreApplication::translate("steward::UserCommand",
                                            "Grants NAME the ROLE on PATH and everything below it.")
              : QCoreApplication::translate("steward::UserCommand", "Revokes NAME's ROLE on PATH."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    parser.addPositionalArgument(QStringLiteral("name"), QCoreApplication::translate("steward::UserCommand", "Who."),
                                 QStringLiteral("NAME"));
    parser.addPositionalArgument(
        QStringLiteral("role"),
        QCoreApplication::translate("steward::UserCommand", "admin, editor, reviewer, auditor or agent."),
        QStringLiteral("ROLE"));
    parser.addPositionalArgument(QStringLiteral("path"), QCoreApplication::translate("steward::UserCommand", "Where."),
                                 QStringLiteral("PATH"));
    const QString usage = QStringLiteral("stewardctl --store FILE|--server URL user ")
        + (grant ? QStringLiteral("grant") : QStringLiteral("revoke"))
        + QStringLiteral(" NAME ROLE PATH --reason TEXT");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 3, 3, usage)) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    const QStringList arguments = parser.positionalArguments();
    const Result<Role> role = roleFrom(arguments.at(1));
    if (!role) {
        return Console::fail(role.error());
    }
    int exitCode = 0;
    const std::unique_ptr<AccessAdmin> admin = AccessAdmin::open(parser, context, exitCode);
    if (!admin) {
        return exitCode;
    }
    Status done = Done{};
    if (grant) {
        const Result<Grant> granted =
            admin->grant(arguments.at(0), role.value(), arguments.at(2), CommandLine::reason(parser));
        if (!granted) {
            done = granted.error();
        }
    } else {
        done = admin->revoke(arguments.at(0), role.value(), arguments.at(2), CommandLine::reason(parser));
    }
    if (!done) {
        return Console::fail(done.error());
    }
    Console::print((grant ? QCoreApplication::translate("steward::UserCommand", "granted %1 %2 on %3")
                          : QCoreApplication::translate("steward::UserCommand", "revoked %1 %2 on %3"))
                       .arg(arguments.at(0), toText(role.value()), arguments.at(2)));
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runUserCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context,
        QCoreApplication::translate("steward::UserCommand",
                                    "Adds and lists people and agent identities; grants and revokes roles."),
        {{QStringLiteral("add"), QStringLiteral("NAME [--role ROLE --on PATH] --reason TEXT"), runAdd},
         {QStringLiteral("list"), QString(), runList},
         {QStringLiteral("grant"), QStringLiteral("NAME ROLE PATH --reason TEXT"),
          [](const CommandContext &given) { return runRoleChange(given, true); }},
         {QStringLiteral("revoke"), QStringLiteral("NAME ROLE PATH --reason TEXT"),
          [](const CommandContext &given) { return runRoleChange(given, false); }}});
}

} // namespace steward
