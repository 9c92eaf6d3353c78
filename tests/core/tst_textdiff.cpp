// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The line and word diff: golden cases in tests/data/diffs (whose expected unified output was
// written by GNU diff -u, an independent implementation), word highlights, side-by-side rows,
// and the property that applying a diff to the old text gives the new one.
#include "diff/textdiff.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace steward;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning() << "cannot read" << path;
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QString highlighted(const QString &text, const QList<WordSpan> &spans)
{
    QString out = text;
    for (auto it = spans.crbegin(); it != spans.crend(); ++it) {
        out.insert(it->start + it->length, QLatin1Char(']'));
        out.insert(it->start, QLatin1Char('['));
    }
    return out;
}

} // namespace

class TestTextDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unified_matchesGnuDiff_data();
    void unified_matchesGnuDiff();
    void apply_givesTheNewText_data();
    void apply_givesTheNewText();
    void apply_toOtherText_isRefused();
    void wordChanges_markOnlyTheChangedWords_data();
    void wordChanges_markOnlyTheChangedWords();
    void compare_pairsChangedLinesForWordHighlights();
    void sideBySide_alignsRemovedAndAddedLines();
    void identicalTexts_haveNoHunks();
    void randomEdits_applyRoundTrips();
};

void TestTextDiff::unified_matchesGnuDiff_data()
{
    QTest::addColumn<QString>("directory");
    const QDir root(QStringLiteral(STEWARD_TEST_DATA_DIR "/diffs"));
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 10);
    for (const QString &name : cases) {
        QTest::newRow(qPrintable(name)) << root.filePath(name);
    }
}

void TestTextDiff::unified_matchesGnuDiff()
{
    QFETCH(QString, directory);
    const QString before = readText(directory + QStringLiteral("/before.txt"));
    const QString after = readText(directory + QStringLiteral("/after.txt"));
    const QString expected = readText(directory + QStringLiteral("/expected.diff"));
    const TextDiff diff = TextDiff::compare(before, after);
    QCOMPARE(diff.unified(QStringLiteral("v1"), QStringLiteral("v2")), expected);
}

void TestTextDiff::apply_givesTheNewText_data()
{
    unified_matchesGnuDiff_data();
}

void TestTextDiff::apply_givesTheNewText()
{
    QFETCH(QString, directory);
    const QString before = readText(directory + QStringLiteral("/before.txt"));
    const QString after = readText(directory + QStringLiteral("/after.txt"));
    const auto applied = TextDiff::compare(before, after).apply(before);
    QVERIFY(applied.ok());
    QCOMPARE(applied.value(), after);
}

void TestTextDiff::apply_toOtherText_isRefused()
{
    const TextDiff diff = TextDiff::compare(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc\n"));
    const auto applied = diff.apply(QStringLiteral("a\nx\nc\n"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, Error::Code::Conflict);
    QVERIFY(applied.error().message.contains(QStringLiteral("line 2")));
}

void TestTextDiff::wordChanges_markOnlyTheChangedWords_data()
{
    QTest::addColumn<QString>("oldLine");
    QTest::addColumn<QString>("newLine");
    QTest::addColumn<QString>("oldMarked");
    QTest::addColumn<QString>("newMarked");

    QTest::newRow("one word") << "Invite them to Acme Summit 2027 in Lisbon on 14 May."
                              << "Invite them to Acme Summit 2027 in London on 14 May."
                              << "Invite them to Acme Summit 2027 in [Lisbon] on 14 May."
                              << "Invite them to Acme Summit 2027 in [London] on 14 May.";
    QTest::newRow("value after key") << "model: gpt-4o-mini"
                                     << "model: gpt-4o"
                                     << "model: gpt-4o[-mini]"
                                     << "model: gpt-4o";
    QTest::newRow("words added") << "Never promise discounts."
                                 << "Never promise discounts or free trials."
                                 << "Never promise discounts."
                                 << "Never promise discounts[ or free trials].";
    QTest::newRow("accented words") << "Grüße aus München"
                                    << "Grüße aus Köln"
                                    << "Grüße aus [München]"
                                    << "Grüße aus [Köln]";
    QTest::newRow("all different") << "abc"
                                   << "xyz"
                                   << "[abc]"
                                   << "[xyz]";
    QTest::newRow("same") << "same line"
                          << "same line"
                          << "same line"
                          << "same line";
}

void TestTextDiff::wordChanges_markOnlyTheChangedWords()
{
    QFETCH(QString, oldLine);
    QFETCH(QString, newLine);
    QFETCH(QString, oldMarked);
    QFETCH(QString, newMarked);
    const auto [oldSpans, newSpans] = TextDiff::wordChanges(oldLine, newLine);
    QCOMPARE(highlighted(oldLine, oldSpans), oldMarked);
    QCOMPARE(highlighted(newLine, newSpans), newMarked);
}

void TestTextDiff::compare_pairsChangedLinesForWordHighlights()
{
    const QString before = QStringLiteral("model: gpt-4o-mini\ntools: crm\nA\n");
    const QString after = QStringLiteral("model: gpt-4o\ntools: crm, web\nB\nC\n");
    const TextDiff diff = TextDiff::compare(before, after);
    QCOMPARE(diff.removedCount(), 3);
    QCOMPARE(diff.addedCount(), 4);
    const QList<DiffLine> &lines = diff.lines();
    QCOMPARE(lines.size(), 7);
    // Removals come first in a block, then additions; the k-th of each are paired.
    QCOMPARE(lines.at(0).kind, DiffLine::Kind::Removed);
    QCOMPARE(lines.at(2).kind, DiffLine::Kind::Removed);
    QCOMPARE(lines.at(3).kind, DiffLine::Kind::Added);
    QCOMPARE(highlighted(lines.at(0).text, lines.at(0).changedWords), QStringLiteral("model: gpt-4o[-mini]"));
    QCOMPARE(highlighted(lines.at(4).text, lines.at(4).changedWords), QStringLiteral("tools: crm[, web]"));
    QCOMPARE(lines.at(6).text, QStringLiteral("C"));
    QVERIFY(lines.at(6).changedWords.isEmpty());
    QCOMPARE(lines.at(6).newNumber, 4);
    QCOMPARE(lines.at(6).oldNumber, 0);
}

void TestTextDiff::sideBySide_alignsRemovedAndAddedLines()
{
    const TextDiff diff = TextDiff::compare(QStringLiteral("a\nb\nc\nd\n"), QStringLiteral("a\nB\nX\nd\n"));
    const QList<TextDiff::Row> rows = diff.sideBySide();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).left->text, QStringLiteral("a"));
    QCOMPARE(rows.at(0).right->text, QStringLiteral("a"));
    QCOMPARE(rows.at(1).left->text, QStringLiteral("b"));
    QCOMPARE(rows.at(1).right->text, QStringLiteral("B"));
    QCOMPARE(rows.at(2).left->text, QStringLiteral("c"));
    QCOMPARE(rows.at(2).right->text, QStringLiteral("X"));
    QCOMPARE(rows.at(3).left->oldNumber, 4);
    QCOMPARE(rows.at(3).right->newNumber, 4);

    const QList<TextDiff::Row> uneven =
        TextDiff::compare(QStringLiteral("a\n"), QStringLiteral("a\nb\nc\n")).sideBySide();
    QCOMPARE(uneven.size(), 3);
    QVERIFY(!uneven.at(1).left.has_value());
    QCOMPARE(uneven.at(2).right->text, QStringLiteral("c"));
}

void TestTextDiff::identicalTexts_haveNoHunks()
{
    const TextDiff diff = TextDiff::compare(QStringLiteral("a\nb\n"), QStringLiteral("a\nb\n"));
    QVERIFY(diff.isIdentical());
    QVERIFY(diff.hunks().isEmpty());
    QVERIFY(diff.unified(QStringLiteral("a"), QStringLiteral("b")).isEmpty());
    QVERIFY(!TextDiff::compare(QStringLiteral("a\n"), QStringLiteral("a")).isIdentical());
}

void TestTextDiff::randomEdits_applyRoundTrips()
{
    // Property: for any two texts, applying their diff to the first gives the second, and the
    // diff has no more changes than the edits that made the second text.
    QRandomGenerator random(20261124);
    const QStringList vocabulary{QStringLiteral("model: a"),       QStringLiteral("model: b"), QStringLiteral("tools:"),
                                 QStringLiteral("  - crm (read)"), QStringLiteral(""),         QStringLiteral("London"),
                                 QStringLiteral("Lisbon"),         QStringLiteral("x y z")};
    for (int round = 0; round < 300; ++round) {
        QStringList lines;
        const int length = static_cast<int>(random.bounded(40));
        for (int i = 0; i < length; ++i) {
            lines.append(vocabulary.at(static_cast<int>(random.bounded(vocabulary.size()))));
        }
        QStringList edited = lines;
        const int edits = static_cast<int>(random.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const int at = edited.isEmpty() ? 0 : static_cast<int>(random.bounded(edited.size()));
            switch (random.bounded(3)) {
            case 0: edited.insert(at, vocabulary.at(static_cast<int>(random.bounded(vocabulary.size())))); break;
            case 1:
                if (!edited.isEmpty()) {
                    edited.removeAt(at);
                }
                break;
            default:
                if (!edited.isEmpty()) {
                    edited[at] = QStringLiteral("changed %1").arg(e);
                }
                break;
            }
        }
        const QString before = lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        const QString after = edited.isEmpty() ? QString() : edited.join(QLatin1Char('\n')) + QLatin1Char('\n');
        const TextDiff diff = TextDiff::compare(before, after);
        const auto applied = diff.apply(before);
        QVERIFY(applied.ok());
        QCOMPARE(applied.value(), after);
        QVERIFY2(diff.addedCount() + diff.removedCount() <= 2 * edits,
                 qPrintable(QStringLiteral("round %1: %2 changes for %3 edits")
                                .arg(round)
                                .arg(diff.addedCount() + diff.removedCount())
                                .arg(edits)));
    }
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
