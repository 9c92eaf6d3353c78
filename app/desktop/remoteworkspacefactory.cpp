// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "remoteworkspacefactory.h"

#include <QCoreApplication>

namespace steward {

// Until the backend client (RemoteWorkspace, branch wt-client) is part of the build, a server
// can be checked and its profile and token saved, but not opened.
Result<std::unique_ptr<Workspace>> openRemoteWorkspace(const ConnectionProfile &profile, const QString &)
{
    return Error{Error::Code::StoreMissing,
                 QCoreApplication::translate("steward::RemoteWorkspaceFactory",
                                             "This build of Steward cannot open the workspace at %1 yet: it has no "
                                             "backend client.")
                     .arg(profile.serverUrl.toDisplayString())};
}

} // namespace steward
