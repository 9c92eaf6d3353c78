// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelprices.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace steward::ModelPrices {

namespace {

// A price list is a few lines; a bigger file is a mistake, not a price list.
constexpr qint64 maxFileBytes = 1024 * 1024;

Error invalid(const QString &message)
{
    return {Error::Code::Invalid, message};
}

Result<double> price(const QJsonObject &entry, const QString &key, const QString &model, const QString &path)
{
    const QJsonValue value = entry.value(key);
    if (!value.isDouble() || value.toDouble() < 0.0) {
        return invalid(QCoreApplication::translate("steward::ModelPrices",
                                                   "%1: the model \"%2\" needs \"%3\": a price in US dollars per "
                                                   "million tokens, 0 or more")
                           .arg(path, model, key));
    }
    return value.toDouble();
}

} // namespace

Result<QHash<QString, ModelPrice>> load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return invalid(
            QCoreApplication::translate("steward::ModelPrices", "cannot read %1: %2").arg(path, file.errorString()));
    }
    if (file.size() > maxFileBytes) {
        return invalid(QCoreApplication::translate("steward::ModelPrices", "%1 is larger than 1 MiB").arg(path));
    }
    return parse(file.readAll(), path);
}

Result<QHash<QString, ModelPrice>> parse(const QByteArray &content, const QString &path)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return invalid(QCoreApplication::translate("steward::ModelPrices",
                                                   "%1 is not a JSON object of models and prices, e.g. "
                                                   "{\"gpt-4o-mini\": {\"input\": 0.15, \"output\": 0.60}}")
                           .arg(path));
    }
    static const QStringList keys{QStringLiteral("input"), QStringLiteral("output")};
    QHash<QString, ModelPrice> prices;
    const QJsonObject models = document.object();
    for (auto model = models.begin(); model != models.end(); ++model) {
        if (model.key().trimmed().isEmpty() || !model.value().isObject()) {
            return invalid(QCoreApplication::translate("steward::ModelPrices",
                                                       "%1: \"%2\" must be a model name with an object of prices")
                               .arg(path, model.key()));
        }
        const QJsonObject entry = model.value().toObject();
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (!keys.contains(it.key())) {
                return invalid(QCoreApplication::translate("steward::ModelPrices",
                                                           "%1: the model \"%2\" has an unknown price \"%3\" "
                                                           "(input, output)")
                                   .arg(path, model.key(), it.key()));
            }
        }
        const Result<double> input = price(entry, keys.at(0), model.key(), path);
        if (!input) {
            return input.error();
        }
        const Result<double> output = price(entry, keys.at(1), model.key(), path);
        if (!output) {
            return output.error();
        }
        prices.insert(model.key(), ModelPrice{input.value(), output.value()});
    }
    return prices;
}

} // namespace steward::ModelPrices
