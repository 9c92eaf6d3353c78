// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Signed audit bundles: a bundle of the whole workspace or a subtree and time range verifies
// offline; an edited row, a deleted row, an edited manifest and a manifest re-signed with
// another key are each caught; verifying never changes the bundle.
#include "audit/auditchain.h"
#include "bundle/auditbundle.h"
#include "bundle/signingkey.h"
#include "domain/clock.h"
#include "service/accessservice.h"
#include "service/agentservice.h"
#include "service/orgservice.h"
#include "storage/activityrepository.h"
#include "storage/store.h"
#include "storage/streamrepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace steward;

namespace {

QByteArray digestOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Changes a bundle the way someone with a plain SQLite tool would.
void editBundle(const QString &path, const QString &statement)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("editor"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("editor"));
}

const QString specText = QStringLiteral("model: m\ninstructions: |\n  Do the job.\ncriticality: standard\n");

} // namespace

class TestAuditBundle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signingKey_savesLoadsAndRefusesReadableFiles();
    void wholeWorkspace_verifiesOfflineAndStaysUnchanged();
    void subtreeAndTimeRange_holdOnlyThatActivity();
    void tampering_isCaught_data();
    void tampering_isCaught();
    void export_refusals();
    void subtree_withProposalsOutsideIt_exports();
    void bundle_leavesBearerTokensAndTheChangeStreamBehind();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] BundleManifest exportBundle(const QString &name, const BundleScope &scope);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::optional<SigningKey> m_key;
    QDateTime m_start{QDate(2026, 7, 1), QTime(9, 0), Qt::UTC};
};

void TestAuditBundle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::create(path(QStringLiteral("acme.steward")));
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(m_start);
    OrgService org(*m_store, *m_clock);
    AgentService agents(*m_store, *m_clock, org);
    const auto acme = org.createCompany(QStringLiteral("acme"), QStringLiteral("ada"), QStringLiteral("setup"));
    const auto sales = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("sales"), QStringLiteral("ada"),
                                       QStringLiteral("setup"));
    const auto support = org.createGroup(acme->id, NodeKind::Department, QStringLiteral("support"),
                                         QStringLiteral("ada"), QStringLiteral("setup"));
    QVERIFY(sales.ok() && support.ok());
    const auto mailer = agents.createAgent({sales->id, QStringLiteral("mailer"), QStringLiteral("dana"),
                                            Visibility::Public, Criticality::Standard, specText},
                                           QStringLiteral("ada"), QStringLiteral("setup"));
    const auto triage = agents.createAgent({support->id, QStringLiteral("triage"), QStringLiteral("li"),
                                            Visibility::Public, Criticality::Standard, specText},
                                           QStringLiteral("ada"), QStringLiteral("setup"));
    QVERIFY(mailer.ok() && triage.ok());

    // One event a day for ten days for each agent.
    ActivityRepository activity(*m_store);
    QList<ActivityEvent> events;
    for (int day = 0; day < 10; ++day) {
        for (const NodeId agent : {mailer->id, triage->id}) {
            ActivityEvent event;
            event.time = m_start.addDays(day);
            event.agentId = agent;
            event.version = 1;
            event.kind = QStringLiteral("output");
            event.status = QStringLiteral("ok");
            event.summary = QStringLiteral("%1 output on day %2")
                                .arg(agent == mailer->id ? QStringLiteral("mailer") : QStringLiteral("triage"))
                                .arg(day);
            events.append(event);
        }
    }
    Transaction transaction(*m_store);
    QVERIFY(activity.appendEvents(events).ok());
    QVERIFY(transaction.commit().ok());
    m_clock->set(m_start.addDays(11));
    auto key = SigningKey::generate();
    QVERIFY(key.ok());
    m_key = key.value();
}

void TestAuditBundle::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

BundleManifest TestAuditBundle::exportBundle(const QString &name, const BundleScope &scope)
{
    const auto manifest = AuditBundle::exportTo(*m_store, path(name), scope, *m_key, *m_clock,
                                                QStringLiteral("aud.itor"), QStringLiteral("Quarterly audit"));
    if (!manifest.ok()) {
        qWarning() << manifest.error().message;
        return {};
    }
    return manifest.value();
}

void TestAuditBundle::signingKey_savesLoadsAndRefusesReadableFiles()
{
    const QString keyFile = path(QStringLiteral("keys/workspace.key"));
    QVERIFY(m_key->save(keyFile).ok());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QVERIFY(QFile::permissions(keyFile).testFlag(QFileDevice::ReadOwner));
    QCOMPARE(QFile::permissions(keyFile) & others, QFileDevice::Permissions());
    const auto loaded = SigningKey::load(keyFile);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->publicKeyHex(), m_key->publicKeyHex());
    const QByteArray signature = loaded->sign("message");
    QVERIFY(SigningKey::verify("message", signature, m_key->publicKeyHex()));
    QVERIFY(!SigningKey::verify("massage", signature, m_key->publicKeyHex()));
    QVERIFY(!SigningKey::verify("message", "zz", m_key->publicKeyHex()));

    QFile::setPermissions(keyFile, QFile::permissions(keyFile) | QFileDevice::ReadOther);
    const auto exposed = SigningKey::load(keyFile);
    QVERIFY(!exposed.ok());
    QVERIFY(exposed.error().message.contains(QStringLiteral("chmod 600")));

    const QString garbage = path(QStringLiteral("garbage.key"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a key at all");
    file.close();
    QFile::setPermissions(garbage, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!SigningKey::load(garbage).ok());
    QCOMPARE(SigningKey::load(path(QStringLiteral("none.key"))).error().code, Error::Code::NotFound);
    const auto created = SigningKey::loadOrCreate(path(QStringLiteral("fresh/new.key")));
    QVERIFY(created.ok());
    QCOMPARE(SigningKey::loadOrCreate(path(QStringLiteral("fresh/new.key")))->publicKeyHex(), created->publicKeyHex());
}

void TestAuditBundle::wholeWorkspace_verifiesOfflineAndStaysUnchanged()
{
    const BundleManifest manifest = exportBundle(QStringLiteral("all.bundle"), {});
    QCOMPARE(manifest.createdBy, QStringLiteral("aud.itor"));
    QCOMPARE(manifest.auditHeadSequence, 6); // company, two departments, two agents, the export
    QVERIFY(!QFile::exists(path(QStringLiteral("all.bundle-wal"))));

    const QByteArray before = digestOf(path(QStringLiteral("all.bundle")));
    const auto verification = AuditBundle::verify(path(QStringLiteral("all.bundle")), m_key->publicKeyHex());
    QVERIFY(verification.ok());
    QVERIFY2(verification->ok(), qPrintable(verification->problems.join(QLatin1Char('\n'))));
    QVERIFY(verification->signatureValid && verification->contentMatches && verification->headMatches);
    QCOMPARE(verification->chain.entriesChecked, 6);
    QCOMPARE(digestOf(path(QStringLiteral("all.bundle"))), before);

    const auto bundle = Store::openReadOnly(path(QStringLiteral("all.bundle")));
    QVERIFY(bundle.ok());
    QSqlQuery query(bundle.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM activity_events")) && query.next());
    QCOMPARE(query.value(0).toInt(), 20);
    QVERIFY(query.exec(QStringLiteral("SELECT action FROM audit_log ORDER BY sequence DESC LIMIT 1")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("bundle.export"));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
}

void TestAuditBundle::subtreeAndTimeRange_holdOnlyThatActivity()
{
    BundleScope scope;
    scope.subtreePath = QStringLiteral("/acme/sales");
    scope.from = m_start.addDays(3);
    scope.until = m_start.addDays(5);
    const BundleManifest manifest = exportBundle(QStringLiteral("sales.bundle"), scope);
    QCOMPARE(manifest.scope.subtreePath, QStringLiteral("/acme/sales"));
    const auto verification = AuditBundle::verify(path(QStringLiteral("sales.bundle")), m_key->publicKeyHex());
    QVERIFY2(verification->ok(), qPrintable(verification->problems.join(QLatin1Char('\n'))));

    const auto bundle = Store::openReadOnly(path(QStringLiteral("sales.bundle")));
    QVERIFY(bundle.ok());
    QSqlQuery query(bundle.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT path FROM nodes ORDER BY path")));
    QStringList paths;
    while (query.next()) {
        paths.append(query.value(0).toString());
    }
    QCOMPARE(
        paths,
        (QStringList{QStringLiteral("/acme"), QStringLiteral("/acme/sales"), QStringLiteral("/acme/sales/mailer")}));
    QVERIFY(query.exec(QStringLiteral("SELECT summary FROM activity_events ORDER BY id")));
    QStringList summaries;
    while (query.next()) {
        summaries.append(query.value(0).toString());
    }
    QCOMPARE(summaries,
             (QStringList{QStringLiteral("mailer output on day 3"), QStringLiteral("mailer output on day 4"),
                          QStringLiteral("mailer output on day 5")}));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM activity_search WHERE activity_search MATCH 'output'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    // The audit chain is kept whole, so it still verifies.
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_log")) && query.next());
    QCOMPARE(query.value(0).toInt(), 6);
}

void TestAuditBundle::tampering_isCaught_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QStringList>("expectedProblems");

    QTest::newRow("edited event") << "edit-row" << QStringList{QStringLiteral("changed after it was signed")};
    QTest::newRow("deleted audit row") << "delete-audit"
                                       << QStringList{QStringLiteral("changed after it was signed"),
                                                      QStringLiteral("entry 3 is missing")};
    QTest::newRow("edited audit reason") << "edit-audit"
                                         << QStringList{QStringLiteral("changed after it was signed"),
                                                        QStringLiteral("entry 2 was altered")};
    QTest::newRow("edited manifest") << "edit-manifest" << QStringList{QStringLiteral("signature does not verify")};
    QTest::newRow("re-signed with another key")
        << "resign"
        << QStringList{QStringLiteral("names another signing key"), QStringLiteral("signature does not verify"),
                       QStringLiteral("entry 2 was altered")};
}

void TestAuditBundle::tampering_isCaught()
{
    QFETCH(QString, attack);
    QFETCH(QStringList, expectedProblems);
    const QString bundle = path(QStringLiteral("t.bundle"));
    const QString manifestPath = AuditBundle::manifestPathFor(bundle);
    QVERIFY(!exportBundle(QStringLiteral("t.bundle"), {}).signature.isEmpty());

    if (attack == QLatin1String("edit-row")) {
        editBundle(bundle,
                   QStringLiteral("UPDATE activity_events SET summary = 'nothing happened' WHERE id = (SELECT min(id) "
                                  "FROM activity_events)"));
    } else if (attack == QLatin1String("delete-audit")) {
        editBundle(bundle, QStringLiteral("DELETE FROM audit_log WHERE sequence = 3"));
    } else if (attack == QLatin1String("edit-audit") || attack == QLatin1String("resign")) {
        editBundle(bundle, QStringLiteral("UPDATE audit_log SET reason = 'routine' WHERE sequence = 2"));
    }
    QFile manifestFile(manifestPath);
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    auto manifest = BundleManifest::fromJson(manifestFile.readAll());
    manifestFile.close();
    QVERIFY(manifest.ok());
    BundleManifest forged = manifest.value();
    if (attack == QLatin1String("edit-manifest")) {
        forged.createdBy = QStringLiteral("someone.else");
    } else if (attack == QLatin1String("resign")) {
        // The forger hashes the edited file and signs with a key of their own.
        const auto otherKey = SigningKey::generate();
        QFile file(bundle);
        QVERIFY(file.open(QIODevice::ReadOnly));
        forged.contentSha256 = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        forged.publicKey = otherKey->publicKeyHex();
        forged.signature = otherKey->sign(forged.signedBytes());
    }
    if (attack == QLatin1String("edit-manifest") || attack == QLatin1String("resign")) {
        QVERIFY(manifestFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifestFile.write(QJsonDocument(forged.toJson()).toJson());
        manifestFile.close();
    }

    const auto verification = AuditBundle::verify(bundle, m_key->publicKeyHex());
    QVERIFY(verification.ok());
    QVERIFY(!verification->ok());
    const QString problems = verification->problems.join(QLatin1Char('\n'));
    QCOMPARE(verification->problems.size(), expectedProblems.size());
    for (const QString &expected : expectedProblems) {
        QVERIFY2(problems.contains(expected), qPrintable(problems));
    }
}

void TestAuditBundle::export_refusals()
{
    QVERIFY(!exportBundle(QStringLiteral("once.bundle"), {}).signature.isEmpty());
    const auto twice = AuditBundle::exportTo(*m_store, path(QStringLiteral("once.bundle")), {}, *m_key, *m_clock,
                                             QStringLiteral("aud.itor"), QStringLiteral("again"));
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().message.contains(QStringLiteral("already exists")));
    const auto noReason = AuditBundle::exportTo(*m_store, path(QStringLiteral("r.bundle")), {}, *m_key, *m_clock,
                                                QStringLiteral("aud.itor"), QString());
    QVERIFY(!noReason.ok());
    BundleScope unknown;
    unknown.subtreePath = QStringLiteral("/acme/legal");
    const auto missing = AuditBundle::exportTo(*m_store, path(QStringLiteral("l.bundle")), unknown, *m_key, *m_clock,
                                               QStringLiteral("aud.itor"), QStringLiteral("audit"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QVERIFY(!QFile::exists(path(QStringLiteral("l.bundle"))));
    const auto notABundle = AuditBundle::verify(path(QStringLiteral("acme.steward")), m_key->publicKeyHex());
    QVERIFY(!notABundle.ok());
    QVERIFY(notABundle.error().message.contains(QStringLiteral("manifest")));
}

void TestAuditBundle::subtree_withProposalsOutsideIt_exports()
{
    // A pending proposal for an agent outside the subtree must go with its agent.
    OrgService org(*m_store, *m_clock);
    AgentService agents(*m_store, *m_clock, org);
    const QString critical = QStringLiteral("model: m\ninstructions: |\n  Escalate.\ncriticality: critical\n");
    const auto escalator =
        agents.createAgent({org.tree().nodeByPath(QStringLiteral("/acme/support"))->id, QStringLiteral("escalator"),
                            QStringLiteral("li"), Visibility::Team, Criticality::Critical, critical},
                           QStringLiteral("ada"), QStringLiteral("setup"));
    QVERIFY(escalator.ok());
    QVERIFY(
        agents
            .proposeVersion(escalator->id, 1,
                            QString(critical).replace(QStringLiteral("Escalate."), QStringLiteral("Escalate fast.")),
                            QStringLiteral("li"), QStringLiteral("faster"))
            .ok());
    BundleScope scope;
    scope.subtreePath = QStringLiteral("/acme/sales");
    QVERIFY(!exportBundle(QStringLiteral("sales-only.bundle"), scope).signature.isEmpty());
    const auto bundle = Store::openReadOnly(path(QStringLiteral("sales-only.bundle")));
    QVERIFY(bundle.ok());
    QSqlQuery query(bundle.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM version_proposals")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(AuditBundle::verify(path(QStringLiteral("sales-only.bundle")), m_key->publicKeyHex())->ok());
}

void TestAuditBundle::bundle_leavesBearerTokensAndTheChangeStreamBehind()
{
    OrgService org(*m_store, *m_clock);
    AccessService access(*m_store, *m_clock, org);
    QVERIFY(
        access
            .addPrincipal(QStringLiteral("bot"), {}, PrincipalKind::Agent, QStringLiteral("ada"), QStringLiteral("bot"))
            .ok());
    QVERIFY(
        access
            .createToken(QStringLiteral("bot"), QStringLiteral("prod"), QStringLiteral("ada"), QStringLiteral("deploy"))
            .ok());
    QVERIFY(StreamRepository(*m_store).lastSeq().value() > 0);
    QVERIFY(!exportBundle(QStringLiteral("tokens.bundle"), {}).signature.isEmpty());
    const auto bundle = Store::openReadOnly(path(QStringLiteral("tokens.bundle")));
    QVERIFY(bundle.ok());
    QSqlQuery query(bundle.value()->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM api_tokens")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM stream_log")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM principals WHERE name = 'bot'")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY(AuditBundle::verify(path(QStringLiteral("tokens.bundle")), m_key->publicKeyHex())->ok());
}

QTEST_GUILESS_MAIN(TestAuditBundle)
#include "tst_auditbundle.moc"
