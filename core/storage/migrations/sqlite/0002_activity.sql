-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 2: runs, the activity log with its full-text index, and hourly rollups.
-- Event ids are time-ordered (see core/domain/eventid.h): newest first is id descending, which
-- the full-text index serves without sorting. Facets (agent, kind, status) are tokens in the
-- index's meta column so that a filtered search stays inside the index (docs/performance.md).

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    version INTEGER NOT NULL,
    trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'event', 'manual')),
    trigger_detail TEXT NOT NULL DEFAULT '',
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    cost REAL NOT NULL DEFAULT 0,
    latency_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_agent_started ON runs(agent_id, started_at);

CREATE TABLE activity_events (
    id INTEGER PRIMARY KEY,
    client_id TEXT,
    time INTEGER NOT NULL,
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    version INTEGER NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    span_id TEXT NOT NULL DEFAULT '',
    parent_span_id TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '{}',
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    cost REAL NOT NULL DEFAULT 0,
    latency_ms INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX activity_events_client_id ON activity_events(client_id);
CREATE INDEX activity_events_run ON activity_events(run_id);

CREATE VIEW activity_search_source AS
    SELECT id, summary, detail,
           'agent' || agent_id || ' kind' || replace(replace(kind, '.', ''), '_', '') || ' status' || status AS meta
    FROM activity_events;

CREATE VIRTUAL TABLE activity_search USING fts5(
    summary, detail, meta,
    content = 'activity_search_source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE activity_rollup_hourly (
    agent_id INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    events INTEGER NOT NULL DEFAULT 0,
    runs_started INTEGER NOT NULL DEFAULT 0,
    runs_failed INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    outputs INTEGER NOT NULL DEFAULT 0,
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    cost REAL NOT NULL DEFAULT 0,
    latency_sum_ms INTEGER NOT NULL DEFAULT 0,
    latency_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agent_id, hour)
) WITHOUT ROWID;
