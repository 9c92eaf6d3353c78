// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stewardserver.h"

#include "approvalwaiters.h"

#include "api/apilimits.h"
#include "connectionguard.h"
#include "execution/executionservice.h"
#include "routes/routes.h"
#include "serverlog.h"
#include "serverruntime.h"
#include "streamhub.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslCertificate>
#include <QSslKey>

namespace steward {

namespace {

// How often pending approvals are checked for expiry and escalation: policies count in
// minutes and hours, so a few seconds late is on time.
constexpr int approvalSweepMs = 5000;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::StewardServer", text);
}

// A store that is not there yet is created (an SQLite file, or the schema in an empty
// PostgreSQL database); one that is there is opened and migrated.
Result<std::unique_ptr<Store>> openOrCreate(const QString &location)
{
    Result<std::unique_ptr<Store>> opened = Store::open(location);
    if (opened || opened.error().code != Error::Code::StoreMissing) {
        return opened;
    }
    if (!location.contains(QLatin1String("://"))) {
        QDir().mkpath(QFileInfo(location).absolutePath());
    }
    return Store::create(location);
}

Result<QSslConfiguration> tlsConfiguration(const ServerConfig &config)
{
    QFile certificateFile(config.tlsCertificate);
    if (!certificateFile.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Invalid, translated("tls-certificate: cannot read %1").arg(config.tlsCertificate)};
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        return Error{Error::Code::Invalid,
                     translated("tls-certificate: %1 holds no PEM certificate").arg(config.tlsCertificate)};
    }
    QFile keyFile(config.tlsKey);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Invalid, translated("tls-key: cannot read %1").arg(config.tlsKey)};
    }
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    }
    if (key.isNull()) {
        return Error{Error::Code::Invalid,
                     translated("tls-key: %1 holds no unencrypted PEM RSA or EC key").arg(config.tlsKey)};
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace

StewardServer::StewardServer(ServerConfig config, QObject *parent) : QObject(parent), m_config(std::move(config)) { }

StewardServer::~StewardServer()
{
    if (m_runtime) {
        m_runtime->stop();
    }
}

Status StewardServer::start()
{
    Result<std::unique_ptr<Store>> store = openOrCreate(m_config.database);
    if (!store) {
        return store.error();
    }
    m_context = std::make_unique<ServerContext>(std::move(store).value(), m_metrics);
    m_authenticator = std::make_unique<Authenticator>(m_context->access, m_metrics, m_config.failedAuthPerMinute);
    m_router = std::make_unique<ApiRouter>(*m_authenticator, m_metrics);
    addOperationsRoutes(*m_router, *m_context);
    addTreeRoutes(*m_router, *m_context);
    addAgentRoutes(*m_router, *m_context);
    addActivityRoutes(*m_router, *m_context);
    addAuditRoutes(*m_router, *m_context);
    addAccessRoutes(*m_router, *m_context);
    addOtlpRoutes(*m_router, *m_context);
    m_approvalWaiters = std::make_unique<ApprovalWaiters>(*m_context, m_config.database);
    if (const Status waiting = m_approvalWaiters->start(); !waiting) {
        return waiting.error();
    }
    addApprovalRoutes(*m_router, *m_context, *m_approvalWaiters);
    addReliabilityRoutes(*m_router, *m_context);
    addApprovalAnalyticsRoutes(*m_router, *m_context);

    m_streamHub = std::make_unique<StreamHub>(*m_context, *m_authenticator, m_config.database);
    if (const Status following = m_streamHub->start(); !following) {
        return following.error();
    }
    m_streamHub->attach(m_http, *m_router);
    m_runtime = std::make_unique<ServerRuntime>(*m_context, m_config);
    addRuntimeRoutes(*m_router, *m_context, *m_runtime, *m_authenticator);
    m_router->setAfterChange([this] {
        m_streamHub->poke();
        m_approvalWaiters->poke();
        pokeExecutor();
        m_runtime->poke();
    });
    connect(&m_approvalSweep, &QTimer::timeout, this, [this] {
        const Result<QList<ApprovalId>> swept = m_context->approvals.sweep(m_context->clock.now());
        if (!swept) {
            ServerLog::error(QStringLiteral("approval sweep"), {{QStringLiteral("error"), swept.error().message}});
        } else if (!swept->isEmpty()) {
            m_streamHub->poke();
            m_approvalWaiters->poke();
            pokeExecutor();
        }
    });
    m_approvalSweep.start(approvalSweepMs);
    m_metrics.setStreamGauges([this] { return m_streamHub->clientCount(); },
                              [this] { return m_streamHub->queuedBytes(); });

    m_http.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        m_router->dispatch(request, responder);
    });
    if (const Status executing = startExecutor(); !executing) {
        return executing;
    }
    connect(m_runtime.get(), &ServerRuntime::changed, this, [this] {
        m_streamHub->poke();
        m_approvalWaiters->poke();
    });
    if (const Status running = m_runtime->start(); !running) {
        return running;
    }
    if (RunDispatcher *dispatcher = m_runtime->dispatcher()) {
        m_metrics.setRuntimeCounts([dispatcher] { return dispatcher->counts(); },
                                   [dispatcher] { return dispatcher->runsUnderWay(); });
    }
    return listen();
}

Status StewardServer::listen()
{
    ConnectionLimits limits;
    limits.maxBodyBytes = ApiLimits::MaxRequestBytes;
    limits.requestTimeoutMs = m_config.requestTimeoutSeconds * 1000;
    QTcpServer *tcpServer = nullptr;
    if (m_config.usesTls()) {
        const Result<QSslConfiguration> tls = tlsConfiguration(m_config);
        if (!tls) {
            return tls.error();
        }
        tcpServer = new GuardedSslServer(limits, tls.value(), &m_http);
    } else {
        tcpServer = new GuardedTcpServer(limits, &m_http);
    }
    if (!tcpServer->listen(m_config.listenAddress, m_config.listenPort)) {
        const QString why = tcpServer->errorString();
        delete tcpServer;
        return Error{Error::Code::Invalid,
                     translated("cannot listen on %1:%2: %3")
                         .arg(m_config.listenAddress.toString())
                         .arg(m_config.listenPort)
                         .arg(why)};
    }
    m_http.bind(tcpServer);
    m_port = tcpServer->serverPort();
    ServerLog::info(QStringLiteral("listening"),
                    {{QStringLiteral("address"), m_config.listenAddress.toString()},
                     {QStringLiteral("port"), QString::number(m_port)},
                     {QStringLiteral("tls"), m_config.usesTls() ? QStringLiteral("on") : QStringLiteral("off")},
                     {QStringLiteral("database"), m_context->store->path()}});
    return Done{};
}

Status StewardServer::startExecutor()
{
    if (!m_config.executor) {
        ServerLog::info(QStringLiteral("executor_off"));
        return Done{};
    }
    WebhookSecrets secrets;
    if (!m_config.secretsFile.isEmpty()) {
        Result<WebhookSecrets> loaded = WebhookSecrets::load(m_config.secretsFile);
        if (!loaded) {
            return Error{
                loaded.error().code,
                QCoreApplication::translate("steward::StewardServer", "secrets: %1").arg(loaded.error().message)};
        }
        secrets = std::move(loaded).value();
    }
    const qsizetype secretCount = secrets.size();
    ExecutionService::Options options;
    options.maxAttempts = m_config.executorMaxAttempts;
    m_executor = std::make_unique<ExecutionService>(*m_context->store, m_context->clock, std::move(secrets), options);
    connect(m_executor.get(), &ExecutionService::recordFailed, this, [](ApprovalId id, const QString &message) {
        ServerLog::warning(QStringLiteral("execution_not_recorded"),
                           {{QStringLiteral("approval"), QString::number(id)}, {QStringLiteral("reason"), message}});
    });
    // An outcome is a change clients and long polls wait for: tell them now, not at the next tick.
    connect(m_executor.get(), &ExecutionService::attemptRecorded, this, [this] {
        m_streamHub->poke();
        m_approvalWaiters->poke();
    });
    m_metrics.setExecutionCounts([this] { return m_executor->counts(); });
    connect(&m_executorTimer, &QTimer::timeout, this, &StewardServer::runExecutor);
    m_executorTimer.start(1000);
    pokeExecutor();
    ServerLog::info(QStringLiteral("executor_started"),
                    {{QStringLiteral("owner"), m_executor->owner()},
                     {QStringLiteral("secrets"), QString::number(secretCount)},
                     {QStringLiteral("max_attempts"), QString::number(options.maxAttempts)}});
    return Done{};
}

void StewardServer::runExecutor()
{
    if (const Result<int> started = m_executor->runDue(); !started) {
        ServerLog::warning(QStringLiteral("executor_failed"), {{QStringLiteral("reason"), started.error().message}});
    }
}

void StewardServer::pokeExecutor()
{
    if (m_executor) {
        // After the answer has gone out: the request's own transaction has committed by now.
        QTimer::singleShot(0, this, &StewardServer::runExecutor);
    }
}

} // namespace steward
