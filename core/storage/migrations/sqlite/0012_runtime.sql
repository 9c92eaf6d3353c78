-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 12: the background runtime (core/runtime). run_requests is the durable queue of
-- asks to run an agent: a schedule fire, an event, a person's "Run now". A request waits
-- 'pending' until its not_before time; a dispatcher then decides it in one write transaction:
-- 'started' (run_id names the run, claimed_by the instance that started it), 'skipped' (a run
-- was under way, or the agent was backing off) or 'refused' (paused, retired, no runner), with
-- the reason. The decision and the run's start are one transaction, so no claim is ever left
-- half taken. fire_key is set for schedule fires only ("<agent>:<trigger>:<fire time>"): of
-- several instances firing the same schedule, exactly one insert succeeds.
-- Runs the runtime started carry its instance name and a heartbeat it renews; a run whose
-- heartbeat has gone stale was left by a server that stopped, and is marked interrupted. Runs
-- that agents report themselves have neither and are never touched.

CREATE TABLE run_requests (
    id INTEGER PRIMARY KEY,
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'event', 'manual')),
    trigger_detail TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL DEFAULT '{}',
    requested_by TEXT NOT NULL DEFAULT '',
    requested_at INTEGER NOT NULL,
    not_before INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'started', 'skipped', 'refused')),
    reason TEXT NOT NULL DEFAULT '',
    claimed_by TEXT,
    decided_at INTEGER,
    run_id INTEGER REFERENCES runs(id),
    fire_key TEXT UNIQUE
);
CREATE INDEX run_requests_pending ON run_requests(state, not_before);
CREATE INDEX run_requests_agent ON run_requests(agent_id, id);

ALTER TABLE runs ADD COLUMN runtime_owner TEXT;
ALTER TABLE runs ADD COLUMN heartbeat_at INTEGER;
CREATE INDEX runs_running ON runs(agent_id) WHERE status = 'running';
