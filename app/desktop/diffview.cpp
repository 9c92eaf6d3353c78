// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffview.h"

#include "diff/specsummary.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace steward {
namespace {

struct Colors
{
    QColor removedLine;
    QColor addedLine;
    QColor removedWord;
    QColor addedWord;
    QColor filler;
    QColor header;
    QColor gutter;

    // Tints that read on the palette's base colour, light or dark.
    static Colors of(const QPalette &palette)
    {
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        Colors colors;
        colors.removedLine = dark ? QColor(0x5a, 0x24, 0x24) : QColor(0xff, 0xeb, 0xe9);
        colors.addedLine = dark ? QColor(0x1f, 0x4a, 0x2a) : QColor(0xe6, 0xff, 0xec);
        colors.removedWord = dark ? QColor(0x9a, 0x32, 0x32) : QColor(0xff, 0xb3, 0xad);
        colors.addedWord = dark ? QColor(0x2e, 0x7d, 0x3f) : QColor(0xab, 0xf2, 0xbc);
        colors.filler = palette.color(QPalette::AlternateBase);
        colors.header = palette.color(QPalette::Highlight).lighter(dark ? 60 : 185);
        colors.gutter = palette.color(QPalette::PlaceholderText);
        return colors;
    }

    [[nodiscard]] QColor lineBackground(DiffView::LineKind kind) const
    {
        switch (kind) {
        case DiffView::LineKind::Removed: return removedLine;
        case DiffView::LineKind::Added: return addedLine;
        case DiffView::LineKind::Filler: return filler;
        case DiffView::LineKind::Header: return header;
        case DiffView::LineKind::Same: break;
        }
        return {};
    }
};

DiffView::LineKind lineKindOf(DiffLine::Kind kind)
{
    switch (kind) {
    case DiffLine::Kind::Removed: return DiffView::LineKind::Removed;
    case DiffLine::Kind::Added: return DiffView::LineKind::Added;
    case DiffLine::Kind::Same: break;
    }
    return DiffView::LineKind::Same;
}

QChar markerOf(DiffLine::Kind kind)
{
    switch (kind) {
    case DiffLine::Kind::Removed: return QLatin1Char('-');
    case DiffLine::Kind::Added: return QLatin1Char('+');
    case DiffLine::Kind::Same: break;
    }
    return QLatin1Char(' ');
}

// Writes documents one line (block) at a time: a grey gutter, then the text with its changed
// words highlighted.
class LineWriter final
{
public:
    LineWriter(QPlainTextEdit *view, const Colors &colors) : m_cursor(view->document()), m_colors(colors)
    {
        view->clear();
        m_cursor = QTextCursor(view->document());
        m_cursor.beginEditBlock();
    }
    ~LineWriter() { m_cursor.endEditBlock(); }
    Q_DISABLE_COPY_MOVE(LineWriter)

    void write(DiffView::LineKind kind, const QString &gutter, const QString &text, const QList<WordSpan> &words = {})
    {
        QTextBlockFormat block;
        block.setProperty(DiffView::LineKindProperty, static_cast<int>(kind));
        if (const QColor background = m_colors.lineBackground(kind); background.isValid()) {
            block.setBackground(background);
        }
        if (m_first) {
            m_cursor.setBlockFormat(block);
            m_first = false;
        } else {
            m_cursor.insertBlock(block);
        }
        QTextCharFormat gutterFormat;
        gutterFormat.setForeground(m_colors.gutter);
        m_cursor.insertText(gutter, gutterFormat);

        const QTextCharFormat plain;
        QTextCharFormat changed;
        changed.setBackground(kind == DiffView::LineKind::Removed ? m_colors.removedWord : m_colors.addedWord);
        changed.setFontUnderline(true);
        changed.setProperty(DiffView::ChangedWordProperty, true);
        qsizetype at = 0;
        for (const WordSpan &span : words) {
            m_cursor.insertText(text.mid(at, span.start - at), plain);
            m_cursor.insertText(text.mid(span.start, span.length), changed);
            at = span.start + span.length;
        }
        m_cursor.insertText(text.mid(at), plain);
    }

private:
    QTextCursor m_cursor;
    const Colors &m_colors;
    bool m_first = true;
};

QPlainTextEdit *makeTextView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

void syncScrolling(QScrollBar *one, QScrollBar *other)
{
    QObject::connect(one, &QScrollBar::valueChanged, other, &QScrollBar::setValue);
    QObject::connect(other, &QScrollBar::valueChanged, one, &QScrollBar::setValue);
}

// Puts the cursor on a line, after its first changed word if it has one, so that the word is
// in view even on a long line.
void moveToBlock(QPlainTextEdit *view, int blockNumber)
{
    const QTextBlock block = view->document()->findBlockByNumber(blockNumber);
    int position = block.position();
    for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
        if (fragment.fragment().charFormat().property(DiffView::ChangedWordProperty).toBool()) {
            position = fragment.fragment().position() + fragment.fragment().length();
            break;
        }
    }
    QTextCursor cursor(view->document());
    cursor.setPosition(position);
    view->setTextCursor(cursor);
    view->centerCursor();
    view->ensureCursorVisible();
}

// Fills the two sides, row for row; gives the first row of each change.
QList<int> renderSideBySide(const TextDiff &diff, QPlainTextEdit *oldView, QPlainTextEdit *newView,
                            const Colors &colors)
{
    QList<int> changes;
    const QList<TextDiff::Row> rows = diff.sideBySide();
    int widest = 1;
    for (const DiffLine &line : diff.lines()) {
        widest = std::max({widest, line.oldNumber, line.newNumber});
    }
    const auto digits = static_cast<int>(QString::number(widest).size());
    const auto gutterOf = [digits](int number, DiffLine::Kind kind) {
        return QStringLiteral("%1 %2 ").arg(number, digits).arg(markerOf(kind));
    };
    const QString fillerGutter(digits + 3, QLatin1Char(' '));

    LineWriter left(oldView, colors);
    LineWriter right(newView, colors);
    bool inChange = false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const TextDiff::Row &row = rows.at(i);
        const bool changed = !row.left || !row.right || row.left->kind != DiffLine::Kind::Same;
        if (changed && !inChange) {
            changes.append(static_cast<int>(i));
        }
        inChange = changed;
        if (row.left) {
            left.write(lineKindOf(row.left->kind), gutterOf(row.left->oldNumber, row.left->kind), row.left->text,
                       row.left->changedWords);
        } else {
            left.write(DiffView::LineKind::Filler, fillerGutter, QString());
        }
        if (row.right) {
            right.write(lineKindOf(row.right->kind), gutterOf(row.right->newNumber, row.right->kind), row.right->text,
                        row.right->changedWords);
        } else {
            right.write(DiffView::LineKind::Filler, fillerGutter, QString());
        }
    }
    return changes;
}

// Fills the unified view with unified()'s text; gives the first line of each change.
QList<int> renderUnified(const TextDiff &diff, const QString &oldTitle, const QString &newTitle, QPlainTextEdit *view,
                         const Colors &colors)
{
    QList<int> changes;
    // The lines of unified() in order, so that each shown line finds its word changes.
    QList<DiffLine> shown;
    for (const TextDiff::Hunk &hunk : diff.hunks()) {
        shown.append(hunk.lines);
    }
    const QStringList lines = TextDiff::splitLines(diff.unified(oldTitle, newTitle));
    LineWriter writer(view, colors);
    qsizetype next = 0;
    bool inChange = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QChar marker = line.isEmpty() ? QLatin1Char(' ') : line.at(0);
        const bool isDiffLine = i >= 2 && next < shown.size()
            && (marker == QLatin1Char(' ') || marker == QLatin1Char('-') || marker == QLatin1Char('+'));
        if (!isDiffLine) {
            writer.write(DiffView::LineKind::Header, QString(), line);
            inChange = false;
            continue;
        }
        const DiffLine &diffLine = shown.at(next++);
        const bool changed = diffLine.kind != DiffLine::Kind::Same;
        if (changed && !inChange) {
            changes.append(static_cast<int>(i));
        }
        inChange = changed;
        writer.write(lineKindOf(diffLine.kind), QString(marker), line.mid(1), diffLine.changedWords);
    }
    return changes;
}

} // namespace

DiffView::DiffView(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_unifiedToggle = new QCheckBox(tr("&Unified"), this);
    m_unifiedToggle->setObjectName(QStringLiteral("diffUnifiedCheckBox"));
    m_unifiedToggle->setToolTip(tr("One column with removed and added lines, instead of side by side"));
    connect(m_unifiedToggle, &QCheckBox::toggled, this,
            [this](bool unified) { setMode(unified ? Mode::Unified : Mode::SideBySide); });

    m_previous = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), tr("&Previous change"), this);
    m_previous->setObjectName(QStringLiteral("previousChangeButton"));
    m_previous->setToolTip(tr("Previous change (Shift+F7 or p)"));
    connect(m_previous, &QPushButton::clicked, this, &DiffView::previousChange);
    m_next = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), tr("&Next change"), this);
    m_next->setObjectName(QStringLiteral("nextChangeButton"));
    m_next->setToolTip(tr("Next change (F7 or n)"));
    connect(m_next, &QPushButton::clicked, this, &DiffView::nextChange);
    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("changePositionLabel"));

    for (const QKeySequence &keys : {QKeySequence(Qt::Key_F7), QKeySequence(Qt::Key_N)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &DiffView::nextChange);
    }
    for (const QKeySequence &keys : {QKeySequence(Qt::SHIFT | Qt::Key_F7), QKeySequence(Qt::Key_P)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &DiffView::previousChange);
    }

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_position);
    bar->addStretch(1);
    bar->addWidget(m_unifiedToggle);

    m_sideBySide = new QWidget(this);
    m_sideBySide->setObjectName(QStringLiteral("diffSideBySideWidget"));
    m_oldTitleLabel = new QLabel(m_sideBySide);
    m_oldTitleLabel->setObjectName(QStringLiteral("diffOldTitleLabel"));
    m_newTitleLabel = new QLabel(m_sideBySide);
    m_newTitleLabel->setObjectName(QStringLiteral("diffNewTitleLabel"));
    m_left = makeTextView(QStringLiteral("diffOldPlainTextEdit"), m_sideBySide);
    m_left->setAccessibleName(tr("Old version"));
    m_right = makeTextView(QStringLiteral("diffNewPlainTextEdit"), m_sideBySide);
    m_right->setAccessibleName(tr("New version"));
    syncScrolling(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    syncScrolling(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    auto *sides = new QGridLayout(m_sideBySide);
    sides->setContentsMargins(0, 0, 0, 0);
    sides->addWidget(m_oldTitleLabel, 0, 0);
    sides->addWidget(m_newTitleLabel, 0, 1);
    sides->addWidget(m_left, 1, 0);
    sides->addWidget(m_right, 1, 1);

    m_unified = makeTextView(QStringLiteral("diffUnifiedPlainTextEdit"), this);
    m_unified->setAccessibleName(tr("Unified diff"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("diffMessageLabel"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_message);
    m_pages->addWidget(m_sideBySide);
    m_pages->addWidget(m_unified);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);
    showMessage(tr("Select a version to see what it changed, or two versions to compare them."));
}

void DiffView::setTexts(const QString &oldTitle, const QString &oldText, const QString &newTitle,
                        const QString &newText)
{
    m_diff = TextDiff::compare(oldText, newText);
    m_oldTitle = oldTitle;
    m_newTitle = newTitle;
    const QStringList changes = SpecSummary::changes(oldText, newText);
    m_summary->setText(changes.isEmpty()
                           ? tr("%1 → %2: no field changed.").arg(oldTitle, newTitle)
                           : tr("%1 → %2: %3").arg(oldTitle, newTitle, changes.join(QStringLiteral("; "))));
    m_summary->show();
    m_oldTitleLabel->setText(oldTitle);
    m_newTitleLabel->setText(newTitle);
    m_currentChange = -1;
    render();
    m_pages->setCurrentWidget(mode() == Mode::Unified ? static_cast<QWidget *>(m_unified) : m_sideBySide);
    // As in Meld: the first change is where one starts reading.
    if (changeCount() > 0) {
        goToChange(0);
    } else {
        updateNavigation();
    }
}

void DiffView::showMessage(const QString &message)
{
    m_diff = TextDiff();
    m_sideBySideChanges.clear();
    m_unifiedChanges.clear();
    m_currentChange = -1;
    m_summary->clear();
    m_summary->hide();
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
    updateNavigation();
}

void DiffView::setMode(Mode mode)
{
    m_unifiedToggle->setChecked(mode == Mode::Unified);
    if (m_pages->currentWidget() != m_message) {
        m_pages->setCurrentWidget(mode == Mode::Unified ? static_cast<QWidget *>(m_unified) : m_sideBySide);
        if (m_currentChange >= 0) {
            goToChange(m_currentChange);
        }
    }
}

DiffView::Mode DiffView::mode() const
{
    return m_unifiedToggle->isChecked() ? Mode::Unified : Mode::SideBySide;
}

void DiffView::render()
{
    const Colors colors = Colors::of(palette());
    m_sideBySideChanges = renderSideBySide(m_diff, m_left, m_right, colors);
    m_unifiedChanges = renderUnified(m_diff, m_oldTitle, m_newTitle, m_unified, colors);
}

const QList<int> &DiffView::changeBlocks() const
{
    return mode() == Mode::Unified ? m_unifiedChanges : m_sideBySideChanges;
}

void DiffView::nextChange()
{
    if (m_currentChange + 1 < changeCount()) {
        goToChange(m_currentChange + 1);
    }
}

void DiffView::previousChange()
{
    if (m_currentChange > 0) {
        goToChange(m_currentChange - 1);
    }
}

void DiffView::goToChange(int change)
{
    m_currentChange = change;
    const int block = changeBlocks().at(change);
    if (mode() == Mode::Unified) {
        moveToBlock(m_unified, block);
    } else {
        moveToBlock(m_left, block);
        moveToBlock(m_right, block);
    }
    updateNavigation();
}

void DiffView::updateNavigation()
{
    const int count = changeCount();
    m_previous->setEnabled(m_currentChange > 0);
    m_next->setEnabled(m_currentChange + 1 < count);
    if (m_pages->currentWidget() == m_message) {
        m_position->clear();
    } else if (count == 0) {
        m_position->setText(tr("No changes"));
    } else if (m_currentChange < 0) {
        m_position->setText(tr("Changes: %1").arg(count));
    } else {
        m_position->setText(tr("Change %1 of %2").arg(m_currentChange + 1).arg(count));
    }
}

} // namespace steward
