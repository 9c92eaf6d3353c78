// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Diff of two 5,000-line specs with 5% of the lines changed: line diff with word highlights,
// the unified text and the side-by-side rows, as the Versions tab computes them.
//   bench_diff [LINES] [CHANGED_PERCENT] [ROUNDS]
#include "diff/textdiff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using namespace steward;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int lines = args.size() > 1 ? args.at(1).toInt() : 5000;
    const int changedPercent = args.size() > 2 ? args.at(2).toInt() : 5;
    const int rounds = args.size() > 3 ? args.at(3).toInt() : 20;

    QRandomGenerator random(42);
    const QStringList words{QStringLiteral("agent"),  QStringLiteral("prospect"), QStringLiteral("summit"),
                            QStringLiteral("London"), QStringLiteral("Lisbon"),   QStringLiteral("never"),
                            QStringLiteral("always"), QStringLiteral("email"),    QStringLiteral("reply"),
                            QStringLiteral("tone"),   QStringLiteral("customer"), QStringLiteral("refund")};
    const auto sentence = [&]() -> QString {
        QStringList out;
        const int count = 6 + static_cast<int>(random.bounded(10));
        for (int i = 0; i < count; ++i) {
            out.append(words.at(static_cast<int>(random.bounded(words.size()))));
        }
        return QStringLiteral("  ") + out.join(QLatin1Char(' ')) + QLatin1Char('.');
    };
    QStringList before;
    for (int i = 0; i < lines; ++i) {
        before.append(sentence());
    }
    QStringList after = before;
    const int changes = lines * changedPercent / 100;
    for (int c = 0; c < changes; ++c) {
        const int at = static_cast<int>(random.bounded(after.size()));
        switch (c % 3) {
        case 0: after[at] = sentence(); break;
        case 1: after.insert(at, sentence()); break;
        default: after.removeAt(at); break;
        }
    }
    const QString oldText = before.join(QLatin1Char('\n')) + QLatin1Char('\n');
    const QString newText = after.join(QLatin1Char('\n')) + QLatin1Char('\n');

    QList<double> timings;
    int added = 0;
    int removed = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const TextDiff diff = TextDiff::compare(oldText, newText);
        const QString unified = diff.unified(QStringLiteral("a"), QStringLiteral("b"));
        const auto rows = diff.sideBySide();
        timings.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        added = diff.addedCount();
        removed = diff.removedCount();
        if (unified.isEmpty() || rows.isEmpty()) {
            return 1;
        }
    }
    std::sort(timings.begin(), timings.end());
    std::printf("diff of %d lines, %d%% changed (%d edits): %d added, %d removed\n", lines, changedPercent, changes,
                added, removed);
    std::printf(
        "time per diff (compare + unified + side by side) over %d rounds: median %.2f ms, min %.2f ms, max %.2f ms\n",
        rounds, timings.at(timings.size() / 2), timings.first(), timings.last());
    return 0;
}
