// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livefeedview.h"

#include "eventdetail.h"
#include "livefeedmodel.h"
#include "querybar.h"
#include "service/workspace.h"
#include "snippetdelegate.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

namespace steward {

static_assert(LiveFeedModel::SnippetRole == SnippetDelegate::SnippetRole);

namespace {

// The agent paths the query bar offers: enough for completion, never a walk of a huge tree.
constexpr int kMaxCompletedPaths = 5000;

// A table that keeps what the user looks at in place when rows arrive above it: while the user
// has scrolled away from the top or selected a row, the scroll position moves down by the
// inserted rows' height (all rows are one fixed height), so the same rows stay on screen.
class FeedTable final : public QTableView
{
public:
    using QTableView::QTableView;

    std::function<void(int count, bool anchored)> insertedAbove;

protected:
    void rowsInserted(const QModelIndex &parent, int first, int last) override
    {
        QScrollBar *bar = verticalScrollBar();
        const int before = bar->value();
        const bool anchored = first == 0 && (before > 0 || selectionModel()->hasSelection());
        QTableView::rowsInserted(parent, first, last);
        if (first != 0) {
            return;
        }
        if (anchored) {
            // The range follows the new rows only at the next layout; the position must move now.
            updateGeometries();
            const int target = before + (last - first + 1) * verticalHeader()->defaultSectionSize();
            bar->setMaximum(std::max(bar->maximum(), target));
            bar->setValue(target);
        }
        if (insertedAbove) {
            insertedAbove(last - first + 1, anchored);
        }
    }
};

// Every agent path below `parent`, depth first, up to the cap.
void collectPaths(const Workspace &workspace, NodeId parent, QStringList &paths)
{
    const Result<QList<OrgNode>> children = workspace.children(parent);
    if (!children) {
        return;
    }
    for (const OrgNode &child : children.value()) {
        if (paths.size() >= kMaxCompletedPaths) {
            return;
        }
        paths << child.path;
        if (child.kind != NodeKind::Agent) {
            collectPaths(workspace, child.id, paths);
        }
    }
}

} // namespace

LiveFeedView::LiveFeedView(QWidget *parent) : QWidget(parent)
{
    m_queryBar = new QueryBar(this);
    connect(m_queryBar, &QueryBar::queryEntered, this, &LiveFeedView::runCurrentQuery);

    m_historyButton = new QToolButton(this);
    m_historyButton->setObjectName(QStringLiteral("queryHistoryButton"));
    m_historyButton->setText(tr("Recent"));
    m_historyButton->setToolTip(tr("Recent queries"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    auto *historyMenu = new QMenu(m_historyButton);
    m_historyButton->setMenu(historyMenu);
    connect(historyMenu, &QMenu::aboutToShow, this, [this, historyMenu] {
        historyMenu->clear();
        const QStringList recent = m_queryBar->history();
        for (const QString &query : recent) {
            historyMenu->addAction(query, this, [this, query] { runQuery(query); });
        }
        if (recent.isEmpty()) {
            historyMenu->addAction(tr("No recent queries"))->setEnabled(false);
        }
    });

    m_onlySelected = new QCheckBox(this);
    m_onlySelected->setObjectName(QStringLiteral("onlySelectedCheck"));
    m_onlySelected->setEnabled(false);
    m_onlySelected->setText(tr("Only the selected node"));
    connect(m_onlySelected, &QCheckBox::toggled, this, &LiveFeedView::runCurrentQuery);

    m_pauseButton = new QToolButton(this);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setToolTip(tr("Hold new events back (Ctrl+P)"));
    m_pauseButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_pauseButton, &QToolButton::toggled, this, &LiveFeedView::setPaused);

    m_badge = new QToolButton(this);
    m_badge->setObjectName(QStringLiteral("newEventsBadge"));
    m_badge->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_badge->setToolTip(tr("Show the newest events"));
    m_badge->hide();
    connect(m_badge, &QToolButton::clicked, this, &LiveFeedView::goToNewest);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("queryError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *table = new FeedTable(this);
    table->insertedAbove = [this](int count, bool anchored) { onRowsInsertedAbove(count, anchored); };
    m_table = table;
    m_table->setObjectName(QStringLiteral("liveFeedTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(static_cast<int>(LiveFeedModel::Column::Summary), new SnippetDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && !m_model->isPaused() && m_unseen != 0) {
            m_unseen = 0;
            updateBadge();
        }
    });

    m_detail = new EventDetail(this);
    m_detail->setObjectName(QStringLiteral("eventDetail"));
    connect(m_detail, &EventDetail::openVersionRequested, this, &LiveFeedView::openVersionRequested);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("liveFeedSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_queryBar, 1);
    bar->addWidget(m_historyButton);
    bar->addWidget(m_onlySelected);
    bar->addWidget(m_pauseButton);
    bar->addWidget(m_badge);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_splitter, 1);

    rebuildModel();
    restoreSettings();
}

LiveFeedView::~LiveFeedView()
{
    saveSettings();
}

void LiveFeedView::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    m_detail->setWorkspace(workspace);
    QStringList paths;
    if (workspace) {
        if (const Result<OrgNode> root = workspace->root(); root) {
            paths << root->path;
            collectPaths(*workspace, root->id, paths);
        }
    }
    m_queryBar->setAgentPaths(paths);
    rebuildModel();
    runCurrentQuery();
}

void LiveFeedView::rebuildModel()
{
    const QByteArray header = m_table->horizontalHeader()->saveState();
    LiveFeedModel *old = m_model;
    m_model = new LiveFeedModel(m_workspace, this);
    m_model->setPaused(m_pauseButton->isChecked());
    m_table->setModel(m_model);
    if (old) {
        m_table->horizontalHeader()->restoreState(header);
        delete old;
    }
    connect(m_model, &LiveFeedModel::pendingCountChanged, this, &LiveFeedView::updateBadge);
    connect(m_model, &LiveFeedModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_unseen = 0;
        updateBadge();
        m_detail->clear();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LiveFeedView::showCurrent);
}

void LiveFeedView::setSelectedPath(const QString &path)
{
    m_selectedPath = path;
    m_onlySelected->setEnabled(!path.isEmpty());
    m_onlySelected->setText(path.isEmpty() ? tr("Only the selected node") : tr("Only %1").arg(path));
    if (m_onlySelected->isChecked()) {
        runCurrentQuery();
    }
}

void LiveFeedView::runQuery(const QString &query)
{
    m_queryBar->setText(query);
    m_queryBar->remember(query);
    runCurrentQuery();
}

void LiveFeedView::runCurrentQuery()
{
    const QString scope = m_onlySelected->isChecked() ? m_selectedPath : QString();
    const Status status = m_model->setQuery(m_queryBar->text(), scope);
    if (status) {
        m_error->hide();
    } else {
        // The parser's message names the position of the problem ("at 12: ...").
        m_error->setText(tr("The query cannot be run: %1").arg(status.error().message));
        m_error->show();
    }
}

void LiveFeedView::setPaused(bool paused)
{
    if (m_pauseButton->isChecked() != paused) {
        m_pauseButton->setChecked(paused); // comes back here through toggled
        return;
    }
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    m_model->setPaused(paused);
    updateBadge();
}

void LiveFeedView::onRowsInsertedAbove(int count, bool anchored)
{
    if (anchored) {
        m_unseen += count;
        updateBadge();
    }
}

void LiveFeedView::updateBadge()
{
    const int count = m_model->isPaused() ? m_model->pendingCount() : m_unseen;
    m_badge->setVisible(count > 0);
    m_badge->setText(m_model->isPaused() ? tr("%n new event(s): resume", nullptr, count)
                                         : tr("%n new event(s) above", nullptr, count));
}

void LiveFeedView::goToNewest()
{
    if (m_model->isPaused()) {
        setPaused(false);
    }
    m_table->clearSelection();
    m_table->scrollToTop();
    m_unseen = 0;
    updateBadge();
}

void LiveFeedView::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->showHit(m_model->hit(current.row()));
}

void LiveFeedView::restoreSettings()
{
    const QSettings settings;
    m_splitter->restoreState(settings.value(QStringLiteral("liveFeed/splitter")).toByteArray());
    const QByteArray header = settings.value(QStringLiteral("liveFeed/header")).toByteArray();
    if (header.isEmpty() || !m_table->horizontalHeader()->restoreState(header)) {
        const int widths[] = {205, 240, 60, 60, 90, 80, 380, 70, 80, 80};
        for (int column = 0; column < m_model->columnCount(); ++column) {
            m_table->setColumnWidth(column, widths[column]);
        }
    }
}

void LiveFeedView::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("liveFeed/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("liveFeed/header"), m_table->horizontalHeader()->saveState());
}

} // namespace steward
