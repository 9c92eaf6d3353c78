// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One agent's history as a table, over a real workspace file: QAbstractItemModelTester
// watches the model the whole time, and every change of the agent is exactly one reset.
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "storage/store.h"
#include "versionhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

namespace {

const QString routerPath = QStringLiteral("/acme/sales/inbound/lead-router");
const QString mailerPath = QStringLiteral("/acme/sales/outbound/prospect-mailer");
const QString oldLine = QStringLiteral("Do the one thing this test needs.");

using Column = VersionHistoryModel::Column;

} // namespace

class TestVersionHistoryModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setAgent_showsVersionsNewestFirst();
    void save_isOneReset_withTheNewVersionOnTop();
    void proposal_showsOnTopAsProposed_untilDecided();
    void changeOfAnotherAgent_leavesModelAlone();
    void rollback_addsAVersionWithTheOldContent();

private:
    [[nodiscard]] NodeId id(const QString &path) const { return nodeAt(*m_workspace, path); }
    [[nodiscard]] QString display(int row, Column column) const
    {
        return m_model->index(row, static_cast<int>(column)).data().toString();
    }
    // The head spec of an agent with its one instruction line replaced.
    [[nodiscard]] QString changedSpec(NodeId agentId, const QString &newLine) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalWorkspace> m_workspace;
    std::unique_ptr<VersionHistoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestVersionHistoryModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    Result<std::unique_ptr<Store>> store = Store::open(path);
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("ben.builder"));
    m_model = std::make_unique<VersionHistoryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setWorkspace(m_workspace.get());
}

void TestVersionHistoryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_workspace.reset();
    m_dir.reset();
}

QString TestVersionHistoryModel::changedSpec(NodeId agentId, const QString &newLine) const
{
    const Result<Agent> agent = m_workspace->agent(agentId);
    const Result<AgentVersion> head = m_workspace->version(agentId, agent->headVersion);
    QString spec = head->spec;
    spec.replace(oldLine, newLine);
    return spec;
}

void TestVersionHistoryModel::setAgent_showsVersionsNewestFirst()
{
    QCOMPARE(m_model->rowCount(), 0);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setAgent(id(routerPath));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->columnCount(), 6);
    QCOMPARE(display(0, Column::Version), QStringLiteral("v1"));
    QCOMPARE(display(0, Column::State), QStringLiteral("current"));
    QCOMPARE(display(0, Column::Author), QStringLiteral("ada.admin"));
    QCOMPARE(display(0, Column::Reason), QStringLiteral("setting up the test company"));
    QCOMPARE(display(0, Column::ApprovedBy), QString());
    QCOMPARE(m_model->index(0, 0).data(VersionHistoryModel::VersionRole).toInt(), 1);
    QCOMPARE(m_model->index(0, 0).data(VersionHistoryModel::ProposalIdRole).toLongLong(), 0);
    QCOMPARE(m_model->headerData(4, Qt::Horizontal).toString(), QStringLiteral("Reason"));
    QCOMPARE(m_model->headVersion(), 1);
    QCOMPARE(m_model->rowOfVersion(1), 0);
    QCOMPARE(m_model->rowOfVersion(2), -1);
    QVERIFY(m_model->versionAt(0));
    QVERIFY(!m_model->proposalAt(0));

    m_model->setAgent(NoNode);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestVersionHistoryModel::save_isOneReset_withTheNewVersionOnTop()
{
    const NodeId router = id(routerPath);
    m_model->setAgent(router);
    QSignalSpy aboutToReset(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

    const auto saved = m_workspace->changeSpec(router, 1, changedSpec(router, QStringLiteral("Route every lead.")),
                                               QStringLiteral("Route them all"));
    QVERIFY(saved.ok());
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(display(0, Column::Version), QStringLiteral("v2"));
    QCOMPARE(display(0, Column::State), QStringLiteral("current"));
    QCOMPARE(display(0, Column::Author), QStringLiteral("ben.builder"));
    QCOMPARE(display(0, Column::Reason), QStringLiteral("Route them all"));
    QCOMPARE(display(1, Column::Version), QStringLiteral("v1"));
    QCOMPARE(display(1, Column::State), QStringLiteral("saved"));
    QCOMPARE(m_model->headVersion(), 2);
}

void TestVersionHistoryModel::proposal_showsOnTopAsProposed_untilDecided()
{
    const NodeId mailer = id(mailerPath);
    m_model->setAgent(mailer);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    const auto proposed = m_workspace->changeSpec(mailer, 1, changedSpec(mailer, QStringLiteral("Invite to London.")),
                                                  QStringLiteral("Refresh event copy"));
    QVERIFY(proposed.ok());
    QVERIFY(proposed->proposed.has_value());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(display(0, Column::Version), QStringLiteral("on v1"));
    QCOMPARE(display(0, Column::State), QStringLiteral("proposed"));
    QCOMPARE(display(0, Column::Author), QStringLiteral("ben.builder"));
    QCOMPARE(display(0, Column::Reason), QStringLiteral("Refresh event copy"));
    QCOMPARE(display(0, Column::ApprovedBy), QStringLiteral("awaiting approval"));
    QCOMPARE(m_model->index(0, 0).data(VersionHistoryModel::ProposalIdRole).toLongLong(), proposed->proposed->id);
    QCOMPARE(m_model->index(0, 0).data(VersionHistoryModel::VersionRole).toInt(), 0);
    QVERIFY(m_model->proposalAt(0));
    QVERIFY(!m_model->versionAt(0));
    QCOMPARE(display(1, Column::Version), QStringLiteral("v1"));
    QCOMPARE(m_model->rowOfVersion(1), 1);
    QCOMPARE(m_model->headVersion(), 1);

    // Its author may withdraw it: rejected, it leaves the list.
    QVERIFY(m_workspace->rejectProposal(proposed->proposed->id, QStringLiteral("Wrong city")).ok());
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(display(0, Column::Version), QStringLiteral("v1"));
}

void TestVersionHistoryModel::changeOfAnotherAgent_leavesModelAlone()
{
    const NodeId router = id(routerPath);
    m_model->setAgent(id(mailerPath));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_workspace
                ->changeSpec(router, 1, changedSpec(router, QStringLiteral("Route every lead.")),
                             QStringLiteral("Route them all"))
                .ok());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestVersionHistoryModel::rollback_addsAVersionWithTheOldContent()
{
    const NodeId router = id(routerPath);
    m_model->setAgent(router);
    QVERIFY(m_workspace
                ->changeSpec(router, 1, changedSpec(router, QStringLiteral("Route every lead.")),
                             QStringLiteral("Route them all"))
                .ok());
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const auto rolled = m_workspace->rollback(router, 1, 2, QStringLiteral("Too many leads"));
    QVERIFY(rolled.ok());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(display(0, Column::Version), QStringLiteral("v3"));
    QCOMPARE(display(0, Column::Reason), QStringLiteral("Too many leads"));
    QCOMPARE(m_workspace->version(router, 3)->spec, m_workspace->version(router, 1)->spec);
}

QTEST_MAIN(TestVersionHistoryModel)
#include "tst_versionhistorymodel.moc"
