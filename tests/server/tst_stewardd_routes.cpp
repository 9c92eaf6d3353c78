// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The OpenAPI document (docs/openapi.json) and the server agree: every route stewardd serves is
// described there, and every operation described there is served.
#include "serverconfig.h"
#include "stewardserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

class TestStewarddRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRouteIsDocumentedAndEveryDocumentedRouteServed();
};

void TestStewarddRoutes::everyRouteIsDocumentedAndEveryDocumentedRouteServed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config;
    config.database = dir.filePath(QStringLiteral("routes.steward"));
    config.listenPort = 0;
    StewardServer server(config);
    const Status started = server.start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));

    QSet<QString> served;
    for (const ApiRouter::Route &route : server.router().routes()) {
        served.insert(QString::fromLatin1(route.method).toLower() + QLatin1Char(' ') + route.pattern);
    }

    QFile file(QStringLiteral(STEWARD_SOURCE_DIR "/docs/openapi.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(document.object().value(QStringLiteral("openapi")).toString().left(2), QStringLiteral("3."));
    QSet<QString> documented;
    const QJsonObject paths = document.object().value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
            documented.insert(operation.key() + QLatin1Char(' ') + path.key());
            QVERIFY2(operation.value().toObject().contains(QStringLiteral("responses")), qPrintable(path.key()));
        }
    }

    const QSet<QString> undocumented = served - documented;
    const QSet<QString> unserved = documented - served;
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.values()).join(QStringLiteral(", "))));
    QVERIFY2(unserved.isEmpty(), qPrintable(QStringList(unserved.values()).join(QStringLiteral(", "))));
    QVERIFY(served.size() >= 35);
}

QTEST_GUILESS_MAIN(TestStewarddRoutes)
#include "tst_stewardd_routes.moc"
