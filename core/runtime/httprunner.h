// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runtime/runner.h"

#include <QByteArray>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace steward {

class Clock;

// Runs an agent in an external harness (spec.runner.kind "http"): POSTs the run request to
// spec.runner.target and waits for the answer, which comes when the run is done. The harness
// reports the run's events and proposals itself, through the ingest and approvals API; this
// runner reports none, only the outcome. The request (docs/agent-spec.md, "Runners"):
//   {"run": {"id", "agentId", "agent", "version", "trigger", "triggerDetail", "startedAt"},
//    "payload": {...}, "model": "...", "instructions": "..."}
// with the headers Idempotency-Key: steward-run-<id> and, when a secret is set,
// Steward-Signature (as webhooks are signed, WebhookSender::signature). The answer: any 2xx is
// success unless its JSON body says {"status": "failed", "error": "..."}; it may give
// "tokensIn", "tokensOut" and "cost". Any other status, a network error, the timeout or an
// answer over the size limit fail the run. Redirects are not followed.
class HttpRunner final : public Runner
{
    Q_OBJECT

public:
    struct Options
    {
        // Signs each request when not empty.
        QByteArray secret;
        // Shared by the runtime's runners; null: the runner makes its own.
        QNetworkAccessManager *network = nullptr;
        // A longer answer fails the run: a harness says "done" in a few bytes.
        qint64 maxAnswerBytes = 1024 * 1024;
    };

    explicit HttpRunner(const Clock &clock, QObject *parent = nullptr);
    HttpRunner(const Clock &clock, Options options, QObject *parent = nullptr);
    // A request still under way is abandoned.
    ~HttpRunner() override;
    Q_DISABLE_COPY_MOVE(HttpRunner)

    void start(const RunRequest &request) override;
    void cancel(const QString &reason) override;

    // The JSON body posted for `request`.
    [[nodiscard]] static QByteArray requestBody(const RunRequest &request);

private:
    void readAnswer();
    void replyFinished();
    // Aborts the request (once) for `reason`, which becomes the run's error.
    void stop(const QString &reason);
    [[nodiscard]] RunnerOutcome outcomeOfAnswer(int httpStatus) const;
    void finish(RunnerOutcome outcome);

    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_answer;
    QTimer m_timeout;
    int m_timeoutSeconds = 0;
    QString m_stopReason;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace steward
