// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// File › Connect to Server… against a real stewardd on a seeded workspace and the real system
// keychain (scripts/with-keyring.sh), filled in from the keyboard as a user does: Test
// Connection says who the token signs in as, or why not; Connect saves the profile without
// the token and the token in the keychain; a saved profile comes back with its token; a
// self-signed server is trusted only through its pinned certificate.
#include "connectdialog.h"
#include "connectionprofile.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "tokenstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace steward;
using namespace steward::test;

namespace {

constexpr int answerMs = 20'000; // a check or a keychain request always ends well before this

// What the dialog handed over on Connect.
struct Connection
{
    ConnectionProfile profile;
    QString token;
    ServerIdentity identity;
};

template<typename T> T *field(const QWidget &dialog, const char *name)
{
    T *found = dialog.findChild<T *>(QLatin1String(name));
    if (!found) {
        qWarning("no %s in the dialog", name);
    }
    return found;
}

} // namespace

class TestConnectDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void testConnection_showsWhoTheTokenSignsInAs();
    void testConnection_wrongToken_showsTheServersAnswer();
    void testConnection_noServer_saysItCannotReachIt();
    void connect_savesProfileWithoutToken_andTokenInKeychain();
    void connect_withoutRemember_keepsNoToken();
    void connect_refused_staysOpenWithTheReason();
    void savedProfile_comesBackWithItsToken();
    void forget_removesProfileAndToken();
    void selfSignedServer_isTrustedOnlyThroughItsPinnedCertificate();

private:
    [[nodiscard]] QPointer<ConnectDialog> openDialog();
    // Types the form as a user would; an empty text leaves that field as it is.
    void fill(ConnectDialog &dialog, const QString &name, const QString &url, const QString &token);
    [[nodiscard]] QString message(const ConnectDialog &dialog) const;
    [[nodiscard]] Result<QString> savedToken(const QString &profile);

    QTemporaryDir m_dir;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
    TokenStore m_tokens;
    QString m_profile; // unique per test, so that parallel runs and leftovers never meet
    std::optional<Connection> m_connected;
    std::optional<Error> m_refusal; // what the connect function answers; none: it connects
};

void TestConnectDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("needs a secret service: run under dbus-run-session and scripts/with-keyring.sh");
    }
    QVERIFY(m_dir.isValid());
    const QString database = m_dir.filePath(QStringLiteral("shared.steward"));
    m_seeded = seedWorkspace(database);
    QVERIFY2(m_seeded.error.isEmpty(), qPrintable(m_seeded.error));
    QVERIFY2(m_server.start(database), qPrintable(m_server.error()));
}

void TestConnectDialog::cleanupTestCase()
{
    if (m_server.isRunning()) {
        QCOMPARE(m_server.stop(), 0);
    }
}

void TestConnectDialog::init()
{
    QSettings().clear();
    m_profile = QStringLiteral("tst_connectdialog %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_connected.reset();
    m_refusal.reset();
}

void TestConnectDialog::cleanup()
{
    bool removed = false;
    m_tokens.remove(m_profile, this, [&removed](const Status &status) { removed = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(removed, answerMs);
    QSettings().clear();
}

QPointer<ConnectDialog> TestConnectDialog::openDialog()
{
    QPointer<ConnectDialog> dialog = new ConnectDialog(
        m_tokens,
        [this](const ConnectionProfile &profile, const QString &token, const ServerIdentity &identity) -> Status {
            if (m_refusal) {
                return *m_refusal;
            }
            m_connected = Connection{profile, token, identity};
            return Done{};
        },
        nullptr);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog)) {
        delete dialog;
        return nullptr;
    }
    return dialog;
}

void TestConnectDialog::fill(ConnectDialog &dialog, const QString &name, const QString &url, const QString &token)
{
    const QList<QPair<const char *, QString>> typed{
        {"nameLineEdit", name}, {"urlLineEdit", url}, {"tokenLineEdit", token}};
    for (const auto &[fieldName, text] : typed) {
        auto *edit = field<QLineEdit>(dialog, fieldName);
        QVERIFY(edit);
        if (!text.isEmpty()) {
            edit->clear();
            QTest::keyClicks(edit, text);
            QCOMPARE(edit->text(), text);
        }
    }
}

QString TestConnectDialog::message(const ConnectDialog &dialog) const
{
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"));
    return label && label->isVisible() ? label->text() : QString();
}

Result<QString> TestConnectDialog::savedToken(const QString &profile)
{
    std::optional<Result<QString>> answer;
    m_tokens.read(profile, this, [&answer](const Result<QString> &token) { answer = token; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, answerMs)) {
        return Error{Error::Code::StoreFailure, QStringLiteral("the keychain did not answer")};
    }
    return *answer;
}

void TestConnectDialog::testConnection_showsWhoTheTokenSignsInAs()
{
    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    auto *test = field<QPushButton>(*dialog, "testConnectionButton");
    QVERIFY(test);
    QVERIFY(!test->isEnabled()); // nothing to test yet
    // No name is needed for a test: a profile is saved only on Connect.
    fill(*dialog, {}, m_server.url().toString(), m_seeded.tokens.value(QStringLiteral("sales-editor")));
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message(*dialog), QStringLiteral("Signed in as sales-editor."), answerMs);
    QVERIFY(!m_connected); // a test connects nothing
    QVERIFY(dialog->isVisible());
    delete dialog;
    QVERIFY(ConnectionProfiles::list().isEmpty());
}

void TestConnectDialog::testConnection_wrongToken_showsTheServersAnswer()
{
    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    const QString wrong = QStringLiteral("stw_not-a-real-token-7d1e");
    fill(*dialog, m_profile, m_server.url().toString(), wrong);
    QTest::mouseClick(field<QPushButton>(*dialog, "testConnectionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message(*dialog).contains(QLatin1String("unknown or revoked token")), answerMs);
    QVERIFY(!message(*dialog).contains(wrong));
    // Connect checks the same way, and connects nothing with a token the server refuses.
    QTest::mouseClick(field<QPushButton>(*dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(field<QPushButton>(*dialog, "connectButton")->isEnabled(), answerMs);
    QVERIFY(message(*dialog).contains(QLatin1String("unknown or revoked token")));
    QVERIFY(!m_connected);
    QVERIFY(ConnectionProfiles::list().isEmpty());
    QCOMPARE(savedToken(m_profile).error().code, Error::Code::NotFound);
    delete dialog;
}

void TestConnectDialog::testConnection_noServer_saysItCannotReachIt()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    fill(*dialog, m_profile, url, QStringLiteral("stw_whatever"));
    QTest::mouseClick(field<QPushButton>(*dialog, "testConnectionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message(*dialog).startsWith(QStringLiteral("Cannot reach %1: ").arg(url)), answerMs);
    delete dialog;
}

void TestConnectDialog::connect_savesProfileWithoutToken_andTokenInKeychain()
{
    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    const QString token = m_seeded.tokens.value(QStringLiteral("sales-editor"));
    fill(*dialog, m_profile, m_server.url().toString(), token);
    QVERIFY(field<QCheckBox>(*dialog, "rememberTokenCheckBox")->isChecked());
    QTest::mouseClick(field<QPushButton>(*dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), answerMs); // accepted and closed

    QVERIFY(m_connected);
    QCOMPARE(m_connected->profile.name, m_profile);
    QCOMPARE(m_connected->profile.serverUrl, m_server.url());
    QCOMPARE(m_connected->profile.principalName, QStringLiteral("sales-editor"));
    QCOMPARE(m_connected->token, token);
    QCOMPARE(m_connected->identity.principal.name, QStringLiteral("sales-editor"));
    QCOMPARE(m_connected->identity.grants.size(), 1);
    QCOMPARE(m_connected->identity.grants.first().role, Role::Editor);
    QCOMPARE(m_connected->identity.grants.first().nodePath, QStringLiteral("/acme/sales"));

    const std::optional<ConnectionProfile> saved = ConnectionProfiles::find(m_profile);
    QVERIFY(saved);
    QCOMPARE(saved.value(), m_connected->profile);
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains(m_server.url().toString().toUtf8()));
    QVERIFY(!bytes.contains(token.toUtf8()));

    const Result<QString> kept = savedToken(m_profile);
    QVERIFY2(kept.ok(), qPrintable(kept ? QString() : kept.error().message));
    QCOMPARE(kept.value(), token);
}

void TestConnectDialog::connect_withoutRemember_keepsNoToken()
{
    // A token remembered earlier is forgotten when the user says not to remember it.
    bool written = false;
    m_tokens.write(m_profile, QStringLiteral("stw_old"), this,
                   [&written](const Status &status) { written = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, answerMs);

    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    fill(*dialog, m_profile, m_server.url().toString(), m_seeded.tokens.value(QStringLiteral("auditor")));
    auto *remember = field<QCheckBox>(*dialog, "rememberTokenCheckBox");
    remember->setFocus();
    QTest::keyClick(remember, Qt::Key_Space);
    QVERIFY(!remember->isChecked());
    QTest::mouseClick(field<QPushButton>(*dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), answerMs);
    QVERIFY(m_connected);
    QCOMPARE(ConnectionProfiles::find(m_profile)->principalName, QStringLiteral("auditor"));
    QTRY_COMPARE_WITH_TIMEOUT(savedToken(m_profile).error().code, Error::Code::NotFound, answerMs);
}

void TestConnectDialog::connect_refused_staysOpenWithTheReason()
{
    m_refusal = Error{Error::Code::StoreFailure, QStringLiteral("The workspace could not be opened.")};
    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    fill(*dialog, m_profile, m_server.url().toString(), m_seeded.tokens.value(QStringLiteral("root-admin")));
    QTest::mouseClick(field<QPushButton>(*dialog, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message(*dialog), QStringLiteral("The workspace could not be opened."), answerMs);
    QVERIFY(dialog->isVisible());
    QVERIFY(field<QPushButton>(*dialog, "connectButton")->isEnabled());
    // The checked profile is saved and now the one picked, so Connect can simply be pressed again.
    QCOMPARE(field<QComboBox>(*dialog, "profileComboBox")->currentData().toString(), m_profile);
    QCOMPARE(ConnectionProfiles::find(m_profile)->principalName, QStringLiteral("root-admin"));
    m_refusal.reset();
    QTest::mouseClick(field<QPushButton>(*dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), answerMs);
    QVERIFY(m_connected);
}

void TestConnectDialog::savedProfile_comesBackWithItsToken()
{
    const QString token = m_seeded.tokens.value(QStringLiteral("outbound-reviewer"));
    ConnectionProfile profile;
    profile.name = m_profile;
    profile.serverUrl = m_server.url();
    profile.principalName = QStringLiteral("outbound-reviewer");
    ConnectionProfiles::save(profile);
    bool written = false;
    m_tokens.write(m_profile, token, this, [&written](const Status &status) { written = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, answerMs);

    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    auto *profiles = field<QComboBox>(*dialog, "profileComboBox");
    QCOMPARE(profiles->count(), 2); // "New connection" and the saved one
    QVERIFY(profiles->itemText(1).contains(QLatin1String("as outbound-reviewer")));
    // Picked from the keyboard: the form fills in, the token from the keychain.
    profiles->setFocus();
    QTest::keyClick(profiles, Qt::Key_Down);
    QCOMPARE(profiles->currentData().toString(), m_profile);
    QCOMPARE(field<QLineEdit>(*dialog, "nameLineEdit")->text(), m_profile);
    QCOMPARE(field<QLineEdit>(*dialog, "urlLineEdit")->text(), m_server.url().toString());
    QTRY_COMPARE_WITH_TIMEOUT(field<QLineEdit>(*dialog, "tokenLineEdit")->text(), token, answerMs);
    QCOMPARE(field<QLineEdit>(*dialog, "tokenLineEdit")->echoMode(), QLineEdit::Password);
    QTest::mouseClick(field<QPushButton>(*dialog, "testConnectionButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message(*dialog), QStringLiteral("Signed in as outbound-reviewer."), answerMs);

    // Back to a new connection: nothing of the saved one stays in the form.
    QTest::keyClick(profiles, Qt::Key_Up);
    QVERIFY(field<QLineEdit>(*dialog, "nameLineEdit")->text().isEmpty());
    QVERIFY(field<QLineEdit>(*dialog, "tokenLineEdit")->text().isEmpty());
    delete dialog;

    // A saved profile without a saved token asks for one.
    profile.name = m_profile + QStringLiteral(" (no token)");
    ConnectionProfiles::save(profile);
    dialog = openDialog();
    QVERIFY(dialog);
    dialog->selectProfile(profile.name);
    QTRY_COMPARE_WITH_TIMEOUT(message(*dialog), QStringLiteral("Enter the token for this server."), answerMs);
    QVERIFY(field<QLineEdit>(*dialog, "tokenLineEdit")->text().isEmpty());
    delete dialog;
}

void TestConnectDialog::forget_removesProfileAndToken()
{
    ConnectionProfile profile;
    profile.name = m_profile;
    profile.serverUrl = m_server.url();
    ConnectionProfiles::save(profile);
    bool written = false;
    m_tokens.write(m_profile, QStringLiteral("stw_forget-me"), this,
                   [&written](const Status &status) { written = status.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(written, answerMs);

    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    auto *forget = field<QPushButton>(*dialog, "forgetProfileButton");
    QVERIFY(!forget->isEnabled()); // nothing saved is picked
    dialog->selectProfile(m_profile);
    QVERIFY(forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QCOMPARE(field<QComboBox>(*dialog, "profileComboBox")->count(), 1);
    QVERIFY(ConnectionProfiles::list().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(savedToken(m_profile).error().code, Error::Code::NotFound, answerMs);
    delete dialog;
}

void TestConnectDialog::selfSignedServer_isTrustedOnlyThroughItsPinnedCertificate()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("Qt has no TLS backend here");
    }
    const QString certificate = m_dir.filePath(QStringLiteral("server.pem"));
    const QString otherCertificate = m_dir.filePath(QStringLiteral("other.pem"));
    QVERIFY(makeCertificate(certificate, m_dir.filePath(QStringLiteral("server.key"))));
    QVERIFY(makeCertificate(otherCertificate, m_dir.filePath(QStringLiteral("other.key"))));
    ServerProcess tls;
    QVERIFY2(tls.start(m_dir.filePath(QStringLiteral("shared.steward")),
                       {QStringLiteral("--tls-certificate"), certificate, QStringLiteral("--tls-key"),
                        m_dir.filePath(QStringLiteral("server.key"))}),
             qPrintable(tls.error()));
    QCOMPARE(tls.url().scheme(), QStringLiteral("https"));

    QPointer<ConnectDialog> dialog = openDialog();
    QVERIFY(dialog);
    fill(*dialog, m_profile, tls.url().toString(), m_seeded.tokens.value(QStringLiteral("sales-editor")));
    auto *test = field<QPushButton>(*dialog, "testConnectionButton");
    auto *pinned = field<QLineEdit>(*dialog, "certificateLineEdit");

    // Not trusted by the system, so refused; as is any other pinned certificate.
    const QString refused = QStringLiteral("Cannot reach %1: ").arg(tls.url().toString());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message(*dialog).startsWith(refused), answerMs);
    QVERIFY2(message(*dialog).endsWith(QLatin1String("pin it.")), qPrintable(message(*dialog)));
    QTest::keyClicks(pinned, otherCertificate);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), answerMs);
    QVERIFY2(message(*dialog).startsWith(refused), qPrintable(message(*dialog)));

    pinned->clear();
    QTest::keyClicks(pinned, certificate);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message(*dialog), QStringLiteral("Signed in as sales-editor."), answerMs);

    QTest::mouseClick(field<QPushButton>(*dialog, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), answerMs);
    QCOMPARE(ConnectionProfiles::find(m_profile)->certificatePath, certificate);
    QCOMPARE(tls.stop(), 0);
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
