// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

class QHttpServerResponder;

namespace steward {

// One HTTP answer: status, body and headers. Errors are JSON objects
// {"error": {"code": "...", "message": "..."}} with the stable codes of docs/api.md.
struct ApiReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] static ApiReply json(const QJsonObject &object, int status = 200);
    [[nodiscard]] static ApiReply json(const QJsonArray &array, int status = 200);
    // A list page: {"items": [...], "nextCursor": "..."}; no nextCursor on the last page.
    [[nodiscard]] static ApiReply page(const QJsonArray &items, const QString &nextCursor);
    [[nodiscard]] static ApiReply error(int status, const QString &code, const QString &message);
    // A core error, with its HTTP status (not found 404, invalid 400, conflict 409, ...).
    [[nodiscard]] static ApiReply error(const Error &error);
    [[nodiscard]] static ApiReply text(const QByteArray &body, const QByteArray &contentType, int status = 200);

    [[nodiscard]] static int statusOf(Error::Code code);

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append(qMakePair(name, value)); }

    void writeTo(QHttpServerResponder &responder) const;
};

} // namespace steward
