// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "domain/result.h"
#include "runtime/cronschedule.h"
#include "runtime/runrequestservice.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimeZone>
#include <QTimer>

namespace steward {

class Clock;
class Store;

// Turns the schedule triggers of active agents that have a runner (as their head version
// says) into run requests at their fire times: one timer for the earliest next fire; at a fire,
// a request with the fire's key, so that of several instances running schedulers on one
// database exactly one request is inserted per fire (RunRequestService::fireSchedule).
//
// What it plans is read again when told (reloadSoon(): a change through this server) and every
// Options::reloadMs (changes through other instances or programs). Fires missed while no
// server ran are not replayed: planning starts from the moment the scheduler starts, and a
// pass that finds several fires of one trigger overdue (the process was stopped or starved)
// inserts only the latest of them. A paused or retired agent, or one without a runner, has no
// plan, so its schedule stops until it is active again.
class Scheduler final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        qint64 reloadMs = 30 * 1000;
        // reloadSoon() reloads at most this often: every change through the server asks (an
        // ingest batch as much as a new version), and a reload reads every active agent's spec.
        qint64 minReloadIntervalMs = 2 * 1000;
        // The longest the timer sleeps, so a jump of the system clock is noticed.
        qint64 maxSleepMs = 60 * 1000;
    };

    Scheduler(const Store &store, const Clock &clock, RunRequestService &requests, Options options,
              QObject *parent = nullptr);

    // Plans from now and arms the timers. Tests leave it unstarted and call reload and fireDue.
    [[nodiscard]] Status start();
    // Reads the agents and their schedule triggers again; keeps fires already planned.
    [[nodiscard]] Status reload();
    // Reloads on the next turn of the event loop, or when minReloadIntervalMs have passed since
    // the last reload; once however often asked.
    void reloadSoon();
    // Inserts the requests of every fire up to `now`; how many were inserted (a fire another
    // instance inserted first does not count).
    [[nodiscard]] Result<int> fireDue(const QDateTime &now);

    // The earliest planned fire; invalid when nothing is planned.
    [[nodiscard]] QDateTime nextFire() const;
    [[nodiscard]] qsizetype plannedTriggers() const { return m_plan.size(); }

Q_SIGNALS:
    // Requests were inserted; the dispatcher may look now.
    void fired(int requests);
    void failed(const QString &message);

private:
    struct Planned
    {
        NodeId agentId = NoNode;
        int triggerIndex = 0; // the trigger's place among the spec's triggers
        CronSchedule schedule;
        QTimeZone zone;
        QString zoneName;
        QDateTime next;
    };

    void arm();
    void onTimer();

    const Store &m_store;
    const Clock &m_clock;
    RunRequestService &m_requests;
    Options m_options;
    QList<Planned> m_plan;
    // Fires up to this time have been handled; a reload plans from here.
    QDateTime m_handledUpTo;
    QTimer m_fireTimer;
    QTimer m_reloadTimer;
    bool m_reloadScheduled = false;
    QDateTime m_lastReload;
};

} // namespace steward
