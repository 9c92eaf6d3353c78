// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "result.h"

#include <array>

namespace steward {
namespace {

// Every code, for reading a spelling back; codeName's switch is where the compiler checks
// that each code has one.
constexpr std::array allCodes{Error::Code::NotFound,     Error::Code::Invalid,      Error::Code::Conflict,
                              Error::Code::Forbidden,    Error::Code::StoreMissing, Error::Code::StoreLocked,
                              Error::Code::StoreCorrupt, Error::Code::StoreTooNew,  Error::Code::StoreFailure,
                              Error::Code::TooLarge};

} // namespace

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
    case Code::TooLarge: return QStringLiteral("too_large");
    }
    return QStringLiteral("invalid");
}

std::optional<Error::Code> Error::codeFromName(const QString &name)
{
    for (const Code candidate : allCodes) {
        if (Error{candidate, {}}.codeName() == name) {
            return candidate;
        }
    }
    return std::nullopt;
}

} // namespace steward
