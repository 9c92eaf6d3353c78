// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelprices.h"
#include "runner.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace steward {

class Clock;

// The built-in simple agent: one chat completion per run. It posts the spec's instructions (as
// the system message) and the trigger's payload (as JSON text, the user message) to an
// OpenAI-compatible server's {baseUrl}/chat/completions, and reports
//   - a `step` event "model call": the model, the messages sent, tokens, cost and latency;
//   - an `output` event with the answer as its searchable detail;
//   - the answer as a markdown proposal for the approval inbox, without an action: an approved
//     answer is a reviewed text, and the only action there is (a webhook) needs a URL that
//     the spec's outputs do not give.
// The answer comes from outside and is checked as such: an HTTP error (with the server's own
// message), an answer that is not JSON, has no choices, is empty, was cut at max_tokens or
// filtered, is larger than MaxAnswerBytes, or never comes within the spec's runner timeout,
// ends the run Failed with the reason and an `error` event.
// The key goes into the Authorization header and nowhere else: every text the runner reports
// has it replaced, in case a server quotes it back.
class OpenAiRunner final : public Runner
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl baseUrl; // e.g. https://api.openai.com/v1 or http://127.0.0.1:8080/v1
        QByteArray apiKey; // empty: no Authorization header (a local server that wants none)
        QHash<QString, ModelPrice> prices; // by model, for servers that do not say what a call cost
    };

    // More than this is no chat answer; it is refused without being read whole.
    static constexpr qint64 MaxAnswerBytes = 8 * 1024 * 1024;

    // `network` is shared by the runs of a server (one QNetworkAccessManager holds a thread and
    // a connection pool; one per run would not scale to many agents) and outlives the runner.
    OpenAiRunner(const Clock &clock, Options options, QNetworkAccessManager &network, QObject *parent = nullptr);
    // A call still under way is abandoned without a finished() signal.
    ~OpenAiRunner() override;
    Q_DISABLE_COPY_MOVE(OpenAiRunner)

    void start(const RunRequest &request) override;
    void cancel(const QString &reason) override;

    // What is posted for the request: model, messages, temperature and max_tokens.
    [[nodiscard]] static QJsonObject requestBody(const RunRequest &request);
    // {baseUrl}/chat/completions.
    [[nodiscard]] static QUrl endpoint(const QUrl &baseUrl);

private:
    // What a 2xx answer says, once checked.
    struct Answer
    {
        QString text;
        QString finishReason;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double cost = 0.0;
    };

    void replied();
    void timedOut();
    void received(qint64 bytes, qint64 total);
    // Reads the answer's usage and cost, then its text; a refused answer keeps the usage so
    // that a failed call still counts what it cost.
    [[nodiscard]] QString readAnswer(const QByteArray &body, Answer &answer) const;
    [[nodiscard]] static QString tooLarge();
    [[nodiscard]] QString httpError(int httpStatus, const QString &phrase, const QByteArray &body) const;
    void succeed(const Answer &answer);
    // Ends the run Failed. `called`: the request reached the server, so the model call is traced.
    void fail(const QString &reason, bool called, const Answer &answer);
    void failSoon(const QString &reason);
    void dropReply();
    void finish(const RunnerOutcome &outcome);
    [[nodiscard]] ActivityEvent event(const QString &kind, const QString &status, const QString &summary) const;
    [[nodiscard]] ActivityEvent modelCall(const QString &status, const Answer &answer) const;
    // The text with the key blanked out.
    [[nodiscard]] QString clean(const QString &text) const;

    const Clock &m_clock;
    Options m_options;
    QNetworkAccessManager &m_network;
    RunRequest m_request;
    QJsonObject m_body;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    bool m_finished = false;
};

} // namespace steward
