-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 3: proposals waiting for people (the approval inbox) and the decisions taken on them.

CREATE TABLE approvals (
    id INTEGER PRIMARY KEY,
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    run_id INTEGER REFERENCES runs(id),
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    payload TEXT NOT NULL,
    payload_format TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'expired', 'executed', 'failed')),
    policy TEXT NOT NULL DEFAULT '{}',
    revision INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    expires_at INTEGER
);
CREATE INDEX approvals_state_created ON approvals(state, created_at);
CREATE INDEX approvals_agent ON approvals(agent_id);

CREATE TABLE approval_decisions (
    id INTEGER PRIMARY KEY,
    approval_id INTEGER NOT NULL REFERENCES approvals(id),
    reviewer TEXT NOT NULL,
    decided_at INTEGER NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'reject', 'edit')),
    comment TEXT NOT NULL DEFAULT '',
    edited_payload TEXT,
    revision INTEGER NOT NULL
);
CREATE INDEX approval_decisions_approval ON approval_decisions(approval_id);
