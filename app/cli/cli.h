// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace steward {

// stewardctl's dispatcher: reads the global options and the command name, and hands the rest
// to the command. Returns the process exit code (see ExitCode).
class Cli final
{
public:
    [[nodiscard]] static int run(const QStringList &arguments);
};

} // namespace steward
