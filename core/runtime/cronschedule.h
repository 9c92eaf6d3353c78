// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace steward {

// A five-field cron schedule (minute hour day-of-month month day-of-week) as Vixie cron reads
// it: *, numbers, ranges a-b, steps */n and a-b/n, lists, JAN-DEC and SUN-SAT in any case, 0 and
// 7 both Sunday. When both day fields are restricted a day matches if either matches; a day
// field that starts with * counts as unrestricted, as in Vixie cron.
//
// Fire times are wall-clock times of a time zone. Around daylight-saving changes (see
// docs/agent-spec.md): a fixed-time schedule whose time is skipped by a spring-forward gap fires
// once at the first instant after the gap, and one whose time occurs twice at fall-back fires
// only at the first occurrence. An interval schedule (its hour field starts with *) follows the
// wall clock as it is: it does not fire at skipped times and fires at both repeated ones.
class CronSchedule
{
public:
    // Refuses, naming the field and the value, anything that is not five valid fields, and a
    // schedule that can never fire ("0 0 30 2 *").
    [[nodiscard]] static Result<CronSchedule> parse(const QString &fiveFields);

    // The zone a trigger's time-zone text names; empty means UTC. Invalid names give an invalid
    // zone (AgentSpec refuses them before they get here).
    [[nodiscard]] static QTimeZone zone(const QString &name);

    // The next fire time strictly after `after`, in UTC; invalid when there is none within 30
    // years (parse refuses schedules that never fire, so only far-apart dates such as Feb 29 on
    // a Sunday get near that). An invalid zone counts as UTC.
    [[nodiscard]] QDateTime nextAfter(const QDateTime &after, const QTimeZone &zone) const;

    // The five fields as written, whitespace normalised.
    [[nodiscard]] QString expression() const { return m_expression; }
    // Whether the hour field starts with *: the schedule is an interval for the DST rules.
    [[nodiscard]] bool isInterval() const { return m_hourStar; }

private:
    [[nodiscard]] bool dayMatches(int year, int month, int day) const;

    QString m_expression;
    // Bit n set: value n matches. Days of the week run 0 (Sunday) to 6.
    quint64 m_minutes = 0;
    quint64 m_hours = 0;
    quint64 m_daysOfMonth = 0;
    quint64 m_months = 0;
    quint64 m_daysOfWeek = 0;
    bool m_hourStar = false;
    bool m_dayOfMonthStar = false;
    bool m_dayOfWeekStar = false;
};

} // namespace steward
