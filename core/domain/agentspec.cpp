// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentspec.h"

#include "runtime/cronschedule.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

namespace steward {
namespace {

// The fields in canonical order. Block fields hold indented lines below them.
const QStringList fieldOrder{QStringLiteral("description"),
                             QStringLiteral("model"),
                             QStringLiteral("model.temperature"),
                             QStringLiteral("model.max_tokens"),
                             QStringLiteral("instructions"),
                             QStringLiteral("tools"),
                             QStringLiteral("triggers"),
                             QStringLiteral("runner"),
                             QStringLiteral("runner.timeout"),
                             QStringLiteral("runner.overlap"),
                             QStringLiteral("runner.concurrency"),
                             QStringLiteral("approval.required"),
                             QStringLiteral("approval.reviewers"),
                             QStringLiteral("approval.expires"),
                             QStringLiteral("outputs"),
                             QStringLiteral("criticality")};
const QStringList requiredFields{QStringLiteral("model"), QStringLiteral("instructions"),
                                 QStringLiteral("criticality")};
const QStringList toolPermissions{QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("send")};
const QStringList runnerOverlaps{QStringLiteral("skip"), QStringLiteral("queue")};
constexpr int maxRunnerTimeoutSeconds = 24 * 3600;
constexpr int maxRunnerConcurrency = 100;

const QRegularExpression &fieldLine()
{
    static const QRegularExpression pattern(QStringLiteral("^([a-z_.]+):(?: (.*))?$"));
    return pattern;
}

const QRegularExpression &identifier()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
    return pattern;
}

const QRegularExpression &modelName()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$"));
    return pattern;
}

const QRegularExpression &duration()
{
    static const QRegularExpression pattern(QStringLiteral("^[1-9][0-9]{0,4}[mhd]$"));
    return pattern;
}

const QRegularExpression &runnerTimeout()
{
    static const QRegularExpression pattern(QStringLiteral("^([1-9][0-9]{0,5})([smh])$"));
    return pattern;
}

// Collects the first problem with its line number.
struct Problem
{
    int line = 0;
    QString reason;

    [[nodiscard]] Error toError() const
    {
        if (line == 0) {
            return {Error::Code::Invalid, reason};
        }
        return {Error::Code::Invalid,
                QCoreApplication::translate("steward::AgentSpec", "Line %1: %2").arg(line).arg(reason)};
    }
};

std::optional<Problem> parseTool(const QString &item, int line, AgentSpec &spec)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\S+) \\((\\S+)\\)$"));
    const QRegularExpressionMatch match = pattern.match(item);
    if (!match.hasMatch()) {
        return Problem{line,
                       QCoreApplication::translate(
                           "steward::AgentSpec",
                           "a tool is written as \"name (permission)\", for example \"crm.lookup (read)\".")};
    }
    const QString name = match.captured(1);
    const QString permission = match.captured(2);
    if (!identifier().match(name).hasMatch()) {
        return Problem{line,
                       QCoreApplication::translate("steward::AgentSpec", "\"%1\" is not a valid tool name.").arg(name)};
    }
    if (!toolPermissions.contains(permission)) {
        return Problem{line,
                       QCoreApplication::translate("steward::AgentSpec",
                                                   "unknown tool permission \"%1\"; use read, write or send.")
                           .arg(permission)};
    }
    spec.tools.append({name, permission});
    return std::nullopt;
}

std::optional<Problem> parseTrigger(const QString &item, int line, AgentSpec &spec)
{
    const QStringList words = item.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.value(0) == QLatin1String("event")) {
        if (words.size() != 2 || !identifier().match(words.at(1)).hasMatch()) {
            return Problem{line,
                           QCoreApplication::translate(
                               "steward::AgentSpec",
                               "an event trigger is written as \"event name\", for example \"event lead.created\".")};
        }
        spec.triggers.append({words.at(0), words.at(1), {}});
        return std::nullopt;
    }
    if (words.value(0) == QLatin1String("schedule")) {
        if (words.size() < 6 || words.size() > 7) {
            return Problem{line,
                           QCoreApplication::translate(
                               "steward::AgentSpec",
                               "a schedule is written as \"schedule\", five cron fields and an optional time zone, "
                               "for example \"schedule 0 9 * * 1-5 Europe/Berlin\".")};
        }
        const Result<CronSchedule> schedule = CronSchedule::parse(words.mid(1, 5).join(QLatin1Char(' ')));
        if (!schedule) {
            return Problem{line, schedule.error().message};
        }
        const QString zone = words.size() == 7 ? words.at(6) : QString();
        if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid()) {
            return Problem{
                line, QCoreApplication::translate("steward::AgentSpec", "\"%1\" is not a known time zone.").arg(zone)};
        }
        spec.triggers.append({words.at(0), words.mid(1, 5).join(QLatin1Char(' ')), zone});
        return std::nullopt;
    }
    return Problem{
        line, QCoreApplication::translate("steward::AgentSpec", "a trigger starts with \"schedule\" or \"event\".")};
}

std::optional<Problem> parseRunner(const QString &value, int line, AgentSpec &spec)
{
    const qsizetype space = value.indexOf(QLatin1Char(' '));
    const QString kind = space < 0 ? value : value.left(space);
    const QString target = space < 0 ? QString() : value.mid(space + 1).trimmed();
    if (kind == QLatin1String("command")) {
        if (target.isEmpty()) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "a command runner names the program to start, for example "
                                                       "\"runner: command /opt/agents/score --fast\".")};
        }
    } else if (kind == QLatin1String("http")) {
        const QUrl url(target, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "an http runner names the harness's http or https URL, for "
                                                       "example \"runner: http https://harness.example/run\".")};
        }
    } else if (kind == QLatin1String("openai")) {
        if (!target.isEmpty()) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "the openai runner takes nothing after its name; the model "
                                                       "is the spec's \"model\".")};
        }
    } else {
        return Problem{line,
                       QCoreApplication::translate("steward::AgentSpec",
                                                   "the runner is command, http or openai, for example \"runner: "
                                                   "command /opt/agents/score\".")};
    }
    spec.runner.kind = kind;
    spec.runner.target = target;
    return std::nullopt;
}

std::optional<Problem> parseRunnerSetting(const QString &key, const QString &value, int line, AgentSpec &spec)
{
    bool ok = false;
    if (key == QLatin1String("runner.timeout")) {
        const QRegularExpressionMatch match = runnerTimeout().match(value);
        const int unit = match.captured(2) == QLatin1String("h") ? 3600
            : match.captured(2) == QLatin1String("m")            ? 60
                                                                 : 1;
        const qint64 seconds = match.hasMatch() ? match.captured(1).toLongLong() * unit : 0;
        if (seconds < 1 || seconds > maxRunnerTimeoutSeconds) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "runner.timeout is a duration from 1s to 24h, such as 30s, 5m "
                                                       "or 1h.")};
        }
        spec.runner.timeoutSeconds = int(seconds);
    } else if (key == QLatin1String("runner.overlap")) {
        if (!runnerOverlaps.contains(value)) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "runner.overlap is skip or queue: what a trigger does while a "
                                                       "run is under way.")};
        }
        spec.runner.overlap = value;
    } else if (key == QLatin1String("runner.concurrency")) {
        spec.runner.maxConcurrentRuns = value.toInt(&ok);
        if (!ok || spec.runner.maxConcurrentRuns < 1 || spec.runner.maxConcurrentRuns > maxRunnerConcurrency) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "runner.concurrency is a whole number from 1 to 100.")};
        }
    }
    return std::nullopt;
}

std::optional<Problem> parseScalar(const QString &key, const QString &value, int line, AgentSpec &spec)
{
    if (key == QLatin1String("runner")) {
        return parseRunner(value, line, spec);
    }
    if (key.startsWith(QLatin1String("runner."))) {
        return parseRunnerSetting(key, value, line, spec);
    }
    bool ok = false;
    if (key == QLatin1String("description")) {
        spec.description = value;
    } else if (key == QLatin1String("model")) {
        if (!modelName().match(value).hasMatch()) {
            return Problem{
                line,
                QCoreApplication::translate("steward::AgentSpec", "\"%1\" is not a valid model name.").arg(value)};
        }
        spec.model = value;
    } else if (key == QLatin1String("model.temperature")) {
        spec.temperature = value.toDouble(&ok);
        if (!ok || spec.temperature < 0.0 || spec.temperature > 2.0) {
            return Problem{
                line, QCoreApplication::translate("steward::AgentSpec", "the temperature is a number from 0 to 2.")};
        }
    } else if (key == QLatin1String("model.max_tokens")) {
        spec.maxTokens = value.toInt(&ok);
        if (!ok || spec.maxTokens < 1 || spec.maxTokens > 1000000) {
            return Problem{
                line,
                QCoreApplication::translate("steward::AgentSpec", "max_tokens is a whole number from 1 to 1000000.")};
        }
    } else if (key == QLatin1String("approval.required")) {
        spec.approvalsRequired = value.toInt(&ok);
        if (!ok || spec.approvalsRequired < 0 || spec.approvalsRequired > 10) {
            return Problem{
                line,
                QCoreApplication::translate("steward::AgentSpec", "approval.required is a whole number from 0 to 10.")};
        }
    } else if (key == QLatin1String("approval.reviewers")) {
        if (!value.isEmpty() && !value.startsWith(QLatin1Char('/'))) {
            return Problem{
                line,
                QCoreApplication::translate("steward::AgentSpec",
                                            "approval.reviewers is a path in the org tree, such as /acme/sales.")};
        }
        spec.reviewers = value;
    } else if (key == QLatin1String("approval.expires")) {
        if (!value.isEmpty() && !duration().match(value).hasMatch()) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "approval.expires is a duration such as 30m, 48h or 7d.")};
        }
        spec.approvalExpiry = value;
    } else if (key == QLatin1String("outputs")) {
        spec.outputs.clear();
        const QStringList channels = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &channel : channels) {
            const QString trimmed = channel.trimmed();
            if (!identifier().match(trimmed).hasMatch()) {
                return Problem{
                    line,
                    QCoreApplication::translate("steward::AgentSpec", "\"%1\" is not a valid output channel.")
                        .arg(trimmed)};
            }
            spec.outputs.append(trimmed);
        }
    } else if (key == QLatin1String("criticality")) {
        const auto criticality = parseEnum<Criticality>(value);
        if (!criticality) {
            return Problem{line,
                           QCoreApplication::translate("steward::AgentSpec",
                                                       "criticality is critical, standard or experimental.")};
        }
        spec.criticality = *criticality;
    }
    return std::nullopt;
}

} // namespace

QString AgentSpec::Runner::timeoutText() const
{
    if (timeoutSeconds % 3600 == 0) {
        return QString::number(timeoutSeconds / 3600) + QLatin1Char('h');
    }
    if (timeoutSeconds % 60 == 0) {
        return QString::number(timeoutSeconds / 60) + QLatin1Char('m');
    }
    return QString::number(timeoutSeconds) + QLatin1Char('s');
}

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
    // Without a runner nothing is written, so that specs from before runners keep their text
    // and their content hashes.
    if (!runner.kind.isEmpty()) {
        line(QStringLiteral("runner: ") + runner.kind
             + (runner.target.isEmpty() ? QString() : QLatin1Char(' ') + runner.target));
        line(QStringLiteral("runner.timeout: ") + runner.timeoutText());
        line(QStringLiteral("runner.overlap: ") + runner.overlap);
        line(QStringLiteral("runner.concurrency: ") + QString::number(runner.maxConcurrentRuns));
    }
    line(QStringLiteral("approval.required: ") + QString::number(approvalsRequired));
    line(QStringLiteral("approval.reviewers: ") + reviewers);
    line(QStringLiteral("approval.expires: ") + approvalExpiry);
    line(QStringLiteral("outputs: ") + outputs.join(QStringLiteral(", ")));
    line(QStringLiteral("criticality: ") + toText(criticality));
    return text;
}

Result<AgentSpec> AgentSpec::parse(const QString &text)
{
    AgentSpec spec;
    QSet<QString> seen;
    QString block; // the block field whose indented lines come next, if any
    QStringList instructionLines;
    int runnerSettingLine = 0; // the first runner.* line, which needs a runner line somewhere
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int index = 0; index < lines.size(); ++index) {
        const int number = index + 1;
        QString line = lines.at(index);
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        if (line.trimmed().isEmpty()) {
            if (block == QLatin1String("instructions")) {
                instructionLines.append(QString());
            }
            continue;
        }
        if (line.startsWith(QLatin1String("  "))) {
            if (block == QLatin1String("instructions")) {
                instructionLines.append(line.mid(2));
                continue;
            }
            const QString item = line.trimmed();
            if (block.isEmpty() || !item.startsWith(QLatin1String("- "))) {
                return Problem{
                    number,
                    QCoreApplication::translate("steward::AgentSpec",
                                                "an indented line belongs below \"instructions: |\", \"tools:\" or "
                                                "\"triggers:\", and list items start with \"- \".")}
                    .toError();
            }
            const std::optional<Problem> problem = block == QLatin1String("tools")
                ? parseTool(item.mid(2).trimmed(), number, spec)
                : parseTrigger(item.mid(2).trimmed(), number, spec);
            if (problem) {
                return problem->toError();
            }
            continue;
        }
        const QRegularExpressionMatch match = fieldLine().match(line);
        if (!match.hasMatch()) {
            return Problem{number, QCoreApplication::translate("steward::AgentSpec", "expected \"field: value\".")}
                .toError();
        }
        const QString key = match.captured(1);
        const QString value = match.captured(2).trimmed();
        if (!fieldOrder.contains(key)) {
            return Problem{number, QCoreApplication::translate("steward::AgentSpec", "unknown field \"%1\".").arg(key)}
                .toError();
        }
        if (seen.contains(key)) {
            return Problem{number, QCoreApplication::translate("steward::AgentSpec", "\"%1\" appears twice.").arg(key)}
                .toError();
        }
        seen.insert(key);
        if (key.startsWith(QLatin1String("runner.")) && runnerSettingLine == 0) {
            runnerSettingLine = number;
        }
        block.clear();
        if (key == QLatin1String("instructions")) {
            if (value != QLatin1String("|")) {
                return Problem{
                    number,
                    QCoreApplication::translate("steward::AgentSpec",
                                                "instructions are written as \"instructions: |\" followed by lines "
                                                "indented by two spaces.")}
                    .toError();
            }
            block = key;
        } else if (key == QLatin1String("tools") || key == QLatin1String("triggers")) {
            if (!value.isEmpty()) {
                return Problem{number,
                               QCoreApplication::translate(
                                   "steward::AgentSpec",
                                   "\"%1:\" is followed by its items on the next lines, each starting with "
                                   "\"  - \".")
                                   .arg(key)}
                    .toError();
            }
            block = key;
        } else if (const std::optional<Problem> problem = parseScalar(key, value, number, spec)) {
            return problem->toError();
        }
    }
    if (runnerSettingLine > 0 && !seen.contains(QStringLiteral("runner"))) {
        return Problem{runnerSettingLine,
                       QCoreApplication::translate("steward::AgentSpec",
                                                   "runner settings need a runner: add a line such as \"runner: "
                                                   "command /opt/agents/score\".")}
            .toError();
    }
    for (const QString &required : requiredFields) {
        if (!seen.contains(required)) {
            return Problem{
                0, QCoreApplication::translate("steward::AgentSpec", "The spec has no \"%1\" field.").arg(required)}
                .toError();
        }
    }
    while (!instructionLines.isEmpty() && instructionLines.last().trimmed().isEmpty()) {
        instructionLines.removeLast();
    }
    spec.instructions = instructionLines.join(QLatin1Char('\n'));
    if (spec.instructions.trimmed().isEmpty()) {
        return Problem{0, QCoreApplication::translate("steward::AgentSpec", "The instructions are empty.")}.toError();
    }
    return spec;
}

} // namespace steward
