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

QString hashOf(const QString &spec)
{
    return QString::fromLatin1(QCryptographicHash::hash(spec.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

AgentService::AgentService(const Store &store, const Clock &clock, OrgService &org)
    : m_store(store), m_clock(clock), m_org(org), m_versions(store), m_proposals(store), m_stream(store)
{
}

StreamItem AgentService::streamItem(StreamItemType type, NodeId agentId, qint64 subjectId) const
{
    return {0, m_clock.now(), type, agentId, subjectId};
}

Status AgentService::commitChange(Transaction &transaction, const QList<StreamItem> &items)
{
    if (const Result<qint64> streamed = m_stream.append(items); !streamed) {
        return streamed.error();
    }
    return transaction.commit();
}

Result<AgentVersion> AgentService::insertVersion(NodeId agentId, int number, const CheckedChange &change,
                                                 const QString &author, const QString &reason,
                                                 const QString &approvedBy)
{
    AgentVersion version;
    version.agentId = agentId;
    version.number = number;
    version.parentNumber = number - 1;
    version.spec = change.canonical;
    version.author = author;
    version.createdAt = m_clock.now();
    version.reason = reason.trimmed();
    version.contentHash = hashOf(change.canonical).toLatin1();
    version.approvedBy = approvedBy;
    if (const Status inserted = m_versions.insert(version); !inserted) {
        return inserted.error();
    }
    if (const Status head = m_org.tree().setHead(agentId, number, change.spec.criticality); !head) {
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
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AgentService", "Every agent needs an owner.")};
    }
    const Result<AgentSpec> spec = AgentSpec::parse(agent.spec);
    if (!spec) {
        return spec.error();
    }
    if (spec->criticality != agent.criticality) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AgentService",
                                                 "The agent is created as %1 but its spec says %2; make them agree.")
                         .arg(toText(agent.criticality), toText(spec->criticality))};
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
    const CheckedChange first{node.value(), attributes, spec.value(), spec->toCanonicalText()};
    const Result<AgentVersion> version = insertVersion(node->id, 1, first, actor, reason, QString());
    if (!version) {
        return version.error();
    }
    if (const Status audited =
            m_org.recordAudit(actor, QStringLiteral("agent.create"), node->path,
                              {{QStringLiteral("id"), node->id},
                               {QStringLiteral("owner"), agent.owner},
                               {QStringLiteral("visibility"), toText(agent.visibility)},
                               {QStringLiteral("criticality"), toText(agent.criticality)},
                               {QStringLiteral("contentHash"), QString::fromLatin1(version->contentHash)}},
                              reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = commitChange(transaction, {streamItem(StreamItemType::Node, node->id, node->id)});
        !committed) {
        return committed.error();
    }
    return node;
}

Result<AgentService::CheckedChange> AgentService::checkChange(NodeId agentId, int baseVersion, const QString &spec,
                                                              const QString &reason) const
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    const Result<AgentSpec> parsed = AgentSpec::parse(spec);
    if (!parsed) {
        return parsed.error();
    }
    const Result<Agent> agent = m_org.tree().agent(agentId);
    if (!agent) {
        return agent.error();
    }
    const Result<OrgNode> node = m_org.tree().node(agentId);
    if (!node) {
        return node.error();
    }
    if (node->isArchived()) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::AgentService", "%1 is archived and cannot change.").arg(node->path)};
    }
    if (agent->headVersion != baseVersion) {
        return Error{
            Error::Code::Conflict,
            QCoreApplication::translate(
                "steward::AgentService",
                "%1 has changed since you started editing: you based your change on version %2, but version %3 "
                "is now the latest. Review it and apply your change again.")
                .arg(node->path)
                .arg(baseVersion)
                .arg(agent->headVersion)};
    }
    CheckedChange change{node.value(), agent.value(), parsed.value(), parsed->toCanonicalText()};
    const Result<AgentVersion> head = m_versions.version(agentId, baseVersion);
    if (head && head->spec == change.canonical) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::AgentService", "The spec is unchanged; there is nothing to save.")};
    }
    return change;
}

Result<AgentService::VersionChange> AgentService::change(NodeId agentId, int baseVersion, const QString &spec,
                                                         const QString &actor, const QString &reason)
{
    const Result<Agent> agent = m_org.tree().agent(agentId);
    if (!agent) {
        return agent.error();
    }
    VersionChange outcome;
    if (agent->criticality == Criticality::Critical) {
        Result<VersionProposal> proposed = proposeVersion(agentId, baseVersion, spec, actor, reason);
        if (!proposed) {
            return proposed.error();
        }
        outcome.proposed = std::move(proposed).value();
    } else {
        Result<AgentVersion> saved = saveVersion(agentId, baseVersion, spec, actor, reason);
        if (!saved) {
            return saved.error();
        }
        outcome.saved = std::move(saved).value();
    }
    return outcome;
}

Result<AgentService::VersionChange> AgentService::rollback(NodeId agentId, int toVersion, int baseVersion,
                                                           const QString &actor, const QString &reason)
{
    const Result<AgentVersion> target = m_versions.version(agentId, toVersion);
    if (!target) {
        return target.error();
    }
    return change(agentId, baseVersion, target->spec, actor, reason);
}

Result<AgentVersion> AgentService::saveVersion(NodeId agentId, int baseVersion, const QString &spec,
                                               const QString &actor, const QString &reason)
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<CheckedChange> checked = checkChange(agentId, baseVersion, spec, reason);
    if (!checked) {
        return checked.error();
    }
    if (checked->agent.criticality == Criticality::Critical) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate(
                         "steward::AgentService",
                         "%1 is critical: a change to it is a proposal until a second person approves it.")
                         .arg(checked->node.path)};
    }
    Result<AgentVersion> saved = insertVersion(agentId, baseVersion + 1, checked.value(), actor, reason, QString());
    if (!saved) {
        return saved;
    }
    if (const Status audited =
            m_org.recordAudit(actor, QStringLiteral("version.save"), checked->node.path,
                              {{QStringLiteral("id"), agentId},
                               {QStringLiteral("version"), saved->number},
                               {QStringLiteral("contentHash"), QString::fromLatin1(saved->contentHash)}},
                              reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = commitChange(transaction, {streamItem(StreamItemType::Agent, agentId, saved->number)});
        !committed) {
        return committed.error();
    }
    return saved;
}

Result<VersionProposal> AgentService::proposeVersion(NodeId agentId, int baseVersion, const QString &spec,
                                                     const QString &actor, const QString &reason)
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<CheckedChange> checked = checkChange(agentId, baseVersion, spec, reason);
    if (!checked) {
        return checked.error();
    }
    VersionProposal proposal;
    proposal.agentId = agentId;
    proposal.baseVersion = baseVersion;
    proposal.spec = checked->canonical;
    proposal.author = actor;
    proposal.createdAt = m_clock.now();
    proposal.reason = reason.trimmed();
    const Result<ProposalId> id = m_proposals.insert(proposal);
    if (!id) {
        return id.error();
    }
    proposal.id = id.value();
    if (const Status audited = m_org.recordAudit(actor, QStringLiteral("version.propose"), checked->node.path,
                                                 {{QStringLiteral("id"), agentId},
                                                  {QStringLiteral("proposal"), proposal.id},
                                                  {QStringLiteral("baseVersion"), baseVersion},
                                                  {QStringLiteral("contentHash"), hashOf(proposal.spec)}},
                                                 reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed =
            commitChange(transaction, {streamItem(StreamItemType::Proposal, agentId, proposal.id)});
        !committed) {
        return committed.error();
    }
    return proposal;
}

Result<VersionProposal> AgentService::pendingProposal(ProposalId id) const
{
    Result<VersionProposal> proposal = m_proposals.proposal(id);
    if (proposal && proposal->state != VersionProposal::State::Pending) {
        return Error{
            Error::Code::Conflict,
            QCoreApplication::translate("steward::AgentService", "Proposal %1 has already been decided.").arg(id)};
    }
    return proposal;
}

Result<AgentVersion> AgentService::approveProposal(ProposalId id, const QString &approver, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<VersionProposal> proposal = pendingProposal(id);
    if (!proposal) {
        return proposal.error();
    }
    if (proposal->author == approver) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate(
                         "steward::AgentService",
                         "A change to a critical agent needs a second person: %1 proposed it and cannot approve it.")
                         .arg(approver)};
    }
    // The proposal's own reason is the change's reason; the approver's is kept in the audit log.
    const Result<CheckedChange> checked =
        checkChange(proposal->agentId, proposal->baseVersion, proposal->spec, proposal->reason);
    if (!checked) {
        return checked.error();
    }
    Result<AgentVersion> saved = insertVersion(proposal->agentId, proposal->baseVersion + 1, checked.value(),
                                               proposal->author, proposal->reason, approver);
    if (!saved) {
        return saved;
    }
    VersionProposal decided = proposal.value();
    decided.state = VersionProposal::State::Approved;
    decided.decidedBy = approver;
    decided.decidedAt = m_clock.now();
    decided.decisionReason = reason.trimmed();
    decided.resultingVersion = saved->number;
    if (const Status recorded = m_proposals.recordDecision(decided); !recorded) {
        return recorded.error();
    }
    if (const Status audited =
            m_org.recordAudit(approver, QStringLiteral("version.approve"), checked->node.path,
                              {{QStringLiteral("id"), proposal->agentId},
                               {QStringLiteral("proposal"), id},
                               {QStringLiteral("author"), proposal->author},
                               {QStringLiteral("version"), saved->number},
                               {QStringLiteral("contentHash"), QString::fromLatin1(saved->contentHash)}},
                              reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed = commitChange(transaction,
                                              {streamItem(StreamItemType::Agent, proposal->agentId, saved->number),
                                               streamItem(StreamItemType::Proposal, proposal->agentId, id)});
        !committed) {
        return committed.error();
    }
    return saved;
}

Result<VersionProposal> AgentService::rejectProposal(ProposalId id, const QString &reviewer, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<VersionProposal> proposal = pendingProposal(id);
    if (!proposal) {
        return proposal.error();
    }
    const Result<OrgNode> node = m_org.tree().node(proposal->agentId);
    if (!node) {
        return node.error();
    }
    VersionProposal decided = proposal.value();
    decided.state = VersionProposal::State::Rejected;
    decided.decidedBy = reviewer;
    decided.decidedAt = m_clock.now();
    decided.decisionReason = reason.trimmed();
    if (const Status recorded = m_proposals.recordDecision(decided); !recorded) {
        return recorded.error();
    }
    if (const Status audited = m_org.recordAudit(reviewer, QStringLiteral("version.reject"), node->path,
                                                 {{QStringLiteral("id"), proposal->agentId},
                                                  {QStringLiteral("proposal"), id},
                                                  {QStringLiteral("author"), proposal->author}},
                                                 reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed =
            commitChange(transaction, {streamItem(StreamItemType::Proposal, proposal->agentId, id)});
        !committed) {
        return committed.error();
    }
    return decided;
}

Result<Agent> AgentService::setStatus(NodeId agentId, AgentStatus status, const QString &actor, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    if (status == AgentStatus::Retired) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::AgentService",
                                                 "An agent is paused or resumed here; it cannot be retired this way.")};
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    Result<Agent> agent = m_org.tree().agent(agentId);
    if (!agent) {
        return agent.error();
    }
    const Result<OrgNode> node = m_org.tree().node(agentId);
    if (!node) {
        return node.error();
    }
    if (node->isArchived()) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::AgentService", "%1 is archived and cannot change.").arg(node->path)};
    }
    if (agent->status == AgentStatus::Retired) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::AgentService", "%1 is retired; it stays retired.").arg(node->path)};
    }
    if (agent->status == status) {
        return Error{
            Error::Code::Invalid,
            status == AgentStatus::Paused
                ? QCoreApplication::translate("steward::AgentService", "%1 is already paused.").arg(node->path)
                : QCoreApplication::translate("steward::AgentService", "%1 is already active.").arg(node->path)};
    }
    if (const Status stored = m_org.tree().setStatus(agentId, status); !stored) {
        return stored.error();
    }
    const QString action =
        status == AgentStatus::Paused ? QStringLiteral("agent.pause") : QStringLiteral("agent.resume");
    if (const Status audited = m_org.recordAudit(actor, action, node->path,
                                                 {{QStringLiteral("id"), agentId},
                                                  {QStringLiteral("from"), toText(agent->status)},
                                                  {QStringLiteral("to"), toText(status)}},
                                                 reason);
        !audited) {
        return audited.error();
    }
    if (const Status committed =
            commitChange(transaction, {streamItem(StreamItemType::Agent, agentId, agent->headVersion)});
        !committed) {
        return committed.error();
    }
    Agent changed = std::move(agent).value();
    changed.status = status;
    return changed;
}

} // namespace steward
