// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableprinter.h"

#include <algorithm>

namespace steward {

TablePrinter::TablePrinter(QStringList headers) : m_headers(std::move(headers)) { }

void TablePrinter::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

QString TablePrinter::toString() const
{
    QList<QStringList> lines;
    if (!m_headers.isEmpty()) {
        lines.append(m_headers);
    }
    lines += m_rows;
    QList<qsizetype> widths;
    for (const QStringList &line : std::as_const(lines)) {
        widths.resize(std::max(widths.size(), line.size()), 0);
        for (qsizetype column = 0; column < line.size(); ++column) {
            widths[column] = std::max(widths.at(column), line.at(column).size());
        }
    }
    QString text;
    for (const QStringList &line : std::as_const(lines)) {
        QString row;
        for (qsizetype column = 0; column < line.size(); ++column) {
            row += column + 1 < line.size() ? line.at(column).leftJustified(widths.at(column) + 2) : line.at(column);
        }
        while (row.endsWith(QLatin1Char(' '))) {
            row.chop(1);
        }
        text += row + QLatin1Char('\n');
    }
    return text;
}

} // namespace steward
