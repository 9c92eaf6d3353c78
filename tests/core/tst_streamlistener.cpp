// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The stream listener: rows appended through another connection to the same store (as another
// process would) are announced with the newest sequence number, through PostgreSQL's
// notifications or SQLite's poll; poke() reads at once; a row that came without a
// notification is caught up by the slow timer; a lost PostgreSQL connection is made again.
#include "rawconnection.h"
#include "storage/store.h"
#include "storage/streamlistener.h"
#include "storage/streamrepository.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;
using steward::test::RawConnection;
using steward::test::TestStore;

class TestStreamListener final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appendElsewhere_isAnnouncedWithTheNewestSequence();
    void poke_readsAtOnce();
    void rowWithoutNotification_isCaughtUpByTheTimer();
    void lostConnection_isMadeAgainAndCaughtUp();
    void start_withoutAWorkspace_fails();

private:
    // Appends `rows` rows through a connection of its own, as another process would.
    [[nodiscard]] qint64 appendElsewhere(int rows) const;

    std::unique_ptr<TestStore> m_where;
};

void TestStreamListener::init()
{
    if (const QString reason = TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    QVERIFY(m_where->create().ok());
}

void TestStreamListener::cleanup()
{
    m_where.reset();
}

qint64 TestStreamListener::appendElsewhere(int rows) const
{
    auto store = Store::open(m_where->location());
    if (!store) {
        qWarning() << store.error().message;
        return -1;
    }
    StreamRepository stream(*store.value());
    Transaction transaction(*store.value());
    const auto appended = stream.append(
        QList<StreamItem>(rows, {0, QDateTime::currentDateTimeUtc(), StreamItemType::Node, NodeId{1}, qint64{1}}));
    if (!appended || !transaction.commit()) {
        return -1;
    }
    return appended.value();
}

void TestStreamListener::appendElsewhere_isAnnouncedWithTheNewestSequence()
{
    // The PostgreSQL re-check is too slow to matter here: notifications must do it.
    StreamListener listener(m_where->location(), {250, 60'000});
    QSignalSpy advanced(&listener, &StreamListener::advanced);
    const Status started = listener.start();
    QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
    QCOMPARE(listener.lastSeq(), 0);

    const qint64 first = appendElsewhere(3);
    QVERIFY(first > 0);
    QTRY_COMPARE(advanced.size(), 1);
    QCOMPARE(advanced.at(0).at(0).toLongLong(), first);
    QCOMPARE(listener.lastSeq(), first);

    const qint64 second = appendElsewhere(1);
    QTRY_COMPARE(advanced.size(), 2);
    QCOMPARE(advanced.at(1).at(0).toLongLong(), second);
    // Nothing new, nothing said.
    QTest::qWait(600);
    QCOMPARE(advanced.size(), 2);
}

void TestStreamListener::poke_readsAtOnce()
{
    // Timers far too slow to matter, and no event loop between the commit and the poke.
    StreamListener listener(m_where->location(), {60'000, 60'000});
    QSignalSpy advanced(&listener, &StreamListener::advanced);
    QVERIFY(listener.start().ok());
    const qint64 seq = appendElsewhere(2);
    QVERIFY(seq > 0);
    QCOMPARE(advanced.size(), 0);
    listener.poke();
    QCOMPARE(advanced.size(), 1);
    QCOMPARE(advanced.at(0).at(0).toLongLong(), seq);
    // A notification arriving later for the same rows is not announced twice.
    QTest::qWait(300);
    QCOMPARE(advanced.size(), 1);
}

void TestStreamListener::rowWithoutNotification_isCaughtUpByTheTimer()
{
    // A row written without a notification (or whose notification was lost) is found by the
    // timer: SQLite's poll, PostgreSQL's slow re-check.
    StreamListener listener(m_where->location(), {50, 300});
    QSignalSpy advanced(&listener, &StreamListener::advanced);
    QVERIFY(listener.start().ok());
    RawConnection other(m_where->location());
    QVERIFY(
        other.exec(QStringLiteral("INSERT INTO stream_log(at, type, node_id, subject_id) VALUES (0, 'audit', 0, 1)")));
    const qint64 seq = other.scalar(QStringLiteral("SELECT max(seq) FROM stream_log")).toLongLong();
    QVERIFY(seq > 0);
    QTRY_COMPARE(advanced.size(), 1);
    QCOMPARE(advanced.at(0).at(0).toLongLong(), seq);
}

void TestStreamListener::lostConnection_isMadeAgainAndCaughtUp()
{
    if (TestStore::backendOfThisRun() != TestStore::Backend::Postgres) {
        QSKIP("An SQLite file has no connection to lose.");
    }
    StreamListener listener(m_where->location(), {50, 300});
    QSignalSpy advanced(&listener, &StreamListener::advanced);
    QVERIFY(listener.start().ok());
    {
        // The server ends every other session on the database: the listener's among them.
        RawConnection admin(m_where->location());
        QVERIFY(admin
                    .scalar(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                           "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
                    .toInt()
                >= 1);
    }
    const qint64 missed = appendElsewhere(2);
    QVERIFY(missed > 0);
    QTRY_COMPARE(advanced.size(), 1);
    QCOMPARE(advanced.at(0).at(0).toLongLong(), missed);
    // Listening again: a later append is announced too.
    const qint64 later = appendElsewhere(1);
    QTRY_COMPARE(advanced.size(), 2);
    QCOMPARE(advanced.at(1).at(0).toLongLong(), later);
}

void TestStreamListener::start_withoutAWorkspace_fails()
{
    const QTemporaryDir dir;
    StreamListener listener(dir.filePath(QStringLiteral("nowhere.steward")));
    QSignalSpy advanced(&listener, &StreamListener::advanced);
    const Status started = listener.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code, Error::Code::StoreMissing);
    listener.poke();
    QCOMPARE(advanced.size(), 0);
}

QTEST_GUILESS_MAIN(TestStreamListener)
#include "tst_streamlistener.moc"
