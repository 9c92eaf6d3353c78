// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/principal.h"
#include "domain/result.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QString>

namespace steward {

// A request as a handler sees it: the HTTP request, the values of the route's {placeholders},
// and the principal its bearer token belongs to (for routes that need one).
struct ApiRequest
{
    const QHttpServerRequest &http;
    QHash<QString, QString> pathValues;
    Principal principal;

    // A {placeholder} that must be a positive whole number (an id, a version number).
    [[nodiscard]] Result<qint64> idValue(const QString &name) const;
    // A query parameter, or empty.
    [[nodiscard]] QString query(const QString &name) const;
    // A whole-number query parameter: `fallback` when absent; refused when not a number or
    // outside minimum..maximum.
    [[nodiscard]] Result<qint64> queryNumber(const QString &name, qint64 fallback, qint64 minimum,
                                             qint64 maximum) const;
    // The body as a JSON object, checked by parseJsonBody: within the size limit, UTF-8, JSON,
    // an object.
    [[nodiscard]] Result<QJsonObject> jsonObject() const;
};

} // namespace steward
