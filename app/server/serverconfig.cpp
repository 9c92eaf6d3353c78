// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <optional>

namespace steward {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("steward::ServerConfig", text);
}

// The settings stewardd knows: the flag is --NAME, the variable STEWARD_<NAME> with dashes as
// underscores, the config-file key NAME.
const QStringList &settingNames()
{
    static const QStringList names{
        QStringLiteral("database"),
        QStringLiteral("listen"),
        QStringLiteral("tls-certificate"),
        QStringLiteral("tls-key"),
        QStringLiteral("failed-auth-per-minute"),
        QStringLiteral("request-timeout"),
        QStringLiteral("executor"),
        QStringLiteral("executor-max-attempts"),
        QStringLiteral("secrets"),
        QStringLiteral("openai-base-url"),
        QStringLiteral("openai-prices"),
    };
    return names;
}

QString environmentName(const QString &setting)
{
    return QStringLiteral("STEWARD_") + setting.toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
}

Error invalid(const QString &message)
{
    return Error{Error::Code::Invalid, message};
}

Status applyListen(ServerConfig &config, const QString &value)
{
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return invalid(translated("listen: expected ADDRESS:PORT, e.g. 127.0.0.1:8470, not \"%1\"").arg(value));
    }
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
    }
    bool portOk = false;
    const uint port = value.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port > 65535) {
        return invalid(translated("listen: \"%1\" is not a port number (0-65535)").arg(value.mid(colon + 1)));
    }
    QHostAddress address;
    if (host == QLatin1String("localhost")) {
        address = QHostAddress(QHostAddress::LocalHost);
    } else if (host == QLatin1String("*")) {
        address = QHostAddress(QHostAddress::Any);
    } else if (!address.setAddress(host)) {
        return invalid(translated("listen: \"%1\" is not an IP address").arg(host));
    }
    config.listenAddress = address;
    config.listenPort = static_cast<quint16>(port);
    return Done{};
}

Result<int> positiveNumber(const QString &setting, const QString &value, int maximum)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < 1 || number > maximum) {
        return invalid(
            translated("%1: expected a whole number from 1 to %2, not \"%3\"").arg(setting).arg(maximum).arg(value));
    }
    return number;
}

Status apply(ServerConfig &config, const QString &setting, const QString &value)
{
    if (setting == QLatin1String("database")) {
        config.database = value;
    } else if (setting == QLatin1String("listen")) {
        return applyListen(config, value);
    } else if (setting == QLatin1String("tls-certificate")) {
        config.tlsCertificate = value;
    } else if (setting == QLatin1String("tls-key")) {
        config.tlsKey = value;
    } else if (setting == QLatin1String("failed-auth-per-minute")) {
        const Result<int> number = positiveNumber(setting, value, 100000);
        if (!number) {
            return number.error();
        }
        config.failedAuthPerMinute = number.value();
    } else if (setting == QLatin1String("request-timeout")) {
        const Result<int> number = positiveNumber(setting, value, 3600);
        if (!number) {
            return number.error();
        }
        config.requestTimeoutSeconds = number.value();
    } else if (setting == QLatin1String("executor")) {
        if (value != QLatin1String("on") && value != QLatin1String("off")) {
            return invalid(
                QCoreApplication::translate("steward::ServerConfig", "executor: expected on or off, not \"%1\"")
                    .arg(value));
        }
        config.executor = value == QLatin1String("on");
    } else if (setting == QLatin1String("executor-max-attempts")) {
        const Result<int> number = positiveNumber(setting, value, 100);
        if (!number) {
            return number.error();
        }
        config.executorMaxAttempts = number.value();
    } else if (setting == QLatin1String("secrets")) {
        config.secretsFile = value;
    } else if (setting == QLatin1String("openai-base-url")) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            return invalid(translated("openai-base-url: expected an http:// or https:// URL such as "
                                      "https://api.openai.com/v1, not \"%1\"")
                               .arg(url.toString(QUrl::RemoveUserInfo)));
        }
        config.openAiBaseUrl = url;
    } else if (setting == QLatin1String("openai-prices")) {
        config.openAiPricesFile = value;
    }
    return Done{};
}

struct Flags
{
    QHash<QString, QString> values;
    QString configFile;
    bool help = false;
};

Result<Flags> readFlags(const QStringList &arguments)
{
    Flags flags;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            flags.help = true;
            continue;
        }
        if (!argument.startsWith(QLatin1String("--"))) {
            return invalid(translated("unexpected argument \"%1\" (see --help)").arg(argument));
        }
        argument.remove(0, 2);
        QString value;
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        if (equals >= 0) {
            value = argument.mid(equals + 1);
            argument.truncate(equals);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        } else {
            return invalid(translated("--%1 needs a value").arg(argument));
        }
        if (argument == QLatin1String("config")) {
            flags.configFile = value;
        } else if (settingNames().contains(argument)) {
            flags.values.insert(argument, value);
        } else {
            return invalid(translated("unknown option --%1 (see --help)").arg(argument));
        }
    }
    return flags;
}

} // namespace

Result<ServerConfig> ServerConfig::read(const QStringList &arguments, const QProcessEnvironment &environment)
{
    const Result<Flags> flags = readFlags(arguments);
    if (!flags) {
        return flags.error();
    }
    ServerConfig config;
    config.showHelp = flags.value().help;
    config.database = defaultDatabase();

    QString configFile = flags.value().configFile;
    if (configFile.isEmpty()) {
        configFile = environment.value(QStringLiteral("STEWARD_CONFIG"));
    }
    std::optional<QSettings> file;
    if (!configFile.isEmpty()) {
        if (!QFileInfo(configFile).isReadable()) {
            return invalid(translated("config: cannot read \"%1\"").arg(configFile));
        }
        file.emplace(configFile, QSettings::IniFormat);
        if (file->status() != QSettings::NoError) {
            return invalid(translated("config: \"%1\" is not a valid settings file").arg(configFile));
        }
        for (const QString &key : file->allKeys()) {
            if (!settingNames().contains(key)) {
                return invalid(translated("config: unknown setting \"%1\" in %2").arg(key, configFile));
            }
        }
    }

    for (const QString &setting : settingNames()) {
        std::optional<QString> value;
        if (flags.value().values.contains(setting)) {
            value = flags.value().values.value(setting);
        } else if (environment.contains(environmentName(setting))) {
            value = environment.value(environmentName(setting));
        } else if (file && file->contains(setting)) {
            value = file->value(setting).toString();
        }
        if (value) {
            if (const Status applied = apply(config, setting, *value); !applied) {
                return applied.error();
            }
        }
    }
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty()) {
        return invalid(translated("TLS needs both --tls-certificate and --tls-key"));
    }
    return config;
}

QString ServerConfig::defaultDatabase()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("steward/stewardd.steward"));
}

QString ServerConfig::helpText()
{
    return translated("Usage: stewardd [options]\n"
                      "The Steward backend: serves one workspace over HTTP (JSON under /api/v1) and a live\n"
                      "stream (WebSocket /api/v1/stream).\n\n"
                      "Options (each also as STEWARD_<NAME> in the environment or NAME = VALUE in the config file):\n"
                      "  --database FILE|URL        SQLite file or postgresql:// URL (default: %1)\n"
                      "  --listen ADDRESS:PORT      where to listen (default 127.0.0.1:8470; port 0 picks a free one)\n"
                      "  --tls-certificate FILE     PEM certificate; with --tls-key, serve HTTPS and WSS\n"
                      "  --tls-key FILE             PEM private key\n"
                      "  --failed-auth-per-minute N failed logins a client address may make per minute (default 10)\n"
                      "  --request-timeout SECONDS  how long a request may take to arrive (default 30)\n"
                      "  --executor on|off          execute approved actions here (default on)\n"
                      "  --executor-max-attempts N  attempts at an action before it fails (default 10)\n"
                      "  --secrets FILE             webhook signing secrets, name = value (owner-only file)\n"
                      "  --openai-base-url URL      the openai runner's server (default https://api.openai.com/v1);\n"
                      "                             its key is the entry openai in the --secrets file\n"
                      "  --openai-prices FILE       the openai runner's prices per million tokens (JSON)\n"
                      "  --config FILE              read settings from FILE (INI)\n"
                      "  --help                     show this text\n")
        .arg(defaultDatabase());
}

} // namespace steward
