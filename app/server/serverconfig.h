// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace steward {

// How stewardd runs. Each setting comes from, in this order of precedence: a command-line
// flag, an environment variable (STEWARD_<NAME>), a key in the config file (--config FILE,
// INI "name = value" lines), or the default. So a container sets the environment, a
// packaged service ships a file, and a developer types flags.
struct ServerConfig
{
    QString database; // an SQLite file path or a postgresql:// URL
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8470;
    QString tlsCertificate; // PEM files; both or neither
    QString tlsKey;
    // Failed authentications a client address may make per minute before it gets 429s.
    int failedAuthPerMinute = 10;
    // Seconds a connection may sit in the middle of a request before it is closed.
    int requestTimeoutSeconds = 30;
    // The executor of approved actions: on in every instance (several share the work), off for
    // an instance that should only serve. Webhooks are signed with the secrets in secretsFile
    // (see WebhookSecrets); an action is tried at most executorMaxAttempts times.
    bool executor = true;
    int executorMaxAttempts = 10;
    QString secretsFile;
    // The openai runner (core/runtime/openairunner.h): the OpenAI-compatible server its runs
    // call, and a price list (ModelPrices) for servers that do not say what a call cost. The
    // key is the secrets file's entry "openai" (openAiRunnerOptions in openaioptions.h).
    QUrl openAiBaseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    QString openAiPricesFile;
    bool showHelp = false;

    [[nodiscard]] bool usesTls() const { return !tlsCertificate.isEmpty(); }

    // Reads the flags (arguments include the program name), the environment and the file
    // named by --config / STEWARD_CONFIG. Unknown flags, bad addresses and half a TLS setup
    // are refused with a message that names the setting.
    [[nodiscard]] static Result<ServerConfig> read(const QStringList &arguments,
                                                   const QProcessEnvironment &environment);
    [[nodiscard]] static QString helpText();
    // The default database when none is given: stewardd.steward in the user's data directory.
    [[nodiscard]] static QString defaultDatabase();
};

} // namespace steward
