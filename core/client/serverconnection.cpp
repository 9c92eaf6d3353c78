// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconnection.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace steward {

Result<QSslCertificate> ServerConnection::readCertificate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::ServerConnection", "Cannot read the certificate %1: %2")
                         .arg(path, file.errorString())};
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull()) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ServerConnection", "%1 holds no PEM certificate.").arg(path)};
    }
    return certificates.first();
}

Status ServerConnection::check() const
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ServerConnection",
                                                 "'%1' is not a server address; give one such as "
                                                 "https://steward.example.com or http://127.0.0.1:8080.")
                         .arg(url.toString())};
    }
    if (token.isEmpty()) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate("steward::ServerConnection",
                                                 "No token for %1: a server only answers to a bearer token.")
                         .arg(displayUrl())};
    }
    return Done{};
}

bool ServerConnection::acceptsDespite(const QList<QSslError> &errors) const
{
    if (pinnedCertificate.isNull() || errors.isEmpty()) {
        return false;
    }
    // Each error names the certificate it is about; one about any other certificate (a
    // different server, an intermediate) means the pin does not cover it.
    return std::all_of(errors.cbegin(), errors.cend(),
                       [this](const QSslError &error) { return error.certificate() == pinnedCertificate; });
}

QString ServerConnection::displayUrl() const
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
        .toString();
}

QUrl ServerConnection::endpoint(const QString &path) const
{
    QUrl target = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    target.setPath(target.path() + path);
    return target;
}

} // namespace steward
