// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpmapper.h"

#include "api/apilimits.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace steward {
namespace {

using namespace Qt::StringLiterals;

// How deep an attribute value (arrayValue, kvlistValue) may nest. Real instrumentations nest a
// message list two or three levels; deeper is a hostile request.
constexpr int kMaxValueDepth = 8;
// How deep the text inside message JSON is followed.
constexpr int kMaxTextDepth = 16;
constexpr qsizetype kMaxAttributesPerSpan = 1024;
constexpr qsizetype kMaxEventsPerSpan = 256;
constexpr qsizetype kMaxKeyLength = 256;
// Agent names and references, versions and model names are names, not text.
constexpr qsizetype kMaxNameLength = 256;
// Attributes kept in an event's body are for reading, not an archive of the span.
constexpr qsizetype kMaxBodyAttributes = 64;
constexpr qsizetype kMaxBodyStringLength = 1024;

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::OtlpMapper", text);
}

// A problem with one part of the request, named by its place in it.
struct Problem
{
    QString path;
    QString message;
};

using Checked = std::optional<Problem>;

// An attribute list as sent, in its order, values turned into plain JSON.
using Attributes = QList<std::pair<QString, QJsonValue>>;

QJsonValue attribute(const Attributes &attributes, const QString &key)
{
    for (const auto &[name, value] : attributes) {
        if (name == key) {
            return value;
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString itemPath(const QString &path, const QString &field, qsizetype index)
{
    return u"%1.%2[%3]"_s.arg(path, field).arg(index);
}

std::optional<qint64> integerOf(const QJsonValue &value)
{
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        return ok ? std::optional<qint64>(number) : std::nullopt;
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && std::trunc(number) == number && std::abs(number) < 9.2e18) {
            return static_cast<qint64>(number);
        }
    }
    return std::nullopt;
}

// AnyValue → JSON: a string, bool, whole number, number, array or object.
Checked anyValue(const QJsonValue &value, const QString &path, int depth, QJsonValue &out)
{
    if (!value.isObject()) {
        return Problem{path, translated("expected an AnyValue object")};
    }
    const QJsonObject object = value.toObject();
    if (object.isEmpty()) {
        out = QJsonValue();
        return std::nullopt;
    }
    if (object.size() != 1) {
        return Problem{path,
                       translated("an AnyValue holds exactly one of stringValue, boolValue, intValue, "
                                  "doubleValue, arrayValue, kvlistValue, bytesValue")};
    }
    const QString kind = object.begin().key();
    const QJsonValue inner = object.begin().value();
    const QString innerPath = path + u'.' + kind;
    if (kind == "stringValue"_L1 || kind == "bytesValue"_L1) {
        if (!inner.isString()) {
            return Problem{innerPath, translated("expected a string")};
        }
        out = inner;
    } else if (kind == "boolValue"_L1) {
        if (!inner.isBool()) {
            return Problem{innerPath, translated("expected true or false")};
        }
        out = inner;
    } else if (kind == "intValue"_L1) {
        const std::optional<qint64> number = integerOf(inner);
        if (!number) {
            return Problem{innerPath, translated("expected a whole number")};
        }
        out = QJsonValue(*number);
    } else if (kind == "doubleValue"_L1) {
        bool ok = inner.isDouble();
        const double number = inner.isString() ? inner.toString().toDouble(&ok) : inner.toDouble();
        if (!ok || !std::isfinite(number)) {
            return Problem{innerPath, translated("expected a finite number")};
        }
        out = number;
    } else if (kind == "arrayValue"_L1 || kind == "kvlistValue"_L1) {
        if (depth >= kMaxValueDepth) {
            return Problem{innerPath, translated("nested deeper than %1 levels").arg(kMaxValueDepth)};
        }
        const QJsonValue values = inner.toObject().value("values"_L1);
        if (!inner.isObject() || (!values.isUndefined() && !values.isArray())) {
            return Problem{innerPath, translated("expected an object with a \"values\" array")};
        }
        const QJsonArray items = values.toArray();
        if (kind == "arrayValue"_L1) {
            QJsonArray array;
            for (qsizetype i = 0; i < items.size(); ++i) {
                QJsonValue item;
                if (Checked problem = anyValue(items.at(i), itemPath(innerPath, u"values"_s, i), depth + 1, item)) {
                    return problem;
                }
                array.append(item);
            }
            out = array;
        } else {
            QJsonObject map;
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString entryPath = itemPath(innerPath, u"values"_s, i);
                const QJsonObject entry = items.at(i).toObject();
                if (!items.at(i).isObject() || !entry.value("key"_L1).isString()) {
                    return Problem{entryPath, translated("expected an object with a \"key\" string")};
                }
                QJsonValue item;
                if (Checked problem = anyValue(entry.value("value"_L1), entryPath + u".value"_s, depth + 1, item)) {
                    return problem;
                }
                map.insert(entry.value("key"_L1).toString(), item);
            }
            out = map;
        }
    } else {
        return Problem{path, translated("unknown AnyValue field \"%1\"").arg(kind)};
    }
    return std::nullopt;
}

Checked readAttributes(const QJsonValue &value, const QString &path, Attributes &out)
{
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    if (!value.isArray()) {
        return Problem{path, translated("expected an array of {key, value}")};
    }
    const QJsonArray items = value.toArray();
    if (items.size() > kMaxAttributesPerSpan) {
        return Problem{
            path, translated("%1 attributes; at most %2 are accepted").arg(items.size()).arg(kMaxAttributesPerSpan)};
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString fullPath = u"%1[%2]"_s.arg(path).arg(i);
        const QJsonObject entry = items.at(i).toObject();
        const QJsonValue key = entry.value("key"_L1);
        if (!items.at(i).isObject() || !key.isString() || key.toString().isEmpty()) {
            return Problem{fullPath, translated("expected an object with a non-empty \"key\" string")};
        }
        if (key.toString().size() > kMaxKeyLength) {
            return Problem{fullPath + u".key"_s, translated("longer than %1 characters").arg(kMaxKeyLength)};
        }
        QJsonValue converted;
        if (Checked problem = anyValue(entry.value("value"_L1), fullPath + u".value"_s, 0, converted)) {
            return problem;
        }
        out.append({key.toString(), converted});
    }
    return std::nullopt;
}

// A time in nanoseconds since the epoch, sent as a decimal string (the proto3 JSON form of a
// fixed64) or as a number; 0 or absent is "not set".
Checked readNanos(const QJsonValue &value, const QString &path, qint64 &out)
{
    if (value.isUndefined() || value.isNull()) {
        out = 0;
        return std::nullopt;
    }
    const std::optional<qint64> nanos = integerOf(value);
    if (!nanos || *nanos < 0 || (value.isString() && value.toString().contains(u'.'))) {
        return Problem{path, translated("expected nanoseconds since 1970 as a whole number or a string of digits")};
    }
    out = *nanos;
    return std::nullopt;
}

Checked readHexId(const QJsonValue &value, const QString &path, int digits, bool required, QString &out)
{
    static const QRegularExpression hex(u"^[0-9a-fA-F]*$"_s);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        if (required) {
            return Problem{path, translated("required")};
        }
        out.clear();
        return std::nullopt;
    }
    if (!value.isString()) {
        return Problem{path, translated("expected a string of %1 hex digits").arg(digits)};
    }
    const QString text = value.toString();
    if (text.size() != digits || !hex.match(text).hasMatch()) {
        return Problem{path,
                       translated("expected %1 hex digits (OTLP/HTTP JSON sends ids as hex, not base64)").arg(digits)};
    }
    if (text.count(u'0') == digits) {
        return Problem{path, translated("an id of all zeros is not valid")};
    }
    out = text.toLower();
    return std::nullopt;
}

// A name-like attribute: a string, or a whole number sent for it (an agent id, a version).
Checked readName(const Attributes &attributes, const QString &key, const QString &path, QString &out)
{
    const QJsonValue value = attribute(attributes, key);
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    if (value.isString()) {
        out = value.toString().trimmed();
    } else if (value.isDouble()) {
        out = QString::number(value.toInteger());
    } else {
        return Problem{path, translated("%1: expected a string").arg(key)};
    }
    if (out.size() > kMaxNameLength) {
        return Problem{path, translated("%1: longer than %2 characters").arg(key).arg(kMaxNameLength)};
    }
    return std::nullopt;
}

// The first of `keys` that is present, as a count of tokens.
Checked readCount(const Attributes &attributes, const QStringList &keys, const QString &path, qint64 &out)
{
    for (const QString &key : keys) {
        const QJsonValue value = attribute(attributes, key);
        if (value.isUndefined() || value.isNull()) {
            continue;
        }
        const std::optional<qint64> number = value.isDouble() ? integerOf(value) : std::nullopt;
        if (!number || *number < 0 || *number > ApiLimits::MaxSafeInteger) {
            return Problem{path, translated("%1: expected a whole number of at least 0").arg(key)};
        }
        out = *number;
        return std::nullopt;
    }
    return std::nullopt;
}

Checked readCost(const Attributes &attributes, const QString &path, double &out)
{
    for (const QString &key : {u"gen_ai.usage.cost"_s, u"llm.cost.total"_s}) {
        const QJsonValue value = attribute(attributes, key);
        if (value.isUndefined() || value.isNull()) {
            continue;
        }
        if (!value.isDouble() || value.toDouble() < 0) {
            return Problem{path, translated("%1: expected an amount of at least 0").arg(key)};
        }
        out = value.toDouble();
        return std::nullopt;
    }
    return std::nullopt;
}

// The text a person would search for in message JSON: the strings of a message list
// ([{"role", "parts": [{"type": "text", "content"}]}]), an OpenAI-style content list, a
// prompt string, or JSON sent as a string. Roles, types and ids are structure, not text.
void collectText(const QJsonValue &value, QStringList &out, int depth)
{
    if (depth > kMaxTextDepth) {
        return;
    }
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.startsWith(u'[') || text.startsWith(u'{')) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError) {
                collectText(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), out,
                            depth + 1);
                return;
            }
        }
        if (!text.isEmpty()) {
            out.append(text);
        }
    } else if (value.isArray()) {
        for (const QJsonValue item : value.toArray()) {
            collectText(item, out, depth + 1);
        }
    } else if (value.isObject()) {
        static const QStringList structure{u"role"_s,      u"type"_s,  u"finish_reason"_s, u"id"_s,
                                           u"mime_type"_s, u"index"_s, u"modality"_s};
        const QJsonObject object = value.toObject();
        for (auto field = object.begin(); field != object.end(); ++field) {
            if (!structure.contains(field.key())) {
                collectText(field.value(), out, depth + 1);
            }
        }
    }
}

// Content attributes, by what they hold. Indexed older names (gen_ai.prompt.0.content,
// llm.input_messages.0.message.content) are matched by their prefix and suffix.
enum class ContentRole { None, System, Input, Output };

ContentRole contentRoleOf(const QString &key)
{
    static const QStringList system{u"gen_ai.system_instructions"_s, u"gen_ai.system.instructions"_s};
    static const QStringList input{u"gen_ai.input.messages"_s, u"gen_ai.prompt"_s, u"input.value"_s,
                                   u"gen_ai.tool.call.arguments"_s};
    static const QStringList output{u"gen_ai.output.messages"_s, u"gen_ai.completion"_s, u"output.value"_s,
                                    u"gen_ai.tool.call.result"_s};
    if (system.contains(key)) {
        return ContentRole::System;
    }
    if (input.contains(key)) {
        return ContentRole::Input;
    }
    if (output.contains(key)) {
        return ContentRole::Output;
    }
    const auto indexed = [&key](QStringView prefix, QStringView suffix) {
        return key.startsWith(prefix) && key.endsWith(suffix) && key.size() > prefix.size() + suffix.size();
    };
    if (indexed(u"gen_ai.prompt.", u".content") || indexed(u"llm.input_messages.", u".message.content")) {
        return key.contains(u".system") ? ContentRole::System : ContentRole::Input;
    }
    if (indexed(u"gen_ai.completion.", u".content") || indexed(u"llm.output_messages.", u".message.content")) {
        return ContentRole::Output;
    }
    return ContentRole::None;
}

struct Content
{
    QStringList system;
    QStringList input;
    QStringList output;
};

void collectContent(const Attributes &attributes, Content &content)
{
    for (const auto &[key, value] : attributes) {
        switch (contentRoleOf(key)) {
        case ContentRole::System: collectText(value, content.system, 0); break;
        case ContentRole::Input: collectText(value, content.input, 0); break;
        case ContentRole::Output: collectText(value, content.output, 0); break;
        case ContentRole::None: break;
        }
    }
}

QString clipped(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength) {
        return text;
    }
    // Never cut a surrogate pair in half.
    qsizetype cut = maxLength - 1;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate()) {
        --cut;
    }
    return text.left(cut) + u'…';
}

QString textOf(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isArray() || value.isObject()) {
        return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return value.toVariant().toString();
}

// What a span says about itself; its agent fields may still be filled from an ancestor.
struct ReadSpan
{
    OtlpSpan span;
    QString spanId;
    QString parentSpanId;
    bool namesAgent = false;
    bool aiActivity = false; // carries a GenAI or OpenInference attribute
};

// Attributes only GenAI instrumentations set: the GenAI conventions', OpenInference's and
// OpenLLMetry's.
bool isAiAttribute(const QString &key)
{
    return key.startsWith("gen_ai."_L1) || key.startsWith("llm."_L1) || key.startsWith("openinference."_L1)
        || key == "input.value"_L1 || key == "output.value"_L1;
}

QString operationFromOpenInference(const QString &spanKind)
{
    const QString kind = spanKind.toUpper();
    if (kind == "TOOL"_L1) {
        return u"execute_tool"_s;
    }
    if (kind == "AGENT"_L1) {
        return u"invoke_agent"_s;
    }
    if (kind == "LLM"_L1) {
        return u"chat"_s;
    }
    return spanKind.toLower();
}

QString spanKindText(const QJsonValue &kind)
{
    static const QStringList names{u"unspecified"_s, u"internal"_s, u"server"_s,
                                   u"client"_s,      u"producer"_s, u"consumer"_s};
    if (kind.isDouble()) {
        const int index = kind.toInt(-1);
        return index >= 0 && index < names.size() ? names.at(index) : QString();
    }
    const QString text = kind.toString().toLower();
    const QString name = text.startsWith("span_kind_"_L1) ? text.mid(10) : text;
    return names.contains(name) ? name : QString();
}

// Status code 2 (STATUS_CODE_ERROR) is a failure; 0 and 1 are not.
Checked readStatus(const QJsonValue &value, const QString &path, bool &failed, QString &message)
{
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    if (!value.isObject()) {
        return Problem{path, translated("expected an object {code, message}")};
    }
    const QJsonObject status = value.toObject();
    const QJsonValue code = status.value("code"_L1);
    if (code.isDouble() && code.toInt(-1) >= 0 && code.toInt(-1) <= 2) {
        failed = code.toInt() == 2;
    } else if (code.isString()
               && QStringList{u"STATUS_CODE_UNSET"_s, u"STATUS_CODE_OK"_s, u"STATUS_CODE_ERROR"_s}.contains(
                   code.toString())) {
        failed = code.toString() == "STATUS_CODE_ERROR"_L1;
    } else if (!code.isUndefined() && !code.isNull()) {
        return Problem{path + u".code"_s, translated("expected 0, 1, 2 or a STATUS_CODE_ name")};
    }
    const QJsonValue text = status.value("message"_L1);
    if (!text.isUndefined() && !text.isNull() && !text.isString()) {
        return Problem{path + u".message"_s, translated("expected a string")};
    }
    message = text.toString();
    return std::nullopt;
}

struct ResourceContext
{
    QString serviceName;
    QString scopeName;
};

Checked readSpan(const QJsonValue &value, const QString &path, const ResourceContext &resource, const QDateTime &now,
                 ReadSpan &out)
{
    if (!value.isObject()) {
        return Problem{path, translated("expected a span object")};
    }
    const QJsonObject object = value.toObject();
    OtlpSpan &span = out.span;
    if (Checked p = readHexId(object.value("traceId"_L1), path + u".traceId"_s, 32, true, span.traceId)) {
        return p;
    }
    if (Checked p = readHexId(object.value("spanId"_L1), path + u".spanId"_s, 16, true, out.spanId)) {
        return p;
    }
    if (Checked p =
            readHexId(object.value("parentSpanId"_L1), path + u".parentSpanId"_s, 16, false, out.parentSpanId)) {
        return p;
    }
    const QJsonValue nameValue = object.value("name"_L1);
    if (!nameValue.isUndefined() && !nameValue.isString()) {
        return Problem{path + u".name"_s, translated("expected a string")};
    }
    const QJsonValue kindValue = object.value("kind"_L1);
    const QString kind = spanKindText(kindValue);
    if (!kindValue.isUndefined() && kind.isEmpty()) {
        return Problem{path + u".kind"_s, translated("expected 0 to 5 or a SPAN_KIND_ name")};
    }
    qint64 startNanos = 0;
    qint64 endNanos = 0;
    if (Checked p = readNanos(object.value("startTimeUnixNano"_L1), path + u".startTimeUnixNano"_s, startNanos)) {
        return p;
    }
    if (Checked p = readNanos(object.value("endTimeUnixNano"_L1), path + u".endTimeUnixNano"_s, endNanos)) {
        return p;
    }
    if (startNanos == 0) {
        return Problem{path + u".startTimeUnixNano"_s, translated("required")};
    }
    if (endNanos == 0) {
        endNanos = startNanos;
    }
    if (endNanos < startNanos) {
        return Problem{path + u".endTimeUnixNano"_s, translated("is before startTimeUnixNano")};
    }
    // Rounded to the millisecond: a time sent as a JSON number is a double, a few hundred
    // nanoseconds off the integer, and cutting would move it to the previous millisecond.
    span.startedAt = QDateTime::fromMSecsSinceEpoch((startNanos + 500'000) / 1'000'000, Qt::UTC);
    span.endedAt = QDateTime::fromMSecsSinceEpoch((endNanos + 500'000) / 1'000'000, Qt::UTC);
    if (span.endedAt > now.addMSecs(ApiLimits::MaxClockSkewMs)) {
        return Problem{path + u".endTimeUnixNano"_s,
                       translated("is more than %1 hours ahead of the server's clock")
                           .arg(ApiLimits::MaxClockSkewMs / (60 * 60 * 1000))};
    }
    Attributes attributes;
    if (Checked p = readAttributes(object.value("attributes"_L1), path + u".attributes"_s, attributes)) {
        return p;
    }
    bool failed = false;
    QString statusMessage;
    if (Checked p = readStatus(object.value("status"_L1), path + u".status"_s, failed, statusMessage)) {
        return p;
    }

    // Span events: exceptions say what went wrong; older instrumentations put content in
    // events (gen_ai.content.prompt with a gen_ai.prompt attribute) rather than on the span.
    Content content;
    QStringList exceptions;
    const QJsonValue eventsValue = object.value("events"_L1);
    if (!eventsValue.isUndefined() && !eventsValue.isNull() && !eventsValue.isArray()) {
        return Problem{path + u".events"_s, translated("expected an array")};
    }
    const QJsonArray events = eventsValue.toArray();
    if (events.size() > kMaxEventsPerSpan) {
        return Problem{path + u".events"_s,
                       translated("%1 events; at most %2 are accepted").arg(events.size()).arg(kMaxEventsPerSpan)};
    }
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString eventPath = itemPath(path, u"events"_s, i);
        if (!events.at(i).isObject()) {
            return Problem{eventPath, translated("expected an event object")};
        }
        Attributes eventAttributes;
        if (Checked p = readAttributes(events.at(i).toObject().value("attributes"_L1), eventPath + u".attributes"_s,
                                       eventAttributes)) {
            return p;
        }
        if (events.at(i).toObject().value("name"_L1).toString() == "exception"_L1) {
            const QString text = QStringList{textOf(attribute(eventAttributes, u"exception.type"_s)),
                                             textOf(attribute(eventAttributes, u"exception.message"_s))}
                                     .filter(QRegularExpression(u"\\S"_s))
                                     .join(u": "_s);
            if (!text.isEmpty()) {
                exceptions.append(text);
            }
        }
        collectContent(eventAttributes, content);
        out.aiActivity = out.aiActivity
            || std::any_of(eventAttributes.cbegin(), eventAttributes.cend(),
                           [](const auto &entry) { return isAiAttribute(entry.first); });
    }
    collectContent(attributes, content);
    out.aiActivity = out.aiActivity || std::any_of(attributes.cbegin(), attributes.cend(), [](const auto &entry) {
                         return isAiAttribute(entry.first);
                     });

    if (Checked p = readName(attributes, u"gen_ai.agent.id"_s, path, span.agentRef)) {
        return p;
    }
    if (Checked p = readName(attributes, u"gen_ai.agent.name"_s, path, span.agentName)) {
        return p;
    }
    if (Checked p = readName(attributes, u"gen_ai.agent.version"_s, path, span.agentVersion)) {
        return p;
    }
    QString operation;
    if (Checked p = readName(attributes, u"gen_ai.operation.name"_s, path, operation)) {
        return p;
    }
    QString openInferenceKind;
    if (Checked p = readName(attributes, u"openinference.span.kind"_s, path, openInferenceKind)) {
        return p;
    }
    if (operation.isEmpty() && !openInferenceKind.isEmpty()) {
        operation = operationFromOpenInference(openInferenceKind);
    }
    QString requestModel;
    QString responseModel;
    QString toolName;
    QString toolCallId;
    for (const auto &[key, target] :
         {std::pair{u"gen_ai.request.model"_s, &requestModel}, std::pair{u"gen_ai.response.model"_s, &responseModel},
          std::pair{u"llm.model_name"_s, &responseModel}, std::pair{u"gen_ai.tool.name"_s, &toolName},
          std::pair{u"tool.name"_s, &toolName}, std::pair{u"gen_ai.tool.call.id"_s, &toolCallId}}) {
        if (target->isEmpty()) {
            if (Checked p = readName(attributes, key, path, *target)) {
                return p;
            }
        }
    }
    span.model = requestModel.isEmpty() ? responseModel : requestModel;
    ActivityEvent &event = span.event;
    if (Checked p = readCount(
            attributes, {u"gen_ai.usage.input_tokens"_s, u"gen_ai.usage.prompt_tokens"_s, u"llm.token_count.prompt"_s},
            path, event.tokensIn)) {
        return p;
    }
    if (Checked p = readCount(
            attributes,
            {u"gen_ai.usage.output_tokens"_s, u"gen_ai.usage.completion_tokens"_s, u"llm.token_count.completion"_s},
            path, event.tokensOut)) {
        return p;
    }
    if (Checked p = readCost(attributes, path, event.cost)) {
        return p;
    }
    if (!attribute(attributes, u"error.type"_s).isUndefined()) {
        failed = true;
        if (statusMessage.isEmpty()) {
            statusMessage = textOf(attribute(attributes, u"error.type"_s));
        }
    }

    out.namesAgent = !span.agentRef.isEmpty() || !span.agentName.isEmpty();
    if (span.agentName.isEmpty()) {
        span.agentName = resource.serviceName;
    }
    span.failed = failed;
    span.isAgentSpan = operation == "invoke_agent"_L1 || out.parentSpanId.isEmpty();

    const QString spanName = nameValue.toString().trimmed();
    const QString output = content.output.join(u'\n');
    if (failed) {
        event.kind = QString::fromLatin1(EventKinds::Error);
    } else if (operation == "execute_tool"_L1) {
        event.kind = QString::fromLatin1(EventKinds::ToolCall);
    } else if ((operation == "invoke_agent"_L1 || operation == "create_agent"_L1) && !output.isEmpty()) {
        event.kind = QString::fromLatin1(EventKinds::Output);
    } else {
        event.kind = QString::fromLatin1(EventKinds::Step);
    }
    event.status = failed ? u"error"_s : u"ok"_s;
    QString summary = spanName.isEmpty() ? operation : spanName;
    if (summary.isEmpty()) {
        summary = translated("span %1").arg(out.spanId);
    }
    if (failed && !statusMessage.isEmpty()) {
        summary += u": "_s + statusMessage.simplified();
    }
    event.summary = clipped(summary.simplified(), ApiLimits::MaxSummaryLength);
    // The searchable text: what went wrong first, then what came out, then what went in.
    QStringList sections;
    if (failed) {
        sections.append(QStringList{statusMessage}.filter(QRegularExpression(u"\\S"_s)) + exceptions);
    }
    sections << output << content.input.join(u'\n') << content.system.join(u'\n');
    sections.removeAll(QString());
    event.detail = clipped(sections.join(u"\n\n"_s), ApiLimits::MaxDetailLength);
    event.clientId = u"otlp:%1:%2"_s.arg(span.traceId, out.spanId);
    event.time = span.startedAt;
    event.spanId = out.spanId;
    event.parentSpanId = out.parentSpanId;
    event.latencyMs = span.startedAt.msecsTo(span.endedAt);

    QJsonObject kept;
    for (const auto &[key, attributeValue] : std::as_const(attributes)) {
        if (kept.size() >= kMaxBodyAttributes) {
            break;
        }
        if (contentRoleOf(key) == ContentRole::None) {
            kept.insert(key,
                        attributeValue.isString() ? QJsonValue(clipped(attributeValue.toString(), kMaxBodyStringLength))
                                                  : QJsonValue(clipped(textOf(attributeValue), kMaxBodyStringLength)));
        }
    }
    QJsonObject otlp{{u"traceId"_s, span.traceId},
                     {u"name"_s, clipped(spanName, kMaxBodyStringLength)},
                     {u"startTimeUnixNano"_s, QString::number(startNanos)},
                     {u"endTimeUnixNano"_s, QString::number(endNanos)},
                     {u"attributes"_s, kept}};
    const QList<std::pair<QString, QString>> facts{{u"kind"_s, kind},
                                                   {u"operation"_s, operation},
                                                   {u"service"_s, resource.serviceName},
                                                   {u"scope"_s, resource.scopeName},
                                                   {u"agentVersion"_s, span.agentVersion},
                                                   {u"model"_s, span.model},
                                                   {u"tool"_s, toolName},
                                                   {u"toolCallId"_s, toolCallId}};
    for (const auto &[key, text] : facts) {
        if (!text.isEmpty()) {
            otlp.insert(key, clipped(text, kMaxBodyStringLength));
        }
    }
    event.body = QJsonObject{{u"otlp"_s, otlp}};
    return std::nullopt;
}

Result<QJsonArray> arrayField(const QJsonObject &object, const QString &key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return QJsonArray();
    }
    if (!value.isArray()) {
        return Error{Error::Code::Invalid, translated("%1: expected an array").arg(path)};
    }
    return value.toArray();
}

Result<QJsonObject> objectAt(const QJsonArray &array, qsizetype index, const QString &path)
{
    if (!array.at(index).isObject()) {
        return Error{Error::Code::Invalid, translated("%1: expected an object").arg(path)};
    }
    return array.at(index).toObject();
}

// Spans that name no agent of their own (a chat span inside an invoke_agent span) belong to
// the nearest ancestor in the request that does.
void inheritAgents(QList<ReadSpan> &spans)
{
    QHash<QString, qsizetype> byId;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        byId.insert(spans.at(i).span.traceId + spans.at(i).spanId, i);
    }
    for (ReadSpan &read : spans) {
        if (read.namesAgent) {
            continue;
        }
        QString parent = read.parentSpanId;
        // A parent chain in a hostile request may loop; no honest trace is this deep.
        for (int hops = 0; !parent.isEmpty() && hops < 256; ++hops) {
            const qsizetype index = byId.value(read.span.traceId + parent, -1);
            if (index < 0) {
                break;
            }
            const ReadSpan &ancestor = spans.at(index);
            if (ancestor.namesAgent) {
                read.span.agentRef = ancestor.span.agentRef;
                read.span.agentName = ancestor.span.agentName;
                if (read.span.agentVersion.isEmpty()) {
                    read.span.agentVersion = ancestor.span.agentVersion;
                }
                break;
            }
            parent = ancestor.parentSpanId;
        }
    }
}

// Instrumented applications send their other spans too (HTTP servers, database calls). A span
// is agent activity when it carries a GenAI attribute or sits below one that does in the same
// request; the others are left out, neither recorded nor rejected. A span of agent activity
// whose parent was left out is the outermost agent work there: it ends its run.
QList<ReadSpan> agentActivity(QList<ReadSpan> spans, qsizetype &skipped)
{
    QHash<QString, qsizetype> byId;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        byId.insert(spans.at(i).span.traceId + spans.at(i).spanId, i);
    }
    QList<bool> kept(spans.size(), false);
    for (qsizetype i = 0; i < spans.size(); ++i) {
        QString parent = spans.at(i).parentSpanId;
        bool ai = spans.at(i).aiActivity;
        for (int hops = 0; !ai && !parent.isEmpty() && hops < 256; ++hops) {
            const qsizetype index = byId.value(spans.at(i).span.traceId + parent, -1);
            if (index < 0) {
                break;
            }
            ai = spans.at(index).aiActivity;
            parent = spans.at(index).parentSpanId;
        }
        kept[i] = ai;
    }
    QList<ReadSpan> activity;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (!kept.at(i)) {
            ++skipped;
            continue;
        }
        const qsizetype parent = byId.value(spans.at(i).span.traceId + spans.at(i).parentSpanId, -1);
        if (parent >= 0 && !kept.at(parent)) {
            spans[i].span.isAgentSpan = true;
        }
        activity.append(std::move(spans[i]));
    }
    return activity;
}

} // namespace

namespace OtlpMapper {

Result<OtlpBatch> map(const QJsonObject &request, const QDateTime &now)
{
    const Result<QJsonArray> resourceSpans = arrayField(request, u"resourceSpans"_s, u"resourceSpans"_s);
    if (!resourceSpans) {
        return resourceSpans.error();
    }
    // The envelope first, whole: a request that is not shaped like OTLP is refused before any
    // of it is read, and the span count is known before any span is.
    struct Scope
    {
        QString path;
        ResourceContext context;
        QJsonArray spans;
        Attributes resourceAttributes;
        std::optional<Problem> resourceProblem;
    };
    QList<Scope> scopes;
    qsizetype spanCount = 0;
    for (qsizetype r = 0; r < resourceSpans->size(); ++r) {
        const QString resourcePath = u"resourceSpans[%1]"_s.arg(r);
        const Result<QJsonObject> resource = objectAt(resourceSpans.value(), r, resourcePath);
        if (!resource) {
            return resource.error();
        }
        const QJsonValue resourceValue = resource->value("resource"_L1);
        if (!resourceValue.isUndefined() && !resourceValue.isNull() && !resourceValue.isObject()) {
            return Error{Error::Code::Invalid, translated("%1.resource: expected an object").arg(resourcePath)};
        }
        Attributes resourceAttributes;
        std::optional<Problem> resourceProblem =
            readAttributes(resourceValue.toObject().value("attributes"_L1), resourcePath + u".resource.attributes"_s,
                           resourceAttributes);
        const Result<QJsonArray> scopeSpans =
            arrayField(resource.value(), u"scopeSpans"_s, resourcePath + u".scopeSpans"_s);
        if (!scopeSpans) {
            return scopeSpans.error();
        }
        for (qsizetype s = 0; s < scopeSpans->size(); ++s) {
            const QString scopePath = u"%1.scopeSpans[%2]"_s.arg(resourcePath).arg(s);
            const Result<QJsonObject> scope = objectAt(scopeSpans.value(), s, scopePath);
            if (!scope) {
                return scope.error();
            }
            const Result<QJsonArray> spans = arrayField(scope.value(), u"spans"_s, scopePath + u".spans"_s);
            if (!spans) {
                return spans.error();
            }
            spanCount += spans->size();
            Scope entry{scopePath, {}, spans.value(), resourceAttributes, resourceProblem};
            entry.context.serviceName = textOf(attribute(resourceAttributes, u"service.name"_s)).trimmed();
            entry.context.scopeName = scope->value("scope"_L1).toObject().value("name"_L1).toString();
            scopes.append(entry);
        }
    }
    if (spanCount > ApiLimits::MaxEventsPerBatch) {
        return Error{Error::Code::TooLarge,
                     translated("The request holds %1 spans; at most %2 are accepted in one "
                                "request, send the rest in further requests.")
                         .arg(spanCount)
                         .arg(ApiLimits::MaxEventsPerBatch)};
    }

    OtlpBatch batch;
    QList<ReadSpan> read;
    const auto reject = [&batch](const Problem &problem) {
        ++batch.rejectedSpans;
        batch.problems.append(u"%1: %2"_s.arg(problem.path, problem.message));
    };
    for (const Scope &scope : std::as_const(scopes)) {
        if (scope.resourceProblem) {
            for (qsizetype i = 0; i < scope.spans.size(); ++i) {
                reject(*scope.resourceProblem);
            }
            continue;
        }
        if (scope.context.serviceName.size() > kMaxNameLength) {
            for (qsizetype i = 0; i < scope.spans.size(); ++i) {
                reject({scope.path, translated("service.name: longer than %1 characters").arg(kMaxNameLength)});
            }
            continue;
        }
        for (qsizetype i = 0; i < scope.spans.size(); ++i) {
            ReadSpan span;
            if (const Checked problem =
                    readSpan(scope.spans.at(i), itemPath(scope.path, u"spans"_s, i), scope.context, now, span)) {
                reject(*problem);
            } else {
                read.append(std::move(span));
            }
        }
    }
    inheritAgents(read);
    for (ReadSpan &span : agentActivity(std::move(read), batch.skippedSpans)) {
        batch.spans.append(std::move(span.span));
    }
    return batch;
}

QString nodeNameFor(const QString &agentName)
{
    QString name;
    for (const QChar c : agentName.trimmed().toLower()) {
        const bool allowed =
            (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
        if (allowed) {
            name += c;
        } else if (!name.endsWith(u'-')) {
            name += u'-';
        }
    }
    while (!name.isEmpty() && !name.front().isLetterOrNumber()) {
        name.remove(0, 1);
    }
    name.truncate(64);
    while (name.endsWith(u'-')) {
        name.chop(1);
    }
    if (name.isEmpty()) {
        // A name of no Latin letters or digits at all still needs a stable node name of its own.
        name = u"agent-"_s
            + QString::fromLatin1(
                   QCryptographicHash::hash(agentName.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
    }
    return name;
}

} // namespace OtlpMapper

} // namespace steward
