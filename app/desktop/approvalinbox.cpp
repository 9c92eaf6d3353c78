// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalinbox.h"

#include "approvalanalyticsview.h"
#include "approvalcounter.h"
#include "approvaldetailview.h"
#include "approvaleditdialog.h"
#include "approvalinboxmodel.h"
#include "reasondialog.h"
#include "service/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace steward {
namespace {

// A burst of changes (a bulk decision, a busy agent) costs one count, not one per change.
constexpr int countsDelayMs = 250;
// The scope list names groups and agents; a very large tree offers its top levels only.
constexpr int maxScopes = 2000;

enum class When { Any, ExpiresWithinHour, ExpiresWithinDay, OlderThanDay };

} // namespace

ApprovalInbox::ApprovalInbox(QWidget *parent) : QWidget(parent)
{
    m_model = new ApprovalInboxModel(this);

    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("inboxCountsLabel"));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("inboxScopeCombo"));
    m_scope->setAccessibleName(tr("Show items of"));
    m_scope->setMinimumContentsLength(24);
    m_when = new QComboBox(this);
    m_when->setObjectName(QStringLiteral("inboxWhenCombo"));
    m_when->setAccessibleName(tr("Show items by time"));
    m_when->addItem(tr("Any time"), static_cast<int>(When::Any));
    m_when->addItem(tr("Expiring within an hour"), static_cast<int>(When::ExpiresWithinHour));
    m_when->addItem(tr("Expiring within a day"), static_cast<int>(When::ExpiresWithinDay));
    m_when->addItem(tr("Waiting over a day"), static_cast<int>(When::OlderThanDay));
    connect(m_scope, &QComboBox::activated, this, &ApprovalInbox::applyFilter);
    connect(m_when, &QComboBox::activated, this, &ApprovalInbox::applyFilter);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("inboxMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("approvalListView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // 100,000 rows: no measuring of each one
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Pending approvals"));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(static_cast<int>(ApprovalInboxModel::Column::Title), QHeaderView::Stretch);
    using Column = ApprovalInboxModel::Column;
    m_view->setColumnWidth(static_cast<int>(Column::Section), 75);
    m_view->setColumnWidth(static_cast<int>(Column::Agent), 200);
    m_view->setColumnWidth(static_cast<int>(Column::Criticality), 80);
    m_view->setColumnWidth(static_cast<int>(Column::Created), 150);
    m_view->setColumnWidth(static_cast<int>(Column::Expires), 90);
    m_view->header()->setMinimumSectionSize(60);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ApprovalInbox::onCurrentChanged);

    m_detail = new ApprovalDetailView(this);
    m_detail->setObjectName(QStringLiteral("approvalDetailView"));
    connect(m_detail, &ApprovalDetailView::pathActivated, this, &ApprovalInbox::openRequested);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("inboxSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({760, 600});
    const QSettings settings;
    m_splitter->restoreState(settings.value(QStringLiteral("approvalInbox/splitter")).toByteArray());
    m_view->header()->restoreState(settings.value(QStringLiteral("approvalInbox/columns")).toByteArray());

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_countsLabel);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_scope);
    bar->addWidget(m_when);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    m_analytics = new ApprovalAnalyticsView(this);
    m_analytics->setObjectName(QStringLiteral("approvalAnalyticsView"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("inboxTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_splitter, tr("Pending"));
    m_tabs->addTab(m_analytics, tr("Analytics"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ApprovalInbox::enableForTab);

    addInboxAction("inboxNextAction", tr("Next Item"), QKeySequence(Qt::Key_J), &ApprovalInbox::next);
    addInboxAction("inboxPreviousAction", tr("Previous Item"), QKeySequence(Qt::Key_K), &ApprovalInbox::previous);
    addInboxAction("inboxApproveAction", tr("Approve"), QKeySequence(Qt::Key_A), &ApprovalInbox::approve);
    addInboxAction("inboxRejectAction", tr("Reject…"), QKeySequence(Qt::Key_R), &ApprovalInbox::reject);
    addInboxAction("inboxEditAction", tr("Edit Then Approve…"), QKeySequence(Qt::Key_E),
                   &ApprovalInbox::editThenApprove);
    addInboxAction("inboxOpenAction", tr("Open Agent in the Tree"), QKeySequence(Qt::Key_O),
                   &ApprovalInbox::openContext);
    addInboxAction("inboxSelectAction", tr("Select for Bulk"), QKeySequence(Qt::Key_X), &ApprovalInbox::toggleSelected);
    addInboxAction("inboxShortcutsAction", tr("Keyboard Shortcuts"), QKeySequence(QStringLiteral("?")),
                   &ApprovalInbox::showShortcuts);

    m_countsTimer = new QTimer(this);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(countsDelayMs);
    connect(m_countsTimer, &QTimer::timeout, this, &ApprovalInbox::updateCounts);
    m_counter = new ApprovalCounter(this);
    connect(m_counter, &ApprovalCounter::counted, this, &ApprovalInbox::showCounts);
    connect(m_model, &ApprovalInboxModel::assignedToMe, this, &ApprovalInbox::assignedToMe);
    setWorkspace(nullptr);
}

ApprovalInbox::~ApprovalInbox()
{
    QSettings settings;
    settings.setValue(QStringLiteral("approvalInbox/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("approvalInbox/columns"), m_view->header()->saveState());
}

QAction *ApprovalInbox::addInboxAction(const char *name, const QString &text, const QKeySequence &key,
                                       void (ApprovalInbox::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(key);
    // Single keys act only while the inbox has the focus, never in another place's text field.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    m_actions.append(action);
    return action;
}

void ApprovalInbox::enableForTab()
{
    const bool pending = m_workspace && m_tabs->currentWidget() == m_splitter;
    for (QAction *action : std::as_const(m_actions)) {
        action->setEnabled(pending);
    }
    m_when->setEnabled(pending);
}

void ApprovalInbox::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    m_detail->setWorkspace(workspace);
    m_analytics->setWorkspace(workspace);
    m_scope->setEnabled(workspace != nullptr);
    enableForTab();
    if (m_workspace) {
        connect(m_workspace, &Workspace::approvalChanged, m_countsTimer, qOverload<>(&QTimer::start));
    }
    fillScopes();
    m_model->setFilter({});
    m_model->setWorkspace(workspace);
    say(m_model->lastError());
    // Until the counter answers (a moment on a large inbox), no number rather than a wrong one.
    m_countsLabel->setText(workspace ? tr("Counting…") : QString());
    updateCounts();
    goToRow(0);
}

void ApprovalInbox::fillScopes()
{
    m_scope->clear();
    m_scope->addItem(tr("Everything"), QVariant::fromValue(NoNode));
    if (!m_workspace) {
        return;
    }
    const Result<OrgNode> root = m_workspace->root();
    if (!root) {
        return;
    }
    // Breadth first, so a tree larger than the list still offers its upper levels.
    QList<OrgNode> queue{root.value()};
    for (qsizetype i = 0; i < queue.size() && m_scope->count() < maxScopes; ++i) {
        const OrgNode node = queue.at(i);
        m_scope->addItem(node.path, QVariant::fromValue(node.id));
        if (node.kind != NodeKind::Agent) {
            if (const Result<QList<OrgNode>> children = m_workspace->children(node.id); children) {
                queue.append(children.value());
            }
        }
    }
}

void ApprovalInbox::setScope(NodeId nodeId)
{
    const int index = m_scope->findData(QVariant::fromValue(nodeId));
    if (index >= 0) {
        m_scope->setCurrentIndex(index);
        applyFilter();
    }
}

void ApprovalInbox::applyFilter()
{
    ApprovalInboxModel::Filter filter;
    const auto nodeId = m_scope->currentData().value<NodeId>();
    if (nodeId != NoNode && m_workspace) {
        if (const Result<OrgNode> node = m_workspace->node(nodeId); node) {
            (node->kind == NodeKind::Agent ? filter.agentId : filter.subtreeId) = nodeId;
            filter.subtreePath = node->path;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (static_cast<When>(m_when->currentData().toInt())) {
    case When::Any: break;
    case When::ExpiresWithinHour: filter.expiresBefore = now.addSecs(3600); break;
    case When::ExpiresWithinDay: filter.expiresBefore = now.addDays(1); break;
    case When::OlderThanDay: filter.createdBefore = now.addDays(-1); break;
    }
    m_model->setFilter(filter);
    m_analytics->setNode(nodeId);
    say(m_model->lastError());
    goToRow(0);
}

void ApprovalInbox::updateCounts()
{
    m_counter->request(m_workspace);
}

void ApprovalInbox::showCounts(const ApprovalCounts &counts)
{
    m_counts = counts;
    m_countsLabel->setText(tr("For me %1 · My teams %2").arg(m_counts.pendingForMe).arg(m_counts.pendingForMyTeams));
    Q_EMIT countsChanged(m_counts);
}

QString ApprovalInbox::message() const
{
    return m_message->text();
}

void ApprovalInbox::say(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ApprovalInbox::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_model->isProposalAt(current.row())) {
        m_detail->showProposal(m_model->proposalAt(current.row()), m_model->agentPathAt(current.row()));
        return;
    }
    m_detail->showApproval(current.isValid() ? current.data(ApprovalInboxModel::IdRole).value<ApprovalId>() : 0);
}

void ApprovalInbox::goToRow(int row)
{
    if (row >= m_model->rowCount() && m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
    const int rows = m_model->rowCount();
    if (rows == 0) {
        m_view->selectionModel()->clearSelection();
        m_view->setCurrentIndex({});
        m_detail->showApproval(0);
        return;
    }
    const QModelIndex index = m_model->index(std::clamp(row, 0, rows - 1), 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ApprovalInbox::next()
{
    const QModelIndex current = m_view->currentIndex();
    goToRow(current.isValid() ? current.row() + 1 : 0);
}

void ApprovalInbox::previous()
{
    const QModelIndex current = m_view->currentIndex();
    goToRow(current.isValid() ? current.row() - 1 : 0);
}

void ApprovalInbox::toggleSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        m_view->selectionModel()->select(current, QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
    }
}

QList<int> ApprovalInbox::chosenRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        rows.append(index.row());
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid()) {
        rows.append(m_view->currentIndex().row());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool ApprovalInbox::decide(ApprovalId id, int revision, const ApprovalDecisionRequest &request)
{
    ApprovalDecisionRequest asked = request;
    asked.revision = revision;
    const Result<Approval> decided = m_workspace->decideApproval(id, asked);
    // Read it again either way: decided it leaves the inbox, refused it shows what is current.
    m_model->refresh(id);
    if (!decided) {
        say(decided.error().message);
        if (m_detail->approvalId() == id) {
            m_detail->showApproval(id);
        }
        return false;
    }
    return true;
}

void ApprovalInbox::afterDecision(int row)
{
    goToRow(row);
    m_view->setFocus();
}

void ApprovalInbox::returnToList()
{
    // The keys act on the list again once a dialog over it closes, whatever the window manager
    // makes active.
    window()->activateWindow();
    m_view->setFocus();
}

void ApprovalInbox::approve()
{
    const QList<int> rows = chosenRows();
    if (rows.size() > 1) {
        decideBulk(rows, QStringLiteral("approve"));
        return;
    }
    if (rows.isEmpty()) {
        return;
    }
    if (m_model->isProposalAt(rows.first())) {
        decideProposal(rows.first(), true);
        return;
    }
    const Approval approval = m_model->approvalAt(rows.first());
    if (decide(approval.id, approval.revision, {QStringLiteral("approve"), 0, {}, {}})) {
        say(tr("Approved #%1 %2.").arg(approval.id).arg(approval.title));
        afterDecision(rows.first());
    } else if (m_model->rowOf(approval.id) < 0) {
        // Decided elsewhere: it left the inbox; the reason stays in the message line.
        afterDecision(rows.first());
    }
}

void ApprovalInbox::reject()
{
    const QList<int> rows = chosenRows();
    if (rows.size() > 1) {
        decideBulk(rows, QStringLiteral("reject"));
        return;
    }
    if (rows.isEmpty()) {
        return;
    }
    const int row = rows.first();
    if (m_model->isProposalAt(row)) {
        decideProposal(row, false);
        return;
    }
    const Approval approval = m_model->approvalAt(row);
    ReasonDialog::Form form;
    form.title = tr("Reject");
    form.description = tr("Reject #%1 \"%2\" of %3. The agent reads your reason.")
                           .arg(approval.id)
                           .arg(approval.title, approval.agentPath);
    form.okText = tr("&Reject");
    auto *dialog = new ReasonDialog(
        form,
        [this, approval, row](const QString &, const QString &reason) -> Status {
            if (!decide(approval.id, approval.revision, {QStringLiteral("reject"), 0, reason, {}})) {
                return Error{Error::Code::Conflict, message()};
            }
            say(tr("Rejected #%1 %2.").arg(approval.id).arg(approval.title));
            afterDecision(row);
            return Done{};
        },
        this);
    dialog->setObjectName(QStringLiteral("rejectDialog"));
    connect(dialog, &QDialog::finished, this, &ApprovalInbox::returnToList);
    dialog->open();
}

void ApprovalInbox::editThenApprove()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int row = current.row();
    if (m_model->isProposalAt(row)) {
        say(tr("A proposed version is approved or rejected as it is; to change it, edit the agent's spec in its "
               "Versions tab."));
        return;
    }
    const Approval approval = m_model->approvalAt(row);
    auto *dialog = new ApprovalEditDialog(
        approval.title, approval.payload,
        [this, approval, row](const QString &payload, const QString &reason) -> Status {
            if (!decide(approval.id, approval.revision, {QStringLiteral("edit"), 0, reason, payload})) {
                return Error{Error::Code::Conflict, message()};
            }
            say(tr("Approved #%1 %2 as edited.").arg(approval.id).arg(approval.title));
            afterDecision(row);
            return Done{};
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, &ApprovalInbox::returnToList);
    dialog->open();
}

void ApprovalInbox::decideBulk(const QList<int> &rows, const QString &verdict)
{
    qsizetype critical = 0;
    QList<Approval> chosen;
    for (const int row : rows) {
        critical += m_model->isCriticalAt(row) ? 1 : 0;
        if (!m_model->isProposalAt(row)) {
            chosen.append(m_model->approvalAt(row));
        }
    }
    if (critical > 0) {
        say(tr("Bulk decisions are refused for critical agents: %n of the selected items belong to one. Decide "
               "those one by one, or leave them out of the selection.",
               nullptr, static_cast<int>(critical)));
        return;
    }
    const bool approving = verdict == QLatin1String("approve");
    ReasonDialog::Form form;
    form.title = approving ? tr("Approve Selected") : tr("Reject Selected");
    form.description = approving
        ? tr("Approve the %n selected items. A bulk decision needs a reason.", nullptr, static_cast<int>(chosen.size()))
        : tr("Reject the %n selected items. The agents read your reason.", nullptr, static_cast<int>(chosen.size()));
    form.okText = approving ? tr("&Approve All") : tr("&Reject All");
    const int firstRow = rows.first();
    auto *dialog = new ReasonDialog(
        form,
        [this, chosen, verdict, firstRow](const QString &, const QString &reason) -> Status {
            int decided = 0;
            QStringList refusals;
            for (const Approval &approval : chosen) {
                if (decide(approval.id, approval.revision, {verdict, 0, reason, {}})) {
                    ++decided;
                } else {
                    refusals.append(QStringLiteral("#%1: %2").arg(approval.id).arg(message()));
                }
            }
            say(refusals.isEmpty()
                    ? tr("Decided %n items.", nullptr, decided)
                    : tr("Decided %n items; refused: %1", nullptr, decided).arg(refusals.join(QLatin1String("; "))));
            afterDecision(firstRow);
            return Done{};
        },
        this);
    dialog->setObjectName(QStringLiteral("bulkDecisionDialog"));
    connect(dialog, &QDialog::finished, this, &ApprovalInbox::returnToList);
    dialog->open();
}

void ApprovalInbox::decideProposal(int row, bool approving)
{
    const VersionProposal proposal = m_model->proposalAt(row);
    const QString path = m_model->agentPathAt(row);
    ReasonDialog::Form form;
    form.title = approving ? tr("Approve Proposed Version") : tr("Reject Proposed Version");
    form.description = approving ? tr("Make %1's proposal the new version of %2.").arg(proposal.author, path)
                                 : tr("Reject %1's proposed version of %2.").arg(proposal.author, path);
    form.okText = approving ? tr("&Approve") : tr("&Reject");
    auto *dialog = new ReasonDialog(
        form,
        [this, proposal, path, approving, row](const QString &, const QString &reason) -> Status {
            const auto statusOf = [](const auto &result) { return result ? Status(Done{}) : Status(result.error()); };
            const Status decided = approving ? statusOf(m_workspace->approveProposal(proposal.id, reason))
                                             : statusOf(m_workspace->rejectProposal(proposal.id, reason));
            if (!decided) {
                say(decided.error().message);
                return decided;
            }
            say(approving ? tr("Approved the proposed version of %1.").arg(path)
                          : tr("Rejected the proposed version of %1.").arg(path));
            afterDecision(row);
            return Done{};
        },
        this);
    dialog->setObjectName(QStringLiteral("proposalDecisionDialog"));
    connect(dialog, &QDialog::finished, this, &ApprovalInbox::returnToList);
    dialog->open();
}

void ApprovalInbox::openContext()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        Q_EMIT openRequested(m_model->agentPathAt(current.row()));
    }
}

void ApprovalInbox::showShortcuts()
{
    auto *sheet = new QDialog(this);
    sheet->setObjectName(QStringLiteral("shortcutSheet"));
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->setWindowTitle(tr("Inbox Keyboard Shortcuts"));
    const QList<std::pair<QString, QString>> extra = {
        {tr("Down / Up"), tr("Next / previous item")},
        {tr("Shift+Down / Shift+Up"), tr("Extend the selection")},
        {tr("A / R with several selected"),
         tr("Approve / reject them all (a reason is required; not for "
            "critical agents)")},
    };
    auto *table = new QTableWidget(static_cast<int>(m_actions.size() + extra.size()), 2, sheet);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setHorizontalHeaderLabels({tr("Key"), tr("Does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    int row = 0;
    for (const QAction *action : std::as_const(m_actions)) {
        table->setItem(row, 0, new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText)));
        table->setItem(row, 1, new QTableWidgetItem(action->text().remove(QStringLiteral("…"))));
        ++row;
    }
    for (const auto &[key, does] : extra) {
        table->setItem(row, 0, new QTableWidgetItem(key));
        table->setItem(row, 1, new QTableWidgetItem(does));
        ++row;
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, sheet);
    connect(buttons, &QDialogButtonBox::rejected, sheet, &QDialog::reject);
    auto *layout = new QVBoxLayout(sheet);
    layout->addWidget(table);
    layout->addWidget(buttons);
    sheet->resize(620, 440);
    connect(sheet, &QDialog::finished, this, &ApprovalInbox::returnToList);
    sheet->open();
}

} // namespace steward
