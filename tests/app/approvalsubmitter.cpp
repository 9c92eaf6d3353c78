// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalsubmitter.h"

namespace steward {

ApprovalSubmitter::ApprovalSubmitter(const QString &path)
{
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store) {
        return;
    }
    m_store = std::move(store).value();
    m_org = std::make_unique<OrgService>(*m_store, m_clock);
    m_approvals = std::make_unique<ApprovalService>(*m_store, m_clock, *m_org);
}

ApprovalId ApprovalSubmitter::submit(NodeId agentId, const QString &title, const QString &payload,
                                     const QString &format, const QString &submitter)
{
    NewApproval proposal;
    proposal.agentId = agentId;
    proposal.title = title;
    proposal.payload = payload;
    proposal.payloadFormat = format;
    proposal.action = {{QStringLiteral("type"), QStringLiteral("webhook")},
                       {QStringLiteral("url"), QStringLiteral("https://example.test/hook")}};
    const Result<Approval> submitted = m_approvals->submit(proposal, submitter);
    return submitted ? submitted->id : 0;
}

NodeId ApprovalSubmitter::idOf(const QString &path) const
{
    const Result<OrgNode> node = m_org->tree().nodeByPath(path);
    return node ? node->id : NoNode;
}

} // namespace steward
