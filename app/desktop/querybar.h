// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QStringList>

class QCompleter;
class QStringListModel;

namespace steward {

// The line an activity query is typed into: the word under the cursor completes to a filter
// name (agent:, kind:, since:, tokens>...) or, after agent:, to an agent's path; Enter runs the
// query, which then joins the recent queries (kept in QSettings, newest first).
class QueryBar final : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int MaxHistory = 20;

    explicit QueryBar(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(QueryBar)
    ~QueryBar() override = default;

    // The agent paths offered after agent:.
    void setAgentPaths(const QStringList &paths);
    [[nodiscard]] QCompleter *wordCompleter() const { return m_completer; }
    // Recent queries, newest first.
    [[nodiscard]] QStringList history() const;
    void remember(const QString &query);

    // What completing `word` offers: filter names and, for agent:..., agent paths.
    [[nodiscard]] QStringList candidates() const;

Q_SIGNALS:
    void queryEntered(const QString &query);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    // The word the cursor is in or just after, and where it starts.
    [[nodiscard]] QString wordAtCursor(int *start) const;
    void complete();
    void insertCompletion(const QString &completion);

    QCompleter *m_completer = nullptr;
    QStringListModel *m_words = nullptr;
    QStringList m_agentPaths;
};

} // namespace steward
