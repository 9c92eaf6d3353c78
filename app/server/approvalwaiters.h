// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apireply.h"
#include "domain/approval.h"
#include "domain/result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <list>
#include <memory>
#include <optional>

class QHttpServerResponder;
class QTcpSocket;
class QTimer;

namespace steward {

class StreamListener;
struct ServerContext;

// The long poll of GET /api/v1/approvals/{id}?wait=N: the request is held, not a thread, until
// the approval leaves the pending state or the wait ends. Its own StreamListener says when the
// change stream grew (a decision made by this or any other stewardd on the database); the
// approval rows among the new items wake their waiters, which then answer. A client that goes
// away while waiting is forgotten when its socket disconnects; nothing is written to a socket
// that is gone (the responder is kept with a QPointer to its socket, see docs/server.md).
class ApprovalWaiters final : public QObject
{
    Q_OBJECT

public:
    // Gives the answer for the approval now, or nothing while it is still pending and the
    // wait has not ended (`final` is true when it has: then there is always an answer).
    using Answer = std::function<std::optional<ApiReply>(bool final)>;

    ApprovalWaiters(ServerContext &context, const QString &location);
    ~ApprovalWaiters() override;

    [[nodiscard]] Status start();
    // Something was committed by this process: look now.
    void poke();
    // Holds the request (the responder is moved away) until `answer` gives a reply.
    void wait(ApprovalId id, int waitMs, QHttpServerResponder &responder, Answer answer);
    [[nodiscard]] qsizetype count() const { return static_cast<qsizetype>(m_waiters.size()); }

private:
    struct Waiter
    {
        ApprovalId id = 0;
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        Answer answer;
        std::unique_ptr<QTimer> timer;
        QMetaObject::Connection disconnectWatch;
    };
    using Waiters = std::list<Waiter>;

    void onAdvanced(qint64 lastSeq);
    // Answers when there is an answer (or `final`); true when the waiter is done.
    bool tryAnswer(Waiter &waiter, bool final);
    void remove(const Waiter *waiter);
    Waiters::iterator erase(Waiters::iterator waiter);

    ServerContext &m_context;
    std::unique_ptr<StreamListener> m_listener;
    Waiters m_waiters;
    qint64 m_cursor = 0;
};

} // namespace steward
