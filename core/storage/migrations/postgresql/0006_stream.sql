-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6 for PostgreSQL, the twin of sqlite/0006_stream.sql: the change stream. Sequence
-- numbers come from an identity that nothing else may set (ALWAYS); writers take an advisory
-- lock before inserting (see StreamRepository), so numbers become visible in commit order.

CREATE TABLE stream_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('event', 'run', 'node', 'agent', 'proposal', 'approval', 'audit')),
    node_id BIGINT NOT NULL,
    subject_id BIGINT NOT NULL
);
