-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 10 for PostgreSQL, the twin of sqlite/0010_executions.sql: executing approved
-- actions, with attempts, the next attempt's time, the lease of the instance working on it and
-- the last attempt's outcome.

CREATE TABLE executions (
    approval_id BIGINT PRIMARY KEY REFERENCES approvals(id),
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_expires_at BIGINT,
    last_status INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);
