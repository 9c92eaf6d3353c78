// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "proposalrepository.h"

#include "storage/store.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace steward {
namespace {

const QString columns =
    QStringLiteral("id, agent_id, base_version, spec, author, created_at, reason, state, decided_by, "
                   "decided_at, decision_reason, resulting_version");

VersionProposal::State stateFrom(const QString &text)
{
    if (text == QLatin1String("approved")) {
        return VersionProposal::State::Approved;
    }
    if (text == QLatin1String("rejected")) {
        return VersionProposal::State::Rejected;
    }
    return VersionProposal::State::Pending;
}

Result<QList<VersionProposal>> proposalsFrom(QSqlQuery &query)
{
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ProposalRepository", "reading proposals"));
    }
    QList<VersionProposal> proposals;
    while (query.next()) {
        VersionProposal p;
        p.id = query.value(0).toLongLong();
        p.agentId = query.value(1).toLongLong();
        p.baseVersion = query.value(2).toInt();
        p.spec = query.value(3).toString();
        p.author = query.value(4).toString();
        p.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        p.reason = query.value(6).toString();
        p.state = stateFrom(query.value(7).toString());
        p.decidedBy = query.value(8).toString();
        if (!query.value(9).isNull()) {
            p.decidedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
        }
        p.decisionReason = query.value(10).toString();
        p.resultingVersion = query.value(11).toInt();
        proposals.append(p);
    }
    return proposals;
}

} // namespace

QString ProposalRepository::stateText(VersionProposal::State state)
{
    switch (state) {
    case VersionProposal::State::Pending: return QStringLiteral("pending");
    case VersionProposal::State::Approved: return QStringLiteral("approved");
    case VersionProposal::State::Rejected: return QStringLiteral("rejected");
    }
    return QStringLiteral("pending");
}

Result<ProposalId> ProposalRepository::insert(const VersionProposal &proposal)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("INSERT INTO version_proposals(agent_id, base_version, spec, author, created_at, reason, "
                       "state) VALUES (?, ?, ?, ?, ?, ?, 'pending') RETURNING id"));
    query.addBindValue(proposal.agentId);
    query.addBindValue(proposal.baseVersion);
    query.addBindValue(proposal.spec);
    query.addBindValue(proposal.author);
    query.addBindValue(proposal.createdAt.toMSecsSinceEpoch());
    query.addBindValue(proposal.reason);
    if (!query.exec() || !query.next()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ProposalRepository", "recording a proposal"));
    }
    return query.value(0).toLongLong();
}

Result<VersionProposal> ProposalRepository::proposal(ProposalId id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM version_proposals WHERE id = ?"));
    query.addBindValue(id);
    Result<QList<VersionProposal>> found = proposalsFrom(query);
    if (!found) {
        return found.error();
    }
    if (found->isEmpty()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::ProposalRepository", "There is no proposal %1.").arg(id)};
    }
    return found->first();
}

Result<QList<VersionProposal>> ProposalRepository::pending(NodeId agentId) const
{
    QSqlQuery query(m_store.database());
    if (agentId == NoNode) {
        query.prepare(QStringLiteral("SELECT ") + columns
                      + QStringLiteral(" FROM version_proposals WHERE state = 'pending' ORDER BY created_at, id"));
    } else {
        query.prepare(QStringLiteral("SELECT ") + columns
                      + QStringLiteral(" FROM version_proposals WHERE agent_id = ? AND state = 'pending' "
                                       "ORDER BY created_at, id"));
        query.addBindValue(agentId);
    }
    return proposalsFrom(query);
}

Status ProposalRepository::recordDecision(const VersionProposal &decided)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE version_proposals SET state = ?, decided_by = ?, decided_at = ?, "
                                 "decision_reason = ?, resulting_version = ? WHERE id = ? AND state = 'pending'"));
    query.addBindValue(stateText(decided.state));
    query.addBindValue(decided.decidedBy);
    query.addBindValue(decided.decidedAt.toMSecsSinceEpoch());
    query.addBindValue(decided.decisionReason);
    query.addBindValue(decided.resultingVersion == 0 ? QVariant() : QVariant(decided.resultingVersion));
    query.addBindValue(decided.id);
    if (!query.exec()) {
        return Store::errorFrom(query.lastError(),
                                QCoreApplication::translate("steward::ProposalRepository", "recording a decision"));
    }
    if (query.numRowsAffected() != 1) {
        return Error{
            Error::Code::Conflict,
            QCoreApplication::translate("steward::ProposalRepository", "Proposal %1 was decided by someone else first.")
                .arg(decided.id)};
    }
    return Done{};
}

} // namespace steward
