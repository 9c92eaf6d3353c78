// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/agent.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTreeView;

namespace steward {

class DiffView;
class Workspace;

// One event of the live feed in full: what it said, its run as a trace (the run's events as a
// tree by span, with a timing waterfall) and its provenance (the agent version that produced
// it, that version's diff against its parent, who changed it, when and why, and who approved
// the change). "Open version N" leads to the change in the agent's Versions tab.
class EventDetail final : public QWidget
{
    Q_OBJECT

public:
    enum Tab { EventTab, TraceTab, ProvenanceTab };
    enum class TraceColumn { Step, Summary, Status, Timing, ColumnCount };

    explicit EventDetail(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EventDetail)
    ~EventDetail() override = default;

    void setWorkspace(Workspace *workspace);
    // Shows an event; a hit's path names its agent.
    void showHit(const ActivityHit &hit);
    void clear();
    void showTab(Tab tab);

    [[nodiscard]] QStandardItemModel *traceModel() const { return m_traceModel; }
    [[nodiscard]] const AgentVersion &version() const { return m_version; }

Q_SIGNALS:
    // The user wants the change behind the event: the agent at `agentPath`, its version `number`.
    void openVersionRequested(const QString &agentPath, int number);

private:
    void showTrace(const ActivityHit &hit);
    void showProvenance(const ActivityHit &hit);
    // What reviewers decided on the outputs of the event's run: the approvals of its agent whose
    // run is the event's, each with its state and every decision (verdict, reviewer, reason).
    [[nodiscard]] QStringList approvalLines(const ActivityEvent &event) const;

    QPointer<Workspace> m_workspace;
    ActivityHit m_hit;
    AgentVersion m_version;
    QLabel *m_header = nullptr;
    QPushButton *m_openVersion = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTreeView *m_trace = nullptr;
    QStandardItemModel *m_traceModel = nullptr;
    QLabel *m_traceMessage = nullptr;
    QLabel *m_provenance = nullptr;
    DiffView *m_diff = nullptr;
};

} // namespace steward
