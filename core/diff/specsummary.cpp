// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "specsummary.h"

#include "diff/textdiff.h"

#include <QCoreApplication>

namespace steward {
namespace {

void scalar(QStringList &out, const QString &field, const QString &before, const QString &after)
{
    if (before != after) {
        const QString shownBefore =
            before.isEmpty() ? QCoreApplication::translate("steward::SpecSummary", "(none)") : before;
        const QString shownAfter =
            after.isEmpty() ? QCoreApplication::translate("steward::SpecSummary", "(none)") : after;
        out.append(field + QStringLiteral(": ") + shownBefore + QStringLiteral(" -> ") + shownAfter);
    }
}

// Items added and removed, in the order they appear: "+a, -b".
void list(QStringList &out, const QString &field, const QStringList &before, const QStringList &after)
{
    QStringList parts;
    for (const QString &item : after) {
        if (!before.contains(item)) {
            parts.append(QLatin1Char('+') + item);
        }
    }
    for (const QString &item : before) {
        if (!after.contains(item)) {
            parts.append(QLatin1Char('-') + item);
        }
    }
    if (parts.isEmpty() && before != after) {
        parts.append(QCoreApplication::translate("steward::SpecSummary", "reordered"));
    }
    if (!parts.isEmpty()) {
        out.append(field + QStringLiteral(": ") + parts.join(QStringLiteral(", ")));
    }
}

QStringList toolTexts(const QList<AgentSpec::Tool> &tools)
{
    QStringList texts;
    for (const AgentSpec::Tool &tool : tools) {
        texts.append(tool.name + QStringLiteral(" (") + tool.permission + QLatin1Char(')'));
    }
    return texts;
}

QStringList triggerTexts(const QList<AgentSpec::Trigger> &triggers)
{
    QStringList texts;
    for (const AgentSpec::Trigger &trigger : triggers) {
        QString text = trigger.kind + QLatin1Char(' ') + trigger.value;
        if (!trigger.timeZone.isEmpty()) {
            text += QLatin1Char(' ') + trigger.timeZone;
        }
        texts.append(text);
    }
    return texts;
}

QString runnerText(const AgentSpec::Runner &runner)
{
    return runner.target.isEmpty() ? runner.kind : runner.kind + QLatin1Char(' ') + runner.target;
}

} // namespace

QStringList SpecSummary::changes(const AgentSpec &before, const AgentSpec &after)
{
    QStringList out;
    scalar(out, QStringLiteral("description"), before.description, after.description);
    scalar(out, QStringLiteral("model"), before.model, after.model);
    scalar(out, QStringLiteral("model.temperature"), QString::number(before.temperature, 'g', 3),
           QString::number(after.temperature, 'g', 3));
    scalar(out, QStringLiteral("model.max_tokens"), QString::number(before.maxTokens),
           QString::number(after.maxTokens));
    const TextDiff instructions =
        TextDiff::compare(before.instructions + QLatin1Char('\n'), after.instructions + QLatin1Char('\n'));
    if (!instructions.isIdentical()) {
        const int changed = std::max(instructions.addedCount(), instructions.removedCount());
        out.append(QStringLiteral("instructions: ")
                   + QCoreApplication::translate("steward::SpecSummary", "lines changed: %1").arg(changed));
    }
    list(out, QStringLiteral("tools"), toolTexts(before.tools), toolTexts(after.tools));
    list(out, QStringLiteral("triggers"), triggerTexts(before.triggers), triggerTexts(after.triggers));
    scalar(out, QStringLiteral("runner"), runnerText(before.runner), runnerText(after.runner));
    scalar(out, QStringLiteral("runner.timeout"), before.runner.timeoutText(), after.runner.timeoutText());
    scalar(out, QStringLiteral("runner.overlap"), before.runner.overlap, after.runner.overlap);
    scalar(out, QStringLiteral("runner.concurrency"), QString::number(before.runner.maxConcurrentRuns),
           QString::number(after.runner.maxConcurrentRuns));
    scalar(out, QStringLiteral("approval.required"), QString::number(before.approvalsRequired),
           QString::number(after.approvalsRequired));
    scalar(out, QStringLiteral("approval.reviewers"), before.reviewers, after.reviewers);
    scalar(out, QStringLiteral("approval.expires"), before.approvalExpiry, after.approvalExpiry);
    list(out, QStringLiteral("outputs"), before.outputs, after.outputs);
    scalar(out, QStringLiteral("criticality"), toText(before.criticality), toText(after.criticality));
    return out;
}

QStringList SpecSummary::changes(const QString &before, const QString &after)
{
    const Result<AgentSpec> parsedBefore = AgentSpec::parse(before);
    const Result<AgentSpec> parsedAfter = AgentSpec::parse(after);
    if (parsedBefore && parsedAfter) {
        return changes(parsedBefore.value(), parsedAfter.value());
    }
    const TextDiff diff = TextDiff::compare(before, after);
    if (diff.isIdentical()) {
        return {};
    }
    return {QCoreApplication::translate("steward::SpecSummary", "lines changed: %1")
                .arg(std::max(diff.addedCount(), diff.removedCount()))};
}

} // namespace steward
