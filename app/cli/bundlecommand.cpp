// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl export-bundle and verify-bundle: signed, self-contained snapshots of a workspace
// for auditors, and their offline check (which needs no workspace, only the bundle and the
// public key the auditor was given).
#include "commands.h"
#include "tableprinter.h"
#include "timetext.h"

#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "domain/clock.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace steward {
namespace {

const QString outOption = QStringLiteral("out");
const QString subtreeOption = QStringLiteral("subtree");
const QString fromOption = QStringLiteral("from");
const QString untilOption = QStringLiteral("until");
const QString keyOption = QStringLiteral("key");

QString okText(bool ok)
{
    return ok ? QCoreApplication::translate("steward::BundleCommand", "ok")
              : QCoreApplication::translate("steward::BundleCommand", "FAILED");
}

// The key that signs: the one at --key, or the workspace's default key, created when there is
// none yet (and said so).
Result<SigningKey> signingKey(const QCommandLineParser &parser, const Store &store)
{
    if (parser.isSet(keyOption)) {
        return SigningKey::load(parser.value(keyOption));
    }
    const QString path = SigningKey::defaultPathFor(store.workspaceId());
    const bool existed = QFileInfo::exists(path);
    Result<SigningKey> key = SigningKey::loadOrCreate(path);
    if (key && !existed) {
        Console::note(
            QCoreApplication::translate("steward::BundleCommand", "created the signing key %1 for this workspace.")
                .arg(path));
    }
    return key;
}

// Exports from a workspace file, signed with --key or the workspace's default key.
Result<BundleManifest> exportFromFile(const QCommandLineParser &parser, const Store &store, const QString &out,
                                      const BundleScope &scope)
{
    const Result<SigningKey> key = signingKey(parser, store);
    if (!key) {
        return key.error();
    }
    const SystemClock clock;
    return AuditBundle::exportTo(store, out, scope, key.value(), clock, CommandLine::actor(parser),
                                 CommandLine::reason(parser));
}

} // namespace

int runExportBundleCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::BundleCommand",
                                    "Writes a signed audit bundle: FILE (a read-only copy of the workspace, cut "
                                    "to --subtree and the time range) and FILE.manifest.json (its signed "
                                    "description). Prints the public key, the audit chain's head and the file's "
                                    "SHA-256 for the auditor."));
    CommandLine::addGlobalOptions(parser);
    CommandLine::addReasonOption(parser);
    CommandLine::addActorOption(parser);
    parser.addOption({outOption,
                      QCoreApplication::translate("steward::BundleCommand", "The bundle file to write. Required."),
                      QCoreApplication::translate("steward::BundleCommand", "file")});
    parser.addOption(
        {subtreeOption,
         QCoreApplication::translate("steward::BundleCommand", "Only this part of the org tree, e.g. /acme/sales."),
         QCoreApplication::translate("steward::BundleCommand", "path")});
    parser.addOption(
        {fromOption,
         QCoreApplication::translate("steward::BundleCommand",
                                     "Activity from this time: 2026-05-01, an ISO 8601 time, or 7d, 24h, 30m ago."),
         QCoreApplication::translate("steward::BundleCommand", "when")});
    parser.addOption({untilOption,
                      QCoreApplication::translate("steward::BundleCommand",
                                                  "Activity up to this time (a date includes the whole day)."),
                      QCoreApplication::translate("steward::BundleCommand", "when")});
    parser.addOption(
        {keyOption,
         QCoreApplication::translate("steward::BundleCommand",
                                     "The signing key file (default: the workspace's key, created if missing)."),
         QCoreApplication::translate("steward::BundleCommand", "file")});
    const QString usage = QStringLiteral("stewardctl --store FILE|--server URL export-bundle --out FILE "
                                         "[--subtree PATH] [--from WHEN] [--until WHEN] --reason TEXT [--key FILE]");
    if (const std::optional<int> done = CommandLine::parse(parser, context, 0, 0, usage)) {
        return *done;
    }
    const QString out = parser.value(outOption);
    if (out.isEmpty()) {
        return Console::fail(
            ExitCode::Usage,
            QCoreApplication::translate("steward::BundleCommand", "Name the bundle file to write with --out FILE."));
    }
    // Checked here too (the export checks it), so that a refused export creates no key.
    if (QFileInfo::exists(out) || QFileInfo::exists(AuditBundle::manifestPathFor(out))) {
        return Console::fail(
            ExitCode::Refused,
            QCoreApplication::translate("steward::BundleCommand", "%1 already exists; choose another name.").arg(out));
    }
    if (const std::optional<int> missing = CommandLine::checkReason(parser)) {
        return *missing;
    }
    BundleScope scope;
    scope.subtreePath = parser.value(subtreeOption);
    const Result<QDateTime> from = TimeText::option(parser, fromOption, TimeText::Bound::Start);
    if (!from) {
        return Console::fail(from.error());
    }
    scope.from = from.value();
    const Result<QDateTime> until = TimeText::option(parser, untilOption, TimeText::Bound::End);
    if (!until) {
        return Console::fail(until.error());
    }
    scope.until = until.value();
    if (CommandLine::isRemote(parser, context) && parser.isSet(keyOption)) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate("steward::BundleCommand",
                                                         "--key is for workspace files: a server signs bundles "
                                                         "with its own key."));
    }
    int exitCode = 0;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<Store> store;
    if (CommandLine::isRemote(parser, context)) {
        workspace = CommandLine::openWorkspace(parser, context, exitCode);
    } else {
        store = CommandLine::openStore(parser, context, exitCode);
    }
    if (!workspace && !store) {
        return exitCode;
    }
    // On a server, the server exports and signs, and the bundle and its manifest are downloaded.
    const Result<BundleManifest> manifest = workspace ? workspace->exportBundle(out, scope, CommandLine::reason(parser))
                                                      : exportFromFile(parser, *store, out, scope);
    if (!manifest) {
        return Console::fail(manifest.error());
    }
    if (CommandLine::json(parser, context)) {
        Console::printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("file"), out},
                                      {QStringLiteral("manifestFile"), AuditBundle::manifestPathFor(out)},
                                      {QStringLiteral("manifest"), manifest->toJson()}}));
        return static_cast<int>(ExitCode::Success);
    }
    TablePrinter table;
    table.addRow({QCoreApplication::translate("steward::BundleCommand", "Bundle"), out});
    table.addRow(
        {QCoreApplication::translate("steward::BundleCommand", "Manifest"), AuditBundle::manifestPathFor(out)});
    table.addRow({QCoreApplication::translate("steward::BundleCommand", "Public key"),
                  QString::fromLatin1(manifest->publicKey)});
    table.addRow({QCoreApplication::translate("steward::BundleCommand", "Chain head"),
                  QString::number(manifest->auditHeadSequence) + QLatin1Char(' ')
                      + QString::fromLatin1(manifest->auditHeadHash)});
    table.addRow({QCoreApplication::translate("steward::BundleCommand", "SHA-256"),
                  QString::fromLatin1(manifest->contentSha256)});
    Console::print(table.toString());
    return static_cast<int>(ExitCode::Success);
}

int runVerifyBundleCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("steward::BundleCommand",
                                    "Checks an audit bundle offline: the manifest's signature with the public key "
                                    "you were given, the file's hash, the audit chain inside and its head. Exits "
                                    "with 0 only when every check passes. Needs no workspace."));
    CommandLine::addGlobalOptions(parser);
    parser.addOption(
        {keyOption,
         QCoreApplication::translate("steward::BundleCommand",
                                     "The signer's public key: 64 hex digits, given to you out of band. Required."),
         QCoreApplication::translate("steward::BundleCommand", "hex")});
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("steward::BundleCommand", "The bundle (FILE.manifest.json must be beside it)."),
        QStringLiteral("FILE"));
    if (const std::optional<int> done = CommandLine::parse(
            parser, context, 1, 1, QStringLiteral("stewardctl verify-bundle FILE --key PUBKEY_HEX [--json]"))) {
        return *done;
    }
    if (!parser.isSet(keyOption)) {
        return Console::fail(ExitCode::Usage,
                             QCoreApplication::translate("steward::BundleCommand",
                                                         "Give the signer's public key with --key PUBKEY_HEX."));
    }
    static const QRegularExpression hexKey(QStringLiteral("^[0-9a-fA-F]{64}$"));
    const QString publicKey = parser.value(keyOption).trimmed();
    if (!hexKey.match(publicKey).hasMatch()) {
        return Console::fail(ExitCode::Refused,
                             QCoreApplication::translate("steward::BundleCommand",
                                                         "--key takes a public key of 64 hex digits, not '%1'.")
                                 .arg(parser.value(keyOption)));
    }
    const QString file = parser.positionalArguments().first();
    const Result<BundleVerification> verified = AuditBundle::verify(file, publicKey.toLatin1());
    if (!verified) {
        return Console::fail(verified.error());
    }
    const BundleVerification &report = verified.value();
    // A bundle's chain always holds at least its own export record: a chain that could not be
    // read at all checked no entries, and has not passed.
    const bool chainOk = report.chain.intact() && report.chain.entriesChecked > 0;
    const QList<std::pair<QString, bool>> checks{
        {QCoreApplication::translate("steward::BundleCommand", "signature"), report.signatureValid},
        {QCoreApplication::translate("steward::BundleCommand", "signed by the given key"), report.signedByExpectedKey},
        {QCoreApplication::translate("steward::BundleCommand", "content hash"), report.contentMatches},
        {QCoreApplication::translate("steward::BundleCommand", "audit chain"), chainOk},
        {QCoreApplication::translate("steward::BundleCommand", "chain head"), report.headMatches},
    };
    if (CommandLine::json(parser, context)) {
        Console::printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("ok"), report.ok()},
                                      {QStringLiteral("checks"),
                                       QJsonObject{{QStringLiteral("signature"), report.signatureValid},
                                                   {QStringLiteral("signedByGivenKey"), report.signedByExpectedKey},
                                                   {QStringLiteral("contentHash"), report.contentMatches},
                                                   {QStringLiteral("auditChain"), chainOk},
                                                   {QStringLiteral("chainHead"), report.headMatches}}},
                                      {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)},
                                      {QStringLiteral("manifest"), report.manifest.toJson()}}));
    } else {
        TablePrinter about;
        about.addRow({QCoreApplication::translate("steward::BundleCommand", "Bundle"), file});
        about.addRow({QCoreApplication::translate("steward::BundleCommand", "Exported"),
                      QCoreApplication::translate("steward::BundleCommand", "%1 by %2")
                          .arg(TimeText::iso(report.manifest.createdAt), report.manifest.createdBy)});
        about.addRow({QCoreApplication::translate("steward::BundleCommand", "Chain head"),
                      QString::number(report.manifest.auditHeadSequence) + QLatin1Char(' ')
                          + QString::fromLatin1(report.manifest.auditHeadHash)});
        TablePrinter table;
        for (const auto &[name, ok] : checks) {
            table.addRow({name, okText(ok)});
        }
        QString text = about.toString() + QLatin1Char('\n') + table.toString();
        if (!report.problems.isEmpty()) {
            text += QLatin1Char('\n') + QCoreApplication::translate("steward::BundleCommand", "Problems:")
                + QLatin1Char('\n');
            for (const QString &problem : report.problems) {
                text += QStringLiteral("  - ") + problem + QLatin1Char('\n');
            }
        }
        Console::print(text);
    }
    if (!report.ok()) {
        QStringList failed;
        for (const auto &[name, ok] : checks) {
            if (!ok) {
                failed.append(name);
            }
        }
        return Console::fail(ExitCode::Refused,
                             QCoreApplication::translate("steward::BundleCommand", "the bundle failed verification: %1")
                                 .arg(failed.join(QStringLiteral(", "))));
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace steward
