// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentservice.h"

#include "domain/clock.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonObject>

namespace steward {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("steward::AgentService", text);
}

} // namespace

AgentService::AgentService(const Store &store, const Clock &clock, OrgService &org)
    : m_store(store), m_clock(clock), m_org(org), m_versions(store)
{
}

Result<AgentVersion> AgentService::insertVersion(NodeId agentId, int number, const QString &spec, const QString &author,
                                                 const QString &reason)
{
    AgentVersion version;
    version.agentId = agentId;
    version.number = number;
    version.parentNumber = number - 1;
    version.spec = spec;
    version.author = author;
    version.createdAt = m_clock.now();
    version.reason = reason.trimmed();
    version.contentHash = QCryptographicHash::hash(spec.toUtf8(), QCryptographicHash::Sha256).toHex();
    if (const Status inserted = m_versions.insert(version); !inserted) {
        return inserted.error();
    }
    if (const Status head = m_org.tree().setHeadVersion(agentId, number); !head) {
        return head.error();
    }
    return version;
}

Result<OrgNode> AgentService::createAgent(const NewAgent &agent, const QString &actor, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    if (agent.owner.trimmed().isEmpty()) {
        return Error{Error::Code::Invalid, tr("Every agent needs an owner.")};
    }
    if (agent.spec.trimmed().isEmpty()) {
        return Error{Error::Code::Invalid, tr("Every agent needs a spec.")};
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> parent = m_org.checkNewChild(agent.parentId, NodeKind::Agent, agent.name);
    if (!parent) {
        return parent.error();
    }
    Result<OrgNode> node = m_org.insertChild(parent.value(), NodeKind::Agent, agent.name);
    if (!node) {
        return node;
    }
    Agent attributes;
    attributes.nodeId = node->id;
    attributes.owner = agent.owner;
    attributes.visibility = agent.visibility;
    attributes.criticality = agent.criticality;
    if (const Status inserted = m_org.tree().insertAgent(attributes); !inserted) {
        return inserted.error();
    }
    const Result<AgentVersion> first = insertVersion(node->id, 1, agent.spec, actor, reason);
    if (!first) {
        return first.error();
    }
    if (const Status audited = m_org.recordAudit(actor, QStringLiteral("agent.create"), node->path,
                                                 {{QStringLiteral("id"), node->id},
                                                  {QStringLiteral("owner"), agent.owner},
                                                  {QStringLiteral("visibility"), toText(agent.visibility)},
                                                  {QStringLiteral("criticality"), toText(agent.criticality)},
                                                  {QStringLiteral("contentHash"), QString::fromLatin1(first->contentHash)}},
                                                 reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return node;
}

Result<AgentVersion> AgentService::saveVersion(NodeId agentId, int baseVersion, const QString &spec,
                                               const QString &actor, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<Agent> agent = m_org.tree().agent(agentId);
    if (!agent) {
        return agent.error();
    }
    const Result<OrgNode> node = m_org.tree().node(agentId);
    if (!node) {
        return node.error();
    }
    if (agent->headVersion != baseVersion) {
        return Error{Error::Code::Conflict,
                     tr("%1 has changed since you started editing: you based your change on version %2, but version %3 "
                        "is now the latest. Review it and apply your change again.")
                         .arg(node->path)
                         .arg(baseVersion)
                         .arg(agent->headVersion)};
    }
    const Result<AgentVersion> base = m_versions.version(agentId, baseVersion);
    if (base && base->spec == spec) {
        return Error{Error::Code::Invalid, tr("The spec is unchanged; there is nothing to save.")};
    }
    Result<AgentVersion> saved = insertVersion(agentId, baseVersion + 1, spec, actor, reason);
    if (!saved) {
        return saved;
    }
    if (const Status audited = m_org.recordAudit(actor, QStringLiteral("version.save"), node->path,
                                                 {{QStringLiteral("id"), agentId},
                                                  {QStringLiteral("version"), saved->number},
                                                  {QStringLiteral("contentHash"), QString::fromLatin1(saved->contentHash)}},
                                                 reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return saved;
}

} // namespace steward
