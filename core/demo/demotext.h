// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace steward {

// The words of the demo company: its departments and teams, its people's names, the kinds of
// agents it runs with their starting specs and the text their runs report, and the edits
// people make to specs with the reasons they give. Only material lives here; DemoBuilder
// decides what goes where. Templates hold placeholders that the builder fills:
// {company} {person} {first} {product} {id} {n} {m} {amount} {hours} and, for the outbound
// mailer only, {summit}.
// Nothing here may mention London: the story (design.md) is that exactly one agent's outputs do.
struct DemoTeam
{
    QString department; // "sales"
    QString name; // "outbound"
};

// One kind of agent; the builder names agents after their kind ("ticket-triage", or
// "ticket-triage-emea" when a team runs more than one).
struct DemoAgentKind
{
    QString name;
    QString department;
    QString team;
    QString description;
    QStringList instructions;
    QStringList tools; // "name:permission"
    QString trigger; // "schedule <cron>" or "event <name>"
    QStringList outputs; // channels
    bool needsApproval = false;
    QString payloadFormat; // of its approvals: "email" or "markdown"
    QStringList steps; // one-line step summaries
    QString decision; // one line
    QString decisionReason;
    QString outputSummary; // one line
    QString outputDetail; // the output itself
};

// A model an agent can use, with list prices in US dollars per million tokens.
struct DemoModel
{
    QString name;
    double inputPrice = 0.0;
    double outputPrice = 0.0;
    int msPerOutputToken = 0; // generation speed, for believable latencies
    bool cheap = false;
};

// An edit someone makes to a spec, and the reason they write down for it.
struct DemoSpecEdit
{
    enum class Kind {
        AddInstruction,
        CheaperModel,
        StrongerModel,
        LowerTemperature,
        MoreTokens,
        AddTool,
        EarlierSchedule,
        LongerApprovalExpiry,
        AddOutput
    };
    Kind kind = Kind::AddInstruction;
    QString value; // the instruction line, tool ("name:permission") or output channel
    QString reason;
};

// A failure a run can end with: a one-line summary and the longer error text.
struct DemoFailure
{
    QString summary;
    QString detail;
};

// The version history that tells the story: the outbound mailer whose event location changed.
struct DemoStoryVersion
{
    int day = 0; // days after the history begins
    QString author;
    QString reason;
    QString city; // where the summit is, as this version says
    std::optional<DemoSpecEdit> edit; // what else changed, besides the city
};

class DemoText final
{
public:
    [[nodiscard]] static const QStringList &departments();
    [[nodiscard]] static const QList<DemoTeam> &teams();
    [[nodiscard]] static const QList<DemoAgentKind> &agentKinds();
    [[nodiscard]] static const QList<DemoModel> &models();
    [[nodiscard]] static const QList<DemoSpecEdit> &specEdits();
    [[nodiscard]] static const QList<DemoFailure> &failures();
    // What a second person writes when approving a change to a critical agent.
    [[nodiscard]] static const QStringList &approvalReasons();
    // Qualifiers for a second, third ... agent of one kind in one team.
    [[nodiscard]] static const QStringList &nameSuffixes();
    [[nodiscard]] static const QStringList &firstNames();
    [[nodiscard]] static const QStringList &lastNames();
    // Fillers for the templates' placeholders.
    [[nodiscard]] static const QStringList &customerCompanies();
    [[nodiscard]] static const QStringList &products();
    // Lines every agent of a department is told, and lines any agent may be told.
    [[nodiscard]] static QStringList departmentPolicy(const QString &department);
    [[nodiscard]] static const QStringList &commonInstructions();

    // The story: who owns the mailer, who changed the city, and its versions in order.
    [[nodiscard]] static QString storyAgentName();
    [[nodiscard]] static QString storyTeam();
    [[nodiscard]] static QString storyOwner();
    [[nodiscard]] static QString storyOwnerDisplayName();
    [[nodiscard]] static QString storyEditor();
    [[nodiscard]] static QString storyEditorDisplayName();
    [[nodiscard]] static QString storyEditorTeam();
    [[nodiscard]] static const QList<DemoStoryVersion> &storyVersions();
    // The sentence that names the summit, e.g. "Acme Summit 2027 in Lisbon".
    [[nodiscard]] static QString summit(const QString &city);
};

} // namespace steward
