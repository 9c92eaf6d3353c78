// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/agentspec.h"
#include "permissions.h"
#include "service/workspace.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QGroupBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QTableView;

namespace steward {

class RunHistoryModel;
class RunRequestTableModel;
class TriggerTableModel;

// An agent's runs at a glance: its status with Pause… and Resume… (an audited act with a
// reason), how Steward starts it (the runner, or that it runs elsewhere), its triggers with the
// next run times, its run history, live: runs appear as they start and change as they end,
// a run under way counts its time, and the requests that did not become runs with the reason
// (skipped, refused, waiting). Run Now… (Ctrl+R) starts a run by hand. A run opens as its
// trace. What the workspace or the user's grants do not allow is disabled, with the reason in
// the tool tip. The page reads only while it is shown.
class RunsPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int HistoryLimit = 100;
    static constexpr int RequestsLimit = 50;
    static constexpr int NextRunsShown = 3;
    // While a run is under way its time is counted every second and the history read again
    // this often, so that a run whose end comes without an event still ends here.
    static constexpr int RunningReloadMs = 5000;

    explicit RunsPage(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunsPage)
    ~RunsPage() override = default;

    void setWorkspace(Workspace *workspace);
    // The user's grants, and whether the link to the server is up (a local file always is).
    void setAccess(const Permissions &permissions, bool connected);
    // NoNode shows nothing.
    void showAgent(NodeId agentId);
    [[nodiscard]] NodeId agentId() const { return m_agentId; }

    [[nodiscard]] RunHistoryModel *history() const { return m_history; }
    [[nodiscard]] TriggerTableModel *triggers() const { return m_triggers; }
    [[nodiscard]] RunRequestTableModel *notRun() const { return m_notRun; }

    // The dialogs behind the buttons, opened (not run) so that tests and shortcuts share them.
    void changeStatus();
    void runNow();
    // Opens the run in the history row as its trace.
    void openRun(int row);

Q_SIGNALS:
    // The user wants the change behind a run: the agent at `agentPath`, its version `number`.
    void openVersionRequested(const QString &agentPath, int number);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void reloadRuns();
    void showRunner(const AgentSpec::Runner &runner);
    // How the runner starts the agent, in words.
    [[nodiscard]] static QString runnerText(const AgentSpec::Runner &runner);
    void showTriggers(const QList<AgentSpec::Trigger> &triggers);
    void updateButtons();
    void showMessage(const QString &message);
    void tick();
    // Why the user may not change the agent here; empty when they may.
    [[nodiscard]] QString refusal() const;
    // The agent's path as the workspace has it now; empty when there is no agent.
    [[nodiscard]] QString readPath() const;

    QPointer<Workspace> m_workspace;
    NodeId m_agentId = NoNode;
    Permissions m_permissions;
    bool m_connected = true;
    bool m_stale = false;
    QString m_path; // read with the agent; a rename or move reads it again
    Agent m_agent;
    AgentSpec m_spec;

    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_statusButton = nullptr;
    QPushButton *m_runNowButton = nullptr;
    QAction *m_runNowAction = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_runner = nullptr;
    QGroupBox *m_triggersBox = nullptr;
    TriggerTableModel *m_triggers = nullptr;
    QTableView *m_triggersView = nullptr;
    RunHistoryModel *m_history = nullptr;
    QTableView *m_historyView = nullptr;
    QGroupBox *m_notRunBox = nullptr;
    RunRequestTableModel *m_notRun = nullptr;
    QTimer m_clock; // counts the time of runs under way
    QTimer m_activityReload; // one read for a burst of events
    int m_ticksSinceReload = 0;
};

} // namespace steward
