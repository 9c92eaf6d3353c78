// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverfixture.h"

#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QProcess>

namespace steward::test {

bool makeCertificate(const QString &certificatePath, const QString &keyPath)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), keyPath,
                   QStringLiteral("-out"), certificatePath});
    // Its progress dots are read and dropped, not mixed into the test's output.
    return openssl.waitForFinished(60'000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}

QString sampleSpec(const QString &instructions, const QString &criticality)
{
    return QStringLiteral("model: m\ninstructions: |\n  %1\ncriticality: %2\n").arg(instructions, criticality);
}

SeededWorkspace seedWorkspace(const QString &location)
{
    SeededWorkspace seeded;
    Result<std::unique_ptr<Store>> store = Store::create(location);
    if (!store) {
        seeded.error = store.error().message;
        return seeded;
    }
    SystemClock clock;
    OrgService org(*store.value(), clock);
    AgentService agents(*store.value(), clock, org);
    AccessService access(*store.value(), clock, org);
    const QString actor = QStringLiteral("setup");
    const QString because = QStringLiteral("test workspace");
    const auto fail = [&seeded](const Error &error) {
        seeded.error = error.message;
        return seeded;
    };

    const Result<OrgNode> company = org.createCompany(QStringLiteral("acme"), actor, because);
    if (!company) {
        return fail(company.error());
    }
    seeded.nodes.insert(company->path, company->id);
    const QList<std::pair<QString, QString>> teams{{QStringLiteral("sales"), QStringLiteral("outbound")},
                                                   {QStringLiteral("support"), QStringLiteral("tier1")}};
    for (const auto &[department, team] : teams) {
        const Result<OrgNode> departmentNode =
            org.createGroup(company->id, NodeKind::Department, department, actor, because);
        if (!departmentNode) {
            return fail(departmentNode.error());
        }
        const Result<OrgNode> teamNode = org.createGroup(departmentNode->id, NodeKind::Team, team, actor, because);
        if (!teamNode) {
            return fail(teamNode.error());
        }
        seeded.nodes.insert(departmentNode->path, departmentNode->id);
        seeded.nodes.insert(teamNode->path, teamNode->id);
    }
    const QList<std::tuple<QString, QString, Visibility>> agentSetups{
        {QStringLiteral("/acme/sales/outbound"), QStringLiteral("prospect-mailer"), Visibility::Public},
        {QStringLiteral("/acme/sales/outbound"), QStringLiteral("lead-scorer"), Visibility::Team},
        {QStringLiteral("/acme/sales/outbound"), QStringLiteral("pricing-bot"), Visibility::Private},
        {QStringLiteral("/acme/support/tier1"), QStringLiteral("triage"), Visibility::Public},
        {QStringLiteral("/acme/support/tier1"), QStringLiteral("refund-bot"), Visibility::Private},
    };
    for (const auto &[team, name, visibility] : agentSetups) {
        const Result<OrgNode> agent = agents.createAgent(
            {seeded.nodes.value(team), name, QStringLiteral("dana"), visibility, Criticality::Standard,
             sampleSpec(QStringLiteral("Help the ") + name + QStringLiteral(" team."))},
            actor, because);
        if (!agent) {
            return fail(agent.error());
        }
        seeded.nodes.insert(agent->path, agent->id);
    }
    const QList<std::tuple<QString, PrincipalKind, Role, QString>> principals{
        {QStringLiteral("root-admin"), PrincipalKind::User, Role::Admin, QStringLiteral("/acme")},
        {QStringLiteral("sales-editor"), PrincipalKind::User, Role::Editor, QStringLiteral("/acme/sales")},
        {QStringLiteral("outbound-reviewer"), PrincipalKind::User, Role::Reviewer,
         QStringLiteral("/acme/sales/outbound")},
        {QStringLiteral("auditor"), PrincipalKind::User, Role::Auditor, QStringLiteral("/acme")},
        {QStringLiteral("outsider"), PrincipalKind::User, Role::Reviewer, QString()},
        {QStringLiteral("mailer-bot"), PrincipalKind::Agent, Role::Agent,
         QStringLiteral("/acme/sales/outbound/prospect-mailer")},
    };
    for (const auto &[name, kind, role, path] : principals) {
        if (const Result<Principal> added = access.addPrincipal(name, {}, kind, actor, because); !added) {
            return fail(added.error());
        }
        if (!path.isEmpty()) {
            if (const Result<Grant> granted = access.grant(name, role, path, actor, because); !granted) {
                return fail(granted.error());
            }
        }
        const Result<AccessService::IssuedToken> token =
            access.createToken(name, QStringLiteral("test"), actor, because);
        if (!token) {
            return fail(token.error());
        }
        seeded.tokens.insert(name, token->secret);
    }
    return seeded;
}

QString startSeededServer(std::unique_ptr<TestStore> &store, SeededWorkspace &seeded, ServerProcess &server,
                          const QStringList &serverArguments)
{
    store = std::make_unique<TestStore>();
    if (!store->isValid()) {
        return store->error().message;
    }
    seeded = seedWorkspace(store->location());
    if (!seeded.error.isEmpty()) {
        return seeded.error;
    }
    return server.start(store->location(), serverArguments) ? QString() : server.error();
}

} // namespace steward::test
