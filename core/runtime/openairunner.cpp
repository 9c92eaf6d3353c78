// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openairunner.h"

#include "api/apilimits.h"
#include "domain/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace steward {

namespace {

// How much of the first line of an answer goes into the proposal's title.
constexpr qsizetype titleLineChars = 80;
// How much of an error answer goes into the reason: enough to say why, not enough to fill the
// run's record.
constexpr qsizetype answerExcerptChars = 200;
constexpr qsizetype errorMessageChars = 1000;

const QString redacted = QStringLiteral("[key]");

// A count the server sent, or 0 for anything that is not a sane one.
qint64 count(const QJsonValue &value)
{
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0.0 || number > double(ApiLimits::MaxSafeInteger)
        || std::floor(number) != number) {
        return 0;
    }
    return qint64(number);
}

QString firstLine(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const auto line = std::find_if(lines.cbegin(), lines.cend(),
                                   [](const QString &candidate) { return !candidate.trimmed().isEmpty(); });
    return line == lines.cend() ? QString() : line->trimmed();
}

} // namespace

OpenAiRunner::OpenAiRunner(const Clock &clock, Options options, QNetworkAccessManager &network, QObject *parent)
    : Runner(parent), m_clock(clock), m_options(std::move(options)), m_network(network)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &OpenAiRunner::timedOut);
}

OpenAiRunner::~OpenAiRunner()
{
    dropReply();
}

QUrl OpenAiRunner::endpoint(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QStringLiteral("/chat/completions"));
    return url;
}

QJsonObject OpenAiRunner::requestBody(const RunRequest &request)
{
    const QString payload = QString::fromUtf8(QJsonDocument(request.payload).toJson(QJsonDocument::Compact));
    const QJsonArray messages{
        QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                    {QStringLiteral("content"), request.spec.instructions}},
        QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), payload}},
    };
    return {{QStringLiteral("model"), request.spec.model},
            {QStringLiteral("messages"), messages},
            {QStringLiteral("temperature"), request.spec.temperature},
            {QStringLiteral("max_tokens"), request.spec.maxTokens}};
}

void OpenAiRunner::start(const RunRequest &request)
{
    m_request = request;
    m_body = requestBody(request);
    const QUrl &base = m_options.baseUrl;
    if (base.isEmpty()) {
        failSoon(tr("no OpenAI-compatible server is configured (stewardd --openai-base-url)"));
        return;
    }
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
        failSoon(tr("the OpenAI base URL \"%1\" is not an http or https URL with a host")
                     .arg(base.toString(QUrl::RemoveUserInfo)));
        return;
    }
    if (request.spec.model.trimmed().isEmpty()) {
        failSoon(tr("the agent's spec names no model"));
        return;
    }

    QNetworkRequest http(endpoint(base));
    // A POST that carries the key must not be sent on to wherever a redirect points.
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Steward-Runner"));
    http.setRawHeader("Accept", "application/json");
    if (!m_options.apiKey.isEmpty()) {
        http.setRawHeader("Authorization", "Bearer " + m_options.apiKey);
    }
    m_elapsed.start();
    m_reply = m_network.post(http, QJsonDocument(m_body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this, &OpenAiRunner::replied);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &OpenAiRunner::received);
    m_timeout.start(std::chrono::seconds(std::max(1, request.spec.runner.timeoutSeconds)));
}

void OpenAiRunner::cancel(const QString &reason)
{
    if (m_finished) {
        return;
    }
    const bool called = m_reply != nullptr;
    dropReply();
    fail(reason, called, {});
}

void OpenAiRunner::timedOut()
{
    dropReply();
    fail(tr("no answer from the model server within %1 s").arg(m_timeout.interval() / 1000), true, {});
}

void OpenAiRunner::received(qint64 bytes, qint64 total)
{
    if (bytes > MaxAnswerBytes || total > MaxAnswerBytes) {
        dropReply();
        fail(tooLarge(), true, {});
    }
}

void OpenAiRunner::replied()
{
    QNetworkReply *reply = m_reply;
    if (reply == nullptr) {
        return;
    }
    m_reply = nullptr;
    reply->deleteLater();
    m_timeout.stop();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        fail(tr("cannot reach the model server at %1: %2")
                 .arg(m_options.baseUrl.toString(QUrl::RemoveUserInfo), reply->errorString()),
             true, {});
        return;
    }
    const QByteArray body = reply->read(MaxAnswerBytes + 1);
    if (body.size() > MaxAnswerBytes) {
        fail(tooLarge(), true, {});
        return;
    }
    const int httpStatus = status.toInt();
    if (httpStatus < 200 || httpStatus >= 300) {
        fail(httpError(httpStatus, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), body), true,
             {});
        return;
    }
    Answer answer;
    if (const QString problem = readAnswer(body, answer); !problem.isEmpty()) {
        fail(problem, true, answer);
        return;
    }
    succeed(answer);
}

QString OpenAiRunner::tooLarge()
{
    return tr("the model server's answer is larger than %1 MiB").arg(MaxAnswerBytes / (1024 * 1024));
}

QString OpenAiRunner::httpError(int httpStatus, const QString &phrase, const QByteArray &body) const
{
    // OpenAI and the servers that copy its API say why in {"error": {"message": "..."}}.
    QString message = QJsonDocument::fromJson(body)
                          .object()
                          .value(QStringLiteral("error"))
                          .toObject()
                          .value(QStringLiteral("message"))
                          .toString()
                          .simplified()
                          .left(errorMessageChars);
    if (message.isEmpty()) {
        message = QString::fromUtf8(body.left(answerExcerptChars * 4)).simplified().left(answerExcerptChars);
    }
    QString what;
    if (httpStatus == 401 || httpStatus == 403) {
        what = m_options.apiKey.isEmpty() ? tr("the model server refused the call, and no API key is configured")
                                          : tr("the model server refused the API key");
    } else if (httpStatus == 429) {
        what = tr("the model server is rate limiting or out of quota");
    } else if (httpStatus >= 500) {
        what = tr("the model server failed");
    } else if (httpStatus >= 300 && httpStatus < 400) {
        what = tr("the model server redirected the call (redirects are not followed)");
    } else {
        what = tr("the model server refused the request");
    }
    const QString status = QStringLiteral("HTTP %1 %2").arg(httpStatus).arg(phrase).trimmed();
    return message.isEmpty() ? tr("%1 (%2)").arg(what, status) : tr("%1 (%2): %3").arg(what, status, message);
}

QString OpenAiRunner::readAnswer(const QByteArray &body, Answer &answer) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return tr("the model server's answer is not a JSON object");
    }
    const QJsonObject root = document.object();
    const QJsonObject usage = root.value(QStringLiteral("usage")).toObject();
    answer.tokensIn = count(usage.value(QStringLiteral("prompt_tokens")));
    answer.tokensOut = count(usage.value(QStringLiteral("completion_tokens")));
    // Some servers (OpenRouter, LiteLLM) say what the call cost; that beats a price list.
    const QJsonValue cost = usage.value(QStringLiteral("cost"));
    if (cost.isDouble() && std::isfinite(cost.toDouble()) && cost.toDouble() >= 0.0) {
        answer.cost = cost.toDouble();
    } else if (const auto price = m_options.prices.constFind(m_request.spec.model); price != m_options.prices.cend()) {
        answer.cost = price->cost(answer.tokensIn, answer.tokensOut);
    }

    const QJsonArray choices = root.value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty() || !choices.first().isObject()) {
        return tr("the model server's answer has no choices");
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QStringLiteral("message")).toObject();
    answer.finishReason = choice.value(QStringLiteral("finish_reason")).toString();
    answer.text = message.value(QStringLiteral("content")).toString();
    if (answer.finishReason == QLatin1String("length")) {
        return tr("the answer was truncated at max_tokens (%1); raise max_tokens in the spec or ask for less")
            .arg(m_request.spec.maxTokens);
    }
    if (answer.finishReason == QLatin1String("content_filter")) {
        return tr("the model server withheld the answer (content filter)");
    }
    if (answer.text.trimmed().isEmpty()) {
        const QString refusal = message.value(QStringLiteral("refusal")).toString().simplified();
        return refusal.isEmpty() ? tr("the model's answer is empty") : tr("the model refused: %1").arg(refusal);
    }
    // A reviewer has to read all of it; what the approval inbox takes is the limit.
    if (answer.text.size() > ApiLimits::MaxPayloadLength) {
        return tr("the answer is %1 characters long, more than the %2 a proposal may have")
            .arg(answer.text.size())
            .arg(ApiLimits::MaxPayloadLength);
    }
    return {};
}

void OpenAiRunner::succeed(const Answer &answer)
{
    const QString text = clean(answer.text);
    const QString line = firstLine(text);
    ActivityEvent output = event(QString::fromLatin1(EventKinds::Output), QStringLiteral("ok"), line);
    output.detail = text.left(ApiLimits::MaxDetailLength);
    if (text.size() > ApiLimits::MaxDetailLength) {
        output.body.insert(QStringLiteral("length"), text.size());
    }
    Q_EMIT eventsReported({modelCall(QStringLiteral("ok"), answer), output});

    NewApproval proposal;
    proposal.agentId = m_request.run.agentId;
    proposal.runId = m_request.run.id;
    proposal.version = m_request.run.version;
    const QString name = m_request.agentPath.section(QLatin1Char('/'), -1);
    proposal.title = QStringLiteral("%1: %2").arg(name, line.left(titleLineChars));
    proposal.payload = text;
    proposal.payloadFormat = QStringLiteral("markdown");
    Q_EMIT proposalReported(proposal);

    RunnerOutcome outcome;
    outcome.status = RunStatus::Succeeded;
    outcome.tokensIn = answer.tokensIn;
    outcome.tokensOut = answer.tokensOut;
    outcome.cost = answer.cost;
    finish(outcome);
}

void OpenAiRunner::fail(const QString &reason, bool called, const Answer &answer)
{
    if (m_finished) {
        return;
    }
    m_timeout.stop();
    const QString cleaned = clean(reason);
    QList<ActivityEvent> events;
    if (called) {
        events.append(modelCall(QStringLiteral("error"), answer));
    }
    ActivityEvent error = event(QString::fromLatin1(EventKinds::Error), QStringLiteral("error"), cleaned);
    error.detail = cleaned;
    events.append(error);
    Q_EMIT eventsReported(events);

    RunnerOutcome outcome;
    outcome.status = RunStatus::Failed;
    outcome.error = cleaned;
    outcome.tokensIn = answer.tokensIn;
    outcome.tokensOut = answer.tokensOut;
    outcome.cost = answer.cost;
    finish(outcome);
}

void OpenAiRunner::failSoon(const QString &reason)
{
    // finished() comes from the event loop, as it does for every other outcome.
    QMetaObject::invokeMethod(
        this, [this, reason] { fail(reason, false, {}); }, Qt::QueuedConnection);
}

void OpenAiRunner::dropReply()
{
    m_timeout.stop();
    if (m_reply == nullptr) {
        return;
    }
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void OpenAiRunner::finish(const RunnerOutcome &outcome)
{
    m_finished = true;
    Q_EMIT finished(outcome);
}

ActivityEvent OpenAiRunner::event(const QString &kind, const QString &status, const QString &summary) const
{
    ActivityEvent event;
    event.time = m_clock.now();
    event.agentId = m_request.run.agentId;
    event.version = m_request.run.version;
    event.runId = m_request.run.id;
    event.kind = kind;
    event.status = status;
    event.summary = summary.left(ApiLimits::MaxSummaryLength);
    return event;
}

ActivityEvent OpenAiRunner::modelCall(const QString &status, const Answer &answer) const
{
    ActivityEvent call =
        event(QString::fromLatin1(EventKinds::Step), status, tr("model call: %1").arg(m_request.spec.model));
    call.tokensIn = answer.tokensIn;
    call.tokensOut = answer.tokensOut;
    call.cost = answer.cost;
    call.latencyMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    QJsonObject body = m_body;
    body.insert(QStringLiteral("endpoint"), endpoint(m_options.baseUrl).toString(QUrl::RemoveUserInfo));
    if (!answer.finishReason.isEmpty()) {
        body.insert(QStringLiteral("finish_reason"), answer.finishReason);
    }
    call.body = body;
    return call;
}

QString OpenAiRunner::clean(const QString &text) const
{
    if (m_options.apiKey.isEmpty()) {
        return text;
    }
    return QString(text).replace(QString::fromUtf8(m_options.apiKey), redacted);
}

} // namespace steward
