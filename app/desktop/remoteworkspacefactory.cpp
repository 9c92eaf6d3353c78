// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "remoteworkspacefactory.h"

#include "client/remoteworkspace.h"

namespace steward {

Result<std::unique_ptr<Workspace>> openRemoteWorkspace(const ConnectionProfile &profile, const QString &token)
{
    ServerConnection connection;
    connection.url = profile.serverUrl;
    connection.token = token;
    if (!profile.certificatePath.isEmpty()) {
        Result<QSslCertificate> pinned = ServerConnection::readCertificate(profile.certificatePath);
        if (!pinned) {
            return pinned.error();
        }
        connection.pinnedCertificate = std::move(pinned).value();
    }
    Result<std::unique_ptr<RemoteWorkspace>> opened = RemoteWorkspace::open(std::move(connection));
    if (!opened) {
        return opened.error();
    }
    return std::unique_ptr<Workspace>(std::move(opened).value());
}

} // namespace steward
