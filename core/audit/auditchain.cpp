// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditchain.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

namespace steward {
namespace {

void appendField(QByteArray &out, QByteArrayView bytes)
{
    char length[8];
    qToBigEndian<quint64>(static_cast<quint64>(bytes.size()), length);
    out.append(length, sizeof length);
    out.append(bytes);
}

} // namespace

QByteArray AuditChain::genesisHash()
{
    return QByteArray(64, '0');
}

QByteArray AuditChain::detailsJson(const AuditEntry &entry)
{
    return QJsonDocument(entry.details).toJson(QJsonDocument::Compact);
}

QByteArray AuditChain::canonicalEncoding(const Fields &fields)
{
    QByteArray out;
    out.reserve(8 * 8 + 40 + fields.actor.size() + fields.action.size() + fields.subject.size()
                + fields.detailsJson.size() + fields.reason.size() + fields.previousHash.size());
    appendField(out, QByteArray::number(fields.sequence));
    appendField(out, QByteArray::number(fields.timeMs));
    appendField(out, fields.actor);
    appendField(out, fields.action);
    appendField(out, fields.subject);
    appendField(out, fields.detailsJson);
    appendField(out, fields.reason);
    appendField(out, fields.previousHash);
    return out;
}

QByteArray AuditChain::computeHash(const Fields &fields)
{
    return QCryptographicHash::hash(canonicalEncoding(fields), QCryptographicHash::Sha256).toHex();
}

QByteArray AuditChain::computeHash(const AuditEntry &entry)
{
    const QByteArray actor = entry.actor.toUtf8();
    const QByteArray action = entry.action.toUtf8();
    const QByteArray subject = entry.subject.toUtf8();
    const QByteArray details = detailsJson(entry);
    const QByteArray reason = entry.reason.toUtf8();
    return computeHash(Fields{entry.sequence, entry.time.toMSecsSinceEpoch(), actor, action, subject, details, reason,
                              entry.previousHash});
}

} // namespace steward
