// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/approval.h"
#include "domain/clock.h"
#include "service/approvalservice.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <memory>

namespace steward {

// What an agent does to fill a reviewer's inbox, for the inbox tests: its own connection to
// the workspace file and the real ApprovalService, as the server's ingest would use them. The
// window's workspace does not hear of these writes; a test tells it (approvalChanged) when
// the point is to see a live arrival.
class ApprovalSubmitter final
{
public:
    explicit ApprovalSubmitter(const QString &path);

    [[nodiscard]] bool isOpen() const { return m_store != nullptr; }
    // Submits a proposal; 0 when refused.
    ApprovalId submit(NodeId agentId, const QString &title, const QString &payload = QStringLiteral("Hello"),
                      const QString &format = QStringLiteral("markdown"),
                      const QString &submitter = QStringLiteral("agent:test"));
    [[nodiscard]] ApprovalService &service() { return *m_approvals; }
    // The live node at `path`; NoNode if none.
    [[nodiscard]] NodeId idOf(const QString &path) const;

private:
    std::unique_ptr<Store> m_store;
    SystemClock m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<ApprovalService> m_approvals;
};

} // namespace steward
