// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilitytab.h"

#include "reliabilitycharts.h"
#include "reliabilityrankingmodel.h"
#include "service/reliabilitycsv.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace steward {

ReliabilityTab::ReliabilityTab(QWidget *parent)
    : QWidget(parent)
    , m_bucket(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_export(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_charts(new ReliabilityCharts(this))
    , m_table(new QTableView(this))
    , m_ranking(new ReliabilityRankingModel(this))
{
    m_bucket->setObjectName(QStringLiteral("reliabilityBucket"));
    for (const TimeBucket bucket : {TimeBucket::Hour, TimeBucket::Day, TimeBucket::Week}) {
        m_bucket->addItem(displayName(bucket), QVariant::fromValue(bucket));
    }
    m_bucket->setCurrentIndex(1);
    m_range->setObjectName(QStringLiteral("reliabilityRange"));
    m_range->addItem(tr("Last 24 hours"), RangeHours[0]);
    m_range->addItem(tr("Last 7 days"), RangeHours[1]);
    m_range->addItem(tr("Last 30 days"), RangeHours[2]);
    m_range->addItem(tr("Last 90 days"), RangeHours[3]);
    m_range->setCurrentIndex(1);
    connect(m_bucket, &QComboBox::currentIndexChanged, this, &ReliabilityTab::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReliabilityTab::reload);

    m_export->setObjectName(QStringLiteral("reliabilityExport"));
    m_export->setText(tr("Export CSV…"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    QAction *seriesAction = menu->addAction(tr("Series…"));
    seriesAction->setObjectName(QStringLiteral("exportSeriesAction"));
    QAction *rankingAction = menu->addAction(tr("Agent Ranking…"));
    rankingAction->setObjectName(QStringLiteral("exportRankingAction"));
    connect(seriesAction, &QAction::triggered, this, [this] { askAndExport(false); });
    connect(rankingAction, &QAction::triggered, this, [this] { askAndExport(true); });
    m_export->setMenu(menu);

    m_status->setObjectName(QStringLiteral("reliabilityStatus"));
    m_status->setWordWrap(true);

    auto *controls = new QHBoxLayout();
    controls->addWidget(new QLabel(tr("By:"), this));
    controls->addWidget(m_bucket);
    controls->addWidget(m_range);
    controls->addWidget(m_status, 1);
    controls->addWidget(m_export);

    m_table->setObjectName(QStringLiteral("reliabilityRanking"));
    m_table->setModel(m_ranking);
    // The model sorts (through the workspace) and says how it is sorted; the header only shows
    // that and passes clicks on.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    header->setSortIndicator(m_ranking->sortColumn(), m_ranking->sortOrder());
    connect(header, &QHeaderView::sortIndicatorChanged, m_ranking, &ReliabilityRankingModel::sort);
    connect(m_ranking, &QAbstractItemModel::modelReset, this, [this, header] {
        const QSignalBlocker blocker(header);
        header->setSortIndicator(m_ranking->sortColumn(), m_ranking->sortOrder());
    });
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Interactive);
    header->resizeSection(0, 280);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideLeft);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    connect(m_ranking, &ReliabilityRankingModel::failed, this, &ReliabilityTab::showProblem);

    m_charts->setObjectName(QStringLiteral("reliabilityCharts"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(RefreshIntervalMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            reload();
        } else {
            m_stale = true;
        }
    });
}

void ReliabilityTab::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        m_workspace->disconnect(this);
    }
    m_workspace = workspace;
    m_ranking->setWorkspace(workspace);
    m_nodeId = NoNode;
    m_series = {};
    m_charts->setSeries(m_series);
    if (m_workspace) {
        connect(m_workspace, &Workspace::activityAppended, this, &ReliabilityTab::onActivity);
    }
}

void ReliabilityTab::showNode(NodeId nodeId)
{
    m_nodeId = nodeId;
    if (isVisible() || nodeId == NoNode) {
        reload();
    } else {
        m_stale = true;
    }
}

void ReliabilityTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        reload();
    }
}

void ReliabilityTab::onActivity()
{
    // A burst of events costs one read of the rollups at the end of the interval.
    if (!m_refresh.isActive()) {
        m_refresh.start();
    }
}

void ReliabilityTab::reload()
{
    m_stale = false;
    m_status->clear();
    if (!m_workspace || m_nodeId == NoNode) {
        m_series = {};
        m_charts->setSeries(m_series);
        static_cast<void>(m_ranking->show(NoNode, {}, {}));
        return;
    }
    // The range ends with the current hour, so that its last bucket is not cut off.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime to = QDateTime::fromSecsSinceEpoch((now.toSecsSinceEpoch() / 3600 + 1) * 3600, QTimeZone::utc());
    ReliabilityQuery query;
    query.to = to;
    query.from = to.addSecs(-3600LL * m_range->currentData().toInt());
    query.bucket = m_bucket->currentData().value<TimeBucket>();
    query.timeZone = QTimeZone::systemTimeZoneId();
    const Result<ReliabilitySeries> series = m_workspace->reliability(m_nodeId, query);
    if (!series) {
        showProblem(series.error().message);
        return;
    }
    m_series = series.value();
    m_charts->setSeries(m_series);
    if (m_ranking->show(m_nodeId, query.from, query.to)) {
        m_status->setText(tr("%n agent(s)", nullptr, m_series.agentCount));
    }
    Q_EMIT reloaded();
}

void ReliabilityTab::askAndExport(bool ranking)
{
    const QString suggested =
        QDir::home().filePath(ranking ? tr("reliability-agents.csv") : tr("reliability-series.csv"));
    const QString path = QFileDialog::getSaveFileName(this, ranking ? tr("Export Agent Ranking") : tr("Export Series"),
                                                      suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    static_cast<void>(ranking ? exportRanking(path) : exportSeries(path));
}

bool ReliabilityTab::exportSeries(const QString &path)
{
    return writeFile(path, ReliabilityCsv::series(m_series));
}

bool ReliabilityTab::exportRanking(const QString &path)
{
    return writeFile(path, ReliabilityCsv::ranking(m_ranking->agents()));
}

bool ReliabilityTab::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showProblem(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ReliabilityTab::showProblem(const QString &message)
{
    m_status->setText(message);
}

} // namespace steward
