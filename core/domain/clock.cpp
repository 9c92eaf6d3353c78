// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

namespace steward {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace steward
