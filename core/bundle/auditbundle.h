// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditverifier.h"
#include "domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace steward {

class Clock;
class SigningKey;
class Store;

// What a bundle holds: the whole workspace, or one subtree and/or a time range of activity.
// Versions and the audit log are always kept whole: the audit chain only verifies complete.
struct BundleScope
{
    QString subtreePath; // empty: the whole tree
    QDateTime from; // null: from the beginning
    QDateTime until; // null: up to the export
};

// The signed description of a bundle, kept beside it as FILE.manifest.json.
struct BundleManifest
{
    int format = 1;
    QString workspaceId;
    QDateTime createdAt;
    QString createdBy;
    BundleScope scope;
    int schemaVersion = 0;
    qint64 auditHeadSequence = 0;
    QByteArray auditHeadHash;
    QByteArray contentSha256; // hex SHA-256 of the bundle file
    QByteArray publicKey; // hex Ed25519 public key that signed it
    QByteArray signature; // hex signature over signedBytes()

    // The manifest without its signature, as compact JSON with sorted keys: what is signed.
    [[nodiscard]] QByteArray signedBytes() const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<BundleManifest> fromJson(const QByteArray &json);
};

// What verifying a bundle found. Every check runs; ok() is true only when all pass.
struct BundleVerification
{
    BundleManifest manifest;
    bool signatureValid = false;
    bool signedByExpectedKey = false;
    bool contentMatches = false;
    bool headMatches = false;
    AuditVerification chain;
    QStringList problems; // one sentence for each failed check

    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

// Signed, self-contained snapshots of a workspace for auditors, who open them offline and
// read-only, and check that nothing was changed since the export.
class AuditBundle final
{
public:
    [[nodiscard]] static QString manifestPathFor(const QString &bundlePath);

    // Writes BUNDLE and BUNDLE.manifest.json. The export itself is an administrative act: its
    // audit entry is appended first, so the bundle's chain ends with its own export record.
    [[nodiscard]] static Result<BundleManifest> exportTo(const Store &store, const QString &bundlePath,
                                                         const BundleScope &scope, const SigningKey &key,
                                                         const Clock &clock, const QString &actor,
                                                         const QString &reason);

    // Checks the manifest's signature against `publicKeyHex`, the file's hash against the
    // manifest, the audit chain inside, and the chain's head against the manifest. Never
    // writes to the bundle.
    [[nodiscard]] static Result<BundleVerification> verify(const QString &bundlePath, const QByteArray &publicKeyHex);
};

} // namespace steward
