// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace steward {

// What a model costs, in US dollars per million tokens.
struct ModelPrice
{
    double inputPerMillion = 0.0;
    double outputPerMillion = 0.0;

    [[nodiscard]] double cost(qint64 tokensIn, qint64 tokensOut) const
    {
        return (double(tokensIn) * inputPerMillion + double(tokensOut) * outputPerMillion) / 1e6;
    }

    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

// The price list the openai runner uses when the model server does not say what a call cost.
// Prices change and differ between providers, so they are the operator's to give, as a JSON
// file (stewardd --openai-prices FILE):
//   {"gpt-4o-mini": {"input": 0.15, "output": 0.60}, ...}
// Strict: an unknown key, a missing or negative price is refused with a message naming it.
namespace ModelPrices {

[[nodiscard]] Result<QHash<QString, ModelPrice>> load(const QString &path);
// Reads the file's text; `path` only names it in messages.
[[nodiscard]] Result<QHash<QString, ModelPrice>> parse(const QByteArray &content, const QString &path);

} // namespace ModelPrices

} // namespace steward
