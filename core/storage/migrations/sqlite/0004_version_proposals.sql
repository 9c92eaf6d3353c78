-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: a change to a critical agent is a proposal until a second person approves it.
-- A version made from an approved proposal records who approved it.

CREATE TABLE version_proposals (
    id INTEGER PRIMARY KEY,
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    base_version INTEGER NOT NULL,
    spec TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
    decided_by TEXT,
    decided_at INTEGER,
    decision_reason TEXT,
    resulting_version INTEGER
);
CREATE INDEX version_proposals_agent ON version_proposals(agent_id, state);
CREATE INDEX version_proposals_state ON version_proposals(state, created_at);

ALTER TABLE agent_versions ADD COLUMN approved_by TEXT;
