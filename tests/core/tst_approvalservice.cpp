// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The approval rules: proposals submitted and validated, policies inherited down the tree and
// overridden, quorum, rejection, edit then approve, stale revisions, the owner of a critical
// agent kept out, expiry with both outcomes, escalation to the parent's reviewers, the inbox's
// filters and counts, and two reviewers deciding at once.
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/authorizer.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "storage/streamrepository.h"
#include "teststore.h"

#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace steward;

class TestApprovalService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void submit_isStoredAuditedAndStreamed();
    void submit_refusals_data();
    void submit_refusals();
    void decisions_followThePolicy_data();
    void decisions_followThePolicy();
    void policies_areInheritedAndOverridden_data();
    void policies_areInheritedAndOverridden();
    void policyChanges_areAuditedWithTheirReason();
    void expiry_appliesThePolicysOutcome_data();
    void expiry_appliesThePolicysOutcome();
    void escalation_letsTheParentsReviewersDecide();
    void editThenApprove_keepsTheOriginalAndTheDiff();
    void staleRevision_isAConflict();
    void rejection_needsAReason();
    void inbox_filtersPagesAndCounts();
    void inbox_hidesWhatTheCallerMayNotSee();
    void twoReviewersAtOnce_endWithOneOutcome();

private:
    [[nodiscard]] NodeId idOf(const QString &path) const;
    [[nodiscard]] Approval submitTo(const QString &agentPath, const QString &payload = QStringLiteral("Hello"));
    [[nodiscard]] QString lastAuditAction() const;
    void setPolicy(const QString &path, const QJsonObject &policy);

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<OrgService> m_org;
    std::unique_ptr<AccessService> m_access;
    std::unique_ptr<ApprovalService> m_approvals;
};

namespace {

const QString admin = QStringLiteral("ada.admin");
const QString because = QStringLiteral("setting up");
const QString mailer = QStringLiteral("/acme/sales/outbound/mailer");
const QString vault = QStringLiteral("/acme/sales/outbound/vault");
const QString hidden = QStringLiteral("/acme/support/desk/hidden");

QString specOf(Criticality criticality)
{
    return QStringLiteral("model: m\ninstructions: |\n  Work.\ncriticality: %1\n").arg(toText(criticality));
}

// Why a result failed, for QVERIFY2 (which builds its message even when the check passes).
template<typename T> QString messageOf(const Result<T> &result)
{
    return result ? QString() : result.error().message;
}

// "a b c" as a list, for the data tables.
QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

ApprovalDecisionRequest verdict(const QString &what, int revision, const QString &reason = {},
                                const QString &edited = {})
{
    return ApprovalDecisionRequest{what, revision, reason, edited};
}

} // namespace

void TestApprovalService::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 8, 1), QTime(9, 0), Qt::UTC));
    m_org = std::make_unique<OrgService>(*m_store, *m_clock);
    m_access = std::make_unique<AccessService>(*m_store, *m_clock, *m_org);
    m_approvals = std::make_unique<ApprovalService>(*m_store, *m_clock, *m_org);
    AgentService agents(*m_store, *m_clock, *m_org);
    const auto acme = m_org->createCompany(QStringLiteral("acme"), admin, because);
    const auto sales = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), admin, because);
    const auto support = m_org->createGroup(acme->id, NodeKind::Department, QStringLiteral("support"), admin, because);
    const auto outbound = m_org->createGroup(sales->id, NodeKind::Team, QStringLiteral("outbound"), admin, because);
    const auto desk = m_org->createGroup(support->id, NodeKind::Team, QStringLiteral("desk"), admin, because);
    QVERIFY(outbound.ok() && desk.ok());
    const QList<std::tuple<NodeId, QString, QString, Visibility, Criticality>> created{
        {outbound->id, QStringLiteral("mailer"), QStringLiteral("dana"), Visibility::Public, Criticality::Standard},
        {outbound->id, QStringLiteral("vault"), QStringLiteral("carol"), Visibility::Team, Criticality::Critical},
        {desk->id, QStringLiteral("hidden"), QStringLiteral("dana"), Visibility::Private, Criticality::Standard}};
    for (const auto &[parent, name, owner, visibility, criticality] : created) {
        QVERIFY(agents.createAgent({parent, name, owner, visibility, criticality, specOf(criticality)}, admin, because)
                    .ok());
    }
    // rita, ross and carol review the team; boss reviews the department; dana edits.
    const QList<std::tuple<QString, PrincipalKind, Role, QString>> people{
        {QStringLiteral("rita"), PrincipalKind::User, Role::Reviewer, QStringLiteral("/acme/sales/outbound")},
        {QStringLiteral("ross"), PrincipalKind::User, Role::Reviewer, QStringLiteral("/acme/sales/outbound")},
        {QStringLiteral("carol"), PrincipalKind::User, Role::Reviewer, QStringLiteral("/acme/sales/outbound")},
        {QStringLiteral("boss"), PrincipalKind::User, Role::Reviewer, QStringLiteral("/acme/sales")},
        {QStringLiteral("dana"), PrincipalKind::User, Role::Editor, QStringLiteral("/acme/sales")},
        {QStringLiteral("mailer-bot"), PrincipalKind::Agent, Role::Agent, mailer}};
    for (const auto &[name, kind, role, path] : people) {
        QVERIFY(m_access->addPrincipal(name, {}, kind, admin, because).ok());
        const auto granted = m_access->grant(name, role, path, admin, because);
        QVERIFY2(granted.ok(), qPrintable(messageOf(granted)));
    }
}

void TestApprovalService::cleanup()
{
    m_approvals.reset();
    m_access.reset();
    m_org.reset();
    m_store.reset();
    m_where.reset();
}

NodeId TestApprovalService::idOf(const QString &path) const
{
    const auto node = m_org->tree().nodeByPath(path);
    return node ? node->id : NoNode;
}

Approval TestApprovalService::submitTo(const QString &agentPath, const QString &payload)
{
    NewApproval proposal;
    proposal.agentId = idOf(agentPath);
    proposal.title = QStringLiteral("Send the renewal offer");
    proposal.payload = payload;
    proposal.payloadFormat = QStringLiteral("markdown");
    proposal.action = {{QStringLiteral("type"), QStringLiteral("webhook")},
                       {QStringLiteral("url"), QStringLiteral("https://hooks.example.com/send")},
                       {QStringLiteral("secret"), QStringLiteral("crm")}};
    const auto submitted = m_approvals->submit(proposal, QStringLiteral("mailer-bot"));
    if (!submitted) {
        qWarning() << submitted.error().message;
        return {};
    }
    return submitted.value();
}

QString TestApprovalService::lastAuditAction() const
{
    const auto entries = AuditRepository(*m_store).query({}, 0, 1);
    return entries && !entries->isEmpty() ? entries->first().action : QString();
}

void TestApprovalService::setPolicy(const QString &path, const QJsonObject &policy)
{
    const auto parsed = ApprovalPolicy::fromJson(policy);
    QVERIFY2(parsed.ok(), qPrintable(messageOf(parsed)));
    const auto set = m_approvals->setPolicy(idOf(path), parsed.value(), admin, QStringLiteral("policy for tests"));
    QVERIFY2(set.ok(), qPrintable(messageOf(set)));
}

void TestApprovalService::submit_isStoredAuditedAndStreamed()
{
    const qint64 streamBefore = StreamRepository(*m_store).lastSeq().value();
    const Approval submitted = submitTo(mailer);
    QVERIFY(submitted.id > 0);
    QCOMPARE(lastAuditAction(), QStringLiteral("approval.submit"));
    const auto items = StreamRepository(*m_store).readAfter(streamBefore, 10);
    QVERIFY(items.ok());
    QCOMPARE(items->size(), 1);
    QCOMPARE(items->first().type, StreamItemType::Approval);
    QCOMPARE(items->first().subjectId, submitted.id);

    const auto detail = m_approvals->detail(submitted.id, QStringLiteral("rita"));
    QVERIFY(detail.ok());
    QCOMPARE(detail->approval.state, ApprovalState::Pending);
    QCOMPARE(detail->approval.payload, QStringLiteral("Hello"));
    QCOMPARE(detail->approval.version, 1);
    QCOMPARE(detail->approval.submittedBy, QStringLiteral("mailer-bot"));
    QCOMPARE(detail->approval.agentPath, mailer);
    QCOMPARE(detail->approval.reviewerNodeId, NoNode); // no policy: every reviewer covering the agent
    QVERIFY(detail->approval.approvedPayload.isEmpty());
    QCOMPARE(detail->approval.action.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://hooks.example.com/send"));
    QVERIFY(detail->mayDecide);
    QVERIFY(m_approvals->detail(submitted.id, QStringLiteral("boss"))->mayDecide);
    QVERIFY(!m_approvals->detail(submitted.id, QStringLiteral("dana"))->mayDecide);
}

void TestApprovalService::submit_refusals_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QJsonObject>("action");
    QTest::addColumn<int>("version");

    const QJsonObject webhook{{QStringLiteral("type"), QStringLiteral("webhook")},
                              {QStringLiteral("url"), QStringLiteral("https://x.example.com/")}};
    QTest::newRow("no title") << mailer << ""
                              << "Hi"
                              << "markdown" << webhook << 0;
    QTest::newRow("no payload") << mailer << "t"
                                << "  "
                                << "markdown" << webhook << 0;
    QTest::newRow("unknown format") << mailer << "t"
                                    << "Hi"
                                    << "pdf" << webhook << 0;
    QTest::newRow("json that is not") << mailer << "t"
                                      << "{oops"
                                      << "json" << webhook << 0;
    QTest::newRow("not an agent") << "/acme/sales"
                                  << "t"
                                  << "Hi"
                                  << "markdown" << webhook << 0;
    QTest::newRow("unknown version") << mailer << "t"
                                     << "Hi"
                                     << "markdown" << webhook << 7;
    QTest::newRow("action of another type")
        << mailer << "t"
        << "Hi"
        << "markdown" << QJsonObject{{QStringLiteral("type"), QStringLiteral("shell")}} << 0;
    QTest::newRow("webhook without a URL")
        << mailer << "t"
        << "Hi"
        << "markdown" << QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")}} << 0;
    QTest::newRow("webhook to ftp") << mailer << "t"
                                    << "Hi"
                                    << "markdown"
                                    << QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                                                   {QStringLiteral("url"), QStringLiteral("ftp://x.example.com/")}}
                                    << 0;
    QJsonObject extra = webhook;
    extra.insert(QStringLiteral("command"), QStringLiteral("rm"));
    QTest::newRow("unknown action field") << mailer << "t"
                                          << "Hi"
                                          << "markdown" << extra << 0;
}

void TestApprovalService::submit_refusals()
{
    QFETCH(QString, agent);
    QFETCH(QString, title);
    QFETCH(QString, payload);
    QFETCH(QString, format);
    QFETCH(QJsonObject, action);
    QFETCH(int, version);
    const NewApproval proposal{idOf(agent), 0, version, title, payload, format, action};
    const auto submitted = m_approvals->submit(proposal, QStringLiteral("mailer-bot"));
    QVERIFY(!submitted.ok());
    QCOMPARE(submitted.error().code, Error::Code::Invalid);
    QVERIFY(!submitted.error().message.isEmpty());
    QCOMPARE(ApprovalRepository(*m_store).countInState(ApprovalState::Pending).value(), 0);
}

void TestApprovalService::decisions_followThePolicy_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("policyAt");
    QTest::addColumn<QJsonObject>("policy");
    QTest::addColumn<QStringList>("steps"); // reviewer:verdict
    QTest::addColumn<QStringList>("outcomes"); // ok, forbidden, conflict
    QTest::addColumn<ApprovalState>("finalState");

    const QString acme = QStringLiteral("/acme");
    const QString team = QStringLiteral("/acme/sales/outbound");
    const QJsonObject one{{QStringLiteral("quorum"), 1}};
    const QJsonObject two{{QStringLiteral("quorum"), 2}};
    QTest::newRow("quorum 1: one approval approves")
        << mailer << acme << one << words("rita:approve") << words("ok") << ApprovalState::Approved;
    QTest::newRow("quorum 2: one approval waits")
        << mailer << acme << two << words("rita:approve") << words("ok") << ApprovalState::Pending;
    QTest::newRow("quorum 2: two reviewers approve")
        << mailer << acme << two << words("rita:approve ross:approve") << words("ok ok") << ApprovalState::Approved;
    QTest::newRow("quorum 2: the same reviewer twice counts once")
        << mailer << acme << two << words("rita:approve rita:approve") << words("ok conflict")
        << ApprovalState::Pending;
    QTest::newRow("quorum 2: one rejection rejects")
        << mailer << acme << two << words("rita:approve ross:reject") << words("ok ok") << ApprovalState::Rejected;
    QTest::newRow("decided: a later decision is a conflict")
        << mailer << acme << one << words("rita:reject ross:approve") << words("ok conflict")
        << ApprovalState::Rejected;
    QTest::newRow("critical: the owner may not approve") << vault << acme << one << words("carol:approve rita:approve")
                                                         << words("forbidden ok") << ApprovalState::Approved;
    QTest::newRow("critical: the owner may approve when the policy allows it")
        << vault << acme << QJsonObject{{QStringLiteral("excludeOwnerForCritical"), false}} << words("carol:approve")
        << words("ok") << ApprovalState::Approved;
    QTest::newRow("standard: the owner's exclusion is only for critical agents")
        << mailer << acme << one << words("carol:approve") << words("ok") << ApprovalState::Approved;
    QTest::newRow("a reviewer of the department decides under the company's policy")
        << mailer << acme << one << words("boss:approve") << words("ok") << ApprovalState::Approved;
    QTest::newRow("a reviewer of the department above the team's policy waits for escalation")
        << mailer << team << one << words("boss:approve") << words("forbidden") << ApprovalState::Pending;
    QTest::newRow("an editor is no reviewer")
        << mailer << acme << one << words("dana:approve") << words("forbidden") << ApprovalState::Pending;
    QTest::newRow("the submitting agent may not decide")
        << mailer << acme << one << words("mailer-bot:approve") << words("forbidden") << ApprovalState::Pending;
    QTest::newRow("a stranger may not decide")
        << mailer << acme << one << words("nobody:approve") << words("forbidden") << ApprovalState::Pending;
}

void TestApprovalService::decisions_followThePolicy()
{
    QFETCH(QString, agent);
    QFETCH(QString, policyAt);
    QFETCH(QJsonObject, policy);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, outcomes);
    QFETCH(ApprovalState, finalState);
    setPolicy(policyAt, policy);
    const Approval submitted = submitTo(agent);
    QVERIFY(submitted.id > 0);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString reviewer = steps.at(i).section(QLatin1Char(':'), 0, 0);
        const QString what = steps.at(i).section(QLatin1Char(':'), 1);
        const auto decided =
            m_approvals->decide(submitted.id, verdict(what, 1, QStringLiteral("looked at it")), reviewer);
        const QString outcome = decided                      ? QStringLiteral("ok")
            : decided.error().code == Error::Code::Forbidden ? QStringLiteral("forbidden")
            : decided.error().code == Error::Code::Conflict  ? QStringLiteral("conflict")
                                                             : decided.error().message;
        QCOMPARE(outcome, outcomes.at(i));
    }
    const auto after = m_approvals->detail(submitted.id, admin);
    QCOMPARE(after->approval.state, finalState);
    // The executor's contract: the payload to execute is there exactly when approved.
    QCOMPARE(after->approval.approvedPayload,
             finalState == ApprovalState::Approved ? QStringLiteral("Hello") : QString());
    QCOMPARE(after->approval.decidedAt.isValid(), finalState != ApprovalState::Pending);
}

void TestApprovalService::policies_areInheritedAndOverridden_data()
{
    QTest::addColumn<QStringList>("set"); // path=quorum, or path=clear
    QTest::addColumn<QString>("askedAt");
    QTest::addColumn<int>("quorum");
    QTest::addColumn<QString>("definedAt");

    QTest::newRow("nothing set: the default") << words("") << mailer << 1 << "";
    QTest::newRow("the company's, inherited") << words("/acme=2") << mailer << 2 << "/acme";
    QTest::newRow("the team overrides the company")
        << words("/acme=2 /acme/sales/outbound=3") << mailer << 3 << "/acme/sales/outbound";
    QTest::newRow("the agent overrides the team")
        << words("/acme=2 /acme/sales/outbound=3 /acme/sales/outbound/mailer=4") << mailer << 4 << mailer;
    QTest::newRow("a sibling team keeps the company's")
        << words("/acme=2 /acme/sales/outbound=3") << hidden << 2 << "/acme";
    QTest::newRow("cleared: inherits again")
        << words("/acme=2 /acme/sales/outbound=3 /acme/sales/outbound=clear") << mailer << 2 << "/acme";
    QTest::newRow("set again: replaces") << words("/acme=2 /acme=5") << mailer << 5 << "/acme";
}

void TestApprovalService::policies_areInheritedAndOverridden()
{
    QFETCH(QStringList, set);
    QFETCH(QString, askedAt);
    QFETCH(int, quorum);
    QFETCH(QString, definedAt);
    for (const QString &change : set) {
        const QString path = change.section(QLatin1Char('='), 0, 0);
        const QString value = change.section(QLatin1Char('='), 1);
        if (value == QLatin1String("clear")) {
            QVERIFY(m_approvals->setPolicy(idOf(path), std::nullopt, admin, because).ok());
        } else {
            setPolicy(path, {{QStringLiteral("quorum"), value.toInt()}});
        }
    }
    const auto effective = m_approvals->effectivePolicy(idOf(askedAt));
    QVERIFY(effective.ok());
    QCOMPARE(effective->policy.quorum, quorum);
    QCOMPARE(effective->definedAtPath, definedAt);
    QCOMPARE(effective->ownPolicy, definedAt == askedAt);
    // A new approval carries the policy in force when it was submitted.
    const Approval submitted = submitTo(askedAt);
    QCOMPARE(ApprovalPolicy::fromJson(submitted.policy)->quorum, quorum);
}

void TestApprovalService::policyChanges_areAuditedWithTheirReason()
{
    ApprovalPolicy policy;
    policy.quorum = 2;
    QVERIFY(!m_approvals->setPolicy(idOf(QStringLiteral("/acme")), policy, admin, QString()).ok());
    QVERIFY(m_approvals->setPolicy(idOf(QStringLiteral("/acme")), policy, admin, QStringLiteral("two eyes")).ok());
    const auto entries = AuditRepository(*m_store).query({}, 0, 1);
    QCOMPARE(entries->first().action, QStringLiteral("approval_policy.set"));
    QCOMPARE(entries->first().reason, QStringLiteral("two eyes"));
    QCOMPARE(entries->first().details.value(QStringLiteral("policy")).toObject().value(QStringLiteral("quorum")), 2);
    policy.quorum = 0;
    const auto refused = m_approvals->setPolicy(idOf(QStringLiteral("/acme")), policy, admin, because);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Invalid);
    QVERIFY(
        m_approvals->setPolicy(idOf(QStringLiteral("/acme")), std::nullopt, admin, QStringLiteral("too slow")).ok());
    QCOMPARE(lastAuditAction(), QStringLiteral("approval_policy.clear"));
    QCOMPARE(m_approvals->setPolicy(idOf(QStringLiteral("/acme")), std::nullopt, admin, because).error().code,
             Error::Code::Invalid);
    // Strict JSON: unknown keys and bad values are refused.
    QVERIFY(!ApprovalPolicy::fromJson({{QStringLiteral("quorom"), 2}}).ok());
    QVERIFY(!ApprovalPolicy::fromJson({{QStringLiteral("expiryOutcome"), QStringLiteral("maybe")}}).ok());
    QVERIFY(!ApprovalPolicy::fromJson({{QStringLiteral("expirySeconds"), -1}}).ok());
    QVERIFY(!ApprovalPolicy::fromJson({{QStringLiteral("quorum"), 1.5}}).ok());
}

void TestApprovalService::expiry_appliesThePolicysOutcome_data()
{
    QTest::addColumn<QJsonObject>("policy");
    QTest::addColumn<ApprovalState>("outcome");

    QTest::newRow("reject by default") << QJsonObject{{QStringLiteral("expirySeconds"), 3600}}
                                       << ApprovalState::Expired;
    QTest::newRow("approve when configured")
        << QJsonObject{{QStringLiteral("expirySeconds"), 3600},
                       {QStringLiteral("expiryOutcome"), QStringLiteral("approve")}}
        << ApprovalState::Approved;
}

void TestApprovalService::expiry_appliesThePolicysOutcome()
{
    QFETCH(QJsonObject, policy);
    QFETCH(ApprovalState, outcome);
    setPolicy(QStringLiteral("/acme/sales"), policy);
    const Approval submitted = submitTo(mailer);
    QCOMPARE(submitted.expiresAt, m_clock->now().addSecs(3600));
    const Approval untimed = submitTo(hidden); // outside /acme/sales: never expires

    m_clock->advance(3599 * 1000);
    QCOMPARE(m_approvals->sweep(m_clock->now())->size(), 0);
    m_clock->advance(1000);
    const auto swept = m_approvals->sweep(m_clock->now());
    QVERIFY(swept.ok());
    QCOMPARE(swept.value(), QList<ApprovalId>{submitted.id});
    QCOMPARE(lastAuditAction(), QStringLiteral("approval.expire"));
    const Approval after = m_approvals->detail(submitted.id, admin)->approval;
    QCOMPARE(after.state, outcome);
    QCOMPARE(after.approvedPayload, outcome == ApprovalState::Approved ? QStringLiteral("Hello") : QString());
    QCOMPARE(m_approvals->detail(untimed.id, admin)->approval.state, ApprovalState::Pending);
    // Expired or approved, nobody decides it any more.
    QCOMPARE(
        m_approvals->decide(submitted.id, verdict(QStringLiteral("approve"), 1), QStringLiteral("rita")).error().code,
        Error::Code::Conflict);
    QCOMPARE(m_approvals->sweep(m_clock->now().addDays(1))->size(), 0);
}

void TestApprovalService::escalation_letsTheParentsReviewersDecide()
{
    setPolicy(QStringLiteral("/acme/sales/outbound"), {{QStringLiteral("escalateAfterSeconds"), 600}});
    const Approval submitted = submitTo(mailer);
    QCOMPARE(
        m_approvals->decide(submitted.id, verdict(QStringLiteral("approve"), 1), QStringLiteral("boss")).error().code,
        Error::Code::Forbidden);
    ApprovalFilter mine;
    mine.mine = true;
    QCOMPARE(m_approvals->list(mine, QStringLiteral("boss"), nullptr)->items.size(), 0);
    QCOMPARE(m_approvals->counts(QStringLiteral("boss"))->pendingForMe, 0);

    m_clock->advance(600 * 1000);
    QCOMPARE(m_approvals->sweep(m_clock->now()).value(), QList<ApprovalId>{submitted.id});
    QCOMPARE(lastAuditAction(), QStringLiteral("approval.escalate"));
    const Approval escalated = m_approvals->detail(submitted.id, admin)->approval;
    QCOMPARE(escalated.reviewerNodeId, idOf(QStringLiteral("/acme/sales")));
    QCOMPARE(escalated.escalatedAt, m_clock->now());
    QCOMPARE(escalated.state, ApprovalState::Pending);
    QCOMPARE(m_approvals->list(mine, QStringLiteral("boss"), nullptr)->items.size(), 1);
    QCOMPARE(m_approvals->counts(QStringLiteral("boss"))->pendingForMe, 1);
    // Escalated once; the team's reviewers may still decide too.
    QCOMPARE(m_approvals->sweep(m_clock->now().addDays(1))->size(), 0);
    QVERIFY(m_approvals->detail(submitted.id, QStringLiteral("rita"))->mayDecide);
    const auto decided =
        m_approvals->decide(submitted.id, verdict(QStringLiteral("approve"), 1), QStringLiteral("boss"));
    QVERIFY2(decided.ok(), qPrintable(messageOf(decided)));
    QCOMPARE(decided->state, ApprovalState::Approved);
}

void TestApprovalService::editThenApprove_keepsTheOriginalAndTheDiff()
{
    const QString original = QStringLiteral("Dear Ann,\nour price is 100.\nRegards\n");
    const QString edited = QStringLiteral("Dear Ann,\nour price is 90.\nRegards\n");
    const Approval submitted = submitTo(mailer, original);
    QCOMPARE(
        m_approvals->decide(submitted.id, verdict(QStringLiteral("edit"), 1, QString(), edited), QStringLiteral("rita"))
            .error()
            .code,
        Error::Code::Invalid); // an edit needs a reason
    QCOMPARE(m_approvals
                 ->decide(submitted.id, verdict(QStringLiteral("edit"), 1, QStringLiteral("same"), original),
                          QStringLiteral("rita"))
                 .error()
                 .code,
             Error::Code::Invalid); // nothing edited
    const auto decided = m_approvals->decide(
        submitted.id, verdict(QStringLiteral("edit"), 1, QStringLiteral("the agreed discount"), edited),
        QStringLiteral("rita"));
    QVERIFY2(decided.ok(), qPrintable(messageOf(decided)));
    QCOMPARE(decided->state, ApprovalState::Approved);
    QCOMPARE(decided->revision, 2);
    QCOMPARE(decided->approvedPayload, edited);
    QCOMPARE(lastAuditAction(), QStringLiteral("approval.edit"));

    const auto detail = m_approvals->detail(submitted.id, admin);
    QCOMPARE(detail->approval.payload, edited);
    QCOMPARE(detail->approval.originalPayload, original);
    QCOMPARE(detail->decisions.size(), 1);
    const ApprovalDecision &decision = detail->decisions.first();
    QCOMPARE(decision.verdict, QStringLiteral("edit"));
    QCOMPARE(decision.reviewer, QStringLiteral("rita"));
    QCOMPARE(decision.comment, QStringLiteral("the agreed discount"));
    QCOMPARE(decision.editedPayload, edited);
    QCOMPARE(decision.revision, 1);
    QVERIFY2(decision.editDiff.contains(QStringLiteral("-our price is 100.")), qPrintable(decision.editDiff));
    QVERIFY2(decision.editDiff.contains(QStringLiteral("+our price is 90.")), qPrintable(decision.editDiff));
    const auto earlier = m_approvals->agentDecisions(idOf(mailer), 10);
    QCOMPARE(earlier->size(), 1);
    QCOMPARE(earlier->first().approvalId, submitted.id);
}

void TestApprovalService::staleRevision_isAConflict()
{
    setPolicy(QStringLiteral("/acme"), {{QStringLiteral("quorum"), 2}});
    const Approval submitted = submitTo(mailer);
    QVERIFY(m_approvals->decide(submitted.id, verdict(QStringLiteral("approve"), 1), QStringLiteral("carol")).ok());
    const auto edited = m_approvals->decide(
        submitted.id, verdict(QStringLiteral("edit"), 1, QStringLiteral("friendlier"), QStringLiteral("Hello there")),
        QStringLiteral("rita"));
    QVERIFY(edited.ok());
    QCOMPARE(edited->state, ApprovalState::Pending); // carol approved revision 1, not the edit
    QCOMPARE(edited->revision, 2);

    const auto stale = m_approvals->decide(submitted.id, verdict(QStringLiteral("approve"), 1), QStringLiteral("ross"));
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QVERIFY2(stale.error().message.contains(QStringLiteral("revision 2")), qPrintable(messageOf(stale)));

    const auto approved =
        m_approvals->decide(submitted.id, verdict(QStringLiteral("approve"), 2), QStringLiteral("ross"));
    QVERIFY2(approved.ok(), qPrintable(messageOf(approved)));
    QCOMPARE(approved->state, ApprovalState::Approved);
    QCOMPARE(approved->approvedPayload, QStringLiteral("Hello there"));
}

void TestApprovalService::rejection_needsAReason()
{
    const Approval submitted = submitTo(mailer);
    const auto refused = m_approvals->decide(submitted.id, verdict(QStringLiteral("reject"), 1, QStringLiteral("  ")),
                                             QStringLiteral("rita"));
    QCOMPARE(refused.error().code, Error::Code::Invalid);
    QCOMPARE(
        m_approvals
            ->decide(submitted.id, verdict(QStringLiteral("maybe"), 1, QStringLiteral("hm")), QStringLiteral("rita"))
            .error()
            .code,
        Error::Code::Invalid);
    const auto rejected = m_approvals->decide(
        submitted.id, verdict(QStringLiteral("reject"), 1, QStringLiteral("wrong customer")), QStringLiteral("rita"));
    QVERIFY(rejected.ok());
    QCOMPARE(rejected->state, ApprovalState::Rejected);
    QCOMPARE(lastAuditAction(), QStringLiteral("approval.reject"));
    QCOMPARE(m_approvals->detail(submitted.id, admin)->decisions.first().comment, QStringLiteral("wrong customer"));
}

void TestApprovalService::inbox_filtersPagesAndCounts()
{
    QList<ApprovalId> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(submitTo(mailer).id);
        m_clock->advance(60 * 1000);
    }
    const ApprovalId other = submitTo(hidden).id;
    QVERIFY(m_approvals
                ->decide(ids.at(0), verdict(QStringLiteral("reject"), 1, QStringLiteral("no")), QStringLiteral("rita"))
                .ok());

    // Keyset pages, newest first, through everything.
    ApprovalFilter filter;
    filter.limit = 2;
    QList<ApprovalId> seen;
    for (int page = 0; page < 10; ++page) {
        const auto got = m_approvals->list(filter, admin, nullptr);
        QVERIFY(got.ok());
        for (const Approval &approval : got->items) {
            seen.append(approval.id);
        }
        if (got->nextBeforeId == 0) {
            break;
        }
        filter.beforeId = got->nextBeforeId;
    }
    QCOMPARE(seen, (QList<ApprovalId>{other, ids.at(4), ids.at(3), ids.at(2), ids.at(1), ids.at(0)}));

    ApprovalFilter pending;
    pending.state = ApprovalState::Pending;
    pending.agentId = idOf(mailer);
    QCOMPARE(m_approvals->list(pending, admin, nullptr)->items.size(), 4);
    ApprovalFilter subtree;
    subtree.subtreeId = idOf(QStringLiteral("/acme/support"));
    QCOMPARE(m_approvals->list(subtree, admin, nullptr)->items.size(), 1);
    ApprovalFilter old;
    old.createdBefore = QDateTime(QDate(2026, 8, 1), QTime(9, 2), Qt::UTC);
    QCOMPARE(m_approvals->list(old, admin, nullptr)->items.size(), 2);

    // Mine: what rita may still decide; after she approved one (quorum 2) it is no longer hers.
    setPolicy(QStringLiteral("/acme"), {{QStringLiteral("quorum"), 2}});
    const ApprovalId twoEyes = submitTo(mailer).id;
    ApprovalFilter mine;
    mine.mine = true;
    QCOMPARE(m_approvals->list(mine, QStringLiteral("rita"), nullptr)->items.size(), 5);
    QVERIFY(m_approvals->decide(twoEyes, verdict(QStringLiteral("approve"), 1), QStringLiteral("rita")).ok());
    QCOMPARE(m_approvals->list(mine, QStringLiteral("rita"), nullptr)->items.size(), 4);
    QCOMPARE(m_approvals->list(mine, QStringLiteral("ross"), nullptr)->items.size(), 5);

    const auto ritas = m_approvals->counts(QStringLiteral("rita"));
    QCOMPARE(ritas->pendingForMe, 4);
    QCOMPARE(ritas->pendingForMyTeams, 5); // the team's, not the support desk's
    const auto danas = m_approvals->counts(QStringLiteral("dana"));
    QCOMPARE(danas->pendingForMe, 0); // an editor decides nothing
    QCOMPARE(danas->pendingForMyTeams, 5);
}

void TestApprovalService::inbox_hidesWhatTheCallerMayNotSee()
{
    QVERIFY(submitTo(mailer).id > 0);
    QVERIFY(submitTo(hidden).id > 0);
    const auto rita = m_access->principals().byName(QStringLiteral("rita"));
    const auto grants = m_access->principals().grantsOf(rita->id);
    const VisibilityFilter visibility(PrincipalKind::User, grants.value());
    const auto page = m_approvals->list({}, QStringLiteral("rita"), &visibility);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items.first().agentPath, mailer);
}

void TestApprovalService::twoReviewersAtOnce_endWithOneOutcome()
{
    const Approval submitted = submitTo(mailer);
    const QString location = m_where->location();
    std::atomic<int> ready = 0;
    QList<Error::Code> codes(2, Error::Code::StoreFailure);
    QList<bool> oks(2, false);
    const QStringList reviewers{QStringLiteral("rita"), QStringLiteral("ross")};
    QList<QThread *> threads;
    for (int i = 0; i < 2; ++i) {
        threads.append(QThread::create([&, i] {
            // Each thread opens its own connection, as two programs (or two servers) would.
            auto store = Store::open(location);
            if (!store) {
                codes[i] = store.error().code;
                return;
            }
            SystemClock clock;
            OrgService org(*store.value(), clock);
            ApprovalService service(*store.value(), clock, org);
            ++ready;
            while (ready < 2) {
                QThread::yieldCurrentThread();
            }
            const auto decided = service.decide(
                submitted.id,
                verdict(i == 0 ? QStringLiteral("approve") : QStringLiteral("reject"), 1, QStringLiteral("at once")),
                reviewers.at(i));
            oks[i] = decided.ok();
            if (!decided) {
                codes[i] = decided.error().code;
            }
        }));
    }
    for (QThread *thread : threads) {
        thread->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(int(oks.count(true)), 1);
    const int loser = oks.at(0) ? 1 : 0;
    QCOMPARE(codes.at(loser), Error::Code::Conflict);
    const auto detail = m_approvals->detail(submitted.id, admin);
    QCOMPARE(detail->decisions.size(), 1);
    QCOMPARE(detail->approval.state, oks.at(0) ? ApprovalState::Approved : ApprovalState::Rejected);
}

QTEST_GUILESS_MAIN(TestApprovalService)
#include "tst_approvalservice.moc"
