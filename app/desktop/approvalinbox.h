// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QTimer;
class QTreeView;

namespace steward {

class ApprovalAnalyticsView;
class ApprovalCounter;
class ApprovalDetailView;
class ApprovalInboxModel;
class Workspace;

// The Approval inbox: the pending items (for me first, then my teams) beside the selected
// item's detail, driven from the keyboard as a mail client is: J/K (or Down/Up) next and
// previous, A approve, R reject (asks a reason), E edit then approve, O open the agent in the
// org tree, X select for bulk, ? the shortcut sheet. After a decision the next item opens by
// itself. With several items selected, A and R decide them all with one required reason, and
// refuse when any of them is on a critical agent (those are decided one by one). A refusal
// (a stale revision: someone else decided first) is shown in the message line and the item
// is read again.
class ApprovalInbox final : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalInbox(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ApprovalInbox)
    // Keeps the splitter and the column widths for the next start.
    ~ApprovalInbox() override;

    void setWorkspace(Workspace *workspace);
    [[nodiscard]] ApprovalInboxModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] ApprovalDetailView *detail() const { return m_detail; }
    // The Analytics tab beside the pending items; it follows the scope chosen above both.
    [[nodiscard]] ApprovalAnalyticsView *analytics() const { return m_analytics; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QList<QAction *> inboxActions() const { return m_actions; }
    [[nodiscard]] ApprovalCounts counts() const { return m_counts; }

    void next();
    void previous();
    void approve();
    void reject();
    void editThenApprove();
    void openContext();
    void toggleSelected();
    void showShortcuts();
    // Narrows the inbox to an agent or a subtree (NoNode: everything).
    void setScope(NodeId nodeId);

    [[nodiscard]] QString message() const;

Q_SIGNALS:
    void countsChanged(const steward::ApprovalCounts &counts);
    // Open the agent (its path) in the org tree.
    void openRequested(const QString &path);
    // A new item the reviewer may decide arrived.
    void assignedToMe(const steward::Approval &approval);

private:
    QAction *addInboxAction(const char *name, const QString &text, const QKeySequence &key,
                            void (ApprovalInbox::*slot)());
    void fillScopes();
    void applyFilter();
    // The item actions and the time filter serve the pending items only: on the Analytics tab a
    // stray A must not approve an item out of sight.
    void enableForTab();
    void updateCounts();
    void showCounts(const ApprovalCounts &counts);
    void onCurrentChanged();
    void goToRow(int row);
    // The selected rows, or the current row alone when nothing else is selected.
    [[nodiscard]] QList<int> chosenRows() const;
    // Decides one item; on a refusal says why and reads the item again.
    bool decide(ApprovalId id, int revision, const ApprovalDecisionRequest &request);
    void decideBulk(const QList<int> &rows, const QString &verdict);
    // A proposed version of a critical agent: approved or rejected as it is, with a reason.
    void decideProposal(int row, bool approving);
    void afterDecision(int row);
    void returnToList();
    void say(const QString &text);

    Workspace *m_workspace = nullptr;
    ApprovalInboxModel *m_model = nullptr;
    QLabel *m_countsLabel = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_when = nullptr;
    QLabel *m_message = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_view = nullptr;
    ApprovalDetailView *m_detail = nullptr;
    QTabWidget *m_tabs = nullptr;
    ApprovalAnalyticsView *m_analytics = nullptr;
    QTimer *m_countsTimer = nullptr;
    ApprovalCounter *m_counter = nullptr;
    QList<QAction *> m_actions;
    ApprovalCounts m_counts;
};

} // namespace steward
