-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 10: executing approved actions. One row per approval the executor has started on: how
-- many attempts were made, when the next one is due, who holds it now (lease_owner, a
-- stewardd instance, until lease_expires_at: an instance that dies mid-call loses its claim
-- when the lease runs out, and another takes it over) and how the last attempt ended. The
-- approval's own state says whether execution is still going ('approved') or is over
-- ('executed', 'failed').

CREATE TABLE executions (
    approval_id INTEGER PRIMARY KEY REFERENCES approvals(id),
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    lease_owner TEXT,
    lease_expires_at INTEGER,
    last_status INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);
