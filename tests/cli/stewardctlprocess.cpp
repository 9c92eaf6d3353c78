// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stewardctlprocess.h"

#include <QDir>
#include <QProcess>

StewardctlOutcome runStewardctl(const QStringList &arguments, const QString &directory, const QByteArray &input,
                                const QString &token)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), QDir(directory).filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), QDir(directory).filePath(QStringLiteral("xdg-data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(directory).filePath(QStringLiteral("xdg-config")));
    environment.remove(QStringLiteral("STEWARD_TOKEN"));
    if (!token.isEmpty()) {
        environment.insert(QStringLiteral("STEWARD_TOKEN"), token);
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(STEWARDCTL_PATH), arguments);
    if (!process.waitForStarted(30'000)) {
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    StewardctlOutcome outcome;
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit) {
        return outcome;
    }
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}
