// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The desktop Live feed under load (targets T9, T10, T11), on a local workspace file that a
// writer thread appends to through its own connection, as agent processes do; the window's
// thread follows the change stream, inserts rows and paints (offscreen):
//   1. sustained: events written at RATE/s for SECONDS with the feed open; the window thread's
//      busy share (its CPU time over wall time) and its worst frame (the longest gap between
//      ticks of a 16 ms timer);
//   2. memory: events written as fast as the writer can until the store holds EVENTS, all of
//      them streamed through the open feed; resident memory (VmRSS) before and after;
//   3. cold start: a new process opens the store of EVENTS events and shows the feed's first
//      page; the time from starting the process to the page painted, against the same on an
//      empty store.
//   bench_livefeed [EVENTS] [RATE] [SECONDS]
#include "benchworkspace.h"
#include "livefeedmodel.h"
#include "livefeedview.h"
#include "service/activityservice.h"
#include "service/localworkspace.h"
#include "storage/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>

using namespace steward;
using namespace steward::bench;

namespace {

constexpr int kAgents = 20;

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Resident memory in MB, from /proc/self/status.
double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

// Appends synthetic events through its own connection on its own thread: `rate` per second in
// a batch every 20 ms, or as fast as it can with rate 0, until `total` are stored or stop.
class Writer
{
public:
    Writer(QString path, QList<NodeId> agents) : m_path(std::move(path)), m_agents(std::move(agents)) { }
    ~Writer() { stop(); }
    Q_DISABLE_COPY_MOVE(Writer)

    void start(qint64 first, qint64 total, int rate)
    {
        m_written = first;
        m_stop = false;
        m_finished = false;
        m_thread = std::thread([this, total, rate] { run(total, rate); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    [[nodiscard]] qint64 written() const { return m_written; }
    [[nodiscard]] bool finished() const { return m_finished; }

private:
    void run(qint64 total, int rate)
    {
        Result<std::unique_ptr<Store>> store = Store::open(m_path);
        if (!store) {
            std::fprintf(stderr, "writer: %s\n", qPrintable(store.error().message));
            m_finished = true;
            return;
        }
        SystemClock clock;
        ActivityService activity(*store.value(), clock);
        QElapsedTimer paced;
        paced.start();
        const int batch = rate > 0 ? std::max(1, rate / 50) : 1000;
        qint64 batches = 0;
        while (!m_stop && m_written < total) {
            const int count = static_cast<int>(std::min<qint64>(batch, total - m_written));
            if (const auto stored = activity.ingest(syntheticEvents(m_agents, QStringLiteral("e"), m_written, count));
                !stored) {
                std::fprintf(stderr, "writer: %s\n", qPrintable(stored.error().message));
                break;
            }
            m_written += count;
            ++batches;
            if (rate > 0) {
                const qint64 due = batches * 20;
                if (const qint64 ahead = due - paced.elapsed(); ahead > 0) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(ahead));
                }
            }
        }
        m_finished = true;
    }

    QString m_path;
    QList<NodeId> m_agents;
    std::thread m_thread;
    std::atomic<qint64> m_written{0};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
};

// Keeps the window thread busy as an app would and measures its frames.
struct FrameWatch
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    // The same gap counted in the window thread's own CPU time: on a shared, loaded machine a
    // wall-clock gap also holds the time the thread waited for a core.
    double lastCpu = 0;
    double worstCpu = 0;

    void start()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(16);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.elapsed();
            const double cpu = threadCpuMs();
            worst = std::max(worst, now - last);
            worstCpu = std::max(worstCpu, cpu - lastCpu);
            last = now;
            lastCpu = cpu;
        });
        lastCpu = threadCpuMs();
        clock.start();
        timer.start();
    }
};

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The child process of the cold start: opens the store, shows the feed, says when painted.
int coldStart(const QString &path)
{
    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    LocalWorkspace workspace(std::move(store).value(), QStringLiteral("bench"));
    LiveFeedView view;
    view.resize(1400, 900);
    view.setWorkspace(&workspace);
    view.show();
    // The first page is read in setWorkspace; one turn of the loop paints it.
    QTimer::singleShot(0, &view, [&view] {
        view.table()->viewport()->repaint();
        std::printf("ready %d\n", view.model()->rowCount());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    return QApplication::exec();
}

// Milliseconds from starting `--cold path` to its first page painted; the median of three.
double measureColdStart(const QString &program, const QString &path, int *rows)
{
    QList<double> times;
    for (int run = 0; run < 3; ++run) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer clock;
        clock.start();
        child.start(program, {QStringLiteral("--cold"), path});
        if (!child.waitForReadyRead(60'000)) {
            return -1;
        }
        times.append(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        *rows = child.readAll().trimmed().split(' ').value(1).toInt();
        child.waitForFinished(60'000);
    }
    std::sort(times.begin(), times.end());
    return times.at(1);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.value(1) == QLatin1String("--cold")) {
        return coldStart(args.value(2));
    }
    const qint64 events = args.value(1, QStringLiteral("1000000")).toLongLong();
    const int rate = args.value(2, QStringLiteral("5000")).toInt();
    const int seconds = args.value(3, QStringLiteral("10")).toInt();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("feed.steward"));
    const QString emptyPath = dir.filePath(QStringLiteral("empty.steward"));
    const BenchWorkspace bench = createBenchWorkspace(path, kAgents);
    const BenchWorkspace empty = createBenchWorkspace(emptyPath, kAgents);
    if (!bench.error.isEmpty() || !empty.error.isEmpty()) {
        std::fprintf(stderr, "%s%s\n", qPrintable(bench.error), qPrintable(empty.error));
        return 1;
    }

    Result<std::unique_ptr<Store>> store = Store::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    LocalWorkspace workspace(std::move(store).value(), QStringLiteral("bench"));
    LiveFeedView view;
    view.resize(1400, 900);
    view.setWorkspace(&workspace);
    view.show();
    int inserts = 0;
    QObject::connect(view.model(), &QAbstractItemModel::rowsInserted, view.model(), [&inserts] { ++inserts; });
    wait(200);
    const double rssOpen = residentMb();

    // 1. Sustained rate with the view open.
    Writer writer(path, bench.agents);
    FrameWatch frames;
    frames.start();
    const double cpuBefore = threadCpuMs();
    QElapsedTimer wall;
    wall.start();
    writer.start(0, std::numeric_limits<qint64>::max(), rate);
    wait(seconds * 1000);
    writer.stop();
    wait(300); // the last rows arrive
    const double busy = (threadCpuMs() - cpuBefore) / static_cast<double>(wall.elapsed());
    const qint64 sustained = writer.written();
    const bool newestShown = view.model()->rowCount() > 0
        && view.model()->hit(0).event.summary == QStringLiteral("Output %1").arg(sustained - 1);
    std::printf("sustained: %lld events at %d/s for %d s; window thread busy %.1f %%, worst frame %lld ms wall "
                "(%.1f ms of its own CPU), %d inserts (%.1f per s), newest shown: %s, rows %d\n",
                static_cast<long long>(sustained), rate, seconds, busy * 100.0, static_cast<long long>(frames.worst),
                frames.worstCpu, inserts, inserts / (static_cast<double>(wall.elapsed()) / 1000.0),
                newestShown ? "yes" : "NO", view.model()->rowCount());

    // 2. Memory after streaming the rest of EVENTS through the feed.
    const double rssBefore = residentMb();
    double rssMax = rssBefore;
    QElapsedTimer streaming;
    streaming.start();
    writer.start(sustained, events, 0);
    while (!writer.finished()) {
        wait(500);
        rssMax = std::max(rssMax, residentMb());
    }
    writer.stop();
    wait(500);
    const double streamedSeconds = static_cast<double>(streaming.elapsed()) / 1000.0;
    const double rssAfter = residentMb();
    std::printf("memory: %lld events streamed through the feed (%.0f/s); VmRSS open %.1f MB, after the sustained "
                "run %.1f MB, max %.1f MB, after %lld events %.1f MB; rows %d\n",
                static_cast<long long>(writer.written()),
                static_cast<double>(writer.written() - sustained) / streamedSeconds, rssOpen, rssBefore, rssMax,
                static_cast<long long>(writer.written()), rssAfter, view.model()->rowCount());

    // 3. Cold start.
    int rows = 0;
    int emptyRows = 0;
    const double cold = measureColdStart(QCoreApplication::applicationFilePath(), path, &rows);
    const double coldEmpty = measureColdStart(QCoreApplication::applicationFilePath(), emptyPath, &emptyRows);
    std::printf("cold start: process start to first page painted %.0f ms with %lld events (%d rows), %.0f ms on an "
                "empty store (+%.0f ms)\n",
                cold, static_cast<long long>(writer.written()), rows, coldEmpty, cold - coldEmpty);
    return 0;
}
