// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QSplitter;
class QTableView;
class QToolButton;

namespace steward {

class EventDetail;
class LiveFeedModel;
class QueryBar;
class Workspace;

// The Live feed place: the company's activity as it happens (journalctl -f, Grafana Explore),
// a query bar above it that filters the stream and its history alike, and the selected event's
// detail (its run as a trace, its provenance) below. Pause holds new events back behind an
// "N new events" badge; while the user has scrolled away from the top or selected a row, new
// rows arrive above without moving what they look at.
class LiveFeedView final : public QWidget
{
    Q_OBJECT

public:
    explicit LiveFeedView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(LiveFeedView)
    ~LiveFeedView() override;

    void setWorkspace(Workspace *workspace);
    // The node selected in the tree: "Only" limits the feed to it (an agent, or a group's subtree).
    void setSelectedPath(const QString &path);
    // Runs a query as if typed and entered.
    void runQuery(const QString &query);
    void setPaused(bool paused);

    [[nodiscard]] LiveFeedModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QueryBar *queryBar() const { return m_queryBar; }
    [[nodiscard]] EventDetail *detail() const { return m_detail; }
    // New rows that arrived above while the user looked elsewhere, or held back by the pause.
    [[nodiscard]] int unseenCount() const { return m_unseen; }

Q_SIGNALS:
    // From the detail's "Open version N".
    void openVersionRequested(const QString &agentPath, int number);

private:
    void rebuildModel();
    void runCurrentQuery();
    void showCurrent();
    void updateBadge();
    void goToNewest();
    void onRowsInsertedAbove(int count, bool anchored);
    void restoreSettings();
    void saveSettings() const;

    QPointer<Workspace> m_workspace;
    LiveFeedModel *m_model = nullptr;
    QueryBar *m_queryBar = nullptr;
    QToolButton *m_historyButton = nullptr;
    QCheckBox *m_onlySelected = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_badge = nullptr;
    QLabel *m_error = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    EventDetail *m_detail = nullptr;
    QString m_selectedPath;
    int m_unseen = 0;
};

} // namespace steward
