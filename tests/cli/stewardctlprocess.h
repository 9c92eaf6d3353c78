// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What one run of the real stewardctl gave.
struct StewardctlOutcome
{
    int exitCode = -1; // -1: it did not finish normally
    QString out;
    QString err;
};

// Runs the stewardctl binary in `directory` with `input` on stdin. HOME and XDG_DATA_HOME point
// below `directory`, so that signing keys never land in the real home; STEWARD_TOKEN is set
// only when `token` is given.
[[nodiscard]] StewardctlOutcome runStewardctl(const QStringList &arguments, const QString &directory,
                                              const QByteArray &input = {}, const QString &token = {});
