// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agentspec.h"

#include <QDateTime>
#include <QList>

namespace steward {

// One upcoming start of an agent by one of its schedule triggers.
struct PlannedFire
{
    QDateTime at; // UTC
    AgentSpec::Trigger trigger;

    friend bool operator==(const PlannedFire &, const PlannedFire &) = default;
};

// The next `count` fire times of the spec's schedule triggers strictly after `after`, merged in
// time order; triggers that fire at the same instant each get an entry, in spec order. Event
// triggers have no times and are left out. For the app's "next runs" and the runtime's timer.
[[nodiscard]] QList<PlannedFire> nextFires(const AgentSpec &spec, const QDateTime &after, int count);

} // namespace steward
