// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"
#include "domain/principal.h"
#include "domain/result.h"
#include "storage/approvalpolicyrepository.h"
#include "storage/approvalrepository.h"
#include "storage/principalrepository.h"
#include "storage/streamrepository.h"

#include <QList>

namespace steward {

class Clock;
class OrgService;
class Store;
class Transaction;
class VisibilityFilter;

// The rules of the approval inbox:
// - an agent submits a proposal (what it wants to send or do, rendered for a human, and the
//   action to perform once approved); it is pending, durable, and carries a snapshot of the
//   policy in force, so a later policy change never rewrites the rules of a waiting item;
// - a policy is set on any node and holds for every agent below it until a node further down
//   sets its own (the nearest wins, as a whole); without one the default holds (one approval,
//   the owner of a critical agent excluded, no expiry, no escalation);
// - who may decide: a person holding a role that allows DecideApproval (reviewer, admin) on a
//   node that covers the agent and lies at or below the approval's reviewer node: the node its
//   policy is set on (after escalation that node's parent); without a policy anywhere above the
//   agent, every such person whose grant covers the agent. A store without any principals is a
//   single person's file: its user may decide everything the other rules allow;
// - approve, reject (reason required) or edit then approve (reason required; the edited payload
//   is what executes; the original, the diff, the editor and the reason are kept). Every
//   decision names the revision it saw, and an edit bumps the revision; a stale revision is a
//   Conflict. Approvals count at the current revision only, from distinct reviewers; quorum
//   approves, one rejection rejects;
// - sweep() expires (rejects, or approves when the policy says so) and escalates what is due.
// Every change is one write transaction (checks inside it) with an audit entry and a stream row,
// so two reviewers deciding at once end with exactly one outcome.
class ApprovalService final
{
public:
    ApprovalService(const Store &store, const Clock &clock, OrgService &org);

    // Who acts, with what the rules need to know of them.
    struct Reviewer
    {
        QString name;
        QList<Grant> grants;
        bool singleUser = false; // the store has no principals at all
    };
    [[nodiscard]] Result<Reviewer> reviewer(const QString &name) const;

    [[nodiscard]] Result<Approval> submit(const NewApproval &proposal, const QString &submitter);
    [[nodiscard]] Result<Approval> decide(ApprovalId id, const ApprovalDecisionRequest &decision,
                                          const QString &reviewer);
    // Expires and escalates every pending approval whose time has come; the ids changed.
    [[nodiscard]] Result<QList<ApprovalId>> sweep(const QDateTime &now);

    // `visibility`, when given, leaves out approvals on agents the caller may not see.
    [[nodiscard]] Result<ApprovalPage> list(const ApprovalFilter &filter, const QString &caller,
                                            const VisibilityFilter *visibility) const;
    [[nodiscard]] Result<ApprovalDetail> detail(ApprovalId id, const QString &caller) const;
    // Both counts only reach agents under the caller's own grants, which it sees: no
    // visibility filter is needed.
    [[nodiscard]] Result<ApprovalCounts> counts(const QString &caller) const;
    [[nodiscard]] Result<QList<ApprovalDecision>> agentDecisions(NodeId agentId, int limit) const;

    [[nodiscard]] Result<EffectivePolicy> effectivePolicy(NodeId nodeId) const;
    // Sets the node's own policy, or with nothing removes it (the node inherits again).
    [[nodiscard]] Result<EffectivePolicy> setPolicy(NodeId nodeId, const std::optional<ApprovalPolicy> &policy,
                                                    const QString &actor, const QString &reason);

    // Whether the reviewer may decide the approval now (ignoring earlier decisions); the
    // refusal says why.
    [[nodiscard]] Status mayDecide(const ApprovalRepository::Row &row, const Reviewer &reviewer) const;

    [[nodiscard]] const ApprovalRepository &approvals() const { return m_approvals; }

private:
    [[nodiscard]] Result<ApprovalRepository::Row> pendingRow(ApprovalId id) const;
    [[nodiscard]] Status record(Transaction &transaction, const Approval &approval, const QString &actor,
                                const QString &action, const QJsonObject &details, const QString &reason);
    [[nodiscard]] Result<bool> expireOrEscalate(ApprovalId id, const QDateTime &now);
    [[nodiscard]] static QStringList deciderPaths(const Reviewer &reviewer);

    const Store &m_store;
    const Clock &m_clock;
    OrgService &m_org;
    ApprovalRepository m_approvals;
    ApprovalPolicyRepository m_policies;
    PrincipalRepository m_principals;
    StreamRepository m_stream;
};

} // namespace steward
