#include "storage/store.h"
#include <QTest>
#include <QTemporaryDir>
using namespace steward;
class TestStore : public QObject { Q_OBJECT
private Q_SLOTS:
 void create() { QTemporaryDir d; auto s = Store::create(d.filePath(QStringLiteral("a.steward"))); QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().message)); QCOMPARE(s.value()->schemaVersion(), 3); }
};
QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
