// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace steward {

class Store;

// What a check of the audit chain found.
struct AuditVerification
{
    enum class Problem {
        None,
        Missing, // a sequence number is skipped: an entry was removed
        Altered, // an entry's content does not give its hash: it was edited or swapped
        Unchained, // an entry does not name the hash of the one before it: removed or reordered
    };

    Problem problem = Problem::None;
    qint64 entriesChecked = 0;
    qint64 firstBadSequence = 0;
    QString message; // for people; empty when intact
    qint64 headSequence = 0; // the newest entry that verified
    QByteArray headHash; // its hash: the value a bundle's manifest and an auditor pin

    [[nodiscard]] bool intact() const { return problem == Problem::None; }
};

// Recomputes the audit chain from the first entry to the last and names the first entry that
// is missing, altered or out of order. Removing entries from the end cannot be seen from the
// chain alone; compare headSequence/headHash with a value recorded elsewhere (a signed
// bundle's manifest does this).
class AuditVerifier final
{
public:
    // `progress` is called every few thousand entries with the count so far; returning false
    // stops the check (the result then says it was cancelled).
    [[nodiscard]] static Result<AuditVerification> verify(const Store &store,
                                                          const std::function<bool(qint64)> &progress = {});
};

} // namespace steward
