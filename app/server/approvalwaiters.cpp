// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalwaiters.h"

#include "servercontext.h"
#include "serverlog.h"
#include "storage/streamlistener.h"

#include <QHttpServerResponder>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>

namespace steward {

namespace {

// Rows read from the stream per query while catching up.
constexpr int pageSize = 1000;
// Requests held at once; each costs a socket, a timer and a few hundred bytes.
constexpr qsizetype maxWaiters = 10'000;

} // namespace

ApprovalWaiters::ApprovalWaiters(ServerContext &context, const QString &location)
    : m_context(context), m_listener(std::make_unique<StreamListener>(location))
{
    connect(m_listener.get(), &StreamListener::advanced, this, &ApprovalWaiters::onAdvanced);
}

ApprovalWaiters::~ApprovalWaiters() = default;

Status ApprovalWaiters::start()
{
    const Result<qint64> last = m_context.stream.lastSeq();
    if (!last) {
        return last.error();
    }
    m_cursor = last.value();
    return m_listener->start();
}

void ApprovalWaiters::poke()
{
    m_listener->poke();
}

void ApprovalWaiters::wait(ApprovalId id, int waitMs, QHttpServerResponder &responder, Answer answer)
{
    if (count() >= maxWaiters) {
        // Full: the client gets the approval as it is now and asks again, like after a wait.
        if (const std::optional<ApiReply> reply = answer(true)) {
            reply->writeTo(responder);
        }
        return;
    }
    m_waiters.push_back(Waiter{id,
                               std::make_unique<QHttpServerResponder>(std::move(responder)),
                               {},
                               std::move(answer),
                               std::make_unique<QTimer>(),
                               {}});
    Waiter &waiter = m_waiters.back();
    waiter.socket = waiter.responder->socket();
    const Waiter *key = &waiter;
    if (waiter.socket) {
        // A client that leaves is forgotten; its responder is never written to.
        waiter.disconnectWatch = connect(waiter.socket, &QTcpSocket::disconnected, this, [this, key] { remove(key); });
    }
    waiter.timer->setSingleShot(true);
    connect(waiter.timer.get(), &QTimer::timeout, this, [this, key] {
        for (Waiter &candidate : m_waiters) {
            if (&candidate == key) {
                tryAnswer(candidate, true);
                remove(key);
                return;
            }
        }
    });
    waiter.timer->start(waitMs);
}

bool ApprovalWaiters::tryAnswer(Waiter &waiter, bool final)
{
    const std::optional<ApiReply> reply = waiter.answer(final);
    if (!reply) {
        return false;
    }
    if (waiter.socket && waiter.socket->state() == QAbstractSocket::ConnectedState) {
        reply->writeTo(*waiter.responder);
    }
    return true;
}

void ApprovalWaiters::remove(const Waiter *waiter)
{
    for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it) {
        if (&*it == waiter) {
            erase(it);
            return;
        }
    }
}

ApprovalWaiters::Waiters::iterator ApprovalWaiters::erase(Waiters::iterator waiter)
{
    // The watch goes first: a later disconnect must not find another waiter at this address.
    disconnect(waiter->disconnectWatch);
    return m_waiters.erase(waiter);
}

void ApprovalWaiters::onAdvanced(qint64 lastSeq)
{
    QSet<ApprovalId> changed;
    while (m_cursor < lastSeq) {
        const Result<QList<StreamItem>> items = m_context.stream.readAfter(m_cursor, pageSize);
        if (!items) {
            ServerLog::error(QStringLiteral("approval waiters"), {{QStringLiteral("error"), items.error().message}});
            return;
        }
        if (items->isEmpty()) {
            break;
        }
        for (const StreamItem &item : items.value()) {
            if (item.type == StreamItemType::Approval) {
                changed.insert(item.subjectId);
            }
        }
        m_cursor = items->constLast().seq;
    }
    if (changed.isEmpty()) {
        return;
    }
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (changed.contains(it->id) && tryAnswer(*it, false)) {
            it = erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace steward
