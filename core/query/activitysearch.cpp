// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activitysearch.h"

#include "query/querycompiler.h"
#include "service/authorizer.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "storage/treerepository.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>

namespace steward {
namespace {

void collectAgentPaths(const QueryNode &node, QStringList &paths)
{
    if (node.type == QueryNode::Type::Filter && node.field == QueryField::Agent && !paths.contains(node.value)) {
        paths.append(node.value);
    }
    for (const QueryNode &child : node.children) {
        collectAgentPaths(child, paths);
    }
}

} // namespace

Result<QList<NodeId>> ActivitySearch::agentsAt(const QString &pathValue) const
{
    const TreeRepository tree(m_store);
    const bool subtree = pathValue.endsWith(QLatin1String("/*"));
    const QString path = subtree ? pathValue.chopped(2) : pathValue;
    const Result<OrgNode> root = tree.root();
    if (!root) {
        // An empty workspace has no agents to name.
        return root.error().code == Error::Code::NotFound ? Result<QList<NodeId>>(QList<NodeId>{}) : root.error();
    }
    // Paths may leave out the company: /sales/* is /acme/sales/* in the company acme.
    QStringList candidates{path.isEmpty() ? root->path : path};
    if (!path.isEmpty() && path != root->path && !path.startsWith(root->path + QLatin1Char('/'))) {
        candidates.append(root->path + path);
    }
    for (const QString &candidate : candidates) {
        const Result<OrgNode> node = tree.nodeByPath(candidate);
        if (!node) {
            if (node.error().code == Error::Code::NotFound) {
                continue;
            }
            return node.error();
        }
        if (node->kind == NodeKind::Agent) {
            return QList<NodeId>{node->id};
        }
        // A group stands for the agents below it, with or without the /*.
        const Result<QList<OrgNode>> below = tree.subtree(node->id);
        if (!below) {
            return below.error();
        }
        QList<NodeId> agents;
        for (const OrgNode &each : below.value()) {
            if (each.kind == NodeKind::Agent) {
                agents.append(each.id);
            }
        }
        return agents;
    }
    return QList<NodeId>{};
}

Result<QList<NodeId>> ActivitySearch::hiddenAgents(const VisibilityFilter &visibility) const
{
    const TreeRepository tree(m_store);
    const Result<QHash<NodeId, Visibility>> visibilities = tree.agentVisibilities();
    if (!visibilities) {
        return visibilities.error();
    }
    const Result<QHash<NodeId, OrgNode>> agents = tree.nodes(visibilities->keys());
    if (!agents) {
        return agents.error();
    }
    QList<NodeId> hidden;
    for (auto it = visibilities->cbegin(); it != visibilities->cend(); ++it) {
        const auto agent = agents->constFind(it.key());
        if (agent == agents->cend() || !visibility.canSee(NodeKind::Agent, agent->path, it.value())) {
            hidden.append(it.key());
        }
    }
    return hidden;
}

Result<QSet<QString>> ActivitySearch::frequentWords() const
{
    // ANALYZE keeps the search index's most frequent words (empty until it first runs).
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT most_common_elems::text FROM pg_stats WHERE tablename = "
                                   "'activity_events_search' AND most_common_elems IS NOT NULL"))) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ActivitySearch", "searching activity"));
    }
    QSet<QString> words;
    while (query.next()) {
        QString list = query.value(0).toString();
        list.remove(QLatin1Char('{')).remove(QLatin1Char('}')).remove(QLatin1Char('"'));
        for (const QString &word : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            words.insert(word);
        }
    }
    return words;
}

Result<ActivityPage> ActivitySearch::search(const QString &query, EventId before, int limit, const QDateTime &now,
                                            const VisibilityFilter *visibility) const
{
    if (limit < 1 || limit > MaxLimit) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ActivitySearch", "limit: %1 is not from 1 to %2.")
                         .arg(limit)
                         .arg(MaxLimit)};
    }
    SearchRequest request;
    request.before = before;
    request.limit = limit;
    request.now = now;
    if (!query.trimmed().isEmpty()) {
        Result<QueryNode> parsed = ActivityQueryParser::parse(query);
        if (!parsed) {
            return parsed.error();
        }
        request.query = std::move(parsed).value();
        QStringList paths;
        collectAgentPaths(*request.query, paths);
        for (const QString &path : paths) {
            Result<QList<NodeId>> agents = agentsAt(path);
            if (!agents) {
                return agents.error();
            }
            request.agentsByPath.insert(path, std::move(agents).value());
        }
    }
    if (visibility) {
        Result<QList<NodeId>> hidden = hiddenAgents(*visibility);
        if (!hidden) {
            return hidden.error();
        }
        request.hiddenAgents = std::move(hidden).value();
    }
    const QueryCompiler::Flavor flavor = QueryCompiler::flavorOf(m_store.dialect());
    if (flavor == QueryCompiler::Flavor::Tsquery && request.query) {
        Result<QSet<QString>> frequent = frequentWords();
        if (!frequent) {
            return frequent.error();
        }
        request.frequentWords = std::move(frequent).value();
    }
    const CompiledSearch compiled = QueryCompiler::compile(flavor, request);
    QSqlQuery statement(m_store.database());
    statement.setForwardOnly(true);
    if (!statement.prepare(compiled.sql)) {
        return Store::errorFrom(statement.lastError(),
                                QCoreApplication::translate("steward::ActivitySearch", "searching activity"));
    }
    for (int i = 0; i < compiled.values.size(); ++i) {
        statement.bindValue(i, compiled.values.at(i));
    }
    if (!statement.exec()) {
        return Store::errorFrom(statement.lastError(),
                                QCoreApplication::translate("steward::ActivitySearch", "searching activity"));
    }
    QList<EventId> ids;
    QHash<EventId, QString> snippets;
    while (statement.next()) {
        const EventId id = statement.value(0).toLongLong();
        ids.append(id);
        // FTS5 gives one snippet per text column: the first with a highlighted hit wins; none
        // (filters only) leaves the summary.
        QString snippet;
        for (int column = 1; column < statement.record().count() && snippet.isEmpty(); ++column) {
            const QString text = statement.value(column).toString();
            if (text.contains(QChar(SearchMarks::Start))) {
                snippet = text;
            }
        }
        snippets.insert(id, snippet);
    }
    const Result<QHash<EventId, ActivityEvent>> events = ActivityRepository(m_store).eventsByIds(ids);
    if (!events) {
        return events.error();
    }
    QList<NodeId> agentIds;
    for (const ActivityEvent &event : events.value()) {
        if (!agentIds.contains(event.agentId)) {
            agentIds.append(event.agentId);
        }
    }
    const Result<QHash<NodeId, OrgNode>> agents = TreeRepository(m_store).nodes(agentIds);
    if (!agents) {
        return agents.error();
    }
    ActivityPage page;
    for (const EventId id : ids) {
        const auto event = events->constFind(id);
        if (event == events->cend()) {
            continue; // removed between the two reads
        }
        ActivityHit hit;
        hit.event = event.value();
        hit.agentPath = agents->value(event->agentId).path;
        const QString snippet = snippets.value(id);
        hit.snippet = snippet.isEmpty() ? event->summary : snippet;
        page.hits.append(std::move(hit));
    }
    page.nextBefore = ids.size() == limit ? ids.constLast() : 0;
    return page;
}

} // namespace steward
