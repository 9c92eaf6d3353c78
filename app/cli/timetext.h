// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QString>

namespace steward {

// Times as stewardctl reads and writes them: always UTC, in ISO 8601.
class TimeText final
{
public:
    // Which end of a day a bare date stands for: --since 2026-05-01 starts at its first
    // millisecond, --until 2026-05-31 ends with its last.
    enum class Bound { Start, End };

    // "2026-05-31T09:12:00Z", for tables.
    [[nodiscard]] static QString iso(const QDateTime &time);
    // "2026-05-31T09:12:00.000Z", for JSON.
    [[nodiscard]] static QString isoMs(const QDateTime &time);

    // Reads a date (2026-05-31), an ISO 8601 time (2026-05-31T09:12:00Z; UTC unless it names
    // an offset) or a time before `now` (7d, 24h, 30m). `name` is the option, for the message.
    [[nodiscard]] static Result<QDateTime> parse(const QString &name, const QString &value, const QDateTime &now,
                                                 Bound bound);
    // The value of --option read as above, relative to the current time; a null QDateTime when
    // the option was not given.
    [[nodiscard]] static Result<QDateTime> option(const QCommandLineParser &parser, const QString &option, Bound bound);
};

} // namespace steward
