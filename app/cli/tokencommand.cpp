// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl token create|revoke: bearer tokens for people and agent identities, in a file or on
// a server. A new token is printed once; Steward keeps only its SHA-256.
#include "accessadmin.h"
#include "commands.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace steward {
namespace {

const QString labelOption = QStringLiteral("label");

int runTokenChange(const CommandContext &context, bool create)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        create ? QCoreApplication::translate("steward::TokenCommand",
                                             "Creates a bearer token for NAME and prints it once; keep it secret.")
               : QCoreApplication::translate("steward::TokenCommand", "Revokes NAME's token LABEL; it stops working."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    parser.addPositionalArgument(QStringLiteral("name"),
                                 QCoreApplication::translate("steward::TokenCommand", "Whose token."),
                                 QStringLiteral("NAME"));
    QString usage;
    if (create) {
        parser.addOption(
            {labelOption,
             QCoreApplication::translate("steward::TokenCommand", "What the token is for (default: default)."),
             QCoreApplication::translate("steward::TokenCommand", "label")});
        usage = QStringLiteral("stewardctl --store FILE|--server URL token create NAME [--label LABEL] --reason TEXT");
    } else {
        parser.addPositionalArgument(QStringLiteral("label"),
                                     QCoreApplication::translate("steward::TokenCommand", "Which token."),
                                     QStringLiteral("LABEL"));
        usage = QStringLiteral("stewardctl --store FILE|--server URL token revoke NAME LABEL --reason TEXT");
    }
    if (const std::optional<int> done = CommandLine::parse(parser, context, create ? 1 : 2, create ? 1 : 2, usage)) {
        return *done;
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    int exitCode = 0;
    const std::unique_ptr<AccessAdmin> admin = AccessAdmin::open(parser, context, exitCode);
    if (!admin) {
        return exitCode;
    }
    const QString name = parser.positionalArguments().first();
    if (!create) {
        const QString label = parser.positionalArguments().at(1);
        if (const Status revoked = admin->revokeToken(name, label, CommandLine::reason(parser)); !revoked) {
            return Console::fail(revoked.error());
        }
        Console::print(QCoreApplication::translate("steward::TokenCommand", "revoked %1's token %2").arg(name, label));
        return static_cast<int>(ExitCode::Success);
    }
    const QString label = parser.isSet(labelOption) ? parser.value(labelOption) : QStringLiteral("default");
    const Result<AccessService::IssuedToken> issued = admin->createToken(name, label, CommandLine::reason(parser));
    if (!issued) {
        return Console::fail(issued.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("name"), name},
                                                     {QStringLiteral("label"), issued->token.name},
                                                     {QStringLiteral("token"), issued->secret}}));
    } else {
        Console::print(issued->secret);
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runTokenCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context, QCoreApplication::translate("steward::TokenCommand", "Creates and revokes bearer tokens."),
        {{QStringLiteral("create"), QStringLiteral("NAME [--label LABEL] --reason TEXT"),
          [](const CommandContext &given) { return runTokenChange(given, true); }},
         {QStringLiteral("revoke"), QStringLiteral("NAME LABEL --reason TEXT"),
          [](const CommandContext &given) { return runTokenChange(given, false); }}});
}

} // namespace steward
