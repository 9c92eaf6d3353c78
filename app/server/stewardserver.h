// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirouter.h"
#include "authenticator.h"
#include "serverconfig.h"
#include "servercontext.h"
#include "servermetrics.h"

#include <QHttpServer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace steward {

class ApprovalWaiters;
class ExecutionService;
class ServerRuntime;
class StreamHub;

// One stewardd: the workspace's store and services, the HTTP API and the live stream on one
// port. Everything runs on the thread that started it; handlers answer synchronously, so no
// answer is ever written to a socket that went away in between (the QFuture pitfall of Qt
// HttpServer 6.4, see docs/server.md).
class StewardServer final : public QObject
{
    Q_OBJECT

public:
    explicit StewardServer(ServerConfig config, QObject *parent = nullptr);
    ~StewardServer() override;

    // Opens (or creates) the store, migrating it, and starts listening.
    [[nodiscard]] Status start();
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] const ApiRouter &router() const { return *m_router; }

private:
    [[nodiscard]] Status listen();
    // The executor of approved actions: a timer asks it for due work every second, and every
    // change made through the API asks at once (a decision is one).
    [[nodiscard]] Status startExecutor();
    void runExecutor();
    void pokeExecutor();

    ServerConfig m_config;
    ServerMetrics m_metrics;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<ApiRouter> m_router;
    std::unique_ptr<StreamHub> m_streamHub;
    std::unique_ptr<ApprovalWaiters> m_approvalWaiters;
    // Expires and escalates pending approvals (ApprovalService::sweep).
    QTimer m_approvalSweep;
    std::unique_ptr<ExecutionService> m_executor;
    QTimer m_executorTimer;
    // Schedules, event triggers and Run now (core/runtime); its runs under way end as
    // interrupted when the server stops.
    std::unique_ptr<ServerRuntime> m_runtime;
    QHttpServer m_http;
    quint16 m_port = 0;
};

} // namespace steward
