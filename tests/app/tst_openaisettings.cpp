// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Edit › OpenAI Settings… with the real system keychain (scripts/with-keyring.sh): the server's
// address and the price list are saved in the settings, the key in the keychain only, and the
// runner's options are built from both; a bad address or price list is refused in the dialog,
// which stays open; a saved key is never shown, only said to be there, and can be forgotten.
#include "fakeopenai.h"
#include "mainwindow.h"
#include "openaisettings.h"
#include "openaisettingsdialog.h"
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "storage/store.h"
#include "tokenstore.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace steward;

namespace {

constexpr int answerMs = 20'000; // a keychain request always ends well before this

template<typename T> T *field(const QWidget &dialog, const char *name)
{
    T *found = dialog.findChild<T *>(QLatin1String(name));
    if (!found) {
        qWarning("no %s in the dialog", name);
    }
    return found;
}

} // namespace

class TestOpenAiSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void defaults_openAiWithoutKey();
    void save_addressAndPricesInSettings_keyInKeychainOnly();
    void refusals_keepTheDialogOpen_data();
    void refusals_keepTheDialogOpen();
    void forget_removesTheSavedKey();
    void editMenu_opensTheDialog();
    void localWorkspace_runsAnOpenAiAgentWithTheSavedSettings();

private:
    // Opens the dialog and waits until it knows whether a key is saved.
    [[nodiscard]] QPointer<OpenAiSettingsDialog> openDialog();
    void fill(OpenAiSettingsDialog &dialog, const QString &url, const QString &key, const QString &prices);
    // Clicks Save and waits until the dialog closed (true) or said why not (false).
    [[nodiscard]] bool save(QPointer<OpenAiSettingsDialog> &dialog);
    [[nodiscard]] Result<QString> savedKey();
    [[nodiscard]] Result<OpenAiRunner::Options> options();
    [[nodiscard]] QString writePrices(const QByteArray &content);

    QTemporaryDir m_dir;
    std::unique_ptr<TokenStore> m_keychain;
};

void TestOpenAiSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("needs a secret service: run under dbus-run-session and scripts/with-keyring.sh");
    }
    QVERIFY(m_dir.isValid());
}

void TestOpenAiSettings::init()
{
    QSettings().clear();
    // A service of its own per test, so that parallel runs and leftovers never meet.
    m_keychain = std::make_unique<TokenStore>(
        QStringLiteral("tst_openaisettings %1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)), nullptr);
}

void TestOpenAiSettings::cleanup()
{
    std::optional<Status> removed;
    m_keychain->remove(OpenAiSettings::keychainEntry(), this, [&removed](const Status &status) { removed = status; });
    QVERIFY(QTest::qWaitFor([&removed] { return removed.has_value(); }, answerMs));
    m_keychain.reset();
}

QPointer<OpenAiSettingsDialog> TestOpenAiSettings::openDialog()
{
    QPointer<OpenAiSettingsDialog> dialog = new OpenAiSettingsDialog(*m_keychain, nullptr);
    dialog->show();
    auto *state = field<QLabel>(*dialog, "keyStateLabel");
    if (!QTest::qWaitFor([&] { return dialog && !state->text().startsWith(QStringLiteral("Looking")); }, answerMs)) {
        qWarning("the dialog never heard from the keychain");
    }
    return dialog;
}

void TestOpenAiSettings::fill(OpenAiSettingsDialog &dialog, const QString &url, const QString &key,
                              const QString &prices)
{
    const QList<std::pair<const char *, QString>> fields{
        {"baseUrlLineEdit", url}, {"keyLineEdit", key}, {"pricesLineEdit", prices}};
    for (const auto &[name, text] : fields) {
        auto *edit = field<QLineEdit>(dialog, name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }
}

bool TestOpenAiSettings::save(QPointer<OpenAiSettingsDialog> &dialog)
{
    auto *message = field<QLabel>(*dialog, "messageLabel");
    QTest::mouseClick(field<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !dialog || !message->isHidden(); }, answerMs)) {
        qWarning("the dialog neither closed nor said why");
    }
    return !dialog;
}

Result<QString> TestOpenAiSettings::savedKey()
{
    std::optional<Result<QString>> key;
    m_keychain->read(OpenAiSettings::keychainEntry(), this, [&key](const Result<QString> &read) { key = read; });
    if (!QTest::qWaitFor([&key] { return key.has_value(); }, answerMs)) {
        return Error{Error::Code::StoreFailure, QStringLiteral("no answer")};
    }
    return *key;
}

Result<OpenAiRunner::Options> TestOpenAiSettings::options()
{
    std::optional<Result<OpenAiRunner::Options>> built;
    OpenAiSettings::options(*m_keychain, this,
                            [&built](const Result<OpenAiRunner::Options> &options) { built = options; });
    if (!QTest::qWaitFor([&built] { return built.has_value(); }, answerMs)) {
        return Error{Error::Code::StoreFailure, QStringLiteral("no answer")};
    }
    return *built;
}

QString TestOpenAiSettings::writePrices(const QByteArray &content)
{
    const QString path =
        m_dir.filePath(QStringLiteral("prices-%1.json").arg(QUuid::createUuid().toString(QUuid::Id128)));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

void TestOpenAiSettings::defaults_openAiWithoutKey()
{
    const Result<OpenAiRunner::Options> built = options();
    QVERIFY2(built.ok(), built.ok() ? "" : qPrintable(built.error().message));
    QCOMPARE(built->baseUrl, QUrl(QStringLiteral("https://api.openai.com/v1")));
    QVERIFY(built->apiKey.isEmpty());
    QVERIFY(built->prices.isEmpty());

    QPointer<OpenAiSettingsDialog> dialog = openDialog();
    QCOMPARE(field<QLabel>(*dialog, "keyStateLabel")->text(), QStringLiteral("No key is saved; calls go without one."));
    QVERIFY(!field<QCheckBox>(*dialog, "forgetKeyCheckBox")->isEnabled());
    QCOMPARE(field<QLineEdit>(*dialog, "baseUrlLineEdit")->text(), QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(field<QLineEdit>(*dialog, "keyLineEdit")->placeholderText(),
             QStringLiteral("The key your provider gave you; a local server may need none"));
    delete dialog;
}

void TestOpenAiSettings::save_addressAndPricesInSettings_keyInKeychainOnly()
{
    const QString prices =
        writePrices(R"({"llama3": {"input": 0, "output": 0}, "gpt-4o": {"input": 2.5, "output": 10}})");
    QPointer<OpenAiSettingsDialog> dialog = openDialog();
    fill(*dialog, QStringLiteral("http://127.0.0.1:11434/v1"), QStringLiteral("sk-local-5e3a"), prices);
    QVERIFY(save(dialog));

    const Result<QString> key = savedKey();
    QVERIFY(key.ok());
    QCOMPARE(key.value(), QStringLiteral("sk-local-5e3a"));
    const QSettings settings;
    QCOMPARE(OpenAiSettings::baseUrl(settings), QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    QCOMPARE(OpenAiSettings::pricesFile(settings), prices);
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk-local-5e3a"));

    const Result<OpenAiRunner::Options> built = options();
    QVERIFY2(built.ok(), built.ok() ? "" : qPrintable(built.error().message));
    QCOMPARE(built->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434/v1")));
    QCOMPARE(built->apiKey, QByteArrayLiteral("sk-local-5e3a"));
    QCOMPARE(built->prices.value(QStringLiteral("gpt-4o")), (ModelPrice{2.5, 10.0}));

    // Opened again: the key is said to be there, never shown; Save without typing one keeps it.
    dialog = openDialog();
    QCOMPARE(field<QLabel>(*dialog, "keyStateLabel")->text(), QStringLiteral("A key is saved in the system keychain."));
    QVERIFY(field<QLineEdit>(*dialog, "keyLineEdit")->text().isEmpty());
    QCOMPARE(field<QLineEdit>(*dialog, "keyLineEdit")->placeholderText(),
             QStringLiteral("Leave empty to keep the saved key"));
    QCOMPARE(field<QLineEdit>(*dialog, "baseUrlLineEdit")->text(), QStringLiteral("http://127.0.0.1:11434/v1"));
    QVERIFY(field<QCheckBox>(*dialog, "forgetKeyCheckBox")->isEnabled());
    dialog->resize(dialog->sizeHint().expandedTo(QSize(560, 0)));
    QVERIFY(dialog->grab().save(QStringLiteral("/tmp/openai-settings.png")));
    QVERIFY(save(dialog));
    QCOMPARE(savedKey().value(), QStringLiteral("sk-local-5e3a"));
}

void TestOpenAiSettings::refusals_keepTheDialogOpen_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("prices");
    QTest::addColumn<QString>("message");
    QTest::newRow("not http") << QStringLiteral("ftp://files.example/v1") << QByteArray()
                              << QStringLiteral("The server's address is an http:// or https:// URL");
    QTest::newRow("no host") << QStringLiteral("localhost") << QByteArray()
                             << QStringLiteral("The server's address is an http:// or https:// URL");
    QTest::newRow("bad prices") << QStringLiteral("https://api.openai.com/v1")
                                << QByteArray(R"({"gpt-4o": {"input": "cheap", "output": 1}})")
                                << QStringLiteral("the model \"gpt-4o\" needs \"input\"");
}

void TestOpenAiSettings::refusals_keepTheDialogOpen()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, prices);
    QFETCH(QString, message);
    QPointer<OpenAiSettingsDialog> dialog = openDialog();
    fill(*dialog, url, QStringLiteral("sk-never-saved"), prices.isEmpty() ? QString() : writePrices(prices));
    QVERIFY(!save(dialog));
    const QString shown = field<QLabel>(*dialog, "messageLabel")->text();
    QVERIFY2(shown.contains(message), qPrintable(shown));
    if (QTest::currentDataTag() == QByteArray("bad prices")) {
        dialog->resize(dialog->sizeHint().expandedTo(QSize(560, 0)));
        QVERIFY(dialog->grab().save(QStringLiteral("/tmp/openai-settings-refused.png")));
    }
    delete dialog;
    QCOMPARE(savedKey().error().code, Error::Code::NotFound);
    QVERIFY(!QSettings().contains(QStringLiteral("openai/baseUrl")));
}

void TestOpenAiSettings::forget_removesTheSavedKey()
{
    QPointer<OpenAiSettingsDialog> dialog = openDialog();
    fill(*dialog, QStringLiteral("https://api.openai.com/v1"), QStringLiteral("sk-live-77"), {});
    QVERIFY(save(dialog));
    QVERIFY(savedKey().ok());

    dialog = openDialog();
    auto *forget = field<QCheckBox>(*dialog, "forgetKeyCheckBox");
    QVERIFY(forget->isEnabled());
    forget->setChecked(true);
    QVERIFY(save(dialog));
    QCOMPARE(savedKey().error().code, Error::Code::NotFound);
    const Result<OpenAiRunner::Options> built = options();
    QVERIFY(built.ok());
    QVERIFY(built->apiKey.isEmpty());
}

void TestOpenAiSettings::editMenu_opensTheDialog()
{
    MainWindow window;
    auto *edit = window.menuBar()->findChild<QMenu *>(QStringLiteral("editMenu"));
    QVERIFY(edit);
    auto *action = window.findChild<QAction *>(QStringLiteral("openAiSettingsAction"));
    QVERIFY(action);
    QVERIFY(edit->actions().contains(action));
    action->trigger();
    auto *dialog = window.findChild<OpenAiSettingsDialog *>(QStringLiteral("openAiSettingsDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestOpenAiSettings::localWorkspace_runsAnOpenAiAgentWithTheSavedSettings()
{
    test::FakeOpenAi server;
    QVERIFY(server.listen());
    server.setContent(QStringLiteral("Dear Ada, thank you for your interest."));
    const QString path = m_dir.filePath(QStringLiteral("openai-agent.steward"));
    QVERIFY(createSampleWorkspace(path).ok());
    const QString agentPath = QStringLiteral("/acme/sales/inbound/lead-router");
    {
        Result<std::unique_ptr<Store>> store = Store::open(path);
        QVERIFY(store.ok());
        LocalWorkspace workspace(std::move(store).value(), QStringLiteral("dana.kim"));
        const NodeId agentId = nodeAt(workspace, agentPath);
        const Result<Agent> agent = workspace.agent(agentId);
        QVERIFY(agent.ok());
        const Result<AgentSpec> parsed = AgentSpec::parse(workspace.version(agentId, agent->headVersion)->spec);
        QVERIFY(parsed.ok());
        AgentSpec spec = parsed.value();
        spec.runner.kind = QStringLiteral("openai");
        QVERIFY(
            workspace.changeSpec(agentId, agent->headVersion, spec.toCanonicalText(), QStringLiteral("Answers leads"))
                .ok());
    }

    // The window's own keychain service, as a user's Edit › OpenAI Settings… saves it.
    MainWindow window;
    window.findChild<QAction *>(QStringLiteral("openAiSettingsAction"))->trigger();
    QPointer<OpenAiSettingsDialog> dialog =
        window.findChild<OpenAiSettingsDialog *>(QStringLiteral("openAiSettingsDialog"));
    QVERIFY(dialog);
    auto *state = field<QLabel>(*dialog, "keyStateLabel");
    QVERIFY(QTest::qWaitFor([&] { return !state->text().startsWith(QStringLiteral("Looking")); }, answerMs));
    fill(*dialog, server.baseUrl().toString(), QStringLiteral("sk-window-key"), {});
    QVERIFY(save(dialog));

    QVERIFY(window.openWorkspace(path));
    auto *workspace = qobject_cast<LocalWorkspace *>(window.workspace());
    QVERIFY(workspace);
    QVERIFY(QTest::qWaitFor([&] { return workspace->runners().canMake(QStringLiteral("openai")); }, answerMs));
    const NodeId agentId = nodeAt(*workspace, agentPath);
    const Result<RunRequestEntry> request = workspace->runNow(
        agentId, QJsonObject{{QStringLiteral("lead"), QStringLiteral("Ada")}}, QStringLiteral("try it"));
    QVERIFY2(request.ok(), qPrintable(request ? QString() : request.error().message));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const Result<QList<Run>> runs = workspace->recentRuns(agentId, 1);
            return runs.ok() && !runs->isEmpty() && runs->constFirst().status != RunStatus::Running;
        },
        answerMs));
    QCOMPARE(workspace->recentRuns(agentId, 1)->constFirst().status, RunStatus::Succeeded);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().constFirst().headers.value("authorization"), QByteArray("Bearer sk-window-key"));

    // Clean up the window's keychain entry: the keyring outlives this test.
    std::optional<Status> removed;
    TokenStore windowKeychain(OpenAiSettings::keychainService(), nullptr);
    windowKeychain.remove(OpenAiSettings::keychainEntry(), this,
                          [&removed](const Status &status) { removed = status; });
    QVERIFY(QTest::qWaitFor([&removed] { return removed.has_value(); }, answerMs));
}

QTEST_MAIN(TestOpenAiSettings)
#include "tst_openaisettings.moc"
