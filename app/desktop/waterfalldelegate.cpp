// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "waterfalldelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace steward {

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString text = item.text;
    item.text.clear();
    const QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    const double runLength = index.data(RunLengthRole).toDouble();
    const QRect area = item.rect.adjusted(2, 3, -2, -3);
    if (runLength > 0 && area.width() > 4) {
        const double offset = std::clamp(index.data(OffsetRole).toDouble() / runLength, 0.0, 1.0);
        const double length = std::clamp(index.data(DurationRole).toDouble() / runLength, 0.0, 1.0 - offset);
        const int left = area.left() + static_cast<int>(offset * area.width());
        // At least two pixels: an instant step still shows where it happened.
        const int width = std::max(2, static_cast<int>(length * area.width()));
        const QColor bar = item.state.testFlag(QStyle::State_Selected) ? item.palette.color(QPalette::HighlightedText)
                                                                       : item.palette.color(QPalette::Highlight);
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(bar);
        painter->setOpacity(0.55);
        painter->drawRect(QRect(left, area.top(), width, area.height()));
        painter->restore();
    }
    painter->save();
    painter->setPen(
        item.palette.color(item.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(area.adjusted(2, 0, -2, 0), Qt::AlignVCenter | Qt::AlignRight, text);
    painter->restore();
}

} // namespace steward
