// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace steward::test {

// One HTTP request as the tests' small servers (WebhookReceiver, FakeOpenAi) received it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    [[nodiscard]] QJsonObject json() const;

    // Takes the first complete request (headers and a Content-Length body) out of the bytes
    // a connection has received so far; nothing while it is still incomplete.
    [[nodiscard]] static std::optional<RecordedRequest> take(QByteArray &received);
};

} // namespace steward::test
