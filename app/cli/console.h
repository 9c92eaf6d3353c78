// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QJsonDocument>
#include <QString>

namespace steward {

// stewardctl's exit codes: scripts rely on them.
enum class ExitCode { Success = 0, Refused = 1, Usage = 2 };

// Where stewardctl writes: results to stdout, failures to stderr as one line that starts with
// "stewardctl: ", so that scripts can show it as it is.
class Console final
{
public:
    static void print(const QString &text);
    static void printJson(const QJsonDocument &document);
    // Progress that rewrites one line; only worth showing when a person watches stderr.
    static void progress(const QString &text);
    [[nodiscard]] static bool stderrIsTerminal();
    // A remark beside the result, for the person watching (a file that was created on the
    // way): one line on stderr, "stewardctl: note: ...". It does not mean failure.
    static void note(const QString &text);

    [[nodiscard]] static int fail(ExitCode code, const QString &message);
    [[nodiscard]] static int fail(const Error &error);
};

} // namespace steward
