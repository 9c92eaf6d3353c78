// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the window lets a signed-in principal try: its grants read with the server's own rule
// (a role on a node covers its subtree, roles allow what Authorizer::roleAllows says).
#include "permissions.h"

#include <QTest>

using namespace steward;

Q_DECLARE_METATYPE(steward::Action)

namespace {

Grant grant(Role role, const QString &path)
{
    Grant granted;
    granted.role = role;
    granted.nodePath = path;
    return granted;
}

} // namespace

class TestPermissions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allows_data();
    void allows();
    void localWorkspace_allowsEverything();
};

void TestPermissions::allows_data()
{
    QTest::addColumn<QList<Grant>>("grants");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");

    const QList<Grant> editor{grant(Role::Editor, QStringLiteral("/acme/sales"))};
    const QList<Grant> reviewer{grant(Role::Reviewer, QStringLiteral("/acme/sales/outbound"))};
    const QList<Grant> auditor{grant(Role::Auditor, QStringLiteral("/acme"))};
    const QString mailer = QStringLiteral("/acme/sales/outbound/prospect-mailer");

    QTest::newRow("editor edits the tree below") << editor << Action::EditTree << mailer << true;
    QTest::newRow("editor edits the tree at the grant") << editor << Action::EditTree << "/acme/sales" << true;
    QTest::newRow("editor not above the grant") << editor << Action::EditTree << "/acme" << false;
    QTest::newRow("editor not beside it") << editor << Action::EditTree << "/acme/support" << false;
    QTest::newRow("editor not a name that only starts alike")
        << editor << Action::EditTree << "/acme/sales-archive" << false;
    QTest::newRow("editor edits specs") << editor << Action::EditSpec << mailer << true;
    QTest::newRow("reviewer decides proposals") << reviewer << Action::DecideProposal << mailer << true;
    QTest::newRow("reviewer does not edit the tree") << reviewer << Action::EditTree << mailer << false;
    QTest::newRow("auditor exports bundles") << auditor << Action::ExportBundle << "/acme" << true;
    QTest::newRow("auditor edits nothing") << auditor << Action::EditSpec << mailer << false;
    QTest::newRow("no grants: nothing") << QList<Grant>{} << Action::EditTree << mailer << false;
    QTest::newRow("any one grant is enough") << (editor + auditor) << Action::EditSpec << mailer << true;
}

void TestPermissions::allows()
{
    QFETCH(QList<Grant>, grants);
    QFETCH(Action, action);
    QFETCH(QString, path);
    QFETCH(bool, allowed);
    QCOMPARE(Permissions(grants).allows(action, path), allowed);
}

void TestPermissions::localWorkspace_allowsEverything()
{
    const Permissions local;
    for (const Action action : {Action::EditTree, Action::EditSpec, Action::DecideProposal, Action::ExportBundle}) {
        QVERIFY(local.allows(action, QStringLiteral("/acme")));
    }
    QVERIFY(local != Permissions(QList<Grant>{}));
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
