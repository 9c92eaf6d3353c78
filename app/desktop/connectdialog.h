// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionprofile.h"
#include "domain/result.h"
#include "servercheck.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace steward {

class TokenStore;

// File › Connect to Server…: a saved connection profile or a new one (name, server address,
// token, optionally a pinned certificate), a Test Connection button that asks the server who
// the token signs in as, and Connect. Connect checks the token the same way, keeps it in the
// system keychain when asked to (never in the settings), saves the profile and connects
// through the given function; whatever fails is said in the dialog, which stays open.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    using Connect =
        std::function<Status(const ConnectionProfile &profile, const QString &token, const ServerIdentity &identity)>;

    ConnectDialog(TokenStore &tokens, Connect connect, QWidget *parent);
    Q_DISABLE_COPY_MOVE(ConnectDialog)
    ~ConnectDialog() override = default;

    // Shows a saved profile as if the user had picked it (its token is read from the
    // keychain), with why the dialog came up; an empty message says nothing.
    void selectProfile(const QString &name, const QString &message = {});

    void accept() override;

private:
    enum class Purpose { Test, Connect };

    void fillProfiles(const QString &selectedName);
    void onProfileChosen();
    void forgetProfile();
    void chooseCertificate();
    void check(Purpose purpose);
    void onChecked(const Result<ServerIdentity> &result);
    void connectWith(const ConnectionProfile &profile, const ServerIdentity &identity);
    [[nodiscard]] Result<ConnectionProfile> profileFromForm(Purpose purpose) const;
    void showMessage(const QString &text);
    void setBusy(bool busy);
    void updateState();

    TokenStore &m_tokens;
    Connect m_connect;
    ServerCheck *m_check = nullptr;
    Purpose m_purpose = Purpose::Test;
    bool m_busy = false;

    QComboBox *m_profiles = nullptr;
    QPushButton *m_forget = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_remember = nullptr;
    QLineEdit *m_certificate = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_connectButton = nullptr;
};

} // namespace steward
