// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "activity.h"

#include <QDateTime>

namespace steward {

// Hands out time-ordered event ids: milliseconds since the epoch shifted left by 12 bits, plus
// a counter for events within the same millisecond. Ids are strictly increasing even when the
// clock steps back, so "newest first" is "id descending", which the full-text index serves
// without sorting (see docs/performance.md).
class EventIdGenerator
{
public:
    static constexpr int CounterBits = 12;

    explicit EventIdGenerator(EventId lastIssued = 0) : m_last(lastIssued) { }

    [[nodiscard]] EventId next(const QDateTime &time);
    [[nodiscard]] EventId lastIssued() const { return m_last; }

    [[nodiscard]] static EventId firstIdAt(const QDateTime &time);
    [[nodiscard]] static QDateTime timeOf(EventId id);

private:
    EventId m_last;
};

} // namespace steward
