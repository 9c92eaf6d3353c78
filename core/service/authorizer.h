// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/principal.h"
#include "domain/result.h"
#include "storage/principalrepository.h"
#include "storage/treerepository.h"

#include <QList>

namespace steward {

class Store;

// What a request does to a node, as far as permissions go. Every API operation is one of these,
// asked on the node it concerns: creating a node is EditTree on its parent, and store-wide
// requests (the whole audit log, a full bundle, a new principal) are asked on the company.
enum class Action {
    SeeNode, // read a node, its agent record, versions, diff, blame, runs, activity
    EditTree, // create, rename, move and archive nodes; create agents
    EditSpec, // save a version, roll back, propose a change
    DecideProposal, // approve or reject a version proposal
    ReadAudit, // list the audit log, verify it
    ExportBundle, // export an audit bundle
    IngestActivity, // post activity events and runs for an agent
    SubmitApproval, // an agent submits a proposed output
    DecideApproval, // approve or reject an output
    ManageAccess, // add principals, grant and revoke roles, create and revoke tokens
};

// The stable spelling ("edit_tree"), for logs and the API.
[[nodiscard]] QString toText(Action value);

// Which nodes one principal sees, decided from its grants read once, so that a tree, a page of
// search results or a live stream is filtered without a query per node.
//
// People see every group (company, department, team) and, of the agents:
// - public ones;
// - team ones when they hold a role on the agent's parent or above it, or on anything inside the
//   parent's subtree (a colleague);
// - private ones when they hold a role on the agent or above it.
// An agent identity sees only its own agent and the groups on the way down to it.
class VisibilityFilter final
{
public:
    VisibilityFilter(PrincipalKind kind, QList<Grant> grants);

    // `visibility` counts only for agents.
    [[nodiscard]] bool canSee(NodeKind kind, const QString &path, Visibility visibility) const;
    [[nodiscard]] const QList<Grant> &grants() const { return m_grants; }

private:
    PrincipalKind m_kind;
    QList<Grant> m_grants;
};

// Who may do what where: the one place the server (and anything else that acts for someone)
// asks. A principal may do an action on a node when it can see the node and, for anything but
// SeeNode, holds a role on the node or above it that allows the action (see roleAllows).
//
// require() answers NotFound, with exactly the error of a missing node, when the principal
// cannot see the node: a Forbidden would tell an outsider that a private agent exists at that
// path. Forbidden is only for nodes the principal can see.
class Authorizer final
{
public:
    explicit Authorizer(const Store &store);

    [[nodiscard]] static bool roleAllows(Role role, Action action);

    [[nodiscard]] Result<VisibilityFilter> visibilityFilter(const Principal &principal) const;
    [[nodiscard]] Result<bool> canSee(const Principal &principal, const OrgNode &node) const;
    [[nodiscard]] Result<bool> may(const Principal &principal, Action action, const OrgNode &node) const;
    [[nodiscard]] Status require(const Principal &principal, Action action, const OrgNode &node) const;
    // require() for many nodes, with the grants and the agents' visibility read once (an
    // ingest batch names many agents); the first refusal is the answer.
    [[nodiscard]] Status requireAll(const Principal &principal, Action action, const QList<OrgNode> &nodes) const;

private:
    enum class Decision { Allowed, Forbidden, Hidden };

    [[nodiscard]] Result<Decision> decide(const Principal &principal, Action action, const OrgNode &node) const;
    [[nodiscard]] static Decision decide(const VisibilityFilter &filter, Action action, const OrgNode &node,
                                         Visibility visibility);
    [[nodiscard]] static Status statusOf(Decision decision, const Principal &principal, Action action,
                                         const OrgNode &node);
    // The agent's visibility; groups have none of their own and count as public.
    [[nodiscard]] Result<Visibility> visibilityOf(const OrgNode &node) const;

    PrincipalRepository m_principals;
    TreeRepository m_tree;
};

} // namespace steward
