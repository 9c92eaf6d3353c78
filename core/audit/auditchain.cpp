// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditchain.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace steward {

QByteArray AuditChain::genesisHash()
{
    return QByteArray(64, '0');
}

QByteArray AuditChain::canonicalEncoding(const AuditEntry &entry)
{
    // A compact JSON array in fixed field order. QJsonObject keeps keys sorted, so the details
    // object has one encoding. The sequence and time are strings so that no number formatting
    // can differ between writers.
    const QJsonArray fields{QString::number(entry.sequence),
                            QString::number(entry.time.toMSecsSinceEpoch()),
                            entry.actor,
                            entry.action,
                            entry.subject,
                            entry.details,
                            entry.reason,
                            QString::fromLatin1(entry.previousHash)};
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QByteArray AuditChain::computeHash(const AuditEntry &entry)
{
    return QCryptographicHash::hash(canonicalEncoding(entry), QCryptographicHash::Sha256).toHex();
}

} // namespace steward
