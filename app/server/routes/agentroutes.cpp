// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Agents and their versions: read, diff and blame what the caller may see; save and roll
// back specs (agents are created with POST /api/v1/nodes), and decide proposals through AgentService, which keeps the
// rules (stale base refused, critical agents change by proposal, no self-approval).
#include "api/jsoncodec.h"
#include "apirouter.h"
#include "diff/blame.h"
#include "diff/textdiff.h"
#include "routehelpers.h"
#include "routes.h"
#include "servercontext.h"

#include <QCoreApplication>

namespace steward {

using namespace RouteHelpers;

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::AgentRoutes", text);
}

// The agent behind {id}, if the caller may do `action` on it.
Result<OrgNode> agentNode(ServerContext &context, ApiRequest &request, Action action)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return id.error();
    }
    Result<OrgNode> node = nodeForAction(context, request.principal, action, id.value());
    if (node && node->kind != NodeKind::Agent) {
        return Error{Error::Code::NotFound, translated("%1 is not an agent.").arg(node->path)};
    }
    return node;
}

QJsonObject changeJson(const AgentService::VersionChange &change)
{
    QJsonObject object;
    if (change.saved) {
        object.insert(QStringLiteral("saved"), toJson(*change.saved));
    }
    if (change.proposed) {
        object.insert(QStringLiteral("proposed"), toJson(*change.proposed));
    }
    return object;
}

ApiReply changeReply(const Result<AgentService::VersionChange> &change)
{
    if (!change) {
        return ApiReply::error(change.error());
    }
    return ApiReply::json(changeJson(change.value()), change->saved ? 201 : 202);
}

ApiReply getAgent(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::SeeNode);
    if (!node) {
        return ApiReply::error(node.error());
    }
    const Result<Agent> agent = TreeRepository(*context.store).agent(node->id);
    if (!agent) {
        return ApiReply::error(agent.error());
    }
    QJsonObject object = toJson(agent.value());
    object.insert(QStringLiteral("path"), node->path);
    object.insert(QStringLiteral("name"), node->name);
    return ApiReply::json(object);
}

ApiReply listVersions(ServerContext &context, ApiRequest &request)
{
    const Result<Page> page = RouteHelpers::page(request);
    if (!page) {
        return ApiReply::error(page.error());
    }
    const Result<OrgNode> node = agentNode(context, request, Action::SeeNode);
    if (!node) {
        return ApiReply::error(node.error());
    }
    const Result<QList<AgentVersion>> history = context.agents.versions().history(node->id);
    if (!history) {
        return ApiReply::error(history.error());
    }
    QJsonArray versions;
    for (const AgentVersion &version : history.value()) {
        versions.append(toJson(version));
    }
    return pageOf(versions, page.value());
}

ApiReply getVersion(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::SeeNode);
    if (!node) {
        return ApiReply::error(node.error());
    }
    const Result<qint64> number = request.idValue(QStringLiteral("number"));
    if (!number) {
        return ApiReply::error(number.error());
    }
    return replyWith(context.agents.versions().version(node->id, static_cast<int>(number.value())),
                     [](const AgentVersion &version) { return toJson(version); });
}

ApiReply saveVersion(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::EditSpec);
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(node, body)) {
        return ApiReply::error(*error);
    }
    const Result<VersionSaveRequest> asked = versionSaveRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    return changeReply(
        context.agents.change(node->id, asked->baseVersion, asked->spec, request.principal.name, asked->reason));
}

ApiReply rollback(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::EditSpec);
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(node, body)) {
        return ApiReply::error(*error);
    }
    const Result<RollbackRequest> asked = rollbackRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    return changeReply(
        context.agents.rollback(node->id, asked->toVersion, asked->baseVersion, request.principal.name, asked->reason));
}

ApiReply diff(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::SeeNode);
    if (!node) {
        return ApiReply::error(node.error());
    }
    const Result<qint64> from = request.queryNumber(QStringLiteral("from"), 0, 1, 1'000'000);
    const Result<qint64> to = request.queryNumber(QStringLiteral("to"), 0, 1, 1'000'000);
    if (const std::optional<Error> error = firstError(from, to)) {
        return ApiReply::error(*error);
    }
    if (from.value() == 0 || to.value() == 0) {
        return ApiReply::error(Error{Error::Code::Invalid, translated("Give both versions: ?from=N&to=M.")});
    }
    const Result<AgentVersion> older = context.agents.versions().version(node->id, static_cast<int>(from.value()));
    const Result<AgentVersion> newer = context.agents.versions().version(node->id, static_cast<int>(to.value()));
    if (const std::optional<Error> error = firstError(older, newer)) {
        return ApiReply::error(*error);
    }
    const TextDiff textDiff = TextDiff::compare(older->spec, newer->spec);
    const QString oldLabel = node->name + QStringLiteral(" v") + QString::number(older->number);
    const QString newLabel = node->name + QStringLiteral(" v") + QString::number(newer->number);
    return ApiReply::json(QJsonObject{{QStringLiteral("from"), older->number},
                                      {QStringLiteral("to"), newer->number},
                                      {QStringLiteral("added"), textDiff.addedCount()},
                                      {QStringLiteral("removed"), textDiff.removedCount()},
                                      {QStringLiteral("unified"), textDiff.unified(oldLabel, newLabel)}});
}

ApiReply blame(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::SeeNode);
    if (!node) {
        return ApiReply::error(node.error());
    }
    const Result<Agent> agent = TreeRepository(*context.store).agent(node->id);
    if (!agent) {
        return ApiReply::error(agent.error());
    }
    const Result<qint64> version =
        request.queryNumber(QStringLiteral("version"), agent->headVersion, 1, qMax(1, agent->headVersion));
    if (!version) {
        return ApiReply::error(version.error());
    }
    const Result<QList<BlameLine>> lines =
        Blame::of(context.agents.versions(), node->id, static_cast<int>(version.value()));
    if (!lines) {
        return ApiReply::error(lines.error());
    }
    QJsonArray array;
    for (const BlameLine &line : lines.value()) {
        array.append(toJson(line));
    }
    return ApiReply::json(QJsonObject{{QStringLiteral("version"), version.value()}, {QStringLiteral("lines"), array}});
}

// Pausing or resuming takes the same roles as changing the spec: it changes how the agent runs.
ApiReply setStatus(ServerContext &context, ApiRequest &request)
{
    const Result<OrgNode> node = agentNode(context, request, Action::EditSpec);
    const Result<QJsonObject> body = request.jsonObject();
    if (const std::optional<Error> error = firstError(node, body)) {
        return ApiReply::error(*error);
    }
    const Result<AgentStatusRequest> asked = agentStatusRequestFromJson(body.value());
    if (!asked) {
        return ApiReply::error(asked.error());
    }
    const Result<Agent> agent =
        context.agents.setStatus(node->id, asked->status, request.principal.name, asked->reason);
    if (!agent) {
        return ApiReply::error(agent.error());
    }
    QJsonObject object = toJson(agent.value());
    object.insert(QStringLiteral("path"), node->path);
    object.insert(QStringLiteral("name"), node->name);
    return ApiReply::json(object);
}

ApiReply listProposals(ServerContext &context, ApiRequest &request)
{
    const Result<Page> page = RouteHelpers::page(request);
    const Result<qint64> agentId = request.queryNumber(QStringLiteral("agent"), NoNode, 1, INT64_MAX);
    if (const std::optional<Error> error = firstError(page, agentId)) {
        return ApiReply::error(*error);
    }
    if (agentId.value() != NoNode) {
        const Result<OrgNode> agent = visibleNode(context, request.principal, agentId.value());
        if (!agent) {
            return ApiReply::error(agent.error());
        }
    }
    const Result<QList<VersionProposal>> pending = context.agents.proposals().pending(agentId.value());
    if (!pending) {
        return ApiReply::error(pending.error());
    }
    QJsonArray proposals;
    for (const VersionProposal &proposal : pending.value()) {
        if (visibleNode(context, request.principal, proposal.agentId)) {
            proposals.append(toJson(proposal));
        }
    }
    return pageOf(proposals, page.value());
}

// The proposal behind {id}, if the caller may decide on its agent, and the decision's reason.
Result<std::pair<VersionProposal, QString>> decision(ServerContext &context, ApiRequest &request)
{
    const Result<qint64> id = request.idValue(QStringLiteral("id"));
    if (!id) {
        return id.error();
    }
    const Result<QJsonObject> body = request.jsonObject();
    if (!body) {
        return body.error();
    }
    const Result<DecisionRequest> asked = decisionRequestFromJson(body.value());
    if (!asked) {
        return asked.error();
    }
    const Result<VersionProposal> proposal = context.agents.proposals().proposal(id.value());
    if (!proposal) {
        return proposal.error();
    }
    const Result<OrgNode> agent = nodeForAction(context, request.principal, Action::DecideProposal, proposal->agentId);
    if (!agent) {
        return agent.error();
    }
    return std::pair{proposal.value(), asked->reason};
}

} // namespace

void addAgentRoutes(ApiRouter &router, ServerContext &context)
{
    const auto authenticated = ApiRouter::Access::Authenticated;
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}"), getAgent);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}/versions"), listVersions);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/agents/{id}/versions"), saveVersion);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}/versions/{number}"), getVersion);
    addRoute(router, context, "POST", QStringLiteral("/api/v1/agents/{id}/rollback"), rollback);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}/diff"), diff);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/agents/{id}/blame"), blame);
    addRoute(router, context, "GET", QStringLiteral("/api/v1/proposals"), listProposals);
    addRoute(router, context, "PATCH", QStringLiteral("/api/v1/agents/{id}/status"), setStatus);
    router.add("POST", QStringLiteral("/api/v1/proposals/{id}/approve"), authenticated,
               [&context](ApiRequest &request) {
                   const auto decided = decision(context, request);
                   if (!decided) {
                       return ApiReply::error(decided.error());
                   }
                   return replyWith(
                       context.agents.approveProposal(decided->first.id, request.principal.name, decided->second),
                       [](const AgentVersion &version) { return toJson(version); }, 201);
               });
    router.add("POST", QStringLiteral("/api/v1/proposals/{id}/reject"), authenticated, [&context](ApiRequest &request) {
        const auto decided = decision(context, request);
        if (!decided) {
            return ApiReply::error(decided.error());
        }
        return replyWith(context.agents.rejectProposal(decided->first.id, request.principal.name, decided->second),
                         [](const VersionProposal &proposal) { return toJson(proposal); });
    });
}

} // namespace steward
