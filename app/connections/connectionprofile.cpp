// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprofile.h"

#include <QCoreApplication>
#include <QSettings>

namespace steward {
namespace {

const QString arrayKey = QStringLiteral("servers/profiles");
const QString nameKey = QStringLiteral("name");
const QString urlKey = QStringLiteral("url");
const QString principalKey = QStringLiteral("principal");
const QString certificateKey = QStringLiteral("certificate");

} // namespace

Status ConnectionProfile::check() const
{
    if (name.trimmed().isEmpty()) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ConnectionProfile", "Give the connection a name.")};
    }
    const Result<QUrl> url = parseServerUrl(serverUrl.toString());
    if (!url) {
        return url.error();
    }
    return Done{};
}

Result<QUrl> ConnectionProfile::parseServerUrl(const QString &text)
{
    QString spelled = text.trimmed();
    if (spelled.isEmpty()) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ConnectionProfile",
                                                 "Enter the server's address, e.g. https://steward.example.com.")};
    }
    if (!spelled.contains(QLatin1String("://"))) {
        spelled.prepend(QLatin1String("https://"));
    }
    QUrl url(spelled, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ConnectionProfile",
                                        "That is not a server address; one looks like https://steward.example.com.")};
    }
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ConnectionProfile",
                                                 "A server address starts with https:// (or http://), not %1://.")
                         .arg(url.scheme())};
    }
    // No message repeats what was typed: it may hold a password or a token.
    if (!url.userInfo().isEmpty()) {
        return Error{
            Error::Code::Invalid,
            QCoreApplication::translate("steward::ConnectionProfile",
                                        "Leave the user name and password out of the server address: the token signs "
                                        "you in.")};
    }
    if (url.hasQuery() || url.hasFragment()) {
        return Error{Error::Code::Invalid,
                     QCoreApplication::translate("steward::ConnectionProfile",
                                                 "A server address has no query (?…) or fragment (#…).")};
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path);
    return url;
}

std::unique_ptr<QSettings> ConnectionProfiles::appSettings()
{
    // The desktop app's organisation and application names (app/desktop/main.cpp).
    return std::make_unique<QSettings>(QStringLiteral("Steward"), QStringLiteral("Steward"));
}

QList<ConnectionProfile> ConnectionProfiles::list()
{
    QSettings settings;
    return list(settings);
}

QList<ConnectionProfile> ConnectionProfiles::list(QSettings &settings)
{
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(arrayKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = settings.value(nameKey).toString();
        profile.serverUrl = QUrl(settings.value(urlKey).toString());
        profile.principalName = settings.value(principalKey).toString();
        profile.certificatePath = settings.value(certificateKey).toString();
        // A hand-edited settings file may hold anything; offer only what can be used.
        if (profile.check()) {
            profiles.append(profile);
        }
    }
    settings.endArray();
    return profiles;
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString &name)
{
    QSettings settings;
    return find(name, settings);
}

std::optional<ConnectionProfile> ConnectionProfiles::find(const QString &name, QSettings &settings)
{
    for (const ConnectionProfile &profile : list(settings)) {
        if (profile.name == name) {
            return profile;
        }
    }
    return std::nullopt;
}

void ConnectionProfiles::save(const ConnectionProfile &profile)
{
    QSettings settings;
    save(profile, settings);
}

void ConnectionProfiles::save(const ConnectionProfile &profile, QSettings &settings)
{
    QList<ConnectionProfile> profiles = list(settings);
    profiles.removeIf([&profile](const ConnectionProfile &saved) { return saved.name == profile.name; });
    profiles.prepend(profile);
    store(profiles, settings);
}

void ConnectionProfiles::remove(const QString &name)
{
    QSettings settings;
    QList<ConnectionProfile> profiles = list(settings);
    profiles.removeIf([&name](const ConnectionProfile &saved) { return saved.name == name; });
    store(profiles, settings);
}

void ConnectionProfiles::store(const QList<ConnectionProfile> &profiles, QSettings &settings)
{
    // A shorter array leaves the old entries behind unless the group goes first.
    settings.remove(arrayKey);
    settings.beginWriteArray(arrayKey, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(nameKey, profile.name);
        settings.setValue(urlKey, profile.serverUrl.toString());
        settings.setValue(principalKey, profile.principalName);
        settings.setValue(certificateKey, profile.certificatePath);
    }
    settings.endArray();
}

} // namespace steward
