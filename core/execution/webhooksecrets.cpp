// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooksecrets.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace steward {

namespace {

Error invalid(const QString &message)
{
    return {Error::Code::Invalid, message};
}

bool isSecretName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    return pattern.match(name).hasMatch();
}

Result<WebhookSecrets> parseJson(const QByteArray &content, const QString &path)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return invalid(
            QCoreApplication::translate("steward::WebhookSecrets", "%1 is not a JSON object of secret names and values")
                .arg(path));
    }
    QHash<QString, QByteArray> values;
    const QJsonObject object = document.object();
    for (auto entry = object.begin(); entry != object.end(); ++entry) {
        if (!isSecretName(entry.key())) {
            return invalid(
                QCoreApplication::translate("steward::WebhookSecrets",
                                            "%1: \"%2\" is not a secret name (letters, digits, '_', '.', '-')")
                    .arg(path, entry.key()));
        }
        if (!entry.value().isString() || entry.value().toString().isEmpty()) {
            return invalid(QCoreApplication::translate("steward::WebhookSecrets",
                                                       "%1: the secret \"%2\" must be a non-empty string")
                               .arg(path, entry.key()));
        }
        values.insert(entry.key(), entry.value().toString().toUtf8());
    }
    return WebhookSecrets(values);
}

Result<WebhookSecrets> parseLines(const QByteArray &content, const QString &path)
{
    QHash<QString, QByteArray> values;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith(';')) {
            continue;
        }
        const qsizetype equals = line.indexOf('=');
        const QString name = QString::fromUtf8(line.left(equals).trimmed());
        const QByteArray value = equals < 0 ? QByteArray() : line.mid(equals + 1).trimmed();
        if (equals < 0 || !isSecretName(name)) {
            return invalid(QCoreApplication::translate("steward::WebhookSecrets", "%1, line %2: expected name = value")
                               .arg(path)
                               .arg(i + 1));
        }
        if (value.isEmpty()) {
            return invalid(
                QCoreApplication::translate("steward::WebhookSecrets", "%1, line %2: the secret \"%3\" is empty")
                    .arg(path)
                    .arg(i + 1)
                    .arg(name));
        }
        if (values.contains(name)) {
            return invalid(
                QCoreApplication::translate("steward::WebhookSecrets", "%1, line %2: the secret \"%3\" is given twice")
                    .arg(path)
                    .arg(i + 1)
                    .arg(name));
        }
        values.insert(name, value);
    }
    return WebhookSecrets(values);
}

} // namespace

Result<WebhookSecrets> WebhookSecrets::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return Error{
            Error::Code::NotFound,
            QCoreApplication::translate("steward::WebhookSecrets", "There is no secret file at %1.").arg(path)};
    }
    if (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        return Error{Error::Code::Forbidden,
                     QCoreApplication::translate(
                         "steward::WebhookSecrets",
                         "The secret file %1 can be read by other users; make it private (chmod 600) first.")
                         .arg(path)};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{
            Error::Code::StoreFailure,
            QCoreApplication::translate("steward::WebhookSecrets", "Cannot read %1: %2").arg(path, file.errorString())};
    }
    return parse(file.readAll(), path);
}

Result<WebhookSecrets> WebhookSecrets::parse(const QByteArray &content, const QString &path)
{
    return content.trimmed().startsWith('{') ? parseJson(content, path) : parseLines(content, path);
}

std::optional<QByteArray> WebhookSecrets::secret(const QString &name) const
{
    const auto found = m_values.constFind(name);
    if (found == m_values.cend()) {
        return std::nullopt;
    }
    return found.value();
}

} // namespace steward
