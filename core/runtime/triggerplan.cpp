// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "triggerplan.h"

#include "cronschedule.h"

namespace steward {

QList<PlannedFire> nextFires(const AgentSpec &spec, const QDateTime &after, int count)
{
    struct Pending
    {
        CronSchedule schedule;
        QTimeZone zone;
        AgentSpec::Trigger trigger;
        QDateTime next;
    };
    QList<Pending> pending;
    for (const AgentSpec::Trigger &trigger : spec.triggers) {
        if (trigger.kind != QLatin1String("schedule")) {
            continue;
        }
        // A stored spec was parsed, so its schedules parse; one that does not is not planned.
        Result<CronSchedule> schedule = CronSchedule::parse(trigger.value);
        if (!schedule) {
            continue;
        }
        const QTimeZone zone = CronSchedule::zone(trigger.timeZone);
        const QDateTime next = schedule->nextAfter(after, zone);
        pending.append({std::move(schedule).value(), zone, trigger, next});
    }
    QList<PlannedFire> fires;
    while (fires.size() < count) {
        Pending *earliest = nullptr;
        for (Pending &candidate : pending) {
            if (candidate.next.isValid() && (!earliest || candidate.next < earliest->next)) {
                earliest = &candidate;
            }
        }
        if (!earliest) {
            break;
        }
        fires.append({earliest->next, earliest->trigger});
        earliest->next = earliest->schedule.nextAfter(earliest->next, earliest->zone);
    }
    return fires;
}

} // namespace steward
