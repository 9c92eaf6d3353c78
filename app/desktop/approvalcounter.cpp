// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalcounter.h"

#include "domain/clock.h"
#include "service/approvalservice.h"
#include "service/localworkspace.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QThread>

namespace steward {
namespace {

Result<ApprovalCounts> countAt(const QString &location, const QString &actor)
{
    Result<std::unique_ptr<Store>> store = Store::openReadOnly(location);
    if (!store) {
        return store.error();
    }
    const SystemClock clock;
    OrgService org(*store.value(), clock);
    const ApprovalService approvals(*store.value(), clock, org);
    return approvals.counts(actor);
}

} // namespace

ApprovalCounter::ApprovalCounter(QObject *parent) : QObject(parent) { }

ApprovalCounter::~ApprovalCounter()
{
    if (m_thread) {
        m_thread->wait();
    }
}

void ApprovalCounter::request(Workspace *workspace)
{
    m_workspace = workspace;
    auto *local = qobject_cast<LocalWorkspace *>(workspace);
    // A read-only bundle is counted in place: it cannot change, and it is small.
    if (!local || local->isReadOnly()) {
        m_location.clear();
        const Result<ApprovalCounts> counts =
            workspace ? workspace->approvalCounts() : Result<ApprovalCounts>(ApprovalCounts{});
        Q_EMIT counted(counts ? counts.value() : ApprovalCounts{});
        return;
    }
    m_location = local->location();
    m_actor = local->actor();
    if (m_thread) {
        m_again = true;
        return;
    }
    start();
}

void ApprovalCounter::start()
{
    m_again = false;
    m_result.reset();
    const QString location = m_location;
    const QString actor = m_actor;
    m_thread.reset(QThread::create([this, location, actor] { m_result = countAt(location, actor); }));
    connect(m_thread.get(), &QThread::finished, this, &ApprovalCounter::onWorkerFinished);
    m_thread->start();
}

void ApprovalCounter::onWorkerFinished()
{
    m_thread->wait();
    m_thread.reset();
    if (m_again && !m_location.isEmpty()) {
        start();
        return;
    }
    // Counted for a workspace that has since gone: of no use.
    if (m_location.isEmpty() || !m_workspace) {
        return;
    }
    Q_EMIT counted(m_result && m_result->ok() ? m_result->value() : ApprovalCounts{});
}

} // namespace steward
