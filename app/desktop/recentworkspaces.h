// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace steward {

// The workspace files opened lately, newest first, kept in QSettings. Files that no longer
// exist are dropped whenever the list is read.
class RecentWorkspaces final
{
public:
    static constexpr int MaxCount = 8;

    [[nodiscard]] static QStringList list();
    static void add(const QString &path);
};

} // namespace steward
