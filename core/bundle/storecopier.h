// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QString>

namespace steward {

class Store;

// Copies a workspace row by row into a new SQLite file, for stores that cannot write one
// themselves (PostgreSQL has no VACUUM INTO). The source is read in one repeatable-read
// transaction, so the copy is a consistent snapshot while other backends keep writing.
class StoreCopier final
{
public:
    [[nodiscard]] static Status copyToSqliteFile(const Store &source, const QString &path);
};

} // namespace steward
