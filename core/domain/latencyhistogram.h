// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>

namespace steward {

// Run latencies counted in 32 fixed log-scale buckets, as the hourly rollups keep them
// (columns latency_b00 .. latency_b31, see migration 0007). Bucket 0 holds latencies below
// 10 ms, bucket k (1..30) those from upperBoundMs(k - 1) up to below upperBoundMs(k), where the
// bounds are round(10 * 1.5^k) ms, and bucket 31 everything from about 32 minutes on.
//
// Histograms of any set of agent-hours add up bucket by bucket, so percentiles of a subtree
// over months come from a few hundred summed rows instead of the events. The price is
// resolution: a percentile is only known to lie in its bucket, whose upper bound is 1.5 times
// its lower one; percentileMs interpolates inside the bucket (see there).
class LatencyHistogram final
{
public:
    static constexpr int BucketCount = 32;

    // The bucket a latency falls into.
    [[nodiscard]] static int bucketOf(qint64 latencyMs);
    // The exclusive upper bound of bucket k (0..30); bucket 31 has none.
    [[nodiscard]] static qint64 upperBoundMs(int bucket);
    // The inclusive lower bound of bucket k: 0 for bucket 0.
    [[nodiscard]] static qint64 lowerBoundMs(int bucket);

    void add(qint64 latencyMs) { ++m_counts[static_cast<std::size_t>(bucketOf(latencyMs))]; }
    void add(const LatencyHistogram &other);
    void subtract(const LatencyHistogram &other);
    void setCount(int bucket, qint64 count) { m_counts[static_cast<std::size_t>(bucket)] = count; }
    [[nodiscard]] qint64 count(int bucket) const { return m_counts[static_cast<std::size_t>(bucket)]; }
    [[nodiscard]] qint64 total() const;

    // The latency below which the fraction `p` (0 < p <= 1) of the counted runs fall: the run of
    // rank ceil(p * total) is found in its bucket and placed linearly between the bucket's
    // bounds by its rank among the bucket's runs. The answer lies in the same bucket as the
    // exact percentile, so it is within a factor of 1.5 of it; in the open last bucket it is
    // the bucket's lower bound. 0 when nothing was counted.
    [[nodiscard]] double percentileMs(double p) const;

    friend bool operator==(const LatencyHistogram &, const LatencyHistogram &) = default;

private:
    std::array<qint64, BucketCount> m_counts{};
};

} // namespace steward
