-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8 for PostgreSQL, the twin of sqlite/0008_otlp.sql: which run an OpenTelemetry trace
-- became, per agent.

CREATE TABLE otlp_trace_runs (
    agent_id BIGINT NOT NULL REFERENCES agents(node_id),
    trace_id TEXT NOT NULL,
    run_id BIGINT NOT NULL REFERENCES runs(id),
    PRIMARY KEY (agent_id, trace_id)
);
