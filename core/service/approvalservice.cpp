// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalservice.h"

#include "diff/textdiff.h"
#include "domain/clock.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/proposalrepository.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace steward {
namespace {

const QString approveVerdict = QStringLiteral("approve");
const QString rejectVerdict = QStringLiteral("reject");
const QString editVerdict = QStringLiteral("edit");

// The actor of what nobody decided: expiry and escalation by the clock.
const QString systemActor = QStringLiteral("steward");

constexpr int maxPageSize = 500;
constexpr qsizetype maxTitleLength = 200;

Error invalid(const QString &message)
{
    return Error{Error::Code::Invalid, message};
}

bool isBelowOrAt(const QString &path, const QString &top)
{
    return path == top || path.startsWith(top + QLatin1Char('/'));
}

Status checkAction(const QJsonObject &action)
{
    if (action.isEmpty()) {
        return Done{};
    }
    static const QSet<QString> known{QStringLiteral("type"), QStringLiteral("url"), QStringLiteral("secret")};
    for (auto it = action.begin(); it != action.end(); ++it) {
        if (!known.contains(it.key())) {
            return invalid(
                QCoreApplication::translate("steward::ApprovalService", "An action has no field %1.").arg(it.key()));
        }
    }
    if (action.value(QStringLiteral("type")).toString() != QLatin1String("webhook")) {
        return invalid(QCoreApplication::translate("steward::ApprovalService",
                                                   "The only action is a webhook: {\"type\": \"webhook\", \"url\": "
                                                   "\"https://...\", \"secret\": \"name\"}."));
    }
    const QUrl url(action.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return invalid(QCoreApplication::translate("steward::ApprovalService",
                                                   "A webhook needs an http or https URL with a host."));
    }
    if (action.contains(QStringLiteral("secret"))
        && (!action.value(QStringLiteral("secret")).isString()
            || action.value(QStringLiteral("secret")).toString().trimmed().isEmpty())) {
        return invalid(QCoreApplication::translate("steward::ApprovalService",
                                                   "A webhook's secret is the name of a configured secret."));
    }
    return Done{};
}

Status checkPayload(const QString &payload, const QString &format)
{
    if (payload.trimmed().isEmpty()) {
        return invalid(QCoreApplication::translate("steward::ApprovalService", "A proposal needs a payload."));
    }
    if (format == QLatin1String("json")) {
        QJsonParseError error;
        QJsonDocument::fromJson(payload.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            return invalid(QCoreApplication::translate("steward::ApprovalService",
                                                       "The payload is not valid JSON: %1 at offset %2.")
                               .arg(error.errorString())
                               .arg(error.offset));
        }
    } else if (format != QLatin1String("markdown") && format != QLatin1String("email")) {
        return invalid(
            QCoreApplication::translate("steward::ApprovalService", "A payload is markdown, email or json, not \"%1\".")
                .arg(format));
    }
    return Done{};
}

// The reviewers who approved the approval's current revision: an edit approves the revision it
// makes and sets aside the approvals of the revision before.
QSet<QString> approversOf(const Approval &approval, const QList<ApprovalDecision> &decisions)
{
    QSet<QString> approvers;
    for (const ApprovalDecision &decision : decisions) {
        if (decision.verdict == editVerdict) {
            approvers = {decision.reviewer};
        } else if (decision.verdict == approveVerdict && decision.revision == approval.revision) {
            approvers.insert(decision.reviewer);
        }
    }
    return approvers;
}

} // namespace

ApprovalService::ApprovalService(const Store &store, const Clock &clock, OrgService &org)
    : m_store(store)
    , m_clock(clock)
    , m_org(org)
    , m_approvals(store)
    , m_policies(store)
    , m_principals(store)
    , m_stream(store)
{
}

Result<ApprovalService::Reviewer> ApprovalService::reviewer(const QString &name) const
{
    Reviewer reviewer;
    reviewer.name = name;
    const Result<Principal> principal = m_principals.byName(name);
    if (principal) {
        Result<QList<Grant>> grants = m_principals.grantsOf(principal->id);
        if (!grants) {
            return grants.error();
        }
        reviewer.grants = std::move(grants).value();
        return reviewer;
    }
    if (principal.error().code != Error::Code::NotFound) {
        return principal.error();
    }
    const Result<QList<Principal>> everyone = m_principals.all();
    if (!everyone) {
        return everyone.error();
    }
    reviewer.singleUser = everyone->isEmpty();
    return reviewer;
}

QStringList ApprovalService::deciderPaths(const Reviewer &reviewer)
{
    QStringList paths;
    for (const Grant &grant : reviewer.grants) {
        if (Authorizer::roleAllows(grant.role, Action::DecideApproval)) {
            paths.append(grant.nodePath);
        }
    }
    return paths;
}

Status ApprovalService::mayDecide(const ApprovalRepository::Row &row, const Reviewer &reviewer) const
{
    const Approval &approval = row.approval;
    if (reviewer.name == approval.submittedBy) {
        return Error{
            Error::Code::Forbidden,
            QCoreApplication::translate("steward::ApprovalService", "%1 submitted approval %2 and cannot decide it.")
                .arg(reviewer.name)
                .arg(approval.id)};
    }
    const Result<ApprovalPolicy> policy = ApprovalPolicy::fromJson(approval.policy);
    const bool excludeOwner = policy ? policy->excludeOwnerForCritical : true;
    if (excludeOwner && row.criticality == Criticality::Critical && reviewer.name == row.owner) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate("steward::ApprovalService",
                                                 "%1 owns the critical agent %2 and may not approve its outputs; "
                                                 "another reviewer must decide.")
                         .arg(reviewer.name, approval.agentPath)};
    }
    if (reviewer.singleUser) {
        return Done{};
    }
    // Without a reviewer node every reviewer covering the agent may decide.
    QString top;
    if (approval.reviewerNodeId != NoNode) {
        const Result<OrgNode> reviewerNode = m_org.tree().node(approval.reviewerNodeId);
        if (!reviewerNode) {
            return reviewerNode.error();
        }
        top = reviewerNode->path;
    }
    const QStringList paths = deciderPaths(reviewer);
    const bool eligible = std::any_of(paths.cbegin(), paths.cend(), [&](const QString &path) {
        return isBelowOrAt(approval.agentPath, path) && (top.isEmpty() || isBelowOrAt(path, top));
    });
    if (!eligible) {
        return Error{Error::Code::Forbidden,
                     top.isEmpty() ? QCoreApplication::translate("steward::ApprovalService",
                                                                 "%1 may not decide approvals of %2: that takes a "
                                                                 "reviewer granted on it or above it.")
                                         .arg(reviewer.name, approval.agentPath)
                                   : QCoreApplication::translate("steward::ApprovalService",
                                                                 "%1 may not decide approvals of %2: that takes a "
                                                                 "reviewer granted on %3 or below it.")
                                         .arg(reviewer.name, approval.agentPath, top)};
    }
    return Done{};
}

Status ApprovalService::record(Transaction &transaction, const Approval &approval, const QString &actor,
                               const QString &action, const QJsonObject &details, const QString &reason)
{
    QJsonObject audited = details;
    audited.insert(QStringLiteral("approval"), approval.id);
    audited.insert(QStringLiteral("state"), toText(approval.state));
    audited.insert(QStringLiteral("revision"), approval.revision);
    // An approval needs no reason; the audit log keeps an empty one rather than none.
    const QString given = reason.isNull() ? QStringLiteral("") : reason;
    if (const Status done = m_org.recordAudit(actor, action, approval.agentPath, audited, given); !done) {
        return done;
    }
    const StreamItem item{0, m_clock.now(), StreamItemType::Approval, approval.agentId, approval.id};
    if (const Result<qint64> streamed = m_stream.append({item}); !streamed) {
        return streamed.error();
    }
    return transaction.commit();
}

Result<Approval> ApprovalService::submit(const NewApproval &proposal, const QString &submitter)
{
    const QString title = proposal.title.trimmed();
    if (title.isEmpty() || title.size() > maxTitleLength) {
        return invalid(
            QCoreApplication::translate("steward::ApprovalService", "A proposal needs a title of 1 to %1 characters.")
                .arg(maxTitleLength));
    }
    if (const Status payload = checkPayload(proposal.payload, proposal.payloadFormat); !payload) {
        return payload.error();
    }
    if (const Status action = checkAction(proposal.action); !action) {
        return action.error();
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> node = m_org.tree().node(proposal.agentId);
    if (!node) {
        return node.error();
    }
    const Result<Agent> agent = m_org.tree().agent(proposal.agentId);
    if (node->kind != NodeKind::Agent || !agent) {
        return invalid(QCoreApplication::translate("steward::ApprovalService", "%1 is not an agent.").arg(node->path));
    }
    if (node->isArchived()) {
        return invalid(
            QCoreApplication::translate("steward::ApprovalService", "%1 is archived and cannot submit proposals.")
                .arg(node->path));
    }
    if (proposal.version < 0 || proposal.version > agent->headVersion) {
        return invalid(QCoreApplication::translate("steward::ApprovalService", "%1 has no version %2.")
                           .arg(node->path)
                           .arg(proposal.version));
    }
    if (proposal.runId != 0) {
        const Result<Run> run = ActivityRepository(m_store).run(proposal.runId);
        if (!run || run->agentId != proposal.agentId) {
            return invalid(QCoreApplication::translate("steward::ApprovalService", "%1 has no run %2.")
                               .arg(node->path)
                               .arg(proposal.runId));
        }
    }
    const Result<EffectivePolicy> policy = effectivePolicy(proposal.agentId);
    if (!policy) {
        return policy.error();
    }
    const QDateTime now = m_clock.now();
    Approval approval;
    approval.agentId = proposal.agentId;
    approval.runId = proposal.runId;
    approval.version = proposal.version == 0 ? agent->headVersion : proposal.version;
    approval.title = title;
    approval.payload = proposal.payload;
    approval.payloadFormat = proposal.payloadFormat;
    approval.action = proposal.action;
    approval.policy = policy->policy.toJson();
    approval.createdAt = now;
    if (policy->policy.expirySeconds > 0) {
        approval.expiresAt = now.addSecs(policy->policy.expirySeconds);
    }
    if (policy->policy.escalateAfterSeconds > 0) {
        approval.escalateAt = now.addSecs(policy->policy.escalateAfterSeconds);
    }
    approval.submittedBy = submitter;
    approval.originalPayload = proposal.payload;
    // The reviewers of the subtree the policy is set on decide; without a policy, every reviewer
    // whose grant covers the agent.
    approval.reviewerNodeId = policy->definedAt;
    approval.agentPath = node->path;
    const Result<ApprovalId> id = m_approvals.insert(approval);
    if (!id) {
        return id.error();
    }
    approval.id = id.value();
    if (const Status done = record(transaction, approval, submitter, QStringLiteral("approval.submit"),
                                   {{QStringLiteral("title"), title},
                                    {QStringLiteral("version"), approval.version},
                                    {QStringLiteral("run"), approval.runId}},
                                   title);
        !done) {
        return done.error();
    }
    return approval;
}

Result<ApprovalRepository::Row> ApprovalService::pendingRow(ApprovalId id) const
{
    Result<ApprovalRepository::Row> row = m_approvals.row(id);
    if (row && row->approval.state != ApprovalState::Pending) {
        return Error{
            Error::Code::Conflict,
            QCoreApplication::translate("steward::ApprovalService", "Approval %1 has already been decided: it is %2.")
                .arg(id)
                .arg(toText(row->approval.state))};
    }
    return row;
}

Result<Approval> ApprovalService::decide(ApprovalId id, const ApprovalDecisionRequest &decision,
                                         const QString &reviewerName)
{
    const QString verdict = decision.verdict;
    if (verdict != approveVerdict && verdict != rejectVerdict && verdict != editVerdict) {
        return invalid(QCoreApplication::translate("steward::ApprovalService",
                                                   "A decision is approve, reject or edit, not \"%1\".")
                           .arg(verdict));
    }
    const QString reason = decision.reason.trimmed();
    if (verdict != approveVerdict && reason.isEmpty()) {
        return invalid(
            QCoreApplication::translate("steward::ApprovalService", "Say why: a rejection or an edit needs a reason."));
    }
    const Result<Reviewer> reviewer = this->reviewer(reviewerName);
    if (!reviewer) {
        return reviewer.error();
    }
    // Everything is checked inside the write transaction: a second reviewer deciding at the
    // same moment waits for it and then finds the approval decided or its revision gone.
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<ApprovalRepository::Row> row = pendingRow(id);
    if (!row) {
        return row.error();
    }
    Approval approval = row->approval;
    if (decision.revision != approval.revision) {
        return Error{Error::Code::Conflict,
                     QCoreApplication::translate("steward::ApprovalService",
                                                 "Approval %1 has changed since you read it: you decided on revision "
                                                 "%2, but it is now at revision %3. Read it again and decide anew.")
                         .arg(id)
                         .arg(decision.revision)
                         .arg(approval.revision)};
    }
    if (const Status allowed = mayDecide(row.value(), reviewer.value()); !allowed) {
        return allowed.error();
    }
    const Result<QList<ApprovalDecision>> earlier = m_approvals.decisions(id);
    if (!earlier) {
        return earlier.error();
    }
    if (verdict == approveVerdict && approversOf(approval, earlier.value()).contains(reviewerName)) {
        return Error{Error::Code::Conflict,
                     QCoreApplication::translate("steward::ApprovalService",
                                                 "%1 has already approved revision %2 of approval %3; it waits for "
                                                 "other reviewers.")
                         .arg(reviewerName)
                         .arg(approval.revision)
                         .arg(id)};
    }
    const QDateTime now = m_clock.now();
    ApprovalDecision recorded;
    recorded.approvalId = id;
    recorded.reviewer = reviewerName;
    recorded.decidedAt = now;
    recorded.verdict = verdict;
    recorded.comment = reason;
    recorded.revision = approval.revision;
    QJsonObject details;
    if (verdict == editVerdict) {
        if (const Status payload = checkPayload(decision.editedPayload, approval.payloadFormat); !payload) {
            return payload.error();
        }
        if (decision.editedPayload == approval.payload) {
            return invalid(QCoreApplication::translate("steward::ApprovalService",
                                                       "The edited payload is the same as the proposed one; approve "
                                                       "it instead."));
        }
        recorded.editedPayload = decision.editedPayload;
        recorded.editDiff = TextDiff::compare(approval.payload, decision.editedPayload)
                                .unified(QStringLiteral("revision %1").arg(approval.revision),
                                         QStringLiteral("revision %1").arg(approval.revision + 1));
        approval.payload = decision.editedPayload;
        approval.revision += 1;
        details.insert(QStringLiteral("editedFrom"), recorded.revision);
    }
    if (const Status inserted = m_approvals.insertDecision(recorded); !inserted) {
        return inserted.error();
    }
    QList<ApprovalDecision> all = earlier.value();
    all.append(recorded);
    const Result<ApprovalPolicy> policy = ApprovalPolicy::fromJson(approval.policy);
    const int quorum = policy ? policy->quorum : 1;
    if (verdict == rejectVerdict) {
        approval.state = ApprovalState::Rejected;
        approval.decidedAt = now;
    } else if (approversOf(approval, all).size() >= quorum) {
        approval.state = ApprovalState::Approved;
        approval.approvedPayload = approval.payload;
        approval.decidedAt = now;
    }
    if (const Status updated = m_approvals.update(approval); !updated) {
        return updated.error();
    }
    if (const Status done =
            record(transaction, approval, reviewerName, QStringLiteral("approval.") + verdict, details, reason);
        !done) {
        return done.error();
    }
    return approval;
}

Result<bool> ApprovalService::expireOrEscalate(ApprovalId id, const QDateTime &now)
{
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<ApprovalRepository::Row> row = m_approvals.row(id);
    if (!row) {
        return row.error();
    }
    Approval approval = row->approval;
    if (approval.state != ApprovalState::Pending) {
        return false; // decided since the sweep looked
    }
    const Result<ApprovalPolicy> policy = ApprovalPolicy::fromJson(approval.policy);
    if (approval.expiresAt.isValid() && approval.expiresAt <= now) {
        const bool approve = policy && policy->approveOnExpiry;
        approval.state = approve ? ApprovalState::Approved : ApprovalState::Expired;
        approval.approvedPayload = approve ? approval.payload : QString();
        approval.decidedAt = now;
        if (const Status updated = m_approvals.update(approval); !updated) {
            return updated.error();
        }
        const QString reason = approve
            ? QCoreApplication::translate("steward::ApprovalService",
                                          "Nobody decided in time, and the policy approves on expiry.")
            : QCoreApplication::translate("steward::ApprovalService", "Nobody decided in time; expiry rejects it.");
        if (const Status done =
                record(transaction, approval, systemActor, QStringLiteral("approval.expire"), {}, reason);
            !done) {
            return done.error();
        }
        return true;
    }
    if (approval.escalateAt.isValid() && !approval.escalatedAt.isValid() && approval.escalateAt <= now) {
        // One level up: the parent's reviewers may decide too. Without a reviewer node every
        // reviewer covering the agent may decide already, and only the time is recorded.
        QJsonObject details;
        QString reason = QCoreApplication::translate(
            "steward::ApprovalService", "Nobody decided in time; every reviewer of the agent may already decide it.");
        if (approval.reviewerNodeId != NoNode) {
            const Result<OrgNode> from = m_org.tree().node(approval.reviewerNodeId);
            if (!from) {
                return from.error();
            }
            const Result<OrgNode> to = from->parentId == NoNode ? from : m_org.tree().node(from->parentId);
            if (!to) {
                return to.error();
            }
            approval.reviewerNodeId = to->id;
            details = {{QStringLiteral("from"), from->path}, {QStringLiteral("to"), to->path}};
            reason = QCoreApplication::translate("steward::ApprovalService",
                                                 "Nobody decided in time; the reviewers of %1 may decide it too.")
                         .arg(to->path);
        }
        approval.escalatedAt = now;
        if (const Status updated = m_approvals.update(approval); !updated) {
            return updated.error();
        }
        if (const Status done =
                record(transaction, approval, systemActor, QStringLiteral("approval.escalate"), details, reason);
            !done) {
            return done.error();
        }
        return true;
    }
    return false;
}

Result<QList<ApprovalId>> ApprovalService::sweep(const QDateTime &now)
{
    const Result<QList<ApprovalId>> due = m_approvals.due(now);
    if (!due) {
        return due.error();
    }
    QList<ApprovalId> changed;
    for (const ApprovalId id : due.value()) {
        const Result<bool> done = expireOrEscalate(id, now);
        if (!done) {
            return done.error();
        }
        if (done.value()) {
            changed.append(id);
        }
    }
    return changed;
}

Result<ApprovalPage> ApprovalService::list(const ApprovalFilter &filter, const QString &caller,
                                           const VisibilityFilter *visibility) const
{
    ApprovalRepository::Query query;
    query.state = filter.state;
    query.agentId = filter.agentId;
    query.createdBefore = filter.createdBefore;
    query.createdAfter = filter.createdAfter;
    query.expiresBefore = filter.expiresBefore;
    query.beforeId = filter.beforeId;
    query.limit = std::clamp(filter.limit, 1, maxPageSize);
    QString subtreePath;
    if (filter.subtreeId != NoNode) {
        const Result<OrgNode> subtree = m_org.tree().node(filter.subtreeId);
        if (!subtree) {
            return subtree.error();
        }
        subtreePath = subtree->path;
        query.subtreePath = subtreePath;
    }
    std::optional<Reviewer> reviewer;
    if (filter.mine) {
        Result<Reviewer> found = this->reviewer(caller);
        if (!found) {
            return found.error();
        }
        reviewer = std::move(found).value();
        query.state = ApprovalState::Pending;
        query.decider = caller;
        if (!reviewer->singleUser) {
            query.deciderPaths = deciderPaths(*reviewer);
        }
    }
    const Result<QList<ApprovalRepository::Row>> rows = m_approvals.list(query);
    if (!rows) {
        return rows.error();
    }
    ApprovalPage page;
    for (const ApprovalRepository::Row &row : rows.value()) {
        if (!visibility || visibility->canSee(NodeKind::Agent, row.approval.agentPath, row.visibility)) {
            page.items.append(row.approval);
        }
    }
    if (rows->size() == query.limit) {
        page.nextBeforeId = rows->constLast().approval.id;
    }
    const bool admitsPending = !filter.state || *filter.state == ApprovalState::Pending;
    if (filter.beforeId == 0 && admitsPending) {
        const Result<QList<VersionProposal>> proposals = ProposalRepository(m_store).pending(filter.agentId);
        if (!proposals) {
            return proposals.error();
        }
        for (const VersionProposal &proposal : proposals.value()) {
            const Result<OrgNode> node = m_org.tree().node(proposal.agentId);
            const Result<Agent> agent = m_org.tree().agent(proposal.agentId);
            if (!node || !agent || (!subtreePath.isEmpty() && !isBelowOrAt(node->path, subtreePath))
                || (visibility && !visibility->canSee(NodeKind::Agent, node->path, agent->visibility))) {
                continue;
            }
            if (reviewer
                && (proposal.author == caller
                    || (!reviewer->singleUser
                        && std::none_of(reviewer->grants.cbegin(), reviewer->grants.cend(), [&](const Grant &g) {
                               return Authorizer::roleAllows(g.role, Action::DecideProposal) && g.covers(node->path);
                           })))) {
                continue;
            }
            page.proposals.append(proposal);
        }
    }
    return page;
}

Result<ApprovalDetail> ApprovalService::detail(ApprovalId id, const QString &caller) const
{
    const Result<ApprovalRepository::Row> row = m_approvals.row(id);
    if (!row) {
        return row.error();
    }
    Result<QList<ApprovalDecision>> decisions = m_approvals.decisions(id);
    if (!decisions) {
        return decisions.error();
    }
    ApprovalDetail detail;
    detail.approval = row->approval;
    detail.decisions = std::move(decisions).value();
    if (detail.approval.state == ApprovalState::Pending) {
        const Result<Reviewer> reviewer = this->reviewer(caller);
        detail.mayDecide = reviewer && mayDecide(row.value(), reviewer.value())
            && !approversOf(detail.approval, detail.decisions).contains(caller);
    }
    return detail;
}

Result<ApprovalCounts> ApprovalService::counts(const QString &caller) const
{
    const Result<Reviewer> reviewer = this->reviewer(caller);
    if (!reviewer) {
        return reviewer.error();
    }
    ApprovalRepository::Query mine;
    mine.state = ApprovalState::Pending;
    mine.decider = caller;
    if (!reviewer->singleUser) {
        mine.deciderPaths = deciderPaths(reviewer.value());
    }
    const Result<qint64> forMe = m_approvals.count(mine);
    if (!forMe) {
        return forMe.error();
    }
    ApprovalRepository::Query teams;
    teams.state = ApprovalState::Pending;
    if (!reviewer->singleUser) {
        QStringList paths;
        for (const Grant &grant : reviewer->grants) {
            paths.append(grant.nodePath);
        }
        teams.anySubtree = paths;
    }
    const Result<qint64> forTeams = m_approvals.count(teams);
    if (!forTeams) {
        return forTeams.error();
    }
    return ApprovalCounts{forMe.value(), forTeams.value()};
}

Result<QList<ApprovalDecision>> ApprovalService::agentDecisions(NodeId agentId, int limit) const
{
    return m_approvals.decisionsForAgent(agentId, std::clamp(limit, 1, maxPageSize));
}

Result<EffectivePolicy> ApprovalService::effectivePolicy(NodeId nodeId) const
{
    const Result<OrgNode> node = m_org.tree().node(nodeId);
    if (!node) {
        return node.error();
    }
    const Result<std::optional<ApprovalPolicyRepository::Stored>> stored = m_policies.nearest(node->path);
    if (!stored) {
        return stored.error();
    }
    EffectivePolicy effective;
    if (stored->has_value()) {
        effective.policy = stored->value().policy;
        effective.definedAt = stored->value().nodeId;
        effective.definedAtPath = stored->value().nodePath;
        effective.ownPolicy = effective.definedAt == nodeId;
    }
    return effective;
}

Result<EffectivePolicy> ApprovalService::setPolicy(NodeId nodeId, const std::optional<ApprovalPolicy> &policy,
                                                   const QString &actor, const QString &reason)
{
    if (const Status given = OrgService::requireReason(reason); !given) {
        return given.error();
    }
    if (policy) {
        // The same rules as a policy read from JSON.
        if (const Result<ApprovalPolicy> checked = ApprovalPolicy::fromJson(policy->toJson()); !checked) {
            return checked.error();
        }
    }
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    const Result<OrgNode> node = m_org.tree().node(nodeId);
    if (!node) {
        return node.error();
    }
    if (node->isArchived()) {
        return invalid(QCoreApplication::translate("steward::ApprovalService", "%1 is archived and cannot change.")
                           .arg(node->path));
    }
    const Result<EffectivePolicy> before = effectivePolicy(nodeId);
    if (!before) {
        return before.error();
    }
    QJsonObject details{{QStringLiteral("id"), nodeId},
                        {QStringLiteral("previous"), before->policy.toJson()},
                        {QStringLiteral("previousFrom"), before->definedAtPath}};
    QString action;
    if (policy) {
        if (const Status saved = m_policies.set(nodeId, *policy, m_clock.now(), actor); !saved) {
            return saved.error();
        }
        details.insert(QStringLiteral("policy"), policy->toJson());
        action = QStringLiteral("approval_policy.set");
    } else {
        const Result<bool> removed = m_policies.remove(nodeId);
        if (!removed) {
            return removed.error();
        }
        if (!removed.value()) {
            return invalid(
                QCoreApplication::translate("steward::ApprovalService", "%1 has no policy of its own to remove.")
                    .arg(node->path));
        }
        action = QStringLiteral("approval_policy.clear");
    }
    if (const Status audited = m_org.recordAudit(actor, action, node->path, details, reason); !audited) {
        return audited.error();
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return effectivePolicy(nodeId);
}

} // namespace steward
