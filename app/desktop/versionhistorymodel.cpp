// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionhistorymodel.h"

#include "displaytext.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace steward {

void VersionHistoryModel::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (workspace) {
        connect(workspace, &Workspace::agentChanged, this, &VersionHistoryModel::onAgentChanged);
    }
    m_agentId = NoNode;
    reload();
}

void VersionHistoryModel::setAgent(NodeId agentId)
{
    m_agentId = agentId;
    reload();
}

void VersionHistoryModel::onAgentChanged(NodeId agentId)
{
    if (agentId == m_agentId) {
        reload();
    }
}

void VersionHistoryModel::reload()
{
    beginResetModel();
    m_proposals.clear();
    m_versions.clear();
    m_lastError.clear();
    if (m_workspace && m_agentId != NoNode) {
        Result<QList<VersionProposal>> proposals = m_workspace->pendingProposals(m_agentId);
        Result<QList<AgentVersion>> versions = m_workspace->history(m_agentId);
        if (proposals) {
            m_proposals = std::move(proposals).value();
            std::reverse(m_proposals.begin(), m_proposals.end()); // the store gives them oldest first
        } else {
            m_lastError = proposals.error().message;
        }
        if (versions) {
            m_versions = std::move(versions).value();
        } else {
            m_lastError = versions.error().message;
        }
    }
    endResetModel();
}

const VersionProposal *VersionHistoryModel::proposalAt(int row) const
{
    return row >= 0 && row < m_proposals.size() ? &m_proposals.at(row) : nullptr;
}

const AgentVersion *VersionHistoryModel::versionAt(int row) const
{
    const qsizetype index = row - m_proposals.size();
    return index >= 0 && index < m_versions.size() ? &m_versions.at(index) : nullptr;
}

int VersionHistoryModel::rowOfVersion(int number) const
{
    for (qsizetype i = 0; i < m_versions.size(); ++i) {
        if (m_versions.at(i).number == number) {
            return static_cast<int>(m_proposals.size() + i);
        }
    }
    return -1;
}

int VersionHistoryModel::headVersion() const
{
    return m_versions.isEmpty() ? 0 : m_versions.first().number;
}

int VersionHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_proposals.size() + m_versions.size());
}

int VersionHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QVariant VersionHistoryModel::proposalDisplay(const VersionProposal &proposal, Column column) const
{
    switch (column) {
    case Column::Version: return tr("on v%1").arg(proposal.baseVersion);
    case Column::State: return tr("proposed");
    case Column::Author: return proposal.author;
    case Column::Time: return DisplayText::time(proposal.createdAt);
    case Column::Reason: return proposal.reason;
    case Column::ApprovedBy: return tr("awaiting approval");
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant VersionHistoryModel::versionDisplay(const AgentVersion &version, Column column) const
{
    switch (column) {
    case Column::Version: return tr("v%1").arg(version.number);
    case Column::State: return version.number == headVersion() ? tr("current") : tr("saved");
    case Column::Author: return version.author;
    case Column::Time: return DisplayText::time(version.createdAt);
    case Column::Reason: return version.reason;
    case Column::ApprovedBy: return version.approvedBy;
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant VersionHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const VersionProposal *proposal = proposalAt(index.row());
    const AgentVersion *version = versionAt(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return proposal ? proposalDisplay(*proposal, column) : versionDisplay(*version, column);
    case Qt::ToolTipRole:
        if (column == Column::Reason) {
            return proposal ? proposal->reason : version->reason;
        }
        if (column == Column::Time) {
            return QLocale().toString((proposal ? proposal->createdAt : version->createdAt).toLocalTime(),
                                      QLocale::LongFormat);
        }
        return {};
    case Qt::FontRole:
        if (proposal || version->number == headVersion()) {
            QFont font;
            font.setItalic(proposal != nullptr);
            font.setBold(proposal == nullptr);
            return font;
        }
        return {};
    case VersionRole: return version ? version->number : 0;
    case ProposalIdRole: return proposal ? proposal->id : ProposalId{0};
    default: return {};
    }
}

QVariant VersionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Version: return tr("Version");
    case Column::State: return tr("State");
    case Column::Author: return tr("Author");
    case Column::Time: return tr("Time");
    case Column::Reason: return tr("Reason");
    case Column::ApprovedBy: return tr("Approved by");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
