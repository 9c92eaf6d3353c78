// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleworkspace.h"

#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "service/workspace.h"
#include "storage/store.h"

namespace steward {
namespace {

const QString actor = QStringLiteral("ada.admin");
const QString because = QStringLiteral("setting up the test company");

} // namespace

Status createSampleWorkspace(const QString &path)
{
    Result<std::unique_ptr<Store>> created = Store::create(path);
    if (!created) {
        return created.error();
    }
    const std::unique_ptr<Store> store = std::move(created).value();
    const ManualClock clock(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
    OrgService org(*store, clock);
    AgentService agents(*store, clock, org);

    const auto group = [&org](NodeId parent, NodeKind kind, const char *name) {
        return org.createGroup(parent, kind, QLatin1String(name), actor, because);
    };
    const auto agent = [&agents](NodeId parent, const char *name, Criticality criticality, Visibility visibility) {
        AgentSpec spec;
        spec.description = QStringLiteral("A test agent");
        spec.model = QStringLiteral("small-model");
        spec.instructions = QStringLiteral("Do the one thing this test needs.");
        spec.criticality = criticality;
        AgentService::NewAgent fields;
        fields.parentId = parent;
        fields.name = QLatin1String(name);
        fields.owner = QStringLiteral("dana.kim");
        fields.criticality = criticality;
        fields.visibility = visibility;
        fields.spec = spec.toCanonicalText();
        return agents.createAgent(fields, actor, because);
    };

    const Result<OrgNode> acme = org.createCompany(QStringLiteral("acme"), actor, because);
    if (!acme) {
        return acme.error();
    }
    const Result<OrgNode> sales = group(acme->id, NodeKind::Department, "sales");
    const Result<OrgNode> support = group(acme->id, NodeKind::Department, "support");
    if (!sales || !support) {
        return sales ? support.error() : sales.error();
    }
    const Result<OrgNode> inbound = group(sales->id, NodeKind::Team, "inbound");
    const Result<OrgNode> outbound = group(sales->id, NodeKind::Team, "outbound");
    const Result<OrgNode> tier1 = group(support->id, NodeKind::Team, "tier1");
    const Result<OrgNode> tier2 = group(support->id, NodeKind::Team, "tier2");
    for (const Result<OrgNode> *made : {&inbound, &outbound, &tier1, &tier2}) {
        if (!*made) {
            return made->error();
        }
    }
    const std::initializer_list<Result<OrgNode>> madeAgents = {
        agent(inbound->id, "lead-router", Criticality::Standard, Visibility::Team),
        agent(outbound->id, "prospect-mailer", Criticality::Critical, Visibility::Public),
        agent(outbound->id, "follow-up", Criticality::Standard, Visibility::Team),
        agent(tier1->id, "triage-bot", Criticality::Experimental, Visibility::Private),
        agent(acme->id, "ops-bot", Criticality::Standard, Visibility::Team),
    };
    for (const Result<OrgNode> &made : madeAgents) {
        if (!made) {
            return made.error();
        }
    }
    return Done{};
}

NodeId nodeAt(const Workspace &workspace, const QString &path)
{
    const Result<OrgNode> root = workspace.root();
    if (!root) {
        return NoNode;
    }
    OrgNode current = root.value();
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty() || segments.first() != current.name) {
        return NoNode;
    }
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const Result<QList<OrgNode>> children = workspace.children(current.id);
        if (!children) {
            return NoNode;
        }
        const auto found = std::find_if(children->cbegin(), children->cend(),
                                        [&](const OrgNode &child) { return child.name == segments.at(i); });
        if (found == children->cend()) {
            return NoNode;
        }
        current = *found;
    }
    return current.id;
}

} // namespace steward
