// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaisettingsdialog.h"

#include "openaisettings.h"
#include "runtime/modelprices.h"
#include "tokenstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace steward {

OpenAiSettingsDialog::OpenAiSettingsDialog(TokenStore &keychain, QWidget *parent)
    : QDialog(parent), m_keychain(keychain)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("OpenAI Settings"));

    auto *description = new QLabel(tr("Agents whose runner is openai send their instructions and the trigger's "
                                      "payload to an OpenAI-compatible server. These settings are for the "
                                      "workspaces this app runs itself; a shared workspace's server has its own."),
                                   this);
    description->setObjectName(QStringLiteral("descriptionLabel"));
    description->setWordWrap(true);

    const QSettings settings;
    m_baseUrl = new QLineEdit(OpenAiSettings::baseUrl(settings).toString(), this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlLineEdit"));
    m_baseUrl->setPlaceholderText(OpenAiSettings::defaultBaseUrl().toString());
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("keyLineEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_keyState = new QLabel(tr("Looking in the system keychain…"), this);
    m_keyState->setObjectName(QStringLiteral("keyStateLabel"));
    m_forgetKey = new QCheckBox(tr("&Forget the saved key"), this);
    m_forgetKey->setObjectName(QStringLiteral("forgetKeyCheckBox"));
    m_forgetKey->setEnabled(false);
    m_prices = new QLineEdit(OpenAiSettings::pricesFile(settings), this);
    m_prices->setObjectName(QStringLiteral("pricesLineEdit"));
    m_prices->setPlaceholderText(tr("Optional: {\"model\": {\"input\": 0.15, \"output\": 0.60}} per million tokens"));
    m_prices->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browsePricesButton"));
    auto *pricesRow = new QHBoxLayout;
    pricesRow->addWidget(m_prices, 1);
    pricesRow->addWidget(m_browse);

    auto *fields = new QFormLayout;
    fields->addRow(tr("&Server:"), m_baseUrl);
    fields->addRow(tr("API &key:"), m_key);
    fields->addRow(QString(), m_keyState);
    fields->addRow(QString(), m_forgetKey);
    // Labels of rows that are layouts get their buddy by hand, for their mnemonic.
    auto *pricesLabel = new QLabel(tr("&Prices:"), this);
    pricesLabel->setBuddy(m_prices);
    fields->addRow(pricesLabel, pricesRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenAiSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OpenAiSettingsDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &OpenAiSettingsDialog::choosePrices);
    connect(m_key, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_forgetKey->setEnabled(m_keySaved && text.isEmpty());
        if (!text.isEmpty()) {
            m_forgetKey->setChecked(false);
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(fields);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    readKeyState();
}

void OpenAiSettingsDialog::readKeyState()
{
    setBusy(true);
    m_keychain.read(OpenAiSettings::keychainEntry(), this, [this](const Result<QString> &key) {
        setBusy(false);
        m_keySaved = key.ok();
        m_key->setPlaceholderText(m_keySaved ? tr("Leave empty to keep the saved key")
                                             : tr("The key your provider gave you; a local server may need none"));
        if (key) {
            m_keyState->setText(tr("A key is saved in the system keychain."));
        } else if (key.error().code == Error::Code::NotFound) {
            m_keyState->setText(tr("No key is saved; calls go without one."));
        } else {
            m_keyState->setText(key.error().message);
        }
        m_forgetKey->setEnabled(m_keySaved && m_key->text().isEmpty());
    });
}

void OpenAiSettingsDialog::choosePrices()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a Price List"), m_prices->text(),
                                                      tr("Price lists (*.json);;All files (*)"));
    if (!file.isEmpty()) {
        m_prices->setText(file);
    }
}

void OpenAiSettingsDialog::accept()
{
    const QUrl url(m_baseUrl->text().trimmed(), QUrl::StrictMode);
    if (const QString problem = OpenAiSettings::baseUrlProblem(url); !problem.isEmpty()) {
        showMessage(problem);
        m_baseUrl->setFocus();
        return;
    }
    const QString prices = m_prices->text().trimmed();
    if (!prices.isEmpty()) {
        if (const Result<QHash<QString, ModelPrice>> loaded = ModelPrices::load(prices); !loaded) {
            showMessage(loaded.error().message);
            m_prices->setFocus();
            return;
        }
    }
    const QString key = m_key->text().trimmed();
    const auto saved = [this](const Status &status) {
        setBusy(false);
        if (!status) {
            showMessage(status.error().message);
            return;
        }
        saveSettings();
        QDialog::accept();
    };
    if (!key.isEmpty()) {
        setBusy(true);
        m_keychain.write(OpenAiSettings::keychainEntry(), key, this, saved);
    } else if (m_forgetKey->isChecked()) {
        setBusy(true);
        m_keychain.remove(OpenAiSettings::keychainEntry(), this, saved);
    } else {
        saved(Done{});
    }
}

void OpenAiSettingsDialog::saveSettings()
{
    QSettings settings;
    OpenAiSettings::save(QUrl(m_baseUrl->text().trimmed(), QUrl::StrictMode), m_prices->text().trimmed(), settings);
}

void OpenAiSettingsDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void OpenAiSettingsDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    for (QWidget *field : std::initializer_list<QWidget *>{m_baseUrl, m_key, m_prices, m_browse}) {
        field->setEnabled(!busy);
    }
}

} // namespace steward
