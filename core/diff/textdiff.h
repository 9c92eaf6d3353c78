// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace steward {

// A changed stretch of characters inside a line, for word-level highlights.
struct WordSpan
{
    qsizetype start = 0;
    qsizetype length = 0;

    friend bool operator==(const WordSpan &, const WordSpan &) = default;
};

struct DiffLine
{
    enum class Kind { Same, Removed, Added };

    Kind kind = Kind::Same;
    int oldNumber = 0; // 1-based line number in the old text; 0 for an added line
    int newNumber = 0; // 1-based line number in the new text; 0 for a removed line
    QString text;
    // For a removed line paired with an added one (and the other way round): the words that
    // differ. Empty for unpaired lines, which are changed as a whole.
    QList<WordSpan> changedWords;
};

// A line diff of two texts with word-level detail inside changed lines. The line diff is a
// minimal edit script (Wu's O(NP) algorithm, from Debian's libdtl); within a change block,
// removals come before additions, and the k-th removed line is paired with the k-th added
// line for word highlights. The result is deterministic: the same texts give the same diff.
class TextDiff final
{
public:
    struct Hunk
    {
        int oldStart = 0;
        int oldCount = 0;
        int newStart = 0;
        int newCount = 0;
        QList<DiffLine> lines;
    };

    // One row of a side-by-side view: the old line on the left, the new one on the right;
    // either may be missing.
    struct Row
    {
        std::optional<DiffLine> left;
        std::optional<DiffLine> right;
    };

    static TextDiff compare(const QString &before, const QString &after);

    [[nodiscard]] const QList<DiffLine> &lines() const { return m_lines; }
    [[nodiscard]] bool isIdentical() const;
    [[nodiscard]] int addedCount() const;
    [[nodiscard]] int removedCount() const;

    // Changes with `context` unchanged lines around them, merged where they overlap.
    [[nodiscard]] QList<Hunk> hunks(int context = 3) const;
    // The diff in the unified format that `patch` and `git apply` read.
    [[nodiscard]] QString unified(const QString &oldLabel, const QString &newLabel, int context = 3) const;
    [[nodiscard]] QList<Row> sideBySide() const;
    // Applies this diff to `before`, checking that every kept and removed line matches; gives
    // the new text. This is how the tests prove a diff is complete.
    [[nodiscard]] Result<QString> apply(const QString &before) const;

    // Lines of a text; a final newline ends the last line rather than starting an empty one.
    [[nodiscard]] static QStringList splitLines(const QString &text);
    // The changed words between two versions of one line: spans in the old and in the new line.
    [[nodiscard]] static std::pair<QList<WordSpan>, QList<WordSpan>> wordChanges(const QString &oldLine,
                                                                                 const QString &newLine);

private:
    QList<DiffLine> m_lines;
    bool m_oldEndsWithNewline = true;
    bool m_newEndsWithNewline = true;
};

} // namespace steward
