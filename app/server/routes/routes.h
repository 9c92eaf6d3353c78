// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace steward {

class ApiRouter;
class ApprovalWaiters;
class Authenticator;
class ServerRuntime;
struct ServerContext;

// Each group of routes lives in its own file; stewardserver.cpp adds them all.
void addOperationsRoutes(ApiRouter &router, ServerContext &context);
void addTreeRoutes(ApiRouter &router, ServerContext &context);
void addAgentRoutes(ApiRouter &router, ServerContext &context);
void addActivityRoutes(ApiRouter &router, ServerContext &context);
void addAuditRoutes(ApiRouter &router, ServerContext &context);
void addAccessRoutes(ApiRouter &router, ServerContext &context);
void addOtlpRoutes(ApiRouter &router, ServerContext &context);
void addApprovalRoutes(ApiRouter &router, ServerContext &context, ApprovalWaiters &waiters);
void addReliabilityRoutes(ApiRouter &router, ServerContext &context);
void addApprovalAnalyticsRoutes(ApiRouter &router, ServerContext &context);
void addRuntimeRoutes(ApiRouter &router, ServerContext &context, ServerRuntime &runtime, Authenticator &authenticator);

} // namespace steward
