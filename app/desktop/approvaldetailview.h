// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;

namespace steward {

class DiffView;
class Workspace;

// One approval as a reviewer reads it before deciding: what will happen if approved, rendered
// as the recipient will see it (Markdown through QTextDocument, an email as its headers and
// body, a JSON tool call pretty-printed), the raw payload one tab away, for a repeat proposal
// the diff against the agent's previous approved output, and the context: the agent, its
// version, the run it came from and earlier decisions on this agent.
class ApprovalDetailView final : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalDetailView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ApprovalDetailView)
    ~ApprovalDetailView() override = default;

    void setWorkspace(Workspace *workspace) { m_workspace = workspace; }
    // Reads the approval and shows it; 0 shows the empty state.
    void showApproval(ApprovalId id);
    [[nodiscard]] ApprovalId approvalId() const { return m_id; }
    // A proposed version of a critical agent: the spec, and its diff against the version it
    // was based on.
    void showProposal(const VersionProposal &proposal, const QString &agentPath);

    // The payload as a reviewer reads it, as HTML or Markdown for a QTextDocument.
    static void render(QTextBrowser *browser, const QString &payload, const QString &format);

Q_SIGNALS:
    void pathActivated(const QString &path);

private:
    void showEmpty(const QString &message);
    void showPrevious(const Approval &approval);
    void showContext(const ApprovalDetail &detail);
    // The run's events, oldest first, as an HTML list for the context.
    [[nodiscard]] QString runEventsHtml(RunId runId) const;
    // Made on first use: most items have nothing to compare, and the window's other diff views
    // are then the only ones.
    [[nodiscard]] DiffView *diff();

    Workspace *m_workspace = nullptr;
    ApprovalId m_id = 0;
    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_rendered = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QWidget *m_diffPage = nullptr;
    DiffView *m_diff = nullptr;
    QLabel *m_context = nullptr;
};

} // namespace steward
