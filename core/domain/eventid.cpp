// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventid.h"

#include <algorithm>

namespace steward {

EventId EventIdGenerator::firstIdAt(const QDateTime &time)
{
    return std::max<qint64>(time.toMSecsSinceEpoch(), 0) << CounterBits;
}

QDateTime EventIdGenerator::timeOf(EventId id)
{
    return QDateTime::fromMSecsSinceEpoch(id >> CounterBits, Qt::UTC);
}

EventId EventIdGenerator::next(const QDateTime &time)
{
    m_last = std::max(m_last + 1, firstIdAt(time));
    return m_last;
}

} // namespace steward
