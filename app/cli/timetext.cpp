// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timetext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace steward {
namespace {

// Relative times reach back at most about a hundred years.
constexpr qint64 MaxAgoMinutes = qint64{100} * 366 * 24 * 60;

} // namespace

QString TimeText::iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString TimeText::isoMs(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Result<QDateTime> TimeText::parse(const QString &name, const QString &value, const QDateTime &now, Bound bound)
{
    const Error refused{Error::Code::Invalid,
                        QCoreApplication::translate(
                            "steward::TimeText",
                            "%1 takes a date (2026-05-31), an ISO 8601 time (2026-05-31T09:00:00Z) or a time ago "
                            "(7d, 24h, 30m), not '%2'.")
                            .arg(name, value)};
    static const QRegularExpression ago(QStringLiteral("^(\\d{1,9})([dhm])$"));
    if (const QRegularExpressionMatch match = ago.match(value); match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 minutes = unit == QLatin1Char('d') ? count * 24 * 60
            : unit == QLatin1Char('h')                  ? count * 60
                                                        : count;
        if (minutes > MaxAgoMinutes) {
            return Error{
                Error::Code::Invalid,
                QCoreApplication::translate("steward::TimeText", "%1 reaches back too far: '%2'.").arg(name, value)};
        }
        return now.toUTC().addSecs(-minutes * 60);
    }
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(value).hasMatch()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid()) {
            return refused;
        }
        const QDateTime start(date, QTime(0, 0), Qt::UTC);
        return bound == Bound::Start ? start : start.addDays(1).addMSecs(-1);
    }
    static const QRegularExpression dateTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T"));
    if (!dateTime.match(value).hasMatch()) {
        return refused;
    }
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid()) {
        return refused;
    }
    if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC);
    }
    return time.toUTC();
}

Result<QDateTime> TimeText::option(const QCommandLineParser &parser, const QString &option, Bound bound)
{
    if (!parser.isSet(option)) {
        return QDateTime();
    }
    return parse(QStringLiteral("--") + option, parser.value(option), QDateTime::currentDateTimeUtc(), bound);
}

} // namespace steward
