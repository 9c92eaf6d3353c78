// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace steward::bench {

// A fresh workspace for the server benchmarks: /bench/ops/crew with `agents` agents, and an
// admin with a bearer token.
struct BenchWorkspace
{
    QList<NodeId> agents;
    QString adminToken;
    QString error;
};

[[nodiscard]] BenchWorkspace createBenchWorkspace(const QString &location, int agents);

// `count` output events of about 300 bytes of text, spread over the agents, with client ids
// starting at `prefix`-`first`.
[[nodiscard]] QList<ActivityEvent> syntheticEvents(const QList<NodeId> &agents, const QString &prefix, qint64 first,
                                                   int count);
// The same events as the ingest API's JSON body {"events": [...]}.
[[nodiscard]] QByteArray ingestBody(const QList<ActivityEvent> &events);

// The p-th percentile (0-100) of the values, which it sorts.
[[nodiscard]] double percentile(QList<double> &values, double p);

} // namespace steward::bench
