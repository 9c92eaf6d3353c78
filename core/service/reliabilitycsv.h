// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/reliability.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace steward {

// Reliability series and rankings as CSV (RFC 4180): UTF-8, a header line, CRLF line ends,
// fields quoted when they hold a comma, a double quote, CR or LF, quotes doubled. Columns are
// named by the measures' stable spellings (toText), times are ISO 8601 UTC, rates are
// fractions (0.25), latencies milliseconds and cost US dollars.
namespace ReliabilityCsv {

[[nodiscard]] QString field(const QString &text);
// start, end, then every measure.
[[nodiscard]] QByteArray series(const ReliabilitySeries &series);
// agent_id, path, then every measure.
[[nodiscard]] QByteArray ranking(const QList<AgentReliability> &agents);

} // namespace ReliabilityCsv

} // namespace steward
