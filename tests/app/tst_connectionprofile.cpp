// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Connection profiles: server addresses as users type them, and the saved list (most recently
// used first, one per name, kept across restarts, nothing unusable offered).
#include "connectionprofile.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace steward;

namespace {

ConnectionProfile profileNamed(const QString &name, const QString &url)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.serverUrl = QUrl(url);
    return profile;
}

QStringList namesOf(const QList<ConnectionProfile> &profiles)
{
    QStringList names;
    for (const ConnectionProfile &profile : profiles) {
        names.append(profile.name);
    }
    return names;
}

} // namespace

class TestConnectionProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void parseServerUrl_data();
    void parseServerUrl();
    void check_needsANameAndAnAddress();
    void save_keepsMostRecentFirst_oneProfilePerName();
    void save_keepsEveryField_acrossInstances();
    void remove_dropsOnlyThatProfile();
    void list_skipsWhatCannotBeUsed();
};

void TestConnectionProfile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
}

void TestConnectionProfile::init()
{
    QSettings().clear();
}

void TestConnectionProfile::parseServerUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("https") << "https://steward.example.com"
                           << "https://steward.example.com";
    QTest::newRow("http with port") << "http://127.0.0.1:8080"
                                    << "http://127.0.0.1:8080";
    QTest::newRow("no scheme means https") << "steward.example.com"
                                           << "https://steward.example.com";
    QTest::newRow("trailing slash dropped") << "https://steward.example.com/"
                                            << "https://steward.example.com";
    QTest::newRow("path prefix kept") << "https://example.com/steward/"
                                      << "https://example.com/steward";
    QTest::newRow("spaces around") << "  https://steward.example.com  "
                                   << "https://steward.example.com";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("other scheme") << "ftp://steward.example.com"
                                  << "";
    QTest::newRow("no host") << "https://"
                             << "";
    QTest::newRow("query") << "https://steward.example.com/?token=secret"
                           << "";
    QTest::newRow("fragment") << "https://steward.example.com/#top"
                              << "";
    QTest::newRow("user info") << "https://dana:secret@steward.example.com"
                               << "";
    QTest::newRow("not a url") << "https://steward example com"
                               << "";
}

void TestConnectionProfile::parseServerUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const Result<QUrl> url = ConnectionProfile::parseServerUrl(typed);
    if (expected.isEmpty()) {
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, Error::Code::Invalid);
        QVERIFY(!url.error().message.isEmpty());
        // The message never repeats a password or a token typed into the address.
        QVERIFY(!url.error().message.contains(QLatin1String("secret")));
    } else {
        QVERIFY2(url.ok(), qPrintable(url ? QString() : url.error().message));
        QCOMPARE(url->toString(), expected);
    }
}

void TestConnectionProfile::check_needsANameAndAnAddress()
{
    QVERIFY(profileNamed(QStringLiteral("Acme"), QStringLiteral("https://steward.example.com")).check().ok());
    QCOMPARE(profileNamed(QStringLiteral("  "), QStringLiteral("https://steward.example.com")).check().error().code,
             Error::Code::Invalid);
    QCOMPARE(profileNamed(QStringLiteral("Acme"), QString()).check().error().code, Error::Code::Invalid);
}

void TestConnectionProfile::save_keepsMostRecentFirst_oneProfilePerName()
{
    ConnectionProfiles::save(profileNamed(QStringLiteral("a"), QStringLiteral("https://a.example.com")));
    ConnectionProfiles::save(profileNamed(QStringLiteral("b"), QStringLiteral("https://b.example.com")));
    QCOMPARE(namesOf(ConnectionProfiles::list()), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    ConnectionProfiles::save(profileNamed(QStringLiteral("a"), QStringLiteral("https://a2.example.com")));
    const QList<ConnectionProfile> profiles = ConnectionProfiles::list();
    QCOMPARE(namesOf(profiles), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(profiles.first().serverUrl, QUrl(QStringLiteral("https://a2.example.com")));
}

void TestConnectionProfile::save_keepsEveryField_acrossInstances()
{
    ConnectionProfile profile =
        profileNamed(QStringLiteral("Acme production"), QStringLiteral("https://example.com/s"));
    profile.principalName = QStringLiteral("dana.kim");
    profile.certificatePath = QStringLiteral("/etc/steward/server.pem");
    ConnectionProfiles::save(profile);
    QSettings().sync();
    const std::optional<ConnectionProfile> found = ConnectionProfiles::find(QStringLiteral("Acme production"));
    QVERIFY(found);
    QCOMPARE(found.value(), profile);
    QVERIFY(!ConnectionProfiles::find(QStringLiteral("acme production"))); // names are exact
}

void TestConnectionProfile::remove_dropsOnlyThatProfile()
{
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        ConnectionProfiles::save(profileNamed(name, QStringLiteral("https://%1.example.com").arg(name)));
    }
    ConnectionProfiles::remove(QStringLiteral("b"));
    QCOMPARE(namesOf(ConnectionProfiles::list()), (QStringList{QStringLiteral("c"), QStringLiteral("a")}));
    ConnectionProfiles::remove(QStringLiteral("not there"));
    QCOMPARE(ConnectionProfiles::list().size(), 2);
    ConnectionProfiles::remove(QStringLiteral("c"));
    ConnectionProfiles::remove(QStringLiteral("a"));
    QVERIFY(ConnectionProfiles::list().isEmpty());
}

void TestConnectionProfile::list_skipsWhatCannotBeUsed()
{
    ConnectionProfiles::save(profileNamed(QStringLiteral("good"), QStringLiteral("https://good.example.com")));
    {
        // As a hand-edited settings file might have it.
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("servers/profiles"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("name"), QStringLiteral("bad"));
        settings.setValue(QStringLiteral("url"), QStringLiteral("gopher://old.example.com"));
        settings.endArray();
    }
    QCOMPARE(namesOf(ConnectionProfiles::list()), QStringList{QStringLiteral("good")});
}

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
