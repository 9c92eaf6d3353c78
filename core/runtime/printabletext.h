// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace steward {

// Bytes an agent wrote (a program's stderr, a harness's answer) as text for an event or a run's
// error: invalid UTF-8 replaced, control characters other than line breaks and tabs replaced
// by U+FFFD. PostgreSQL's text columns refuse NUL, and one such value would fail a whole batch.
[[nodiscard]] QString printableText(const QByteArray &bytes);

} // namespace steward
