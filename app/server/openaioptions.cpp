// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaioptions.h"

#include "execution/webhooksecrets.h"
#include "runtime/modelprices.h"
#include "serverconfig.h"

#include <QCoreApplication>

namespace steward {

Result<OpenAiRunner::Options> openAiRunnerOptions(const ServerConfig &config)
{
    OpenAiRunner::Options options;
    options.baseUrl = config.openAiBaseUrl;
    if (!config.secretsFile.isEmpty()) {
        const Result<WebhookSecrets> secrets = WebhookSecrets::load(config.secretsFile);
        if (!secrets) {
            return Error{
                secrets.error().code,
                QCoreApplication::translate("steward::OpenAiOptions", "secrets: %1").arg(secrets.error().message)};
        }
        options.apiKey = secrets->secret(QString::fromLatin1(OpenAiSecretName)).value_or(QByteArray());
    }
    if (!config.openAiPricesFile.isEmpty()) {
        Result<QHash<QString, ModelPrice>> prices = ModelPrices::load(config.openAiPricesFile);
        if (!prices) {
            return Error{
                prices.error().code,
                QCoreApplication::translate("steward::OpenAiOptions", "openai-prices: %1").arg(prices.error().message)};
        }
        options.prices = std::move(prices).value();
    }
    return options;
}

} // namespace steward
