// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/activityservice.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/store.h"
#include "storage/streamrepository.h"

#include <memory>

namespace steward {

class ServerMetrics;

// The core services one stewardd process serves its workspace with. The route handlers use
// these and nothing else, so the rules they apply are the same as a local store's.
struct ServerContext
{
    explicit ServerContext(std::unique_ptr<Store> openedStore, ServerMetrics &serverMetrics)
        : store(std::move(openedStore))
        , org(*store, clock)
        , agents(*store, clock, org)
        , access(*store, clock, org)
        , activity(*store, clock)
        , authorizer(*store)
        , stream(*store)
        , approvals(*store, clock, org)
        , metrics(serverMetrics)
    {
    }

    std::unique_ptr<Store> store;
    SystemClock clock;
    OrgService org;
    AgentService agents;
    AccessService access;
    ActivityService activity;
    Authorizer authorizer;
    StreamRepository stream;
    ApprovalService approvals;
    ServerMetrics &metrics;
};

} // namespace steward
