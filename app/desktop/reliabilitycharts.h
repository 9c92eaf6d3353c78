// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/reliability.h"

#include <QWidget>

class QChart;
class QChartView;

namespace steward {

// Four charts of one reliability series, over the same time axis: runs with the error rate,
// approval and rejection rates, latency p50 and p95, tokens with cost.
class ReliabilityCharts final : public QWidget
{
    Q_OBJECT

public:
    explicit ReliabilityCharts(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReliabilityCharts)
    ~ReliabilityCharts() override = default;

    void setSeries(const ReliabilitySeries &series);

private:
    struct Line
    {
        QString name;
        ReliabilityMeasure measure;
        bool onRightAxis = false;
    };
    // Fills one chart anew: a line per measure, a left axis and, if a line wants it, a right one.
    void fill(QChart *chart, const ReliabilitySeries &series, const QList<Line> &lines, const QString &leftTitle,
              const QString &rightTitle);

    QChartView *m_runs = nullptr;
    QChartView *m_decisions = nullptr;
    QChartView *m_latency = nullptr;
    QChartView *m_usage = nullptr;
};

} // namespace steward
