// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/audit.h"

#include <QByteArray>

namespace steward {

// The hash chain over the audit log. Each entry's hash is SHA-256 over a canonical encoding of
// its fields and the previous entry's hash, so altering, removing or reordering any entry
// breaks every hash after it. The encoding is fixed forever: changing it breaks old chains.
class AuditChain final
{
public:
    // The hash of "no previous entry": 64 zeros.
    [[nodiscard]] static QByteArray genesisHash();
    // The canonical bytes hashed for an entry (its own hash field is not part of it).
    [[nodiscard]] static QByteArray canonicalEncoding(const AuditEntry &entry);
    // Hex SHA-256 of the canonical encoding.
    [[nodiscard]] static QByteArray computeHash(const AuditEntry &entry);
};

} // namespace steward
