// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Where an approval meets its run, on a real workspace file: the inbox's context lists the
// events of the run that produced the item, and the Live feed's Provenance of any event of
// that run names the approval, its state and each reviewer's verdict and reason. Screenshots go
// to /tmp/approvalcontext-*.png.
#include "approvaldetailview.h"
#include "domain/clock.h"
#include "eventdetail.h"
#include "sampleworkspace.h"
#include "service/activityservice.h"
#include "service/approvalservice.h"
#include "service/localworkspace.h"
#include "service/orgservice.h"
#include "storage/store.h"

#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestApprovalContext final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inboxContext_listsTheRunsEvents();
    void provenance_showsTheDecisionsOnTheRunsOutput();

private:
    QTemporaryDir m_dir;
    QString m_path;
    NodeId m_agent = NoNode;
    RunId m_run = 0;
    ApprovalId m_approval = 0;
    std::unique_ptr<LocalWorkspace> m_workspace;
};

namespace {
const QString router = QStringLiteral("/acme/sales/inbound/lead-router");
} // namespace

void TestApprovalContext::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    {
        auto store = Store::open(m_path);
        QVERIFY(store.ok());
        SystemClock clock;
        OrgService org(*store.value(), clock);
        ActivityService activity(*store.value(), clock);
        ApprovalService approvals(*store.value(), clock, org);
        m_agent = org.tree().nodeByPath(router)->id;
        Run run;
        run.agentId = m_agent;
        const auto started = activity.startRun(run);
        QVERIFY(started.ok());
        m_run = started->id;
        QList<ActivityEvent> events;
        for (const auto &[kind, status, summary] : QList<std::tuple<QString, QString, QString>>{
                 {QStringLiteral("step"), QStringLiteral("ok"), QStringLiteral("Read lead 17 from the CRM")},
                 {QStringLiteral("tool.call"), QStringLiteral("error"), QStringLiteral("Geocoding timed out")},
                 {QStringLiteral("output"), QStringLiteral("ok"), QStringLiteral("Proposed routing to inbound")}}) {
            ActivityEvent event;
            event.clientId = summary;
            event.agentId = m_agent;
            event.runId = m_run;
            event.kind = kind;
            event.status = status;
            event.summary = summary;
            events.append(event);
        }
        QVERIFY(activity.ingest(events).ok());
        NewApproval proposal;
        proposal.agentId = m_agent;
        proposal.runId = m_run;
        proposal.title = QStringLiteral("Route lead 17");
        proposal.payload = QStringLiteral("{\"lead\":17}");
        proposal.payloadFormat = QStringLiteral("json");
        const auto submitted = approvals.submit(proposal, QStringLiteral("agent:test"));
        QVERIFY(submitted.ok());
        m_approval = submitted->id;
        QVERIFY(approvals
                    .decide(m_approval, {QStringLiteral("reject"), 1, QStringLiteral("wrong region"), {}},
                            QStringLiteral("rita.reviewer"))
                    .ok());
    }
    auto store = Store::open(m_path);
    QVERIFY(store.ok());
    m_workspace = std::make_unique<LocalWorkspace>(std::move(store).value(), QStringLiteral("owner"));
}

void TestApprovalContext::inboxContext_listsTheRunsEvents()
{
    ApprovalDetailView view;
    view.setWorkspace(m_workspace.get());
    view.showApproval(m_approval);
    auto *context = view.findChild<QLabel *>(QStringLiteral("approvalContextLabel"));
    QVERIFY(context);
    const QString text = context->text();
    QVERIFY2(text.contains(QStringLiteral("What the run did")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Read lead 17 from the CRM")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Proposed routing to inbound")), qPrintable(text));
    // The failed step stands out.
    QVERIFY2(text.contains(QStringLiteral("Geocoding timed out (error)")), qPrintable(text));
    QVERIFY(text.indexOf(QStringLiteral("Read lead 17")) < text.indexOf(QStringLiteral("Proposed routing")));
    view.resize(700, 600);
    view.findChild<QTabWidget *>(QStringLiteral("approvalDetailTabs"))->setCurrentIndex(3);
    QVERIFY(view.grab().save(QStringLiteral("/tmp/approvalcontext-inbox.png")));
}

void TestApprovalContext::provenance_showsTheDecisionsOnTheRunsOutput()
{
    const auto events = m_workspace->runEvents(m_run);
    QVERIFY(events.ok());
    QVERIFY(!events->isEmpty());
    EventDetail detail;
    detail.setWorkspace(m_workspace.get());
    detail.showHit({events->constLast(), router, QString()});
    auto *provenance = detail.findChild<QLabel *>(QStringLiteral("provenanceLabel"));
    QVERIFY(provenance);
    const QString text = provenance->text();
    QVERIFY2(text.contains(QStringLiteral("approval #%1").arg(m_approval)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("rejected")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Rejected by rita.reviewer")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("wrong region")), qPrintable(text));
    detail.resize(700, 600);
    detail.findChild<QTabWidget *>(QStringLiteral("eventTabs"))->setCurrentIndex(2);
    QVERIFY(detail.grab().save(QStringLiteral("/tmp/approvalcontext-provenance.png")));

    // An event of no run has no approval to show.
    ActivityEvent loose = events->constLast();
    loose.runId = 0;
    detail.showHit({loose, router, QString()});
    QVERIFY2(!provenance->text().contains(QStringLiteral("approval #")), qPrintable(provenance->text()));
}

QTEST_MAIN(TestApprovalContext)
#include "tst_approvalcontext.moc"
