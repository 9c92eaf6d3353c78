// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stewardctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));
    // Messages in the user's language where Steward has a translation (compiled in under :/i18n).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("steward"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&translator);
    }
    return steward::Cli::run(QCoreApplication::arguments());
}
