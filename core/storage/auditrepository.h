// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/audit.h"
#include "domain/result.h"

#include <QDateTime>
#include <QList>

namespace steward {

class Store;

// Which audit entries to list. Empty fields do not filter.
struct AuditFilter
{
    QString actor;
    QString action; // exact, or a prefix ending in '.' ("node." for every tree edit)
    QString subjectPrefix; // a path: the entries about it and everything below it
    QDateTime from;
    QDateTime until;
};

// The append-only audit log. append() must be called inside the transaction that makes the
// change it records, so that the change and its record land together or not at all.
class AuditRepository final
{
public:
    explicit AuditRepository(const Store &store) : m_store(store) { }

    // Fills in sequence, previous hash and hash, stores the entry and returns it.
    [[nodiscard]] Result<AuditEntry> append(AuditEntry entry);
    // Entries with sequence greater than `after`, oldest first.
    [[nodiscard]] Result<QList<AuditEntry>> entriesAfter(qint64 after, int limit) const;
    // Entries matching the filter, newest first, older than `beforeSequence` (0: from the
    // newest): keyset paging, so a page costs the same at any depth.
    [[nodiscard]] Result<QList<AuditEntry>> query(const AuditFilter &filter, qint64 beforeSequence, int limit) const;
    // The newest entries about one subject (a node path), newest first.
    [[nodiscard]] Result<QList<AuditEntry>> entriesForSubject(const QString &subject, int limit) const;

private:
    const Store &m_store;
};

} // namespace steward
