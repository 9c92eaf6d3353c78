// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentworkspaces.h"

#include <QFileInfo>
#include <QSettings>

namespace steward {
namespace {

const QString settingsKey = QStringLiteral("recent/workspaces");

} // namespace

QStringList RecentWorkspaces::list()
{
    QSettings settings;
    const QStringList stored = settings.value(settingsKey).toStringList();
    QStringList existing;
    for (const QString &path : stored) {
        if (QFileInfo::exists(path)) {
            existing.append(path);
        }
    }
    if (existing != stored) {
        settings.setValue(settingsKey, existing);
    }
    return existing;
}

void RecentWorkspaces::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > MaxCount) {
        paths.removeLast();
    }
    QSettings().setValue(settingsKey, paths);
}

} // namespace steward
