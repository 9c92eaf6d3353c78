// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionstab.h"

#include "blameview.h"
#include "diff/blame.h"
#include "diffview.h"
#include "reasondialog.h"
#include "speceditdialog.h"
#include "versionhistorymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace steward {
namespace {

Status statusOf(const Result<AgentService::VersionChange> &result)
{
    return result ? Status(Done{}) : Status(result.error());
}

} // namespace

VersionsTab::VersionsTab(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("versionsTitleLabel"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editSpecButton"));
    connect(m_edit, &QPushButton::clicked, this, &VersionsTab::editSpec);
    m_rollback = new QPushButton(tr("Roll &Back…"), this);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    m_rollback->setToolTip(tr("Make a new version with the selected version's content"));
    connect(m_rollback, &QPushButton::clicked, this, &VersionsTab::rollBack);
    m_approve = new QPushButton(tr("&Approve…"), this);
    m_approve->setObjectName(QStringLiteral("approveProposalButton"));
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    m_reject = new QPushButton(tr("Re&ject…"), this);
    m_reject->setObjectName(QStringLiteral("rejectProposalButton"));
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addWidget(m_rollback);
    buttons->addSpacing(12);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addStretch(1);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("proposalHintLabel"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("versionsMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_history = new VersionHistoryModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("versionsTableView"));
    m_table->setModel(m_history);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(static_cast<int>(VersionHistoryModel::Column::Reason),
                                                      QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Version history"));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VersionsTab::onSelectionChanged);
    connect(m_history, &QAbstractItemModel::modelReset, this, &VersionsTab::onHistoryReset);

    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("diffView"));
    m_blame = new BlameView(this);
    m_blame->setObjectName(QStringLiteral("blameView"));
    connect(m_blame, &BlameView::versionActivated, this, [this](int version) {
        if (selectVersions({version})) {
            m_views->setCurrentWidget(m_diff);
        }
    });
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("versionViewsTabWidget"));
    m_views->addTab(m_diff, tr("&Diff"));
    m_views->addTab(m_blame, tr("Bla&me"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_hint);
    topLayout->addWidget(m_message);
    topLayout->addWidget(m_table, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("versionsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({180, 540});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    showAgent(NoNode);
}

void VersionsTab::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (workspace) {
        // A rename or move of the agent or a group above it changes the path in the title.
        connect(workspace, &Workspace::nodeRenamed, this, &VersionsTab::updateTitle);
        connect(workspace, &Workspace::nodeMoved, this, &VersionsTab::updateTitle);
    }
    m_history->setWorkspace(workspace);
    showAgent(NoNode);
}

void VersionsTab::showAgent(NodeId agentId)
{
    if (agentId != m_agentId) {
        m_versions.clear();
        m_message->hide();
    }
    m_agentId = agentId;
    updateTitle();
    m_history->setAgent(agentId);
}

void VersionsTab::updateTitle()
{
    QString title;
    if (m_workspace && m_agentId != NoNode) {
        if (const Result<OrgNode> node = m_workspace->node(m_agentId); node) {
            title = tr("Versions of %1").arg(node->path);
        }
    }
    m_title->setText(title);
}

bool VersionsTab::selectVersions(const QList<int> &numbers)
{
    QItemSelection selection;
    for (const int number : numbers) {
        const int row = m_history->rowOfVersion(number);
        if (row < 0) {
            return false;
        }
        selection.select(m_history->index(row, 0),
                         m_history->index(row, static_cast<int>(VersionHistoryModel::Column::ColumnCount) - 1));
    }
    if (numbers.isEmpty()) {
        return false;
    }
    m_table->selectionModel()->setCurrentIndex(m_history->index(m_history->rowOfVersion(numbers.first()), 0),
                                               QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_table->scrollTo(m_table->currentIndex());
    return true;
}

Result<AgentVersion> VersionsTab::fullVersion(int number)
{
    if (const auto found = m_versions.constFind(number); found != m_versions.cend()) {
        return found.value();
    }
    Result<AgentVersion> version = m_workspace->version(m_agentId, number);
    if (version) {
        m_versions.insert(number, version.value());
    }
    return version;
}

QString VersionsTab::titleOf(int row) const
{
    if (const VersionProposal *proposal = m_history->proposalAt(row)) {
        return tr("proposal by %1").arg(proposal->author);
    }
    const AgentVersion *version = m_history->versionAt(row);
    return tr("v%1 by %2").arg(QString::number(version->number), version->author);
}

Result<QString> VersionsTab::specOf(int row)
{
    if (const VersionProposal *proposal = m_history->proposalAt(row)) {
        return proposal->spec;
    }
    const Result<AgentVersion> version = fullVersion(m_history->versionAt(row)->number);
    if (!version) {
        return version.error();
    }
    return version->spec;
}

QList<int> VersionsTab::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void VersionsTab::onHistoryReset()
{
    // The newest change is what one looks at first, and after a change it is the one made.
    if (m_history->rowCount() > 0) {
        m_table->selectRow(0);
    } else {
        onSelectionChanged();
    }
}

void VersionsTab::onSelectionChanged()
{
    const QList<int> rows = selectedRows();
    showDiff(rows);
    // The blame of the newest selected version (rows are newest first).
    showBlame(rows.isEmpty() ? -1 : rows.first());
    updateButtons();
}

void VersionsTab::showDiff(const QList<int> &rows)
{
    if (!m_history->lastError().isEmpty()) {
        m_diff->showMessage(m_history->lastError());
        return;
    }
    if (rows.isEmpty() || rows.size() > 2) {
        m_diff->showMessage(m_history->rowCount() == 0
                                ? tr("No versions to show.")
                                : tr("Select a version to see what it changed, or two versions to compare them."));
        return;
    }
    const int newerRow = rows.first();
    const Result<QString> newer = specOf(newerRow);
    if (!newer) {
        m_diff->showMessage(newer.error().message);
        return;
    }
    if (rows.size() == 2) {
        const Result<QString> older = specOf(rows.last());
        if (!older) {
            m_diff->showMessage(older.error().message);
            return;
        }
        m_diff->setTexts(titleOf(rows.last()), older.value(), titleOf(newerRow), newer.value());
        return;
    }
    // One row: against its parent (a proposal's parent is the version it was based on).
    const VersionProposal *proposal = m_history->proposalAt(newerRow);
    const int parent = proposal ? proposal->baseVersion : m_history->versionAt(newerRow)->parentNumber;
    if (parent == 0) {
        m_diff->setTexts(tr("(nothing)"), QString(), titleOf(newerRow), newer.value());
        return;
    }
    const Result<AgentVersion> base = fullVersion(parent);
    if (!base) {
        m_diff->showMessage(base.error().message);
        return;
    }
    m_diff->setTexts(tr("v%1 by %2").arg(QString::number(base->number), base->author), base->spec, titleOf(newerRow),
                     newer.value());
}

void VersionsTab::showBlame(int row)
{
    const AgentVersion *version = m_history->versionAt(row);
    if (!version) {
        m_blame->showMessage(m_history->proposalAt(row) ? tr("A proposal has no blame until it is approved.")
                                                        : tr("Select a version to see who wrote each line."));
        return;
    }
    QList<AgentVersion> versions;
    for (int number = 1; number <= version->number; ++number) {
        const Result<AgentVersion> full = fullVersion(number);
        if (!full) {
            m_blame->showMessage(full.error().message);
            return;
        }
        versions.append(full.value());
    }
    m_blame->showBlame(Blame::of(versions, version->number));
}

void VersionsTab::setPermissions(const Permissions &permissions)
{
    if (permissions == m_permissions) {
        return; // the window says it on every selection; the buttons ask the workspace
    }
    m_permissions = permissions;
    updateButtons();
}

void VersionsTab::updateButtons()
{
    const bool writable = m_workspace && !m_workspace->isReadOnly() && m_agentId != NoNode;
    for (QPushButton *button : {m_edit, m_rollback, m_approve, m_reject}) {
        button->setVisible(writable);
    }
    m_hint->hide();
    if (!writable) {
        return;
    }
    const Result<Agent> agent = m_workspace->agent(m_agentId);
    const bool critical = agent && agent->criticality == Criticality::Critical;
    m_edit->setText(critical ? tr("&Propose…") : tr("&Edit…"));
    m_edit->setToolTip(critical ? tr("Propose a change to the spec; a second person must approve it")
                                : tr("Change the spec; the change becomes a new version"));

    const QList<int> rows = selectedRows();
    const AgentVersion *version = rows.size() == 1 ? m_history->versionAt(rows.first()) : nullptr;
    const VersionProposal *proposal = rows.size() == 1 ? m_history->proposalAt(rows.first()) : nullptr;
    const Result<OrgNode> node = m_workspace->node(m_agentId);
    const QString path = node ? node->path : QString();
    const bool mayEdit = m_permissions.allows(Action::EditSpec, path);
    const bool mayDecide = m_permissions.allows(Action::DecideProposal, path);
    m_edit->setEnabled(mayEdit);
    m_rollback->setEnabled(mayEdit && version && version->number != m_history->headVersion());
    m_reject->setEnabled(mayDecide && proposal != nullptr);
    const bool ownProposal = proposal && proposal->author == m_workspace->actor();
    m_approve->setEnabled(mayDecide && proposal && !ownProposal);
    if (ownProposal) {
        const QString why = tr("You proposed this change, so a second person must approve it.");
        m_approve->setToolTip(why);
        m_hint->setText(why);
        m_hint->show();
    } else {
        m_approve->setToolTip(tr("Approve the selected proposal; it becomes the current version"));
    }
}

void VersionsTab::showResult(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

void VersionsTab::editSpec()
{
    if (!m_workspace || m_agentId == NoNode) {
        return;
    }
    auto *dialog = new SpecEditDialog(*m_workspace, m_agentId, this);
    dialog->setObjectName(QStringLiteral("specEditDialog"));
    connect(dialog, &SpecEditDialog::changed, this, &VersionsTab::showResult);
    dialog->open();
}

void VersionsTab::rollBack()
{
    const QList<int> rows = selectedRows();
    const AgentVersion *version = rows.size() == 1 ? m_history->versionAt(rows.first()) : nullptr;
    if (!m_workspace || !version) {
        return;
    }
    const Result<Agent> agent = m_workspace->agent(m_agentId);
    const bool critical = agent && agent->criticality == Criticality::Critical;
    const int target = version->number;
    const int head = m_history->headVersion();
    ReasonDialog::Form form;
    form.title = tr("Roll Back to v%1").arg(target);
    form.description = critical ? tr("Propose a new version with the content of v%1? The agent is critical: a second "
                                     "person must approve it.")
                                      .arg(target)
                                : tr("Make a new version with the content of v%1? The versions since stay in the "
                                     "history.")
                                      .arg(target);
    form.okText = critical ? tr("&Propose Roll Back") : tr("&Roll Back");
    auto *dialog = new ReasonDialog(
        form,
        [this, target, head](const QString &, const QString &reason) {
            const Result<AgentService::VersionChange> rolled = m_workspace->rollback(m_agentId, target, head, reason);
            if (rolled) {
                showResult(rolled->proposed
                               ? tr("Proposed rolling back to v%1. It awaits a second person's approval.").arg(target)
                               : tr("Rolled back to v%1 as version %2.").arg(target).arg(rolled->saved->number));
            }
            return statusOf(rolled);
        },
        this);
    dialog->setObjectName(QStringLiteral("rollbackDialog"));
    dialog->open();
}

void VersionsTab::decide(bool approve)
{
    const QList<int> rows = selectedRows();
    const VersionProposal *proposal = rows.size() == 1 ? m_history->proposalAt(rows.first()) : nullptr;
    if (!m_workspace || !proposal) {
        return;
    }
    const ProposalId id = proposal->id;
    ReasonDialog::Form form;
    form.title = approve ? tr("Approve Proposal") : tr("Reject Proposal");
    form.description = (approve ? tr("Approve %1's change “%2”? It becomes the current version.")
                                : tr("Reject %1's change “%2”? The current version stays."))
                           .arg(proposal->author, proposal->reason);
    form.okText = approve ? tr("&Approve") : tr("&Reject");
    auto *dialog = new ReasonDialog(
        form,
        [this, id, approve](const QString &, const QString &reason) -> Status {
            if (approve) {
                const Result<AgentVersion> approved = m_workspace->approveProposal(id, reason);
                if (!approved) {
                    return approved.error();
                }
                showResult(tr("Approved: version %1 is now current.").arg(approved->number));
                return Done{};
            }
            const Result<VersionProposal> rejected = m_workspace->rejectProposal(id, reason);
            if (!rejected) {
                return rejected.error();
            }
            showResult(tr("Rejected the proposal."));
            return Done{};
        },
        this);
    dialog->setObjectName(approve ? QStringLiteral("approveDialog") : QStringLiteral("rejectDialog"));
    dialog->open();
}

} // namespace steward
