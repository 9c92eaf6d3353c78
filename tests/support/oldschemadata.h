// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDateTime>

namespace steward {
class Store;
}

namespace steward::test {

// Writes the company /acme and its department /acme/sales, with an audit entry for each,
// through the repositories, which work on every schema since the first; the services also write
// tables that later schemas added (the change stream), so they cannot fill an old store.
[[nodiscard]] Status writeSampleTree(const Store &store, const QDateTime &at);

} // namespace steward::test
