-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 8: which run an OpenTelemetry trace became, per agent. Exporters send a trace's spans
-- over several batches and resend batches they are unsure about; the key lets every batch
-- find the run the first one started instead of starting another.

CREATE TABLE otlp_trace_runs (
    agent_id INTEGER NOT NULL REFERENCES agents(node_id),
    trace_id TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    PRIMARY KEY (agent_id, trace_id)
) WITHOUT ROWID;
