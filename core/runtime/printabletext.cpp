// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "printabletext.h"

namespace steward {

QString printableText(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\t') {
            c = QChar::ReplacementCharacter;
        }
    }
    return text;
}

} // namespace steward
