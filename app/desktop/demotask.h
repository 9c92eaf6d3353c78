// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demobuilder.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QThread;
class QWidget;

namespace steward {

// Builds the demo workspace on a worker thread (it takes a while), with a progress dialog
// that can cancel. The window stays responsive; the result arrives as a signal.
class DemoTask final : public QObject
{
    Q_OBJECT

public:
    DemoTask(QString path, QWidget *window);
    // Cancels a build still running and waits for the worker to stop.
    ~DemoTask() override;
    Q_DISABLE_COPY_MOVE(DemoTask)

    void start();
    [[nodiscard]] QString path() const { return m_path; }

Q_SIGNALS:
    // An empty error means the workspace is ready at path(); otherwise it says what happened.
    void finished(const QString &error);

private:
    void onWorkerFinished();

    QString m_path;
    QPointer<QProgressDialog> m_progress; // a child of the window, which may delete it first
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancelled = false;
    // Written by the worker, read once it has finished.
    std::optional<Result<DemoBuilder::Summary>> m_result;
};

} // namespace steward
