// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl key create|show: the Ed25519 key that signs audit bundles. The secret half stays
// in a file only its owner can read; the public half (64 hex digits) goes to the auditors.
#include "commands.h"

#include "bundle/signingkey.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace steward {
namespace {

// The key file named by `option`, or the workspace's default key file (which needs --store).
// Refused with --server. On failure the error has been reported and `exitCode` is set.
QString keyPath(const QCommandLineParser &parser, const CommandContext &context, const QString &option, int &exitCode)
{
    if (const std::optional<int> refused = CommandLine::refuseServer(
            parser, context,
            QCoreApplication::translate("steward::KeyCommand",
                                        "A server signs bundles with its own key, which stays on the server; 'key' "
                                        "works on key files and workspace files."))) {
        exitCode = *refused;
        return {};
    }
    if (parser.isSet(option)) {
        if (parser.value(option).isEmpty()) {
            exitCode = Console::fail(
                ExitCode::Usage,
                QCoreApplication::translate("steward::KeyCommand", "--%1 needs a file name.").arg(option));
        }
        return parser.value(option);
    }
    const std::unique_ptr<Store> store = CommandLine::openStore(parser, context, exitCode);
    return store ? SigningKey::defaultPathFor(store->workspaceId()) : QString();
}

void printKey(const QString &path, const QByteArray &publicKey, bool json)
{
    if (json) {
        Console::printJson(QJsonDocument(QJsonObject{{QStringLiteral("file"), path},
                                                     {QStringLiteral("publicKey"), QString::fromLatin1(publicKey)}}));
    } else {
        Console::print(QString::fromLatin1(publicKey));
    }
}

int runCreate(const CommandContext &context)
{
    const QString outOption = QStringLiteral("out");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::KeyCommand",
                                    "Creates a signing key for audit bundles and prints its public key. Without "
                                    "--out the key goes to the workspace's default key file, so --store is "
                                    "needed. An existing key file is never replaced."));
    CommandLine::addGlobalOptions(parser);
    parser.addOption({outOption, QCoreApplication::translate("steward::KeyCommand", "The key file to create."),
                      QCoreApplication::translate("steward::KeyCommand", "file")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 0, 0, QStringLiteral("stewardctl [--store FILE] key create [--out FILE] [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    const QString path = keyPath(parser, context, outOption, exitCode);
    if (path.isEmpty()) {
        return exitCode;
    }
    if (QFileInfo::exists(path)) {
        return Console::fail(
            ExitCode::Refused,
            QCoreApplication::translate("steward::KeyCommand",
                                        "%1 already exists; a signing key is never replaced. Use 'key show' to see its "
                                        "public key.")
                .arg(path));
    }
    const Result<SigningKey> key = SigningKey::generate();
    if (!key) {
        return Console::fail(key.error());
    }
    if (const Status saved = key->save(path); !saved) {
        return Console::fail(saved.error());
    }
    const bool json = CommandLine::json(parser, context);
    if (!json) {
        Console::note(QCoreApplication::translate("steward::KeyCommand",
                                                  "created the signing key %1; its public key is on the next line.")
                          .arg(path));
    }
    printKey(path, key->publicKeyHex(), json);
    return static_cast<int>(ExitCode::Success);
}

int runShow(const CommandContext &context)
{
    const QString keyOption = QStringLiteral("key");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::KeyCommand",
                                    "Prints the public key of a signing key: the one at --key, or the "
                                    "workspace's default key (which needs --store)."));
    CommandLine::addGlobalOptions(parser);
    parser.addOption({keyOption, QCoreApplication::translate("steward::KeyCommand", "The key file."),
                      QCoreApplication::translate("steward::KeyCommand", "file")});
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 0, 0, QStringLiteral("stewardctl [--store FILE] key show [--key FILE] [--json]"))) {
        return *done;
    }
    int exitCode = 0;
    const QString path = keyPath(parser, context, keyOption, exitCode);
    if (path.isEmpty()) {
        return exitCode;
    }
    const Result<SigningKey> key = SigningKey::load(path);
    if (!key) {
        return Console::fail(key.error());
    }
    printKey(path, key->publicKeyHex(), CommandLine::json(parser, context));
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runKeyCommand(const CommandContext &context)
{
    return CommandLine::runGroup(
        context,
        QCoreApplication::translate("steward::KeyCommand",
                                    "Creates and shows the Ed25519 keys that sign audit bundles."),
        {{QStringLiteral("create"), QStringLiteral("[--out FILE]"), runCreate},
         {QStringLiteral("show"), QStringLiteral("[--key FILE]"), runShow}});
}

} // namespace steward
