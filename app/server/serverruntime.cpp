// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverruntime.h"

#include "openaioptions.h"
#include "runtime/commandrunner.h"
#include "runtime/httprunner.h"
#include "runtime/openairunner.h"
#include "servercontext.h"
#include "serverlog.h"

#include <QCoreApplication>
#include <QTimer>

namespace steward {

namespace {

// The secrets file's entry the http runner signs its requests with, when there is one.
constexpr auto httpRunnerSecretName = "runner.http";

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::ServerRuntime", text);
}

} // namespace

ServerRuntime::ServerRuntime(ServerContext &context, const ServerConfig &config, QObject *parent)
    : QObject(parent), m_context(context), m_config(config), m_requests(*context.store, context.clock)
{
}

ServerRuntime::~ServerRuntime() = default;

std::optional<QByteArray> ServerRuntime::triggerSecret(const QString &name) const
{
    return m_secrets.secret(QStringLiteral("trigger.") + name);
}

Status ServerRuntime::start()
{
    if (!m_config.secretsFile.isEmpty()) {
        Result<WebhookSecrets> loaded = WebhookSecrets::load(m_config.secretsFile);
        if (!loaded) {
            return Error{loaded.error().code, translated("secrets: %1").arg(loaded.error().message)};
        }
        m_secrets = std::move(loaded).value();
    }
    if (!m_config.runtime) {
        ServerLog::info(QStringLiteral("runtime_off"));
        return Done{};
    }
    if (const Status made = makeRunners(); !made) {
        return made;
    }
    RunDispatcher::Options options;
    options.maxConcurrentRuns = m_config.maxConcurrentRuns;
    options.leaseMs = qint64(m_config.runLeaseSeconds) * 1000;
    // Renewed three times per lease, so one late beat does not cost a run.
    options.heartbeatMs = std::min<qint64>(options.heartbeatMs, options.leaseMs / 3);
    m_dispatcher = std::make_unique<RunDispatcher>(*m_context.store, m_context.clock, m_context.activity,
                                                   m_context.approvals, m_runners, options);
    connect(m_dispatcher.get(), &RunDispatcher::recordFailed, this, [](RunId runId, const QString &message) {
        ServerLog::warning(QStringLiteral("run_not_recorded"),
                           {{QStringLiteral("run"), QString::number(runId)}, {QStringLiteral("reason"), message}});
    });
    connect(m_dispatcher.get(), &RunDispatcher::runStarted, this, &ServerRuntime::changed);
    connect(m_dispatcher.get(), &RunDispatcher::runFinished, this, &ServerRuntime::changed);

    m_scheduler = std::make_unique<Scheduler>(*m_context.store, m_context.clock, m_requests, Scheduler::Options{});
    connect(m_scheduler.get(), &Scheduler::fired, this, &ServerRuntime::dispatch);
    connect(m_scheduler.get(), &Scheduler::failed, this, [](const QString &message) {
        ServerLog::warning(QStringLiteral("scheduler_failed"), {{QStringLiteral("reason"), message}});
    });
    // The sweep comes first: runs a killed server left are interrupted before anything new.
    m_dispatcher->start();
    if (const Status scheduled = m_scheduler->start(); !scheduled) {
        return scheduled;
    }
    ServerLog::info(QStringLiteral("runtime_started"),
                    {{QStringLiteral("owner"), m_dispatcher->owner()},
                     {QStringLiteral("runners"), m_runners.kinds().join(QLatin1Char(','))},
                     {QStringLiteral("max_concurrent_runs"), QString::number(options.maxConcurrentRuns)},
                     {QStringLiteral("lease_s"), QString::number(m_config.runLeaseSeconds)},
                     {QStringLiteral("schedules"), QString::number(m_scheduler->plannedTriggers())}});
    return Done{};
}

Status ServerRuntime::makeRunners()
{
    const Clock &clock = m_context.clock;
    m_runners.add(QStringLiteral("command"),
                  [&clock](const AgentSpec::Runner &) { return std::make_unique<CommandRunner>(clock); });
    HttpRunner::Options http;
    http.secret = m_secrets.secret(QString::fromLatin1(httpRunnerSecretName)).value_or(QByteArray());
    http.network = &m_network;
    m_runners.add(QStringLiteral("http"),
                  [&clock, http](const AgentSpec::Runner &) { return std::make_unique<HttpRunner>(clock, http); });
    const Result<OpenAiRunner::Options> openAi = openAiRunnerOptions(m_config);
    if (!openAi) {
        return openAi.error();
    }
    m_runners.add(QStringLiteral("openai"), [this, &clock, options = openAi.value()](const AgentSpec::Runner &) {
        return std::make_unique<OpenAiRunner>(clock, options, m_network);
    });
    return Done{};
}

void ServerRuntime::stop()
{
    if (m_dispatcher) {
        m_dispatcher->stop(translated("the server stopped"));
    }
}

void ServerRuntime::poke()
{
    if (!m_dispatcher) {
        return;
    }
    m_scheduler->reloadSoon();
    dispatch();
}

void ServerRuntime::dispatch()
{
    if (!m_dispatcher || m_dispatchScheduled) {
        return;
    }
    // After the answer has gone out: the request's own transaction has committed by now.
    m_dispatchScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_dispatchScheduled = false;
        if (const Result<int> started = m_dispatcher->dispatchDue(); !started) {
            ServerLog::warning(QStringLiteral("dispatch_failed"),
                               {{QStringLiteral("reason"), started.error().message}});
        }
    });
}

} // namespace steward
