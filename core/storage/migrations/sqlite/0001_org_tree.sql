-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1: the workspace, people, the org tree, agents with their versions, grants, and the
-- hash-chained audit log. Times are milliseconds since the epoch, UTC.
-- Statements end with ';' at the end of a line (the migrator splits there).

CREATE TABLE workspace_settings (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE principals (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('user', 'agent')),
    created_at INTEGER NOT NULL
);

CREATE TABLE nodes (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES nodes(id),
    kind TEXT NOT NULL CHECK (kind IN ('company', 'department', 'team', 'agent')),
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    archived_at INTEGER
);
CREATE INDEX nodes_parent ON nodes(parent_id);
CREATE INDEX nodes_path ON nodes(path);
-- Sibling names are unique among live nodes; an archived name can be used again.
CREATE UNIQUE INDEX nodes_live_sibling_name ON nodes(parent_id, name) WHERE archived_at IS NULL;

CREATE TABLE agents (
    node_id INTEGER PRIMARY KEY REFERENCES nodes(id),
    owner TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'team', 'private')),
    criticality TEXT NOT NULL CHECK (criticality IN ('critical', 'standard', 'experimental')),
    status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'retired')),
    head_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agents_owner ON agents(owner);

CREATE TABLE agent_versions (
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    number INTEGER NOT NULL,
    parent_number INTEGER NOT NULL,
    spec TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    content_hash TEXT NOT NULL,
    PRIMARY KEY (agent_id, number)
);

CREATE TABLE grants (
    principal_id INTEGER NOT NULL REFERENCES principals(id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'auditor', 'agent')),
    node_id INTEGER NOT NULL REFERENCES nodes(id),
    PRIMARY KEY (principal_id, role, node_id)
);

CREATE TABLE audit_log (
    sequence INTEGER PRIMARY KEY,
    time INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    reason TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
