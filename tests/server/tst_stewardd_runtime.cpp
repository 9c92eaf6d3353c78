// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stewardd's background runtime as it runs: the real binary with a real command runner (a
// shell script): Run now end to end (the request started, the script's events stored under
// the run, the run finished) and who may ask for it; an event trigger fired with a bearer
// token (a caller starts only the agents it may see) and with the trigger secret's signature
// (a bad one is refused); restart recovery (a server killed during a long run, restarted with
// a short lease, marks the run interrupted instead of leaving it running); and two instances
// on one database turning one event into exactly one run.
#include "execution/webhooksender.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace steward;
using namespace steward::test;

namespace {

const QByteArray triggerSecret = QByteArrayLiteral("t0ps3cret-for-tickets");

// Waits (polling) until `done` holds or `timeoutMs` passed.
template<typename Check> bool waitFor(Check done, int timeoutMs = 20'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QThread::msleep(50);
    }
    return true;
}

} // namespace

class TestStewarddRuntime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runNow_startsTheRunnerAndTracesTheRun();
    void runNow_onlyEditorsOfTheAgent();
    void trigger_byToken_startsOnlyAgentsTheCallerSees();
    void trigger_bySignature_andBadSignatureRefused();
    void restart_afterKill_interruptsTheAbandonedRun();
    void twoInstances_oneEvent_oneRun();

private:
    [[nodiscard]] bool writeFile(const QString &name, const QByteArray &content, QString &path) const;
    [[nodiscard]] bool setSpec(const QString &agentPath, const QString &specLines);
    [[nodiscard]] HttpReply signedTrigger(quint16 port, const QString &name, const QByteArray &body,
                                          const QByteArray &signature) const;
    [[nodiscard]] QJsonObject runOf(qint64 runId) const;
    [[nodiscard]] HttpClient as(const QString &principal) const
    {
        return HttpClient(m_server.url(), m_seeded.tokens.value(principal));
    }

    QTemporaryDir m_dir;
    QString m_secrets;
    QString m_quickScript; // prints two events, succeeds
    QString m_slowScript; // sleeps a minute
    std::unique_ptr<TestStore> m_store;
    SeededWorkspace m_seeded;
    ServerProcess m_server;
};

void TestStewarddRuntime::initTestCase()
{
    if (const QString skip = TestStore::skipReason(); !skip.isEmpty()) {
        QSKIP(qPrintable(skip));
    }
    QVERIFY(writeFile(QStringLiteral("quick.sh"),
                      "read payload\n"
                      "echo '{\"kind\": \"step\", \"summary\": \"read the payload\"}'\n"
                      "echo \"{\\\"kind\\\": \\\"output\\\", \\\"summary\\\": \\\"read ${#payload} bytes\\\"}\"\n",
                      m_quickScript));
    QVERIFY(writeFile(QStringLiteral("slow.sh"), "exec sleep 60\n", m_slowScript));
    QVERIFY(writeFile(QStringLiteral("secrets"), "trigger.ticket.created = " + triggerSecret + "\n", m_secrets));
    QVERIFY(QFile::setPermissions(m_secrets, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestStewarddRuntime::init()
{
    const QString failed =
        startSeededServer(m_store, m_seeded, m_server,
                          {QStringLiteral("--secrets"), m_secrets, QStringLiteral("--run-lease"), QStringLiteral("2")});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestStewarddRuntime::cleanup()
{
    if (m_server.isRunning()) {
        m_server.stop();
    }
    m_store.reset();
}

bool TestStewarddRuntime::writeFile(const QString &name, const QByteArray &content, QString &path) const
{
    path = m_dir.filePath(name);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

bool TestStewarddRuntime::setSpec(const QString &agentPath, const QString &specLines)
{
    const HttpReply saved =
        as(QStringLiteral("root-admin"))
            .post(QStringLiteral("/api/v1/agents/%1/versions").arg(m_seeded.nodes.value(agentPath)),
                  {{QStringLiteral("baseVersion"), 1},
                   {QStringLiteral("spec"), QString(sampleSpec(QStringLiteral("Work.")) + specLines)},
                   {QStringLiteral("reason"), QStringLiteral("give it a runner")}});
    if (saved.status != 201) {
        qWarning("%d %s", saved.status, saved.body.constData());
    }
    return saved.status == 201;
}

HttpReply TestStewarddRuntime::signedTrigger(quint16 port, const QString &name, const QByteArray &body,
                                             const QByteArray &signature) const
{
    QByteArray request = "POST /api/v1/triggers/" + name.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n";
    if (!signature.isEmpty()) {
        request += "Steward-Signature: " + signature + "\r\n";
    }
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray answer = sendRaw(port, request);
    HttpReply reply;
    reply.status = answer.mid(9, 3).toInt();
    reply.body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    return reply;
}

QJsonObject TestStewarddRuntime::runOf(qint64 runId) const
{
    return as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/runs/%1").arg(runId)).json();
}

void TestStewarddRuntime::runNow_startsTheRunnerAndTracesTheRun()
{
    const QString agent = QStringLiteral("/acme/sales/outbound/lead-scorer");
    QVERIFY(setSpec(agent, QStringLiteral("runner: command /bin/sh ") + m_quickScript + QLatin1Char('\n')));
    const qint64 id = m_seeded.nodes.value(agent);
    const HttpReply asked = as(QStringLiteral("sales-editor"))
                                .post(QStringLiteral("/api/v1/agents/%1/run").arg(id),
                                      {{QStringLiteral("payload"), QJsonObject{{QStringLiteral("lead"), 42}}},
                                       {QStringLiteral("reason"), QStringLiteral("score it now")}});
    QCOMPARE(asked.status, 202);
    const QJsonObject request = asked.json();
    QCOMPARE(request.value(QStringLiteral("state")).toString(), QStringLiteral("started"));
    QCOMPARE(request.value(QStringLiteral("requestedBy")).toString(), QStringLiteral("sales-editor"));
    const qint64 runId = request.value(QStringLiteral("runId")).toInteger();
    QVERIFY(runId > 0);

    QVERIFY(waitFor([&] { return runOf(runId).value(QStringLiteral("status")).toString() == u"succeeded"; }));
    const QJsonObject run = runOf(runId);
    QCOMPARE(run.value(QStringLiteral("trigger")).toString(), QStringLiteral("manual"));
    QCOMPARE(run.value(QStringLiteral("triggerDetail")).toString(), QStringLiteral("score it now"));
    QCOMPARE(run.value(QStringLiteral("version")).toInt(), 2);

    const HttpReply events = as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/runs/%1/events").arg(runId));
    QCOMPARE(events.status, 200);
    QStringList kinds;
    QString output;
    for (const QJsonValue &event : events.json().value(QStringLiteral("items")).toArray()) {
        kinds.append(event.toObject().value(QStringLiteral("kind")).toString());
        if (kinds.constLast() == u"output") {
            output = event.toObject().value(QStringLiteral("summary")).toString();
        }
    }
    QCOMPARE(kinds,
             (QStringList{QStringLiteral("run.started"), QStringLiteral("step"), QStringLiteral("output"),
                          QStringLiteral("run.finished")}));
    QCOMPARE(output, QStringLiteral("read 11 bytes")); // {"lead":42}

    const HttpReply listed =
        as(QStringLiteral("sales-editor")).get(QStringLiteral("/api/v1/agents/%1/run-requests").arg(id));
    QCOMPARE(listed.status, 200);
    const QJsonArray items = listed.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("runId")).toInteger(), runId);

    const QString metrics = QString::fromUtf8(HttpClient(m_server.url()).get(QStringLiteral("/metrics")).body);
    QVERIFY(metrics.contains(QStringLiteral("steward_runs_total{outcome=\"succeeded\"} 1")));
    QVERIFY(metrics.contains(QStringLiteral("steward_run_start_latency_seconds_count 1")));
}

void TestStewarddRuntime::runNow_onlyEditorsOfTheAgent()
{
    const qint64 id = m_seeded.nodes.value(QStringLiteral("/acme/sales/outbound/pricing-bot"));
    const QJsonObject body{{QStringLiteral("reason"), QStringLiteral("try")}};
    const QString path = QStringLiteral("/api/v1/agents/%1/run").arg(id);
    // A reviewer sees it but may not start it; an outsider does not even see the private agent.
    QCOMPARE(as(QStringLiteral("outbound-reviewer")).post(path, body).status, 403);
    QCOMPARE(as(QStringLiteral("outsider")).post(path, body).status, 404);
    QCOMPARE(as(QStringLiteral("outsider")).get(QStringLiteral("/api/v1/agents/%1/run-requests").arg(id)).status, 404);
    QCOMPARE(as(QStringLiteral("sales-editor")).post(path, {}).status, 400); // no reason
    // Allowed, stored, and refused by the runtime: the agent has no runner.
    const HttpReply asked = as(QStringLiteral("sales-editor")).post(path, body);
    QCOMPARE(asked.status, 202);
    QCOMPARE(asked.json().value(QStringLiteral("state")).toString(), QStringLiteral("refused"));
    QCOMPARE(asked.json().value(QStringLiteral("reason")).toString(), QStringLiteral("the agent has no runner"));
}

void TestStewarddRuntime::trigger_byToken_startsOnlyAgentsTheCallerSees()
{
    // Queued: the two events below reach triage while its first run may still be under way.
    const QString listens = QStringLiteral("triggers:\n  - event ticket.created\nrunner: command /bin/sh ")
        + m_quickScript + QStringLiteral("\nrunner.overlap: queue\n");
    QVERIFY(setSpec(QStringLiteral("/acme/support/tier1/triage"), listens)); // public
    QVERIFY(setSpec(QStringLiteral("/acme/support/tier1/refund-bot"), listens)); // private

    const QJsonObject ticket{{QStringLiteral("ticket"), 7}};
    const HttpReply outsider =
        as(QStringLiteral("outsider")).post(QStringLiteral("/api/v1/triggers/ticket.created"), ticket);
    QCOMPARE(outsider.status, 202);
    QCOMPARE(outsider.json().value(QStringLiteral("requestIds")).toArray().size(), 1);
    const HttpReply admin =
        as(QStringLiteral("root-admin")).post(QStringLiteral("/api/v1/triggers/ticket.created"), ticket);
    QCOMPARE(admin.status, 202);
    QCOMPARE(admin.json().value(QStringLiteral("requestIds")).toArray().size(), 2);

    // No one listens: accepted, nothing to run. No token at all: 401.
    const HttpReply nobody =
        as(QStringLiteral("root-admin")).post(QStringLiteral("/api/v1/triggers/ticket.closed"), ticket);
    QCOMPARE(nobody.status, 202);
    QVERIFY(nobody.json().value(QStringLiteral("requestIds")).toArray().isEmpty());
    QCOMPARE(HttpClient(m_server.url()).post(QStringLiteral("/api/v1/triggers/ticket.created"), ticket).status, 401);

    const qint64 triage = m_seeded.nodes.value(QStringLiteral("/acme/support/tier1/triage"));
    QVERIFY(waitFor([&] {
        const QJsonArray runs = as(QStringLiteral("root-admin"))
                                    .get(QStringLiteral("/api/v1/agents/%1/runs").arg(triage))
                                    .json()
                                    .value(QStringLiteral("items"))
                                    .toArray();
        return runs.size() == 2 && runs.at(0).toObject().value(QStringLiteral("status")).toString() == u"succeeded"
            && runs.at(1).toObject().value(QStringLiteral("status")).toString() == u"succeeded";
    }));
}

void TestStewarddRuntime::trigger_bySignature_andBadSignatureRefused()
{
    QVERIFY(setSpec(QStringLiteral("/acme/support/tier1/refund-bot"),
                    QStringLiteral("triggers:\n  - event ticket.created\nrunner: command /bin/sh ") + m_quickScript
                        + QLatin1Char('\n')));
    const QByteArray body = R"({"ticket": 8})";
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const HttpReply good = signedTrigger(m_server.port(), QStringLiteral("ticket.created"), body,
                                         WebhookSender::signature(now, body, triggerSecret));
    QCOMPARE(good.status, 202);
    // The private agent is started: the secret's holder stands for the trigger, not a person.
    QCOMPARE(good.json().value(QStringLiteral("requestIds")).toArray().size(), 1);

    const QList<QByteArray> bad{
        WebhookSender::signature(now, body, "wrong secret"),
        WebhookSender::signature(now, R"({"ticket": 9})", triggerSecret), // another body
        WebhookSender::signature(now - 3600, body, triggerSecret), // an old call replayed
        "v1=deadbeef",
    };
    for (const QByteArray &signature : bad) {
        QCOMPARE(signedTrigger(m_server.port(), QStringLiteral("ticket.created"), body, signature).status, 401);
    }
    // A trigger without a secret cannot be signed for.
    QCOMPARE(signedTrigger(m_server.port(), QStringLiteral("ticket.closed"), body,
                           WebhookSender::signature(now, body, triggerSecret))
                 .status,
             401);
    const qint64 agent = m_seeded.nodes.value(QStringLiteral("/acme/support/tier1/refund-bot"));
    const HttpReply requests =
        as(QStringLiteral("root-admin")).get(QStringLiteral("/api/v1/agents/%1/run-requests").arg(agent));
    QCOMPARE(requests.json().value(QStringLiteral("items")).toArray().size(), 1);
}

void TestStewarddRuntime::restart_afterKill_interruptsTheAbandonedRun()
{
    const QString agent = QStringLiteral("/acme/sales/outbound/lead-scorer");
    QVERIFY(setSpec(agent, QStringLiteral("runner: command /bin/sh ") + m_slowScript + QLatin1Char('\n')));
    const HttpReply asked = as(QStringLiteral("root-admin"))
                                .post(QStringLiteral("/api/v1/agents/%1/run").arg(m_seeded.nodes.value(agent)),
                                      {{QStringLiteral("reason"), QStringLiteral("long one")}});
    QCOMPARE(asked.status, 202);
    const qint64 runId = asked.json().value(QStringLiteral("runId")).toInteger();
    QVERIFY(runId > 0);
    QCOMPARE(runOf(runId).value(QStringLiteral("status")).toString(), QStringLiteral("running"));

    m_server.kill();
    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    QVERIFY(waitFor([&] { return runOf(runId).value(QStringLiteral("status")).toString() == u"interrupted"; }, 15'000));
    const QJsonArray events = as(QStringLiteral("root-admin"))
                                  .get(QStringLiteral("/api/v1/runs/%1/events").arg(runId))
                                  .json()
                                  .value(QStringLiteral("items"))
                                  .toArray();
    bool explained = false;
    for (const QJsonValue &event : events) {
        explained = explained
            || event.toObject().value(QStringLiteral("summary")).toString()
                == QStringLiteral("interrupted: the server running it stopped");
    }
    QVERIFY(explained);
}

void TestStewarddRuntime::twoInstances_oneEvent_oneRun()
{
    const QString agent = QStringLiteral("/acme/support/tier1/triage");
    QVERIFY(setSpec(agent,
                    QStringLiteral("triggers:\n  - event ticket.created\nrunner: command /bin/sh ") + m_quickScript
                        + QLatin1Char('\n')));
    ServerProcess second;
    QVERIFY2(second.start(m_store->location(), {QStringLiteral("--secrets"), m_secrets}), qPrintable(second.error()));
    const QByteArray body = R"({"ticket": 9})";
    QCOMPARE(signedTrigger(second.port(), QStringLiteral("ticket.created"), body,
                           WebhookSender::signature(QDateTime::currentSecsSinceEpoch(), body, triggerSecret))
                 .status,
             202);
    const qint64 id = m_seeded.nodes.value(agent);
    const auto runs = [&] {
        return as(QStringLiteral("root-admin"))
            .get(QStringLiteral("/api/v1/agents/%1/runs").arg(id))
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    };
    QVERIFY(waitFor([&] {
        const QJsonArray found = runs();
        return found.size() == 1 && found.at(0).toObject().value(QStringLiteral("status")).toString() == u"succeeded";
    }));
    // Both instances keep looking for due requests; neither starts it again.
    QThread::msleep(2500);
    QCOMPARE(runs().size(), 1);
    QCOMPARE(second.stop(), 0);
}

QTEST_GUILESS_MAIN(TestStewarddRuntime)
#include "tst_stewardd_runtime.moc"
