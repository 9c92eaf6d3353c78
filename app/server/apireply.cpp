// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apireply.h"

#include "api/jsoncodec.h"

#include <QHttpServerResponder>
#include <QJsonDocument>

namespace steward {

ApiReply ApiReply::json(const QJsonObject &object, int status)
{
    return ApiReply{status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

ApiReply ApiReply::json(const QJsonArray &array, int status)
{
    return ApiReply{status, "application/json", QJsonDocument(array).toJson(QJsonDocument::Compact), {}};
}

ApiReply ApiReply::page(const QJsonArray &items, const QString &nextCursor)
{
    QJsonObject object{{QStringLiteral("items"), items}};
    if (!nextCursor.isEmpty()) {
        object.insert(QStringLiteral("nextCursor"), nextCursor);
    }
    return json(object);
}

ApiReply ApiReply::error(int status, const QString &code, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}},
                status);
}

ApiReply ApiReply::error(const Error &error)
{
    return json(toJson(error), statusOf(error.code));
}

ApiReply ApiReply::text(const QByteArray &body, const QByteArray &contentType, int status)
{
    return ApiReply{status, contentType, body, {}};
}

int ApiReply::statusOf(Error::Code code)
{
    switch (code) {
    case Error::Code::NotFound: return 404;
    case Error::Code::Invalid: return 400;
    case Error::Code::Conflict: return 409;
    case Error::Code::Forbidden: return 403;
    case Error::Code::TooLarge: return 413;
    case Error::Code::StoreMissing:
    case Error::Code::StoreLocked:
    case Error::Code::StoreCorrupt:
    case Error::Code::StoreTooNew: return 503;
    case Error::Code::StoreFailure: return 500;
    }
    return 500;
}

void ApiReply::writeTo(QHttpServerResponder &responder) const
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &[name, value] : headers) {
        responder.writeHeader(name, value);
    }
    responder.writeBody(body);
}

} // namespace steward
