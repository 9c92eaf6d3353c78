-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 5: bearer tokens for people and agent identities. Only a SHA-256 of each token is
-- kept; the token itself is shown once, when it is created.

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    principal_id INTEGER NOT NULL REFERENCES principals(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
);
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens(principal_id, name) WHERE revoked_at IS NULL;
CREATE INDEX grants_node ON grants(node_id);
