// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "i18n/translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stewardctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));
    steward::installTranslations();
    return steward::Cli::run(QCoreApplication::arguments());
}
