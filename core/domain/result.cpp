// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "result.h"

namespace steward {

QString Error::codeName() const
{
    switch (code) {
    case Code::NotFound: return QStringLiteral("not_found");
    case Code::Invalid: return QStringLiteral("invalid");
    case Code::Conflict: return QStringLiteral("conflict");
    case Code::Forbidden: return QStringLiteral("forbidden");
    case Code::StoreMissing: return QStringLiteral("store_missing");
    case Code::StoreLocked: return QStringLiteral("store_locked");
    case Code::StoreCorrupt: return QStringLiteral("store_corrupt");
    case Code::StoreTooNew: return QStringLiteral("store_too_new");
    case Code::StoreFailure: return QStringLiteral("store_failure");
    }
    return QStringLiteral("invalid");
}

} // namespace steward
