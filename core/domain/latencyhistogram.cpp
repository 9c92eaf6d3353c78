// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace steward {
namespace {

// round(10 * 1.5^k) for k = 0..30, written out so that the store's backfill (migration 0007)
// and the code agree to the millisecond.
constexpr std::array<qint64, LatencyHistogram::BucketCount - 1> upperBounds{
    10,    15,     22,     34,     51,     76,     114,    171,     256,    384,   577,
    865,   1297,   1946,   2919,   4379,   6568,   9853,   14779,   22168,  33253, 49879,
    74818, 112227, 168341, 252512, 378768, 568151, 852227, 1278340, 1917511};

} // namespace

int LatencyHistogram::bucketOf(qint64 latencyMs)
{
    return static_cast<int>(std::upper_bound(upperBounds.cbegin(), upperBounds.cend(), latencyMs)
                            - upperBounds.cbegin());
}

qint64 LatencyHistogram::upperBoundMs(int bucket)
{
    return upperBounds.at(static_cast<std::size_t>(bucket));
}

qint64 LatencyHistogram::lowerBoundMs(int bucket)
{
    return bucket == 0 ? 0 : upperBounds.at(static_cast<std::size_t>(bucket - 1));
}

void LatencyHistogram::add(const LatencyHistogram &other)
{
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        m_counts[i] += other.m_counts[i];
    }
}

void LatencyHistogram::subtract(const LatencyHistogram &other)
{
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        m_counts[i] -= other.m_counts[i];
    }
}

qint64 LatencyHistogram::total() const
{
    qint64 sum = 0;
    for (const qint64 count : m_counts) {
        sum += count;
    }
    return sum;
}

double LatencyHistogram::percentileMs(double p) const
{
    const qint64 all = total();
    if (all == 0) {
        return 0.0;
    }
    const auto rank = std::clamp(static_cast<qint64>(std::ceil(p * static_cast<double>(all))), qint64(1), all);
    qint64 before = 0;
    for (int bucket = 0; bucket < BucketCount; ++bucket) {
        const qint64 here = count(bucket);
        if (before + here >= rank) {
            const auto low = static_cast<double>(lowerBoundMs(bucket));
            if (bucket == BucketCount - 1) {
                return low;
            }
            const auto width = static_cast<double>(upperBoundMs(bucket)) - low;
            return low + width * static_cast<double>(rank - before) / static_cast<double>(here + 1);
        }
        before += here;
    }
    return 0.0;
}

} // namespace steward
