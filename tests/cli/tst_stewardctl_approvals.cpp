// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardctl approval and policy on a demo workspace file: listing, showing, a stale revision
// refused, approve, edit then approve, reject with its reason, and a policy set, inherited and
// removed.
#include "stewardctlprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestStewardctlApprovals final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvals_listShowAndDecide();
    void policy_setShowAndInherit();

private:
    [[nodiscard]] StewardctlOutcome run(QStringList arguments) const
    {
        arguments.prepend(m_store);
        arguments.prepend(QStringLiteral("--store"));
        return runStewardctl(arguments, m_dir.path());
    }

    QTemporaryDir m_dir;
    QString m_store;
    QString m_admin; // a person with the admin role on the company: they may decide everything
};

void TestStewardctlApprovals::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("acme.steward"));
    const StewardctlOutcome built =
        runStewardctl({QStringLiteral("demo"), QStringLiteral("--out"), m_store, QStringLiteral("--agents"),
                       QStringLiteral("30"), QStringLiteral("--events"), QStringLiteral("3000")},
                      m_dir.path());
    QCOMPARE(built.exitCode, 0);
    const StewardctlOutcome users = run({QStringLiteral("user"), QStringLiteral("list")});
    QCOMPARE(users.exitCode, 0);
    const QRegularExpressionMatch admin =
        QRegularExpression(QStringLiteral("^(\\S+) .*admin on /acme(,|$)"), QRegularExpression::MultilineOption)
            .match(users.out);
    QVERIFY2(admin.hasMatch(), qPrintable(users.out));
    m_admin = admin.captured(1);
}

void TestStewardctlApprovals::approvals_listShowAndDecide()
{
    const StewardctlOutcome listed = run({QStringLiteral("approval"), QStringLiteral("list"), QStringLiteral("--state"),
                                          QStringLiteral("pending"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray items =
        QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QStringLiteral("items")).toArray();
    QVERIFY2(items.size() >= 2, qPrintable(listed.out));
    const QString first = QString::number(items.at(0).toObject().value(QStringLiteral("id")).toInteger());
    const QString second = QString::number(items.at(1).toObject().value(QStringLiteral("id")).toInteger());

    const StewardctlOutcome shown = run({QStringLiteral("approval"), QStringLiteral("show"), first});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains(QStringLiteral("State: pending, revision 1")), qPrintable(shown.out));

    const StewardctlOutcome stale =
        run({QStringLiteral("approval"), QStringLiteral("approve"), first, QStringLiteral("--revision"),
             QStringLiteral("2"), QStringLiteral("--actor"), m_admin});
    QVERIFY(stale.exitCode != 0);
    QVERIFY2(stale.err.contains(QStringLiteral("revision 1")), qPrintable(stale.err));
    const StewardctlOutcome stranger = run({QStringLiteral("approval"), QStringLiteral("approve"), first,
                                            QStringLiteral("--actor"), QStringLiteral("someone-else")});
    QVERIFY(stranger.exitCode != 0);
    const StewardctlOutcome noReason =
        run({QStringLiteral("approval"), QStringLiteral("reject"), first, QStringLiteral("--actor"), m_admin});
    QVERIFY(noReason.exitCode != 0);
    const StewardctlOutcome rejected =
        run({QStringLiteral("approval"), QStringLiteral("reject"), first, QStringLiteral("--reason"),
             QStringLiteral("wrong customer"), QStringLiteral("--actor"), m_admin});
    QCOMPARE(rejected.exitCode, 0);
    QVERIFY2(rejected.out.contains(QStringLiteral("rejected")), qPrintable(rejected.out));

    const QString edited = m_dir.filePath(QStringLiteral("edited.txt"));
    QFile file(edited);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("A shorter text.\n");
    file.close();
    const StewardctlOutcome edit =
        run({QStringLiteral("approval"), QStringLiteral("edit"), second, QStringLiteral("--payload-file"), edited,
             QStringLiteral("--reason"), QStringLiteral("shorter"), QStringLiteral("--actor"), m_admin,
             QStringLiteral("--json")});
    QCOMPARE(edit.exitCode, 0);
    const QJsonObject approval = QJsonDocument::fromJson(edit.out.toUtf8()).object();
    QCOMPARE(approval.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(approval.value(QStringLiteral("revision")).toInt(), 2);
    QCOMPARE(approval.value(QStringLiteral("approvedPayload")).toString(), QStringLiteral("A shorter text.\n"));
    const StewardctlOutcome after = run({QStringLiteral("approval"), QStringLiteral("show"), second});
    QVERIFY2(after.out.contains(QStringLiteral("+A shorter text.")), qPrintable(after.out));
}

void TestStewardctlApprovals::policy_setShowAndInherit()
{
    const StewardctlOutcome set =
        run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("/acme/sales"), QStringLiteral("--quorum"),
             QStringLiteral("2"), QStringLiteral("--expiry"), QStringLiteral("3600"), QStringLiteral("--reason"),
             QStringLiteral("two eyes"), QStringLiteral("--actor"), m_admin});
    QCOMPARE(set.exitCode, 0);
    const StewardctlOutcome inherited = run({QStringLiteral("policy"), QStringLiteral("show"),
                                             QStringLiteral("/acme/sales/outbound"), QStringLiteral("--json")});
    QCOMPARE(inherited.exitCode, 0);
    const QJsonObject effective = QJsonDocument::fromJson(inherited.out.toUtf8()).object();
    QCOMPARE(effective.value(QStringLiteral("definedAtPath")).toString(), QStringLiteral("/acme/sales"));
    QCOMPARE(effective.value(QStringLiteral("policy")).toObject().value(QStringLiteral("quorum")).toInt(), 2);
    QCOMPARE(effective.value(QStringLiteral("policy")).toObject().value(QStringLiteral("expirySeconds")).toInt(), 3600);
    const StewardctlOutcome noReason = run(
        {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("/acme/sales"), QStringLiteral("--inherit")});
    QVERIFY(noReason.exitCode != 0);
    const StewardctlOutcome cleared = run(
        {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("/acme/sales"), QStringLiteral("--inherit"),
         QStringLiteral("--reason"), QStringLiteral("back"), QStringLiteral("--json")});
    QCOMPARE(cleared.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(cleared.out.toUtf8()).object().value(QStringLiteral("ownPolicy")).toBool(true),
             false);
}

QTEST_GUILESS_MAIN(TestStewardctlApprovals)
#include "tst_stewardctl_approvals.moc"
