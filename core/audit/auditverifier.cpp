// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditverifier.h"

#include "audit/auditchain.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

constexpr qint64 ProgressEvery = 4096;

} // namespace

Result<AuditVerification> AuditVerifier::verify(const Store &store, const std::function<bool(qint64)> &progress)
{
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    // Text columns come back as their stored UTF-8 bytes, hashed as they are, without a
    // round trip through QString.
    const SqlDialect &dialect = store.dialect();
    QStringList columns{QStringLiteral("sequence"), QStringLiteral("time")};
    for (const char *text : {"actor", "action", "subject", "details", "reason", "previous_hash", "hash"}) {
        columns.append(dialect.utf8Bytes(QLatin1String(text)));
    }
    if (!query.exec(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "))
                    + QStringLiteral(" FROM audit_log ORDER BY sequence"))) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditVerifier", "reading the audit log"));
    }
    AuditVerification report;
    QByteArray previous = AuditChain::genesisHash();
    qint64 expected = 1;
    while (query.next()) {
        const qint64 sequence = query.value(0).toLongLong();
        const QByteArray actor = query.value(2).toByteArray();
        const QByteArray action = query.value(3).toByteArray();
        const QByteArray subject = query.value(4).toByteArray();
        const QByteArray details = query.value(5).toByteArray();
        const QByteArray reason = query.value(6).toByteArray();
        const QByteArray previousHash = query.value(7).toByteArray();
        const QByteArray hash = query.value(8).toByteArray();
        const auto fail = [&](AuditVerification::Problem problem, qint64 at, const QString &message) {
            report.problem = problem;
            report.firstBadSequence = at;
            report.message = message;
            return report;
        };
        if (sequence != expected) {
            return fail(
                AuditVerification::Problem::Missing, expected,
                QCoreApplication::translate("steward::AuditVerifier",
                                            "Audit entry %1 is missing: the log jumps from entry %2 to entry %3.")
                    .arg(expected)
                    .arg(expected - 1)
                    .arg(sequence));
        }
        const QByteArray recomputed = AuditChain::computeHash(
            {sequence, query.value(1).toLongLong(), actor, action, subject, details, reason, previousHash});
        if (recomputed != hash) {
            return fail(AuditVerification::Problem::Altered, sequence,
                        QCoreApplication::translate("steward::AuditVerifier",
                                                    "Audit entry %1 was altered: its content does not match its hash.")
                            .arg(sequence));
        }
        if (previousHash != previous) {
            return fail(AuditVerification::Problem::Unchained, sequence,
                        QCoreApplication::translate(
                            "steward::AuditVerifier",
                            "Audit entry %1 does not follow entry %2: entries were removed, replaced or reordered.")
                            .arg(sequence)
                            .arg(sequence - 1));
        }
        previous = hash;
        report.headSequence = sequence;
        report.headHash = hash;
        ++report.entriesChecked;
        ++expected;
        if (progress && report.entriesChecked % ProgressEvery == 0 && !progress(report.entriesChecked)) {
            return Error{
                Error::Code::Invalid,
                QCoreApplication::translate("steward::AuditVerifier", "The audit check was cancelled after %1 entries.")
                    .arg(report.entriesChecked)};
        }
    }
    if (query.lastError().isValid()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::AuditVerifier", "reading the audit log"));
    }
    return report;
}

} // namespace steward
