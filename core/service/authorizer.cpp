// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizer.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <array>
#include <utility>

namespace steward {
namespace {

constexpr std::size_t ActionCount = 10;
static_assert(static_cast<std::size_t>(Action::ManageAccess) + 1 == ActionCount);

constexpr std::array<std::pair<Action, const char *>, ActionCount> actionSpellings{{
    {Action::SeeNode, "see_node"},
    {Action::EditTree, "edit_tree"},
    {Action::EditSpec, "edit_spec"},
    {Action::DecideProposal, "decide_proposal"},
    {Action::ReadAudit, "read_audit"},
    {Action::ExportBundle, "export_bundle"},
    {Action::IngestActivity, "ingest_activity"},
    {Action::SubmitApproval, "submit_approval"},
    {Action::DecideApproval, "decide_approval"},
    {Action::ManageAccess, "manage_access"},
}};

constexpr bool yes = true;
constexpr bool no = false;

// What each role allows on the node it is granted on and everything below it. The columns are
// the actions in the order Action declares them.
//
// - Admin may do everything people do, and may also ingest activity: importers and benchmarks
//   replay history with an admin token, and their events are as trustworthy as the admin who
//   runs them. Admin may not submit approvals: a proposed output is an agent's own request,
//   and a person filing one in an agent's name would make the approval trail lie about who asked.
// - The agent role is held only by agent identities, only on their own agent (AccessService
//   refuses any other grant), so it allows its actions on that agent alone.
// - Every role allows SeeNode where it is granted; who sees what beyond that is the
//   VisibilityFilter's business.
// clang-format off
constexpr std::array<std::pair<Role, std::array<bool, ActionCount>>, 5> roleMatrix{{
    //               see   edit  edit  decide    read   export ingest  submit   decide    manage
    //               node  tree  spec  proposal  audit  bundle activity approval approval access
    {Role::Admin,    {yes, yes,  yes,  yes,      yes,   yes,   yes,    no,      yes,      yes}},
    {Role::Editor,   {yes, yes,  yes,  no,       no,    no,    no,     no,      no,       no }},
    {Role::Reviewer, {yes, no,   no,   yes,      no,    no,    no,     no,      yes,      no }},
    {Role::Auditor,  {yes, no,   no,   no,       yes,   yes,   no,     no,      no,       no }},
    {Role::Agent,    {yes, no,   no,   no,       no,    no,    yes,    yes,     no,       no }},
}};
// clang-format on

QString parentPath(const QString &path)
{
    return path.left(path.lastIndexOf(QLatin1Char('/')));
}

// The refusal names who, what and where, and which roles would do, so that the person refused
// knows whom to ask for what.
QString refusal(const Principal &principal, Action action, const OrgNode &node)
{
    QString sentence;
    switch (action) {
    case Action::SeeNode: sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not see %2."); break;
    case Action::EditTree:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not edit the tree at %2.");
        break;
    case Action::EditSpec:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not change agent specs at %2.");
        break;
    case Action::DecideProposal:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not decide proposed changes at %2.");
        break;
    case Action::ReadAudit:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not read the audit log of %2.");
        break;
    case Action::ExportBundle:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not export an audit bundle of %2.");
        break;
    case Action::IngestActivity:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not report activity for %2.");
        break;
    case Action::SubmitApproval:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not submit outputs for approval at %2.");
        break;
    case Action::DecideApproval:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not decide approvals at %2.");
        break;
    case Action::ManageAccess:
        sentence = QCoreApplication::translate("steward::Authorizer", "%1 may not manage access at %2.");
        break;
    }
    QStringList roles;
    for (const auto &[role, allowed] : roleMatrix) {
        if (allowed.at(static_cast<std::size_t>(action))) {
            roles.append(toText(role));
        }
    }
    return sentence.arg(principal.name, node.path) + QLatin1Char(' ')
        + QCoreApplication::translate("steward::Authorizer", "It takes one of these roles there or above: %1.")
              .arg(roles.join(QStringLiteral(", ")));
}

} // namespace

QString toText(Action value)
{
    for (const auto &[candidate, text] : actionSpellings) {
        if (candidate == value) {
            return QString::fromLatin1(text);
        }
    }
    return {};
}

VisibilityFilter::VisibilityFilter(PrincipalKind kind, QList<Grant> grants) : m_kind(kind), m_grants(std::move(grants))
{
}

bool VisibilityFilter::canSee(NodeKind kind, const QString &path, Visibility visibility) const
{
    const auto anyGrant = [this](const auto &matches) { return std::ranges::any_of(m_grants, matches); };
    if (m_kind == PrincipalKind::Agent) {
        // Its own agent, and the groups on the way down to it (its grant is at or below them).
        return anyGrant([&path](const Grant &grant) {
            return grant.nodePath == path || grant.nodePath.startsWith(path + QLatin1Char('/'));
        });
    }
    if (kind != NodeKind::Agent) {
        return true;
    }
    switch (visibility) {
    case Visibility::Public: return true;
    case Visibility::Team: {
        // A role on the agent's group or above it, or on anything inside the group: a colleague.
        const QString group = parentPath(path);
        return anyGrant([&group](const Grant &grant) {
            return grant.covers(group) || grant.nodePath.startsWith(group + QLatin1Char('/'));
        });
    }
    case Visibility::Private: return anyGrant([&path](const Grant &grant) { return grant.covers(path); });
    }
    return false;
}

Authorizer::Authorizer(const Store &store) : m_principals(store), m_tree(store) { }

bool Authorizer::roleAllows(Role role, Action action)
{
    for (const auto &[candidate, allowed] : roleMatrix) {
        if (candidate == role) {
            return allowed.at(static_cast<std::size_t>(action));
        }
    }
    return false;
}

Result<VisibilityFilter> Authorizer::visibilityFilter(const Principal &principal) const
{
    Result<QList<Grant>> grants = m_principals.grantsOf(principal.id);
    if (!grants) {
        return grants.error();
    }
    return VisibilityFilter(principal.kind, std::move(grants).value());
}

Result<Visibility> Authorizer::visibilityOf(const OrgNode &node) const
{
    if (node.kind != NodeKind::Agent) {
        return Visibility::Public;
    }
    const Result<Agent> agent = m_tree.agent(node.id);
    if (!agent) {
        return agent.error();
    }
    return agent->visibility;
}

Result<Authorizer::Decision> Authorizer::decide(const Principal &principal, Action action, const OrgNode &node) const
{
    const Result<VisibilityFilter> filter = visibilityFilter(principal);
    if (!filter) {
        return filter.error();
    }
    const Result<Visibility> visibility = visibilityOf(node);
    if (!visibility) {
        return visibility.error();
    }
    return decide(filter.value(), action, node, visibility.value());
}

Authorizer::Decision Authorizer::decide(const VisibilityFilter &filter, Action action, const OrgNode &node,
                                        Visibility visibility)
{
    if (!filter.canSee(node.kind, node.path, visibility)) {
        return Decision::Hidden;
    }
    if (action == Action::SeeNode) {
        return Decision::Allowed;
    }
    const bool allowed = std::ranges::any_of(
        filter.grants(), [&](const Grant &grant) { return grant.covers(node.path) && roleAllows(grant.role, action); });
    return allowed ? Decision::Allowed : Decision::Forbidden;
}

Status Authorizer::statusOf(Decision decision, const Principal &principal, Action action, const OrgNode &node)
{
    switch (decision) {
    case Decision::Allowed: return Done{};
    case Decision::Forbidden: return Error{Error::Code::Forbidden, refusal(principal, action, node)};
    case Decision::Hidden: return TreeRepository::nothingAt(node.path);
    }
    return TreeRepository::nothingAt(node.path);
}

Result<bool> Authorizer::canSee(const Principal &principal, const OrgNode &node) const
{
    return may(principal, Action::SeeNode, node);
}

Result<bool> Authorizer::may(const Principal &principal, Action action, const OrgNode &node) const
{
    const Result<Decision> decision = decide(principal, action, node);
    if (!decision) {
        return decision.error();
    }
    return decision.value() == Decision::Allowed;
}

Status Authorizer::require(const Principal &principal, Action action, const OrgNode &node) const
{
    const Result<Decision> decision = decide(principal, action, node);
    if (!decision) {
        return decision.error();
    }
    return statusOf(decision.value(), principal, action, node);
}

Status Authorizer::requireAll(const Principal &principal, Action action, const QList<OrgNode> &nodes) const
{
    const Result<VisibilityFilter> filter = visibilityFilter(principal);
    if (!filter) {
        return filter.error();
    }
    const Result<QHash<NodeId, Visibility>> visibilities = m_tree.agentVisibilities();
    if (!visibilities) {
        return visibilities.error();
    }
    for (const OrgNode &node : nodes) {
        const Visibility visibility =
            node.kind == NodeKind::Agent ? visibilities->value(node.id, Visibility::Private) : Visibility::Public;
        if (const Status allowed = statusOf(decide(filter.value(), action, node, visibility), principal, action, node);
            !allowed) {
            return allowed;
        }
    }
    return Done{};
}

} // namespace steward
