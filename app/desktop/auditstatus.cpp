// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditstatus.h"

#include "storage/store.h"

#include <QDir>
#include <QLocale>
#include <QThread>

namespace steward {
namespace {

// Runs on the worker: the store is made, used and destroyed in this thread.
Result<AuditVerification> verifyAt(const QString &path, const std::atomic<bool> &cancelled)
{
    const Result<std::unique_ptr<Store>> store = Store::openReadOnly(path);
    if (!store) {
        return store.error();
    }
    return AuditVerifier::verify(*store.value(), [&cancelled](qint64) { return !cancelled.load(); });
}

} // namespace

AuditStatus::AuditStatus(QObject *parent) : QObject(parent) { }

AuditStatus::~AuditStatus()
{
    if (m_thread) {
        m_cancelled = true;
        m_thread->wait();
    }
}

void AuditStatus::check(const QString &location)
{
    if (location != m_location) {
        m_cancelled = true; // a check of another workspace is of no use any more
    }
    m_location = location;
    setState(State::Checking);
    if (m_thread) {
        m_again = true;
        return;
    }
    start();
}

void AuditStatus::clear()
{
    m_cancelled = true;
    m_again = false;
    m_location.clear();
    setState(State::None);
}

void AuditStatus::report(const Result<AuditVerification> &result)
{
    // A local check still running is of no use any more: its result must not replace this one.
    m_cancelled = true;
    m_again = false;
    m_location.clear();
    if (!result) {
        m_error = result.error().message;
        setState(State::Failed);
        return;
    }
    m_verification = result.value();
    setState(m_verification.intact() ? State::Verified : State::Broken);
}

void AuditStatus::start()
{
    m_again = false;
    m_cancelled = false;
    m_result.reset();
    const QString path = QDir::fromNativeSeparators(m_location);
    m_thread.reset(QThread::create([this, path] { m_result = verifyAt(path, m_cancelled); }));
    connect(m_thread.get(), &QThread::finished, this, &AuditStatus::onWorkerFinished);
    m_thread->start();
}

void AuditStatus::onWorkerFinished()
{
    m_thread->wait();
    m_thread.reset();
    if (m_location.isEmpty()) {
        return; // cleared while it ran
    }
    if (m_again) {
        start();
        return;
    }
    // The worker has returned, so m_result is set.
    if (!m_result->ok()) {
        m_error = m_result->error().message;
        setState(State::Failed);
        return;
    }
    m_verification = m_result->value();
    setState(m_verification.intact() ? State::Verified : State::Broken);
}

void AuditStatus::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

QString AuditStatus::text() const
{
    switch (m_state) {
    case State::None: return {};
    case State::Checking: return tr("Checking the audit chain…");
    case State::Verified:
        return tr("Audit chain verified (%1 entries)").arg(QLocale().toString(m_verification.entriesChecked));
    case State::Broken: return tr("Audit chain BROKEN at entry %1").arg(m_verification.firstBadSequence);
    case State::Failed: return tr("Audit chain not checked");
    }
    return {};
}

QString AuditStatus::details() const
{
    switch (m_state) {
    case State::None: return {};
    case State::Checking: return tr("Recomputing every entry's hash on a background thread.");
    case State::Verified:
        return tr("Every entry's hash was recomputed and chains to the one before it. The newest is entry %1, "
                  "hash %2.")
            .arg(QString::number(m_verification.headSequence), QString::fromLatin1(m_verification.headHash));
    case State::Broken: return m_verification.message;
    case State::Failed: return m_error;
    }
    return {};
}

} // namespace steward
