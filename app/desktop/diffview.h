// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diff/textdiff.h"

#include <QList>
#include <QTextFormat>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace steward {

// Two versions of a spec compared, Meld-style: a summary of the changed fields above, then
// either side by side (two synchronized read-only views) or unified. Every line carries its
// line number and a marker ("-" removed, "+" added), so the state is never told by colour
// alone; inside a changed line the words that differ are highlighted and underlined.
// Next/previous change: the buttons, F7/Shift+F7, or n/p.
class DiffView final : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { SideBySide, Unified };
    // Kept in the documents' formats so that what each line and word is can be read back.
    enum Property {
        // On a block: its LineKind.
        LineKindProperty = QTextFormat::UserProperty + 1,
        // On the characters of a changed word: true.
        ChangedWordProperty,
    };
    enum class LineKind { Same, Removed, Added, Filler, Header };

    explicit DiffView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DiffView)
    ~DiffView() override = default;

    // Compares two texts; the titles name them ("v3 by dana.kim").
    void setTexts(const QString &oldTitle, const QString &oldText, const QString &newTitle, const QString &newText);
    // Shows a message instead of a diff.
    void showMessage(const QString &message);

    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const;
    void nextChange();
    void previousChange();
    // Which change is current (0-based; -1 before the first move) and how many there are.
    [[nodiscard]] int currentChange() const { return m_currentChange; }
    [[nodiscard]] int changeCount() const { return static_cast<int>(changeBlocks().size()); }

private:
    void render();
    [[nodiscard]] const QList<int> &changeBlocks() const;
    void goToChange(int change);
    void updateNavigation();

    TextDiff m_diff;
    QString m_oldTitle;
    QString m_newTitle;
    QList<int> m_sideBySideChanges; // the first block of each change, side by side
    QList<int> m_unifiedChanges; // the same in the unified view
    int m_currentChange = -1;

    QLabel *m_summary = nullptr;
    QLabel *m_oldTitleLabel = nullptr;
    QLabel *m_newTitleLabel = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_sideBySide = nullptr;
    QPlainTextEdit *m_left = nullptr;
    QPlainTextEdit *m_right = nullptr;
    QPlainTextEdit *m_unified = nullptr;
    QCheckBox *m_unifiedToggle = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_position = nullptr;
};

} // namespace steward
