// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The File › Open Recent list: newest first, no duplicates, at most eight, and files that
// are gone drop out.
#include "recentworkspaces.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestRecentWorkspaces final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void add_keepsNewestFirstWithoutDuplicates();
    void add_keepsAtMostEight();
    void list_dropsFilesThatAreGone();

private:
    [[nodiscard]] QString makeFile(const QString &name) const;

    QTemporaryDir m_dir;
};

void TestRecentWorkspaces::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The application name stays the executable's, so that tests running in parallel keep
    // their settings apart.
    QCoreApplication::setOrganizationName(QStringLiteral("Steward"));
    QVERIFY(m_dir.isValid());
}

void TestRecentWorkspaces::init()
{
    QSettings().clear();
}

QString TestRecentWorkspaces::makeFile(const QString &name) const
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    return QFileInfo(file).absoluteFilePath();
}

void TestRecentWorkspaces::add_keepsNewestFirstWithoutDuplicates()
{
    const QString a = makeFile(QStringLiteral("a.steward"));
    const QString b = makeFile(QStringLiteral("b.steward"));
    RecentWorkspaces::add(a);
    RecentWorkspaces::add(b);
    QCOMPARE(RecentWorkspaces::list(), (QStringList{b, a}));
    RecentWorkspaces::add(a);
    QCOMPARE(RecentWorkspaces::list(), (QStringList{a, b}));
}

void TestRecentWorkspaces::add_keepsAtMostEight()
{
    QStringList added;
    for (int i = 0; i < RecentWorkspaces::MaxCount + 2; ++i) {
        added.prepend(makeFile(QStringLiteral("w%1.steward").arg(i)));
        RecentWorkspaces::add(added.first());
    }
    QCOMPARE(RecentWorkspaces::list(), added.first(RecentWorkspaces::MaxCount));
}

void TestRecentWorkspaces::list_dropsFilesThatAreGone()
{
    const QString kept = makeFile(QStringLiteral("kept.steward"));
    const QString gone = makeFile(QStringLiteral("gone.steward"));
    RecentWorkspaces::add(kept);
    RecentWorkspaces::add(gone);
    QVERIFY(QFile::remove(gone));
    QCOMPARE(RecentWorkspaces::list(), QStringList{kept});
    QCOMPARE(QSettings().value(QStringLiteral("recent/workspaces")).toStringList(), QStringList{kept});
}

QTEST_MAIN(TestRecentWorkspaces)
#include "tst_recentworkspaces.moc"
