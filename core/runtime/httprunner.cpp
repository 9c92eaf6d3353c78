// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprunner.h"

#include "api/jsoncodec.h"
#include "domain/clock.h"
#include "execution/webhooksender.h"
#include "runtime/printabletext.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <chrono>
#include <utility>

namespace steward {

namespace {

// How much of a refusing harness's answer goes into the run's error.
constexpr qsizetype answerExcerptChars = 200;
// The longest error a harness's own answer may put into the run.
constexpr qsizetype maxHarnessErrorChars = 4096;

} // namespace

HttpRunner::HttpRunner(const Clock &clock, QObject *parent) : HttpRunner(clock, Options(), parent) { }

HttpRunner::HttpRunner(const Clock &clock, Options options, QObject *parent)
    : Runner(parent), m_clock(clock), m_options(std::move(options))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(tr("timed out after %1 s").arg(m_timeoutSeconds)); });
}

HttpRunner::~HttpRunner()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        delete m_reply;
    }
}

QByteArray HttpRunner::requestBody(const RunRequest &request)
{
    const QJsonObject recorded = toJson(request.run);
    QJsonObject run;
    for (const QLatin1String key :
         {QLatin1String("id"), QLatin1String("agentId"), QLatin1String("version"), QLatin1String("trigger"),
          QLatin1String("triggerDetail"), QLatin1String("startedAt")}) {
        run.insert(key, recorded.value(key));
    }
    run.insert(QLatin1String("agent"), request.agentPath);
    const QJsonObject body{{QLatin1String("run"), run},
                           {QLatin1String("payload"), request.payload},
                           {QLatin1String("model"), request.spec.model},
                           {QLatin1String("instructions"), request.spec.instructions}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void HttpRunner::start(const RunRequest &request)
{
    if (m_started) {
        return;
    }
    m_started = true;
    m_timeoutSeconds = request.spec.runner.timeoutSeconds;
    const QUrl url(request.spec.runner.target);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        RunnerOutcome outcome;
        outcome.error = tr("the harness URL \"%1\" is not an http:// or https:// URL").arg(request.spec.runner.target);
        finish(outcome);
        return;
    }

    QNetworkAccessManager *network = m_options.network;
    if (!network) {
        m_ownNetwork = std::make_unique<QNetworkAccessManager>();
        network = m_ownNetwork.get();
    }
    const QByteArray body = requestBody(request);
    QNetworkRequest httpRequest(url);
    // A POST must not turn into a call somewhere else.
    httpRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    httpRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Steward-Runner"));
    // The same for a run whatever happens, so that a harness can tell a repeated call.
    httpRequest.setRawHeader("Idempotency-Key", "steward-run-" + QByteArray::number(request.run.id));
    if (!m_options.secret.isEmpty()) {
        httpRequest.setRawHeader("Steward-Signature",
                                 WebhookSender::signature(m_clock.now().toSecsSinceEpoch(), body, m_options.secret));
    }
    m_reply = network->post(httpRequest, body);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpRunner::readAnswer);
    connect(m_reply, &QNetworkReply::finished, this, &HttpRunner::replyFinished);
    if (m_timeoutSeconds > 0) {
        m_timeout.start(std::chrono::seconds(m_timeoutSeconds));
    }
}

void HttpRunner::cancel(const QString &reason)
{
    if (!m_started || m_finished) {
        return;
    }
    stop(reason);
}

void HttpRunner::readAnswer()
{
    if (!m_stopReason.isEmpty()) {
        return;
    }
    m_answer += m_reply->read(m_options.maxAnswerBytes + 1 - m_answer.size());
    if (m_answer.size() > m_options.maxAnswerBytes) {
        stop(tr("the harness's answer is longer than %1 bytes").arg(m_options.maxAnswerBytes));
    }
}

void HttpRunner::stop(const QString &reason)
{
    if (!m_stopReason.isEmpty() || m_finished || !m_reply) {
        return;
    }
    m_stopReason = reason;
    m_timeout.stop();
    m_reply->abort(); // finished() follows, and with it the outcome
}

void HttpRunner::replyFinished()
{
    m_timeout.stop();
    readAnswer(); // what is left of it
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    if (!m_stopReason.isEmpty()) {
        RunnerOutcome outcome;
        outcome.error = m_stopReason;
        finish(outcome);
        return;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        RunnerOutcome outcome;
        outcome.error = tr("no answer from the harness: %1").arg(reply->errorString());
        finish(outcome);
        return;
    }
    finish(outcomeOfAnswer(status.toInt()));
}

RunnerOutcome HttpRunner::outcomeOfAnswer(int httpStatus) const
{
    RunnerOutcome outcome;
    if (httpStatus < 200 || httpStatus >= 300) {
        const QString answer = printableText(m_answer.left(answerExcerptChars * 4)).simplified();
        outcome.error = answer.isEmpty()
            ? QStringLiteral("HTTP %1").arg(httpStatus)
            : QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(answer.left(answerExcerptChars));
        return outcome;
    }
    // The answer's body is optional; one that is not a JSON object says nothing more.
    const QJsonObject answer = QJsonDocument::fromJson(m_answer).object();
    outcome.tokensIn = qMax<qint64>(0, answer.value(QLatin1String("tokensIn")).toInteger());
    outcome.tokensOut = qMax<qint64>(0, answer.value(QLatin1String("tokensOut")).toInteger());
    outcome.cost = qMax(0.0, answer.value(QLatin1String("cost")).toDouble());
    if (answer.value(QLatin1String("status")).toString() == QLatin1String("failed")) {
        const QString error =
            printableText(answer.value(QLatin1String("error")).toString().toUtf8()).left(maxHarnessErrorChars);
        outcome.error = error.isEmpty() ? tr("the harness says the run failed") : error;
        return outcome;
    }
    outcome.status = RunStatus::Succeeded;
    return outcome;
}

void HttpRunner::finish(RunnerOutcome outcome)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timeout.stop();
    // Never from inside start() or cancel(): whoever called them has not returned yet.
    QMetaObject::invokeMethod(
        this, [this, outcome] { Q_EMIT finished(outcome); }, Qt::QueuedConnection);
}

} // namespace steward
