// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "blameview.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace steward {
namespace {

constexpr int versionRole = Qt::UserRole + 1;

} // namespace

BlameView::BlameView(QWidget *parent) : QWidget(parent)
{
    m_lines = new QTreeWidget(this);
    m_lines->setObjectName(QStringLiteral("blameTreeWidget"));
    m_lines->setRootIsDecorated(false);
    m_lines->setUniformRowHeights(true);
    m_lines->setAllColumnsShowFocus(true);
    m_lines->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_lines->setHeaderLabels({tr("Version"), tr("Author"), tr("Date"), tr("Line"), tr("Text")});
    m_lines->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->header()->setStretchLastSection(true);
    m_lines->setAccessibleName(tr("Blame"));
    connect(m_lines, &QTreeWidget::itemClicked, this, &BlameView::onItemClicked);
    connect(m_lines, &QTreeWidget::itemActivated, this,
            [this](const QTreeWidgetItem *item) { Q_EMIT versionActivated(item->data(0, versionRole).toInt()); });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("blameMessageLabel"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_message);
    m_pages->addWidget(m_lines);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

void BlameView::showBlame(const QList<BlameLine> &lines)
{
    m_lines->clear();
    const QColor gutter = palette().color(QPalette::AlternateBase);
    for (const BlameLine &line : lines) {
        auto *item = new QTreeWidgetItem(m_lines,
                                         {tr("v%1").arg(line.version), line.author,
                                          QLocale().toString(line.time.toLocalTime().date(), QLocale::ShortFormat),
                                          QString::number(line.lineNumber), line.text});
        item->setData(0, versionRole, line.version);
        const QString tip = tr("v%1 by %2 on %3: “%4”\nClick to see what this version changed.")
                                .arg(QString::number(line.version), line.author,
                                     QLocale().toString(line.time.toLocalTime(), QLocale::ShortFormat), line.reason);
        for (const Column column : {Column::Version, Column::Author, Column::Date, Column::Line}) {
            item->setToolTip(static_cast<int>(column), tip);
            item->setBackground(static_cast<int>(column), gutter);
        }
        item->setTextAlignment(static_cast<int>(Column::Line), Qt::AlignRight | Qt::AlignVCenter);
    }
    m_pages->setCurrentWidget(m_lines);
}

void BlameView::showMessage(const QString &message)
{
    m_lines->clear();
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
}

void BlameView::onItemClicked(const QTreeWidgetItem *item, int column)
{
    // The gutter, not the text: a click in the text only selects the line.
    if (column != static_cast<int>(Column::Text)) {
        Q_EMIT versionActivated(item->data(0, versionRole).toInt());
    }
}

} // namespace steward
