// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaisettings.h"

#include "runtime/modelprices.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QSettings>

namespace steward {

namespace {

const QString baseUrlKey = QStringLiteral("openai/baseUrl");
const QString pricesFileKey = QStringLiteral("openai/pricesFile");

} // namespace

QUrl OpenAiSettings::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.openai.com/v1"));
}

QString OpenAiSettings::keychainService()
{
    return QStringLiteral("Steward OpenAI");
}

QString OpenAiSettings::keychainEntry()
{
    return QStringLiteral("api-key");
}

bool OpenAiSettings::isConfigured(const QSettings &settings)
{
    return settings.contains(baseUrlKey);
}

QUrl OpenAiSettings::baseUrl(const QSettings &settings)
{
    const QUrl saved(settings.value(baseUrlKey).toString(), QUrl::StrictMode);
    return baseUrlProblem(saved).isEmpty() ? saved : defaultBaseUrl();
}

QString OpenAiSettings::pricesFile(const QSettings &settings)
{
    return settings.value(pricesFileKey).toString();
}

void OpenAiSettings::save(const QUrl &baseUrl, const QString &pricesFile, QSettings &settings)
{
    settings.setValue(baseUrlKey, baseUrl.toString());
    if (pricesFile.isEmpty()) {
        settings.remove(pricesFileKey);
    } else {
        settings.setValue(pricesFileKey, pricesFile);
    }
}

QString OpenAiSettings::baseUrlProblem(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        return QCoreApplication::translate("steward::OpenAiSettings",
                                           "The server's address is an http:// or https:// URL such as "
                                           "https://api.openai.com/v1.");
    }
    return {};
}

void OpenAiSettings::options(TokenStore &keychain, QObject *context,
                             std::function<void(const Result<OpenAiRunner::Options> &)> done)
{
    const QSettings settings;
    OpenAiRunner::Options options;
    options.baseUrl = baseUrl(settings);
    const QString prices = pricesFile(settings);
    keychain.read(keychainEntry(), context, [options, prices, done](const Result<QString> &key) mutable {
        if (!key && key.error().code != Error::Code::NotFound) {
            done(key.error());
            return;
        }
        if (key) {
            options.apiKey = key.value().toUtf8();
        }
        if (!prices.isEmpty()) {
            Result<QHash<QString, ModelPrice>> loaded = ModelPrices::load(prices);
            if (!loaded) {
                done(loaded.error());
                return;
            }
            options.prices = std::move(loaded).value();
        }
        done(options);
    });
}

} // namespace steward
