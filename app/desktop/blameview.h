// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/blame.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace steward {

// Who wrote each line of a version, as in Qt Creator's blame: a gutter with the version,
// author and date of the change that brought the line in, the change's reason as a tooltip.
// Clicking a gutter (or Enter on a line) asks for that version's diff against its parent.
class BlameView final : public QWidget
{
    Q_OBJECT

public:
    enum class Column { Version, Author, Date, Line, Text, ColumnCount };

    explicit BlameView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(BlameView)
    ~BlameView() override = default;

    void showBlame(const QList<BlameLine> &lines);
    // Shows a message instead of lines.
    void showMessage(const QString &message);

Q_SIGNALS:
    void versionActivated(int version);

private:
    void onItemClicked(const QTreeWidgetItem *item, int column);

    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QTreeWidget *m_lines = nullptr;
};

} // namespace steward
