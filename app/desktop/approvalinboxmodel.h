// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

namespace steward {

class Workspace;

// The pending approvals a reviewer works through: first those the reviewer may decide now
// ("For me"), then the rest of the pending items on their teams' agents ("My teams"). Both
// come from the workspace in keyset pages of `pageSize` (fetchMore), so an inbox of 100,000
// items opens with one page read; the filter is applied by the workspace's query. The model
// follows the workspace's approvalChanged: a new pending item appears in its section, a
// decided one leaves, an edited one is updated in place; rows are inserted and removed one by
// one, so the view's selection and current item stay on the items they were on.
// Proposed versions of critical agents are decided in the same inbox: the workspace gives them
// whole with a section's first page, and they lead their section; agentChanged reads an
// agent's again.
class ApprovalInboxModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Section, Title, Agent, Criticality, Created, Expires, Count };
    enum Role {
        IdRole = Qt::UserRole + 1, // ApprovalId
        ForMeRole, // bool
        CriticalRole, // bool: the item's agent is critical
        RevisionRole, // int
        ProposalIdRole, // ProposalId for a proposed version; 0 for an approval
    };
    enum class Section { ForMe, MyTeams };

    // What the workspace's query narrows the inbox to.
    struct Filter
    {
        NodeId agentId = NoNode;
        NodeId subtreeId = NoNode;
        QString subtreePath; // the path of subtreeId (or agentId), for live items
        QDateTime expiresBefore; // null for any
        QDateTime createdBefore; // null for any
    };

    static constexpr int defaultPageSize = 100;

    explicit ApprovalInboxModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ApprovalInboxModel)
    ~ApprovalInboxModel() override = default;

    // Reads the first page; nullptr empties the model.
    void setWorkspace(Workspace *workspace);
    void setFilter(const Filter &filter);
    [[nodiscard]] const Filter &filter() const { return m_filter; }
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] const Approval &approvalAt(int row) const { return m_rows.at(row).approval; }
    [[nodiscard]] bool isProposalAt(int row) const { return m_rows.at(row).proposal.id != 0; }
    [[nodiscard]] const VersionProposal &proposalAt(int row) const { return m_rows.at(row).proposal; }
    [[nodiscard]] QString agentPathAt(int row) const;
    [[nodiscard]] Section sectionAt(int row) const { return m_rows.at(row).section; }
    [[nodiscard]] bool isCriticalAt(int row) const;
    [[nodiscard]] int rowOf(ApprovalId id) const;
    // Reads the item again (after a refused stale decision, or an approvalChanged): updated,
    // inserted or removed as the workspace now has it.
    void refresh(ApprovalId id);
    // The last read failed: why; empty when it did not.
    [[nodiscard]] QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // A live item arrived that the reviewer may decide now (for a notification).
    void assignedToMe(const steward::Approval &approval);

private:
    struct Row
    {
        Approval approval; // empty for a proposed version
        Section section = Section::ForMe;
        VersionProposal proposal; // id 0 for an approval
    };

    void reload();
    // Whether a live item passes the filter the pages were read with.
    [[nodiscard]] bool matchesFilter(const Approval &approval) const;
    // The first row of the My teams section.
    [[nodiscard]] int teamsStart() const;
    [[nodiscard]] Criticality criticalityOf(NodeId agentId) const;
    [[nodiscard]] QString pathOf(NodeId agentId) const;
    [[nodiscard]] NodeId agentAt(int row) const;
    [[nodiscard]] bool passesScope(NodeId agentId) const;
    // The proposed versions of one agent again, after agentChanged.
    void refreshProposals(NodeId agentId);
    // Rows of the section's proposals to put on top of it.
    void insertProposals(Section section, const QList<VersionProposal> &proposals);

    QPointer<Workspace> m_workspace;
    Filter m_filter;
    int m_pageSize = defaultPageSize;
    QList<Row> m_rows;
    QSet<ApprovalId> m_forMeIds; // everything in the For me section, to skip it in My teams
    // Keyset cursors: 0 before the first page; Done once the section is read whole.
    static constexpr ApprovalId notStarted = 0;
    static constexpr ApprovalId done = -1;
    ApprovalId m_forMeCursor = notStarted;
    ApprovalId m_teamsCursor = notStarted;
    mutable QHash<NodeId, Criticality> m_criticality;
    mutable QHash<NodeId, QString> m_paths;
    QSet<ProposalId> m_forMeProposals;
    QString m_lastError;
};

} // namespace steward
