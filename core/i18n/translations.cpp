// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace steward {

void installTranslations()
{
    const QString directory = QStringLiteral(":/i18n");
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("steward"), QStringLiteral("_"), directory)
        || translator->load(QStringLiteral("steward_en"), directory)) {
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
    }
}

} // namespace steward
