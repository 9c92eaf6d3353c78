// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentspec.h"

namespace steward {

QString AgentSpec::toCanonicalText() const
{
    QString text;
    const auto line = [&text](const QString &content) { text += content + QLatin1Char('\n'); };

    line(QStringLiteral("description: ") + description);
    line(QStringLiteral("model: ") + model);
    line(QStringLiteral("model.temperature: ") + QString::number(temperature, 'g', 3));
    line(QStringLiteral("model.max_tokens: ") + QString::number(maxTokens));
    line(QStringLiteral("instructions: |"));
    const QStringList instructionLines = instructions.split(QLatin1Char('\n'));
    for (const QString &instruction : instructionLines) {
        line(instruction.isEmpty() ? QString() : QStringLiteral("  ") + instruction);
    }
    line(QStringLiteral("tools:"));
    for (const Tool &tool : tools) {
        line(QStringLiteral("  - ") + tool.name + QStringLiteral(" (") + tool.permission + QLatin1Char(')'));
    }
    line(QStringLiteral("triggers:"));
    for (const Trigger &trigger : triggers) {
        QString entry = QStringLiteral("  - ") + trigger.kind + QLatin1Char(' ') + trigger.value;
        if (!trigger.timeZone.isEmpty()) {
            entry += QLatin1Char(' ') + trigger.timeZone;
        }
        line(entry);
    }
    line(QStringLiteral("approval.required: ") + QString::number(approvalsRequired));
    line(QStringLiteral("approval.reviewers: ") + reviewers);
    line(QStringLiteral("approval.expires: ") + approvalExpiry);
    line(QStringLiteral("outputs: ") + outputs.join(QStringLiteral(", ")));
    line(QStringLiteral("criticality: ") + toText(criticality));
    return text;
}

} // namespace steward
