// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QList>
#include <QSettings>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace steward {

// A shared Steward server the desktop app connects to, as the user saved it. Never the token:
// that lives in the system keychain (TokenStore), under the profile's name.
struct ConnectionProfile
{
    QString name; // the user's name for it, e.g. "Acme production"; unique among the profiles
    QUrl serverUrl; // https://steward.example.com (a path prefix is kept: a proxy may add one)
    QString principalName; // who the token signed in as last time, e.g. "dana.kim"; empty until then
    QString certificatePath; // a pinned certificate (PEM) to trust as well; empty: only the system's

    // Why the profile cannot be saved or used (no name, no usable URL); Done when it can.
    [[nodiscard]] Status check() const;

    // A server URL as a user types it: "steward.example.com" means https; only http and https,
    // with a host, no query or fragment; a trailing slash is dropped.
    [[nodiscard]] static Result<QUrl> parseServerUrl(const QString &text);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// The saved connection profiles, most recently used first, kept in QSettings.
class ConnectionProfiles final
{
public:
    [[nodiscard]] static QList<ConnectionProfile> list();
    [[nodiscard]] static std::optional<ConnectionProfile> find(const QString &name);
    // The same from given settings: stewardctl reads the desktop app's (appSettings()).
    [[nodiscard]] static QList<ConnectionProfile> list(QSettings &settings);
    [[nodiscard]] static std::optional<ConnectionProfile> find(const QString &name, QSettings &settings);
    // Where the desktop app keeps its settings, whichever program asks.
    [[nodiscard]] static std::unique_ptr<QSettings> appSettings();
    // Saves the profile as the most recently used one, replacing the one of the same name.
    static void save(const ConnectionProfile &profile);
    static void save(const ConnectionProfile &profile, QSettings &settings);
    static void remove(const QString &name);

private:
    static void store(const QList<ConnectionProfile> &profiles, QSettings &settings);
};

} // namespace steward
