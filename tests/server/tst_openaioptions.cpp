// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The openai runner's options as stewardd builds them from its configuration: the key from the
// secrets file's "openai" entry, the price list from --openai-prices, and a clear refusal for a
// file that cannot be used.
#include "openaioptions.h"
#include "serverconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace steward;

class TestOpenAiOptions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nothingConfigured_noKeyNoPrices();
    void keyAndPrices_fromTheirFiles();
    void secretsWithoutOpenAi_noKey();
    void refusals_data();
    void refusals();

private:
    [[nodiscard]] QString write(const QString &name, const QByteArray &content, QFile::Permissions permissions);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestOpenAiOptions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestOpenAiOptions::write(const QString &name, const QByteArray &content, QFile::Permissions permissions)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    file.close();
    file.setPermissions(permissions);
    return path;
}

void TestOpenAiOptions::nothingConfigured_noKeyNoPrices()
{
    const Result<OpenAiRunner::Options> options = openAiRunnerOptions(ServerConfig{});
    QVERIFY(options.ok());
    QCOMPARE(options->baseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
    QVERIFY(options->apiKey.isEmpty());
    QVERIFY(options->prices.isEmpty());
}

void TestOpenAiOptions::keyAndPrices_fromTheirFiles()
{
    ServerConfig config;
    config.openAiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
    config.secretsFile = write(QStringLiteral("secrets"), "billing = whsec-1\nopenai = sk-live-123\n",
                               QFile::ReadOwner | QFile::WriteOwner);
    config.openAiPricesFile = write(QStringLiteral("prices.json"), R"({"gpt-4o-mini": {"input": 0.15, "output": 0.6}})",
                                    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    const Result<OpenAiRunner::Options> options = openAiRunnerOptions(config);
    QVERIFY2(options.ok(), options.ok() ? "" : qPrintable(options.error().message));
    QCOMPARE(options->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    QCOMPARE(options->apiKey, QByteArrayLiteral("sk-live-123"));
    QCOMPARE(options->prices.size(), 1);
    QCOMPARE(options->prices.value(QStringLiteral("gpt-4o-mini")), (ModelPrice{0.15, 0.6}));
}

void TestOpenAiOptions::secretsWithoutOpenAi_noKey()
{
    ServerConfig config;
    config.secretsFile = write(QStringLiteral("secrets"), "billing = whsec-1\n", QFile::ReadOwner | QFile::WriteOwner);
    const Result<OpenAiRunner::Options> options = openAiRunnerOptions(config);
    QVERIFY(options.ok());
    QVERIFY(options->apiKey.isEmpty());
}

void TestOpenAiOptions::refusals_data()
{
    QTest::addColumn<QByteArray>("secrets");
    QTest::addColumn<bool>("secretsPrivate");
    QTest::addColumn<QByteArray>("prices");
    QTest::addColumn<QString>("message");
    QTest::newRow("secrets readable by others")
        << QByteArray("openai = sk-live-123\n") << false << QByteArray() << "can be read by other users";
    QTest::newRow("secrets malformed") << QByteArray("openai sk-live-123\n") << true << QByteArray() << "secrets: ";
    QTest::newRow("prices malformed") << QByteArray("openai = sk-live-123\n") << true
                                      << QByteArray(R"({"gpt-4o": {"input": "cheap"}})") << "openai-prices: ";
}

void TestOpenAiOptions::refusals()
{
    QFETCH(QByteArray, secrets);
    QFETCH(bool, secretsPrivate);
    QFETCH(QByteArray, prices);
    QFETCH(QString, message);
    ServerConfig config;
    config.secretsFile = write(QStringLiteral("secrets"), secrets,
                               secretsPrivate ? QFile::ReadOwner | QFile::WriteOwner
                                              : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    if (!prices.isEmpty()) {
        config.openAiPricesFile = write(QStringLiteral("prices.json"), prices, QFile::ReadOwner | QFile::WriteOwner);
    }
    const Result<OpenAiRunner::Options> options = openAiRunnerOptions(config);
    QVERIFY(!options.ok());
    QVERIFY2(options.error().message.contains(message), qPrintable(options.error().message));
    // A refusal never quotes the key.
    QVERIFY(!options.error().message.contains(QStringLiteral("sk-live-123")));
}

QTEST_GUILESS_MAIN(TestOpenAiOptions)
#include "tst_openaioptions.moc"
