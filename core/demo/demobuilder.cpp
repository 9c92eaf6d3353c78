// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobuilder.h"

#include "demo/demotext.h"
#include "domain/agentspec.h"
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/approvalrepository.h"
#include "storage/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <queue>
#include <random>
#include <vector>

Q_LOGGING_CATEGORY(lcDemo, "steward.demo")

namespace steward {
namespace {

using namespace Qt::Literals::StringLiterals;

constexpr int HistoryDays = 90;
constexpr int EventsPerTransaction = 5000;
// A run reports at least run.started, a decision or an error, an output and run.finished.
constexpr int MinEventsPerRun = 4;
constexpr int MaxEventsPerRun = 14;
constexpr int MaxAgents = 5000;
constexpr qint64 MaxEvents = 20'000'000;
constexpr int AgentsPerPerson = 3;
// About 150 proposals wait in the inbox at the default size of 300 agents; scaled with agents.
constexpr double PendingApprovalsPerAgent = 150.0 / 300.0;
constexpr double StoryAgentWeight = 4.0;
constexpr qint64 MsPerSecond = 1000;
constexpr qint64 MsPerMinute = 60 * MsPerSecond;
constexpr qint64 MsPerHour = 60 * MsPerMinute;
constexpr qint64 MsPerDay = 24 * MsPerHour;
// Progress: the tree and the agents' histories take the first tenth, the activity the rest.
constexpr int OrganisationDonePercent = 2;
constexpr int AgentsDonePercent = 10;

// Deterministic on every platform: the standard distributions are not, so the few we need
// are written out over the engine's raw output.
class Random final
{
public:
    explicit Random(quint64 seed) : m_engine(seed) { }

    [[nodiscard]] quint64 next() { return m_engine(); }
    [[nodiscard]] int below(qsizetype bound) { return static_cast<int>(m_engine() % static_cast<quint64>(bound)); }
    [[nodiscard]] int between(int low, int high) { return low + below(high - low + 1); }
    [[nodiscard]] double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    [[nodiscard]] bool chance(double probability) { return unit() < probability; }
    template<typename T> [[nodiscard]] const T &pick(const QList<T> &list) { return list.at(below(list.size())); }

private:
    std::mt19937_64 m_engine;
};

struct Person
{
    QString name;
    QString displayName;
    int team = 0;
};

// A version as planned. Changes to critical agents are proposed first and become the head
// when a second person approves them; `at` is when the version became the head.
struct VersionPlan
{
    QDateTime proposedAt;
    QDateTime at;
    QString approver; // empty unless the agent is critical
    QString approvalReason;
    QString author;
    QString reason;
    AgentSpec spec;
    QString city; // the story agent's summit location; empty for every other agent
};

struct AgentPlan
{
    int kind = 0;
    int team = 0;
    QString name;
    QString owner;
    Visibility visibility = Visibility::Team;
    Criticality criticality = Criticality::Standard;
    QList<VersionPlan> versions;
    double weight = 1.0;
    bool story = false;
    NodeId id = NoNode;
};

struct RunPlan
{
    qint64 startMs = 0;
    int agent = 0;
    int events = 0;
    bool failed = false;
    bool pendingApproval = false;
};

// The values one run's texts share, so that its decision and its output talk about the same
// customer.
struct RunWords
{
    QString company;
    QString person;
    QString first;
    QString product;
    QString id;
    QString n;
    QString m;
    QString amount;
    QString hours;
    QString summit;
};

// An event waiting to be written: runs overlap, so events are merged by time before they get
// their time-ordered ids.
struct QueuedEvent
{
    qint64 timeMs = 0;
    qint64 sequence = 0;
    ActivityEvent event;
    int finishesRun = -1;

    friend bool operator>(const QueuedEvent &a, const QueuedEvent &b)
    {
        return a.timeMs != b.timeMs ? a.timeMs > b.timeMs : a.sequence > b.sequence;
    }
};

QString fill(const QString &text, const RunWords &words)
{
    QString result;
    result.reserve(text.size() + 64);
    qsizetype from = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), from);
        const qsizetype close = open < 0 ? -1 : text.indexOf(QLatin1Char('}'), open);
        if (close < 0) {
            result += QStringView(text).mid(from);
            return result;
        }
        result += QStringView(text).mid(from, open - from);
        const QStringView key = QStringView(text).mid(open + 1, close - open - 1);
        if (key == u"company") {
            result += words.company;
        } else if (key == u"person") {
            result += words.person;
        } else if (key == u"first") {
            result += words.first;
        } else if (key == u"product") {
            result += words.product;
        } else if (key == u"id") {
            result += words.id;
        } else if (key == u"n") {
            result += words.n;
        } else if (key == u"m") {
            result += words.m;
        } else if (key == u"amount") {
            result += words.amount;
        } else if (key == u"hours") {
            result += words.hours;
        } else if (key == u"summit") {
            result += words.summit;
        } else {
            result += QStringView(text).mid(open, close - open + 1);
        }
        from = close + 1;
    }
}

QString slug(const QString &displayName)
{
    return displayName.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
}

QString dollars(qint64 amount)
{
    QString digits = QString::number(amount);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, QLatin1Char(','));
    }
    return u"$"_s + digits;
}

const DemoModel &modelNamed(const QString &name)
{
    const QList<DemoModel> &models = DemoText::models();
    const auto found = std::find_if(models.cbegin(), models.cend(), [&](const DemoModel &m) { return m.name == name; });
    return found == models.cend() ? models.first() : *found;
}

int expiryHours(const AgentSpec &spec)
{
    return QStringView(spec.approvalExpiry).chopped(1).toInt();
}

AgentSpec::Tool toolFrom(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    return {text.left(colon), text.mid(colon + 1)};
}

// "schedule 0 9 * * 1-5 Europe/Berlin" or "event ticket.created".
AgentSpec::Trigger triggerFrom(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '));
    if (words.first() == u"schedule") {
        return {words.first(), words.mid(1, 5).join(QLatin1Char(' ')), words.mid(6).join(QLatin1Char(' '))};
    }
    return {words.first(), words.mid(1).join(QLatin1Char(' ')), {}};
}

// The hours a schedule names ("9", "7,13"); empty when it runs every few minutes or hours.
QList<int> scheduledHours(const AgentSpec &spec)
{
    QList<int> hours;
    for (const AgentSpec::Trigger &trigger : spec.triggers) {
        if (trigger.kind != u"schedule") {
            continue;
        }
        const QStringList fields = trigger.value.split(QLatin1Char(' '));
        const QStringList parts = fields.value(1).split(QLatin1Char(','));
        for (const QString &part : parts) {
            bool ok = false;
            const int hour = part.toInt(&ok);
            if (ok) {
                hours.append(hour);
            }
        }
    }
    return hours;
}

// Applies one edit; false when it would not change the spec (the service refuses those).
bool applyEdit(AgentSpec &spec, const DemoSpecEdit &edit, Random &random)
{
    using Kind = DemoSpecEdit::Kind;
    QList<DemoModel> candidates;
    switch (edit.kind) {
    case Kind::AddInstruction:
        if (spec.instructions.contains(edit.value)) {
            return false;
        }
        spec.instructions += QLatin1Char('\n') + edit.value;
        return true;
    case Kind::CheaperModel:
    case Kind::StrongerModel: {
        const bool wantCheap = edit.kind == Kind::CheaperModel;
        if (modelNamed(spec.model).cheap == wantCheap) {
            return false;
        }
        for (const DemoModel &model : DemoText::models()) {
            if (model.cheap == wantCheap) {
                candidates.append(model);
            }
        }
        spec.model = random.pick(candidates).name;
        return true;
    }
    case Kind::LowerTemperature:
        if (spec.temperature <= 0.15) {
            return false;
        }
        spec.temperature = std::round(spec.temperature * 10.0 - 1.0) / 10.0;
        return true;
    case Kind::MoreTokens:
        if (spec.maxTokens >= 4096) {
            return false;
        }
        spec.maxTokens *= 2;
        return true;
    case Kind::AddTool: {
        const AgentSpec::Tool tool = toolFrom(edit.value);
        if (spec.tools.contains(tool)) {
            return false;
        }
        spec.tools.append(tool);
        return true;
    }
    case Kind::EarlierSchedule:
        for (AgentSpec::Trigger &trigger : spec.triggers) {
            QStringList fields = trigger.value.split(QLatin1Char(' '));
            bool ok = false;
            const int hour = fields.value(1).toInt(&ok);
            if (trigger.kind == u"schedule" && ok && hour > 0) {
                fields[1] = QString::number(hour - 1);
                trigger.value = fields.join(QLatin1Char(' '));
                return true;
            }
        }
        return false;
    case Kind::LongerApprovalExpiry:
        if (spec.approvalsRequired == 0 || expiryHours(spec) >= 96) {
            return false;
        }
        spec.approvalExpiry = QString::number(expiryHours(spec) + 24) + QLatin1Char('h');
        return true;
    case Kind::AddOutput:
        if (spec.outputs.contains(edit.value)) {
            return false;
        }
        spec.outputs.append(edit.value);
        return true;
    }
    return false;
}

class Builder final
{
public:
    Builder(const Store &store, const DemoBuilder::Options &options, const QDateTime &end)
        : m_store(store)
        , m_options(options)
        , m_random(options.seed)
        , m_start(end.addDays(-HistoryDays))
        , m_end(end)
        , m_clock(m_start)
        , m_org(store, m_clock)
        , m_agents(store, m_clock, m_org)
        , m_activity(store)
        , m_approvals(store)
        , m_access(store, m_clock, m_org)
    {
    }
    Q_DISABLE_COPY_MOVE(Builder)
    ~Builder() = default;

    [[nodiscard]] Result<DemoBuilder::Summary> run();

private:
    [[nodiscard]] Status reportProgress(int percent);
    void planPeople();
    [[nodiscard]] Status createOrganisation();
    [[nodiscard]] Status createPeople();
    void planAgents();
    [[nodiscard]] AgentSpec initialSpec(const DemoAgentKind &kind, Criticality criticality);
    void planStoryVersions(AgentPlan &agent);
    void planVersions(AgentPlan &agent, const QDateTime &createdAt);
    [[nodiscard]] Status createAgents();
    void planRuns();
    [[nodiscard]] qint64 runStart(const AgentPlan &agent);
    void choosePendingApprovals();
    [[nodiscard]] Status writeActivity();
    [[nodiscard]] Status startRun(int index);
    [[nodiscard]] Status writeEvent(QueuedEvent &queued);
    [[nodiscard]] Status flushBatch();
    [[nodiscard]] RunWords wordsFor(const AgentPlan &agent, const VersionPlan &version);
    [[nodiscard]] QDateTime businessTime(int day, int fromHour, int toHour);
    void planApproval(const AgentPlan &agent, VersionPlan &version);
    [[nodiscard]] const VersionPlan &versionAt(const AgentPlan &agent, qint64 timeMs) const;
    [[nodiscard]] QString spanId() { return QString::number(m_random.next() >> 1, 16).rightJustified(16, u'0'); }

    const Store &m_store;
    const DemoBuilder::Options &m_options;
    Random m_random;
    QDateTime m_start;
    QDateTime m_end;
    ManualClock m_clock;
    OrgService m_org;
    AgentService m_agents;
    ActivityRepository m_activity;
    ApprovalRepository m_approvals;
    AccessService m_access;

    QString m_admin;
    NodeId m_companyId = NoNode;
    QString m_companyPath;
    QHash<QString, NodeId> m_departmentIds;
    QList<NodeId> m_teamIds;
    QList<Person> m_people;
    QList<QList<int>> m_teamPeople; // indexes into m_people, per team
    QHash<QString, QStringList> m_reviewers; // department -> its reviewers' names
    QList<int> m_teamAgentCounts;
    QList<AgentPlan> m_agentPlans;
    std::vector<RunPlan> m_runs;
    std::vector<Run> m_runRecords;
    QHash<int, Approval> m_approvalsByRun; // looked up by run, never iterated
    std::priority_queue<QueuedEvent, std::vector<QueuedEvent>, std::greater<>> m_queue;
    qint64 m_sequence = 0;
    QList<ActivityEvent> m_batch;
    std::optional<Transaction> m_transaction;
    qint64 m_eventsWritten = 0;
    int m_lastPercent = -1;
    DemoBuilder::Summary m_summary;
};

Status Builder::reportProgress(int percent)
{
    if (percent == m_lastPercent) {
        return Done{};
    }
    m_lastPercent = percent;
    if (m_options.progress && !m_options.progress(percent)) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::DemoBuilder", "Building the demo workspace was cancelled.")};
    }
    return Done{};
}

QDateTime Builder::businessTime(int day, int fromHour, int toHour)
{
    const qint64 offset = day * MsPerDay + fromHour * MsPerHour + m_random.below((toHour - fromHour) * MsPerHour);
    return m_start.addMSecs(offset / MsPerSecond * MsPerSecond);
}

Result<DemoBuilder::Summary> Builder::run()
{
    if (const Status started = reportProgress(0); !started) {
        return started.error();
    }
    planAgents();
    planPeople();
    if (const Status created = createOrganisation(); !created) {
        return created.error();
    }
    if (const Status created = createPeople(); !created) {
        return created.error();
    }
    if (const Status done = reportProgress(OrganisationDonePercent); !done) {
        return done.error();
    }
    if (const Status created = createAgents(); !created) {
        return created.error();
    }
    planRuns();
    choosePendingApprovals();
    if (const Status written = writeActivity(); !written) {
        return written.error();
    }
    if (const Status done = reportProgress(100); !done) {
        return done.error();
    }
    m_summary.departments = static_cast<int>(DemoText::departments().size());
    m_summary.teams = static_cast<int>(DemoText::teams().size());
    m_summary.people = static_cast<int>(m_people.size());
    m_summary.agents = static_cast<int>(m_agentPlans.size());
    m_summary.runs = static_cast<qint64>(m_runs.size());
    m_summary.events = m_eventsWritten;
    return m_summary;
}

// Agents are spread over the teams in turn; the story's mailer comes first, in sales/outbound.
void Builder::planAgents()
{
    const QList<DemoTeam> &teams = DemoText::teams();
    const QList<DemoAgentKind> &kinds = DemoText::agentKinds();
    m_teamAgentCounts = QList<int>(teams.size(), 0);
    QHash<QString, int> namesUsed; // "team/kind" -> agents of that kind in that team
    const int storyTeam = static_cast<int>(
        std::distance(teams.cbegin(), std::find_if(teams.cbegin(), teams.cend(), [](const DemoTeam &t) {
                          return t.department == u"sales" && t.name == DemoText::storyTeam();
                      })));
    const int rotation = m_random.below(teams.size());
    for (int i = 0; i < m_options.agents; ++i) {
        AgentPlan agent;
        if (i == 0) {
            agent.story = true;
            agent.team = storyTeam;
            agent.kind = 0;
            agent.name = DemoText::storyAgentName();
            agent.criticality = Criticality::Critical;
            agent.visibility = Visibility::Public;
            agent.weight = StoryAgentWeight;
        } else {
            agent.team = (rotation + i) % static_cast<int>(teams.size());
            QList<int> teamKinds;
            for (int k = 1; k < kinds.size(); ++k) {
                if (kinds.at(k).department == teams.at(agent.team).department
                    && kinds.at(k).team == teams.at(agent.team).name) {
                    teamKinds.append(k);
                }
            }
            agent.kind = teamKinds.at(m_teamAgentCounts.at(agent.team) % teamKinds.size());
            const QString &base = kinds.at(agent.kind).name;
            const int used = namesUsed.value(teams.at(agent.team).name + u'/' + base);
            const QStringList &suffixes = DemoText::nameSuffixes();
            agent.name = used == 0 ? base : base + u'-' + suffixes.at((used - 1) % suffixes.size());
            if (used > suffixes.size()) {
                agent.name += u'-' + QString::number((used - 1) / suffixes.size() + 1);
            }
            const double criticality = m_random.unit();
            agent.criticality = criticality < 0.15 ? Criticality::Critical
                : criticality < 0.85               ? Criticality::Standard
                                                   : Criticality::Experimental;
            const double visibility = m_random.unit();
            agent.visibility = visibility < 0.4 ? Visibility::Public
                : visibility < 0.85             ? Visibility::Team
                                                : Visibility::Private;
            agent.weight = agent.criticality == Criticality::Critical ? 2.0
                : agent.criticality == Criticality::Standard          ? 1.0
                                                                      : 0.4;
        }
        namesUsed[teams.at(agent.team).name + u'/' + kinds.at(agent.kind).name] += 1;
        m_teamAgentCounts[agent.team] += 1;
        m_agentPlans.append(agent);
    }
}

// About three agents a person: each team gets people for its agents; the story's two people
// are always there.
void Builder::planPeople()
{
    const QList<DemoTeam> &teams = DemoText::teams();
    QSet<QString> taken;
    const auto addPerson = [&](const QString &name, const QString &displayName, int team) {
        taken.insert(name);
        m_teamPeople[team].append(static_cast<int>(m_people.size()));
        m_people.append({name, displayName, team});
    };
    m_teamPeople = QList<QList<int>>(teams.size());
    const int storyTeam = m_agentPlans.first().team;
    addPerson(DemoText::storyOwner(), DemoText::storyOwnerDisplayName(), storyTeam);
    const int editorTeam = static_cast<int>(
        std::distance(teams.cbegin(), std::find_if(teams.cbegin(), teams.cend(), [](const DemoTeam &t) {
                          return t.name == DemoText::storyEditorTeam();
                      })));
    addPerson(DemoText::storyEditor(), DemoText::storyEditorDisplayName(), editorTeam);
    for (int team = 0; team < teams.size(); ++team) {
        const int agents = m_teamAgentCounts.at(team);
        const int wanted = agents == 0 ? 0 : std::max(1, (agents + AgentsPerPerson / 2) / AgentsPerPerson);
        while (m_teamPeople.at(team).size() < wanted) {
            const QString first = m_random.pick(DemoText::firstNames());
            const QString last = m_random.pick(DemoText::lastNames());
            const QString name = first.toLower() + u'.' + last.toLower();
            if (!taken.contains(name)) {
                addPerson(name, first + u' ' + last, team);
            }
        }
    }
    // Owners take their team's agents in turn; the mailer stays with its story owner.
    QList<int> turn(teams.size(), 0);
    for (AgentPlan &agent : m_agentPlans) {
        if (agent.story) {
            agent.owner = DemoText::storyOwner();
            continue;
        }
        const QList<int> &members = m_teamPeople.at(agent.team);
        agent.owner = m_people.at(members.at(turn[agent.team]++ % members.size())).name;
    }
    // Each department's first two people review its agents' outputs and critical changes.
    for (const Person &person : std::as_const(m_people)) {
        QStringList &reviewers = m_reviewers[teams.at(person.team).department];
        if (reviewers.size() < 2) {
            reviewers.append(person.name);
        }
    }
    // The admin works in operations/it when anyone does.
    const auto it = std::find_if(m_people.cbegin(), m_people.cend(), [&](const Person &p) {
        return teams.at(p.team).department == u"operations" && teams.at(p.team).name == u"it";
    });
    m_admin = (it != m_people.cend() ? *it : m_people.last()).name;
}

Status Builder::createOrganisation()
{
    m_clock.set(m_start.addMSecs(8 * MsPerHour));
    const Result<OrgNode> company =
        m_org.createCompany(u"acme"_s, m_admin, u"Set up the org chart for the agent rollout"_s);
    if (!company) {
        return company.error();
    }
    m_companyId = company->id;
    m_companyPath = company->path;
    for (const QString &department : DemoText::departments()) {
        m_clock.advance(MsPerMinute);
        const Result<OrgNode> created = m_org.createGroup(m_companyId, NodeKind::Department, department, m_admin,
                                                          u"Department from the org chart"_s);
        if (!created) {
            return created.error();
        }
        m_departmentIds.insert(department, created->id);
    }
    for (const DemoTeam &team : DemoText::teams()) {
        m_clock.advance(MsPerMinute);
        const Result<OrgNode> created = m_org.createGroup(m_departmentIds.value(team.department), NodeKind::Team,
                                                          team.name, m_admin, u"Team from the org chart"_s);
        if (!created) {
            return created.error();
        }
        m_teamIds.append(created->id);
    }
    return Done{};
}

// People and their roles: editors on their team, two reviewers per department, one admin and
// one auditor on the company. Each is an audited act, as it would be in a real rollout.
Status Builder::createPeople()
{
    const QList<DemoTeam> &teams = DemoText::teams();
    const auto pathOf = [this](NodeId id) {
        const Result<OrgNode> node = m_org.tree().node(id);
        return node ? node->path : QString();
    };
    const QString companyPath = pathOf(m_companyId);
    QString auditor;
    for (const Person &person : std::as_const(m_people)) {
        m_clock.advance(MsPerMinute);
        const Result<Principal> added = m_access.addPrincipal(person.name, person.displayName, PrincipalKind::User,
                                                              m_admin, u"Onboarded for the agent rollout"_s);
        if (!added) {
            return added.error();
        }
        QList<std::pair<Role, QString>> grants{{Role::Editor, pathOf(m_teamIds.at(person.team))}};
        const QString &department = teams.at(person.team).department;
        if (m_reviewers.value(department).contains(person.name)) {
            grants.append({Role::Reviewer, pathOf(m_departmentIds.value(department))});
        }
        if (person.name == m_admin) {
            grants.append({Role::Admin, companyPath});
        }
        if (auditor.isEmpty() && department == u"legal") {
            auditor = person.name;
            grants.append({Role::Auditor, companyPath});
        }
        for (const auto &[role, path] : std::as_const(grants)) {
            const Result<Grant> granted =
                m_access.grant(person.name, role, path, m_admin, u"Role from the org chart"_s);
            if (!granted) {
                return granted.error();
            }
        }
    }
    return Done{};
}

AgentSpec Builder::initialSpec(const DemoAgentKind &kind, Criticality criticality)
{
    static const QList<double> temperatures{0.2, 0.3, 0.4, 0.5};
    static const QList<int> tokenLimits{800, 1024, 1500, 2048};
    static const QStringList strongModels{u"gpt-4o"_s, u"claude-3-5-sonnet"_s};
    AgentSpec spec;
    spec.description = kind.description;
    spec.model =
        criticality == Criticality::Critical ? m_random.pick(strongModels) : m_random.pick(DemoText::models()).name;
    spec.temperature = m_random.pick(temperatures);
    spec.maxTokens = m_random.pick(tokenLimits);
    QStringList lines = kind.instructions;
    lines += DemoText::departmentPolicy(kind.department);
    lines.append(m_random.pick(DemoText::commonInstructions()));
    spec.instructions = lines.join(QLatin1Char('\n'));
    for (const QString &tool : kind.tools) {
        spec.tools.append(toolFrom(tool));
    }
    spec.triggers.append(triggerFrom(kind.trigger));
    spec.approvalsRequired = kind.needsApproval ? (criticality == Criticality::Critical ? 2 : 1) : 0;
    spec.reviewers = m_companyPath + u'/' + kind.department;
    spec.approvalExpiry = m_random.chance(0.5) ? u"48h"_s : u"72h"_s;
    spec.outputs = kind.outputs;
    spec.criticality = criticality;
    return spec;
}

// The mailer's history is fixed: it tells the story (design.md).
void Builder::planStoryVersions(AgentPlan &agent)
{
    const DemoAgentKind &kind = DemoText::agentKinds().at(agent.kind);
    AgentSpec spec;
    spec.description = kind.description;
    spec.model = u"gpt-4o"_s;
    spec.temperature = 0.3;
    spec.maxTokens = 800;
    for (const QString &tool : kind.tools) {
        spec.tools.append(toolFrom(tool));
    }
    spec.triggers = {triggerFrom(kind.trigger), triggerFrom(u"event lead.created"_s)};
    spec.approvalsRequired = 1;
    spec.reviewers = m_companyPath + u"/sales"_s;
    spec.approvalExpiry = u"72h"_s;
    spec.outputs = kind.outputs;
    spec.criticality = Criticality::Critical;
    QStringList extraInstructions;
    for (const DemoStoryVersion &story : DemoText::storyVersions()) {
        if (story.edit) {
            if (story.edit->kind == DemoSpecEdit::Kind::AddInstruction) {
                extraInstructions.append(story.edit->value);
            } else {
                applyEdit(spec, *story.edit, m_random);
            }
        }
        RunWords words;
        words.summit = DemoText::summit(story.city);
        QStringList lines;
        for (const QString &line : kind.instructions) {
            lines.append(fill(line, words));
        }
        spec.instructions = (lines + extraInstructions).join(QLatin1Char('\n'));
        VersionPlan version;
        version.proposedAt = m_start.addMSecs(story.day * MsPerDay + 10 * MsPerHour + m_random.below(6 * MsPerHour));
        version.at = version.proposedAt;
        version.author = story.author;
        version.reason = story.reason;
        version.spec = spec;
        version.city = story.city;
        if (!agent.versions.isEmpty()) {
            planApproval(agent, version);
        }
        agent.versions.append(version);
    }
}

// One to eight versions: most agents change a few times, a few change often.
void Builder::planVersions(AgentPlan &agent, const QDateTime &createdAt)
{
    static const QList<int> countWeights{22, 22, 18, 13, 10, 7, 5, 3};
    int roll = m_random.below(100);
    int count = 1;
    while (roll >= countWeights.at(count - 1)) {
        roll -= countWeights.at(count - 1);
        ++count;
    }
    const DemoAgentKind &kind = DemoText::agentKinds().at(agent.kind);
    VersionPlan first;
    first.proposedAt = createdAt;
    first.at = createdAt;
    first.author = agent.owner;
    first.reason = u"First version: "_s + kind.description.toLower();
    first.spec = initialSpec(kind, agent.criticality);
    agent.versions.append(first);

    const qint64 earliest = createdAt.toMSecsSinceEpoch() + MsPerDay;
    const qint64 latest = m_end.toMSecsSinceEpoch() - 12 * MsPerHour;
    if (latest <= earliest) {
        return;
    }
    QList<qint64> times;
    for (int i = 1; i < count; ++i) {
        times.append(earliest + static_cast<qint64>(m_random.unit() * static_cast<double>(latest - earliest)));
    }
    std::sort(times.begin(), times.end());
    const QList<int> &teamPeople = m_teamPeople.at(agent.team);
    for (const qint64 time : std::as_const(times)) {
        // Changes a few hours apart at least, so that each is approved before the next.
        if (time < agent.versions.last().at.toMSecsSinceEpoch() + 6 * MsPerHour) {
            continue;
        }
        VersionPlan version;
        version.proposedAt = QDateTime::fromMSecsSinceEpoch(time / MsPerSecond * MsPerSecond, Qt::UTC);
        version.at = version.proposedAt;
        version.spec = agent.versions.last().spec;
        // Edits that would change nothing are skipped; the service refuses unchanged specs.
        const DemoSpecEdit *edit = nullptr;
        for (int attempt = 0; attempt < 8 && !edit; ++attempt) {
            const DemoSpecEdit &candidate = m_random.pick(DemoText::specEdits());
            if (applyEdit(version.spec, candidate, m_random)) {
                edit = &candidate;
            }
        }
        if (!edit) {
            continue;
        }
        version.reason = edit->reason;
        version.author = m_random.chance(0.75) ? agent.owner : m_people.at(m_random.pick(teamPeople)).name;
        planApproval(agent, version);
        agent.versions.append(version);
    }
}

// A critical agent's change waits for a second person: the owner when someone else made it,
// otherwise one of the department's reviewers (or, in a tiny company, anyone else).
void Builder::planApproval(const AgentPlan &agent, VersionPlan &version)
{
    if (agent.criticality != Criticality::Critical) {
        return;
    }
    QStringList candidates{agent.owner};
    candidates += m_reviewers.value(DemoText::teams().at(agent.team).department);
    for (const Person &person : std::as_const(m_people)) {
        candidates.append(person.name);
    }
    candidates.removeAll(version.author);
    version.approver = candidates.first();
    version.approvalReason = m_random.pick(DemoText::approvalReasons());
    version.at = version.proposedAt.addMSecs(10 * MsPerMinute + m_random.below(4 * MsPerHour));
}

// Every agent's creation and later versions (with their approvals), applied through
// AgentService in time order so that the audit log reads as it happened.
Status Builder::createAgents()
{
    struct Act
    {
        qint64 timeMs;
        int agent;
        int version;
        bool approval;
    };
    std::vector<Act> acts;
    for (int i = 0; i < m_agentPlans.size(); ++i) {
        AgentPlan &agent = m_agentPlans[i];
        if (agent.story) {
            planStoryVersions(agent);
        } else {
            const int day = static_cast<int>(55.0 * std::pow(m_random.unit(), 2.0));
            planVersions(agent, businessTime(day, 8, 18));
        }
        for (int v = 0; v < agent.versions.size(); ++v) {
            const VersionPlan &version = agent.versions.at(v);
            acts.push_back({version.proposedAt.toMSecsSinceEpoch(), i, v, false});
            if (!version.approver.isEmpty()) {
                acts.push_back({version.at.toMSecsSinceEpoch(), i, v, true});
            }
        }
    }
    std::sort(acts.begin(), acts.end(), [](const Act &a, const Act &b) {
        if (a.timeMs != b.timeMs) {
            return a.timeMs < b.timeMs;
        }
        return a.agent != b.agent ? a.agent < b.agent : (a.version != b.version ? a.version < b.version : b.approval);
    });
    QHash<int, ProposalId> proposals; // agent -> its pending proposal, looked up only
    const QList<DemoTeam> &teams = DemoText::teams();
    for (std::size_t done = 0; done < acts.size(); ++done) {
        const Act &act = acts.at(done);
        AgentPlan &agent = m_agentPlans[act.agent];
        const VersionPlan &version = agent.versions.at(act.version);
        m_clock.set(act.approval ? version.at : version.proposedAt);
        const QString spec = version.spec.toCanonicalText();
        if (act.approval) {
            const Result<AgentVersion> approved =
                m_agents.approveProposal(proposals.value(act.agent), version.approver, version.approvalReason);
            if (!approved) {
                return approved.error();
            }
            ++m_summary.versions;
        } else if (act.version == 0) {
            const Result<OrgNode> created = m_agents.createAgent(
                {m_teamIds.at(agent.team), agent.name, agent.owner, agent.visibility, agent.criticality, spec},
                version.author, version.reason);
            if (!created) {
                qCWarning(lcDemo) << "could not create" << teams.at(agent.team).name << agent.name
                                  << created.error().message;
                return created.error();
            }
            agent.id = created->id;
            ++m_summary.versions;
        } else {
            const Result<AgentService::VersionChange> changed =
                m_agents.change(agent.id, act.version, spec, version.author, version.reason);
            if (!changed) {
                return changed.error();
            }
            if (changed->proposed) {
                proposals.insert(act.agent, changed->proposed->id);
            } else {
                ++m_summary.versions;
            }
        }
        const int percent = OrganisationDonePercent
            + static_cast<int>((AgentsDonePercent - OrganisationDonePercent) * (done + 1) / acts.size());
        if (const Status reported = reportProgress(percent); !reported) {
            return reported;
        }
    }
    return Done{};
}

const VersionPlan &Builder::versionAt(const AgentPlan &agent, qint64 timeMs) const
{
    const auto after =
        std::upper_bound(agent.versions.cbegin(), agent.versions.cend(), timeMs,
                         [](qint64 time, const VersionPlan &v) { return time < v.at.toMSecsSinceEpoch(); });
    return after == agent.versions.cbegin() ? agent.versions.first() : *(after - 1);
}

// A believable start: mostly on weekdays; scheduled agents at their hour, the others during
// the working day.
qint64 Builder::runStart(const AgentPlan &agent)
{
    const qint64 from = agent.versions.first().at.toMSecsSinceEpoch() + 10 * MsPerMinute;
    const qint64 to = m_end.toMSecsSinceEpoch() - 15 * MsPerMinute;
    qint64 instant = from;
    for (int attempt = 0; attempt < 4; ++attempt) {
        instant = from + static_cast<qint64>(m_random.unit() * static_cast<double>(to - from));
        const int weekday = QDateTime::fromMSecsSinceEpoch(instant, Qt::UTC).date().dayOfWeek();
        if (weekday < 6 || m_random.chance(0.3)) {
            break;
        }
    }
    const qint64 midnight = instant / MsPerDay * MsPerDay;
    const QList<int> hours = scheduledHours(versionAt(agent, instant).spec);
    const qint64 shaped = hours.isEmpty()
        ? midnight + (7 + m_random.below(6) + m_random.below(6)) * MsPerHour + m_random.below(MsPerHour)
        : midnight + m_random.pick(hours) * MsPerHour + m_random.below(4 * MsPerMinute);
    return shaped >= from && shaped <= to ? shaped : instant;
}

// Exactly options.events events: runs of 4 to 14 events until the total is reached.
void Builder::planRuns()
{
    std::vector<double> cumulative;
    double total = 0.0;
    const double history = static_cast<double>(m_end.toMSecsSinceEpoch() - m_start.toMSecsSinceEpoch());
    for (const AgentPlan &agent : std::as_const(m_agentPlans)) {
        const double lifetime =
            static_cast<double>(m_end.toMSecsSinceEpoch() - agent.versions.first().at.toMSecsSinceEpoch());
        total += agent.weight * lifetime / history;
        cumulative.push_back(total);
    }
    qint64 remaining = m_options.events;
    while (remaining > 0) {
        RunPlan run;
        run.events = remaining <= MaxEventsPerRun ? static_cast<int>(remaining)
                                                  : m_random.between(MinEventsPerRun, MaxEventsPerRun);
        if (remaining - run.events > 0 && remaining - run.events < MinEventsPerRun) {
            run.events = static_cast<int>(remaining) - MinEventsPerRun;
        }
        remaining -= run.events;
        const double target = m_random.unit() * total;
        run.agent = static_cast<int>(
            std::distance(cumulative.cbegin(), std::upper_bound(cumulative.cbegin(), cumulative.cend(), target)));
        run.agent = std::min(run.agent, static_cast<int>(m_agentPlans.size()) - 1);
        const AgentPlan &agent = m_agentPlans.at(run.agent);
        run.failed = m_random.chance(agent.criticality == Criticality::Experimental ? 0.08 : 0.035);
        run.startMs = runStart(agent);
        m_runs.push_back(run);
    }
    std::sort(m_runs.begin(), m_runs.end(), [](const RunPlan &a, const RunPlan &b) {
        return a.startMs != b.startMs ? a.startMs < b.startMs : a.agent < b.agent;
    });
    // The newest run is the mailer's, so that its latest proposal waits in the inbox.
    if (!m_runs.empty()) {
        m_runs.back().agent = 0;
        m_runs.back().failed = false;
    }
}

// Pending proposals come from recent runs whose proposals have not expired yet; the mailer's
// come first.
void Builder::choosePendingApprovals()
{
    const int target = std::max(1, static_cast<int>(std::lround(PendingApprovalsPerAgent * m_options.agents)));
    std::vector<int> mailer;
    std::vector<int> others;
    for (int i = static_cast<int>(m_runs.size()) - 1; i >= 0; --i) {
        const RunPlan &run = m_runs.at(i);
        const AgentPlan &agent = m_agentPlans.at(run.agent);
        const AgentSpec &spec = versionAt(agent, run.startMs).spec;
        if (run.failed || spec.approvalsRequired == 0
            || run.startMs + expiryHours(spec) * MsPerHour < m_end.toMSecsSinceEpoch() + MsPerHour) {
            continue;
        }
        (agent.story ? mailer : others).push_back(i);
    }
    for (std::size_t i = others.size(); i > 1; --i) {
        std::swap(others[i - 1], others[m_random.below(static_cast<qsizetype>(i))]);
    }
    int chosen = 0;
    for (const std::vector<int> *list : {&mailer, &others}) {
        for (const int run : *list) {
            if (chosen < target) {
                m_runs[run].pendingApproval = true;
                ++chosen;
            }
        }
    }
}

RunWords Builder::wordsFor(const AgentPlan &agent, const VersionPlan &version)
{
    RunWords words;
    words.company = m_random.pick(DemoText::customerCompanies());
    words.first = m_random.pick(DemoText::firstNames());
    words.person = words.first + u' ' + m_random.pick(DemoText::lastNames());
    words.product = m_random.pick(DemoText::products());
    words.id = QString::number(m_random.between(10000, 99999));
    words.n = QString::number(m_random.between(2, 40));
    words.m = QString::number(m_random.between(3, 60));
    words.amount = dollars(static_cast<qint64>(m_random.between(12, 2500)) * 100);
    words.hours = QString::number(m_random.between(2, 24));
    if (agent.story) {
        words.summit = DemoText::summit(version.city);
    }
    return words;
}

Status Builder::writeActivity()
{
    m_runRecords.resize(m_runs.size());
    m_batch.reserve(EventsPerTransaction + MaxEventsPerRun);
    m_transaction.emplace(m_store);
    if (!m_transaction->isActive()) {
        return m_transaction->beginError();
    }
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
        while (!m_queue.empty() && m_queue.top().timeMs < m_runs.at(i).startMs) {
            QueuedEvent next = m_queue.top();
            m_queue.pop();
            if (const Status written = writeEvent(next); !written) {
                return written;
            }
        }
        if (const Status started = startRun(i); !started) {
            return started;
        }
    }
    while (!m_queue.empty()) {
        QueuedEvent next = m_queue.top();
        m_queue.pop();
        if (const Status written = writeEvent(next); !written) {
            return written;
        }
    }
    if (const Status flushed = flushBatch(); !flushed) {
        return flushed;
    }
    const Status committed = m_transaction->commit();
    m_transaction.reset();
    return committed;
}

// Records the run as started and queues its events: run.started, steps and tool calls, then a
// decision and an output, or an error, and run.finished.
Status Builder::startRun(int index)
{
    const RunPlan &plan = m_runs.at(index);
    const AgentPlan &agent = m_agentPlans.at(plan.agent);
    const VersionPlan &version = versionAt(agent, plan.startMs);
    const AgentSpec &spec = version.spec;
    const DemoAgentKind &kind = DemoText::agentKinds().at(agent.kind);
    const DemoModel &model = modelNamed(spec.model);

    Run &run = m_runRecords[index];
    run.agentId = agent.id;
    // Versions are planned in order, so a version's place in the list is its number.
    run.version = static_cast<int>(&version - agent.versions.constData()) + 1;
    const AgentSpec::Trigger &trigger = spec.triggers.first();
    if (m_random.chance(0.03)) {
        run.trigger = RunTrigger::Manual;
        run.triggerDetail = agent.owner;
    } else {
        run.trigger = trigger.kind == u"schedule" ? RunTrigger::Schedule : RunTrigger::Event;
        run.triggerDetail = trigger.value;
    }
    run.startedAt = QDateTime::fromMSecsSinceEpoch(plan.startMs, Qt::UTC);
    run.status = RunStatus::Running;
    const Result<RunId> id = m_activity.insertRun(run);
    if (!id) {
        return id.error();
    }
    run.id = id.value();

    const RunWords words = wordsFor(agent, version);
    const QString rootSpan = spanId();
    qint64 time = plan.startMs;
    const auto queue = [&](const QString &kind, const QString &summary, const QString &detail, qint64 latencyMs,
                           qint64 tokensIn, qint64 tokensOut, QJsonObject body) {
        QueuedEvent queued;
        queued.timeMs = time;
        queued.sequence = m_sequence++;
        ActivityEvent &event = queued.event;
        event.time = QDateTime::fromMSecsSinceEpoch(time, Qt::UTC);
        event.agentId = agent.id;
        event.version = run.version;
        event.runId = run.id;
        event.spanId = kind == QLatin1String(EventKinds::RunStarted) ? rootSpan : spanId();
        event.parentSpanId = kind == QLatin1String(EventKinds::RunStarted) ? QString() : rootSpan;
        event.kind = kind;
        event.status = kind == QLatin1String(EventKinds::Error) ? u"error"_s : u"ok"_s;
        event.summary = summary;
        event.detail = detail;
        event.body = std::move(body);
        event.tokensIn = tokensIn;
        event.tokensOut = tokensOut;
        event.cost =
            (static_cast<double>(tokensIn) * model.inputPrice + static_cast<double>(tokensOut) * model.outputPrice)
            / 1e6;
        event.latencyMs = latencyMs;
        run.tokensIn += tokensIn;
        run.tokensOut += tokensOut;
        run.cost += event.cost;
        time += latencyMs + m_random.between(5, 40);
        m_queue.push(std::move(queued));
    };

    const QString started = run.trigger == RunTrigger::Manual ? u"Started manually by "_s + agent.owner
        : run.trigger == RunTrigger::Schedule                 ? u"Started by schedule "_s + run.triggerDetail
                                                              : u"Started by event "_s + run.triggerDetail;
    queue(QLatin1String(EventKinds::RunStarted), started, {}, m_random.between(20, 120), 0, 0,
          {{u"trigger"_s, toText(run.trigger)}, {u"model"_s, spec.model}});

    const int middle = plan.events - (plan.failed ? 3 : 4);
    for (int j = 0; j < middle; ++j) {
        if (j % 3 == 1) {
            const AgentSpec::Tool &tool = m_random.pick(spec.tools);
            const int latency = m_random.between(80, 2500);
            queue(QLatin1String(EventKinds::ToolCall), u"Called "_s + tool.name, {}, latency, 0, 0,
                  {{u"tool"_s, tool.name}, {u"permission"_s, tool.permission}, {u"status"_s, 200}});
        } else {
            const qint64 tokensIn = m_random.between(300, 1500);
            const qint64 tokensOut = m_random.between(40, 300);
            queue(QLatin1String(EventKinds::Step), fill(kind.steps.at((j / 3) % kind.steps.size()), words), {},
                  tokensOut * model.msPerOutputToken + m_random.between(100, 600), tokensIn, tokensOut, {});
        }
    }

    if (plan.failed) {
        const DemoFailure &failure = m_random.pick(DemoText::failures());
        queue(QLatin1String(EventKinds::Error), failure.summary, failure.detail, m_random.between(500, 30000), 0, 0,
              {});
    } else {
        const qint64 decisionIn = m_random.between(1500, 6000);
        const qint64 decisionOut = m_random.between(150, 500);
        QString reason = fill(kind.decisionReason, words);
        if (plan.pendingApproval) {
            reason += u" Sent to the reviewers of "_s + spec.reviewers + u" for approval; it expires in "_s
                + spec.approvalExpiry + u'.';
        }
        queue(QLatin1String(EventKinds::Decision), fill(kind.decision, words), reason,
              decisionOut * model.msPerOutputToken + m_random.between(300, 900), decisionIn, decisionOut,
              {{u"model"_s, spec.model}});
        const qint64 outputIn = m_random.between(800, 3000);
        const qint64 outputOut = m_random.between(200, 900);
        const QString summary = fill(kind.outputSummary, words);
        const QString detail = fill(kind.outputDetail, words);
        const QString channel = spec.outputs.first();
        const QString approvalState = spec.approvalsRequired == 0 ? u"not required"_s
            : plan.pendingApproval                                ? u"pending"_s
                                                                  : u"approved"_s;
        const qint64 outputTime = time;
        queue(QLatin1String(EventKinds::Output), summary, detail,
              outputOut * model.msPerOutputToken + m_random.between(300, 900), outputIn, outputOut,
              {{u"channel"_s, channel}, {u"approval"_s, approvalState}});
        if (plan.pendingApproval) {
            Approval approval;
            approval.agentId = agent.id;
            approval.runId = run.id;
            approval.version = run.version;
            approval.title = summary;
            if (kind.payloadFormat == u"email") {
                const QString address =
                    words.person.toLower().replace(u' ', u'.') + u'@' + slug(words.company) + u".example";
                approval.payload = u"To: "_s + words.person + u" <"_s + address + u">\n"_s + detail;
            } else {
                approval.payload = u"# "_s + summary + u"\n\n"_s + detail;
            }
            approval.payloadFormat = kind.payloadFormat;
            approval.action =
                QJsonObject{{u"type"_s, u"webhook"_s}, {u"url"_s, QString(u"https://hooks.acme.example/"_s + channel)}};
            approval.policy = {{u"required"_s, spec.approvalsRequired},
                               {u"reviewers"_s, spec.reviewers},
                               {u"expires"_s, spec.approvalExpiry}};
            approval.createdAt = QDateTime::fromMSecsSinceEpoch(outputTime, Qt::UTC);
            approval.expiresAt = approval.createdAt.addMSecs(expiryHours(spec) * MsPerHour);
            m_approvalsByRun.insert(index, approval);
        }
    }

    run.endedAt = QDateTime::fromMSecsSinceEpoch(time, Qt::UTC);
    run.latencyMs = time - plan.startMs;
    run.status = plan.failed ? RunStatus::Failed : RunStatus::Succeeded;
    const QString finished = (plan.failed ? u"Failed after "_s : u"Succeeded in "_s)
        + QString::number(static_cast<double>(run.latencyMs) / 1000.0, 'f', 1) + u" s, "_s
        + QString::number(run.tokensIn + run.tokensOut) + u" tokens, $"_s + QString::number(run.cost, 'f', 4);
    QueuedEvent finish;
    finish.timeMs = time;
    finish.sequence = m_sequence++;
    finish.finishesRun = index;
    ActivityEvent &event = finish.event;
    event.time = run.endedAt;
    event.agentId = agent.id;
    event.version = run.version;
    event.runId = run.id;
    event.spanId = spanId();
    event.parentSpanId = rootSpan;
    event.kind = QLatin1String(EventKinds::RunFinished);
    event.status = plan.failed ? u"error"_s : u"ok"_s;
    event.summary = finished;
    event.latencyMs = run.latencyMs;
    event.body = {{u"status"_s, toText(run.status)}};
    m_queue.push(std::move(finish));
    return Done{};
}

Status Builder::writeEvent(QueuedEvent &queued)
{
    m_batch.append(std::move(queued.event));
    if (queued.finishesRun >= 0) {
        if (const Status finished = m_activity.finishRun(m_runRecords.at(queued.finishesRun)); !finished) {
            return finished;
        }
        const auto approval = m_approvalsByRun.constFind(queued.finishesRun);
        if (approval != m_approvalsByRun.cend()) {
            const Result<ApprovalId> inserted = m_approvals.insert(approval.value());
            if (!inserted) {
                return inserted.error();
            }
            ++m_summary.pendingApprovals;
        }
    }
    return m_batch.size() >= EventsPerTransaction ? flushBatch() : Status(Done{});
}

// Writes the batch and commits, so that each transaction holds about 5,000 events.
Status Builder::flushBatch()
{
    if (m_batch.isEmpty()) {
        return Done{};
    }
    const Result<ActivityRepository::AppendResult> appended = m_activity.appendEvents(m_batch);
    if (!appended) {
        return appended.error();
    }
    m_eventsWritten += appended->accepted;
    m_batch.clear();
    if (const Status committed = m_transaction->commit(); !committed) {
        return committed;
    }
    m_transaction.emplace(m_store);
    if (!m_transaction->isActive()) {
        return m_transaction->beginError();
    }
    const qint64 share = m_options.events == 0 ? 1 : m_options.events;
    return reportProgress(AgentsDonePercent
                          + static_cast<int>((100 - AgentsDonePercent - 1) * m_eventsWritten / share));
}

Status validate(const DemoBuilder::Options &options)
{
    if (options.agents < 1 || options.agents > MaxAgents) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::DemoBuilder", "The demo needs between 1 and %1 agents, not %2.")
                .arg(MaxAgents)
                .arg(options.agents)};
    }
    if (options.events < 0 || options.events > MaxEvents || (options.events > 0 && options.events < MinEventsPerRun)) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::DemoBuilder", "The demo needs 0 or between %1 and %2 events, not %3.")
                .arg(MinEventsPerRun)
                .arg(MaxEvents)
                .arg(options.events)};
    }
    return Done{};
}

// The store is closed when this returns, so that a failed build's files can be removed.
Result<DemoBuilder::Summary> fillNewWorkspace(const QString &path, const DemoBuilder::Options &options,
                                              const QDateTime &end)
{
    Result<std::unique_ptr<Store>> store = Store::create(path);
    if (!store) {
        return store.error();
    }
    Builder builder(*store.value(), options, end);
    return builder.run();
}

void removeWorkspaceFiles(const QString &path)
{
    const QStringList files{path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s};
    for (const QString &file : files) {
        QFile::remove(file);
    }
}

} // namespace

Result<DemoBuilder::Summary> DemoBuilder::build(const QString &path, const Options &options)
{
    if (const Status valid = validate(options); !valid) {
        return valid.error();
    }
    if (QFileInfo::exists(path)) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::DemoBuilder", "A file already exists at %1; choose another name.")
                .arg(path)};
    }
    QElapsedTimer timer;
    timer.start();
    // By default the history ends with yesterday, so that no run lies in the future.
    const QDate until = options.until.isValid() ? options.until : QDateTime::currentDateTimeUtc().date().addDays(-1);
    // History runs to the end of the day `until`.
    const Result<Summary> built = fillNewWorkspace(path, options, QDateTime(until.addDays(1), QTime(0, 0), Qt::UTC));
    if (!built) {
        qCInfo(lcDemo) << "demo build failed, removing" << path << built.error().message;
        removeWorkspaceFiles(path);
        return built;
    }
    Summary summary = built.value();
    summary.elapsedMs = timer.elapsed();
    qCInfo(lcDemo) << "built demo workspace" << path << "with" << summary.events << "events in" << summary.elapsedMs
                   << "ms";
    return summary;
}

} // namespace steward
