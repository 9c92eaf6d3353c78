// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cronschedule.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>
#include <optional>

namespace steward {
namespace {

// A schedule longer than this is not a schedule; refusing early keeps hostile input cheap.
constexpr qsizetype maxExpressionLength = 256;
// How far ahead nextAfter looks. Feb 29 on a given weekday recurs within 28 years.
constexpr int searchYears = 30;
constexpr qint64 secondsPerDay = 86400;

const std::array<const char *, 12> monthNames{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const std::array<const char *, 7> weekdayNames{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct FieldRule
{
    const char *name; // translated at use
    int min;
    int max; // the largest value accepted; day of week accepts 7 for Sunday
    const char *const *names; // names for min, min+1, ...; or none
    int nameCount;
};

const std::array<FieldRule, 5> fieldRules{{
    {QT_TRANSLATE_NOOP("steward::CronSchedule", "minute"), 0, 59, nullptr, 0},
    {QT_TRANSLATE_NOOP("steward::CronSchedule", "hour"), 0, 23, nullptr, 0},
    {QT_TRANSLATE_NOOP("steward::CronSchedule", "day of month"), 1, 31, nullptr, 0},
    {QT_TRANSLATE_NOOP("steward::CronSchedule", "month"), 1, 12, monthNames.data(), 12},
    {QT_TRANSLATE_NOOP("steward::CronSchedule", "day of week"), 0, 7, weekdayNames.data(), 7},
}};

// Long hostile values are cut so that an error message stays readable.
QString shown(QStringView text)
{
    constexpr qsizetype limit = 24;
    return text.size() <= limit ? text.toString() : text.left(limit).toString() + QChar(0x2026);
}

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return false;
        }
    }
    return true;
}

Error fieldError(const FieldRule &rule, const QString &reason)
{
    return {Error::Code::Invalid,
            QStringLiteral("%1: %2").arg(QCoreApplication::translate("steward::CronSchedule", rule.name), reason)};
}

Result<int> parseValue(QStringView text, const FieldRule &rule)
{
    for (int i = 0; i < rule.nameCount; ++i) {
        if (text.compare(QLatin1String(rule.names[i]), Qt::CaseInsensitive) == 0) {
            return rule.min + i;
        }
    }
    if (!isAsciiDigits(text)) {
        return fieldError(
            rule,
            rule.nameCount > 0
                ? QCoreApplication::translate("steward::CronSchedule", "\"%1\" is not a number or a name.")
                      .arg(shown(text))
                : QCoreApplication::translate("steward::CronSchedule", "\"%1\" is not a number.").arg(shown(text)));
    }
    // More than three digits is out of every range; checking first avoids overflow.
    const int value = text.size() > 3 ? -1 : text.toInt();
    if (value < rule.min || value > rule.max) {
        return fieldError(rule,
                          QCoreApplication::translate("steward::CronSchedule", "%1 is out of range %2-%3.")
                              .arg(shown(text))
                              .arg(rule.min)
                              .arg(rule.max));
    }
    return value;
}

struct ParsedField
{
    quint64 bits = 0;
    bool star = false; // the field starts with *
};

// One comma-separated item: *, n, a-b, */n or a-b/n.
std::optional<Error> parseItem(QStringView item, const FieldRule &rule, quint64 &bits)
{
    QStringView base = item;
    int step = 1;
    if (const qsizetype slash = item.indexOf(QLatin1Char('/')); slash >= 0) {
        base = item.left(slash);
        const QStringView stepText = item.mid(slash + 1);
        if (!isAsciiDigits(stepText) || stepText.size() > 3 || stepText.toInt() < 1 || stepText.toInt() > rule.max) {
            return fieldError(rule,
                              QCoreApplication::translate("steward::CronSchedule",
                                                          "the step in \"%1\" is not a whole number from 1 to %2.")
                                  .arg(shown(item))
                                  .arg(rule.max));
        }
        step = stepText.toInt();
        if (base != QLatin1String("*") && !base.contains(QLatin1Char('-'))) {
            return fieldError(rule,
                              QCoreApplication::translate("steward::CronSchedule",
                                                          "in \"%1\" a step follows * or a range, as in */15 or "
                                                          "0-30/5.")
                                  .arg(shown(item)));
        }
    }
    int first = rule.min;
    int last = rule.max;
    if (base != QLatin1String("*")) {
        const qsizetype dash = base.indexOf(QLatin1Char('-'));
        const Result<int> from = parseValue(dash < 0 ? base : base.left(dash), rule);
        if (!from) {
            return from.error();
        }
        first = *from;
        last = *from;
        if (dash >= 0) {
            const Result<int> to = parseValue(base.mid(dash + 1), rule);
            if (!to) {
                return to.error();
            }
            last = *to;
            if (last < first) {
                return fieldError(
                    rule,
                    QCoreApplication::translate("steward::CronSchedule", "the range \"%1\" runs backwards.")
                        .arg(shown(base)));
            }
        }
    } else if (rule.max == 7) {
        last = 6; // * in the day of week is Sunday to Saturday once
    }
    for (int value = first; value <= last; value += step) {
        bits |= quint64(1) << (value == 7 && rule.max == 7 ? 0 : value);
    }
    return std::nullopt;
}

Result<ParsedField> parseField(QStringView text, const FieldRule &rule)
{
    ParsedField field;
    field.star = text.startsWith(QLatin1Char('*'));
    const QList<QStringView> items = text.split(QLatin1Char(','));
    for (const QStringView item : items) {
        if (item.isEmpty()) {
            return fieldError(rule,
                              QCoreApplication::translate("steward::CronSchedule", "\"%1\" has an empty list item.")
                                  .arg(shown(text)));
        }
        if (const std::optional<Error> error = parseItem(item, rule, field.bits)) {
            return *error;
        }
    }
    return field;
}

constexpr bool has(quint64 bits, int value)
{
    return (bits >> value) & 1U;
}

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

QDateTime utcInstant(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

// The instants (UTC seconds) at which a zone's wall clock shows `wall` (local time written as
// seconds since the epoch as if it were UTC): none in a spring-forward gap, two at fall-back.
// A window of a day each side holds at most one transition in every real zone.
struct WallInstants
{
    std::optional<qint64> first;
    std::optional<qint64> second;
    std::optional<qint64> gapEnd; // set when the wall time is skipped: the first instant after
};

WallInstants instantsOf(qint64 wall, const QTimeZone &zone)
{
    const int before = zone.offsetFromUtc(utcInstant(wall - secondsPerDay));
    const int after = zone.offsetFromUtc(utcInstant(wall + secondsPerDay));
    WallInstants result;
    if (before == after) {
        result.first = wall - before;
        return result;
    }
    const qint64 early = wall - before;
    const qint64 late = wall - after;
    const bool earlyValid = zone.offsetFromUtc(utcInstant(early)) == before;
    const bool lateValid = zone.offsetFromUtc(utcInstant(late)) == after;
    if (earlyValid && lateValid) {
        result.first = qMin(early, late);
        result.second = qMax(early, late);
    } else if (earlyValid || lateValid) {
        result.first = earlyValid ? early : late;
    } else {
        const QTimeZone::OffsetData transition = zone.nextTransition(utcInstant(wall - secondsPerDay));
        result.gapEnd = transition.atUtc.isValid() ? transition.atUtc.toSecsSinceEpoch() : early;
    }
    return result;
}

} // namespace

Result<CronSchedule> CronSchedule::parse(const QString &fiveFields)
{
    if (fiveFields.size() > maxExpressionLength) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::CronSchedule", "A schedule is at most %1 characters long.")
                         .arg(maxExpressionLength)};
    }
    const QString simplified = fiveFields.simplified();
    const QStringList fields = simplified.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::CronSchedule",
                                                 "A schedule has five fields (minute, hour, day of month, month, day "
                                                 "of week); \"%1\" has %n.",
                                                 nullptr, int(fields.size()))
                         .arg(shown(simplified))};
    }
    std::array<ParsedField, 5> parsed;
    for (size_t i = 0; i < parsed.size(); ++i) {
        Result<ParsedField> field = parseField(fields.at(qsizetype(i)), fieldRules.at(i));
        if (!field) {
            return field.error();
        }
        parsed.at(i) = std::move(field).value();
    }
    CronSchedule schedule;
    schedule.m_expression = simplified;
    schedule.m_minutes = parsed[0].bits;
    schedule.m_hours = parsed[1].bits;
    schedule.m_hourStar = parsed[1].star;
    schedule.m_daysOfMonth = parsed[2].bits;
    schedule.m_dayOfMonthStar = parsed[2].star;
    schedule.m_months = parsed[3].bits;
    schedule.m_daysOfWeek = parsed[4].bits;
    schedule.m_dayOfWeekStar = parsed[4].star;

    // When a day matches only if its day of month matches, some month must have such a day.
    if (schedule.m_dayOfMonthStar || schedule.m_dayOfWeekStar) {
        constexpr std::array<int, 12> longestMonth{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool fires = false;
        for (int month = 1; month <= 12 && !fires; ++month) {
            for (int day = 1; day <= longestMonth.at(size_t(month - 1)) && !fires; ++day) {
                fires = has(schedule.m_months, month) && has(schedule.m_daysOfMonth, day);
            }
        }
        if (!fires) {
            return Error{Error::Code::Invalid,
                         QCoreApplication::translate("steward::CronSchedule",
                                                     "\"%1\" never fires: none of its months has the days of the "
                                                     "month it names.")
                             .arg(simplified)};
        }
    }
    return schedule;
}

QTimeZone CronSchedule::zone(const QString &name)
{
    return name.isEmpty() ? QTimeZone::utc() : QTimeZone(name.toUtf8());
}

bool CronSchedule::dayMatches(int year, int month, int day) const
{
    const bool dayOfMonth = has(m_daysOfMonth, day);
    const bool dayOfWeek = has(m_daysOfWeek, QDate(year, month, day).dayOfWeek() % 7);
    // Vixie's rule: both restricted means either will do; otherwise both must match.
    if (m_dayOfMonthStar || m_dayOfWeekStar) {
        return dayOfMonth && dayOfWeek;
    }
    return dayOfMonth || dayOfWeek;
}

QDateTime CronSchedule::nextAfter(const QDateTime &after, const QTimeZone &zone) const
{
    const QTimeZone clock = zone.isValid() ? zone : QTimeZone::utc();
    const qint64 afterMSecs = after.toMSecsSinceEpoch();
    const qint64 afterSeconds = floorDiv(afterMSecs, 1000);
    // Wall times are compared as seconds, local time read as if it were UTC. Nothing before the
    // wall time of `after` can come later, except the repeat of a fall-back within the next day.
    const int offsetNow = clock.offsetFromUtc(after);
    const int offsetTomorrow = clock.offsetFromUtc(utcInstant(afterSeconds + secondsPerDay));
    const qint64 threshold = floorDiv(afterSeconds + offsetNow - qMax(0, offsetNow - offsetTomorrow), 60) * 60;

    const QDate start = utcInstant(threshold).date();
    const QDate end = start.addYears(searchYears);
    std::optional<qint64> best;
    QDate day = start;
    while (day <= end) {
        if (!has(m_months, day.month())) {
            day = QDate(day.year(), day.month(), 1).addMonths(1);
            continue;
        }
        if (!dayMatches(day.year(), day.month(), day.day())) {
            day = day.addDays(1);
            continue;
        }
        const qint64 dayWall = QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        for (int hour = 0; hour < 24; ++hour) {
            const qint64 hourWall = dayWall + hour * 3600;
            if (!has(m_hours, hour) || hourWall + 3600 <= threshold) {
                continue;
            }
            for (int minute = 0; minute < 60; ++minute) {
                const qint64 wall = hourWall + minute * 60;
                if (!has(m_minutes, minute) || wall < threshold) {
                    continue;
                }
                const WallInstants instants = instantsOf(wall, clock);
                std::optional<qint64> earliest = instants.first;
                if (instants.gapEnd && !m_hourStar) {
                    earliest = instants.gapEnd;
                }
                if (!earliest) {
                    continue; // an interval schedule skips wall times that do not exist
                }
                // First occurrences grow with the wall time: once past the best, nothing later wins.
                if (best && *earliest > *best) {
                    return utcInstant(*best);
                }
                std::array<std::optional<qint64>, 2> candidates{earliest, std::nullopt};
                if (m_hourStar) {
                    candidates[1] = instants.second;
                }
                for (const std::optional<qint64> &candidate : candidates) {
                    if (candidate && *candidate * 1000 > afterMSecs && (!best || *candidate < *best)) {
                        best = candidate;
                    }
                }
                // A fixed-time schedule has one instant per wall time, in order: the first wins.
                if (best && !m_hourStar) {
                    return utcInstant(*best);
                }
            }
        }
        day = day.addDays(1);
    }
    return best ? utcInstant(*best) : QDateTime();
}

} // namespace steward
