// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/activity.h"
#include "domain/clock.h"
#include "domain/result.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace steward {

class ActivityService;
class Store;

// Writes activity into a workspace file through its own connection, as an agent process
// would, so that events reach a LocalWorkspace only through the change stream.
class ActivityFeeder final : public QObject
{
    Q_OBJECT

public:
    ActivityFeeder(const QString &path, QList<NodeId> agents, QObject *parent = nullptr);
    ~ActivityFeeder() override;
    Q_DISABLE_COPY_MOVE(ActivityFeeder)

    // Stores `count` events in one batch, spread over the agents; every `errorEvery`-th is an
    // error (0: none). Their summaries are "<prefix> <n>".
    Status append(int count, const QString &prefix = QStringLiteral("event"), int errorEvery = 0);
    // Appends `perTick` events every `intervalMs` until stop().
    void start(int perTick, int intervalMs);
    void stop() { m_timer.stop(); }
    [[nodiscard]] qint64 appended() const { return m_appended; }

private:
    std::unique_ptr<Store> m_store;
    SystemClock m_clock;
    std::unique_ptr<ActivityService> m_activity;
    QList<NodeId> m_agents;
    QTimer m_timer;
    int m_perTick = 0;
    qint64 m_appended = 0;
};

} // namespace steward
