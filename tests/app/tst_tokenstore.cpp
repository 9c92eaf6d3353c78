// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tokens in the real system keychain (gnome-keyring on a private D-Bus session, see
// scripts/with-keyring.sh): written, read, replaced and forgotten; a missing one; never in the
// settings file; and the two ways a keychain fails, each in a child process of this test with
// its own session bus address: no secret service at all, and one that never answers.
#include "connectionprofile.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <optional>

using namespace steward;

namespace {

const char *childOption = "--child-write";

// What a test waits for: the answer a callback got.
template<typename T> struct Answer
{
    std::optional<T> value;
    void operator()(const T &answer) { value = answer; }
};

template<typename T> QString messageOf(const Result<T> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class TestTokenStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void write_thenRead_givesTheToken();
    void write_again_replacesTheToken();
    void read_missingToken_isNotFound();
    void remove_forgetsTheToken_andAMissingOneIsNoError();
    void token_neverInTheSettingsFile();
    void callback_notCalledOnceItsContextIsGone();
    void noSecretService_saysWhatTheKeychainSaid();
    void hungKeychain_endsInATimeout();

private:
    [[nodiscard]] Status write(const QString &profile, const QString &token);
    [[nodiscard]] Result<QString> read(const QString &profile);
    [[nodiscard]] Status remove(const QString &profile);
    // Runs this test's executable as a child that writes one token with `timeoutMs`, on the
    // session bus at `busAddress`; returns what it printed and how long it took.
    [[nodiscard]] QString runChild(const QString &busAddress, int timeoutMs, qint64 *elapsedMs);

    TokenStore m_tokens;
    QString m_profile; // unique per test, so that parallel runs and leftovers never meet
};

void TestTokenStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("needs a secret service: run under dbus-run-session and scripts/with-keyring.sh");
    }
}

void TestTokenStore::init()
{
    QSettings().clear();
    m_profile = QStringLiteral("tst_tokenstore %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void TestTokenStore::cleanup()
{
    QVERIFY2(remove(m_profile).ok(), "the test's token could not be removed from the keychain");
    QSettings().clear();
}

Status TestTokenStore::write(const QString &profile, const QString &token)
{
    Answer<Status> answer;
    m_tokens.write(profile, token, this, [&answer](const Status &status) { answer(status); });
    // The store's own timeout ends every request, so this wait always ends.
    if (!QTest::qWaitFor([&answer] { return answer.value.has_value(); }, TokenStore::DefaultTimeoutMs * 2)) {
        return Error{Error::Code::StoreFailure, QStringLiteral("no answer")};
    }
    return *answer.value;
}

Result<QString> TestTokenStore::read(const QString &profile)
{
    Answer<Result<QString>> answer;
    m_tokens.read(profile, this, [&answer](const Result<QString> &token) { answer(token); });
    if (!QTest::qWaitFor([&answer] { return answer.value.has_value(); }, TokenStore::DefaultTimeoutMs * 2)) {
        return Error{Error::Code::StoreFailure, QStringLiteral("no answer")};
    }
    return *answer.value;
}

Status TestTokenStore::remove(const QString &profile)
{
    Answer<Status> answer;
    m_tokens.remove(profile, this, [&answer](const Status &status) { answer(status); });
    if (!QTest::qWaitFor([&answer] { return answer.value.has_value(); }, TokenStore::DefaultTimeoutMs * 2)) {
        return Error{Error::Code::StoreFailure, QStringLiteral("no answer")};
    }
    return *answer.value;
}

void TestTokenStore::write_thenRead_givesTheToken()
{
    const QString token = QStringLiteral("stw_write-then-read-0123456789");
    const Status written = write(m_profile, token);
    QVERIFY2(written.ok(), qPrintable(messageOf(written)));
    const Result<QString> back = read(m_profile);
    QVERIFY2(back.ok(), qPrintable(messageOf(back)));
    QCOMPARE(back.value(), token);
    // Another profile's token is another entry.
    const Result<QString> other = read(m_profile + QStringLiteral(" (other)"));
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, Error::Code::NotFound);
}

void TestTokenStore::write_again_replacesTheToken()
{
    QVERIFY(write(m_profile, QStringLiteral("stw_first")).ok());
    QVERIFY(write(m_profile, QStringLiteral("stw_second")).ok());
    const Result<QString> back = read(m_profile);
    QVERIFY2(back.ok(), qPrintable(messageOf(back)));
    QCOMPARE(back.value(), QStringLiteral("stw_second"));
}

void TestTokenStore::read_missingToken_isNotFound()
{
    const Result<QString> missing = read(m_profile);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY2(missing.error().message.contains(m_profile), qPrintable(missing.error().message));
}

void TestTokenStore::remove_forgetsTheToken_andAMissingOneIsNoError()
{
    QVERIFY(write(m_profile, QStringLiteral("stw_to-forget")).ok());
    const Status removed = remove(m_profile);
    QVERIFY2(removed.ok(), qPrintable(messageOf(removed)));
    const Result<QString> gone = read(m_profile);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, Error::Code::NotFound);
    const Status again = remove(m_profile);
    QVERIFY2(again.ok(), qPrintable(messageOf(again)));
}

void TestTokenStore::token_neverInTheSettingsFile()
{
    const QString token = QStringLiteral("stw_never-in-settings-5f2a9c");
    ConnectionProfile profile;
    profile.name = m_profile;
    profile.serverUrl = QUrl(QStringLiteral("https://steward.example.com"));
    profile.principalName = QStringLiteral("dana.kim");
    ConnectionProfiles::save(profile);
    QVERIFY(write(m_profile, token).ok());

    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray bytes = file.readAll();
    // The right file: the profile is in it; the token is not, in any spelling.
    QVERIFY(bytes.contains("steward.example.com"));
    QVERIFY(bytes.contains("dana.kim"));
    QVERIFY(!bytes.contains(token.toUtf8()));
    QVERIFY(!bytes.contains(token.toUtf8().toBase64()));
    QVERIFY(!bytes.contains("5f2a9c"));
    QCOMPARE(read(m_profile).value(), token);
}

void TestTokenStore::callback_notCalledOnceItsContextIsGone()
{
    QVERIFY(write(m_profile, QStringLiteral("stw_context")).ok());
    auto *context = new QObject;
    bool called = false;
    m_tokens.read(m_profile, context, [&called](const Result<QString> &) { called = true; });
    delete context;
    // QtKeychain runs its jobs one after the other: once a later one has answered, so has this.
    const Result<QString> later = read(m_profile);
    QVERIFY2(later.ok(), qPrintable(messageOf(later)));
    QVERIFY(!called);
}

QString TestTokenStore::runChild(const QString &busAddress, int timeoutMs, qint64 *elapsedMs)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    environment.remove(QStringLiteral("DISPLAY")); // no X11 bus to fall back on
    // A job the keychain never answers is left behind on purpose (see TokenStore).
    environment.insert(QStringLiteral("ASAN_OPTIONS"), QStringLiteral("detect_leaks=0"));
    child.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(childOption), QString::number(timeoutMs)});
    if (!child.waitForFinished(timeoutMs + 20'000)) {
        child.kill();
        child.waitForFinished();
        return QStringLiteral("(the child did not finish)");
    }
    *elapsedMs = timer.elapsed();
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

void TestTokenStore::noSecretService_saysWhatTheKeychainSaid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qint64 elapsed = 0;
    const QString said =
        runChild(QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus")), 8000, &elapsed);
    QVERIFY2(said.startsWith(QLatin1String("Could not save the token in the system keychain: ")), qPrintable(said));
    // The keychain's own words follow, and it said them at once rather than timing out.
    QVERIFY2(said.size() > 60, qPrintable(said));
    QVERIFY2(elapsed < 8000, qPrintable(QString::number(elapsed)));
    QVERIFY(!said.contains(QLatin1String("child-secret")));
}

void TestTokenStore::hungKeychain_endsInATimeout()
{
    // A "session bus" that accepts the connection and never says a word.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QLocalServer silent;
    QVERIFY(silent.listen(dir.filePath(QStringLiteral("silent-bus"))));
    qint64 elapsed = 0;
    const QString said = runChild(QStringLiteral("unix:path=") + silent.fullServerName(), 1500, &elapsed);
    QVERIFY2(said.startsWith(QLatin1String("The system keychain did not answer within 2 seconds;")), qPrintable(said));
    QVERIFY2(elapsed >= 1500, qPrintable(QString::number(elapsed)));
}

// The child: writes one token on whatever bus its environment names, prints the outcome.
int writeOneToken(int timeoutMs)
{
    TokenStore tokens;
    tokens.setTimeoutMs(timeoutMs);
    tokens.write(QStringLiteral("tst_tokenstore child"), QStringLiteral("child-secret"), &tokens,
                 [](const Status &written) {
                     const QString said = written ? QStringLiteral("written") : written.error().message;
                     std::fprintf(stdout, "%s\n", qPrintable(said));
                     std::fflush(stdout);
                     QCoreApplication::exit(0);
                 });
    return QCoreApplication::exec();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], childOption) == 0) {
        return writeOneToken(QString::fromLatin1(argv[2]).toInt());
    }
    TestTokenStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tokenstore.moc"
