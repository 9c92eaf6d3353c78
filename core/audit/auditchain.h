// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/audit.h"

#include <QByteArray>
#include <QByteArrayView>

namespace steward {

// The hash chain over the audit log. Each entry's hash is SHA-256 over a canonical encoding of
// its fields and the previous entry's hash, so altering, removing or reordering any entry
// breaks the chain from there on. The encoding is fixed forever: changing it breaks old chains.
//
// Encoding: for each field in order (sequence, time in ms, actor, action, subject, details,
// reason, previous hash) its UTF-8 bytes preceded by their length as 8 bytes big-endian.
// Numbers are written in decimal; details are the compact JSON text as stored. Length
// prefixes make the encoding unambiguous without escaping, and let a verifier hash the stored
// columns as they are, without parsing JSON.
class AuditChain final
{
public:
    struct Fields
    {
        qint64 sequence = 0;
        qint64 timeMs = 0;
        QByteArrayView actor;
        QByteArrayView action;
        QByteArrayView subject;
        QByteArrayView detailsJson;
        QByteArrayView reason;
        QByteArrayView previousHash;
    };

    // The hash of "no previous entry": 64 zeros.
    [[nodiscard]] static QByteArray genesisHash();
    // The compact JSON text of an entry's details, as stored and as hashed.
    [[nodiscard]] static QByteArray detailsJson(const AuditEntry &entry);
    [[nodiscard]] static QByteArray canonicalEncoding(const Fields &fields);
    // Lower-case hex SHA-256 of the canonical encoding.
    [[nodiscard]] static QByteArray computeHash(const Fields &fields);
    [[nodiscard]] static QByteArray computeHash(const AuditEntry &entry);
};

} // namespace steward
