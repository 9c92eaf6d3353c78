// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Verification of a long audit chain (target T13: at least half the throughput of plain
// SHA-256 over the same bytes on the same machine). Builds a store with N entries of about
// 512 bytes through the real AuditRepository, then times AuditVerifier against hashing the
// same canonical encodings with QCryptographicHash alone.
//   bench_auditverify [ENTRIES] [STORE_FILE]
#include "audit/auditchain.h"
#include "audit/auditverifier.h"
#include "storage/auditrepository.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <cstdio>

using namespace steward;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 entries = args.size() > 1 ? args.at(1).toLongLong() : 1000000;
    const QTemporaryDir dir;
    const QString path = args.size() > 2 ? args.at(2) : dir.filePath(QStringLiteral("audit.steward"));

    if (!QFile::exists(path)) {
        auto created = Store::create(path);
        if (!created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        AuditRepository audit(*created.value());
        const QString reason = QStringLiteral("Quarterly review of outbound messaging after the summit venue "
                                              "changed; aligning copy with the marketing brief. ")
                                   .repeated(2);
        for (qint64 done = 0; done < entries;) {
            Transaction transaction(*created.value());
            for (int i = 0; i < 10000 && done < entries; ++i, ++done) {
                AuditEntry entry;
                entry.time = QDateTime::fromMSecsSinceEpoch(1767225600000 + done * 1000, Qt::UTC);
                entry.actor = QStringLiteral("dana.kim");
                entry.action = QStringLiteral("version.save");
                entry.subject = QStringLiteral("/acme/sales/outbound/prospect-mailer");
                entry.details = {{QStringLiteral("id"), done}, {QStringLiteral("version"), done % 50}};
                entry.reason = reason;
                if (!audit.append(entry)) {
                    std::fprintf(stderr, "append failed\n");
                    return 1;
                }
            }
            if (!transaction.commit()) {
                std::fprintf(stderr, "commit failed\n");
                return 1;
            }
        }
        std::printf("built %lld entries in %.1f s\n", static_cast<long long>(entries),
                    static_cast<double>(timer.elapsed()) / 1000.0);
    }

    auto opened = Store::openReadOnly(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    const Store &store = *opened.value();

    // Baseline: the same canonical bytes, hashed with nothing else to do.
    QList<QByteArray> encodings;
    qint64 bytes = 0;
    {
        QSqlQuery query(store.database());
        query.setForwardOnly(true);
        query.exec(
            QStringLiteral("SELECT sequence, time, CAST(actor AS BLOB), CAST(action AS BLOB), CAST(subject AS BLOB), "
                           "CAST(details AS BLOB), CAST(reason AS BLOB), CAST(previous_hash AS BLOB) "
                           "FROM audit_log ORDER BY sequence"));
        while (query.next()) {
            const QByteArray actor = query.value(2).toByteArray();
            const QByteArray action = query.value(3).toByteArray();
            const QByteArray subject = query.value(4).toByteArray();
            const QByteArray details = query.value(5).toByteArray();
            const QByteArray reason = query.value(6).toByteArray();
            const QByteArray previous = query.value(7).toByteArray();
            encodings.append(AuditChain::canonicalEncoding({query.value(0).toLongLong(), query.value(1).toLongLong(),
                                                            actor, action, subject, details, reason, previous}));
            bytes += encodings.last().size();
        }
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray sink;
    for (const QByteArray &encoding : std::as_const(encodings)) {
        sink = QCryptographicHash::hash(encoding, QCryptographicHash::Sha256);
    }
    const double shaSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    timer.restart();
    const auto report = AuditVerifier::verify(store);
    const double verifySeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!report || !report->intact()) {
        std::fprintf(stderr, "verification failed\n");
        return 1;
    }
    std::printf("entries: %lld, canonical bytes: %.1f MB (%.0f B/entry)\n",
                static_cast<long long>(report->entriesChecked), static_cast<double>(bytes) / 1e6,
                static_cast<double>(bytes) / static_cast<double>(encodings.size()));
    std::printf("plain SHA-256 over the same bytes: %.3f s (%.0f MB/s)\n", shaSeconds,
                static_cast<double>(bytes) / 1e6 / shaSeconds);
    std::printf("AuditVerifier (read + encode + hash + check): %.3f s (%.0f MB/s, %.0f entries/s)\n", verifySeconds,
                static_cast<double>(bytes) / 1e6 / verifySeconds,
                static_cast<double>(report->entriesChecked) / verifySeconds);
    std::printf("ratio to plain SHA-256 (T13 target >= 0.5): %.2f\n", shaSeconds / verifySeconds);
    return sink.isEmpty() ? 1 : 0;
}
