// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionprofile.h"
#include "domain/result.h"
#include "service/workspace.h"

#include <memory>

namespace steward {

// The workspace a server shares, signed in with `token`: the one place in the app that knows
// the backend client (core/client), so that everything else works on a Workspace. A workspace
// that keeps a live link to its server announces it with a signal
// `connectionChanged(bool connected, QString why)`, which the window shows.
[[nodiscard]] Result<std::unique_ptr<Workspace>> openRemoteWorkspace(const ConnectionProfile &profile,
                                                                     const QString &token);

} // namespace steward
