// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "orgtreedelegate.h"

#include "orgtreemodel.h"

#include <QApplication>
#include <QPainter>

namespace steward {
namespace {

constexpr int badgeGap = 6;
constexpr int badgePadding = 4;

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    return font;
}

int badgeWidth(const QFontMetrics &metrics, const QString &badge)
{
    return metrics.horizontalAdvance(badge) + 2 * badgePadding;
}

} // namespace

void OrgTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QStringList badges = index.data(OrgTreeModel::BadgesRole).toStringList();
    if (badges.isEmpty() || index.column() != static_cast<int>(OrgTreeModel::Column::Name)) {
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QFont font = badgeFont(opt.font);
    const QFontMetrics metrics(font);
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QColor ink = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setFont(font);
    painter->setRenderHint(QPainter::Antialiasing);
    int x = textRect.left() + opt.fontMetrics.horizontalAdvance(opt.text) + badgeGap;
    const int height = metrics.height() + 2;
    const int top = option.rect.top() + (option.rect.height() - height) / 2;
    for (const QString &badge : badges) {
        const QRectF frame(x + 0.5, top + 0.5, badgeWidth(metrics, badge) - 1, height - 1);
        painter->setPen(QPen(ink, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(frame, 3, 3);
        painter->drawText(frame, Qt::AlignCenter, badge);
        x += badgeWidth(metrics, badge) + badgePadding;
    }
    painter->restore();
}

QSize OrgTreeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QStringList badges = index.data(OrgTreeModel::BadgesRole).toStringList();
    if (!badges.isEmpty() && index.column() == static_cast<int>(OrgTreeModel::Column::Name)) {
        const QFontMetrics metrics(badgeFont(option.font));
        for (const QString &badge : badges) {
            size.rwidth() += badgeWidth(metrics, badge) + badgePadding;
        }
        size.rwidth() += badgeGap;
    }
    return size;
}

} // namespace steward
