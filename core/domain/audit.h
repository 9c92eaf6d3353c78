// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace steward {

// One administrative act, appended to the hash-chained audit log and never changed.
struct AuditEntry
{
    qint64 sequence = 0;
    QDateTime time;
    QString actor;
    QString action; // e.g. "node.move", "version.save"
    QString subject; // the path or id acted on
    QJsonObject details;
    QString reason;
    QByteArray previousHash; // hex
    QByteArray hash; // hex
};

} // namespace steward
