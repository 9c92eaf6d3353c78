// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdiff.h"

#include <QCoreApplication>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <vector>

namespace steward {
namespace {

using Kind = DiffLine::Kind;

struct Edit
{
    Kind kind;
    qsizetype oldIndex; // 0-based, -1 when absent
    qsizetype newIndex;
};

// The minimal edit script between two sequences, removals before additions in each block.
template<typename T> std::vector<Edit> editScript(const std::vector<T> &a, const std::vector<T> &b)
{
    dtl::Diff<T, std::vector<T>> diff(a, b, true);
    diff.compose();
    std::vector<Edit> edits;
    const auto sequence = diff.getSes().getSequence();
    edits.reserve(sequence.size());
    for (const auto &[element, info] : sequence) {
        Q_UNUSED(element)
        switch (info.type) {
        case dtl::SES_COMMON: edits.push_back({Kind::Same, info.beforeIdx - 1, info.afterIdx - 1}); break;
        case dtl::SES_DELETE: edits.push_back({Kind::Removed, info.beforeIdx - 1, -1}); break;
        case dtl::SES_ADD: edits.push_back({Kind::Added, -1, info.afterIdx - 1}); break;
        default: break;
        }
    }
    return edits;
}

// Words, runs of white space, and single other characters: the units a word diff compares.
QStringList tokenize(const QString &line)
{
    QStringList tokens;
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        qsizetype end = i + 1;
        if (c.isLetterOrNumber() || c == QLatin1Char('_')) {
            while (end < line.size() && (line.at(end).isLetterOrNumber() || line.at(end) == QLatin1Char('_'))) {
                ++end;
            }
        } else if (c.isSpace()) {
            while (end < line.size() && line.at(end).isSpace()) {
                ++end;
            }
        }
        tokens.append(line.mid(i, end - i));
        i = end;
    }
    return tokens;
}

void addSpan(QList<WordSpan> &spans, qsizetype start, qsizetype length)
{
    if (!spans.isEmpty() && spans.last().start + spans.last().length == start) {
        spans.last().length += length;
    } else {
        spans.append({start, length});
    }
}

QString numberedRange(int start, int count)
{
    return count == 1 ? QString::number(start) : QStringLiteral("%1,%2").arg(start).arg(count);
}

} // namespace

QStringList TextDiff::splitLines(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n'))) {
        lines.removeLast();
    }
    return lines;
}

std::pair<QList<WordSpan>, QList<WordSpan>> TextDiff::wordChanges(const QString &oldLine, const QString &newLine)
{
    const QStringList oldTokens = tokenize(oldLine);
    const QStringList newTokens = tokenize(newLine);
    const std::vector<QString> a(oldTokens.cbegin(), oldTokens.cend());
    const std::vector<QString> b(newTokens.cbegin(), newTokens.cend());

    // Character offsets of each token, to turn token edits into spans.
    std::vector<qsizetype> oldOffsets(a.size() + 1, 0);
    std::vector<qsizetype> newOffsets(b.size() + 1, 0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        oldOffsets[i + 1] = oldOffsets[i] + a[i].size();
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
        newOffsets[i + 1] = newOffsets[i] + b[i].size();
    }

    QList<WordSpan> oldSpans;
    QList<WordSpan> newSpans;
    for (const Edit &edit : editScript(a, b)) {
        if (edit.kind == Kind::Removed) {
            const auto index = static_cast<std::size_t>(edit.oldIndex);
            addSpan(oldSpans, oldOffsets[index], a[index].size());
        } else if (edit.kind == Kind::Added) {
            const auto index = static_cast<std::size_t>(edit.newIndex);
            addSpan(newSpans, newOffsets[index], b[index].size());
        }
    }
    return {oldSpans, newSpans};
}

TextDiff TextDiff::compare(const QString &before, const QString &after)
{
    TextDiff result;
    result.m_oldEndsWithNewline = before.isEmpty() || before.endsWith(QLatin1Char('\n'));
    result.m_newEndsWithNewline = after.isEmpty() || after.endsWith(QLatin1Char('\n'));
    const QStringList oldLines = splitLines(before);
    const QStringList newLines = splitLines(after);
    std::vector<QString> a(oldLines.cbegin(), oldLines.cend());
    std::vector<QString> b(newLines.cbegin(), newLines.cend());
    // A last line without its newline differs from the same text with one (as in diff(1)):
    // mark it for the comparison only.
    const QChar noNewline(QChar::Null);
    if (!a.empty() && !result.m_oldEndsWithNewline) {
        a.back() += noNewline;
    }
    if (!b.empty() && !result.m_newEndsWithNewline) {
        b.back() += noNewline;
    }

    for (const Edit &edit : editScript(a, b)) {
        DiffLine line;
        line.kind = edit.kind;
        line.oldNumber = edit.oldIndex >= 0 ? static_cast<int>(edit.oldIndex) + 1 : 0;
        line.newNumber = edit.newIndex >= 0 ? static_cast<int>(edit.newIndex) + 1 : 0;
        line.text = edit.kind == Kind::Added ? newLines.at(edit.newIndex) : oldLines.at(edit.oldIndex);
        result.m_lines.append(line);
    }

    // Pair the k-th removed and k-th added line of each change block for word highlights.
    qsizetype i = 0;
    while (i < result.m_lines.size()) {
        if (result.m_lines.at(i).kind == Kind::Same) {
            ++i;
            continue;
        }
        qsizetype removedEnd = i;
        while (removedEnd < result.m_lines.size() && result.m_lines.at(removedEnd).kind == Kind::Removed) {
            ++removedEnd;
        }
        qsizetype addedEnd = removedEnd;
        while (addedEnd < result.m_lines.size() && result.m_lines.at(addedEnd).kind == Kind::Added) {
            ++addedEnd;
        }
        const qsizetype pairs = std::min(removedEnd - i, addedEnd - removedEnd);
        for (qsizetype k = 0; k < pairs; ++k) {
            DiffLine &removed = result.m_lines[i + k];
            DiffLine &added = result.m_lines[removedEnd + k];
            auto [oldSpans, newSpans] = wordChanges(removed.text, added.text);
            removed.changedWords = std::move(oldSpans);
            added.changedWords = std::move(newSpans);
        }
        i = std::max(addedEnd, i + 1);
    }
    return result;
}

bool TextDiff::isIdentical() const
{
    return m_oldEndsWithNewline == m_newEndsWithNewline
        && std::all_of(m_lines.cbegin(), m_lines.cend(), [](const DiffLine &line) { return line.kind == Kind::Same; });
}

int TextDiff::addedCount() const
{
    return static_cast<int>(
        std::count_if(m_lines.cbegin(), m_lines.cend(), [](const DiffLine &line) { return line.kind == Kind::Added; }));
}

int TextDiff::removedCount() const
{
    return static_cast<int>(std::count_if(m_lines.cbegin(), m_lines.cend(),
                                          [](const DiffLine &line) { return line.kind == Kind::Removed; }));
}

QList<TextDiff::Hunk> TextDiff::hunks(int context) const
{
    QList<Hunk> result;
    const qsizetype count = m_lines.size();
    qsizetype i = 0;
    while (i < count) {
        if (m_lines.at(i).kind == Kind::Same) {
            ++i;
            continue;
        }
        // A change: open a hunk with up to `context` lines before it, then extend it over
        // following changes that are at most 2 * context unchanged lines away.
        const qsizetype start = std::max<qsizetype>(0, i - context);
        qsizetype end = i;
        qsizetype sameRun = 0;
        for (qsizetype j = i; j < count; ++j) {
            if (m_lines.at(j).kind == Kind::Same) {
                if (++sameRun > 2 * context) {
                    break;
                }
            } else {
                sameRun = 0;
                end = j;
            }
        }
        const qsizetype stop = std::min(count, end + 1 + context);
        Hunk hunk;
        for (qsizetype j = start; j < stop; ++j) {
            const DiffLine &line = m_lines.at(j);
            hunk.lines.append(line);
            if (line.kind != Kind::Added) {
                ++hunk.oldCount;
                if (hunk.oldStart == 0) {
                    hunk.oldStart = line.oldNumber;
                }
            }
            if (line.kind != Kind::Removed) {
                ++hunk.newCount;
                if (hunk.newStart == 0) {
                    hunk.newStart = line.newNumber;
                }
            }
        }
        // An empty side starts after the line before it, as diff(1) writes it.
        if (hunk.oldCount == 0) {
            hunk.oldStart = start > 0 ? m_lines.at(start - 1).oldNumber : 0;
        }
        if (hunk.newCount == 0) {
            hunk.newStart = start > 0 ? m_lines.at(start - 1).newNumber : 0;
        }
        result.append(hunk);
        i = stop;
    }
    return result;
}

QString TextDiff::unified(const QString &oldLabel, const QString &newLabel, int context) const
{
    const QList<Hunk> all = hunks(context);
    if (all.isEmpty()) {
        return {};
    }
    const int lastOld = static_cast<int>(
        std::count_if(m_lines.cbegin(), m_lines.cend(), [](const DiffLine &l) { return l.kind != Kind::Added; }));
    const int lastNew = static_cast<int>(
        std::count_if(m_lines.cbegin(), m_lines.cend(), [](const DiffLine &l) { return l.kind != Kind::Removed; }));
    QString out = QStringLiteral("--- ") + oldLabel + QStringLiteral("\n+++ ") + newLabel + QLatin1Char('\n');
    for (const Hunk &hunk : all) {
        out += QStringLiteral("@@ -") + numberedRange(hunk.oldStart, hunk.oldCount) + QStringLiteral(" +")
            + numberedRange(hunk.newStart, hunk.newCount) + QStringLiteral(" @@\n");
        for (const DiffLine &line : hunk.lines) {
            const QChar mark = line.kind == Kind::Same ? QLatin1Char(' ')
                : line.kind == Kind::Removed           ? QLatin1Char('-')
                                                       : QLatin1Char('+');
            out += mark + line.text + QLatin1Char('\n');
            const bool lastOfOld = line.kind != Kind::Added && line.oldNumber == lastOld && !m_oldEndsWithNewline;
            const bool lastOfNew = line.kind != Kind::Removed && line.newNumber == lastNew && !m_newEndsWithNewline;
            if (lastOfOld || lastOfNew) {
                out += QStringLiteral("\\ No newline at end of file\n");
            }
        }
    }
    return out;
}

QList<TextDiff::Row> TextDiff::sideBySide() const
{
    QList<Row> rows;
    qsizetype i = 0;
    while (i < m_lines.size()) {
        const DiffLine &line = m_lines.at(i);
        if (line.kind == Kind::Same) {
            rows.append({line, line});
            ++i;
            continue;
        }
        qsizetype removedEnd = i;
        while (removedEnd < m_lines.size() && m_lines.at(removedEnd).kind == Kind::Removed) {
            ++removedEnd;
        }
        qsizetype addedEnd = removedEnd;
        while (addedEnd < m_lines.size() && m_lines.at(addedEnd).kind == Kind::Added) {
            ++addedEnd;
        }
        const qsizetype removed = removedEnd - i;
        const qsizetype added = addedEnd - removedEnd;
        for (qsizetype k = 0; k < std::max(removed, added); ++k) {
            Row row;
            if (k < removed) {
                row.left = m_lines.at(i + k);
            }
            if (k < added) {
                row.right = m_lines.at(removedEnd + k);
            }
            rows.append(row);
        }
        i = addedEnd;
    }
    return rows;
}

Result<QString> TextDiff::apply(const QString &before) const
{
    const QStringList oldLines = splitLines(before);
    QStringList newLines;
    for (const DiffLine &line : m_lines) {
        if (line.kind != Kind::Added) {
            if (line.oldNumber < 1 || line.oldNumber > oldLines.size()
                || oldLines.at(line.oldNumber - 1) != line.text) {
                return Error{
                    Error::Code::Conflict,
                    QCoreApplication::translate("steward::TextDiff", "The text does not match the diff at line %1.")
                        .arg(line.oldNumber)};
            }
        }
        if (line.kind != Kind::Removed) {
            newLines.append(line.text);
        }
    }
    QString after = newLines.join(QLatin1Char('\n'));
    if (!newLines.isEmpty() && m_newEndsWithNewline) {
        after += QLatin1Char('\n');
    }
    return after;
}

} // namespace steward
