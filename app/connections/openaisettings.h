// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "runtime/openairunner.h"

#include <QString>
#include <QUrl>

#include <functional>

class QObject;
class QSettings;

namespace steward {

class TokenStore;

// The openai runner's settings on this computer, for the workspaces the app runs itself (a
// local file; a shared workspace's runs are stewardd's, configured there): the server's base
// URL and the price list's file in QSettings, the key in the system keychain under its own
// service (keychainService(), entry "api-key") and never anywhere else.
class OpenAiSettings final
{
public:
    [[nodiscard]] static QUrl defaultBaseUrl();
    [[nodiscard]] static QString keychainService();
    [[nodiscard]] static QString keychainEntry();

    // Whether the user saved settings (Edit › OpenAI Settings…): only then is the keychain asked.
    [[nodiscard]] static bool isConfigured(const QSettings &settings);
    [[nodiscard]] static QUrl baseUrl(const QSettings &settings);
    [[nodiscard]] static QString pricesFile(const QSettings &settings);
    static void save(const QUrl &baseUrl, const QString &pricesFile, QSettings &settings);

    // Why the URL cannot be the base URL (not http or https, no host), or empty when it can.
    [[nodiscard]] static QString baseUrlProblem(const QUrl &url);

    // The runner's options: the saved base URL and prices, and the key from `keychain` (a
    // TokenStore on keychainService()); none saved is no key. `done` runs once, from the event
    // loop, unless `context` is gone; a price file or keychain that fails is the error.
    static void options(TokenStore &keychain, QObject *context,
                        std::function<void(const Result<OpenAiRunner::Options> &)> done);
};

} // namespace steward
