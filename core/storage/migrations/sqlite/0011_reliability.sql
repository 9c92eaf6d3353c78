-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 11: what reliability over time needs in the hourly rollups. Approval decisions per
-- verdict, and a latency histogram of finished runs: 32 log-scale buckets, each about 1.5 times
-- as wide as the one before (core/domain/latencyhistogram.h has the bounds), so p50 and p95 of
-- any set of agent-hours are read from summed buckets, never from the events. The new columns
-- are backfilled from the stored events and decisions, so older stores show their history.
-- A second table keeps the same counts per UTC day (see below).

ALTER TABLE activity_rollup_hourly ADD COLUMN decisions_approved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN decisions_rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN decisions_edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b00 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b01 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b02 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b03 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b04 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b05 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b06 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b07 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b08 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b09 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b10 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b11 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b12 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b13 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b14 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b15 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b16 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b17 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b18 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b19 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b20 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b21 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b22 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b23 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b24 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b25 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b26 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b27 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b28 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b29 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b30 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activity_rollup_hourly ADD COLUMN latency_b31 INTEGER NOT NULL DEFAULT 0;

-- Bucket 0 is below 10 ms, bucket k below round(10 * 1.5^k) ms, bucket 31 everything longer.
INSERT INTO activity_rollup_hourly (agent_id, hour, latency_b00, latency_b01, latency_b02, latency_b03, latency_b04, latency_b05, latency_b06, latency_b07, latency_b08, latency_b09, latency_b10, latency_b11, latency_b12, latency_b13, latency_b14, latency_b15, latency_b16, latency_b17, latency_b18, latency_b19, latency_b20, latency_b21, latency_b22, latency_b23, latency_b24, latency_b25, latency_b26, latency_b27, latency_b28, latency_b29, latency_b30, latency_b31)
SELECT agent_id, time / 3600000 * 3600000,
    sum(CASE WHEN latency_ms < 10 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 10 AND latency_ms < 15 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 15 AND latency_ms < 22 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 22 AND latency_ms < 34 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 34 AND latency_ms < 51 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 51 AND latency_ms < 76 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 76 AND latency_ms < 114 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 114 AND latency_ms < 171 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 171 AND latency_ms < 256 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 256 AND latency_ms < 384 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 384 AND latency_ms < 577 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 577 AND latency_ms < 865 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 865 AND latency_ms < 1297 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 1297 AND latency_ms < 1946 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 1946 AND latency_ms < 2919 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 2919 AND latency_ms < 4379 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 4379 AND latency_ms < 6568 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 6568 AND latency_ms < 9853 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 9853 AND latency_ms < 14779 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 14779 AND latency_ms < 22168 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 22168 AND latency_ms < 33253 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 33253 AND latency_ms < 49879 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 49879 AND latency_ms < 74818 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 74818 AND latency_ms < 112227 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 112227 AND latency_ms < 168341 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 168341 AND latency_ms < 252512 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 252512 AND latency_ms < 378768 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 378768 AND latency_ms < 568151 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 568151 AND latency_ms < 852227 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 852227 AND latency_ms < 1278340 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 1278340 AND latency_ms < 1917511 THEN 1 ELSE 0 END),
    sum(CASE WHEN latency_ms >= 1917511 THEN 1 ELSE 0 END)
FROM activity_events WHERE kind = 'run.finished'
GROUP BY agent_id, time / 3600000 * 3600000
ON CONFLICT (agent_id, hour) DO UPDATE SET
    latency_b00 = excluded.latency_b00,
    latency_b01 = excluded.latency_b01,
    latency_b02 = excluded.latency_b02,
    latency_b03 = excluded.latency_b03,
    latency_b04 = excluded.latency_b04,
    latency_b05 = excluded.latency_b05,
    latency_b06 = excluded.latency_b06,
    latency_b07 = excluded.latency_b07,
    latency_b08 = excluded.latency_b08,
    latency_b09 = excluded.latency_b09,
    latency_b10 = excluded.latency_b10,
    latency_b11 = excluded.latency_b11,
    latency_b12 = excluded.latency_b12,
    latency_b13 = excluded.latency_b13,
    latency_b14 = excluded.latency_b14,
    latency_b15 = excluded.latency_b15,
    latency_b16 = excluded.latency_b16,
    latency_b17 = excluded.latency_b17,
    latency_b18 = excluded.latency_b18,
    latency_b19 = excluded.latency_b19,
    latency_b20 = excluded.latency_b20,
    latency_b21 = excluded.latency_b21,
    latency_b22 = excluded.latency_b22,
    latency_b23 = excluded.latency_b23,
    latency_b24 = excluded.latency_b24,
    latency_b25 = excluded.latency_b25,
    latency_b26 = excluded.latency_b26,
    latency_b27 = excluded.latency_b27,
    latency_b28 = excluded.latency_b28,
    latency_b29 = excluded.latency_b29,
    latency_b30 = excluded.latency_b30,
    latency_b31 = excluded.latency_b31;

INSERT INTO activity_rollup_hourly (agent_id, hour, decisions_approved, decisions_rejected, decisions_edited)
SELECT a.agent_id, d.decided_at / 3600000 * 3600000,
    sum(CASE WHEN d.verdict = 'approve' THEN 1 ELSE 0 END),
    sum(CASE WHEN d.verdict = 'reject' THEN 1 ELSE 0 END),
    sum(CASE WHEN d.verdict = 'edit' THEN 1 ELSE 0 END)
FROM approval_decisions d JOIN approvals a ON a.id = d.approval_id
WHERE true
GROUP BY a.agent_id, d.decided_at / 3600000 * 3600000
ON CONFLICT (agent_id, hour) DO UPDATE SET
    decisions_approved = excluded.decisions_approved,
    decisions_rejected = excluded.decisions_rejected,
    decisions_edited = excluded.decisions_edited;

-- The same counts per agent and UTC day, kept beside the hours at ingest: a range of whole UTC
-- days reads a 24th of the rows (ReliabilityService uses them for days and weeks in UTC and for
-- the whole days inside a ranking's range).
CREATE TABLE activity_rollup_daily (
    agent_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
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
    decisions_approved INTEGER NOT NULL DEFAULT 0,
    decisions_rejected INTEGER NOT NULL DEFAULT 0,
    decisions_edited INTEGER NOT NULL DEFAULT 0,
    latency_b00 INTEGER NOT NULL DEFAULT 0,
    latency_b01 INTEGER NOT NULL DEFAULT 0,
    latency_b02 INTEGER NOT NULL DEFAULT 0,
    latency_b03 INTEGER NOT NULL DEFAULT 0,
    latency_b04 INTEGER NOT NULL DEFAULT 0,
    latency_b05 INTEGER NOT NULL DEFAULT 0,
    latency_b06 INTEGER NOT NULL DEFAULT 0,
    latency_b07 INTEGER NOT NULL DEFAULT 0,
    latency_b08 INTEGER NOT NULL DEFAULT 0,
    latency_b09 INTEGER NOT NULL DEFAULT 0,
    latency_b10 INTEGER NOT NULL DEFAULT 0,
    latency_b11 INTEGER NOT NULL DEFAULT 0,
    latency_b12 INTEGER NOT NULL DEFAULT 0,
    latency_b13 INTEGER NOT NULL DEFAULT 0,
    latency_b14 INTEGER NOT NULL DEFAULT 0,
    latency_b15 INTEGER NOT NULL DEFAULT 0,
    latency_b16 INTEGER NOT NULL DEFAULT 0,
    latency_b17 INTEGER NOT NULL DEFAULT 0,
    latency_b18 INTEGER NOT NULL DEFAULT 0,
    latency_b19 INTEGER NOT NULL DEFAULT 0,
    latency_b20 INTEGER NOT NULL DEFAULT 0,
    latency_b21 INTEGER NOT NULL DEFAULT 0,
    latency_b22 INTEGER NOT NULL DEFAULT 0,
    latency_b23 INTEGER NOT NULL DEFAULT 0,
    latency_b24 INTEGER NOT NULL DEFAULT 0,
    latency_b25 INTEGER NOT NULL DEFAULT 0,
    latency_b26 INTEGER NOT NULL DEFAULT 0,
    latency_b27 INTEGER NOT NULL DEFAULT 0,
    latency_b28 INTEGER NOT NULL DEFAULT 0,
    latency_b29 INTEGER NOT NULL DEFAULT 0,
    latency_b30 INTEGER NOT NULL DEFAULT 0,
    latency_b31 INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agent_id, day)
) WITHOUT ROWID;

INSERT INTO activity_rollup_daily (agent_id, day, events, runs_started, runs_failed, errors, outputs, tokens_in, tokens_out, cost, latency_sum_ms, latency_count, decisions_approved, decisions_rejected, decisions_edited, latency_b00, latency_b01, latency_b02, latency_b03, latency_b04, latency_b05, latency_b06, latency_b07, latency_b08, latency_b09, latency_b10, latency_b11, latency_b12, latency_b13, latency_b14, latency_b15, latency_b16, latency_b17, latency_b18, latency_b19, latency_b20, latency_b21, latency_b22, latency_b23, latency_b24, latency_b25, latency_b26, latency_b27, latency_b28, latency_b29, latency_b30, latency_b31)
SELECT agent_id, hour / 86400000 * 86400000, sum(events), sum(runs_started), sum(runs_failed), sum(errors), sum(outputs), sum(tokens_in), sum(tokens_out), sum(cost), sum(latency_sum_ms), sum(latency_count), sum(decisions_approved), sum(decisions_rejected), sum(decisions_edited), sum(latency_b00), sum(latency_b01), sum(latency_b02), sum(latency_b03), sum(latency_b04), sum(latency_b05), sum(latency_b06), sum(latency_b07), sum(latency_b08), sum(latency_b09), sum(latency_b10), sum(latency_b11), sum(latency_b12), sum(latency_b13), sum(latency_b14), sum(latency_b15), sum(latency_b16), sum(latency_b17), sum(latency_b18), sum(latency_b19), sum(latency_b20), sum(latency_b21), sum(latency_b22), sum(latency_b23), sum(latency_b24), sum(latency_b25), sum(latency_b26), sum(latency_b27), sum(latency_b28), sum(latency_b29), sum(latency_b30), sum(latency_b31)
FROM activity_rollup_hourly
GROUP BY agent_id, hour / 86400000 * 86400000;
