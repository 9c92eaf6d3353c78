// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livefeedmodel.h"

#include "query/activityquery.h"

#include <QApplication>
#include <QFontDatabase>
#include <QIcon>
#include <QLocale>
#include <QStyle>

#include <algorithm>

namespace steward {

namespace {

// The highlight marks of a search snippet (see ActivityHit).
constexpr QChar kMarkStart(0xE000);
constexpr QChar kMarkEnd(0xE001);

} // namespace

LiveFeedModel::LiveFeedModel(Workspace *workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LiveFeedModel::flush);
    m_requeryTimer.setSingleShot(true);
    m_requeryTimer.setInterval(RequeryIntervalMs);
    connect(&m_requeryTimer, &QTimer::timeout, this, &LiveFeedModel::requery);
    if (workspace) {
        connect(workspace, &Workspace::activityAppended, this, &LiveFeedModel::onActivity);
        // Paths change with renames and moves; the next event asks again.
        connect(workspace, &Workspace::nodeRenamed, this, [this] { m_paths.clear(); });
        connect(workspace, &Workspace::nodeMoved, this, [this] { m_paths.clear(); });
    }
}

Status LiveFeedModel::setQuery(const QString &query, const QString &scope)
{
    m_query = query.trimmed();
    m_scope = scope;
    beginResetModel();
    m_rows.clear();
    m_arrived.clear();
    m_nextBefore = 0;
    m_keep = m_rowLimit;
    m_gap = false;
    m_requeryWanted = false;
    Status status = Done{};
    // The user's words alone first: a problem's position is then one in what they typed, not in
    // the query with the scope put in front of it.
    if (const Result<QueryNode> parsed = ActivityQueryParser::parse(m_query); !m_query.isEmpty() && !parsed) {
        status = parsed.error();
    } else if (m_workspace) {
        const Result<ActivityPage> page = m_workspace->searchActivity(effectiveQuery(), 0, PageSize);
        if (page) {
            m_rows = page->hits;
            m_nextBefore = page->nextBefore;
        } else {
            status = page.error();
        }
    }
    endResetModel();
    if (m_pendingCount != 0) {
        m_pendingCount = 0;
        Q_EMIT pendingCountChanged(0);
    }
    return status;
}

void LiveFeedModel::setPaused(bool paused)
{
    if (m_paused == paused) {
        return;
    }
    m_paused = paused;
    if (paused) {
        return;
    }
    if (m_requeryWanted) {
        requery();
    }
    flush();
    m_pendingCount = 0;
    Q_EMIT pendingCountChanged(0);
}

void LiveFeedModel::setRowLimit(int rows)
{
    m_rowLimit = std::clamp(rows, PageSize, MaxRows);
    m_keep = std::max(m_keep, m_rowLimit);
    trimBottom();
}

int LiveFeedModel::rowOf(EventId id) const
{
    // Newest first: ids fall with the row, so the row is found by bisection.
    const auto found = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                        [](const ActivityHit &hit, EventId wanted) { return hit.event.id > wanted; });
    return found != m_rows.cend() && found->event.id == id ? static_cast<int>(found - m_rows.cbegin()) : -1;
}

// --- Live rows ---------------------------------------------------------------------------------

void LiveFeedModel::onActivity(const QList<ActivityEvent> &events)
{
    // A page read just now may already hold the first of them: ids only grow, so anything up
    // to the newest row known is not new.
    const EventId newest = !m_arrived.isEmpty() ? m_arrived.constLast().event.id
        : m_rows.isEmpty()                      ? 0
                                                : m_rows.constFirst().event.id;
    int inScope = 0;
    if (m_query.isEmpty()) {
        for (const ActivityEvent &event : events) {
            if (event.id <= newest) {
                continue;
            }
            QString path = agentPath(event.agentId);
            if (this->inScope(path)) {
                m_arrived.append(ActivityHit{event, std::move(path), event.summary});
                ++inScope;
            }
        }
        // A tail's worth is all that can be shown; what falls off is reached by paging (or,
        // after a pause, by reloading).
        if (m_arrived.size() > m_rowLimit) {
            m_arrived.remove(0, m_arrived.size() - m_rowLimit);
            m_gap = true;
        }
    } else {
        for (const ActivityEvent &event : events) {
            inScope += event.id > newest && this->inScope(agentPath(event.agentId)) ? 1 : 0;
        }
        if (inScope > 0 && !m_requeryWanted) {
            m_requeryWanted = true;
            // Nothing older than these can be new to the rows.
            m_requeryFloor = events.constFirst().id - 1;
        }
    }
    if (inScope == 0) {
        return;
    }
    if (m_paused) {
        m_pendingCount += inScope;
        Q_EMIT pendingCountChanged(m_pendingCount);
        return;
    }
    if (m_query.isEmpty()) {
        if (!m_flushTimer.isActive()) {
            m_flushTimer.start();
        }
    } else if (!m_requeryTimer.isActive()) {
        m_requeryTimer.start();
    }
}

void LiveFeedModel::flush()
{
    m_flushTimer.stop();
    if (m_paused || m_arrived.isEmpty()) {
        return;
    }
    QList<ActivityHit> hits = std::exchange(m_arrived, {});
    std::reverse(hits.begin(), hits.end());
    prepend(std::move(hits), std::exchange(m_gap, false));
}

void LiveFeedModel::requery()
{
    m_requeryTimer.stop();
    if (m_paused || !m_requeryWanted || !m_workspace) {
        return;
    }
    m_requeryWanted = false;
    // Pages of the query until the newest row already shown (or the first event that made this
    // requery necessary): what is new since.
    const EventId newest = std::max(m_rows.isEmpty() ? 0 : m_rows.constFirst().event.id, m_requeryFloor);
    QList<ActivityHit> fresh;
    EventId before = 0;
    bool reachedShown = false;
    while (!reachedShown && fresh.size() < m_rowLimit) {
        const Result<ActivityPage> page = m_workspace->searchActivity(effectiveQuery(), before, PageSize);
        if (!page) {
            Q_EMIT loadFailed(page.error().message);
            return;
        }
        for (const ActivityHit &hit : page->hits) {
            if (hit.event.id <= newest) {
                reachedShown = true;
                break;
            }
            fresh.append(hit);
        }
        if (page->nextBefore == 0) {
            break;
        }
        before = page->nextBefore;
    }
    // A whole tail of new matches without reaching the rows shown: they would sit below a gap.
    const bool gap = !reachedShown && fresh.size() >= m_rowLimit;
    prepend(std::move(fresh), gap);
}

void LiveFeedModel::prepend(QList<ActivityHit> hits, bool gap)
{
    if (hits.isEmpty()) {
        return;
    }
    if (gap) {
        // Events between these and the rows shown were not kept: the new rows replace the old
        // ones, and paging continues below the oldest of them.
        beginResetModel();
        m_rows = std::move(hits);
        m_nextBefore = m_rows.constLast().event.id;
        m_keep = m_rowLimit;
        endResetModel();
        return;
    }
    beginInsertRows({}, 0, static_cast<int>(hits.size()) - 1);
    hits.append(std::move(m_rows));
    m_rows = std::move(hits);
    endInsertRows();
    trimBottom();
}

void LiveFeedModel::trimBottom()
{
    const int limit = std::min(MaxRows, std::max(m_rowLimit, m_keep));
    if (m_rows.size() <= limit) {
        return;
    }
    beginRemoveRows({}, limit, static_cast<int>(m_rows.size()) - 1);
    m_rows.resize(limit);
    endRemoveRows();
    // What left is history again, one fetchMore away.
    m_nextBefore = m_rows.constLast().event.id;
}

QString LiveFeedModel::effectiveQuery() const
{
    if (m_scope.isEmpty()) {
        return m_query;
    }
    // An agent path names the agent, a group's path the agents below it.
    const QString scopeTerm = QStringLiteral("agent:\"%1\"").arg(m_scope);
    return m_query.isEmpty() ? scopeTerm : scopeTerm + QStringLiteral(" (") + m_query + QLatin1Char(')');
}

bool LiveFeedModel::inScope(const QString &agentPath) const
{
    return m_scope.isEmpty() || agentPath == m_scope
        || (agentPath.startsWith(m_scope) && agentPath.at(m_scope.size()) == QLatin1Char('/'));
}

QString LiveFeedModel::agentPath(NodeId agentId)
{
    const auto known = m_paths.constFind(agentId);
    if (known != m_paths.cend()) {
        return known.value();
    }
    const Result<OrgNode> node = m_workspace ? m_workspace->node(agentId) : Result<OrgNode>(Error{});
    const QString path = node ? node->path : QString();
    m_paths.insert(agentId, path);
    return path;
}

// --- History -----------------------------------------------------------------------------------

bool LiveFeedModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextBefore != 0 && m_rows.size() < MaxRows && m_workspace;
}

void LiveFeedModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const Result<ActivityPage> page = m_workspace->searchActivity(effectiveQuery(), m_nextBefore, PageSize);
    if (!page) {
        m_nextBefore = 0;
        Q_EMIT loadFailed(page.error().message);
        return;
    }
    m_nextBefore = page->nextBefore;
    // A page read after live rows pushed past it may repeat rows still shown.
    const EventId oldest = m_rows.isEmpty() ? std::numeric_limits<EventId>::max() : m_rows.constLast().event.id;
    QList<ActivityHit> older;
    for (const ActivityHit &hit : page->hits) {
        if (hit.event.id < oldest) {
            older.append(hit);
        }
    }
    const qsizetype room = MaxRows - m_rows.size();
    if (older.size() > room) {
        older.resize(room);
    }
    if (older.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(older.size()) - 1);
    m_rows.append(std::move(older));
    endInsertRows();
    m_keep = std::max(m_keep, static_cast<int>(m_rows.size()));
}

// --- Presentation ------------------------------------------------------------------------------

int LiveFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LiveFeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::ColumnCount);
}

QString LiveFeedModel::plainSnippet(const QString &snippet)
{
    QString plain = snippet;
    plain.remove(kMarkStart);
    plain.remove(kMarkEnd);
    return plain.simplified();
}

QVariant LiveFeedModel::display(const ActivityHit &hit, Column column) const
{
    const ActivityEvent &event = hit.event;
    const QLocale locale;
    switch (column) {
    case Column::Time: return event.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Column::Agent: return hit.agentPath;
    case Column::Version: return tr("v%1").arg(event.version);
    case Column::Run: return event.runId == 0 ? QString() : QString::number(event.runId);
    case Column::Kind: return event.kind;
    case Column::Status: return event.status == QLatin1String("error") ? tr("Error") : tr("OK");
    case Column::Summary: return plainSnippet(hit.snippet.isEmpty() ? event.summary : hit.snippet);
    case Column::Tokens: return locale.toString(event.tokensIn + event.tokensOut);
    case Column::Cost: return tr("$%1").arg(locale.toString(event.cost, 'f', 4));
    case Column::Latency: return tr("%1 ms").arg(locale.toString(event.latencyMs));
    case Column::ColumnCount: break;
    }
    return {};
}

QVariant LiveFeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ActivityHit &hit = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: return display(hit, column);
    case Qt::ToolTipRole:
        return column == Column::Summary && !hit.event.detail.isEmpty() ? hit.event.detail : QVariant();
    case Qt::DecorationRole:
        if (column == Column::Status) {
            // The word says it too: the icon is never the only sign.
            static const QIcon error = QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            static const QIcon ok = QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
            return hit.event.status == QLatin1String("error") ? error : ok;
        }
        return {};
    case Qt::FontRole:
        if (column == Column::Time) {
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case Column::Tokens:
        case Column::Cost:
        case Column::Latency:
        case Column::Run: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    case SnippetRole: return column == Column::Summary ? hit.snippet : QVariant();
    case EventIdRole: return hit.event.id;
    case AgentIdRole: return hit.event.agentId;
    case AgentPathRole: return hit.agentPath;
    case VersionRole: return hit.event.version;
    case RunIdRole: return hit.event.runId;
    default: return {};
    }
}

QVariant LiveFeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::Time: return tr("Time");
    case Column::Agent: return tr("Agent");
    case Column::Version: return tr("Version");
    case Column::Run: return tr("Run");
    case Column::Kind: return tr("Kind");
    case Column::Status: return tr("Status");
    case Column::Summary: return tr("Summary");
    case Column::Tokens: return tr("Tokens");
    case Column::Cost: return tr("Cost");
    case Column::Latency: return tr("Latency");
    case Column::ColumnCount: break;
    }
    return {};
}

} // namespace steward
