-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 7: the approval rules. Who submitted an approval, the payload as submitted (an edit
-- replaces payload), the payload to execute once approved (NULL until then; the executor reads
-- it), whose reviewers may decide it and when it escalates, when it was decided; an edit's
-- diff; and the approval policies set on nodes.

ALTER TABLE approvals ADD COLUMN submitted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE approvals ADD COLUMN original_payload TEXT;
ALTER TABLE approvals ADD COLUMN approved_payload TEXT;
ALTER TABLE approvals ADD COLUMN reviewer_node_id INTEGER REFERENCES nodes(id);
ALTER TABLE approvals ADD COLUMN escalate_at INTEGER;
ALTER TABLE approvals ADD COLUMN escalated_at INTEGER;
ALTER TABLE approvals ADD COLUMN decided_at INTEGER;
CREATE INDEX approvals_state_id ON approvals(state, id);
CREATE INDEX approvals_pending_expiry ON approvals(expires_at) WHERE state = 'pending';
CREATE INDEX approvals_pending_escalation ON approvals(escalate_at) WHERE state = 'pending';

ALTER TABLE approval_decisions ADD COLUMN edit_diff TEXT;

CREATE TABLE approval_policies (
    node_id INTEGER NOT NULL PRIMARY KEY REFERENCES nodes(id),
    quorum INTEGER NOT NULL CHECK (quorum >= 1),
    exclude_owner_for_critical INTEGER NOT NULL CHECK (exclude_owner_for_critical IN (0, 1)),
    expiry_seconds INTEGER NOT NULL CHECK (expiry_seconds >= 0),
    approve_on_expiry INTEGER NOT NULL CHECK (approve_on_expiry IN (0, 1)),
    escalate_after_seconds INTEGER NOT NULL CHECK (escalate_after_seconds >= 0),
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);
