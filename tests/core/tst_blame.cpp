// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Blame: every line of a version names the change that introduced it.
#include "diff/blame.h"

#include <QTest>

using namespace steward;

namespace {

AgentVersion version(int number, const QString &spec, const QString &author, const QString &reason)
{
    AgentVersion v;
    v.agentId = 7;
    v.number = number;
    v.parentNumber = number - 1;
    v.spec = spec;
    v.author = author;
    v.reason = reason;
    v.createdAt = QDateTime(QDate(2026, 1, number), QTime(12, 0), Qt::UTC);
    return v;
}

QStringList origins(const QList<BlameLine> &lines)
{
    QStringList out;
    for (const BlameLine &line : lines) {
        out.append(
            QStringLiteral("%1:%2:v%3:%4").arg(line.lineNumber).arg(line.text).arg(line.version).arg(line.author));
    }
    return out;
}

} // namespace

class TestBlame final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blame_namesTheVersionThatIntroducedEachLine();
    void blame_ofAnEarlierVersion_ignoresLaterOnes();
    void blame_rollbackIsTheChangeThatPutLinesBack();
};

void TestBlame::blame_namesTheVersionThatIntroducedEachLine()
{
    const QList<AgentVersion> history{
        version(3, QStringLiteral("model: a\nevent: London\nsign: AE\n"), QStringLiteral("sam"),
                QStringLiteral("brief")),
        version(1, QStringLiteral("model: a\nevent: Lisbon\n"), QStringLiteral("dana"), QStringLiteral("first")),
        version(2, QStringLiteral("model: a\nevent: Lisbon\nsign: AE\n"), QStringLiteral("kim"),
                QStringLiteral("sign")),
    };
    const QList<BlameLine> lines = Blame::of(history, 3);
    QCOMPARE(origins(lines),
             (QStringList{QStringLiteral("1:model: a:v1:dana"), QStringLiteral("2:event: London:v3:sam"),
                          QStringLiteral("3:sign: AE:v2:kim")}));
    QCOMPARE(lines.at(1).reason, QStringLiteral("brief"));
    QCOMPARE(lines.at(1).time, QDateTime(QDate(2026, 1, 3), QTime(12, 0), Qt::UTC));
}

void TestBlame::blame_ofAnEarlierVersion_ignoresLaterOnes()
{
    const QList<AgentVersion> history{
        version(1, QStringLiteral("a\nb\n"), QStringLiteral("dana"), QStringLiteral("first")),
        version(2, QStringLiteral("a\nB\n"), QStringLiteral("kim"), QStringLiteral("second")),
    };
    QCOMPARE(origins(Blame::of(history, 1)),
             (QStringList{QStringLiteral("1:a:v1:dana"), QStringLiteral("2:b:v1:dana")}));
    QVERIFY(Blame::of(history, 0).isEmpty());
}

void TestBlame::blame_rollbackIsTheChangeThatPutLinesBack()
{
    const QList<AgentVersion> history{
        version(1, QStringLiteral("a\nb\n"), QStringLiteral("dana"), QStringLiteral("first")),
        version(2, QStringLiteral("a\nc\n"), QStringLiteral("kim"), QStringLiteral("oops")),
        version(3, QStringLiteral("a\nb\n"), QStringLiteral("lee"), QStringLiteral("Roll back to version 1")),
    };
    QCOMPARE(origins(Blame::of(history, 3)),
             (QStringList{QStringLiteral("1:a:v1:dana"), QStringLiteral("2:b:v3:lee")}));
}

QTEST_GUILESS_MAIN(TestBlame)
#include "tst_blame.moc"
