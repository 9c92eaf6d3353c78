// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessadmin.h"

#include "api/jsoncodec.h"
#include "client/apiclient.h"
#include "domain/clock.h"
#include "service/orgservice.h"

namespace steward {
namespace {

// On a workspace file: AccessService, acting as --actor.
class FileAccessAdmin final : public AccessAdmin
{
public:
    FileAccessAdmin(std::unique_ptr<Store> store, QString actor)
        : m_store(std::move(store))
        , m_actor(std::move(actor))
        , m_org(*m_store, m_clock)
        , m_access(*m_store, m_clock, m_org)
    {
    }

    Result<Principal> addPrincipal(const QString &name, const QString &displayName, PrincipalKind kind,
                                   const QString &reason) override
    {
        return m_access.addPrincipal(name, displayName, kind, m_actor, reason);
    }

    Result<QList<Member>> members() const override
    {
        const Result<QList<Principal>> all = m_access.principals().all();
        if (!all) {
            return all.error();
        }
        QList<Member> members;
        for (const Principal &principal : all.value()) {
            Result<QList<Grant>> grants = m_access.principals().grantsOf(principal.id);
            if (!grants) {
                return grants.error();
            }
            members.append({principal, std::move(grants).value()});
        }
        return members;
    }

    Result<Grant> grant(const QString &name, Role role, const QString &path, const QString &reason) override
    {
        return m_access.grant(name, role, path, m_actor, reason);
    }

    Status revoke(const QString &name, Role role, const QString &path, const QString &reason) override
    {
        return m_access.revoke(name, role, path, m_actor, reason);
    }

    Result<AccessService::IssuedToken> createToken(const QString &name, const QString &tokenName,
                                                   const QString &reason) override
    {
        return m_access.createToken(name, tokenName, m_actor, reason);
    }

    Status revokeToken(const QString &name, const QString &tokenName, const QString &reason) override
    {
        return m_access.revokeToken(name, tokenName, m_actor, reason);
    }

private:
    // Declared in dependency order: the store outlives the services that use it.
    std::unique_ptr<Store> m_store;
    QString m_actor;
    SystemClock m_clock;
    OrgService m_org;
    AccessService m_access;
};

// On a server: the /api/v1/principals routes, as the token's owner.
class ServerAccessAdmin final : public AccessAdmin
{
public:
    explicit ServerAccessAdmin(ServerConnection connection) : m_api(std::move(connection)) { }

    Result<Principal> addPrincipal(const QString &name, const QString &displayName, PrincipalKind kind,
                                   const QString &reason) override
    {
        const QJsonObject body{{QStringLiteral("name"), name},
                               {QStringLiteral("displayName"), displayName},
                               {QStringLiteral("kind"), toText(kind)},
                               {QStringLiteral("reason"), reason}};
        const Result<QJsonValue> added = m_api.post(QStringLiteral("/api/v1/principals"), body);
        return added ? fromJson<Principal>(added.value()) : Result<Principal>(added.error());
    }

    Result<QList<Member>> members() const override
    {
        const Result<QJsonArray> items = m_api.getItems(QStringLiteral("/api/v1/principals"));
        if (!items) {
            return items.error();
        }
        QList<Member> members;
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QString path = jsonItemPath(QStringLiteral("items"), i);
            Result<Principal> principal = fromJson<Principal>(items->at(i), path);
            if (!principal) {
                return principal.error();
            }
            Result<QList<Grant>> grants = listFromJson<Grant>(items->at(i).toObject().value(QStringLiteral("grants")),
                                                              path + QStringLiteral(".grants"));
            if (!grants) {
                return grants.error();
            }
            members.append({std::move(principal).value(), std::move(grants).value()});
        }
        return members;
    }

    Result<Grant> grant(const QString &name, Role role, const QString &path, const QString &reason) override
    {
        const Result<QJsonValue> granted =
            m_api.post(principalPath(name, QStringLiteral("/grants")), grantBody(role, path, reason));
        return granted ? fromJson<Grant>(granted.value()) : Result<Grant>(granted.error());
    }

    Status revoke(const QString &name, Role role, const QString &path, const QString &reason) override
    {
        return done(m_api.post(principalPath(name, QStringLiteral("/grants/revoke")), grantBody(role, path, reason)));
    }

    Result<AccessService::IssuedToken> createToken(const QString &name, const QString &tokenName,
                                                   const QString &reason) override
    {
        const Result<QJsonValue> created =
            m_api.post(principalPath(name, QStringLiteral("/tokens")),
                       QJsonObject{{QStringLiteral("tokenName"), tokenName}, {QStringLiteral("reason"), reason}});
        if (!created) {
            return created.error();
        }
        AccessService::IssuedToken issued;
        issued.token.name = created->toObject().value(QStringLiteral("name")).toString();
        issued.secret = created->toObject().value(QStringLiteral("secret")).toString();
        return issued;
    }

    Status revokeToken(const QString &name, const QString &tokenName, const QString &reason) override
    {
        const QString path =
            principalPath(name,
                          QStringLiteral("/tokens/") + QString::fromLatin1(QUrl::toPercentEncoding(tokenName))
                              + QStringLiteral("/revoke"));
        return done(m_api.post(path, QJsonObject{{QStringLiteral("reason"), reason}}));
    }

private:
    static QString principalPath(const QString &name, const QString &rest)
    {
        return QStringLiteral("/api/v1/principals/") + QString::fromLatin1(QUrl::toPercentEncoding(name)) + rest;
    }

    static QJsonObject grantBody(Role role, const QString &path, const QString &reason)
    {
        return {
            {QStringLiteral("role"), toText(role)}, {QStringLiteral("path"), path}, {QStringLiteral("reason"), reason}};
    }

    static Status done(const Result<QJsonValue> &answer) { return answer ? Status(Done{}) : Status(answer.error()); }

    ApiClient m_api;
};

} // namespace

std::unique_ptr<AccessAdmin> AccessAdmin::open(const QCommandLineParser &parser, const CommandContext &context,
                                               int &exitCode)
{
    if (CommandLine::isRemote(parser, context)) {
        std::optional<ServerConnection> connection = CommandLine::serverConnection(parser, context, exitCode);
        if (!connection) {
            return nullptr;
        }
        return std::make_unique<ServerAccessAdmin>(std::move(*connection));
    }
    std::unique_ptr<Store> store = CommandLine::openStore(parser, context, exitCode);
    if (!store) {
        return nullptr;
    }
    return std::make_unique<FileAccessAdmin>(std::move(store), CommandLine::actor(parser));
}

} // namespace steward
