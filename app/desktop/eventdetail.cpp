// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventdetail.h"

#include "diffview.h"
#include "displaytext.h"
#include "service/workspace.h"
#include "waterfalldelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace steward {

namespace {

// How many of the agent's newest approvals are looked through for the run's outputs.
constexpr int approvalsLooked = 200;

QString approvalStateText(ApprovalState state)
{
    switch (state) {
    case ApprovalState::Pending: return EventDetail::tr("pending");
    case ApprovalState::Approved: return EventDetail::tr("approved");
    case ApprovalState::Rejected: return EventDetail::tr("rejected");
    case ApprovalState::Expired: return EventDetail::tr("expired");
    case ApprovalState::Executed: return EventDetail::tr("approved and executed");
    case ApprovalState::Failed: return EventDetail::tr("approved, execution failed");
    }
    return {};
}

QString verdictText(const QString &verdict)
{
    if (verdict == QLatin1String("approve")) {
        return EventDetail::tr("Approved");
    }
    if (verdict == QLatin1String("reject")) {
        return EventDetail::tr("Rejected");
    }
    return EventDetail::tr("Edited and approved");
}

// Where a step sits on its run's time line, in milliseconds from the run's start. A step's time
// is when it started and its latency how long it took; the run's end is stamped when it
// finished, its latency being the whole run.
struct Timing
{
    qint64 offset = 0;
    qint64 duration = 0;
};

Timing timingOf(const ActivityEvent &event, qint64 runStartMs)
{
    const qint64 at = event.time.toMSecsSinceEpoch() - runStartMs;
    if (event.kind == QLatin1String(EventKinds::RunFinished)) {
        return {std::max<qint64>(0, at - event.latencyMs), event.latencyMs};
    }
    return {std::max<qint64>(0, at), event.latencyMs};
}

} // namespace

EventDetail::EventDetail(QWidget *parent) : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("eventHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openVersion = new QPushButton(this);
    m_openVersion->setObjectName(QStringLiteral("openVersionButton"));
    m_openVersion->setToolTip(tr("Show the change that made this version, in the agent's Versions tab"));
    connect(m_openVersion, &QPushButton::clicked, this,
            [this] { Q_EMIT openVersionRequested(m_hit.agentPath, m_hit.event.version); });

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("eventText"));
    m_text->setReadOnly(true);

    m_traceModel = new QStandardItemModel(this);
    m_traceModel->setHorizontalHeaderLabels({tr("Step"), tr("Summary"), tr("Status"), tr("Timing")});
    m_trace = new QTreeView(this);
    m_trace->setObjectName(QStringLiteral("traceView"));
    m_trace->setModel(m_traceModel);
    m_trace->setUniformRowHeights(true);
    m_trace->setAlternatingRowColors(true);
    m_trace->setItemDelegateForColumn(static_cast<int>(TraceColumn::Timing), new WaterfallDelegate(m_trace));
    m_trace->header()->setStretchLastSection(true);
    m_trace->header()->resizeSection(static_cast<int>(TraceColumn::Step), 170);
    m_trace->header()->resizeSection(static_cast<int>(TraceColumn::Summary), 400);
    m_trace->header()->resizeSection(static_cast<int>(TraceColumn::Status), 70);
    m_traceMessage = new QLabel(this);
    m_traceMessage->setObjectName(QStringLiteral("traceMessage"));
    m_traceMessage->setWordWrap(true);
    auto *tracePage = new QWidget(this);
    auto *traceLayout = new QVBoxLayout(tracePage);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceLayout->addWidget(m_traceMessage);
    traceLayout->addWidget(m_trace, 1);

    m_provenance = new QLabel(this);
    m_provenance->setObjectName(QStringLiteral("provenanceLabel"));
    m_provenance->setTextFormat(Qt::PlainText);
    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("provenanceDiff"));
    auto *provenancePage = new QWidget(this);
    auto *provenanceLayout = new QVBoxLayout(provenancePage);
    provenanceLayout->setContentsMargins(0, 0, 0, 0);
    provenanceLayout->addWidget(m_provenance);
    provenanceLayout->addWidget(m_diff, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("eventTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_text, tr("Event"));
    m_tabs->addTab(tracePage, tr("Trace"));
    m_tabs->addTab(provenancePage, tr("Provenance"));

    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_openVersion);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(headerRow);
    layout->addWidget(m_tabs, 1);
    clear();
}

void EventDetail::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    clear();
}

void EventDetail::clear()
{
    m_hit = {};
    m_version = {};
    m_header->setText(tr("Select an event to see its run and the change that produced it."));
    m_openVersion->hide();
    m_text->clear();
    m_traceModel->removeRows(0, m_traceModel->rowCount());
    m_traceMessage->hide();
    m_provenance->clear();
    m_diff->showMessage(QString());
    m_tabs->setEnabled(false);
}

void EventDetail::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void EventDetail::showHit(const ActivityHit &hit)
{
    m_hit = hit;
    const ActivityEvent &event = hit.event;
    m_tabs->setEnabled(true);
    m_header->setText(tr("%1 · %2 · %3 · v%4%5")
                          .arg(DisplayText::time(event.time), hit.agentPath, event.kind)
                          .arg(event.version)
                          .arg(event.runId == 0 ? QString() : tr(" · run %1").arg(event.runId)));
    m_openVersion->setText(tr("Open Version %1").arg(event.version));
    m_openVersion->setVisible(event.version > 0);

    QString text = event.summary;
    if (!event.detail.isEmpty()) {
        text += QStringLiteral("\n\n") + event.detail;
    }
    if (!event.body.isEmpty()) {
        text += QStringLiteral("\n\n") + QString::fromUtf8(QJsonDocument(event.body).toJson(QJsonDocument::Indented));
    }
    m_text->setPlainText(text);
    showTrace(hit);
    showProvenance(hit);
}

void EventDetail::showTrace(const ActivityHit &hit)
{
    m_traceModel->removeRows(0, m_traceModel->rowCount());
    m_traceMessage->hide();
    QList<ActivityEvent> events{hit.event};
    if (hit.event.runId != 0 && m_workspace) {
        const Result<QList<ActivityEvent>> read = m_workspace->runEvents(hit.event.runId);
        if (read && !read->isEmpty()) {
            events = read.value();
        } else if (!read) {
            m_traceMessage->setText(tr("The run's other steps could not be read: %1").arg(read.error().message));
            m_traceMessage->show();
        }
    } else {
        m_traceMessage->setText(tr("This event belongs to no run."));
        m_traceMessage->show();
    }

    qint64 runStart = std::numeric_limits<qint64>::max();
    qint64 runEnd = std::numeric_limits<qint64>::min();
    for (const ActivityEvent &event : std::as_const(events)) {
        const qint64 at = event.time.toMSecsSinceEpoch();
        const bool end = event.kind == QLatin1String(EventKinds::RunFinished);
        runStart = std::min(runStart, end ? at - event.latencyMs : at);
        runEnd = std::max(runEnd, end ? at : at + event.latencyMs);
    }
    const qint64 runLength = std::max<qint64>(1, runEnd - runStart);

    // Spans nest by parentSpanId; a step whose parent is not in the run stands at the top.
    QHash<QString, QStandardItem *> spans;
    QStandardItem *current = nullptr;
    const QLocale locale;
    for (const ActivityEvent &event : std::as_const(events)) {
        const Timing timing = timingOf(event, runStart);
        auto *step = new QStandardItem(event.kind);
        step->setEditable(false);
        step->setData(event.id, Qt::UserRole);
        // A decision's reason, an output's text and an error's message are in the detail; their
        // first line belongs beside the step, the rest in the tool tip and the Event tab.
        const bool tellsWhy = event.kind == QLatin1String(EventKinds::Decision)
            || event.kind == QLatin1String(EventKinds::Output) || event.kind == QLatin1String(EventKinds::Error);
        const QString firstLine = event.detail.section(QLatin1Char('\n'), 0, 0).trimmed();
        auto *summary = new QStandardItem(tellsWhy && !firstLine.isEmpty() ? tr("%1 — %2").arg(event.summary, firstLine)
                                                                           : event.summary);
        summary->setEditable(false);
        summary->setToolTip(event.detail.isEmpty() ? event.summary : event.detail);
        const bool failed = event.status == QLatin1String("error");
        auto *status = new QStandardItem(failed ? tr("Error") : tr("OK"));
        status->setEditable(false);
        if (failed) {
            status->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        }
        auto *timingItem = new QStandardItem(
            tr("+%1 ms · %2 ms").arg(locale.toString(timing.offset), locale.toString(timing.duration)));
        timingItem->setEditable(false);
        timingItem->setData(timing.offset, WaterfallDelegate::OffsetRole);
        timingItem->setData(timing.duration, WaterfallDelegate::DurationRole);
        timingItem->setData(runLength, WaterfallDelegate::RunLengthRole);
        const QList<QStandardItem *> row{step, summary, status, timingItem};
        QStandardItem *parent = spans.value(event.parentSpanId);
        if (parent && !event.parentSpanId.isEmpty()) {
            parent->appendRow(row);
        } else {
            m_traceModel->appendRow(row);
        }
        if (!event.spanId.isEmpty() && !spans.contains(event.spanId)) {
            spans.insert(event.spanId, step);
        }
        if (event.id == hit.event.id) {
            current = step;
        }
    }
    m_trace->expandAll();
    if (current) {
        m_trace->setCurrentIndex(current->index());
        m_trace->scrollTo(current->index());
    }
}

QStringList EventDetail::approvalLines(const ActivityEvent &event) const
{
    if (!m_workspace || event.runId == 0) {
        return {};
    }
    ApprovalFilter filter;
    filter.agentId = event.agentId;
    filter.limit = approvalsLooked;
    const Result<ApprovalPage> page = m_workspace->approvals(filter);
    if (!page) {
        return {tr("The approvals of this run could not be read: %1").arg(page.error().message)};
    }
    QStringList lines;
    for (const Approval &approval : page->items) {
        if (approval.runId != event.runId) {
            continue;
        }
        lines << QString()
              << tr("Output \u201c%1\u201d (approval #%2): %3.")
                     .arg(approval.title)
                     .arg(approval.id)
                     .arg(approvalStateText(approval.state));
        const Result<ApprovalDetail> detail = m_workspace->approval(approval.id);
        if (!detail) {
            lines << tr("Its decisions could not be read: %1").arg(detail.error().message);
            continue;
        }
        if (detail->decisions.isEmpty()) {
            lines << tr("No reviewer has decided yet.");
        }
        for (const ApprovalDecision &decision : detail->decisions) {
            lines << tr("%1 by %2 on %3%4")
                         .arg(verdictText(decision.verdict), decision.reviewer, DisplayText::time(decision.decidedAt),
                              decision.comment.isEmpty() ? QString() : tr(": %1").arg(decision.comment));
        }
    }
    return lines;
}

void EventDetail::showProvenance(const ActivityHit &hit)
{
    m_version = {};
    if (!m_workspace || hit.event.version <= 0) {
        m_provenance->setText(
            (QStringList{tr("No agent version is recorded for this event.")} + approvalLines(hit.event))
                .join(QLatin1Char('\n')));
        m_diff->showMessage(QString());
        return;
    }
    const Result<AgentVersion> version = m_workspace->version(hit.event.agentId, hit.event.version);
    if (!version) {
        m_provenance->setText((QStringList{tr("Version %1 of %2 could not be read: %3")
                                               .arg(hit.event.version)
                                               .arg(hit.agentPath, version.error().message)}
                               + approvalLines(hit.event))
                                  .join(QLatin1Char('\n')));
        m_diff->showMessage(QString());
        return;
    }
    m_version = version.value();
    QStringList lines;
    lines << tr("Produced by %1, version %2.").arg(hit.agentPath).arg(m_version.number);
    lines << tr("Changed by %1 on %2.").arg(m_version.author, DisplayText::time(m_version.createdAt));
    lines << tr("Reason: %1").arg(m_version.reason.isEmpty() ? tr("(none given)") : m_version.reason);
    if (!m_version.approvedBy.isEmpty()) {
        lines << tr("The change was approved by %1.").arg(m_version.approvedBy);
    }
    lines << approvalLines(hit.event);
    m_provenance->setText(lines.join(QLatin1Char('\n')));

    const QString newTitle = tr("v%1 by %2").arg(m_version.number).arg(m_version.author);
    if (m_version.parentNumber <= 0) {
        m_diff->setTexts(tr("(nothing before)"), QString(), newTitle, m_version.spec);
        return;
    }
    const Result<AgentVersion> parent = m_workspace->version(hit.event.agentId, m_version.parentNumber);
    if (!parent) {
        m_diff->showMessage(
            tr("Version %1 could not be read: %2").arg(m_version.parentNumber).arg(parent.error().message));
        return;
    }
    m_diff->setTexts(tr("v%1 by %2").arg(parent->number).arg(parent->author), parent->spec, newTitle, m_version.spec);
}

} // namespace steward
