// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "snippetdelegate.h"

#include <QApplication>
#include <QPainter>

namespace steward {

namespace {

constexpr QChar kMarkStart(0xE000);
constexpr QChar kMarkEnd(0xE001);

} // namespace

void SnippetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString snippet = index.data(SnippetRole).toString();
    if (!snippet.contains(kMarkStart)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &item, item.widget).adjusted(2, 0, -2, 0);
    QFont hitFont = item.font;
    hitFont.setBold(true);
    hitFont.setUnderline(true);
    painter->save();
    painter->setClipRect(area);
    painter->setPen(
        item.palette.color(item.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    int x = area.left();
    bool hit = false;
    QString part;
    const auto flush = [&] {
        if (part.isEmpty() || x >= area.right()) {
            part.clear();
            return;
        }
        const QFont &font = hit ? hitFont : item.font;
        painter->setFont(font);
        const QFontMetrics metrics(font);
        const QString shown = metrics.elidedText(part, Qt::ElideRight, area.right() - x);
        painter->drawText(QRect(x, area.top(), area.right() - x, area.height()), Qt::AlignVCenter | Qt::AlignLeft,
                          shown);
        x += metrics.horizontalAdvance(shown);
        part.clear();
    };
    for (const QChar c : snippet) {
        if (c == kMarkStart || c == kMarkEnd) {
            flush();
            hit = c == kMarkStart;
        } else {
            part += c.isSpace() ? QChar(u' ') : c;
        }
    }
    flush();
    painter->restore();
}

} // namespace steward
