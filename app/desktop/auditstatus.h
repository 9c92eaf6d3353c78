// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/auditverifier.h"
#include "domain/result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace steward {

// Whether a workspace's audit chain verifies, checked on a worker thread so that a long log
// never blocks the window. The worker opens its own read-only Store (a database connection
// belongs to the thread that made it) and closes it before it ends. Asking again while a check
// runs queues one more check after it: a burst of appends costs at most one extra check.
class AuditStatus final : public QObject
{
    Q_OBJECT

public:
    enum class State { None, Checking, Verified, Broken, Failed };

    explicit AuditStatus(QObject *parent = nullptr);
    // Stops a running check and waits for the worker.
    ~AuditStatus() override;
    Q_DISABLE_COPY_MOVE(AuditStatus)

    // Checks the workspace at `location` (a path as Workspace::location() gives it).
    void check(const QString &location);
    // Shows a check made elsewhere: a server verifies its own chain (GET /api/v1/audit/verify).
    void report(const Result<AuditVerification> &result);
    // Forgets the workspace: no check, no state.
    void clear();

    [[nodiscard]] State state() const { return m_state; }
    // The last finished check (Verified or Broken).
    [[nodiscard]] const AuditVerification &verification() const { return m_verification; }
    // The status in words, for the status bar.
    [[nodiscard]] QString text() const;
    // The details, for a tooltip.
    [[nodiscard]] QString details() const;

Q_SIGNALS:
    void stateChanged();

private:
    void start();
    void onWorkerFinished();
    void setState(State state);

    QString m_location;
    State m_state = State::None;
    AuditVerification m_verification;
    QString m_error;
    bool m_again = false; // another check was asked for while one ran
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancelled = false;
    // Written by the worker, read once it has finished.
    std::optional<Result<AuditVerification>> m_result;
};

} // namespace steward
