// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

namespace steward::test {

// A plain database connection outside Store, to look at or hold a workspace the way another
// program would: an SQLite file path or a postgresql:// URL.
class RawConnection final
{
public:
    explicit RawConnection(const QString &location);
    ~RawConnection();
    Q_DISABLE_COPY_MOVE(RawConnection)

    // Runs one statement; false (with a warning naming it) when it fails.
    bool exec(const QString &statement);
    // The first column of the first row, or an invalid QVariant.
    [[nodiscard]] QVariant scalar(const QString &statement);

private:
    QString m_name;
};

} // namespace steward::test
