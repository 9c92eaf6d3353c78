// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace steward {

// Lines text up in columns for a terminal: each column as wide as its widest cell, two spaces
// between columns, no trailing spaces. Without headers it prints rows only (key-value lists).
class TablePrinter final
{
public:
    explicit TablePrinter(QStringList headers = {});

    void addRow(QStringList cells);
    [[nodiscard]] QString toString() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace steward
