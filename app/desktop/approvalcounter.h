// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QThread;

namespace steward {

class Workspace;

// The inbox's counts ("For me N · My teams M"). Counting 100,000 pending items takes a
// noticeable moment, so for a local workspace file it runs on a worker thread with its own
// read-only Store, and the window stays responsive; a server counts on its side, so a
// server's workspace is asked directly. Requests during a count are folded into one more.
class ApprovalCounter final : public QObject
{
    Q_OBJECT

public:
    explicit ApprovalCounter(QObject *parent = nullptr);
    ~ApprovalCounter() override;
    Q_DISABLE_COPY_MOVE(ApprovalCounter)

    // Counts for this workspace (nullptr: zero at once); counted() follows.
    void request(Workspace *workspace);

Q_SIGNALS:
    void counted(const steward::ApprovalCounts &counts);

private:
    void start();
    void onWorkerFinished();

    QPointer<Workspace> m_workspace;
    QString m_location; // the local file counted on the worker; empty for a server
    QString m_actor;
    std::unique_ptr<QThread> m_thread;
    std::optional<Result<ApprovalCounts>> m_result;
    bool m_again = false;
};

} // namespace steward
