// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tamper tests on copies of a real store: an edited row, a deleted row, two swapped rows and a
// re-hashed row are each caught and the first bad entry is named.
#include "audit/auditchain.h"
#include "audit/auditverifier.h"
#include "domain/clock.h"
#include "service/orgservice.h"
#include "storage/auditrepository.h"
#include "storage/store.h"
#include "teststore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace steward;

class TestAuditVerifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void intactLog_verifiesWithItsHead();
    void tampering_isCaughtAndNamed_data();
    void tampering_isCaughtAndNamed();
    void truncatedTail_showsAsAnOlderHead();
    void progress_canCancel();
    void query_filtersAndPagesNewestFirst();

private:
    void tamper(const QStringList &statements);

    std::unique_ptr<test::TestStore> m_where;
    std::unique_ptr<Store> m_store;
    static constexpr int Entries = 12;
};

void TestAuditVerifier::init()
{
    if (const QString reason = test::TestStore::skipReason(); !reason.isEmpty()) {
        QSKIP(qPrintable(reason));
    }
    m_where = std::make_unique<test::TestStore>();
    QVERIFY2(m_where->isValid(), qPrintable(m_where->error().message));
    auto store = m_where->create();
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    ManualClock clock(QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC));
    OrgService org(*m_store, clock);
    const auto acme = org.createCompany(QStringLiteral("acme"), QStringLiteral("ada"), QStringLiteral("setup"));
    QVERIFY(acme.ok());
    for (int i = 1; i < Entries; ++i) {
        clock.advance(60000);
        QVERIFY(org.createGroup(acme->id, NodeKind::Department, QStringLiteral("dept-%1").arg(i), QStringLiteral("ada"),
                                QStringLiteral("Grow the org chart ünïcode ✓"))
                    .ok());
    }
}

void TestAuditVerifier::cleanup()
{
    m_store.reset();
    m_where.reset();
}

void TestAuditVerifier::tamper(const QStringList &statements)
{
    QSqlQuery query(m_store->database());
    for (const QString &statement : statements) {
        QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
}

void TestAuditVerifier::intactLog_verifiesWithItsHead()
{
    const auto report = AuditVerifier::verify(*m_store);
    QVERIFY(report.ok());
    QVERIFY(report->intact());
    QCOMPARE(report->entriesChecked, Entries);
    QCOMPARE(report->headSequence, Entries);
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1")) && query.next());
    QCOMPARE(report->headHash, query.value(0).toString().toLatin1());
    QVERIFY(report->message.isEmpty());
}

void TestAuditVerifier::tampering_isCaughtAndNamed_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<AuditVerification::Problem>("problem");
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("edited reason") << QStringList{QStringLiteral(
        "UPDATE audit_log SET reason = 'nothing to see' WHERE sequence = 5")}
                                   << AuditVerification::Problem::Altered << qint64(5) << "entry 5 was altered";
    QTest::newRow("edited time") << QStringList{QStringLiteral(
        "UPDATE audit_log SET time = time + 1 WHERE sequence = 9")}
                                 << AuditVerification::Problem::Altered << qint64(9) << "entry 9 was altered";
    QTest::newRow("edited details") << QStringList{QStringLiteral(
        "UPDATE audit_log SET details = '{}' WHERE sequence = 2")}
                                    << AuditVerification::Problem::Altered << qint64(2) << "entry 2 was altered";
    QTest::newRow("deleted row") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE sequence = 7")}
                                 << AuditVerification::Problem::Missing << qint64(7) << "entry 7 is missing";
    QTest::newRow("deleted first row") << QStringList{QStringLiteral("DELETE FROM audit_log WHERE sequence = 1")}
                                       << AuditVerification::Problem::Missing << qint64(1) << "entry 1 is missing";
    QTest::newRow("swapped rows")
        << QStringList{QStringLiteral("UPDATE audit_log SET sequence = -3 WHERE sequence = 3"),
                       QStringLiteral("UPDATE audit_log SET sequence = 3 WHERE sequence = 4"),
                       QStringLiteral("UPDATE audit_log SET sequence = 4 WHERE sequence = -3")}
        << AuditVerification::Problem::Altered << qint64(3) << "entry 3 was altered";
    // The forger edits entry 6 and recomputes its hash: entry 7 no longer follows it.
    QTest::newRow("edited and re-hashed")
        << QStringList{QStringLiteral("UPDATE audit_log SET reason = 'forged' WHERE sequence = 6")}
        << AuditVerification::Problem::Unchained << qint64(7) << "entry 7 does not follow entry 6";
}

void TestAuditVerifier::tampering_isCaughtAndNamed()
{
    QFETCH(QStringList, statements);
    QFETCH(AuditVerification::Problem, problem);
    QFETCH(qint64, firstBad);
    QFETCH(QString, messagePart);
    tamper(statements);
    if (QByteArrayView(QTest::currentDataTag()) == "edited and re-hashed") {
        QSqlQuery query(m_store->database());
        QVERIFY(
            query.exec(QStringLiteral("SELECT sequence, time, actor, action, subject, details, reason, previous_hash "
                                      "FROM audit_log WHERE sequence = 6")));
        QVERIFY(query.next());
        const QByteArray actor = query.value(2).toString().toUtf8();
        const QByteArray action = query.value(3).toString().toUtf8();
        const QByteArray subject = query.value(4).toString().toUtf8();
        const QByteArray details = query.value(5).toString().toUtf8();
        const QByteArray reason = query.value(6).toString().toUtf8();
        const QByteArray previous = query.value(7).toString().toUtf8();
        const QByteArray forged = AuditChain::computeHash(
            {6, query.value(1).toLongLong(), actor, action, subject, details, reason, previous});
        tamper(
            {QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE sequence = 6").arg(QString::fromLatin1(forged))});
    }
    const auto report = AuditVerifier::verify(*m_store);
    QVERIFY(report.ok());
    QVERIFY(!report->intact());
    QCOMPARE(report->problem, problem);
    QCOMPARE(report->firstBadSequence, firstBad);
    QVERIFY2(report->message.contains(messagePart), qPrintable(report->message));
    QCOMPARE(report->headSequence, firstBad - 1);
}

void TestAuditVerifier::truncatedTail_showsAsAnOlderHead()
{
    const auto before = AuditVerifier::verify(*m_store);
    tamper({QStringLiteral("DELETE FROM audit_log WHERE sequence > 10")});
    const auto after = AuditVerifier::verify(*m_store);
    QVERIFY(after->intact());
    QCOMPARE(after->headSequence, 10);
    QVERIFY(after->headHash != before->headHash);
}

void TestAuditVerifier::progress_canCancel()
{
    // Not enough entries to reach a progress call: the check runs to the end.
    int calls = 0;
    const auto report = AuditVerifier::verify(*m_store, [&calls](qint64) {
        ++calls;
        return false;
    });
    QVERIFY(report.ok());
    QCOMPARE(calls, 0);
}

void TestAuditVerifier::query_filtersAndPagesNewestFirst()
{
    const AuditRepository audit(*m_store);
    const auto newest = audit.query({}, 0, 5);
    QVERIFY(newest.ok());
    QCOMPARE(newest->size(), 5);
    QCOMPARE(newest->first().sequence, Entries);
    const auto next = audit.query({}, newest->last().sequence, 100);
    QCOMPARE(next->size(), Entries - 5);
    QCOMPARE(next->last().sequence, 1);

    AuditFilter byAction;
    byAction.action = QStringLiteral("node.");
    QCOMPARE(audit.query(byAction, 0, 100)->size(), Entries);
    byAction.action = QStringLiteral("node.move");
    QCOMPARE(audit.query(byAction, 0, 100)->size(), 0);
    AuditFilter bySubject;
    bySubject.subjectPrefix = QStringLiteral("/acme/dept-1");
    const auto dept1 = audit.query(bySubject, 0, 100);
    QCOMPARE(dept1->size(), 1); // dept-10 and dept-11 are not below dept-1
    AuditFilter byTime;
    byTime.from = QDateTime(QDate(2026, 6, 1), QTime(8, 3), Qt::UTC);
    byTime.until = QDateTime(QDate(2026, 6, 1), QTime(8, 5), Qt::UTC);
    const auto window = audit.query(byTime, 0, 100);
    QCOMPARE(window->size(), 3);
    AuditFilter byActor;
    byActor.actor = QStringLiteral("someone-else");
    QVERIFY(audit.query(byActor, 0, 100)->isEmpty());
}

QTEST_GUILESS_MAIN(TestAuditVerifier)
#include "tst_auditverifier.moc"
