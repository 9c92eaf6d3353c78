// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runspage.h"

#include "eventdetail.h"
#include "reasondialog.h"
#include "runhistorymodel.h"
#include "runnowdialog.h"
#include "runrequesttablemodel.h"
#include "runtime/triggerplan.h"
#include "triggertablemodel.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace steward {
namespace {

QTableView *tableView(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QString colorOf(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Active: return QStringLiteral("#2e8b3e");
    case AgentStatus::Paused: return QStringLiteral("#c07a00");
    case AgentStatus::Retired: return QStringLiteral("#808080");
    }
    return {};
}

} // namespace

RunsPage::RunsPage(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("runsTitleLabel"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("agentStatusLabel"));
    m_status->setTextFormat(Qt::RichText);
    m_statusButton = new QPushButton(this);
    m_statusButton->setObjectName(QStringLiteral("pauseResumeButton"));
    connect(m_statusButton, &QPushButton::clicked, this, &RunsPage::changeStatus);
    m_runNowButton = new QPushButton(tr("Run &Now…"), this);
    m_runNowButton->setObjectName(QStringLiteral("runNowButton"));
    connect(m_runNowButton, &QPushButton::clicked, this, &RunsPage::runNow);
    // Ctrl+R while the focus is anywhere on this page.
    m_runNowAction = new QAction(tr("Run Now…"), this);
    m_runNowAction->setObjectName(QStringLiteral("runNowAction"));
    m_runNowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runNowAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_runNowAction, &QAction::triggered, this, &RunsPage::runNow);
    addAction(m_runNowAction);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(new QLabel(tr("Status:"), this));
    statusRow->addWidget(m_status);
    statusRow->addSpacing(12);
    statusRow->addWidget(m_statusButton);
    statusRow->addWidget(m_runNowButton);
    statusRow->addStretch(1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("runsMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_runner = new QLabel(this);
    m_runner->setObjectName(QStringLiteral("runnerLabel"));
    m_runner->setWordWrap(true);
    m_runner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *runnerBox = new QGroupBox(tr("Runner"), this);
    auto *runnerLayout = new QVBoxLayout(runnerBox);
    runnerLayout->addWidget(m_runner);

    m_triggers = new TriggerTableModel(this);
    m_triggersView = tableView(QStringLiteral("triggersTableView"), m_triggers, this);
    m_triggersView->setWordWrap(true);
    m_triggersView->setAccessibleName(tr("Triggers"));
    m_triggersView->horizontalHeader()->setSectionResizeMode(static_cast<int>(TriggerTableModel::Column::NextRuns),
                                                             QHeaderView::Stretch);
    m_triggersView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_triggersBox = new QGroupBox(tr("Triggers"), this);
    auto *triggersLayout = new QVBoxLayout(m_triggersBox);
    triggersLayout->addWidget(m_triggersView);

    m_history = new RunHistoryModel(this);
    m_historyView = tableView(QStringLiteral("runHistoryTableView"), m_history, this);
    m_historyView->setWordWrap(false);
    m_historyView->setAccessibleName(tr("Run history"));
    m_historyView->setToolTip(tr("Double-click a run, or press Enter, to see its trace"));
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height() + 8);
    m_historyView->horizontalHeader()->setSectionResizeMode(static_cast<int>(RunHistoryModel::Column::Trigger),
                                                            QHeaderView::Stretch);
    connect(m_historyView, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { openRun(index.row()); });
    auto *historyBox = new QGroupBox(tr("Run history"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_historyView);

    m_notRun = new RunRequestTableModel(this);
    auto *notRunView = tableView(QStringLiteral("notRunTableView"), m_notRun, this);
    notRunView->setWordWrap(false);
    notRunView->setAccessibleName(tr("Requests that did not run"));
    notRunView->verticalHeader()->setDefaultSectionSize(notRunView->fontMetrics().height() + 8);
    notRunView->horizontalHeader()->setSectionResizeMode(static_cast<int>(RunRequestTableModel::Column::Reason),
                                                         QHeaderView::Stretch);
    m_notRunBox = new QGroupBox(tr("Not run: skipped, refused or waiting"), this);
    m_notRunBox->setObjectName(QStringLiteral("notRunGroupBox"));
    auto *notRunLayout = new QVBoxLayout(m_notRunBox);
    notRunLayout->addWidget(notRunView);
    m_notRunBox->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(statusRow);
    layout->addWidget(m_message);
    layout->addWidget(runnerBox);
    layout->addWidget(m_triggersBox);
    layout->addWidget(historyBox, 4);
    layout->addWidget(m_notRunBox, 2);

    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &RunsPage::tick);
    m_activityReload.setSingleShot(true);
    m_activityReload.setInterval(200);
    connect(&m_activityReload, &QTimer::timeout, this, &RunsPage::reloadRuns);
    showAgent(NoNode);
}

void RunsPage::setWorkspace(Workspace *workspace)
{
    if (m_workspace) {
        disconnect(m_workspace, nullptr, this, nullptr);
    }
    m_workspace = workspace;
    if (workspace) {
        connect(workspace, &Workspace::agentChanged, this, [this](NodeId agentId) {
            if (agentId == m_agentId) {
                isVisible() ? reload() : void(m_stale = true);
            }
        });
        connect(workspace, &Workspace::nodeRenamed, this, [this] { isVisible() ? reload() : void(m_stale = true); });
        connect(workspace, &Workspace::nodeMoved, this, [this] { isVisible() ? reload() : void(m_stale = true); });
        // run.started and run.finished arrive as activity; a burst costs one read.
        connect(workspace, &Workspace::activityAppended, this, [this](const QList<ActivityEvent> &events) {
            const bool ours = std::any_of(events.cbegin(), events.cend(),
                                          [this](const ActivityEvent &event) { return event.agentId == m_agentId; });
            if (!ours) {
                return;
            }
            if (isVisible()) {
                m_activityReload.start();
            } else {
                m_stale = true;
            }
        });
    }
    showAgent(NoNode);
}

void RunsPage::setAccess(const Permissions &permissions, bool connected)
{
    m_permissions = permissions;
    m_connected = connected;
    updateButtons();
}

void RunsPage::showAgent(NodeId agentId)
{
    if (agentId != m_agentId) {
        m_message->hide();
    }
    m_agentId = agentId;
    if (isVisible() || agentId == NoNode) {
        reload();
    } else {
        m_stale = true;
    }
}

void RunsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        reload();
    }
}

QString RunsPage::readPath() const
{
    if (!m_workspace || m_agentId == NoNode) {
        return {};
    }
    const Result<OrgNode> node = m_workspace->node(m_agentId);
    return node ? node->path : QString();
}

void RunsPage::reload()
{
    m_stale = false;
    m_agent = {};
    m_spec = {};
    m_path = readPath();
    const QString &path = m_path;
    const Result<Agent> agent =
        path.isEmpty() ? Result<Agent>(Error{Error::Code::NotFound, {}}) : m_workspace->agent(m_agentId);
    if (!agent) {
        m_title->clear();
        m_status->clear();
        m_runner->clear();
        m_triggers->setTriggers({}, {});
        m_history->setRuns({});
        m_notRun->setRequests({});
        m_notRunBox->hide();
        m_clock.stop();
        updateButtons();
        return;
    }
    m_agent = agent.value();
    m_title->setText(tr("Runs of %1").arg(path));
    if (m_agent.headVersion > 0) {
        const Result<AgentVersion> head = m_workspace->version(m_agentId, m_agent.headVersion);
        const Result<AgentSpec> spec = head ? AgentSpec::parse(head->spec) : Result<AgentSpec>(head.error());
        if (spec) {
            m_spec = spec.value();
        } else {
            showMessage(tr("The current version's spec could not be read: %1").arg(spec.error().message));
        }
    }

    m_status->setText(QStringLiteral("<b style=\"color:%1\">● %2</b>")
                          .arg(colorOf(m_agent.status), displayName(m_agent.status).toHtmlEscaped()));
    showRunner(m_spec.runner);
    showTriggers(m_spec.triggers);
    reloadRuns();
    updateButtons();
}

void RunsPage::showRunner(const AgentSpec::Runner &runner)
{
    m_runner->setText(runner.kind.isEmpty()
                          ? tr("Not started by Steward: this agent runs elsewhere and reports its activity.")
                          : runnerText(runner));
}

QString RunsPage::runnerText(const AgentSpec::Runner &runner)
{
    QString how;
    if (runner.kind == QLatin1String("command")) {
        how = tr("Runs the command %1").arg(runner.target);
    } else if (runner.kind == QLatin1String("http")) {
        how = tr("Posts each run to the agent harness at %1").arg(runner.target);
    } else if (runner.kind == QLatin1String("openai")) {
        how = tr("Steward's built-in agent, through the OpenAI-compatible endpoint the server is configured with");
    } else {
        how = tr("Runner %1 %2").arg(runner.kind, runner.target);
    }
    const QString overlap = runner.overlap == QLatin1String("queue") ? tr("a trigger during a run waits for it")
                                                                     : tr("a trigger during a run is skipped");
    return tr("%1.\nTimeout %2 s · %3 · at most %4 at once.")
        .arg(how, QLocale().toString(runner.timeoutSeconds), overlap, QLocale().toString(runner.maxConcurrentRuns));
}

void RunsPage::showTriggers(const QList<AgentSpec::Trigger> &triggers)
{
    QString notRunning;
    if (m_agent.status == AgentStatus::Paused) {
        notRunning = tr("Paused: no runs");
    } else if (m_agent.status == AgentStatus::Retired) {
        notRunning = tr("Retired: no runs");
    } else if (m_spec.runner.kind.isEmpty()) {
        notRunning = tr("No runner: Steward does not start this agent");
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TriggerTableModel::Row> rows;
    for (const AgentSpec::Trigger &trigger : triggers) {
        TriggerTableModel::Row row{trigger, {}};
        // The plan of a spec with only this trigger is this trigger's next times.
        AgentSpec one;
        one.triggers = {trigger};
        for (const PlannedFire &fire : nextFires(one, now, NextRunsShown)) {
            row.nextRuns.append(fire.at);
        }
        rows.append(row);
    }
    m_triggersBox->setTitle(triggers.isEmpty() ? tr("Triggers: none (only Run Now starts it)") : tr("Triggers"));
    m_triggers->setTriggers(rows, notRunning);
    // Each row as tall as its lines (three next runs for a schedule), the table as tall as its
    // rows, so that the history below gets the rest.
    const int lineHeight = m_triggersView->fontMetrics().lineSpacing();
    int contents = m_triggersView->horizontalHeader()->sizeHint().height() + 2 * m_triggersView->frameWidth();
    for (int row = 0; row < m_triggers->rowCount(); ++row) {
        const QString next =
            m_triggers->index(row, static_cast<int>(TriggerTableModel::Column::NextRuns)).data().toString();
        const int height = (static_cast<int>(next.count(QLatin1Char('\n'))) + 1) * lineHeight + 6;
        m_triggersView->verticalHeader()->resizeSection(row, height);
        contents += height;
    }
    m_triggersView->setFixedHeight(std::clamp(contents, lineHeight * 3, lineHeight * 14));
}

void RunsPage::reloadRuns()
{
    m_ticksSinceReload = 0;
    if (!m_workspace || m_agent.nodeId == NoNode) {
        return;
    }
    Result<QList<Run>> runs = m_workspace->recentRuns(m_agentId, HistoryLimit);
    if (!runs) {
        showMessage(tr("The runs could not be read: %1").arg(runs.error().message));
        return;
    }
    // Keep the selected run selected across the reset.
    const QModelIndex current = m_historyView->currentIndex();
    const RunId selected = current.isValid() ? current.data(RunHistoryModel::RunIdRole).toLongLong() : 0;
    m_history->setNow(QDateTime::currentDateTimeUtc());
    m_history->setRuns(std::move(runs).value());
    for (int row = 0; selected != 0 && row < m_history->rowCount(); ++row) {
        if (m_history->runAt(row)->id == selected) {
            m_historyView->setCurrentIndex(m_history->index(row, 0));
        }
    }
    const Result<QList<RunRequestEntry>> requests = m_workspace->runRequests(m_agentId, RequestsLimit);
    if (!requests) {
        showMessage(tr("The requests to run it could not be read: %1").arg(requests.error().message));
    }
    m_notRun->setRequests(requests ? requests.value() : QList<RunRequestEntry>());
    m_notRunBox->setVisible(m_notRun->rowCount() > 0);
    if (m_history->hasRunning()) {
        m_clock.start();
    } else {
        m_clock.stop();
    }
}

void RunsPage::tick()
{
    m_history->setNow(QDateTime::currentDateTimeUtc());
    if (++m_ticksSinceReload * m_clock.interval() >= RunningReloadMs && isVisible()) {
        reloadRuns();
    }
}

QString RunsPage::refusal() const
{
    if (!m_workspace || m_agent.nodeId == NoNode) {
        return tr("No agent is selected.");
    }
    if (m_workspace->isReadOnly()) {
        return tr("This workspace is read-only.");
    }
    if (!m_connected) {
        return tr("The link to the server is down.");
    }
    if (!m_permissions.allows(Action::EditSpec, m_path)) {
        return tr("You need the editor or admin role on this agent.");
    }
    return {};
}

void RunsPage::updateButtons()
{
    const QString refused = refusal();
    const bool paused = m_agent.status == AgentStatus::Paused;
    m_statusButton->setText(paused ? tr("&Resume…") : tr("&Pause…"));
    if (!refused.isEmpty()) {
        m_statusButton->setEnabled(false);
        m_statusButton->setToolTip(refused);
    } else if (m_agent.status == AgentStatus::Retired) {
        m_statusButton->setEnabled(false);
        m_statusButton->setToolTip(tr("A retired agent stays retired."));
    } else {
        m_statusButton->setEnabled(true);
        m_statusButton->setToolTip(paused ? tr("Let the triggers start runs again")
                                          : tr("Stop the triggers from starting runs until resumed"));
    }

    QString noRun = refused;
    if (noRun.isEmpty() && m_agent.status != AgentStatus::Active) {
        noRun = tr("A paused or retired agent never runs.");
    }
    if (noRun.isEmpty() && m_spec.runner.kind.isEmpty()) {
        noRun = tr("This agent has no runner: Steward does not start it.");
    }
    m_runNowButton->setEnabled(noRun.isEmpty());
    m_runNowAction->setEnabled(noRun.isEmpty());
    m_runNowButton->setToolTip(noRun.isEmpty() ? tr("Start a run now (Ctrl+R)") : noRun);
}

void RunsPage::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void RunsPage::changeStatus()
{
    if (!m_statusButton->isEnabled()) {
        return;
    }
    const bool resume = m_agent.status == AgentStatus::Paused;
    const QString path = m_path;
    ReasonDialog::Form form;
    form.title = resume ? tr("Resume Agent") : tr("Pause Agent");
    form.description = resume ? tr("Resume %1? Its triggers start runs again.").arg(path)
                              : tr("Pause %1? Its triggers stop starting runs until it is resumed; a run under way "
                                   "finishes.")
                                    .arg(path);
    form.okText = resume ? tr("&Resume") : tr("&Pause");
    const NodeId agentId = m_agentId;
    auto *dialog = new ReasonDialog(
        form,
        [this, agentId, resume](const QString &, const QString &reason) -> Status {
            const Result<Agent> changed =
                m_workspace->setAgentStatus(agentId, resume ? AgentStatus::Active : AgentStatus::Paused, reason);
            if (!changed) {
                return changed.error();
            }
            showMessage(resume ? tr("Resumed.") : tr("Paused: no trigger starts a run until it is resumed."));
            reload();
            return Done{};
        },
        this);
    dialog->setObjectName(resume ? QStringLiteral("resumeDialog") : QStringLiteral("pauseDialog"));
    dialog->open();
}

void RunsPage::runNow()
{
    if (!m_runNowAction->isEnabled()) {
        return;
    }
    const NodeId agentId = m_agentId;
    auto *dialog = new RunNowDialog(
        m_path,
        [this, agentId](const QJsonObject &payload, const QString &reason) -> Status {
            const Result<RunRequestEntry> requested = m_workspace->runNow(agentId, payload, reason);
            if (!requested) {
                return requested.error();
            }
            switch (requested->state) {
            case RunRequestState::Started: showMessage(tr("Run %1 started.").arg(requested->runId)); break;
            case RunRequestState::Pending:
                showMessage(tr("Run requested; it shows in the history when it starts."));
                break;
            case RunRequestState::Skipped:
            case RunRequestState::Refused:
                showMessage(tr("Not run (%1): %2").arg(displayName(requested->state), requested->reason));
                break;
            }
            reloadRuns();
            return Done{};
        },
        this);
    dialog->setObjectName(QStringLiteral("runNowDialog"));
    dialog->open();
}

void RunsPage::openRun(int row)
{
    const Run *run = m_history->runAt(row);
    if (!m_workspace || !run) {
        return;
    }
    // The trace is the Live feed's: the run's first event in the event detail, its Trace tab.
    ActivityHit hit;
    hit.agentPath = m_path;
    const Result<QList<ActivityEvent>> events = m_workspace->runEvents(run->id);
    if (events && !events->isEmpty()) {
        hit.event = events->first();
    } else {
        hit.event.time = run->startedAt;
        hit.event.agentId = run->agentId;
        hit.event.version = run->version;
        hit.event.runId = run->id;
        hit.event.kind = QString::fromLatin1(EventKinds::RunStarted);
        hit.event.status = QStringLiteral("ok");
        hit.event.summary = tr("Run %1 reported no events.").arg(run->id);
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("runTraceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Run %1 of %2").arg(run->id).arg(hit.agentPath));
    auto *detail = new EventDetail(dialog);
    detail->setObjectName(QStringLiteral("runEventDetail"));
    detail->setWorkspace(m_workspace);
    detail->showHit(hit);
    detail->showTab(EventDetail::TraceTab);
    connect(detail, &EventDetail::openVersionRequested, this, [this, dialog](const QString &path, int number) {
        dialog->close();
        Q_EMIT openVersionRequested(path, number);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(detail, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 560);
    dialog->open();
}

} // namespace steward
