// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityfeeder.h"

#include "service/activityservice.h"
#include "storage/store.h"

namespace steward {

ActivityFeeder::ActivityFeeder(const QString &path, QList<NodeId> agents, QObject *parent)
    : QObject(parent), m_agents(std::move(agents))
{
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (store) {
        m_store = std::move(store).value();
        m_activity = std::make_unique<ActivityService>(*m_store, m_clock);
    } else {
        qWarning("ActivityFeeder: %s", qPrintable(store.error().message));
    }
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (const Status appended = append(m_perTick); !appended) {
            qWarning("ActivityFeeder: %s", qPrintable(appended.error().message));
        }
    });
}

ActivityFeeder::~ActivityFeeder() = default;

Status ActivityFeeder::append(int count, const QString &prefix, int errorEvery)
{
    if (!m_activity) {
        return Error{Error::Code::StoreMissing, QStringLiteral("no store")};
    }
    QList<ActivityEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qint64 n = m_appended + i;
        ActivityEvent event;
        event.agentId = m_agents.at(n % m_agents.size());
        const bool error = errorEvery > 0 && n % errorEvery == 0;
        event.kind = error ? QStringLiteral("error") : QStringLiteral("output");
        event.status = error ? QStringLiteral("error") : QStringLiteral("ok");
        event.summary = QStringLiteral("%1 %2").arg(prefix).arg(n);
        event.detail = QStringLiteral("The whole of %1 %2, as the agent wrote it.").arg(prefix).arg(n);
        event.tokensIn = 100;
        event.tokensOut = 20;
        event.latencyMs = 40;
        events.append(event);
    }
    const Result<ActivityService::IngestResult> stored = m_activity->ingest(events);
    if (!stored) {
        return stored.error();
    }
    m_appended += count;
    return Done{};
}

void ActivityFeeder::start(int perTick, int intervalMs)
{
    m_perTick = perTick;
    m_timer.start(intervalMs);
}

} // namespace steward
