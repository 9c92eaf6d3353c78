// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequest.h"

#include "api/apilimits.h"
#include "api/jsoncodec.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace steward {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::ApiRequest", text);
}

} // namespace

Result<qint64> ApiRequest::idValue(const QString &name) const
{
    bool ok = false;
    const qint64 value = pathValues.value(name).toLongLong(&ok);
    if (!ok || value <= 0) {
        return Error{Error::Code::Invalid,
                     translated("%1: \"%2\" is not a positive whole number").arg(name, pathValues.value(name))};
    }
    return value;
}

QString ApiRequest::query(const QString &name) const
{
    return http.query().queryItemValue(name, QUrl::FullyDecoded);
}

Result<qint64> ApiRequest::queryNumber(const QString &name, qint64 fallback, qint64 minimum, qint64 maximum) const
{
    if (!http.query().hasQueryItem(name)) {
        return fallback;
    }
    bool ok = false;
    const qint64 value = query(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        return Error{Error::Code::Invalid,
                     translated("%1: expected a whole number from %2 to %3, not \"%4\"")
                         .arg(name)
                         .arg(minimum)
                         .arg(maximum)
                         .arg(query(name))};
    }
    return value;
}

Result<QJsonObject> ApiRequest::jsonObject() const
{
    const Result<QJsonDocument> document = parseJsonBody(http.body(), ApiLimits::MaxRequestBytes);
    if (!document) {
        return document.error();
    }
    // parseJsonBody has checked that it is an object.
    return document->object();
}

} // namespace steward
