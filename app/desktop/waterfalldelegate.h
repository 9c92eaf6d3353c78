// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace steward {

// Paints a step's timing as a bar on the run's time line (a trace waterfall): the bar starts at
// the step's offset from the run's start and is as long as the step took, both relative to the
// whole run, so the bars of one run line up from row to row. The text (the duration) stays, so
// the timing can be read without the bar.
class WaterfallDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // What an item of the timing column carries, in milliseconds.
    enum Role {
        OffsetRole = Qt::UserRole + 100, // from the run's start
        DurationRole,
        RunLengthRole, // the whole run
    };

    using QStyledItemDelegate::QStyledItemDelegate;
    Q_DISABLE_COPY_MOVE(WaterfallDelegate)
    ~WaterfallDelegate() override = default;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace steward
