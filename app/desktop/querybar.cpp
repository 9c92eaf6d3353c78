// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "querybar.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QSettings>
#include <QStringListModel>

namespace steward {

namespace {

const QString kHistoryKey = QStringLiteral("liveFeed/queryHistory");

// The filters of the activity query language (docs/api.md, "Activity queries"), as they are
// typed; numeric ones take a comparison instead of a colon.
const QStringList &filterWords()
{
    static const QStringList words{
        QStringLiteral("agent:"),  QStringLiteral("kind:"),    QStringLiteral("status:"),  QStringLiteral("version:"),
        QStringLiteral("run:"),    QStringLiteral("trigger:"), QStringLiteral("since:"),   QStringLiteral("until:"),
        QStringLiteral("tokens>"), QStringLiteral("cost>"),    QStringLiteral("latency>"),
    };
    return words;
}

} // namespace

QueryBar::QueryBar(QWidget *parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("queryBar"));
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search activity: words, \"phrases\", agent:/sales/* kind:error since:24h latency>1000"));
    m_words = new QStringListModel(this);
    m_completer = new QCompleter(m_words, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &QueryBar::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &QueryBar::complete);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        remember(text());
        Q_EMIT queryEntered(text());
    });
}

void QueryBar::setAgentPaths(const QStringList &paths)
{
    m_agentPaths = paths;
}

QStringList QueryBar::candidates() const
{
    QStringList words = filterWords();
    for (const QString &path : m_agentPaths) {
        words << QStringLiteral("agent:") + path;
    }
    return words;
}

QStringList QueryBar::history() const
{
    return QSettings().value(kHistoryKey).toStringList();
}

void QueryBar::remember(const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty()) {
        return;
    }
    QStringList recent = history();
    recent.removeAll(trimmed);
    recent.prepend(trimmed);
    QSettings().setValue(kHistoryKey, recent.mid(0, MaxHistory));
}

QString QueryBar::wordAtCursor(int *start) const
{
    const QString line = text();
    int from = cursorPosition();
    while (from > 0 && !line.at(from - 1).isSpace() && line.at(from - 1) != QLatin1Char('(')
           && line.at(from - 1) != QLatin1Char('-')) {
        --from;
    }
    *start = from;
    return line.mid(from, cursorPosition() - from);
}

void QueryBar::complete()
{
    int start = 0;
    const QString word = wordAtCursor(&start);
    if (word.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_words->setStringList(candidates());
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void QueryBar::insertCompletion(const QString &completion)
{
    int start = 0;
    const QString word = wordAtCursor(&start);
    QString line = text();
    line.replace(start, word.size(), completion);
    setText(line);
    setCursorPosition(start + static_cast<int>(completion.size()));
}

void QueryBar::keyPressEvent(QKeyEvent *event)
{
    // While the list of completions is open, Enter and Tab pick one instead of running the query.
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape: event->ignore(); return;
        default: break;
        }
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace steward
