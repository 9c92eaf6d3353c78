// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The price list of the openai runner: a strict JSON file of models and prices per million
// tokens, and the cost of a call from it.
#include "runtime/modelprices.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestModelPrices final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_readsModelsAndPrices();
    void refusals_data();
    void refusals();
    void load_readsTheFile();
    void cost_data();
    void cost();
};

void TestModelPrices::parse_readsModelsAndPrices()
{
    const Result<QHash<QString, ModelPrice>> prices = ModelPrices::parse(
        R"({"gpt-4o-mini": {"input": 0.15, "output": 0.60}, "gpt-4o": {"input": 2.5, "output": 10}, "free": {"input": 0, "output": 0}})",
        QStringLiteral("prices.json"));
    QVERIFY2(prices.ok(), prices.ok() ? "" : qPrintable(prices.error().message));
    QCOMPARE(prices->size(), 3);
    QCOMPARE(prices->value(QStringLiteral("gpt-4o-mini")), (ModelPrice{0.15, 0.60}));
    QCOMPARE(prices->value(QStringLiteral("gpt-4o")), (ModelPrice{2.5, 10.0}));
    QCOMPARE(prices->value(QStringLiteral("free")), (ModelPrice{0.0, 0.0}));
    QVERIFY(ModelPrices::parse("{}", QStringLiteral("prices.json")).ok());
}

void TestModelPrices::refusals_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QString notPrices = QStringLiteral("prices.json is not a JSON object of models and prices, e.g. "
                                             "{\"gpt-4o-mini\": {\"input\": 0.15, \"output\": 0.60}}");
    QTest::newRow("not JSON") << QByteArray("gpt-4o-mini = 0.15") << notPrices;
    QTest::newRow("an array") << QByteArray("[1, 2]") << notPrices;
    QTest::newRow("a bare number") << QByteArray(R"({"gpt-4o": 2.5})")
                                   << "prices.json: \"gpt-4o\" must be a model name with an object of prices";
    QTest::newRow("no name") << QByteArray(R"({" ": {"input": 1, "output": 1}})")
                             << "prices.json: \" \" must be a model name with an object of prices";
    QTest::newRow("unknown key") << QByteArray(R"({"gpt-4o": {"input": 2.5, "output": 10, "cached": 1.25}})")
                                 << "prices.json: the model \"gpt-4o\" has an unknown price \"cached\" (input, output)";
    QTest::newRow("missing output") << QByteArray(R"({"gpt-4o": {"input": 2.5}})")
                                    << "prices.json: the model \"gpt-4o\" needs \"output\": a price in US dollars per "
                                       "million tokens, 0 or more";
    QTest::newRow("negative") << QByteArray(R"({"gpt-4o": {"input": -1, "output": 10}})")
                              << "prices.json: the model \"gpt-4o\" needs \"input\": a price in US dollars per "
                                 "million tokens, 0 or more";
    QTest::newRow("text") << QByteArray(R"({"gpt-4o": {"input": "2.5", "output": 10}})")
                          << "prices.json: the model \"gpt-4o\" needs \"input\": a price in US dollars per "
                             "million tokens, 0 or more";
}

void TestModelPrices::refusals()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const Result<QHash<QString, ModelPrice>> prices = ModelPrices::parse(content, QStringLiteral("prices.json"));
    QVERIFY(!prices.ok());
    QCOMPARE(prices.error().code, Error::Code::Invalid);
    QCOMPARE(prices.error().message, message);
}

void TestModelPrices::load_readsTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prices.json"));
    QVERIFY(!ModelPrices::load(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"gpt-4o-mini": {"input": 0.15, "output": 0.6}})");
    file.close();
    const Result<QHash<QString, ModelPrice>> prices = ModelPrices::load(path);
    QVERIFY(prices.ok());
    QCOMPARE(prices->value(QStringLiteral("gpt-4o-mini")), (ModelPrice{0.15, 0.6}));
}

void TestModelPrices::cost_data()
{
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("output");
    QTest::addColumn<qint64>("tokensIn");
    QTest::addColumn<qint64>("tokensOut");
    QTest::addColumn<double>("cost");
    QTest::newRow("a million each") << 0.15 << 0.60 << qint64(1000000) << qint64(1000000) << 0.75;
    QTest::newRow("a small call") << 2.5 << 10.0 << qint64(1200) << qint64(300) << 0.006;
    QTest::newRow("nothing") << 2.5 << 10.0 << qint64(0) << qint64(0) << 0.0;
}

void TestModelPrices::cost()
{
    QFETCH(double, input);
    QFETCH(double, output);
    QFETCH(qint64, tokensIn);
    QFETCH(qint64, tokensOut);
    QFETCH(double, cost);
    QVERIFY(qFuzzyCompare(1.0 + ModelPrice{input, output}.cost(tokensIn, tokensOut), 1.0 + cost));
}

QTEST_GUILESS_MAIN(TestModelPrices)
#include "tst_modelprices.moc"
