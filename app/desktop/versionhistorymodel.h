// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "service/workspace.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace steward {

// One agent's history for the Versions tab: its pending proposals on top (newest first, in
// the state "proposed"), then its versions, newest first. It reloads whenever the workspace
// says the agent's versions or proposals changed.
class VersionHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Version, State, Author, Time, Reason, ApprovedBy, ColumnCount };
    enum Role {
        // The version number of a version row; 0 for a proposal.
        VersionRole = Qt::UserRole + 1,
        // The id of a proposal row; 0 for a version.
        ProposalIdRole,
    };

    using QAbstractTableModel::QAbstractTableModel;
    Q_DISABLE_COPY_MOVE(VersionHistoryModel)
    ~VersionHistoryModel() override = default;

    void setWorkspace(Workspace *workspace);
    // Shows this agent's history (NoNode: none).
    void setAgent(NodeId agentId);
    [[nodiscard]] NodeId agentId() const { return m_agentId; }

    // The proposal or version on a row; null when the row holds the other kind.
    [[nodiscard]] const VersionProposal *proposalAt(int row) const;
    [[nodiscard]] const AgentVersion *versionAt(int row) const;
    // The row of a version; -1 if it is not shown.
    [[nodiscard]] int rowOfVersion(int number) const;
    // The newest version's number; 0 when there is none.
    [[nodiscard]] int headVersion() const;
    // The error of the last failed read; empty when reads succeed.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    void reload();
    void onAgentChanged(NodeId agentId);
    [[nodiscard]] QVariant proposalDisplay(const VersionProposal &proposal, Column column) const;
    [[nodiscard]] QVariant versionDisplay(const AgentVersion &version, Column column) const;

    QPointer<Workspace> m_workspace;
    NodeId m_agentId = NoNode;
    QList<VersionProposal> m_proposals; // newest first
    QList<AgentVersion> m_versions; // newest first
    QString m_lastError;
};

} // namespace steward
