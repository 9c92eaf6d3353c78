// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scheduler.h"

#include "domain/agentspec.h"
#include "domain/clock.h"
#include "storage/runrequestrepository.h"
#include "storage/store.h"

namespace steward {

Scheduler::Scheduler(const Store &store, const Clock &clock, RunRequestService &requests, Options options,
                     QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_requests(requests), m_options(options)
{
    m_fireTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early or late: a minute late start is what it would cost.
    m_fireTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_fireTimer, &QTimer::timeout, this, &Scheduler::onTimer);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        if (const Status reloaded = reload(); !reloaded) {
            Q_EMIT failed(reloaded.error().message);
        }
        arm();
    });
}

Status Scheduler::start()
{
    if (const Status reloaded = reload(); !reloaded) {
        return reloaded;
    }
    m_reloadTimer.start(static_cast<int>(m_options.reloadMs));
    arm();
    return Done{};
}

Status Scheduler::reload()
{
    if (!m_handledUpTo.isValid()) {
        m_handledUpTo = m_clock.now();
    }
    const Result<QList<RunRequestRepository::HeadSpec>> heads = RunRequestRepository(m_store).activeHeadSpecs();
    if (!heads) {
        return heads.error();
    }
    QList<Planned> plan;
    for (const RunRequestRepository::HeadSpec &head : heads.value()) {
        const Result<AgentSpec> spec = AgentSpec::parse(head.spec);
        if (!spec || spec->runner.kind.isEmpty()) {
            continue;
        }
        for (int i = 0; i < spec->triggers.size(); ++i) {
            const AgentSpec::Trigger &trigger = spec->triggers.at(i);
            if (trigger.kind != QLatin1String("schedule")) {
                continue;
            }
            Result<CronSchedule> schedule = CronSchedule::parse(trigger.value);
            if (!schedule) {
                continue;
            }
            Planned planned{head.agentId,     i, std::move(schedule).value(), CronSchedule::zone(trigger.timeZone),
                            trigger.timeZone, {}};
            // A trigger that was planned before keeps its next fire; a new one plans from the
            // last pass, so a fire due between that pass and now is not lost.
            const auto same = std::find_if(m_plan.cbegin(), m_plan.cend(), [&](const Planned &old) {
                return old.agentId == planned.agentId && old.triggerIndex == planned.triggerIndex
                    && old.schedule.expression() == planned.schedule.expression() && old.zoneName == planned.zoneName;
            });
            planned.next = same != m_plan.cend() ? same->next : planned.schedule.nextAfter(m_handledUpTo, planned.zone);
            if (planned.next.isValid()) {
                plan.append(std::move(planned));
            }
        }
    }
    m_plan = std::move(plan);
    m_lastReload = m_clock.now();
    return Done{};
}

void Scheduler::reloadSoon()
{
    if (m_reloadScheduled) {
        return;
    }
    m_reloadScheduled = true;
    const qint64 sinceLast =
        m_lastReload.isValid() ? m_lastReload.msecsTo(m_clock.now()) : m_options.minReloadIntervalMs;
    const qint64 waitMs =
        std::clamp<qint64>(m_options.minReloadIntervalMs - sinceLast, 0, m_options.minReloadIntervalMs);
    QTimer::singleShot(static_cast<int>(waitMs), this, [this] {
        m_reloadScheduled = false;
        if (const Status reloaded = reload(); !reloaded) {
            Q_EMIT failed(reloaded.error().message);
        }
        arm();
    });
}

Result<int> Scheduler::fireDue(const QDateTime &now)
{
    const QDateTime next = nextFire();
    if (!next.isValid() || next > now) {
        m_handledUpTo = std::max(m_handledUpTo, now);
        return 0;
    }
    // One transaction for all the fires of a pass: at a full minute a thousand agents fire at
    // once, and one commit costs what a thousand would not.
    Transaction transaction(m_store);
    if (!transaction.isActive()) {
        return transaction.beginError();
    }
    QList<Planned> plan = m_plan;
    int inserted = 0;
    for (Planned &planned : plan) {
        if (planned.next > now) {
            continue;
        }
        // Of several overdue fires only the latest is inserted: a stalled process does not
        // make up a burst of runs.
        QDateTime fire = planned.next;
        QDateTime following = planned.schedule.nextAfter(fire, planned.zone);
        while (following.isValid() && following <= now) {
            fire = following;
            following = planned.schedule.nextAfter(fire, planned.zone);
        }
        const Result<RunRequestId> id =
            m_requests.fireSchedule(planned.agentId, planned.schedule.expression(), planned.triggerIndex, fire);
        if (!id) {
            return id.error();
        }
        inserted += id.value() != 0 ? 1 : 0;
        planned.next = following;
    }
    if (const Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    // Only what was stored moves the plan on; after a failure the same fires are tried again.
    plan.removeIf([](const Planned &planned) { return !planned.next.isValid(); });
    m_plan = std::move(plan);
    m_handledUpTo = std::max(m_handledUpTo, now);
    return inserted;
}

QDateTime Scheduler::nextFire() const
{
    QDateTime earliest;
    for (const Planned &planned : m_plan) {
        if (!earliest.isValid() || planned.next < earliest) {
            earliest = planned.next;
        }
    }
    return earliest;
}

void Scheduler::onTimer()
{
    const Result<int> inserted = fireDue(m_clock.now());
    if (!inserted) {
        Q_EMIT failed(inserted.error().message);
    } else if (inserted.value() > 0) {
        Q_EMIT fired(inserted.value());
    }
    arm();
}

void Scheduler::arm()
{
    const QDateTime next = nextFire();
    qint64 sleepMs = m_options.maxSleepMs;
    if (next.isValid()) {
        sleepMs = std::clamp<qint64>(m_clock.now().msecsTo(next), 0, m_options.maxSleepMs);
    }
    m_fireTimer.start(static_cast<int>(sleepMs));
}

} // namespace steward
