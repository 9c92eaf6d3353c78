// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace steward {

// How the desktop app words the things every view shows: times and audit actions.
class DisplayText final
{
    Q_DECLARE_TR_FUNCTIONS(steward::DisplayText)

public:
    // A time in the user's zone and locale, short.
    [[nodiscard]] static QString time(const QDateTime &time);
    // An audit action in words ("node.move": "Moved"); an action this build does not know is
    // shown as stored.
    [[nodiscard]] static QString action(const QString &action);
    // The audit actions this build writes, in the order a filter offers them.
    [[nodiscard]] static QStringList knownActions();
};

} // namespace steward
