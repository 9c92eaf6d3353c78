// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "console.h"

#include <cstdio>

#include <unistd.h>

namespace steward {
namespace {

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void Console::print(const QString &text)
{
    write(stdout, text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'));
}

void Console::printJson(const QJsonDocument &document)
{
    write(stdout, QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}

void Console::progress(const QString &text)
{
    write(stderr, QLatin1Char('\r') + text);
}

void Console::note(const QString &text)
{
    write(stderr, QStringLiteral("stewardctl: note: ") + text.simplified() + QLatin1Char('\n'));
}

bool Console::stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

int Console::fail(ExitCode code, const QString &message)
{
    // One line, whatever the message holds: scripts read the first line of stderr.
    write(stderr, QStringLiteral("stewardctl: ") + message.simplified() + QLatin1Char('\n'));
    return static_cast<int>(code);
}

int Console::fail(const Error &error)
{
    return fail(ExitCode::Refused, error.message);
}

} // namespace steward
