// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/reliability.h"
#include "service/workspace.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>

class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace steward {

class ReliabilityCharts;
class ReliabilityRankingModel;

// Reliability over time of the node selected in the tree: charts of its series (its agents',
// for a group) by hour, day or week over the last 24 hours to 90 days, the ranking of the
// agents below it, and both as CSV. Days and weeks are the user's local ones. New activity
// reloads the rollups, at most once every few seconds and only while the tab is shown.
class ReliabilityTab final : public QWidget
{
    Q_OBJECT

public:
    // The ranges the user can choose, in hours.
    static constexpr std::array<int, 4> RangeHours{24, 7 * 24, 30 * 24, 90 * 24};
    // New activity is read at most this often.
    static constexpr int RefreshIntervalMs = 3000;

    explicit ReliabilityTab(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReliabilityTab)
    ~ReliabilityTab() override = default;

    void setWorkspace(Workspace *workspace);
    // NoNode shows nothing.
    void showNode(NodeId nodeId);
    [[nodiscard]] const ReliabilitySeries &series() const { return m_series; }
    [[nodiscard]] ReliabilityRankingModel *rankingModel() const { return m_ranking; }
    // Writes the series or the ranking as CSV; false, with the reason shown, when it fails.
    bool exportSeries(const QString &path);
    bool exportRanking(const QString &path);

Q_SIGNALS:
    // The series and the ranking were read again.
    void reloaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void onActivity();
    void askAndExport(bool ranking);
    bool writeFile(const QString &path, const QByteArray &bytes);
    void showProblem(const QString &message);

    QPointer<Workspace> m_workspace;
    NodeId m_nodeId = NoNode;
    ReliabilitySeries m_series;
    bool m_stale = false;
    QTimer m_refresh;
    QComboBox *m_bucket = nullptr;
    QComboBox *m_range = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_status = nullptr;
    ReliabilityCharts *m_charts = nullptr;
    QTableView *m_table = nullptr;
    ReliabilityRankingModel *m_ranking = nullptr;
};

} // namespace steward
