// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "domain/principal.h"
#include "service/accessservice.h"

#include <memory>

namespace steward {

// People, agent identities, roles and tokens as the user and token commands change them: on a
// workspace file through AccessService (as --actor), or on a server through its
// /api/v1/principals routes (as the token's owner, who must manage access there). One
// interface, so that each command is written once.
class AccessAdmin
{
public:
    // A principal with its roles.
    struct Member
    {
        Principal principal;
        QList<Grant> grants;
    };

    virtual ~AccessAdmin() = default;

    // The file of --store or the server of --server. On failure it has been reported and
    // `exitCode` is set.
    [[nodiscard]] static std::unique_ptr<AccessAdmin> open(const QCommandLineParser &parser,
                                                           const CommandContext &context, int &exitCode);

    [[nodiscard]] virtual Result<Principal> addPrincipal(const QString &name, const QString &displayName,
                                                         PrincipalKind kind, const QString &reason) = 0;
    [[nodiscard]] virtual Result<QList<Member>> members() const = 0;
    [[nodiscard]] virtual Result<Grant> grant(const QString &name, Role role, const QString &path,
                                              const QString &reason) = 0;
    [[nodiscard]] virtual Status revoke(const QString &name, Role role, const QString &path, const QString &reason) = 0;
    // The new token's record (its name at least) and its secret, which is shown once.
    [[nodiscard]] virtual Result<AccessService::IssuedToken> createToken(const QString &name, const QString &tokenName,
                                                                         const QString &reason) = 0;
    [[nodiscard]] virtual Status revokeToken(const QString &name, const QString &tokenName, const QString &reason) = 0;
};

} // namespace steward
