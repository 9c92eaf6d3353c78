// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace steward {

// Paints a search snippet on one line with the words that matched in bold and underlined (not
// by colour alone), from the text the model gives as SnippetRole, where each hit stands between
// U+E000 and U+E001 (see ActivityHit). Cells without marks paint as usual.
class SnippetDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int SnippetRole = Qt::UserRole + 50;

    using QStyledItemDelegate::QStyledItemDelegate;
    Q_DISABLE_COPY_MOVE(SnippetDelegate)
    ~SnippetDelegate() override = default;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace steward
