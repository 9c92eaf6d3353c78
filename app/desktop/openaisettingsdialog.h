// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace steward {

class TokenStore;

// Edit › OpenAI Settings…: where the app's own runs of `openai` agents go (the workspaces it
// runs itself; a shared workspace's runs are the server's). The server's address and an
// optional price list are saved in the settings, the key in the system keychain only; the key
// field never shows a saved key, it says whether one is saved. Save checks the address and the
// price list and writes the key; whatever fails is said in the dialog, which stays open.
class OpenAiSettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    // `keychain` is a TokenStore on OpenAiSettings::keychainService().
    OpenAiSettingsDialog(TokenStore &keychain, QWidget *parent);
    Q_DISABLE_COPY_MOVE(OpenAiSettingsDialog)
    ~OpenAiSettingsDialog() override = default;

    void accept() override;

private:
    void readKeyState();
    void choosePrices();
    void saveSettings();
    void showMessage(const QString &text);
    void setBusy(bool busy);

    TokenStore &m_keychain;
    bool m_keySaved = false;

    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_keyState = nullptr;
    QCheckBox *m_forgetKey = nullptr;
    QLineEdit *m_prices = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
