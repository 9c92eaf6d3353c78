// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// The limits the HTTP API puts on what a client sends. They bound the memory and time one
// request can cost the server and keep the store's rows a sane size; the numbers are generous
// for honest clients. Lengths count characters (UTF-16 code units, as QString does).
namespace steward::ApiLimits {

// A whole request body, in bytes. Over it the server answers 413 without parsing; 8 MiB holds
// a full batch of events with typical summaries.
inline constexpr qsizetype MaxRequestBytes = 8 * 1024 * 1024;

// Events in one ingest request. Agents batch to save round trips; a larger batch would hold
// the store's write transaction for too long.
inline constexpr qsizetype MaxEventsPerBatch = 5000;

// An event's one-line summary: what a table cell shows.
inline constexpr qsizetype MaxSummaryLength = 1024;

// An event's searchable detail (an output, an error, a decision's reason).
inline constexpr qsizetype MaxDetailLength = 64 * 1024;

// An agent spec's text. Real specs are a few KiB; this leaves room for long instructions.
inline constexpr qsizetype MaxSpecLength = 256 * 1024;

// Node and principal names. The domain's own rule for them is 64 characters too
// (nodeNameProblem, AccessService), so this only ever refuses what the services would.
inline constexpr qsizetype MaxNameLength = 64;

// The reason given for a change, kept in the audit log.
inline constexpr qsizetype MaxReasonLength = 4096;

// Machine-made identifiers: an event's clientId, kind, status, spanId and parentSpanId, and
// an audit filter's action.
inline constexpr qsizetype MaxIdentifierLength = 128;

// A node path, as in an audit filter's subjectPrefix.
inline constexpr qsizetype MaxPathLength = 2048;

// How far ahead of the server's clock an event's own time may be. Event ids follow event
// times (eventid.h), so one event from the far future would push every later id there.
inline constexpr qint64 MaxClockSkewMs = 24 * 60 * 60 * 1000;

// The largest integer a JSON number carries exactly (2^53 - 1): JSON numbers are doubles, so
// ids and counts above it could not round-trip through a JavaScript or Python client.
inline constexpr qint64 MaxSafeInteger = (qint64(1) << 53) - 1;

// An approval's payload (an email, a document, a tool call) and its title.
inline constexpr qsizetype MaxPayloadLength = 256 * 1024;
inline constexpr qsizetype MaxTitleLength = 200;

} // namespace steward::ApiLimits
