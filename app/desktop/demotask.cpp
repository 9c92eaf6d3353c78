// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demotask.h"

#include <QThread>

namespace steward {

DemoTask::DemoTask(QString path, QWidget *window) : QObject(window), m_path(std::move(path))
{
    m_progress = new QProgressDialog(tr("Building the demo workspace…"), tr("Cancel"), 0, 100, window);
    m_progress->setObjectName(QStringLiteral("demoProgressDialog"));
    m_progress->setWindowTitle(tr("Demo workspace"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_cancelled = true;
        m_progress->setLabelText(tr("Cancelling…"));
    });
}

DemoTask::~DemoTask()
{
    if (m_thread) {
        m_cancelled = true;
        m_thread->wait();
    }
    delete m_progress;
}

void DemoTask::start()
{
    DemoBuilder::Options options;
    options.progress = [this](int percent) {
        QMetaObject::invokeMethod(
            this,
            [this, percent] {
                if (m_progress) {
                    m_progress->setValue(percent);
                }
            },
            Qt::QueuedConnection);
        return !m_cancelled.load();
    };
    m_thread.reset(QThread::create([this, options] { m_result = DemoBuilder::build(m_path, options); }));
    connect(m_thread.get(), &QThread::finished, this, &DemoTask::onWorkerFinished);
    m_progress->setValue(0);
    m_thread->start();
}

void DemoTask::onWorkerFinished()
{
    m_thread->wait();
    m_thread.reset();
    if (m_progress) {
        m_progress->hide();
    }
    // The worker has returned, so m_result is set.
    if (m_result->ok()) {
        Q_EMIT finished({});
    } else if (m_cancelled) {
        Q_EMIT finished(tr("Building the demo workspace was cancelled."));
    } else {
        Q_EMIT finished(tr("Could not build the demo workspace: %1").arg(m_result->error().message));
    }
}

} // namespace steward
