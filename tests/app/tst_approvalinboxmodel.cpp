// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The inbox as a table over a real workspace file with real approvals: the reviewer's own items
// first, then the rest of the team's, read in keyset pages; live arrivals and decisions move
// single rows, so a view's selection stays on its items. QAbstractItemModelTester watches the
// model the whole time.
#include "approvalinboxmodel.h"
#include "approvalsubmitter.h"
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "storage/store.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

namespace {

const QString reviewer = QStringLiteral("rita.reviewer");
constexpr int pageSize = 3;

} // namespace

class TestApprovalInboxModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstPage_isForMe_thenPagesReachMyTeams();
    void filter_narrowsByAgentAndSubtree_data();
    void filter_narrowsByAgentAndSubtree();
    void liveArrival_insertsOnTop_keepsSelection();
    void decision_removesTheRow_keepsSelection();
    void staleItem_refreshRemovesIt();
    void criticality_isReadPerAgent();
    void proposedVersions_leadTheSection_andFollowAgentChanged();

private:
    [[nodiscard]] QList<ApprovalId> ids() const;
    void fetchAll();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<LocalWorkspace> m_workspace;
    std::unique_ptr<ApprovalSubmitter> m_agent;
    std::unique_ptr<ApprovalInboxModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    NodeId m_leadRouter = NoNode;
    NodeId m_followUp = NoNode;
    NodeId m_mailer = NoNode;
    NodeId m_triage = NoNode;
    QList<ApprovalId> m_forMe; // newest first
    QList<ApprovalId> m_teams; // newest first: submitted by the reviewer, who cannot decide them
};

void TestApprovalInboxModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    Result<std::unique_ptr<Store>> store = Store::open(m_path);
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), reviewer);
    m_leadRouter = nodeAt(*m_workspace, QStringLiteral("/acme/sales/inbound/lead-router"));
    m_followUp = nodeAt(*m_workspace, QStringLiteral("/acme/sales/outbound/follow-up"));
    m_mailer = nodeAt(*m_workspace, QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    m_triage = nodeAt(*m_workspace, QStringLiteral("/acme/support/tier1/triage-bot"));
    QVERIFY(m_leadRouter != NoNode && m_followUp != NoNode && m_mailer != NoNode && m_triage != NoNode);

    m_agent = std::make_unique<ApprovalSubmitter>(m_path);
    QVERIFY(m_agent->isOpen());
    m_forMe.clear();
    m_teams.clear();
    // Interleaved, so that the sections are not simply id ranges.
    const QList<NodeId> agents = {m_leadRouter, m_followUp, m_mailer, m_triage};
    for (int i = 0; i < 8; ++i) {
        const bool own = i % 3 == 1;
        const ApprovalId id = m_agent->submit(agents.at(i % agents.size()), QStringLiteral("proposal %1").arg(i),
                                              QStringLiteral("Hello %1").arg(i), QStringLiteral("markdown"),
                                              own ? reviewer : QStringLiteral("agent:test"));
        QVERIFY(id != 0);
        (own ? m_teams : m_forMe).prepend(id);
    }
    QCOMPARE(m_forMe.size(), 5);
    QCOMPARE(m_teams.size(), 3);

    m_model = std::make_unique<ApprovalInboxModel>();
    m_model->setPageSize(pageSize);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_tester->setUseFetchMore(false);
    m_model->setWorkspace(m_workspace.get());
}

void TestApprovalInboxModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_agent.reset();
    m_workspace.reset();
    m_dir.reset();
}

QList<ApprovalId> TestApprovalInboxModel::ids() const
{
    QList<ApprovalId> found;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        found.append(m_model->index(row, 0).data(ApprovalInboxModel::IdRole).value<ApprovalId>());
    }
    return found;
}

void TestApprovalInboxModel::fetchAll()
{
    while (m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
}

void TestApprovalInboxModel::firstPage_isForMe_thenPagesReachMyTeams()
{
    QCOMPARE(m_model->columnCount(), static_cast<int>(ApprovalInboxModel::Column::Count));
    QCOMPARE(ids(), m_forMe.mid(0, pageSize)); // opening reads one page, no more
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QCOMPARE(ids(), m_forMe);
    fetchAll();
    QCOMPARE(ids(), m_forMe + m_teams);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const bool forMe = row < m_forMe.size();
        QCOMPARE(m_model->index(row, 0).data(ApprovalInboxModel::ForMeRole).toBool(), forMe);
        QCOMPARE(m_model->index(row, 0).data().toString(),
                 forMe ? QStringLiteral("For me") : QStringLiteral("My teams"));
    }
    QCOMPARE(m_model->index(0, static_cast<int>(ApprovalInboxModel::Column::Agent)).data().toString(),
             m_model->approvalAt(0).agentPath);
    QVERIFY(m_model->lastError().isEmpty());
}

void TestApprovalInboxModel::filter_narrowsByAgentAndSubtree_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isAgent");
    QTest::addColumn<int>("expected");
    // Agents in order: lead-router, follow-up, prospect-mailer, triage-bot (i % 4).
    QTest::newRow("agent") << QStringLiteral("/acme/sales/inbound/lead-router") << true << 2;
    QTest::newRow("team") << QStringLiteral("/acme/sales/outbound") << false << 4;
    QTest::newRow("department") << QStringLiteral("/acme/support") << false << 2;
    QTest::newRow("company") << QStringLiteral("/acme") << false << 8;
    QTest::newRow("empty team") << QStringLiteral("/acme/support/tier2") << false << 0;
}

void TestApprovalInboxModel::filter_narrowsByAgentAndSubtree()
{
    QFETCH(QString, path);
    QFETCH(bool, isAgent);
    QFETCH(int, expected);
    ApprovalInboxModel::Filter filter;
    (isAgent ? filter.agentId : filter.subtreeId) = nodeAt(*m_workspace, path);
    filter.subtreePath = path;
    m_model->setFilter(filter);
    fetchAll();
    QCOMPARE(m_model->rowCount(), expected);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString agentPath = m_model->approvalAt(row).agentPath;
        QVERIFY2(agentPath == path || agentPath.startsWith(path + QLatin1Char('/')), qPrintable(agentPath));
    }
    // A live item outside the filter stays out; one inside comes in.
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const ApprovalId outside =
        m_agent->submit(nodeAt(*m_workspace, QStringLiteral("/acme/ops-bot")), QStringLiteral("outside"));
    Q_EMIT m_workspace->approvalChanged(outside);
    QCOMPARE(inserted.count(), path == QLatin1String("/acme") ? 1 : 0);
}

void TestApprovalInboxModel::liveArrival_insertsOnTop_keepsSelection()
{
    fetchAll();
    QItemSelectionModel selection(m_model.get());
    const QModelIndex chosen = m_model->index(2, 0);
    const ApprovalId chosenId = chosen.data(ApprovalInboxModel::IdRole).value<ApprovalId>();
    selection.setCurrentIndex(chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QSignalSpy assigned(m_model.get(), &ApprovalInboxModel::assignedToMe);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const ApprovalId mine = m_agent->submit(m_followUp, QStringLiteral("new for me"));
    Q_EMIT m_workspace->approvalChanged(mine);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(assigned.count(), 1);
    QCOMPARE(assigned.at(0).at(0).value<Approval>().id, mine);

    // One the reviewer submitted goes on top of My teams, without a notification.
    const ApprovalId own = m_agent->submit(m_followUp, QStringLiteral("mine, for the team"), QStringLiteral("x"),
                                           QStringLiteral("markdown"), reviewer);
    Q_EMIT m_workspace->approvalChanged(own);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), static_cast<int>(m_forMe.size()) + 1);
    QCOMPARE(assigned.count(), 1);
    // The same news twice changes nothing.
    Q_EMIT m_workspace->approvalChanged(own);
    QCOMPARE(inserted.count(), 2);

    QCOMPARE(ids(), QList<ApprovalId>{mine} + m_forMe + QList<ApprovalId>{own} + m_teams);
    QCOMPARE(selection.currentIndex().data(ApprovalInboxModel::IdRole).value<ApprovalId>(), chosenId);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data(ApprovalInboxModel::IdRole).value<ApprovalId>(), chosenId);
}

void TestApprovalInboxModel::decision_removesTheRow_keepsSelection()
{
    fetchAll();
    QItemSelectionModel selection(m_model.get());
    const QModelIndex chosen = m_model->index(3, 0);
    const ApprovalId chosenId = chosen.data(ApprovalInboxModel::IdRole).value<ApprovalId>();
    selection.setCurrentIndex(chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    const Approval first = m_model->approvalAt(0);
    const Result<Approval> decided =
        m_workspace->decideApproval(first.id, {QStringLiteral("reject"), first.revision, QStringLiteral("no"), {}});
    QVERIFY2(decided.ok(), qPrintable(decided ? QString() : decided.error().message));
    QCOMPARE(removed.count(), 1); // the workspace said so; the model followed
    QVERIFY(!ids().contains(first.id));
    QCOMPARE(selection.currentIndex().data(ApprovalInboxModel::IdRole).value<ApprovalId>(), chosenId);
    QCOMPARE(selection.currentIndex().row(), 2);
}

void TestApprovalInboxModel::staleItem_refreshRemovesIt()
{
    fetchAll();
    const Approval item = m_model->approvalAt(1);
    // Someone else decides it; this workspace hears nothing of it.
    const Result<Approval> elsewhere = m_agent->service().decide(
        item.id, {QStringLiteral("approve"), item.revision, QStringLiteral("fine"), {}}, QStringLiteral("otto.other"));
    QVERIFY2(elsewhere.ok(), qPrintable(elsewhere ? QString() : elsewhere.error().message));
    QVERIFY(ids().contains(item.id));
    // Deciding it here is refused, and reading it again takes it out.
    const Result<Approval> late =
        m_workspace->decideApproval(item.id, {QStringLiteral("approve"), item.revision, {}, {}});
    QVERIFY(!late.ok());
    m_model->refresh(item.id);
    QVERIFY(!ids().contains(item.id));
    QCOMPARE(m_model->rowCount(), static_cast<int>(m_forMe.size() + m_teams.size()) - 1);
}

void TestApprovalInboxModel::criticality_isReadPerAgent()
{
    fetchAll();
    int critical = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const bool isCritical = m_model->approvalAt(row).agentId == m_mailer;
        QCOMPARE(m_model->isCriticalAt(row), isCritical);
        QCOMPARE(m_model->index(row, 0).data(ApprovalInboxModel::CriticalRole).toBool(), isCritical);
        critical += isCritical ? 1 : 0;
    }
    QCOMPARE(critical, 2);
}

void TestApprovalInboxModel::proposedVersions_leadTheSection_andFollowAgentChanged()
{
    // Another person proposes a new version of the critical agent; this workspace hears of it
    // through agentChanged.
    Result<std::unique_ptr<Store>> store = Store::open(m_path);
    QVERIFY(store.ok());
    LocalWorkspace proposer(std::move(store).value(), QStringLiteral("pat.proposer"));
    const Result<Agent> agent = proposer.agent(m_mailer);
    QVERIFY(agent.ok());
    const Result<AgentVersion> head = proposer.version(m_mailer, agent->headVersion);
    QVERIFY(head.ok());
    const auto proposed = proposer.changeSpec(
        m_mailer, agent->headVersion,
        QString(head->spec).replace(QStringLiteral("the one thing"), QStringLiteral("the two things")),
        QStringLiteral("wider scope"));
    QVERIFY2(proposed.ok(), qPrintable(proposed ? QString() : proposed.error().message));
    QCOMPARE(m_model->rowCount(), pageSize); // nothing yet
    Q_EMIT m_workspace->agentChanged(m_mailer);
    QCOMPARE(m_model->rowCount(), pageSize + 1);
    QVERIFY(m_model->isProposalAt(0));
    QCOMPARE(m_model->index(0, 0).data(ApprovalInboxModel::IdRole).value<ApprovalId>(), 0);
    QVERIFY(m_model->index(0, 0).data(ApprovalInboxModel::ProposalIdRole).value<ProposalId>() != 0);
    QCOMPARE(m_model->agentPathAt(0), QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QVERIFY(m_model->isCriticalAt(0));
    QCOMPARE(ids().mid(1), m_forMe.mid(0, pageSize));

    // Read whole, the proposal appears once, at the top of For me.
    fetchAll();
    QCOMPARE(ids(), QList<ApprovalId>{0} + m_forMe + m_teams);
    // Decided, it leaves.
    const ProposalId id = m_model->proposalAt(0).id;
    QVERIFY(m_workspace->rejectProposal(id, QStringLiteral("not now")).ok());
    QCOMPARE(ids(), m_forMe + m_teams);
}

QTEST_MAIN(TestApprovalInboxModel)
#include "tst_approvalinboxmodel.moc"
