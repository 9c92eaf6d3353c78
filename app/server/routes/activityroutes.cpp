// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The activity log over HTTP: agents post batches of events and their runs (ActivityService
// checks them and writes the stream rows live clients follow); people page through what they
// may see, newest first.
#include "api/apilimits.h"
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "query/activitysearch.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"
#include "servermetrics.h"
#include "storage/activityrepository.h"

#include <QCoreApplication>
#include <QSet>

namespace steward {

using namespace RouteHelpers;

namespace {

// Runs are listed from the newest; paging deeper than this is for the activity search.
constexpr qsizetype kMaxListedRuns = 10'000;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::ActivityRoutes", text);
}

ApiReply postEvents(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const QJsonValue batch = body->value(QStringLiteral("events"));
    if (batch.isArray() && batch.toArray().size() > ApiLimits::MaxEventsPerBatch) {
        return ApiReply::error(413, QStringLiteral("too_large"),
                               translated("events: %1 in one batch; at most %2 are accepted, send the rest in "
                                          "further batches.")
                                   .arg(batch.toArray().size())
                                   .arg(ApiLimits::MaxEventsPerBatch));
    }
    Result<QList<ActivityEvent>> events = eventBatchFromJson(body.value(), context.clock.now());
    if (!events) {
        return ApiReply::error(events.error());
    }
    QSet<NodeId> agentIds;
    for (const ActivityEvent &event : events.value()) {
        agentIds.insert(event.agentId);
    }
    if (const Status allowed = requireForAll(context, request.principal, Action::IngestActivity, agentIds); !allowed) {
        return ApiReply::error(allowed.error());
    }
    const Result<ActivityService::IngestResult> stored = context.activity.ingest(std::move(events).value());
    if (!stored) {
        return ApiReply::error(stored.error());
    }
    context.metrics.countIngested(stored->accepted);
    return ApiReply::json(QJsonObject{{QStringLiteral("accepted"), stored->accepted},
                                      {QStringLiteral("duplicates"), stored->duplicates},
                                      {QStringLiteral("lastSeq"), stored->lastSeq}});
}

// GET /api/v1/events?q=QUERY&before=ID&limit=N: the activity query language, newest first,
// with hidden agents' events left out inside the search so that every page is full.
ApiReply searchEvents(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 100, 1, ActivitySearch::MaxLimit);
    const Result<qint64> before = request.queryNumber(QStringLiteral("before"), 0, 1, INT64_MAX);
    if (const std::optional<Error> error = firstError(limit, before)) {
        return ApiReply::error(*error);
    }
    const Result<VisibilityFilter> filter = context.authorizer.visibilityFilter(request.principal);
    if (!filter) {
        return ApiReply::error(filter.error());
    }
    const Result<ActivityPage> page =
        ActivitySearch(*context.store)
            .search(request.query(QStringLiteral("q")), before.value(), static_cast<int>(limit.value()),
                    context.clock.now(), &filter.value());
    if (!page) {
        return ApiReply::error(page.error());
    }
    QJsonArray items;
    for (const ActivityHit &hit : page->hits) {
        items.append(toJson(hit));
    }
    return ApiReply::page(items, page->nextBefore > 0 ? QString::number(page->nextBefore) : QString());
}

ApiReply listEvents(ServerContext &context, ApiRequest &request)
{
    if (!request.query(QStringLiteral("q")).isEmpty() || !request.query(QStringLiteral("before")).isEmpty()) {
        return searchEvents(context, request);
    }
    const Result<qint64> limit = request.queryNumber(QStringLiteral("limit"), 100, 1, 500);
    const Result<qint64> before = request.queryNumber(QStringLiteral("cursor"), INT64_MAX, 1, INT64_MAX);
    const Result<qint64> agentId = request.queryNumber(QStringLiteral("agent"), NoNode, 1, INT64_MAX);
    if (const std::optional<Error> error = firstError(limit, before, agentId)) {
        return ApiReply::error(*error);
    }
    if (agentId.value() != NoNode) {
        if (const Result<OrgNode> agent = visibleNode(context, request.principal, agentId.value()); !agent) {
            return ApiReply::error(agent.error());
        }
    }
    const Result<VisibilityFilter> filter = context.authorizer.visibilityFilter(request.principal);
    const TreeRepository tree(*context.store);
    const Result<QHash<NodeId, Visibility>> visibilities = tree.agentVisibilities();
    const Result<QList<ActivityEvent>> page =
        ActivityRepository(*context.store)
            .newestEvents(agentId.value(), before.value(), static_cast<int>(limit.value()));
    if (const std::optional<Error> error = firstError(filter, visibilities, page)) {
        return ApiReply::error(*error);
    }
    // A page is cut before filtering, so it may hold fewer items than asked for; the cursor
    // still moves on past what was read.
    QHash<NodeId, std::optional<OrgNode>> agents;
    QJsonArray items;
    for (const ActivityEvent &event : page.value()) {
        if (!agents.contains(event.agentId)) {
            const Result<OrgNode> node = tree.node(event.agentId);
            agents.insert(event.agentId, node ? std::optional<OrgNode>(node.value()) : std::nullopt);
        }
        const std::optional<OrgNode> &agent = agents.value(event.agentId);
        if (agent && filter->canSee(NodeKind::Agent, agent->path, visibilities->value(agent->id, Visibility::Team))) {
            QJsonObject item = toJson(event);
            item.insert(QStringLiteral("agentPath"), agent->path);
            items.append(item);
        }
    }
    const bool full = page->size() == limit.value();
    return ApiReply::page(items, full ? QString::number(page->constLast().id) : QString());
}

ApiReply startRun(ServerContext &context, ApiRequest &request)
{
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    const Result<Run> run = fromJson<Run>(body.value(), QStringLiteral("run"));
    if (!run) {
        return ApiReply::error(run.error());
    }
    if (const Status allowed = requireForAll(context, request.principal, Action::IngestActivity, {run->agentId});
        !allowed) {
        return ApiReply::error(allowed.error());
    }
    return replyWith(
        context.activity.startRun(run.value()), [](const Run &started) { return toJson(started); }, 201);
}

// The run behind {id}, if the caller may `action` on its agent.
Result<Run> runFor(ServerContext &context, ApiRequest &request, Action action)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return id.error();
    }
    const Result<Run> run = ActivityRepository(*context.store).run(id.value());
    if (!run) {
        return run.error();
    }
    if (const Result<OrgNode> agent = nodeForAction(context, request.principal, action, run->agentId); !agent) {
        return agent.error();
    }
    return run;
}

ApiReply getRun(ServerContext &context, ApiRequest &request)
{
    return replyWith(runFor(context, request, Action::SeeNode), [](const Run &run) { return toJson(run); });
}

ApiReply finishRun(ServerContext &context, ApiRequest &request)
{
    const Result<Run> stored = runFor(context, request, Action::IngestActivity);
    if (!stored) {
        return ApiReply::error(stored.error());
    }
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return ApiReply::error(body.error());
    }
    QJsonObject merged = toJson(stored.value());
    for (auto field = body->begin(); field != body->end(); ++field) {
        merged.insert(field.key(), field.value());
    }
    Result<Run> read = fromJson<Run>(merged, QStringLiteral("run"));
    if (!read) {
        return ApiReply::error(read.error());
    }
    // Which run and whose it is come from the URL and the store, never from the body.
    Run finished = std::move(read).value();
    finished.id = stored->id;
    finished.agentId = stored->agentId;
    return replyWith(context.activity.finishRun(finished), [](const Run &run) { return toJson(run); });
}

// A run's events, oldest first, all in one page: a run is a trace of tens to hundreds of steps.
ApiReply listRunEvents(ServerContext &context, ApiRequest &request)
{
    const Result<Run> run = runFor(context, request, Action::SeeNode);
    if (!run) {
        return ApiReply::error(run.error());
    }
    const Result<QList<ActivityEvent>> events = ActivityRepository(*context.store).runEvents(run->id);
    if (!events) {
        return ApiReply::error(events.error());
    }
    QJsonArray items;
    for (const ActivityEvent &event : events.value()) {
        items.append(toJson(event));
    }
    return ApiReply::page(items, QString());
}

ApiReply listRuns(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    const Result<Page> page = RouteHelpers::page(request);
    if (const std::optional<Error> error = firstError(id, page)) {
        return ApiReply::error(*error);
    }
    const Result<OrgNode> agent = visibleNode(context, request.principal, id.value());
    if (!agent) {
        return ApiReply::error(agent.error());
    }
    const int wanted = static_cast<int>(qMin<qsizetype>(page->offset + page->limit + 1, kMaxListedRuns));
    const Result<QList<Run>> runs = ActivityRepository(*context.store).recentRuns(agent->id, wanted);
    if (!runs) {
        return ApiReply::error(runs.error());
    }
    QJsonArray all;
    for (const Run &run : runs.value()) {
        all.append(toJson(run));
    }
    return pageOf(all, page.value());
}

} // namespace

void addActivityRoutes(ApiRouter &router, ServerContext &context)
{
    addRoute(router, context, "POST", QStringLiteral("/api/v1/events"), postEvents);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/events"), listEvents);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/runs"), startRun);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/runs/{id}"), getRun);
    addRoute(router, context, "PATCH", QStringLiteral("/api/v1/runs/{id}"), finishRun);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}/runs"), listRuns);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/runs/{id}/events"), listRunEvents);
}

} // namespace steward
