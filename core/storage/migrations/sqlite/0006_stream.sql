-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6: the change stream. Every change that a live client should see (an activity event,
-- a run, a tree change, a version, a proposal, an approval, an audit entry) adds one row here in
-- the same transaction, so a client that reconnects with the last sequence it saw gets exactly
-- what it missed. A row only names the change (the node it concerns, for visibility, and the
-- changed thing's id); the server loads the thing itself. AUTOINCREMENT never hands out a
-- number twice, not even after the newest rows are deleted. No foreign keys: the rows are
-- references written by the thousand at ingest, and nothing they name is ever deleted.

CREATE TABLE stream_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('event', 'run', 'node', 'agent', 'proposal', 'approval', 'audit')),
    node_id INTEGER NOT NULL,
    subject_id INTEGER NOT NULL
);
