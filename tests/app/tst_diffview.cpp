// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diff view's documents read back line by line: what each row of the side-by-side and
// unified views says, how it is marked, which characters are highlighted as changed words,
// and where next/previous change (buttons and keys) put the cursor.
#include "diff/specsummary.h"
#include "diffview.h"
#include "domain/agentspec.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBlock>

using namespace steward;

namespace {

const QString oldText = QStringLiteral("one\ntwo\nInvite them to Acme Summit 2027 in Lisbon on 14 May.\nfour\nfive\n"
                                       "six\nseven\neight\nnine\nten\n");
const QString newText = QStringLiteral("one\ntwo\nInvite them to Acme Summit 2027 in London on 14 May.\nfour\nfive\n"
                                       "six\nseven\neight\nnine\nten\neleven\n");

using LineKind = DiffView::LineKind;

LineKind kindOf(const QTextBlock &block)
{
    return static_cast<LineKind>(block.blockFormat().property(DiffView::LineKindProperty).toInt());
}

// The characters of a block marked as changed words, as text.
QStringList changedWordsOf(const QTextBlock &block)
{
    QStringList words;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().property(DiffView::ChangedWordProperty).toBool()) {
            words.append(it.fragment().text());
        }
    }
    return words;
}

} // namespace

class TestDiffView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sideBySide_rowsLineNumbersMarkersAndChangedWords();
    void nextPrevious_moveBetweenChanges_byButtonsAndKeys();
    void unified_marksLinesAndWords_andNavigates();
    void summary_namesTheChangedFields();
    void showMessage_hidesTheDiff();

private:
    template<typename T> [[nodiscard]] T *child(const char *name) const
    {
        return m_view->findChild<T *>(QLatin1String(name));
    }
    [[nodiscard]] QTextBlock block(const char *view, int number) const
    {
        return child<QPlainTextEdit>(view)->document()->findBlockByNumber(number);
    }
    [[nodiscard]] int cursorBlock(const char *view) const
    {
        return child<QPlainTextEdit>(view)->textCursor().blockNumber();
    }

    std::unique_ptr<DiffView> m_view;
};

void TestDiffView::init()
{
    m_view = std::make_unique<DiffView>();
    m_view->resize(900, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setTexts(QStringLiteral("v3 by dana.kim"), oldText, QStringLiteral("v4 by priya.shah"), newText);
}

void TestDiffView::cleanup()
{
    m_view.reset();
}

void TestDiffView::sideBySide_rowsLineNumbersMarkersAndChangedWords()
{
    QCOMPARE(m_view->mode(), DiffView::Mode::SideBySide);
    const QTextDocument *left = child<QPlainTextEdit>("diffOldPlainTextEdit")->document();
    const QTextDocument *right = child<QPlainTextEdit>("diffNewPlainTextEdit")->document();
    // One row a line of the longer side: the sides stay level.
    QCOMPARE(left->blockCount(), 11);
    QCOMPARE(right->blockCount(), 11);
    QVERIFY(child<QPlainTextEdit>("diffOldPlainTextEdit")->isReadOnly());
    QVERIFY(child<QPlainTextEdit>("diffNewPlainTextEdit")->isReadOnly());

    // Line numbers are as wide as the widest ("11"), then the marker.
    QCOMPARE(block("diffOldPlainTextEdit", 0).text(), QStringLiteral(" 1   one"));
    QCOMPARE(kindOf(block("diffOldPlainTextEdit", 0)), LineKind::Same);
    QCOMPARE(block("diffOldPlainTextEdit", 2).text(),
             QStringLiteral(" 3 - Invite them to Acme Summit 2027 in Lisbon on 14 May."));
    QCOMPARE(kindOf(block("diffOldPlainTextEdit", 2)), LineKind::Removed);
    QCOMPARE(changedWordsOf(block("diffOldPlainTextEdit", 2)), QStringList{QStringLiteral("Lisbon")});
    QCOMPARE(block("diffNewPlainTextEdit", 2).text(),
             QStringLiteral(" 3 + Invite them to Acme Summit 2027 in London on 14 May."));
    QCOMPARE(kindOf(block("diffNewPlainTextEdit", 2)), LineKind::Added);
    QCOMPARE(changedWordsOf(block("diffNewPlainTextEdit", 2)), QStringList{QStringLiteral("London")});
    QVERIFY(block("diffNewPlainTextEdit", 2).blockFormat().background() != QBrush());

    // Unchanged lines have no highlight; an added line has no partner, so a filler faces it.
    QCOMPARE(changedWordsOf(block("diffOldPlainTextEdit", 3)), QStringList());
    QCOMPARE(block("diffNewPlainTextEdit", 9).text(), QStringLiteral("10   ten"));
    QCOMPARE(block("diffOldPlainTextEdit", 10).text(), QStringLiteral("     "));
    QCOMPARE(kindOf(block("diffOldPlainTextEdit", 10)), LineKind::Filler);
    QCOMPARE(block("diffNewPlainTextEdit", 10).text(), QStringLiteral("11 + eleven"));
    QCOMPARE(kindOf(block("diffNewPlainTextEdit", 10)), LineKind::Added);
    QCOMPARE(changedWordsOf(block("diffNewPlainTextEdit", 10)), QStringList()); // changed as a whole

    QCOMPARE(child<QLabel>("diffOldTitleLabel")->text(), QStringLiteral("v3 by dana.kim"));
    QCOMPARE(child<QLabel>("diffNewTitleLabel")->text(), QStringLiteral("v4 by priya.shah"));
}

void TestDiffView::nextPrevious_moveBetweenChanges_byButtonsAndKeys()
{
    auto *previous = child<QPushButton>("previousChangeButton");
    auto *next = child<QPushButton>("nextChangeButton");
    // It opens at the first change, both sides on its row.
    QCOMPARE(m_view->changeCount(), 2);
    QCOMPARE(m_view->currentChange(), 0);
    QCOMPARE(cursorBlock("diffOldPlainTextEdit"), 2);
    QCOMPARE(cursorBlock("diffNewPlainTextEdit"), 2);
    QCOMPARE(child<QLabel>("changePositionLabel")->text(), QStringLiteral("Change 1 of 2"));
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());

    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(m_view->currentChange(), 1);
    QCOMPARE(cursorBlock("diffOldPlainTextEdit"), 10);
    QCOMPARE(cursorBlock("diffNewPlainTextEdit"), 10);
    QCOMPARE(child<QLabel>("changePositionLabel")->text(), QStringLiteral("Change 2 of 2"));
    QVERIFY(previous->isEnabled());
    QVERIFY(!next->isEnabled());

    auto *right = child<QPlainTextEdit>("diffNewPlainTextEdit");
    right->setFocus();
    QTRY_VERIFY(right->hasFocus());
    QTest::keyClick(right, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(m_view->currentChange(), 0);
    QCOMPARE(cursorBlock("diffNewPlainTextEdit"), 2);
    // The cursor sits after the changed word, so a long line scrolls to show it.
    QCOMPARE(right->textCursor().positionInBlock(),
             QStringLiteral(" 3 + Invite them to Acme Summit 2027 in London").size());
    QTest::keyClick(right, Qt::Key_F7);
    QCOMPARE(m_view->currentChange(), 1);
    QTest::keyClick(right, Qt::Key_F7); // past the last change: stays
    QCOMPARE(m_view->currentChange(), 1);
    QTest::keyClick(right, Qt::Key_P);
    QCOMPARE(m_view->currentChange(), 0);
    QTest::keyClick(right, Qt::Key_N);
    QCOMPARE(m_view->currentChange(), 1);
    QCOMPARE(cursorBlock("diffOldPlainTextEdit"), 10);
}

void TestDiffView::unified_marksLinesAndWords_andNavigates()
{
    QTest::mouseClick(child<QWidget>("diffUnifiedCheckBox"), Qt::LeftButton);
    QCOMPARE(m_view->mode(), DiffView::Mode::Unified);
    auto *unified = child<QPlainTextEdit>("diffUnifiedPlainTextEdit");
    QTRY_VERIFY(unified->isVisible());
    QVERIFY(!child<QPlainTextEdit>("diffOldPlainTextEdit")->isVisible());

    QCOMPARE(block("diffUnifiedPlainTextEdit", 0).text(), QStringLiteral("--- v3 by dana.kim"));
    QCOMPARE(kindOf(block("diffUnifiedPlainTextEdit", 0)), LineKind::Header);
    QCOMPARE(block("diffUnifiedPlainTextEdit", 1).text(), QStringLiteral("+++ v4 by priya.shah"));
    // Three lines of context: two hunks.
    QCOMPARE(block("diffUnifiedPlainTextEdit", 2).text(), QStringLiteral("@@ -1,6 +1,6 @@"));
    QCOMPARE(kindOf(block("diffUnifiedPlainTextEdit", 2)), LineKind::Header);
    QCOMPARE(block("diffUnifiedPlainTextEdit", 3).text(), QStringLiteral(" one"));
    QCOMPARE(kindOf(block("diffUnifiedPlainTextEdit", 3)), LineKind::Same);
    QCOMPARE(block("diffUnifiedPlainTextEdit", 5).text(),
             QStringLiteral("-Invite them to Acme Summit 2027 in Lisbon on 14 May."));
    QCOMPARE(kindOf(block("diffUnifiedPlainTextEdit", 5)), LineKind::Removed);
    QCOMPARE(changedWordsOf(block("diffUnifiedPlainTextEdit", 5)), QStringList{QStringLiteral("Lisbon")});
    QCOMPARE(block("diffUnifiedPlainTextEdit", 6).text(),
             QStringLiteral("+Invite them to Acme Summit 2027 in London on 14 May."));
    QCOMPARE(changedWordsOf(block("diffUnifiedPlainTextEdit", 6)), QStringList{QStringLiteral("London")});
    QCOMPARE(block("diffUnifiedPlainTextEdit", 10).text(), QStringLiteral("@@ -8,3 +8,4 @@"));
    QCOMPARE(kindOf(block("diffUnifiedPlainTextEdit", 10)), LineKind::Header);
    QCOMPARE(block("diffUnifiedPlainTextEdit", 14).text(), QStringLiteral("+eleven"));
    QCOMPARE(kindOf(block("diffUnifiedPlainTextEdit", 14)), LineKind::Added);
    QCOMPARE(unified->document()->blockCount(), 15);

    // The current change is kept across the switch; the cursor follows in this view.
    QCOMPARE(m_view->currentChange(), 0);
    QCOMPARE(cursorBlock("diffUnifiedPlainTextEdit"), 5);
    m_view->nextChange();
    QCOMPARE(cursorBlock("diffUnifiedPlainTextEdit"), 14);
    m_view->previousChange();
    QCOMPARE(cursorBlock("diffUnifiedPlainTextEdit"), 5);
}

void TestDiffView::summary_namesTheChangedFields()
{
    AgentSpec before;
    before.model = QStringLiteral("gpt-4o-mini");
    before.instructions = QStringLiteral("Invite them to Acme Summit 2027 in Lisbon.");
    AgentSpec after = before;
    after.model = QStringLiteral("gpt-4o");
    after.instructions = QStringLiteral("Invite them to Acme Summit 2027 in London.");
    const QStringList changes = SpecSummary::changes(before, after);
    QCOMPARE(changes.size(), 2);
    m_view->setTexts(QStringLiteral("v1"), before.toCanonicalText(), QStringLiteral("v2"), after.toCanonicalText());
    QCOMPARE(child<QLabel>("diffSummaryLabel")->text(),
             QStringLiteral("v1 → v2: ") + changes.join(QStringLiteral("; ")));
    QVERIFY(child<QLabel>("diffSummaryLabel")->text().contains(QStringLiteral("gpt-4o-mini")));

    m_view->setTexts(QStringLiteral("v1"), before.toCanonicalText(), QStringLiteral("v1"), before.toCanonicalText());
    QCOMPARE(child<QLabel>("diffSummaryLabel")->text(), QStringLiteral("v1 → v1: no field changed."));
    QCOMPARE(m_view->changeCount(), 0);
    QCOMPARE(child<QLabel>("changePositionLabel")->text(), QStringLiteral("No changes"));
}

void TestDiffView::showMessage_hidesTheDiff()
{
    m_view->showMessage(QStringLiteral("Nothing to compare."));
    QCOMPARE(child<QLabel>("diffMessageLabel")->text(), QStringLiteral("Nothing to compare."));
    QTRY_VERIFY(child<QLabel>("diffMessageLabel")->isVisible());
    QVERIFY(!child<QLabel>("diffSummaryLabel")->isVisible());
    QCOMPARE(m_view->changeCount(), 0);
    QVERIFY(!child<QPushButton>("nextChangeButton")->isEnabled());
}

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
