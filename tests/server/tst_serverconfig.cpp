// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardd's settings: flags over the environment over the config file over defaults, and a
// clear refusal for anything it cannot use.
#include "serverconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void precedence();
    void refusals_data();
    void refusals();
    void openAiSettings();
    void runtimeSettings();

private:
    QTemporaryDir m_dir;
};

void TestServerConfig::defaults()
{
    const Result<ServerConfig> config = ServerConfig::read({QStringLiteral("stewardd")}, QProcessEnvironment());
    QVERIFY(config.ok());
    QCOMPARE(config->listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config->listenPort, quint16(8470));
    QCOMPARE(config->database, ServerConfig::defaultDatabase());
    QVERIFY(!config->usesTls());
    QVERIFY(config->executor);
    QCOMPARE(config->executorMaxAttempts, 10);
    QVERIFY(config->secretsFile.isEmpty());
    QVERIFY(config->runtime);
    QCOMPARE(config->maxConcurrentRuns, 32);
    QCOMPARE(config->runLeaseSeconds, 30);
}

void TestServerConfig::precedence()
{
    const QString file = m_dir.filePath(QStringLiteral("stewardd.conf"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("database = /srv/from-file.steward\nlisten = 0.0.0.0:9000\nrequest-timeout = 12\n"
              "failed-auth-per-minute = 3\nexecutor-max-attempts = 4\nsecrets = /etc/steward/secrets\n");
    out.close();
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("STEWARD_CONFIG"), file);
    environment.insert(QStringLiteral("STEWARD_LISTEN"), QStringLiteral("127.0.0.1:9100"));
    environment.insert(QStringLiteral("STEWARD_REQUEST_TIMEOUT"), QStringLiteral("20"));
    environment.insert(QStringLiteral("STEWARD_EXECUTOR"), QStringLiteral("off"));

    const Result<ServerConfig> config =
        ServerConfig::read({QStringLiteral("stewardd"), QStringLiteral("--request-timeout=40")}, environment);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
    QCOMPARE(config->database, QStringLiteral("/srv/from-file.steward")); // file
    QCOMPARE(config->listenPort, quint16(9100)); // environment over file
    QCOMPARE(config->requestTimeoutSeconds, 40); // flag over environment
    QCOMPARE(config->failedAuthPerMinute, 3);
    QVERIFY(!config->executor); // environment
    QCOMPARE(config->executorMaxAttempts, 4); // file
    QCOMPARE(config->secretsFile, QStringLiteral("/etc/steward/secrets"));
}

void TestServerConfig::runtimeSettings()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("STEWARD_RUNTIME"), QStringLiteral("off"));
    const Result<ServerConfig> config =
        ServerConfig::read({QStringLiteral("stewardd"), QStringLiteral("--max-concurrent-runs"), QStringLiteral("64"),
                            QStringLiteral("--run-lease=2")},
                           environment);
    QVERIFY(config.ok());
    QVERIFY(!config->runtime);
    QCOMPARE(config->maxConcurrentRuns, 64);
    QCOMPARE(config->runLeaseSeconds, 2);
}

void TestServerConfig::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--colour"), QStringLiteral("red")}
                                  << QStringLiteral("unknown option --colour");
    QTest::newRow("no value") << QStringList{QStringLiteral("--database")}
                              << QStringLiteral("--database needs a value");
    QTest::newRow("stray word") << QStringList{QStringLiteral("serve")} << QStringLiteral("unexpected argument");
    QTest::newRow("no port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")}
                             << QStringLiteral("ADDRESS:PORT");
    QTest::newRow("bad port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")}
                              << QStringLiteral("not a port number");
    QTest::newRow("bad address") << QStringList{QStringLiteral("--listen"), QStringLiteral("example.invalid:80")}
                                 << QStringLiteral("not an IP address");
    QTest::newRow("half TLS") << QStringList{QStringLiteral("--tls-certificate"), QStringLiteral("/tmp/c.pem")}
                              << QStringLiteral("TLS needs both");
    QTest::newRow("zero timeout") << QStringList{QStringLiteral("--request-timeout"), QStringLiteral("0")}
                                  << QStringLiteral("request-timeout: expected a whole number");
    QTest::newRow("executor maybe") << QStringList{QStringLiteral("--executor"), QStringLiteral("maybe")}
                                    << QStringLiteral("executor: expected on or off");
    QTest::newRow("no attempts") << QStringList{QStringLiteral("--executor-max-attempts"), QStringLiteral("0")}
                                 << QStringLiteral("executor-max-attempts: expected a whole number from 1 to 100");
    QTest::newRow("missing config") << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent/s.conf")}
                                    << QStringLiteral("config: cannot read");
    QTest::newRow("openai not http") << QStringList{QStringLiteral("--openai-base-url"), QStringLiteral("ftp://x/v1")}
                                     << QStringLiteral("openai-base-url: expected an http:// or https:// URL");
    QTest::newRow("openai no host") << QStringList{QStringLiteral("--openai-base-url"), QStringLiteral("api/v1")}
                                    << QStringLiteral("openai-base-url: expected an http:// or https:// URL");
    QTest::newRow("runtime maybe") << QStringList{QStringLiteral("--runtime"), QStringLiteral("maybe")}
                                   << QStringLiteral("runtime: expected on or off");
    QTest::newRow("no runs at once") << QStringList{QStringLiteral("--max-concurrent-runs"), QStringLiteral("0")}
                                     << QStringLiteral("max-concurrent-runs: expected a whole number from 1 to 10000");
    QTest::newRow("lease too long") << QStringList{QStringLiteral("--run-lease"), QStringLiteral("3601")}
                                    << QStringLiteral("run-lease: expected a whole number from 1 to 3600");
}

void TestServerConfig::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result<ServerConfig> config =
        ServerConfig::read(QStringList{QStringLiteral("stewardd")} + arguments, QProcessEnvironment());
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
}

void TestServerConfig::openAiSettings()
{
    const Result<ServerConfig> defaults = ServerConfig::read({QStringLiteral("stewardd")}, QProcessEnvironment());
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->openAiBaseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
    QVERIFY(defaults->openAiPricesFile.isEmpty());

    const QString file = m_dir.filePath(QStringLiteral("openai.conf"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("openai-base-url = http://127.0.0.1:11434/v1\nopenai-prices = /etc/steward/prices.json\n");
    out.close();
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("STEWARD_CONFIG"), file);
    const Result<ServerConfig> fromFile = ServerConfig::read({QStringLiteral("stewardd")}, environment);
    QVERIFY2(fromFile.ok(), fromFile.ok() ? "" : qPrintable(fromFile.error().message));
    QCOMPARE(fromFile->openAiBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    QCOMPARE(fromFile->openAiPricesFile, QStringLiteral("/etc/steward/prices.json"));

    environment.insert(QStringLiteral("STEWARD_OPENAI_BASE_URL"), QStringLiteral("https://gw.example/openai/v1"));
    const Result<ServerConfig> fromEnvironment = ServerConfig::read({QStringLiteral("stewardd")}, environment);
    QVERIFY(fromEnvironment.ok());
    QCOMPARE(fromEnvironment->openAiBaseUrl, QUrl(QStringLiteral("https://gw.example/openai/v1")));

    const Result<ServerConfig> fromFlag = ServerConfig::read(
        {QStringLiteral("stewardd"), QStringLiteral("--openai-base-url=https://api.openai.com/v1")}, environment);
    QVERIFY(fromFlag.ok());
    QCOMPARE(fromFlag->openAiBaseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
