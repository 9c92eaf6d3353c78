// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectdialog.h"

#include "tokenstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward {

ConnectDialog::ConnectDialog(TokenStore &tokens, Connect connect, QWidget *parent)
    : QDialog(parent), m_tokens(tokens), m_connect(std::move(connect)), m_check(new ServerCheck(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Connect to Server"));
    QObject::connect(m_check, &ServerCheck::finished, this, &ConnectDialog::onChecked);

    auto *description = new QLabel(tr("Work on a workspace shared through a Steward server. Its administrator gives "
                                      "you the server's address and a token (stewardctl token create)."),
                                   this);
    description->setObjectName(QStringLiteral("descriptionLabel"));
    description->setWordWrap(true);

    m_profiles = new QComboBox(this);
    m_profiles->setObjectName(QStringLiteral("profileComboBox"));
    m_forget = new QPushButton(tr("&Forget"), this);
    m_forget->setObjectName(QStringLiteral("forgetProfileButton"));
    m_forget->setToolTip(tr("Remove this connection and its saved token"));
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profiles, 1);
    profileRow->addWidget(m_forget);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setPlaceholderText(tr("e.g. Acme production"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlLineEdit"));
    m_url->setPlaceholderText(tr("https://steward.example.com"));
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("tokenLineEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("The token your administrator gave you"));
    m_remember = new QCheckBox(tr("&Remember the token in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberTokenCheckBox"));
    m_remember->setChecked(true);
    m_certificate = new QLineEdit(this);
    m_certificate->setObjectName(QStringLiteral("certificateLineEdit"));
    m_certificate->setPlaceholderText(tr("Optional, for a self-signed server"));
    m_certificate->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseCertificateButton"));
    auto *certificateRow = new QHBoxLayout;
    certificateRow->addWidget(m_certificate, 1);
    certificateRow->addWidget(m_browse);

    auto *fields = new QFormLayout;
    // Labels of rows that are layouts get their buddy by hand, for their mnemonic.
    auto *profileLabel = new QLabel(tr("&Connection:"), this);
    profileLabel->setBuddy(m_profiles);
    fields->addRow(profileLabel, profileRow);
    fields->addRow(tr("&Name:"), m_name);
    fields->addRow(tr("&Server:"), m_url);
    fields->addRow(tr("&Token:"), m_token);
    fields->addRow(QString(), m_remember);
    auto *certificateLabel = new QLabel(tr("&Pinned certificate:"), this);
    certificateLabel->setBuddy(m_certificate);
    fields->addRow(certificateLabel, certificateRow);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_message, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    m_connectButton = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    QObject::connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    QObject::connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(fields);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    QObject::connect(m_profiles, &QComboBox::activated, this, &ConnectDialog::onProfileChosen);
    QObject::connect(m_forget, &QPushButton::clicked, this, &ConnectDialog::forgetProfile);
    QObject::connect(m_browse, &QPushButton::clicked, this, &ConnectDialog::chooseCertificate);
    QObject::connect(m_test, &QPushButton::clicked, this, [this] { check(Purpose::Test); });
    for (QLineEdit *field : {m_name, m_url, m_token}) {
        QObject::connect(field, &QLineEdit::textChanged, this, &ConnectDialog::updateState);
    }
    fillProfiles({});
    onProfileChosen();
}

void ConnectDialog::fillProfiles(const QString &selectedName)
{
    m_profiles->clear();
    m_profiles->addItem(tr("New connection"));
    for (const ConnectionProfile &profile : ConnectionProfiles::list()) {
        const QString server = profile.serverUrl.toDisplayString();
        m_profiles->addItem(profile.principalName.isEmpty()
                                ? tr("%1 — %2").arg(profile.name, server)
                                : tr("%1 — %2 as %3").arg(profile.name, server, profile.principalName),
                            profile.name);
    }
    const int selected = selectedName.isEmpty() ? 0 : m_profiles->findData(selectedName);
    m_profiles->setCurrentIndex(qMax(0, selected));
}

void ConnectDialog::selectProfile(const QString &name, const QString &message)
{
    fillProfiles(name);
    onProfileChosen();
    if (!message.isEmpty()) {
        showMessage(message);
    }
}

void ConnectDialog::onProfileChosen()
{
    m_check->cancel();
    setBusy(false);
    m_message->hide();
    const QString name = m_profiles->currentData().toString();
    const std::optional<ConnectionProfile> profile = name.isEmpty() ? std::nullopt : ConnectionProfiles::find(name);
    m_name->setText(profile ? profile->name : QString());
    m_url->setText(profile ? profile->serverUrl.toDisplayString() : QString());
    m_certificate->setText(profile ? QDir::toNativeSeparators(profile->certificatePath) : QString());
    m_token->clear();
    m_forget->setEnabled(profile.has_value());
    if (!profile) {
        m_name->setFocus();
        updateState();
        return;
    }
    m_token->setPlaceholderText(tr("Reading the saved token…"));
    m_tokens.read(name, this, [this, name](const Result<QString> &token) {
        m_token->setPlaceholderText(tr("The token your administrator gave you"));
        // The user may have moved on, or typed a token, in the meantime.
        if (m_profiles->currentData().toString() != name || !m_token->text().isEmpty()) {
            return;
        }
        if (token) {
            m_token->setText(token.value());
            m_remember->setChecked(true);
        } else {
            // Not found is no error: the token was not remembered; anything else is the keychain's.
            showMessage(token.error().code == Error::Code::NotFound ? tr("Enter the token for this server.")
                                                                    : token.error().message);
            m_token->setFocus();
        }
    });
    updateState();
}

void ConnectDialog::forgetProfile()
{
    const QString name = m_profiles->currentData().toString();
    if (name.isEmpty()) {
        return;
    }
    ConnectionProfiles::remove(name);
    // The token goes with it; with no keychain there is nothing to forget.
    m_tokens.remove(name, &m_tokens, [](const Status &) {});
    fillProfiles({});
    onProfileChosen();
    showMessage(tr("Forgot the connection %1.").arg(name));
}

void ConnectDialog::chooseCertificate()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Pinned Certificate"), QDir::homePath(),
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty()) {
        m_certificate->setText(QDir::toNativeSeparators(path));
    }
}

Result<ConnectionProfile> ConnectDialog::profileFromForm(Purpose purpose) const
{
    const Result<QUrl> url = ConnectionProfile::parseServerUrl(m_url->text());
    if (!url) {
        return url.error();
    }
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    profile.serverUrl = url.value();
    profile.certificatePath = QDir::fromNativeSeparators(m_certificate->text().trimmed());
    // A test needs no name yet: the profile is saved only on Connect.
    if (const Status usable = profile.check(); !usable && purpose == Purpose::Connect) {
        return usable.error();
    }
    if (m_token->text().trimmed().isEmpty()) {
        return Error{Error::Code::Invalid, tr("Enter the token.")};
    }
    return profile;
}

void ConnectDialog::accept()
{
    check(Purpose::Connect);
}

void ConnectDialog::check(Purpose purpose)
{
    const Result<ConnectionProfile> profile = profileFromForm(purpose);
    if (!profile) {
        showMessage(profile.error().message);
        return;
    }
    m_purpose = purpose;
    setBusy(true);
    showMessage(tr("Asking %1…").arg(profile->serverUrl.toDisplayString()));
    m_check->start(profile.value(), m_token->text().trimmed());
}

void ConnectDialog::onChecked(const Result<ServerIdentity> &result)
{
    if (!result) {
        setBusy(false);
        showMessage(result.error().message);
        return;
    }
    const Principal &principal = result->principal;
    const QString signedIn = principal.displayName.isEmpty() || principal.displayName == principal.name
        ? tr("Signed in as %1.").arg(principal.name)
        : tr("Signed in as %1 (%2).").arg(principal.name, principal.displayName);
    if (m_purpose == Purpose::Test) {
        setBusy(false);
        showMessage(signedIn);
        return;
    }
    Result<ConnectionProfile> profile = profileFromForm(Purpose::Connect);
    if (!profile) { // the form cannot change while busy, so this is only a safeguard
        setBusy(false);
        showMessage(profile.error().message);
        return;
    }
    ConnectionProfile checked = std::move(profile).value();
    checked.principalName = principal.name;
    const ServerIdentity identity = result.value();
    if (!m_remember->isChecked()) {
        // Not remembered means not kept from an earlier time either; with no keychain there is
        // nothing to forget, so its answer does not hold the connection up.
        m_tokens.remove(checked.name, &m_tokens, [](const Status &) {});
        connectWith(checked, identity);
        return;
    }
    showMessage(tr("%1 Saving the token in the system keychain…").arg(signedIn));
    m_tokens.write(checked.name, m_token->text().trimmed(), this, [this, checked, identity](const Status &saved) {
        if (!saved) {
            setBusy(false);
            m_remember->setChecked(false);
            showMessage(tr("%1 Connect again to connect without remembering the token.").arg(saved.error().message));
            return;
        }
        connectWith(checked, identity);
    });
}

void ConnectDialog::connectWith(const ConnectionProfile &profile, const ServerIdentity &identity)
{
    ConnectionProfiles::save(profile);
    const Status connected = m_connect(profile, m_token->text().trimmed(), identity);
    setBusy(false);
    if (!connected) {
        // The profile is saved now: show it as the one picked, keeping what was typed.
        const QString token = m_token->text();
        fillProfiles(profile.name);
        m_token->setText(token);
        m_forget->setEnabled(true);
        showMessage(connected.error().message);
        return;
    }
    QDialog::accept();
}

void ConnectDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ConnectDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *field : std::initializer_list<QWidget *>{m_profiles, m_forget, m_name, m_url, m_token, m_remember,
                                                           m_certificate, m_browse}) {
        field->setEnabled(!busy);
    }
    if (!busy) {
        m_forget->setEnabled(!m_profiles->currentData().toString().isEmpty());
    }
    updateState();
}

void ConnectDialog::updateState()
{
    const bool complete = !m_name->text().trimmed().isEmpty() && !m_url->text().trimmed().isEmpty()
        && !m_token->text().trimmed().isEmpty();
    m_test->setEnabled(!m_busy && !m_url->text().trimmed().isEmpty() && !m_token->text().trimmed().isEmpty());
    m_connectButton->setEnabled(!m_busy && complete);
}

} // namespace steward
