// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordedrequest.h"

#include <QJsonDocument>
#include <QList>

namespace steward::test {

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

std::optional<RecordedRequest> RecordedRequest::take(QByteArray &received)
{
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return std::nullopt;
    }
    const QList<QByteArray> lines = received.left(headerEnd).split('\n');
    RecordedRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0) {
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (received.size() < headerEnd + 4 + length) {
        return std::nullopt;
    }
    request.body = received.mid(headerEnd + 4, length);
    received.clear();
    return request;
}

} // namespace steward::test
