// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentservices.h"

#include "tableprinter.h"
#include "timetext.h"

#include <QCoreApplication>

namespace steward {
AgentServices::AgentServices(std::unique_ptr<Store> store)
    : m_store(std::move(store)), m_org(*m_store, m_clock), m_agents(*m_store, m_clock, m_org)
{
}

QJsonObject AgentServices::toJson(const VersionProposal &proposal, const QString &agentPath)
{
    return {{QStringLiteral("id"), proposal.id},
            {QStringLiteral("agent"), agentPath},
            {QStringLiteral("baseVersion"), proposal.baseVersion},
            {QStringLiteral("author"), proposal.author},
            {QStringLiteral("createdAt"), TimeText::isoMs(proposal.createdAt)},
            {QStringLiteral("reason"), proposal.reason},
            {QStringLiteral("state"), ProposalRepository::stateText(proposal.state)}};
}

QString AgentServices::table(const QList<VersionProposal> &proposals, const QHash<NodeId, QString> &paths)
{
    const bool withAgent = !paths.isEmpty();
    QStringList headers{QCoreApplication::translate("steward::AgentServices", "PROPOSAL")};
    if (withAgent) {
        headers << QCoreApplication::translate("steward::AgentServices", "AGENT");
    }
    headers << QCoreApplication::translate("steward::AgentServices", "BASE")
            << QCoreApplication::translate("steward::AgentServices", "AUTHOR")
            << QCoreApplication::translate("steward::AgentServices", "TIME")
            << QCoreApplication::translate("steward::AgentServices", "REASON");
    TablePrinter table(headers);
    for (const VersionProposal &proposal : proposals) {
        QStringList row{QString::number(proposal.id)};
        if (withAgent) {
            row << paths.value(proposal.agentId);
        }
        row << QString::number(proposal.baseVersion) << proposal.author << TimeText::iso(proposal.createdAt)
            << proposal.reason.simplified();
        table.addRow(row);
    }
    return table.toString();
}

} // namespace steward
