// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signingkey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <sodium.h>

namespace steward {
namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const QByteArray fileHeader("steward-ed25519-secret-key-v1\n");

} // namespace

QString SigningKey::defaultPathFor(const QString &workspaceId)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/steward/keys/")
        + workspaceId + QStringLiteral(".key");
}

Result<SigningKey> SigningKey::generate()
{
    if (!sodiumReady()) {
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::SigningKey", "The cryptography library could not start.")};
    }
    SigningKey key;
    key.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    key.m_secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                        reinterpret_cast<unsigned char *>(key.m_secretKey.data()));
    return key;
}

Result<SigningKey> SigningKey::load(const QString &path)
{
    if (!sodiumReady()) {
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::SigningKey", "The cryptography library could not start.")};
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error{Error::Code::NotFound,
                     QCoreApplication::translate("steward::SigningKey", "There is no signing key at %1.").arg(path)};
    }
    if (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate(
                         "steward::SigningKey",
                         "The signing key %1 can be read by other users; make it private (chmod 600) first.")
                         .arg(path)};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{
            Error::Code::StoreFailure,
            QCoreApplication::translate("steward::SigningKey", "Cannot read %1: %2").arg(path, file.errorString())};
    }
    const QByteArray content = file.read(4096);
    const QByteArray secretHex =
        content.startsWith(fileHeader) ? content.mid(fileHeader.size()).trimmed() : QByteArray();
    const QByteArray secret = QByteArray::fromHex(secretHex);
    if (secret.size() != crypto_sign_SECRETKEYBYTES || secretHex.size() != 2 * crypto_sign_SECRETKEYBYTES) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::SigningKey", "%1 is not a Steward signing key.").arg(path)};
    }
    SigningKey key;
    key.m_secretKey = secret;
    key.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(key.m_secretKey.constData()));
    return key;
}

Result<SigningKey> SigningKey::loadOrCreate(const QString &path)
{
    if (QFileInfo::exists(path)) {
        return load(path);
    }
    Result<SigningKey> key = generate();
    if (!key) {
        return key;
    }
    if (const Status saved = key->save(path); !saved) {
        return saved.error();
    }
    return key;
}

Status SigningKey::save(const QString &path) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Error{Error::Code::StoreFailure,
                     QCoreApplication::translate("steward::SigningKey", "Cannot create the folder for %1.").arg(path)};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{
            Error::Code::StoreFailure,
            QCoreApplication::translate("steward::SigningKey", "Cannot write %1: %2").arg(path, file.errorString())};
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(fileHeader);
    file.write(m_secretKey.toHex() + '\n');
    if (!file.commit()) {
        return Error{
            Error::Code::StoreFailure,
            QCoreApplication::translate("steward::SigningKey", "Cannot write %1: %2").arg(path, file.errorString())};
    }
    return Done{};
}

QByteArray SigningKey::sign(const QByteArray &message) const
{
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<unsigned long long>(message.size()),
                         reinterpret_cast<const unsigned char *>(m_secretKey.constData()));
    return signature.toHex();
}

bool SigningKey::verify(const QByteArray &message, const QByteArray &signatureHex, const QByteArray &publicKeyHex)
{
    if (!sodiumReady()) {
        return false;
    }
    const QByteArray signature = QByteArray::fromHex(signatureHex);
    const QByteArray publicKey = QByteArray::fromHex(publicKeyHex);
    if (signature.size() != crypto_sign_BYTES || publicKey.size() != crypto_sign_PUBLICKEYBYTES) {
        return false;
    }
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

} // namespace steward
