// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "client/remoteworkspace.h"
#include "connectionprofile.h"
#include "service/localworkspace.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>

namespace steward {
namespace {

const QString storeOption = QStringLiteral("store");
const QString serverOption = QStringLiteral("server");
const QString tokenOption = QStringLiteral("token");
const QString profileOption = QStringLiteral("profile");
const QString serverCertificateOption = QStringLiteral("server-certificate");
const QString jsonOption = QStringLiteral("json");
const QString helpOption = QStringLiteral("help");
const QString actorOption = QStringLiteral("actor");
const QString reasonOption = QStringLiteral("reason");

// "create, rename, move or archive"
QString choices(const QList<Subcommand> &subcommands)
{
    QStringList names;
    for (const Subcommand &subcommand : subcommands) {
        names.append(subcommand.name);
    }
    return CommandLine::alternatives(names);
}

// The token the desktop app keeps in the system keychain for a saved connection.
Result<QString> tokenFromKeychain(const QString &profileName)
{
    TokenStore tokens;
    QEventLoop waiting;
    std::optional<Result<QString>> answer;
    tokens.read(profileName, &waiting, [&](const Result<QString> &token) {
        answer = token;
        waiting.quit();
    });
    if (!answer) {
        waiting.exec();
    }
    return *answer;
}

} // namespace

void CommandLine::addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({storeOption,
                      QCoreApplication::translate("steward::CommandLine", "The workspace file to work on."),
                      QCoreApplication::translate("steward::CommandLine", "file")});
    parser.addOption({serverOption,
                      QCoreApplication::translate("steward::CommandLine",
                                                  "The stewardd to work with instead of a file, e.g. "
                                                  "https://steward.example.com."),
                      QCoreApplication::translate("steward::CommandLine", "url")});
    parser.addOption({tokenOption,
                      QCoreApplication::translate("steward::CommandLine",
                                                  "The bearer token for --server (default: $STEWARD_TOKEN, which "
                                                  "other users cannot see in the process list)."),
                      QCoreApplication::translate("steward::CommandLine", "token")});
    parser.addOption({profileOption,
                      QCoreApplication::translate("steward::CommandLine",
                                                  "A server connection saved by the desktop app: its address, "
                                                  "its pinned certificate and the token the system keychain keeps "
                                                  "for it."),
                      QCoreApplication::translate("steward::CommandLine", "name")});
    parser.addOption({serverCertificateOption,
                      QCoreApplication::translate("steward::CommandLine",
                                                  "The server's own certificate (PEM), trusted even though no "
                                                  "authority signed it."),
                      QCoreApplication::translate("steward::CommandLine", "file")});
    parser.addOption(
        {jsonOption,
         QCoreApplication::translate("steward::CommandLine", "Print JSON for programs instead of text for people.")});
    parser.addOption(
        {{QStringLiteral("h"), helpOption}, QCoreApplication::translate("steward::CommandLine", "Show this help.")});
}

CommandContext CommandLine::withGlobals(const QCommandLineParser &parser, CommandContext context)
{
    const QList<std::pair<QString, QString *>> values{{storeOption, &context.store},
                                                      {serverOption, &context.server},
                                                      {tokenOption, &context.token},
                                                      {serverCertificateOption, &context.serverCertificate},
                                                      {profileOption, &context.profile}};
    for (const auto &[option, value] : values) {
        if (parser.isSet(option)) {
            *value = parser.value(option);
        }
    }
    context.json = json(parser, context);
    return context;
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

std::optional<int> CommandLine::parse(QCommandLineParser &parser, const CommandContext &context, qsizetype minimum,
                                      qsizetype maximum, const QString &usage)
{
    if (const std::optional<int> done = parse(parser, context)) {
        return done;
    }
    return checkPositionalCount(parser, minimum, maximum, usage);
}

void CommandLine::printHelp(const QCommandLineParser &parser, const QString &name, const QString &extra)
{
    // helpText() names the program as it was started (often a full path); the usage line reads
    // better as "stewardctl <command>".
    QString text = parser.helpText();
    const QString usage = QStringLiteral("Usage: ");
    if (text.startsWith(usage)) {
        const qsizetype end = text.indexOf(QLatin1Char(' '), usage.size());
        const QString program =
            QCoreApplication::applicationName() + (name.isEmpty() ? QString() : QLatin1Char(' ') + name);
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
    if (isRemote(parser, context)) {
        exitCode = Console::fail(ExitCode::Usage,
                                 QCoreApplication::translate("steward::CommandLine",
                                                             "'%1' works on a workspace file (--store FILE), not on "
                                                             "a server.")
                                     .arg(context.name));
        return nullptr;
    }
    const QString path = withGlobals(parser, context).store;
    if (path.isEmpty()) {
        exitCode = Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::CommandLine", "'%1' needs a workspace: give it with --store FILE.")
                .arg(context.name));
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

bool CommandLine::isRemote(const QCommandLineParser &parser, const CommandContext &context)
{
    const CommandContext given = withGlobals(parser, context);
    return !given.server.isEmpty() || !given.profile.isEmpty();
}

std::optional<ServerConnection> CommandLine::serverConnection(const QCommandLineParser &parser,
                                                              const CommandContext &context, int &exitCode)
{
    const CommandContext given = withGlobals(parser, context);
    const auto usage = [&exitCode](const QString &message) {
        exitCode = Console::fail(ExitCode::Usage, message);
        return std::nullopt;
    };
    if (!given.store.isEmpty()) {
        return usage(
            QCoreApplication::translate("steward::CommandLine", "Give either --store FILE or --server URL, not both."));
    }
    // optionNames() holds the options that were given (asking isSet about an option a command
    // does not have is a warning). --actor names who acts only in the commands that change
    // something, which all take --reason; audit list's --actor is a filter, and it has no --reason.
    const QStringList givenOptions = parser.optionNames();
    if (givenOptions.contains(actorOption) && givenOptions.contains(reasonOption)) {
        return usage(QCoreApplication::translate("steward::CommandLine",
                                                 "--actor is for workspace files: on a server, the owner of the "
                                                 "token is the actor."));
    }
    std::optional<ConnectionProfile> profile;
    if (!given.profile.isEmpty()) {
        const std::unique_ptr<QSettings> appSettings = ConnectionProfiles::appSettings();
        profile = ConnectionProfiles::find(given.profile, *appSettings);
        if (!profile) {
            exitCode = Console::fail(ExitCode::Refused,
                                     QCoreApplication::translate("steward::CommandLine",
                                                                 "The desktop app has no saved connection named '%1'.")
                                         .arg(given.profile));
            return std::nullopt;
        }
    }
    ServerConnection connection;
    connection.url = given.server.isEmpty() && profile ? profile->serverUrl : QUrl(given.server, QUrl::StrictMode);
    connection.token = given.token.isEmpty() ? qEnvironmentVariable("STEWARD_TOKEN") : given.token;
    if (connection.token.isEmpty() && profile) {
        const Result<QString> kept = tokenFromKeychain(profile->name);
        if (!kept) {
            exitCode = Console::fail(kept.error());
            return std::nullopt;
        }
        connection.token = kept.value();
    }
    if (connection.token.isEmpty()) {
        return usage(QCoreApplication::translate("steward::CommandLine",
                                                 "'%1' on a server needs a token: give it with --token TOKEN, in "
                                                 "the STEWARD_TOKEN environment variable, or through --profile.")
                         .arg(context.name));
    }
    const QString certificatePath =
        given.serverCertificate.isEmpty() && profile ? profile->certificatePath : given.serverCertificate;
    if (!certificatePath.isEmpty()) {
        const Result<QSslCertificate> certificate = ServerConnection::readCertificate(certificatePath);
        if (!certificate) {
            exitCode = Console::fail(certificate.error());
            return std::nullopt;
        }
        connection.pinnedCertificate = certificate.value();
    }
    if (const Status usable = connection.check(); !usable) {
        exitCode = Console::fail(usable.error());
        return std::nullopt;
    }
    exitCode = static_cast<int>(ExitCode::Success);
    return connection;
}

std::unique_ptr<Workspace> CommandLine::openWorkspace(const QCommandLineParser &parser, const CommandContext &context,
                                                      int &exitCode)
{
    if (!isRemote(parser, context)) {
        if (withGlobals(parser, context).store.isEmpty()) {
            exitCode = Console::fail(ExitCode::Usage,
                                     QCoreApplication::translate("steward::CommandLine",
                                                                 "'%1' needs a workspace: give it with --store FILE "
                                                                 "or --server URL.")
                                         .arg(context.name));
            return nullptr;
        }
        std::unique_ptr<Store> store = openStore(parser, context, exitCode);
        if (!store) {
            return nullptr;
        }
        return std::make_unique<LocalWorkspace>(std::move(store), actor(parser));
    }
    std::optional<ServerConnection> connection = serverConnection(parser, context, exitCode);
    if (!connection) {
        return nullptr;
    }
    // A one-shot command needs no live stream.
    Result<std::unique_ptr<RemoteWorkspace>> workspace =
        RemoteWorkspace::open(std::move(*connection), RemoteWorkspace::Updates::Requests);
    if (!workspace) {
        exitCode = Console::fail(workspace.error());
        return nullptr;
    }
    return std::move(workspace).value();
}

std::optional<int> CommandLine::refuseServer(const QCommandLineParser &parser, const CommandContext &context,
                                             const QString &why)
{
    if (!isRemote(parser, context)) {
        return std::nullopt;
    }
    return Console::fail(ExitCode::Usage, why);
}

std::optional<int> CommandLine::checkPositionalCount(const QCommandLineParser &parser, qsizetype minimum,
                                                     qsizetype maximum, const QString &usage)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < minimum) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::CommandLine", "Missing arguments. Usage: %1").arg(usage));
    }
    if (positional.size() > maximum) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate("steward::CommandLine", "Unexpected argument '%1'. Usage: %2")
                                 .arg(positional.at(maximum), usage));
    }
    return std::nullopt;
}

QString CommandLine::alternatives(QStringList names)
{
    if (names.size() < 2) {
        return names.join(QString());
    }
    const QString last = names.takeLast();
    return QCoreApplication::translate("steward::CommandLine", "%1 or %2").arg(names.join(QStringLiteral(", ")), last);
}

int CommandLine::runGroup(const CommandContext &context, const QString &description,
                          const QList<Subcommand> &subcommands)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("subcommand"), choices(subcommands) + QLatin1Char('.'),
                                 QStringLiteral("<subcommand> [<arguments>]"));
    const QString program = QCoreApplication::applicationName() + QLatin1Char(' ') + context.name;
    if (!parser.parse(QStringList{program} + context.arguments)) {
        return Console::fail(ExitCode::Usage, parser.errorText());
    }
    if (parser.isSet(helpOption)) {
        QString list =
            QLatin1Char('\n') + QCoreApplication::translate("steward::CommandLine", "Subcommands:") + QLatin1Char('\n');
        for (const Subcommand &subcommand : subcommands) {
            list += QStringLiteral("  ") + subcommand.name.leftJustified(14) + subcommand.usage + QLatin1Char('\n');
        }
        list += QLatin1Char('\n')
            + QCoreApplication::translate("steward::CommandLine",
                                          "Run 'stewardctl %1 <subcommand> --help' for its options.")
                  .arg(context.name)
            + QLatin1Char('\n');
        printHelp(parser, context.name, list);
        return static_cast<int>(ExitCode::Success);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate("steward::CommandLine", "Name what to do: %1 %2.")
                                 .arg(context.name, choices(subcommands)));
    }
    for (const Subcommand &subcommand : subcommands) {
        if (subcommand.name == positional.first()) {
            CommandContext given = withGlobals(parser, context);
            given.name = context.name + QLatin1Char(' ') + subcommand.name;
            given.arguments = positional.mid(1);
            return subcommand.run(given);
        }
    }
    return Console::fail(ExitCode::Usage,
                         QCoreApplication::translate("steward::CommandLine", "Unknown subcommand '%1 %2'. Use %3.")
                             .arg(context.name, positional.first(), choices(subcommands)));
}

void CommandLine::addActorOption(QCommandLineParser &parser)
{
    parser.addOption(
        {actorOption,
         QCoreApplication::translate("steward::CommandLine", "Who acts (default: the user running stewardctl)."),
         QCoreApplication::translate("steward::CommandLine", "name")});
}

QString CommandLine::actor(const QCommandLineParser &parser)
{
    // optionNames(), not isSet(): commands that only read have no --actor, and are asked too
    // when they open a workspace file.
    return parser.optionNames().contains(actorOption) ? parser.value(actorOption) : LocalWorkspace::defaultActor();
}

void CommandLine::addReasonOption(QCommandLineParser &parser)
{
    parser.addOption({reasonOption,
                      QCoreApplication::translate("steward::CommandLine", "Why: kept in the audit log. Required."),
                      QCoreApplication::translate("steward::CommandLine", "text")});
}

std::optional<int> CommandLine::checkReason(const QCommandLineParser &parser)
{
    if (!parser.isSet(reasonOption)) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::CommandLine",
                                        "Give a reason with --reason TEXT; it is kept in the audit log."));
    }
    return std::nullopt;
}

QString CommandLine::reason(const QCommandLineParser &parser)
{
    return parser.value(reasonOption);
}

Result<qint64> CommandLine::number(const QString &name, const QString &value, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::CommandLine", "%1 takes a whole number from %2 to %3, not '%4'.")
                .arg(name)
                .arg(minimum)
                .arg(maximum)
                .arg(value)};
    }
    return number;
}

Result<qint64> CommandLine::optionNumber(const QCommandLineParser &parser, const QString &option, qint64 minimum,
                                         qint64 maximum, qint64 fallback)
{
    if (!parser.isSet(option)) {
        return fallback;
    }
    return number(QStringLiteral("--") + option, parser.value(option), minimum, maximum);
}

} // namespace steward
