// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlog.h"

#include <QDateTime>

#include <cstdio>

namespace steward::ServerLog {

namespace {

QString quoted(const QString &value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('=') || c.category() == QChar::Other_Control;
    });
    if (plain) {
        return value;
    }
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void write(const QString &level, const QString &event, const Fields &fields)
{
    const QString line =
        QStringLiteral("time=%1 %2\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), format(level, event, fields));
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

QString format(const QString &level, const QString &event, const Fields &fields)
{
    QString line = QStringLiteral("level=%1 event=%2").arg(level, quoted(event));
    for (const auto &[name, value] : fields) {
        line += QLatin1Char(' ') + name + QLatin1Char('=') + quoted(value);
    }
    return line;
}

void info(const QString &event, const Fields &fields)
{
    write(QStringLiteral("info"), event, fields);
}

void warning(const QString &event, const Fields &fields)
{
    write(QStringLiteral("warning"), event, fields);
}

void error(const QString &event, const Fields &fields)
{
    write(QStringLiteral("error"), event, fields);
}

} // namespace steward::ServerLog
