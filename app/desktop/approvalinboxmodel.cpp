// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalinboxmodel.h"

#include "service/workspace.h"

#include <QLocale>

namespace steward {
namespace {

bool isBelowOrAt(const QString &path, const QString &top)
{
    return path == top || path.startsWith(top + QLatin1Char('/'));
}

} // namespace

ApprovalInboxModel::ApprovalInboxModel(QObject *parent) : QAbstractTableModel(parent) { }

void ApprovalInboxModel::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (m_workspace) {
        connect(m_workspace, &Workspace::approvalChanged, this, &ApprovalInboxModel::refresh);
        // A changed agent may have changed its criticality, and its proposed versions.
        connect(m_workspace, &Workspace::agentChanged, this, [this](NodeId agentId) {
            m_criticality.remove(agentId);
            refreshProposals(agentId);
        });
    }
    reload();
}

void ApprovalInboxModel::setFilter(const Filter &filter)
{
    m_filter = filter;
    reload();
}

void ApprovalInboxModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_forMeIds.clear();
    m_forMeProposals.clear();
    m_criticality.clear();
    m_paths.clear();
    m_forMeCursor = notStarted;
    m_teamsCursor = notStarted;
    m_lastError.clear();
    endResetModel();
    if (m_workspace) {
        fetchMore({});
    }
}

int ApprovalInboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ApprovalInboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

bool ApprovalInboxModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_workspace && m_teamsCursor != done;
}

void ApprovalInboxModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const bool forMe = m_forMeCursor != done;
    ApprovalFilter query;
    query.state = ApprovalState::Pending;
    query.mine = forMe;
    query.agentId = m_filter.agentId;
    query.subtreeId = m_filter.subtreeId;
    query.expiresBefore = m_filter.expiresBefore;
    query.createdBefore = m_filter.createdBefore;
    query.beforeId = forMe ? m_forMeCursor : m_teamsCursor;
    query.limit = m_pageSize;
    const Result<ApprovalPage> page = m_workspace->approvals(query);
    if (!page) {
        // Stop reading rather than asking again on every scroll; reload() starts over.
        m_lastError = page.error().message;
        m_forMeCursor = done;
        m_teamsCursor = done;
        return;
    }
    if (query.beforeId == 0) {
        insertProposals(forMe ? Section::ForMe : Section::MyTeams, page->proposals);
    }
    QList<Row> added;
    for (const Approval &approval : page->items) {
        if (forMe) {
            m_forMeIds.insert(approval.id);
        } else if (m_forMeIds.contains(approval.id)) {
            continue;
        }
        added.append(Row{approval, forMe ? Section::ForMe : Section::MyTeams, {}});
    }
    ApprovalId &cursor = forMe ? m_forMeCursor : m_teamsCursor;
    cursor = page->nextBeforeId == 0 ? done : page->nextBeforeId;
    if (added.isEmpty()) {
        return;
    }
    const int first = forMe ? teamsStart() : static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (qsizetype i = 0; i < added.size(); ++i) {
        m_rows.insert(first + i, added.at(i));
    }
    endInsertRows();
}

int ApprovalInboxModel::teamsStart() const
{
    int row = 0;
    while (row < m_rows.size() && m_rows.at(row).section == Section::ForMe) {
        ++row;
    }
    return row;
}

int ApprovalInboxModel::rowOf(ApprovalId id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).proposal.id == 0 && m_rows.at(row).approval.id == id) {
            return row;
        }
    }
    return -1;
}

bool ApprovalInboxModel::matchesFilter(const Approval &approval) const
{
    if (m_filter.agentId != NoNode && approval.agentId != m_filter.agentId) {
        return false;
    }
    if (m_filter.subtreeId != NoNode && !isBelowOrAt(approval.agentPath, m_filter.subtreePath)) {
        return false;
    }
    if (m_filter.expiresBefore.isValid()
        && (!approval.expiresAt.isValid() || approval.expiresAt >= m_filter.expiresBefore)) {
        return false;
    }
    return !m_filter.createdBefore.isValid() || approval.createdAt < m_filter.createdBefore;
}

void ApprovalInboxModel::refresh(ApprovalId id)
{
    if (!m_workspace) {
        return;
    }
    const int existing = rowOf(id);
    const Result<ApprovalDetail> detail = m_workspace->approval(id);
    const bool keep = detail && detail->approval.state == ApprovalState::Pending && matchesFilter(detail->approval);
    const Section section = detail && detail->mayDecide ? Section::ForMe : Section::MyTeams;
    if (existing >= 0 && keep && m_rows.at(existing).section == section) {
        m_rows[existing].approval = detail->approval;
        Q_EMIT dataChanged(index(existing, 0), index(existing, columnCount() - 1));
        return;
    }
    const bool wasForMe = existing >= 0 && m_rows.at(existing).section == Section::ForMe;
    if (existing >= 0) {
        beginRemoveRows({}, existing, existing);
        m_rows.removeAt(existing);
        endRemoveRows();
    }
    if (section == Section::ForMe) {
        m_forMeIds.insert(id);
    } else {
        m_forMeIds.remove(id);
    }
    if (!keep) {
        return;
    }
    // Newest first within the section; an item older than the last row read of a section that
    // is still being paged comes with a later page instead.
    const int start = section == Section::ForMe ? 0 : teamsStart();
    int end = start;
    while (end < m_rows.size() && m_rows.at(end).section == section) {
        ++end;
    }
    const ApprovalId cursor = section == Section::ForMe ? m_forMeCursor : m_teamsCursor;
    if (cursor == notStarted) {
        return;
    }
    int row = start;
    while (row < end && (m_rows.at(row).proposal.id != 0 || m_rows.at(row).approval.id > id)) {
        ++row;
    }
    if (row == end && cursor != done) {
        return;
    }
    beginInsertRows({}, row, row);
    m_rows.insert(row, Row{detail->approval, section, {}});
    endInsertRows();
    if (section == Section::ForMe && !wasForMe) {
        Q_EMIT assignedToMe(detail->approval);
    }
}

Criticality ApprovalInboxModel::criticalityOf(NodeId agentId) const
{
    const auto cached = m_criticality.constFind(agentId);
    if (cached != m_criticality.cend()) {
        return cached.value();
    }
    const Result<Agent> agent =
        m_workspace ? m_workspace->agent(agentId) : Result<Agent>(Error{Error::Code::NotFound, {}});
    // An agent that cannot be read is treated as critical: bulk decisions leave it alone.
    const Criticality criticality = agent ? agent->criticality : Criticality::Critical;
    m_criticality.insert(agentId, criticality);
    return criticality;
}

bool ApprovalInboxModel::isCriticalAt(int row) const
{
    return criticalityOf(agentAt(row)) == Criticality::Critical;
}

NodeId ApprovalInboxModel::agentAt(int row) const
{
    const Row &at = m_rows.at(row);
    return at.proposal.id != 0 ? at.proposal.agentId : at.approval.agentId;
}

QString ApprovalInboxModel::pathOf(NodeId agentId) const
{
    const auto cached = m_paths.constFind(agentId);
    if (cached != m_paths.cend()) {
        return cached.value();
    }
    const Result<OrgNode> node =
        m_workspace ? m_workspace->node(agentId) : Result<OrgNode>(Error{Error::Code::NotFound, {}});
    const QString path = node ? node->path : QString();
    m_paths.insert(agentId, path);
    return path;
}

QString ApprovalInboxModel::agentPathAt(int row) const
{
    const Row &at = m_rows.at(row);
    return at.proposal.id != 0 ? pathOf(at.proposal.agentId) : at.approval.agentPath;
}

bool ApprovalInboxModel::passesScope(NodeId agentId) const
{
    if (m_filter.agentId != NoNode) {
        return agentId == m_filter.agentId;
    }
    return m_filter.subtreeId == NoNode || isBelowOrAt(pathOf(agentId), m_filter.subtreePath);
}

void ApprovalInboxModel::insertProposals(Section section, const QList<VersionProposal> &proposals)
{
    QList<Row> added;
    for (const VersionProposal &proposal : proposals) {
        if (section == Section::ForMe) {
            m_forMeProposals.insert(proposal.id);
        } else if (m_forMeProposals.contains(proposal.id)) {
            continue;
        }
        added.append(Row{{}, section, proposal});
    }
    if (added.isEmpty()) {
        return;
    }
    const int first = section == Section::ForMe ? 0 : teamsStart();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (qsizetype i = 0; i < added.size(); ++i) {
        m_rows.insert(first + i, added.at(i));
    }
    endInsertRows();
}

void ApprovalInboxModel::refreshProposals(NodeId agentId)
{
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row).proposal.id != 0 && m_rows.at(row).proposal.agentId == agentId) {
            m_forMeProposals.remove(m_rows.at(row).proposal.id);
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    if (!m_workspace || !passesScope(agentId) || m_filter.expiresBefore.isValid() || m_filter.createdBefore.isValid()) {
        return;
    }
    ApprovalFilter query;
    query.state = ApprovalState::Pending;
    query.agentId = agentId;
    query.limit = 1;
    for (const Section section : {Section::ForMe, Section::MyTeams}) {
        if ((section == Section::ForMe ? m_forMeCursor : m_teamsCursor) == notStarted) {
            continue;
        }
        query.mine = section == Section::ForMe;
        if (const Result<ApprovalPage> page = m_workspace->approvals(query); page) {
            insertProposals(section, page->proposals);
        }
    }
}

QVariant ApprovalInboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Approval &approval = row.approval;
    const bool isProposal = row.proposal.id != 0;
    switch (role) {
    case IdRole: return isProposal ? ApprovalId(0) : approval.id;
    case ProposalIdRole: return isProposal ? row.proposal.id : ProposalId(0);
    case ForMeRole: return row.section == Section::ForMe;
    case CriticalRole: return isCriticalAt(index.row());
    case RevisionRole: return approval.revision;
    case Qt::DisplayRole: break;
    case Qt::ToolTipRole:
        if (static_cast<Column>(index.column()) == Column::Title) {
            return isProposal ? row.proposal.reason : approval.title;
        }
        return {};
    default: return {};
    }
    const QLocale locale;
    if (isProposal) {
        switch (static_cast<Column>(index.column())) {
        case Column::Title: return tr("New version proposed by %1").arg(row.proposal.author);
        case Column::Agent: return pathOf(row.proposal.agentId);
        case Column::Created: return locale.toString(row.proposal.createdAt.toLocalTime(), QLocale::ShortFormat);
        case Column::Expires: return tr("never");
        default: break;
        }
    }
    switch (static_cast<Column>(index.column())) {
    case Column::Section: return row.section == Section::ForMe ? tr("For me") : tr("My teams");
    case Column::Agent: return approval.agentPath;
    case Column::Title: return approval.title;
    case Column::Criticality: return displayName(criticalityOf(agentAt(index.row())));
    case Column::Created: return locale.toString(approval.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Column::Expires:
        return approval.expiresAt.isValid() ? locale.toString(approval.expiresAt.toLocalTime(), QLocale::ShortFormat)
                                            : tr("never");
    case Column::Count: break;
    }
    return {};
}

QVariant ApprovalInboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Section: return tr("For");
    case Column::Agent: return tr("Agent");
    case Column::Title: return tr("Proposal");
    case Column::Criticality: return tr("Criticality");
    case Column::Created: return tr("Submitted");
    case Column::Expires: return tr("Expires");
    case Column::Count: break;
    }
    return {};
}

} // namespace steward
