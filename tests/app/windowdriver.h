// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Drives the real window as a user does, finding widgets by object name; shared by the GUI
// tests. Failures are reported through QTest (check QTest::currentTestFailed() after).
#pragma once

#include <QObject>
#include <QString>

class QTreeView;

namespace steward {

class MainWindow;

template<typename T> [[nodiscard]] T *child(const QObject &parent, const char *name)
{
    return parent.findChild<T *>(QLatin1String(name));
}

[[nodiscard]] QTreeView *orgTree(const MainWindow &window);

// Expands the tree down to `path` one group at a time and clicks the node.
void expandAndSelect(MainWindow &window, const QString &path);

} // namespace steward
