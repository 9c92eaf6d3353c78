// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The secret file: name = value lines or a JSON object; refused when others can read it, and
// no message about it ever quotes a secret's value.
#include "execution/webhooksecrets.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestWebhookSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_readsBothForms_data();
    void parse_readsBothForms();
    void parse_refusesBadFiles_data();
    void parse_refusesBadFiles();
    void load_refusesFileOthersCanRead();
    void load_readsPrivateFile();
    void load_missingFile_isNotFound();
};

void TestWebhookSecrets::parse_readsBothForms_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("lines") << QByteArrayLiteral("# the billing receiver\nbilling = 0p3n s3same\n\n; crm\ncrm=x=y\n");
    QTest::newRow("json") << QByteArrayLiteral("  {\"billing\": \"0p3n s3same\", \"crm\": \"x=y\"}\n");
}

void TestWebhookSecrets::parse_readsBothForms()
{
    QFETCH(QByteArray, content);
    const Result<WebhookSecrets> secrets = WebhookSecrets::parse(content, QStringLiteral("secrets"));
    QVERIFY2(secrets.ok(), qPrintable(secrets.ok() ? QString() : secrets.error().message));
    QCOMPARE(secrets->size(), 2);
    QCOMPARE(secrets->secret(QStringLiteral("billing")), std::optional<QByteArray>("0p3n s3same"));
    QCOMPARE(secrets->secret(QStringLiteral("crm")), std::optional<QByteArray>("x=y"));
    QCOMPARE(secrets->secret(QStringLiteral("other")), std::nullopt);
}

void TestWebhookSecrets::parse_refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("no equals") << QByteArrayLiteral("a = hunter2\nhunter3\n")
                               << QStringLiteral("secrets, line 2: expected name = value");
    QTest::newRow("bad name") << QByteArrayLiteral("a b = hunter2\n")
                              << QStringLiteral("secrets, line 1: expected name = value");
    QTest::newRow("empty value") << QByteArrayLiteral("a =\n")
                                 << QStringLiteral("secrets, line 1: the secret \"a\" is empty");
    QTest::newRow("twice") << QByteArrayLiteral("a = hunter2\na = hunter3\n")
                           << QStringLiteral("secrets, line 2: the secret \"a\" is given twice");
    QTest::newRow("json array") << QByteArrayLiteral("{[\"hunter2\"]}")
                                << QStringLiteral("secrets is not a JSON object of secret names and values");
    QTest::newRow("json number") << QByteArrayLiteral("{\"a\": 12345}")
                                 << QStringLiteral("secrets: the secret \"a\" must be a non-empty string");
    QTest::newRow("json bad name") << QByteArrayLiteral("{\"a/b\": \"hunter2\"}")
                                   << QStringLiteral(
                                          "secrets: \"a/b\" is not a secret name (letters, digits, '_', '.', '-')");
}

void TestWebhookSecrets::parse_refusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const Result<WebhookSecrets> secrets = WebhookSecrets::parse(content, QStringLiteral("secrets"));
    QVERIFY(!secrets.ok());
    QCOMPARE(secrets.error().code, Error::Code::Invalid);
    QCOMPARE(secrets.error().message, message);
    QVERIFY(!secrets.error().message.contains(QLatin1String("hunter")));
}

void TestWebhookSecrets::load_refusesFileOthersCanRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.ini"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("billing = hunter2\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    const Result<WebhookSecrets> secrets = WebhookSecrets::load(path);
    QVERIFY(!secrets.ok());
    QCOMPARE(secrets.error().code, Error::Code::Forbidden);
    QVERIFY(secrets.error().message.contains(QLatin1String("chmod 600")));
}

void TestWebhookSecrets::load_readsPrivateFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secrets.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"billing\": \"hunter2\"}");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Result<WebhookSecrets> secrets = WebhookSecrets::load(path);
    QVERIFY(secrets.ok());
    QCOMPARE(secrets->secret(QStringLiteral("billing")), std::optional<QByteArray>("hunter2"));
}

void TestWebhookSecrets::load_missingFile_isNotFound()
{
    QTemporaryDir dir;
    const Result<WebhookSecrets> secrets = WebhookSecrets::load(dir.filePath(QStringLiteral("none")));
    QVERIFY(!secrets.ok());
    QCOMPARE(secrets.error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestWebhookSecrets)
#include "tst_webhooksecrets.moc"
