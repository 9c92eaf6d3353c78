// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchworkspace.h"

#include "api/jsoncodec.h"
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace steward::bench {

BenchWorkspace createBenchWorkspace(const QString &location, int agents)
{
    BenchWorkspace workspace;
    Result<std::unique_ptr<Store>> store = Store::create(location);
    if (!store) {
        workspace.error = store.error().message;
        return workspace;
    }
    SystemClock clock;
    OrgService org(*store.value(), clock);
    AgentService agentService(*store.value(), clock, org);
    AccessService access(*store.value(), clock, org);
    const QString actor = QStringLiteral("bench");
    const QString why = QStringLiteral("benchmark");
    const Result<OrgNode> company = org.createCompany(QStringLiteral("bench"), actor, why);
    const Result<OrgNode> department =
        company ? org.createGroup(company->id, NodeKind::Department, QStringLiteral("ops"), actor, why) : company;
    const Result<OrgNode> team =
        department ? org.createGroup(department->id, NodeKind::Team, QStringLiteral("crew"), actor, why) : department;
    if (!team) {
        workspace.error = team.error().message;
        return workspace;
    }
    for (int i = 0; i < agents; ++i) {
        const Result<OrgNode> agent = agentService.createAgent(
            {team->id, QStringLiteral("agent-%1").arg(i), actor, Visibility::Public, Criticality::Standard,
             QStringLiteral("model: m\ninstructions: |\n  Work.\ncriticality: standard\n")},
            actor, why);
        if (!agent) {
            workspace.error = agent.error().message;
            return workspace;
        }
        workspace.agents.append(agent->id);
    }
    const Result<Principal> admin = access.addPrincipal(QStringLiteral("admin"), {}, PrincipalKind::User, actor, why);
    const Result<Grant> granted =
        admin ? access.grant(QStringLiteral("admin"), Role::Admin, company->path, actor, why) : admin.error();
    const Result<AccessService::IssuedToken> token =
        granted ? access.createToken(QStringLiteral("admin"), QStringLiteral("bench"), actor, why) : granted.error();
    if (!token) {
        workspace.error = token.error().message;
        return workspace;
    }
    workspace.adminToken = token->secret;
    return workspace;
}

QList<ActivityEvent> syntheticEvents(const QList<NodeId> &agents, const QString &prefix, qint64 first, int count)
{
    static const QString text = QStringLiteral(
        "Drafted a follow-up to the prospect about the spring event, checked the CRM for earlier contact, "
        "and queued the message for review with a summary of the account history and the reasons for the "
        "suggested timing. Tokens and cost recorded from the model's answer. ");
    QList<ActivityEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        ActivityEvent event;
        event.clientId = QStringLiteral("%1-%2").arg(prefix).arg(first + i);
        event.agentId = agents.at(static_cast<qsizetype>((first + i) % agents.size()));
        event.kind = QStringLiteral("output");
        event.summary = QStringLiteral("Output %1").arg(first + i);
        event.detail = text;
        event.tokensIn = 800;
        event.tokensOut = 200;
        event.cost = 0.002;
        event.latencyMs = 900;
        events.append(event);
    }
    return events;
}

QByteArray ingestBody(const QList<ActivityEvent> &events)
{
    return QJsonDocument(toIngestJson(events)).toJson(QJsonDocument::Compact);
}

double percentile(QList<double> &values, double p)
{
    if (values.isEmpty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(std::ceil(p / 100.0 * static_cast<double>(values.size()))) - 1;
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace steward::bench
