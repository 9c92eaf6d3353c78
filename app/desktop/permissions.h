// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/principal.h"
#include "service/authorizer.h"

#include <QList>
#include <QString>

#include <optional>

namespace steward {

// What the signed-in principal may do where, worked out from its grants as the server listed
// them (GET /api/v1/me) with the server's own rule (Authorizer::roleAllows, a grant covers its
// subtree), so that the window disables what the server would refuse. The server still
// decides: a grant revoked since then shows as the server's refusal in the dialog that asked.
class Permissions final
{
public:
    // A local workspace file: its user may do everything.
    Permissions() = default;
    // A principal signed in to a server, with these grants.
    explicit Permissions(QList<Grant> grants) : m_grants(std::move(grants)) { }

    // Not for SeeNode: what a principal sees is what the server sends it.
    [[nodiscard]] bool allows(Action action, const QString &path) const;

    friend bool operator==(const Permissions &, const Permissions &) = default;

private:
    std::optional<QList<Grant>> m_grants; // none: unrestricted
};

} // namespace steward
