// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

namespace steward {

// An Ed25519 key pair (libsodium) that signs audit bundles. The secret half lives in a key
// file readable only by its owner, never inside a workspace (a bundle is a copy of one); the
// public half is what an auditor is given, as 64 hex digits.
class SigningKey final
{
public:
    // Where a workspace's signing key lives unless told otherwise:
    // ~/.local/share/steward/keys/WORKSPACE_ID.key (the generic data folder, shared by the
    // desktop app and stewardctl).
    [[nodiscard]] static QString defaultPathFor(const QString &workspaceId);

    [[nodiscard]] static Result<SigningKey> generate();
    // Reads a key file written by save(); refuses a file others can read.
    [[nodiscard]] static Result<SigningKey> load(const QString &path);
    // Loads the key at `path`, or creates and saves a new one there if there is none.
    [[nodiscard]] static Result<SigningKey> loadOrCreate(const QString &path);
    [[nodiscard]] Status save(const QString &path) const;

    [[nodiscard]] QByteArray publicKeyHex() const { return m_publicKey.toHex(); }
    [[nodiscard]] QByteArray sign(const QByteArray &message) const;

    // True when `signature` (hex) is `publicKeyHex`'s signature of `message`.
    [[nodiscard]] static bool verify(const QByteArray &message, const QByteArray &signatureHex,
                                     const QByteArray &publicKeyHex);

private:
    SigningKey() = default;

    QByteArray m_publicKey;
    QByteArray m_secretKey;
};

} // namespace steward
