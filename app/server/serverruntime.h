// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "execution/webhooksecrets.h"
#include "runtime/rundispatcher.h"
#include "runtime/runnerfactory.h"
#include "runtime/runrequestservice.h"
#include "runtime/scheduler.h"
#include "serverconfig.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace steward {

struct ServerContext;

// stewardd's background runtime: the queue of run requests (always, so that an instance with
// --runtime off still accepts Run now and events for the others), and with --runtime on the
// scheduler, the dispatcher and the runners it may make (command, http, openai). Everything
// runs on the server's thread.
class ServerRuntime final : public QObject
{
    Q_OBJECT

public:
    ServerRuntime(ServerContext &context, const ServerConfig &config, QObject *parent = nullptr);
    ~ServerRuntime() override;
    Q_DISABLE_COPY_MOVE(ServerRuntime)

    // Loads the trigger secrets and, with the runtime on, sweeps runs that a stopped server
    // left, starts the scheduler and the dispatcher.
    [[nodiscard]] Status start();
    // Graceful stop: this process's runs under way are cancelled and marked interrupted.
    void stop();

    [[nodiscard]] bool isRunning() const { return m_dispatcher != nullptr; }
    [[nodiscard]] RunRequestService &requests() { return m_requests; }
    // Null with the runtime off.
    [[nodiscard]] RunDispatcher *dispatcher() { return m_dispatcher.get(); }
    // The secret an event trigger's callers sign with: the secrets file's entry
    // "trigger.<name>".
    [[nodiscard]] std::optional<QByteArray> triggerSecret(const QString &name) const;

    // After a change through this server: the scheduler replans (a new version, a pause) and
    // the dispatcher looks for new requests at once.
    void poke();

Q_SIGNALS:
    // Runs started or ended, so live clients and long polls look now.
    void changed();

private:
    [[nodiscard]] Status makeRunners();
    void dispatch();

    ServerContext &m_context;
    const ServerConfig &m_config;
    WebhookSecrets m_secrets;
    RunRequestService m_requests;
    QNetworkAccessManager m_network;
    RunnerFactory m_runners;
    std::unique_ptr<RunDispatcher> m_dispatcher;
    std::unique_ptr<Scheduler> m_scheduler;
    bool m_dispatchScheduled = false;
};

} // namespace steward
