// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvaldetailview.h"

#include "diffview.h"
#include "service/workspace.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace steward {
namespace {

constexpr int earlierDecisions = 10;
constexpr int runsLooked = 50;
// A run's events listed in the context; a long run is cut there.
constexpr qsizetype runEventsShown = 40;

QString stateText(ApprovalState state)
{
    switch (state) {
    case ApprovalState::Pending: return ApprovalDetailView::tr("pending");
    case ApprovalState::Approved: return ApprovalDetailView::tr("approved");
    case ApprovalState::Rejected: return ApprovalDetailView::tr("rejected");
    case ApprovalState::Expired: return ApprovalDetailView::tr("expired");
    case ApprovalState::Executed: return ApprovalDetailView::tr("executed");
    case ApprovalState::Failed: return ApprovalDetailView::tr("failed");
    }
    return {};
}

QString verdictText(const QString &verdict)
{
    if (verdict == QLatin1String("approve")) {
        return ApprovalDetailView::tr("approved");
    }
    if (verdict == QLatin1String("reject")) {
        return ApprovalDetailView::tr("rejected");
    }
    return ApprovalDetailView::tr("edited and approved");
}

// An email payload: header lines up to the first empty line, then the body.
QString emailHtml(const QString &payload)
{
    const qsizetype split = payload.indexOf(QLatin1String("\n\n"));
    const QString head = split < 0 ? QString() : payload.left(split);
    const QString body = split < 0 ? payload : payload.mid(split + 2);
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (const QString &line : head.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString name = colon < 0 ? QString() : line.left(colon).trimmed();
        const QString value = colon < 0 ? line : line.mid(colon + 1).trimmed();
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                .arg(name.toHtmlEscaped() + (name.isEmpty() ? QString() : QStringLiteral(":")), value.toHtmlEscaped());
    }
    html += QStringLiteral("</table><hr/><p style=\"white-space: pre-wrap\">%1</p>").arg(body.toHtmlEscaped());
    return html;
}

} // namespace

ApprovalDetailView::ApprovalDetailView(QWidget *parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("approvalHeaderLabel"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_header, &QLabel::linkActivated, this, &ApprovalDetailView::pathActivated);

    m_rendered = new QTextBrowser(this);
    m_rendered->setObjectName(QStringLiteral("renderedPayload"));
    m_rendered->setOpenLinks(false);
    m_rendered->setAccessibleName(tr("What will happen if approved"));
    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(QStringLiteral("rawPayload"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Raw payload"));
    m_diffPage = new QWidget(this);
    auto *diffLayout = new QVBoxLayout(m_diffPage);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("approvalContextLabel"));
    m_context->setWordWrap(true);
    m_context->setTextFormat(Qt::RichText);
    m_context->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_context->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_context->setContentsMargins(8, 8, 8, 8);
    connect(m_context, &QLabel::linkActivated, this, &ApprovalDetailView::pathActivated);
    auto *contextScroll = new QScrollArea(this);
    contextScroll->setWidgetResizable(true);
    contextScroll->setWidget(m_context);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("approvalDetailTabs"));
    m_tabs->setDocumentMode(true);
    // The tabs take no focus: the keys of the inbox stay with the list.
    m_tabs->setFocusPolicy(Qt::NoFocus);
    m_tabs->addTab(m_rendered, tr("Preview"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_diffPage, tr("Since Last Approved"));
    m_tabs->addTab(contextScroll, tr("Context"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    showEmpty(tr("Select an item to read it. J and K move through the inbox; ? lists every key."));
}

DiffView *ApprovalDetailView::diff()
{
    if (!m_diff) {
        m_diff = new DiffView(m_diffPage);
        m_diff->setObjectName(QStringLiteral("previousOutputDiff"));
        m_diffPage->layout()->addWidget(m_diff);
    }
    return m_diff;
}

void ApprovalDetailView::render(QTextBrowser *browser, const QString &payload, const QString &format)
{
    if (format == QLatin1String("markdown")) {
        browser->setMarkdown(payload);
    } else if (format == QLatin1String("email")) {
        browser->setHtml(emailHtml(payload));
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8());
        const QString text = document.isNull() ? payload : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
        browser->setHtml(QStringLiteral("<pre>%1</pre>").arg(text.toHtmlEscaped()));
    }
}

void ApprovalDetailView::showEmpty(const QString &message)
{
    m_id = 0;
    m_header->setText(message.toHtmlEscaped());
    m_rendered->clear();
    m_raw->clear();
    if (m_diff) {
        m_diff->showMessage(QString());
    }
    m_context->clear();
    m_tabs->setEnabled(false);
}

void ApprovalDetailView::showApproval(ApprovalId id)
{
    if (id == 0 || !m_workspace) {
        showEmpty(tr("Nothing selected. J and K move through the inbox; ? lists every key."));
        return;
    }
    const Result<ApprovalDetail> detail = m_workspace->approval(id);
    if (!detail) {
        showEmpty(detail.error().message);
        return;
    }
    m_id = id;
    const Approval &approval = detail->approval;
    m_tabs->setEnabled(true);
    QString header =
        QStringLiteral("<b>%1</b><br/><a href=\"%2\">%3</a> · %4 · %5")
            .arg(approval.title.toHtmlEscaped(), approval.agentPath.toHtmlEscaped(), approval.agentPath.toHtmlEscaped(),
                 approval.version > 0 ? tr("version %1").arg(approval.version) : tr("head version"),
                 tr("revision %1, %2").arg(approval.revision).arg(stateText(approval.state)));
    if (!detail->mayDecide && approval.state == ApprovalState::Pending) {
        header += QStringLiteral("<br/><i>%1</i>").arg(tr("You may not decide this item (or already approved it)."));
    } else if (detail->mayDecide) {
        header += QStringLiteral("<br/><small>%1</small>")
                      .arg(tr("A approve · R reject · E edit then approve · O open the agent · ? every key"));
    }
    m_header->setText(header);
    render(m_rendered, approval.payload, approval.payloadFormat);
    m_raw->setPlainText(approval.payload);
    showPrevious(approval);
    showContext(detail.value());
}

void ApprovalDetailView::showProposal(const VersionProposal &proposal, const QString &agentPath)
{
    m_id = 0;
    if (!m_workspace) {
        showEmpty({});
        return;
    }
    m_tabs->setEnabled(true);
    const QLocale locale;
    m_header->setText(QStringLiteral("<b>%1</b><br/><a href=\"%2\">%2</a> · %3<br/><small>%4</small>")
                          .arg(tr("New version proposed by %1").arg(proposal.author).toHtmlEscaped(),
                               agentPath.toHtmlEscaped(), tr("based on version %1").arg(proposal.baseVersion),
                               tr("A approve · R reject (both ask a reason) · O open the agent · ? every key")));
    m_rendered->setHtml(QStringLiteral("<pre>%1</pre>").arg(proposal.spec.toHtmlEscaped()));
    m_raw->setPlainText(proposal.spec);
    const Result<AgentVersion> base = m_workspace->version(proposal.agentId, proposal.baseVersion);
    if (base) {
        diff()->setTexts(tr("v%1").arg(proposal.baseVersion), base->spec, tr("proposal by %1").arg(proposal.author),
                         proposal.spec);
    } else {
        diff()->showMessage(base.error().message);
    }
    m_context->setText(QStringLiteral("<p><b>%1</b> <a href=\"%2\">%2</a><br/>%3 %4<br/>%5 %6</p><p>%7</p>")
                           .arg(tr("Agent:"), agentPath.toHtmlEscaped(), tr("Proposed by:"),
                                proposal.author.toHtmlEscaped(), tr("Proposed:"),
                                locale.toString(proposal.createdAt.toLocalTime(), QLocale::ShortFormat),
                                proposal.reason.toHtmlEscaped()));
}

void ApprovalDetailView::showPrevious(const Approval &approval)
{
    ApprovalFilter filter;
    filter.agentId = approval.agentId;
    filter.beforeId = approval.id;
    filter.limit = 20;
    const Result<ApprovalPage> page = m_workspace->approvals(filter);
    if (!page) {
        diff()->showMessage(page.error().message);
        return;
    }
    for (const Approval &earlier : page->items) {
        if (!earlier.approvedPayload.isEmpty()) {
            diff()->setTexts(tr("#%1 as approved").arg(earlier.id), earlier.approvedPayload,
                             tr("#%1 proposed").arg(approval.id), approval.payload);
            return;
        }
    }
    diff()->showMessage(tr("No earlier approved output of this agent to compare with."));
}

QString ApprovalDetailView::runEventsHtml(RunId runId) const
{
    const Result<QList<ActivityEvent>> events = m_workspace->runEvents(runId);
    if (!events) {
        return QStringLiteral("<p>%1</p>").arg(events.error().message.toHtmlEscaped());
    }
    if (events->isEmpty()) {
        return QStringLiteral("<p>%1</p>").arg(tr("The run recorded no events.").toHtmlEscaped());
    }
    const QLocale locale;
    QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("What the run did:"));
    for (qsizetype i = 0; i < events->size() && i < runEventsShown; ++i) {
        const ActivityEvent &event = events->at(i);
        const QString line = tr("%1 %2: %3")
                                 .arg(locale.toString(event.time.toLocalTime().time(), QStringLiteral("HH:mm:ss")),
                                      event.kind, event.summary)
                                 .toHtmlEscaped();
        html += event.status == QLatin1String("error")
            ? QStringLiteral("<li><span style=\"color:#b00020\">%1 (%2)</span></li>").arg(line, tr("error"))
            : QStringLiteral("<li>%1</li>").arg(line);
    }
    html += QStringLiteral("</ul>");
    if (events->size() > runEventsShown) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("… and %n more event(s) (open the run in the Live feed for all).", nullptr,
                            static_cast<int>(events->size() - runEventsShown))
                             .toHtmlEscaped());
    }
    return html;
}

void ApprovalDetailView::showContext(const ApprovalDetail &detail)
{
    const Approval &approval = detail.approval;
    const QLocale locale;
    QString html =
        QStringLiteral("<p><b>%1</b> <a href=\"%2\">%2</a><br/>%3 %4<br/>%5 %6<br/>%7 %8</p>")
            .arg(tr("Agent:"), approval.agentPath.toHtmlEscaped(), tr("Submitted by:"),
                 approval.submittedBy.toHtmlEscaped(), tr("Submitted:"),
                 locale.toString(approval.createdAt.toLocalTime(), QLocale::ShortFormat), tr("Expires:"),
                 approval.expiresAt.isValid() ? locale.toString(approval.expiresAt.toLocalTime(), QLocale::ShortFormat)
                                              : tr("never"));
    if (approval.runId != 0) {
        QString runText = tr("Run %1 (not among the agent's recent runs)").arg(approval.runId);
        if (const Result<QList<Run>> runs = m_workspace->recentRuns(approval.agentId, runsLooked); runs) {
            for (const Run &run : runs.value()) {
                if (run.id == approval.runId) {
                    runText = tr("Run %1: %2, started %3 by %4, v%5, %6 ms, %7 tokens")
                                  .arg(run.id)
                                  .arg(displayName(run.status),
                                       locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                                       displayName(run.trigger))
                                  .arg(run.version)
                                  .arg(run.latencyMs)
                                  .arg(run.tokensIn + run.tokensOut);
                }
            }
        }
        html += QStringLiteral("<p>%1</p>").arg(runText.toHtmlEscaped());
        html += runEventsHtml(approval.runId);
    }
    if (!detail.decisions.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Decisions on this item:"));
        for (const ApprovalDecision &decision : detail.decisions) {
            html += QStringLiteral("<li>%1</li>")
                        .arg(tr("%1 %2 revision %3: %4")
                                 .arg(decision.reviewer, verdictText(decision.verdict))
                                 .arg(decision.revision)
                                 .arg(decision.comment)
                                 .toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p><b>%1</b></p>").arg(tr("Earlier decisions on this agent:"));
    const Result<QList<ApprovalDecision>> earlier = m_workspace->agentDecisions(approval.agentId, earlierDecisions);
    if (!earlier) {
        html += QStringLiteral("<p>%1</p>").arg(earlier.error().message.toHtmlEscaped());
    } else if (earlier->isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("None yet."));
    } else {
        html += QStringLiteral("<ul>");
        for (const ApprovalDecision &decision : earlier.value()) {
            html += QStringLiteral("<li>%1</li>")
                        .arg(tr("#%1 %2 by %3 on %4: %5")
                                 .arg(decision.approvalId)
                                 .arg(verdictText(decision.verdict), decision.reviewer,
                                      locale.toString(decision.decidedAt.toLocalTime(), QLocale::ShortFormat),
                                      decision.comment)
                                 .toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    m_context->setText(html);
}

} // namespace steward
