// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace steward {

// How a client reaches one stewardd: where it is, who is asking, and which certificate to
// trust besides the ones the system trusts. ApiClient and StreamClient share it, so that the
// requests and the live stream follow the same TLS rule.
struct ServerConnection
{
    QUrl url; // http(s)://host[:port], optionally with a path prefix in front of /api/v1
    QString token; // the bearer token
    // A certificate to accept even when no authority the system trusts signed it (a server
    // with a self-signed certificate). Null: only certificates the system trusts.
    QSslCertificate pinnedCertificate;
    // How long one request may take before the caller gets an error.
    int timeoutMs = 15'000;

    // The first certificate in a PEM file, for pinnedCertificate.
    [[nodiscard]] static Result<QSslCertificate> readCertificate(const QString &path);

    // An http or https URL with a host, and a token: what a connection needs before it is tried.
    [[nodiscard]] Status check() const;

    // The TLS rule: go on despite `errors` only when a certificate is pinned and every error is
    // about exactly that certificate. A valid certificate raises no errors and needs no pin.
    [[nodiscard]] bool acceptsDespite(const QList<QSslError> &errors) const;

    // The server as messages name it: the URL without credentials, query or fragment.
    [[nodiscard]] QString displayUrl() const;

    // `path` (such as /api/v1/tree) below the server's URL.
    [[nodiscard]] QUrl endpoint(const QString &path) const;
};

} // namespace steward
