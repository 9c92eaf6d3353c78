-- SPDX-FileCopyrightText: 2026 The Steward authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 7 for PostgreSQL: the full-text index folds case and accents, so that "cafe" finds
-- "Café" as SQLite's FTS5 tokenizer does (remove_diacritics). 'simple' keeps every word as it
-- is (no stemming, no stop words: the log is in many languages); translate() maps accented
-- Latin letters to plain ones. The activity query compiler (core/query/querycompiler.cpp) uses
-- exactly this expression and the same two strings, so the planner uses the index.

DROP INDEX activity_events_search;
CREATE INDEX activity_events_search ON activity_events USING gin (to_tsvector('simple', translate(lower(summary || ' ' || detail), 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ', 'aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooy')));
