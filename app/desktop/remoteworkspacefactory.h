// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionprofile.h"
#include "domain/result.h"
#include "service/workspace.h"

#include <memory>

namespace steward {

// The workspace a server shares (RemoteWorkspace), signed in with `token`: the one place in
// the app that knows the backend client (core/client), so that everything else works on a
// Workspace. Its live link to the server is announced by the signals
// `connectionChanged(bool connected, QString why)` and `reconnectScheduled(int delayMs)`,
// which the window shows.
[[nodiscard]] Result<std::unique_ptr<Workspace>> openRemoteWorkspace(const ConnectionProfile &profile,
                                                                     const QString &token);

} // namespace steward
