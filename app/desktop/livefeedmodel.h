// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "service/workspace.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace steward {

// The company's activity, newest first: a live tail that grows at the top as events are stored
// and history paged in at the bottom as the view scrolls (canFetchMore/fetchMore, keyset pages
// of Workspace::searchActivity). Memory stays flat however long it runs: the rows are capped
// (rowLimit while new rows push old ones out, maxRows in all), and rows pushed out at the
// bottom come back by paging.
//
// New events are gathered and inserted by a 30 Hz timer, one beginInsertRows per tick, so that
// thousands of events a second cost a few model updates a second. With a query set, live
// events cannot be matched here (the query language is the store's); instead the query is run
// again for what is newer than the newest row, at most `RequeryIntervalMs` apart, while events
// keep arriving. Without a query, live events are shown as they come (within the scope).
class LiveFeedModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Time, Agent, Version, Run, Kind, Status, Summary, Tokens, Cost, Latency, ColumnCount };
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        AgentIdRole,
        AgentPathRole,
        VersionRole,
        RunIdRole,
        // The summary's search snippet with its hits marked (SnippetDelegate paints them).
        SnippetRole = Qt::UserRole + 50,
    };

    static constexpr int FlushIntervalMs = 33;
    static constexpr int RequeryIntervalMs = 250;
    static constexpr int PageSize = 200;
    static constexpr int DefaultRowLimit = 5000;
    // However far the user pages: beyond this a narrower query finds older events.
    static constexpr int MaxRows = 20'000;

    explicit LiveFeedModel(Workspace *workspace, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(LiveFeedModel)
    ~LiveFeedModel() override = default;

    // Shows the newest page of what the query finds (empty: everything) within `scope`: the
    // path of an agent or of a group for its subtree, empty for the whole company. A query the
    // store refuses leaves the model empty and gives back why (Invalid, with the position of the
    // problem).
    Status setQuery(const QString &query, const QString &scope = {});
    [[nodiscard]] QString query() const { return m_query; }
    [[nodiscard]] QString scope() const { return m_scope; }

    // While paused, new events are counted but not shown; resuming inserts them.
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const { return m_paused; }
    // Events that arrived while paused and are not shown yet.
    [[nodiscard]] int pendingCount() const { return m_pendingCount; }

    // How many rows the live tail keeps; rows pushed past it leave (paging brings them back).
    void setRowLimit(int rows);
    [[nodiscard]] int rowLimit() const { return m_rowLimit; }

    [[nodiscard]] const ActivityHit &hit(int row) const { return m_rows.at(row); }
    // The row of an event, or -1 when it is not loaded.
    [[nodiscard]] int rowOf(EventId id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Inserts what has arrived now instead of at the next tick (for tests and benchmarks).
    void flush();

Q_SIGNALS:
    void pendingCountChanged(int count);
    // Reading history or new rows failed (the link to a server is down, the store is gone).
    void loadFailed(const QString &message);

private:
    void onActivity(const QList<ActivityEvent> &events);
    void requery();
    // The query as the store runs it: the user's words within the scope.
    [[nodiscard]] QString effectiveQuery() const;
    [[nodiscard]] bool inScope(const QString &agentPath) const;
    [[nodiscard]] QString agentPath(NodeId agentId);
    // Inserts hits (newest first) above the first row, then trims the bottom to the limit;
    // `gap`: events between them and the rows shown are missing, so they replace the rows.
    void prepend(QList<ActivityHit> hits, bool gap);
    void trimBottom();
    [[nodiscard]] static QString plainSnippet(const QString &snippet);
    [[nodiscard]] QVariant display(const ActivityHit &hit, Column column) const;

    QPointer<Workspace> m_workspace;
    QString m_query;
    QString m_scope;
    QList<ActivityHit> m_rows; // newest first
    QList<ActivityHit> m_arrived; // live, oldest first, not yet inserted
    QHash<NodeId, QString> m_paths;
    EventId m_nextBefore = 0; // history's cursor; 0: no more
    int m_rowLimit = DefaultRowLimit;
    int m_keep = DefaultRowLimit; // rows paged in by the user stay until MaxRows
    int m_pendingCount = 0;
    bool m_paused = false;
    bool m_gap = false; // more arrived than a tail holds: the arrivals replace the rows
    bool m_requeryWanted = false;
    EventId m_requeryFloor = 0; // live events since the last requery are newer than this
    QTimer m_flushTimer;
    QTimer m_requeryTimer;
};

} // namespace steward
