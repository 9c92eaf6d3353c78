// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reliabilitycharts.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace steward {
namespace {

QChartView *makeView(const QString &title, const char *objectName, QWidget *parent)
{
    auto *chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setObjectName(QLatin1String(objectName));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 180);
    return view;
}

// Rates are drawn as percentages, latencies in seconds; everything else as it is counted.
double plotted(const ReliabilityTotals &totals, ReliabilityMeasure measure)
{
    switch (measure) {
    case ReliabilityMeasure::ErrorRate:
    case ReliabilityMeasure::ApprovalRate:
    case ReliabilityMeasure::RejectionRate:
    case ReliabilityMeasure::EditRate: return 100.0 * totals.value(measure);
    case ReliabilityMeasure::LatencyP50:
    case ReliabilityMeasure::LatencyP95: return totals.value(measure) / 1000.0;
    default: return totals.value(measure);
    }
}

// Percentages always span 0 to 100, so that rates of different nodes compare at a glance;
// other measures start at 0 and end at a round number above their largest value.
QValueAxis *valueAxis(const QString &title, double maximum, bool percent)
{
    auto *axis = new QValueAxis();
    axis->setTitleText(title);
    if (percent) {
        axis->setRange(0.0, 100.0);
        axis->setTickCount(5);
        axis->setLabelFormat(QStringLiteral("%.0f"));
        return axis;
    }
    axis->setRange(0.0, maximum > 0.0 ? maximum : 1.0);
    axis->setTickCount(5);
    axis->applyNiceNumbers();
    axis->setLabelFormat(axis->max() >= 10.0 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
    return axis;
}

bool isRate(ReliabilityMeasure measure)
{
    return measure == ReliabilityMeasure::ErrorRate || measure == ReliabilityMeasure::ApprovalRate
        || measure == ReliabilityMeasure::RejectionRate || measure == ReliabilityMeasure::EditRate;
}

} // namespace

ReliabilityCharts::ReliabilityCharts(QWidget *parent)
    : QWidget(parent)
    , m_runs(makeView(tr("Runs and error rate"), "runsChart", this))
    , m_decisions(makeView(tr("Approvals and rejections"), "decisionsChart", this))
    , m_latency(makeView(tr("Latency"), "latencyChart", this))
    , m_usage(makeView(tr("Tokens and cost"), "usageChart", this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_runs, 0, 0);
    layout->addWidget(m_decisions, 0, 1);
    layout->addWidget(m_latency, 1, 0);
    layout->addWidget(m_usage, 1, 1);
}

void ReliabilityCharts::setSeries(const ReliabilitySeries &series)
{
    fill(m_runs->chart(), series,
         {{tr("Runs"), ReliabilityMeasure::Runs, false}, {tr("Error rate"), ReliabilityMeasure::ErrorRate, true}},
         tr("Runs"), tr("%"));
    fill(m_decisions->chart(), series,
         {{tr("Approved"), ReliabilityMeasure::ApprovalRate, false},
          {tr("Rejected"), ReliabilityMeasure::RejectionRate, false},
          {tr("Edited"), ReliabilityMeasure::EditRate, false}},
         tr("% of decisions"), QString());
    fill(m_latency->chart(), series,
         {{tr("p50"), ReliabilityMeasure::LatencyP50, false}, {tr("p95"), ReliabilityMeasure::LatencyP95, false}},
         tr("Seconds"), QString());
    fill(m_usage->chart(), series,
         {{tr("Tokens in"), ReliabilityMeasure::TokensIn, false},
          {tr("Tokens out"), ReliabilityMeasure::TokensOut, false},
          {tr("Cost"), ReliabilityMeasure::Cost, true}},
         tr("Tokens"), tr("US dollars"));
}

void ReliabilityCharts::fill(QChart *chart, const ReliabilitySeries &series, const QList<Line> &lines,
                             const QString &leftTitle, const QString &rightTitle)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    if (series.points.isEmpty()) {
        return;
    }
    auto *time = new QDateTimeAxis();
    time->setFormat(series.bucket == TimeBucket::Hour ? QStringLiteral("dd MMM HH:mm") : QStringLiteral("dd MMM"));
    time->setRange(series.points.constFirst().start.toLocalTime(), series.points.constLast().end.toLocalTime());
    time->setTickCount(std::min<int>(6, std::max<int>(2, static_cast<int>(series.points.size()))));
    chart->addAxis(time, Qt::AlignBottom);
    double leftMaximum = 0.0;
    double rightMaximum = 0.0;
    QList<QLineSeries *> left;
    QList<QLineSeries *> right;
    for (const Line &line : lines) {
        auto *plot = new QLineSeries();
        plot->setName(line.name);
        plot->setPointsVisible(series.points.size() < 60);
        double &maximum = line.onRightAxis ? rightMaximum : leftMaximum;
        for (const ReliabilityPoint &point : series.points) {
            const double value = plotted(point.totals, line.measure);
            maximum = std::max(maximum, value);
            plot->append(static_cast<qreal>(point.start.toMSecsSinceEpoch()), value);
        }
        chart->addSeries(plot);
        plot->attachAxis(time);
        (line.onRightAxis ? right : left).append(plot);
    }
    QValueAxis *leftAxis = valueAxis(leftTitle, leftMaximum, !left.isEmpty() && isRate(lines.constFirst().measure));
    chart->addAxis(leftAxis, Qt::AlignLeft);
    for (QLineSeries *plot : left) {
        plot->attachAxis(leftAxis);
    }
    if (!right.isEmpty()) {
        QValueAxis *rightAxis = valueAxis(rightTitle, rightMaximum, isRate(lines.constLast().measure));
        chart->addAxis(rightAxis, Qt::AlignRight);
        for (QLineSeries *plot : right) {
            plot->attachAxis(rightAxis);
        }
    }
}

} // namespace steward
