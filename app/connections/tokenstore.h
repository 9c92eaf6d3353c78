// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace steward {

// The bearer token of each connection profile, in the system keychain (the Secret Service on
// Linux, the Keychain on macOS, the Credential Manager on Windows) through QtKeychain, under
// the service "Steward" and the profile's name. Never anywhere else: not in QSettings, not in
// a log, not in an error message.
//
// The keychain answers asynchronously, and a keychain that never answers (a locked one whose
// unlock prompt nobody sees) must not hang the app, so every request ends, exactly once, in
// its callback: with the answer, the keychain's own error, or a timeout. The callback is not
// called once `context` is gone.
class TokenStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10'000;

    explicit TokenStore(QObject *parent = nullptr);
    // Entries of another keychain service than service(), under names of their own: the openai
    // runner's key (OpenAiSettings) is kept apart from the profiles' tokens, so that no profile
    // name can ever meet it.
    TokenStore(QString service, QObject *parent);

    // The keychain's service name, under which every profile's token is kept.
    [[nodiscard]] static QString service();

    // The token saved for the profile; NotFound when there is none.
    void read(const QString &profileName, QObject *context, std::function<void(const Result<QString> &)> done);
    void write(const QString &profileName, const QString &token, QObject *context,
               std::function<void(const Status &)> done);
    // Forgets the profile's token; forgetting one that is not there is no error.
    void remove(const QString &profileName, QObject *context, std::function<void(const Status &)> done);

    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }
    // For tests: how long to wait for the keychain before giving up.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

private:
    [[nodiscard]] Error timeoutError() const;

    int m_timeoutMs = DefaultTimeoutMs;
    QString m_service = service();
};

} // namespace steward
