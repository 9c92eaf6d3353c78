// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace steward {

// Where "now" comes from. Services take a Clock so that the demo builder can write history at
// chosen times and tests can control time.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override;
};

// A clock that says what it is told; advances only when set.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start) : m_now(std::move(start)) { }
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(QDateTime time) { m_now = std::move(time); }
    void advance(qint64 msecs) { m_now = m_now.addMSecs(msecs); }

private:
    QDateTime m_now;
};

} // namespace steward
