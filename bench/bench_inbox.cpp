// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Approval inbox with N pending items (issue 6: it opens, filters and moves to the next
// item without a visible stall). Builds a store with N pending approvals spread over 40
// agents (the first through ApprovalService::submit, the rest as copies of it written by the
// real ApprovalRepository in large transactions, without their audit entries, which the
// inbox never reads), then times the real ApprovalInbox widget, offscreen:
//   open    setWorkspace until the first page, the counts and the first item's detail show
//   filter  narrowing to one agent (the Show list), first page and detail again
//   next    J: the next item selected and its detail shown (p50/p95 over the first 500)
//   bench_inbox [ITEMS] [STORE_FILE]
#include "approvalinbox.h"
#include "approvalinboxmodel.h"
#include "benchworkspace.h"
#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/agentservice.h"
#include "service/approvalservice.h"
#include "service/localworkspace.h"
#include "service/orgservice.h"
#include "storage/approvalrepository.h"
#include "storage/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace steward;

namespace {

const QString actor = QStringLiteral("ada.admin");
const QString because = QStringLiteral("benchmark");
constexpr int agentCount = 40;
constexpr int nextMoves = 500;

QString fill(const QString &path, qint64 items)
{
    Result<std::unique_ptr<Store>> created = Store::create(path);
    if (!created) {
        return created.error().message;
    }
    Store &store = *created.value();
    const SystemClock clock;
    OrgService org(store, clock);
    AgentService agents(store, clock, org);
    ApprovalService approvals(store, clock, org);
    const Result<OrgNode> company = org.createCompany(QStringLiteral("acme"), actor, because);
    if (!company) {
        return company.error().message;
    }
    QList<NodeId> agentIds;
    for (int team = 0; team < agentCount / 10; ++team) {
        const Result<OrgNode> group =
            org.createGroup(company->id, NodeKind::Team, QStringLiteral("team%1").arg(team), actor, because);
        if (!group) {
            return group.error().message;
        }
        for (int i = 0; i < 10; ++i) {
            AgentSpec spec;
            spec.description = QStringLiteral("A benchmark agent");
            spec.model = QStringLiteral("small-model");
            spec.instructions = QStringLiteral("Propose things.");
            spec.criticality = Criticality::Standard;
            AgentService::NewAgent fields;
            fields.parentId = group->id;
            fields.name = QStringLiteral("agent%1").arg(i);
            fields.owner = QStringLiteral("dana.kim");
            fields.spec = spec.toCanonicalText();
            const Result<OrgNode> agent = agents.createAgent(fields, actor, because);
            if (!agent) {
                return agent.error().message;
            }
            agentIds.append(agent->id);
        }
    }
    NewApproval proposal;
    proposal.agentId = agentIds.first();
    proposal.title = QStringLiteral("Follow-up email 0");
    proposal.payload = QStringLiteral("To: sam@example.com\nSubject: Following up\n\nHi Sam,\n\n")
        + QStringLiteral("Thanks for the call; here is what we discussed. ").repeated(6);
    proposal.payloadFormat = QStringLiteral("email");
    proposal.action = {{QStringLiteral("type"), QStringLiteral("webhook")},
                       {QStringLiteral("url"), QStringLiteral("https://example.test/send")}};
    const Result<Approval> first = approvals.submit(proposal, QStringLiteral("agent:bench"));
    if (!first) {
        return first.error().message;
    }
    QHash<NodeId, OrgNode> nodes;
    for (const NodeId id : std::as_const(agentIds)) {
        nodes.insert(id, org.tree().node(id).value());
    }
    ApprovalRepository repository(store);
    for (qint64 done = 1; done < items;) {
        Transaction transaction(store);
        for (int i = 0; i < 10000 && done < items; ++i, ++done) {
            Approval copy = first.value();
            const OrgNode &agent = nodes.value(agentIds.at(done % agentIds.size()));
            copy.agentId = agent.id;
            copy.agentPath = agent.path;
            copy.reviewerNodeId = agent.parentId;
            copy.title = QStringLiteral("Follow-up email %1").arg(done);
            if (const Result<ApprovalId> id = repository.insert(copy); !id) {
                return id.error().message;
            }
        }
        if (const Status committed = transaction.commit(); !committed) {
            return committed.error().message;
        }
    }
    return {};
}

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 items = args.size() > 1 ? args.at(1).toLongLong() : 100000;
    const QTemporaryDir dir;
    const QString path = args.size() > 2 ? args.at(2) : dir.filePath(QStringLiteral("inbox.steward"));
    if (!QFile::exists(path)) {
        QElapsedTimer timer;
        timer.start();
        if (const QString error = fill(path, items); !error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("store     %lld pending items written in %.1f s\n", static_cast<long long>(items),
                    msSince(timer) / 1000.0);
    }
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    LocalWorkspace workspace(std::move(store).value(), QStringLiteral("rita.reviewer"));
    ApprovalInbox inbox;
    inbox.resize(1400, 800);
    inbox.show();
    QApplication::processEvents();

    QElapsedTimer timer;
    timer.start();
    // The parts of opening, alone (a second time they are read warm, as the open below is).
    ApprovalFilter firstPage;
    firstPage.state = ApprovalState::Pending;
    firstPage.mine = true;
    const bool pageRead = workspace.approvals(firstPage).ok();
    const double pageMs = msSince(timer);
    timer.restart();
    const bool counted = workspace.approvalCounts().ok();
    const double countsMs = msSince(timer);
    if (!pageRead || !counted) {
        std::fprintf(stderr, "cannot read the inbox\n");
        return 1;
    }
    std::printf("parts     first page %.1f ms, counts %.1f ms\n", pageMs, countsMs);

    // The counts arrive from a worker thread; the longest the window went without handling
    // events meanwhile is the stall a user would see.
    double countsShownMs = 0;
    QEventLoop counting;
    QObject::connect(&inbox, &ApprovalInbox::countsChanged, &counting, [&] {
        countsShownMs = msSince(timer);
        counting.quit();
    });
    timer.restart();
    inbox.setWorkspace(&workspace);
    QApplication::processEvents();
    const double openMs = msSince(timer);
    double longestGapMs = 0;
    QElapsedTimer gap;
    gap.start();
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestGapMs = std::max(longestGapMs, msSince(gap));
        gap.restart();
    });
    ticker.start(5);
    counting.exec();
    ticker.stop();
    std::printf("open      first page and detail shown in %.1f ms (%d rows read); counts shown at %.1f ms "
                "(for me %lld, my teams %lld), longest event-loop gap meanwhile %.1f ms\n",
                openMs, inbox.model()->rowCount(), countsShownMs, static_cast<long long>(inbox.counts().pendingForMe),
                static_cast<long long>(inbox.counts().pendingForMyTeams), longestGapMs);

    QList<double> moves;
    for (int i = 0; i < nextMoves; ++i) {
        timer.restart();
        inbox.next();
        QApplication::processEvents();
        moves.append(msSince(timer));
    }
    const int reached = inbox.view()->currentIndex().row();
    std::printf("next      p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d moves (at row %d, %d rows read)\n",
                bench::percentile(moves, 50), bench::percentile(moves, 95), bench::percentile(moves, 100), nextMoves,
                reached, inbox.model()->rowCount());

    const Result<OrgNode> root = workspace.root();
    const Result<QList<OrgNode>> teams = root ? workspace.children(root->id) : Result<QList<OrgNode>>(root.error());
    const Result<QList<OrgNode>> teamAgents =
        teams && !teams->isEmpty() ? workspace.children(teams->last().id) : Result<QList<OrgNode>>(teams.error());
    if (!teamAgents || teamAgents->isEmpty()) {
        std::fprintf(stderr, "no agent to filter by\n");
        return 1;
    }
    QList<double> filters;
    for (const NodeId scope : {teamAgents->last().id, teams->first().id, NoNode}) {
        timer.restart();
        inbox.setScope(scope);
        QApplication::processEvents();
        filters.append(msSince(timer));
    }
    std::printf("filter    agent %.1f ms, team %.1f ms, everything %.1f ms\n", filters.at(0), filters.at(1),
                filters.at(2));
    return 0;
}
