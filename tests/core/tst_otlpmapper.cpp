// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading OTLP/HTTP JSON traces: the GenAI semantic conventions under their current and older
// names and OpenInference's all give the same kinds, tokens and searchable text; times come as
// strings or numbers; hostile shapes are refused with the place and the reason, never a crash.
#include "api/apilimits.h"
#include "otlp/otlpmapper.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace steward;
using namespace Qt::StringLiterals;

namespace {

const QString traceId = QStringLiteral("5b8efff798038103d269b633813fc60c");
const QString spanId = QStringLiteral("eee19b7ec3c1b174");
const QString parentId = QStringLiteral("eee19b7ec3c1b173");
const QDateTime now(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC);
// 2026-05-04 08:59:58.250 UTC in nanoseconds.
const qint64 startNanos = (now.toMSecsSinceEpoch() - 1750) * 1'000'000LL;

QJsonObject text(const QString &value)
{
    return {{QStringLiteral("stringValue"), value}};
}

QJsonObject whole(qint64 value)
{
    // proto3 JSON sends 64-bit integers as strings.
    return {{QStringLiteral("intValue"), QString::number(value)}};
}

QJsonObject attribute(const QString &key, const QJsonValue &value)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

// A span from a GenAI instrumentation (it says which system it called), with these attributes.
QJsonObject span(QJsonArray attributes)
{
    attributes.prepend(attribute(QStringLiteral("gen_ai.system"), text(QStringLiteral("openai"))));
    return {{QStringLiteral("traceId"), traceId},
            {QStringLiteral("spanId"), spanId},
            {QStringLiteral("parentSpanId"), parentId},
            {QStringLiteral("name"), QStringLiteral("chat gpt-4o")},
            {QStringLiteral("kind"), 3},
            {QStringLiteral("startTimeUnixNano"), QString::number(startNanos)},
            {QStringLiteral("endTimeUnixNano"), QString::number(startNanos + 1'250'000'000LL)},
            {QStringLiteral("attributes"), attributes},
            {QStringLiteral("status"), QJsonObject{}}};
}

QJsonObject request(const QJsonArray &spans, const QString &serviceName = QStringLiteral("support-bot"))
{
    const QJsonObject resource{
        {QStringLiteral("attributes"), QJsonArray{attribute(QStringLiteral("service.name"), text(serviceName))}}};
    const QJsonObject scope{{QStringLiteral("scope"), QJsonObject{{QStringLiteral("name"), QStringLiteral("test")}}},
                            {QStringLiteral("spans"), spans}};
    return {{QStringLiteral("resourceSpans"),
             QJsonArray{QJsonObject{{QStringLiteral("resource"), resource},
                                    {QStringLiteral("scopeSpans"), QJsonArray{scope}}}}}};
}

QString json(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// The current conventions' message list: [{"role", "parts": [{"type": "text", "content"}]}].
QString messages(const QString &role, const QString &content)
{
    return json(QJsonArray{QJsonObject{{QStringLiteral("role"), role},
                                       {QStringLiteral("parts"),
                                        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                               {QStringLiteral("content"), content}}}}}});
}

QJsonObject nested(int depth)
{
    QJsonObject value = text(QStringLiteral("bottom"));
    for (int i = 0; i < depth; ++i) {
        value = QJsonObject{{QStringLiteral("arrayValue"), QJsonObject{{QStringLiteral("values"), QJsonArray{value}}}}};
    }
    return value;
}

} // namespace

class TestOtlpMapper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conventions_data();
    void conventions();
    void times_data();
    void times();
    void hostileSpans_data();
    void hostileSpans();
    void malformedEnvelope_data();
    void malformedEnvelope();
    void tooManySpans_isTooLarge();
    void partlyValidRequest_keepsTheGoodSpans();
    void hugeContent_isClippedNotRefused();
    void deeplyNestedJsonInAString_isReadAsText();
    void spanWithoutAgent_takesItsAncestorsOrTheService();
    void contentInSpanEvents_isSearchable();
    void spansOutsideAgentWork_areLeftOut();
    void clientId_isTraceAndSpan();
    void nodeNameFor_data();
    void nodeNameFor();
};

void TestOtlpMapper::conventions_data()
{
    QTest::addColumn<QJsonArray>("attributes");
    QTest::addColumn<QJsonObject>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("tokensIn");
    QTest::addColumn<qint64>("tokensOut");
    QTest::addColumn<QStringList>("detailHolds");
    QTest::addColumn<QString>("agentName");

    const QString service = QStringLiteral("support-bot");
    QTest::newRow("current GenAI chat, messages as JSON text")
        << QJsonArray{attribute(QStringLiteral("gen_ai.operation.name"), text(QStringLiteral("chat"))),
                      attribute(QStringLiteral("gen_ai.request.model"), text(QStringLiteral("gpt-4o"))),
                      attribute(QStringLiteral("gen_ai.usage.input_tokens"), whole(120)),
                      attribute(QStringLiteral("gen_ai.usage.output_tokens"), whole(45)),
                      attribute(QStringLiteral("gen_ai.input.messages"),
                                text(messages(QStringLiteral("user"), QStringLiteral("Where is my parcel?")))),
                      attribute(QStringLiteral("gen_ai.output.messages"),
                                text(messages(QStringLiteral("assistant"), QStringLiteral("It ships tomorrow.")))),
                      attribute(QStringLiteral("gen_ai.system_instructions"),
                                text(QStringLiteral(R"([{"type":"text","content":"Be brief."}])")))}
        << QJsonObject{} << u"step"_s << qint64(120) << qint64(45)
        << QStringList{u"Where is my parcel?"_s, u"It ships tomorrow."_s, u"Be brief."_s} << service;
    const QJsonObject structured{
        {QStringLiteral("arrayValue"),
         QJsonObject{{QStringLiteral("values"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("kvlistValue"),
                           QJsonObject{{QStringLiteral("values"),
                                        QJsonArray{attribute(QStringLiteral("role"), text(QStringLiteral("user"))),
                                                   attribute(QStringLiteral("content"),
                                                             text(QStringLiteral("Zurück zur Bestellung")))}}}}}}}}}};
    QTest::newRow("structured messages (arrayValue of kvlistValue)")
        << QJsonArray{attribute(QStringLiteral("gen_ai.operation.name"), text(QStringLiteral("chat"))),
                      attribute(QStringLiteral("gen_ai.input.messages"), structured)}
        << QJsonObject{} << u"step"_s << qint64(0) << qint64(0) << QStringList{u"Zurück zur Bestellung"_s} << service;
    QTest::newRow("older names: prompt_tokens, indexed prompt and completion")
        << QJsonArray{attribute(QStringLiteral("gen_ai.usage.prompt_tokens"), whole(7)),
                      attribute(QStringLiteral("gen_ai.usage.completion_tokens"), whole(3)),
                      attribute(QStringLiteral("gen_ai.prompt.0.role"), text(QStringLiteral("user"))),
                      attribute(QStringLiteral("gen_ai.prompt.0.content"), text(QStringLiteral("Translate hello"))),
                      attribute(QStringLiteral("gen_ai.completion.0.content"), text(QStringLiteral("Привет")))}
        << QJsonObject{} << u"step"_s << qint64(7) << qint64(3) << QStringList{u"Translate hello"_s, u"Привет"_s}
        << service;
    QTest::newRow("older names: gen_ai.prompt and gen_ai.completion as text")
        << QJsonArray{attribute(QStringLiteral("gen_ai.prompt"), text(QStringLiteral("Summarise the ticket"))),
                      attribute(QStringLiteral("gen_ai.completion"), text(QStringLiteral("Refund requested")))}
        << QJsonObject{} << u"step"_s << qint64(0) << qint64(0)
        << QStringList{u"Summarise the ticket"_s, u"Refund requested"_s} << service;
    QTest::newRow("OpenInference LLM span")
        << QJsonArray{attribute(QStringLiteral("openinference.span.kind"), text(QStringLiteral("LLM"))),
                      attribute(QStringLiteral("input.value"), text(QStringLiteral("What is our refund policy?"))),
                      attribute(QStringLiteral("output.value"), text(QStringLiteral("Thirty days."))),
                      attribute(QStringLiteral("llm.token_count.prompt"),
                                QJsonObject{{QStringLiteral("intValue"), 11}}),
                      attribute(QStringLiteral("llm.token_count.completion"), whole(4))}
        << QJsonObject{} << u"step"_s << qint64(11) << qint64(4)
        << QStringList{u"What is our refund policy?"_s, u"Thirty days."_s} << service;
    QTest::newRow("OpenInference TOOL span is a tool call")
        << QJsonArray{attribute(QStringLiteral("openinference.span.kind"), text(QStringLiteral("TOOL"))),
                      attribute(QStringLiteral("tool.name"), text(QStringLiteral("lookup_order")))}
        << QJsonObject{} << u"tool.call"_s << qint64(0) << qint64(0) << QStringList{} << service;
    QTest::newRow("execute_tool with arguments and result")
        << QJsonArray{attribute(QStringLiteral("gen_ai.operation.name"), text(QStringLiteral("execute_tool"))),
                      attribute(QStringLiteral("gen_ai.tool.name"), text(QStringLiteral("get_weather"))),
                      attribute(QStringLiteral("gen_ai.tool.call.id"), text(QStringLiteral("call_1"))),
                      attribute(QStringLiteral("gen_ai.tool.call.arguments"),
                                text(QStringLiteral(R"({"location":"Paris"})"))),
                      attribute(QStringLiteral("gen_ai.tool.call.result"), text(QStringLiteral("rainy, 57°F")))}
        << QJsonObject{} << u"tool.call"_s << qint64(0) << qint64(0) << QStringList{u"Paris"_s, u"rainy, 57°F"_s}
        << service;
    QTest::newRow("invoke_agent with an output is the output")
        << QJsonArray{attribute(QStringLiteral("gen_ai.operation.name"), text(QStringLiteral("invoke_agent"))),
                      attribute(QStringLiteral("gen_ai.agent.name"), text(QStringLiteral("Refund Bot"))),
                      attribute(QStringLiteral("gen_ai.output.messages"),
                                text(messages(QStringLiteral("assistant"), QStringLiteral("Refund approved."))))}
        << QJsonObject{} << u"output"_s << qint64(0) << qint64(0) << QStringList{u"Refund approved."_s}
        << u"Refund Bot"_s;
    QTest::newRow("error status with its message")
        << QJsonArray{attribute(QStringLiteral("gen_ai.operation.name"), text(QStringLiteral("chat")))}
        << QJsonObject{{QStringLiteral("code"), 2}, {QStringLiteral("message"), QStringLiteral("rate limited")}}
        << u"error"_s << qint64(0) << qint64(0) << QStringList{u"rate limited"_s} << service;
    QTest::newRow("error status as its enum name, error.type")
        << QJsonArray{attribute(QStringLiteral("error.type"), text(QStringLiteral("timeout")))}
        << QJsonObject{{QStringLiteral("code"), QStringLiteral("STATUS_CODE_ERROR")}} << u"error"_s << qint64(0)
        << qint64(0) << QStringList{u"timeout"_s} << service;
}

void TestOtlpMapper::conventions()
{
    QFETCH(QJsonArray, attributes);
    QFETCH(QJsonObject, status);
    QFETCH(QString, kind);
    QFETCH(qint64, tokensIn);
    QFETCH(qint64, tokensOut);
    QFETCH(QStringList, detailHolds);
    QFETCH(QString, agentName);

    QJsonObject sent = span(attributes);
    sent.insert(QStringLiteral("status"), status);
    const Result<OtlpBatch> batch = OtlpMapper::map(request({sent}), now);
    QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
    QVERIFY2(batch->problems.isEmpty(), qPrintable(batch->problems.join(u'\n')));
    QCOMPARE(batch->spans.size(), 1);
    const OtlpSpan &read = batch->spans.constFirst();
    QCOMPARE(read.event.kind, kind);
    QCOMPARE(read.event.status, kind == u"error"_s ? u"error"_s : u"ok"_s);
    QCOMPARE(read.event.tokensIn, tokensIn);
    QCOMPARE(read.event.tokensOut, tokensOut);
    QCOMPARE(read.agentName, agentName);
    for (const QString &expected : detailHolds) {
        QVERIFY2(read.event.detail.contains(expected), qPrintable(read.event.detail));
    }
    // The content is in the searchable detail, not duplicated in the body.
    QVERIFY(!json(read.event.body).contains(u"gen_ai.input.messages"_s));
    QCOMPARE(read.event.body.value(u"otlp"_s).toObject().value(u"traceId"_s).toString(), traceId);
}

void TestOtlpMapper::times_data()
{
    QTest::addColumn<QJsonValue>("start");
    QTest::addColumn<QJsonValue>("end");
    QTest::addColumn<qint64>("latencyMs");

    QTest::newRow("strings") << QJsonValue(QString::number(startNanos))
                             << QJsonValue(QString::number(startNanos + 1'250'000'000LL)) << qint64(1250);
    // A double carries a nanosecond time to about 256 ns: plenty for milliseconds.
    QTest::newRow("numbers") << QJsonValue(double(startNanos)) << QJsonValue(double(startNanos + 40'000'000LL))
                             << qint64(40);
    QTest::newRow("no end: an instant") << QJsonValue(QString::number(startNanos)) << QJsonValue() << qint64(0);
}

void TestOtlpMapper::times()
{
    QFETCH(QJsonValue, start);
    QFETCH(QJsonValue, end);
    QFETCH(qint64, latencyMs);

    QJsonObject sent = span({});
    sent.insert(QStringLiteral("startTimeUnixNano"), start);
    if (end.isNull()) {
        sent.remove(QStringLiteral("endTimeUnixNano"));
    } else {
        sent.insert(QStringLiteral("endTimeUnixNano"), end);
    }
    const Result<OtlpBatch> batch = OtlpMapper::map(request({sent}), now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 1);
    QCOMPARE(batch->spans.constFirst().event.time, now.addMSecs(-1750));
    QCOMPARE(batch->spans.constFirst().event.latencyMs, latencyMs);
}

void TestOtlpMapper::hostileSpans_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem");

    const auto attributes = [](const QString &key, const QJsonValue &value) {
        return QJsonValue(QJsonArray{attribute(key, value)});
    };
    QTest::newRow("no trace id") << u"traceId"_s << QJsonValue() << u"spans[0].traceId: required"_s;
    QTest::newRow("short trace id") << u"traceId"_s << QJsonValue(u"abc"_s) << u"spans[0].traceId: expected 32"_s;
    QTest::newRow("base64 span id") << u"spanId"_s << QJsonValue(u"7uGbfsPBsXQ="_s) << u"spans[0].spanId"_s;
    QTest::newRow("span id of zeros") << u"spanId"_s << QJsonValue(u"0000000000000000"_s) << u"all zeros"_s;
    QTest::newRow("trace id a number") << u"traceId"_s << QJsonValue(42) << u"spans[0].traceId"_s;
    QTest::newRow("no start") << u"startTimeUnixNano"_s << QJsonValue() << u"startTimeUnixNano: required"_s;
    QTest::newRow("start as words") << u"startTimeUnixNano"_s << QJsonValue(u"yesterday"_s)
                                    << u"startTimeUnixNano: expected nanoseconds"_s;
    QTest::newRow("start as bool") << u"startTimeUnixNano"_s << QJsonValue(true) << u"startTimeUnixNano"_s;
    QTest::newRow("start negative") << u"startTimeUnixNano"_s << QJsonValue(-5) << u"startTimeUnixNano"_s;
    QTest::newRow("end before start") << u"endTimeUnixNano"_s << QJsonValue(QString::number(startNanos - 1'000'000))
                                      << u"is before startTimeUnixNano"_s;
    QTest::newRow("end far in the future")
        << u"endTimeUnixNano"_s << QJsonValue(QString::number(startNanos + 3 * 86'400'000'000'000LL))
        << u"ahead of the server's clock"_s;
    QTest::newRow("name a number") << u"name"_s << QJsonValue(7) << u"spans[0].name: expected a string"_s;
    QTest::newRow("kind unknown") << u"kind"_s << QJsonValue(u"SPAN_KIND_SIDEWAYS"_s) << u"spans[0].kind"_s;
    QTest::newRow("status code 7") << u"status"_s << QJsonValue(QJsonObject{{u"code"_s, 7}})
                                   << u"spans[0].status.code"_s;
    QTest::newRow("attributes an object")
        << u"attributes"_s << QJsonValue(QJsonObject{}) << u"spans[0].attributes: expected an array"_s;
    QTest::newRow("attribute without key")
        << u"attributes"_s << QJsonValue(QJsonArray{QJsonObject{{u"value"_s, text(u"x"_s)}}})
        << u"spans[0].attributes[0]: expected an object with a non-empty \"key\""_s;
    QTest::newRow("value not an AnyValue") << u"attributes"_s << attributes(u"a"_s, QJsonValue(u"plain"_s))
                                           << u"attributes[0].value: expected an AnyValue"_s;
    QTest::newRow("two values at once") << u"attributes"_s
                                        << attributes(u"a"_s,
                                                      QJsonObject{{u"stringValue"_s, u"x"_s}, {u"boolValue"_s, true}})
                                        << u"exactly one of"_s;
    QTest::newRow("unknown value type") << u"attributes"_s << attributes(u"a"_s, QJsonObject{{u"blobValue"_s, u"x"_s}})
                                        << u"unknown AnyValue field \"blobValue\""_s;
    QTest::newRow("intValue not a number")
        << u"attributes"_s << attributes(u"a"_s, QJsonObject{{u"intValue"_s, u"12abc"_s}})
        << u"intValue: expected a whole number"_s;
    QTest::newRow("stringValue a number") << u"attributes"_s << attributes(u"a"_s, QJsonObject{{u"stringValue"_s, 5}})
                                          << u"stringValue: expected a string"_s;
    QTest::newRow("tokens as text") << u"attributes"_s << attributes(u"gen_ai.usage.input_tokens"_s, text(u"many"_s))
                                    << u"gen_ai.usage.input_tokens: expected a whole number"_s;
    QTest::newRow("negative tokens") << u"attributes"_s << attributes(u"gen_ai.usage.output_tokens"_s, whole(-3))
                                     << u"gen_ai.usage.output_tokens: expected a whole number of at least 0"_s;
    QTest::newRow("agent name a list")
        << u"attributes"_s
        << attributes(u"gen_ai.agent.name"_s,
                      QJsonObject{{u"arrayValue"_s, QJsonObject{{u"values"_s, QJsonArray{text(u"a"_s)}}}}})
        << u"gen_ai.agent.name: expected a string"_s;
    QTest::newRow("agent name huge") << u"attributes"_s << attributes(u"gen_ai.agent.name"_s, text(QString(300, u'a')))
                                     << u"gen_ai.agent.name: longer than 256"_s;
    QTest::newRow("deep nesting") << u"attributes"_s << attributes(u"a"_s, nested(40))
                                  << u"nested deeper than 8 levels"_s;
    QJsonArray many;
    for (int i = 0; i < 2000; ++i) {
        many.append(attribute(u"k%1"_s.arg(i), text(u"v"_s)));
    }
    QTest::newRow("too many attributes") << u"attributes"_s << QJsonValue(many) << u"2000 attributes; at most 1024"_s;
    QTest::newRow("events not a list") << u"events"_s << QJsonValue(u"boom"_s)
                                       << u"spans[0].events: expected an array"_s;
    QTest::newRow("event attribute broken")
        << u"events"_s << QJsonValue(QJsonArray{QJsonObject{{u"name"_s, u"exception"_s}, {u"attributes"_s, u"x"_s}}})
        << u"spans[0].events[0].attributes: expected an array"_s;
}

void TestOtlpMapper::hostileSpans()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);

    QJsonObject sent = span({});
    if (value.isNull()) {
        sent.remove(field);
    } else {
        sent.insert(field, value);
    }
    const Result<OtlpBatch> batch = OtlpMapper::map(request({sent}), now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 0);
    QCOMPARE(batch->rejectedSpans, 1);
    QCOMPARE(batch->problems.size(), 1);
    QVERIFY2(batch->problems.constFirst().startsWith(u"resourceSpans[0].scopeSpans[0].spans[0]"_s),
             qPrintable(batch->problems.constFirst()));
    QVERIFY2(batch->problems.constFirst().contains(problem), qPrintable(batch->problems.constFirst()));
}

void TestOtlpMapper::malformedEnvelope_data()
{
    QTest::addColumn<QJsonObject>("sent");
    QTest::addColumn<QString>("problem");

    QTest::newRow("resourceSpans an object")
        << QJsonObject{{u"resourceSpans"_s, QJsonObject{}}} << u"resourceSpans: expected an array"_s;
    QTest::newRow("resource a string") << QJsonObject{{u"resourceSpans"_s, QJsonArray{u"x"_s}}}
                                       << u"resourceSpans[0]: expected an object"_s;
    QTest::newRow("scopeSpans a number") << QJsonObject{{u"resourceSpans"_s,
                                                         QJsonArray{QJsonObject{{u"scopeSpans"_s, 3}}}}}
                                         << u"resourceSpans[0].scopeSpans: expected an array"_s;
    QTest::newRow("spans an object")
        << QJsonObject{{u"resourceSpans"_s,
                        QJsonArray{
                            QJsonObject{{u"scopeSpans"_s, QJsonArray{QJsonObject{{u"spans"_s, QJsonObject{}}}}}}}}}
        << u"resourceSpans[0].scopeSpans[0].spans: expected an array"_s;
    QTest::newRow("resource a list") << QJsonObject{{u"resourceSpans"_s,
                                                     QJsonArray{QJsonObject{{u"resource"_s, QJsonArray{}}}}}}
                                     << u"resourceSpans[0].resource: expected an object"_s;
}

void TestOtlpMapper::malformedEnvelope()
{
    QFETCH(QJsonObject, sent);
    QFETCH(QString, problem);

    const Result<OtlpBatch> batch = OtlpMapper::map(sent, now);
    QVERIFY(!batch.ok());
    QCOMPARE(batch.error().code, Error::Code::Invalid);
    QVERIFY2(batch.error().message.contains(problem), qPrintable(batch.error().message));
}

void TestOtlpMapper::tooManySpans_isTooLarge()
{
    QJsonArray spans;
    for (qsizetype i = 0; i <= ApiLimits::MaxEventsPerBatch; ++i) {
        spans.append(QJsonObject{});
    }
    const Result<OtlpBatch> batch = OtlpMapper::map(request(spans), now);
    QVERIFY(!batch.ok());
    QCOMPARE(batch.error().code, Error::Code::TooLarge);
}

void TestOtlpMapper::partlyValidRequest_keepsTheGoodSpans()
{
    QJsonObject good = span({});
    QJsonObject other = span({});
    other.insert(u"spanId"_s, u"00f067aa0ba902b7"_s);
    QJsonObject bad = span({});
    bad.remove(u"spanId"_s);
    const Result<OtlpBatch> batch = OtlpMapper::map(request({good, bad, other, 17}), now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 2);
    QCOMPARE(batch->rejectedSpans, 2);
    QVERIFY(batch->problems.at(0).contains(u"spans[1].spanId: required"_s));
    QVERIFY(batch->problems.at(1).contains(u"spans[3]: expected a span object"_s));
}

void TestOtlpMapper::hugeContent_isClippedNotRefused()
{
    const QString prompt = QStringLiteral("needle ") + QString(1024 * 1024, u'x');
    const Result<OtlpBatch> batch =
        OtlpMapper::map(request({span({attribute(u"gen_ai.input.messages"_s, text(messages(u"user"_s, prompt))),
                                       attribute(u"gen_ai.tool.name"_s, text(QString(200, u'y'))),
                                       attribute(u"http.url"_s, text(QString(100'000, u'u')))})}),
                        now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 1);
    const ActivityEvent &event = batch->spans.constFirst().event;
    QVERIFY(event.detail.startsWith(u"needle"_s));
    QCOMPARE(event.detail.size(), ApiLimits::MaxDetailLength);
    QVERIFY(event.summary.size() <= ApiLimits::MaxSummaryLength);
    const QString kept =
        event.body.value(u"otlp"_s).toObject().value(u"attributes"_s).toObject().value(u"http.url"_s).toString();
    QCOMPARE(kept.size(), 1024);
}

void TestOtlpMapper::deeplyNestedJsonInAString_isReadAsText()
{
    // A message "JSON" string nested far deeper than any message list: read as far as is sensible,
    // never a stack overflow.
    const QString deep = QString(100'000, u'[') + QStringLiteral("\"deep\"") + QString(100'000, u']');
    const QString wide =
        QStringLiteral("[") + QStringList(5000, QStringLiteral("{\"content\":\"w\"}")).join(u',') + QStringLiteral("]");
    const Result<OtlpBatch> batch =
        OtlpMapper::map(request({span({attribute(u"gen_ai.input.messages"_s, text(deep)),
                                       attribute(u"gen_ai.output.messages"_s, text(wide))})}),
                        now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 1);
    QVERIFY(batch->spans.constFirst().event.detail.size() <= ApiLimits::MaxDetailLength);
}

void TestOtlpMapper::spanWithoutAgent_takesItsAncestorsOrTheService()
{
    QJsonObject agent = span({attribute(u"gen_ai.operation.name"_s, text(u"invoke_agent"_s)),
                              attribute(u"gen_ai.agent.id"_s, text(u"/acme/support/refund-bot"_s)),
                              attribute(u"gen_ai.agent.name"_s, text(u"Refund Bot"_s)),
                              attribute(u"gen_ai.agent.version"_s, whole(2))});
    agent.insert(u"spanId"_s, parentId);
    agent.remove(u"parentSpanId"_s);
    QJsonObject chat = span({attribute(u"gen_ai.operation.name"_s, text(u"chat"_s))});
    QJsonObject grandchild = span({});
    grandchild.insert(u"spanId"_s, u"1111111111111111"_s);
    grandchild.insert(u"parentSpanId"_s, spanId);
    QJsonObject stray = span({});
    stray.insert(u"spanId"_s, u"2222222222222222"_s);
    stray.insert(u"parentSpanId"_s, u"3333333333333333"_s);
    // The child comes before its parent, as exporters send spans in the order they end.
    const Result<OtlpBatch> batch = OtlpMapper::map(request({grandchild, chat, agent, stray}, u"shop-api"_s), now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 4);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(batch->spans.at(i).agentRef, u"/acme/support/refund-bot"_s);
        QCOMPARE(batch->spans.at(i).agentName, u"Refund Bot"_s);
        QCOMPARE(batch->spans.at(i).agentVersion, u"2"_s);
    }
    QVERIFY(!batch->spans.at(1).isAgentSpan);
    QVERIFY(batch->spans.at(2).isAgentSpan);
    QCOMPARE(batch->spans.at(3).agentRef, QString());
    QCOMPARE(batch->spans.at(3).agentName, u"shop-api"_s);
}

void TestOtlpMapper::contentInSpanEvents_isSearchable()
{
    // Older instrumentations put the prompt and completion in span events.
    const auto event = [](const QString &name, const QString &key, const QString &value) {
        return QJsonObject{{u"name"_s, name},
                           {u"timeUnixNano"_s, QString::number(startNanos)},
                           {u"attributes"_s, QJsonArray{attribute(key, text(value))}}};
    };
    QJsonObject sent = span({});
    sent.insert(u"events"_s,
                QJsonArray{event(u"gen_ai.content.prompt"_s, u"gen_ai.prompt"_s, u"Cancel order B-77"_s),
                           event(u"gen_ai.content.completion"_s, u"gen_ai.completion"_s, u"Order B-77 cancelled"_s)});
    const Result<OtlpBatch> batch = OtlpMapper::map(request({sent}), now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->spans.size(), 1);
    // The output comes first: it is what a search hit shows.
    QCOMPARE(batch->spans.constFirst().event.detail, u"Order B-77 cancelled\n\nCancel order B-77"_s);
}

void TestOtlpMapper::spansOutsideAgentWork_areLeftOut()
{
    // An instrumented web app: an HTTP server span (no GenAI attribute) around a model call,
    // which made an HTTP client call; and a database span elsewhere in the trace.
    const auto plain = [](const QString &id, const QString &parent, const QString &name) {
        QJsonObject plainSpan = span({});
        plainSpan.insert(u"attributes"_s, QJsonArray{attribute(u"http.request.method"_s, text(u"POST"_s))});
        plainSpan.insert(u"spanId"_s, id);
        plainSpan.insert(u"name"_s, name);
        if (parent.isEmpty()) {
            plainSpan.remove(u"parentSpanId"_s);
        } else {
            plainSpan.insert(u"parentSpanId"_s, parent);
        }
        return plainSpan;
    };
    QJsonObject chat = span({attribute(u"gen_ai.operation.name"_s, text(u"chat"_s))});
    chat.insert(u"parentSpanId"_s, u"1111111111111111"_s);
    const Result<OtlpBatch> batch =
        OtlpMapper::map(request({plain(u"1111111111111111"_s, {}, u"POST /support"_s), chat,
                                 plain(u"2222222222222222"_s, spanId, u"POST api.openai.com"_s),
                                 plain(u"3333333333333333"_s, u"1111111111111111"_s, u"SELECT orders"_s)}),
                        now);
    QVERIFY(batch.ok());
    QCOMPARE(batch->rejectedSpans, 0);
    QCOMPARE(batch->skippedSpans, 2);
    QCOMPARE(batch->spans.size(), 2);
    QCOMPARE(batch->spans.at(0).event.spanId, spanId);
    // Its parent was left out: it is the outermost agent work, and ends the run.
    QVERIFY(batch->spans.at(0).isAgentSpan);
    QCOMPARE(batch->spans.at(1).event.spanId, u"2222222222222222"_s);
    QVERIFY(!batch->spans.at(1).isAgentSpan);
}

void TestOtlpMapper::clientId_isTraceAndSpan()
{
    const Result<OtlpBatch> first = OtlpMapper::map(request({span({})}), now);
    QJsonObject upper = span({});
    upper.insert(u"traceId"_s, traceId.toUpper());
    const Result<OtlpBatch> again = OtlpMapper::map(request({upper}), now.addSecs(60));
    QVERIFY(first.ok() && again.ok());
    QCOMPARE(first->spans.constFirst().event.clientId, u"otlp:%1:%2"_s.arg(traceId, spanId));
    QCOMPARE(again->spans.constFirst().event.clientId, first->spans.constFirst().event.clientId);
    QVERIFY(first->spans.constFirst().event.clientId.size() <= ApiLimits::MaxIdentifierLength);
}

void TestOtlpMapper::nodeNameFor_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("name");

    QTest::newRow("a node name stays") << u"refund-bot"_s << u"refund-bot"_s;
    QTest::newRow("words") << u"Refund Bot"_s << u"refund-bot"_s;
    QTest::newRow("punctuation runs") << u"  --Shop/API (v2)!  "_s << u"shop-api-v2"_s;
    QTest::newRow("long") << QString(100, u'a') << QString(64, u'a');
    const QString hashed =
        u"agent-"_s
        + QString::fromLatin1(
            QCryptographicHash::hash(u"データ"_s.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
    QTest::newRow("no Latin letters") << u"データ"_s << hashed;
}

void TestOtlpMapper::nodeNameFor()
{
    QFETCH(QString, sent);
    QFETCH(QString, name);
    QCOMPARE(OtlpMapper::nodeNameFor(sent), name);
}

QTEST_GUILESS_MAIN(TestOtlpMapper)
#include "tst_otlpmapper.moc"
