// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Approval inbox in the real window on a real workspace file, driven with the keyboard
// alone: approve, reject with a reason, edit then approve, move on by itself after each
// decision, the shortcut sheet, open the agent in the tree; bulk decisions and their refusal
// for critical agents; a stale item decided elsewhere. Screenshots go to /tmp/inbox-*.png.
#include "approvaldetailview.h"
#include "approvalinbox.h"
#include "approvalinboxmodel.h"
#include "approvalsubmitter.h"
#include "mainwindow.h"
#include "sampleworkspace.h"
#include "service/localworkspace.h"
#include "service/workspace.h"
#include "storage/store.h"
#include "windowdriver.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace steward;

class TestApprovalInbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void keyboardAlone_approvesRejectsAndEditApproves();
    void shortcutSheet_andOpenContext();
    void bulk_refusedForCritical_elseNeedsAReason();
    void staleItem_showsWhyAndLeaves();
    void proposedVersion_decidedInTheSameInbox();

private:
    void openWindow();
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    [[nodiscard]] ApprovalId currentId() const;
    // The inbox's tab title, which carries the counts.
    [[nodiscard]] QString inboxTabText() const;
    [[nodiscard]] Approval stored(ApprovalId id) const;
    [[nodiscard]] QDialog *waitForDialog(const char *name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<ApprovalSubmitter> m_agent;
    std::unique_ptr<MainWindow> m_window;
    ApprovalInbox *m_inbox = nullptr;
    QList<ApprovalId> m_ids; // newest first
    ApprovalId m_critical = 0;
};

void TestApprovalInbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestApprovalInbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("sample.steward"));
    const Status created = createSampleWorkspace(m_path);
    QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    m_agent = std::make_unique<ApprovalSubmitter>(m_path);
    QVERIFY(m_agent->isOpen());
}

void TestApprovalInbox::cleanup()
{
    m_window.reset();
    m_agent.reset();
    m_dir.reset();
    m_ids.clear();
    m_critical = 0;
}

void TestApprovalInbox::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openWorkspace(m_path));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    m_inbox = m_window->inbox();
    QCOMPARE(child<QTabWidget>(*m_window, "placesTabWidget")->currentWidget(), m_inbox);
    QVERIFY(m_inbox->view()->hasFocus());
}

void TestApprovalInbox::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key, modifiers);
}

QString TestApprovalInbox::inboxTabText() const
{
    auto *places = child<QTabWidget>(*m_window, "placesTabWidget");
    return places->tabText(places->indexOf(m_inbox));
}

ApprovalId TestApprovalInbox::currentId() const
{
    return m_inbox->view()->currentIndex().data(ApprovalInboxModel::IdRole).value<ApprovalId>();
}

Approval TestApprovalInbox::stored(ApprovalId id) const
{
    const Result<ApprovalDetail> detail = m_window->workspace()->approval(id);
    return detail ? detail->approval : Approval{};
}

QDialog *TestApprovalInbox::waitForDialog(const char *name) const
{
    QDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_window->findChild<QDialog *>(QLatin1String(name));
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

void TestApprovalInbox::keyboardAlone_approvesRejectsAndEditApproves()
{
    const NodeId router = m_agent->idOf(QStringLiteral("/acme/sales/inbound/lead-router"));
    const NodeId followUp = m_agent->idOf(QStringLiteral("/acme/sales/outbound/follow-up"));
    // An earlier approved output of follow-up, for the diff of a repeat proposal.
    const ApprovalId earlier = m_agent->submit(followUp, QStringLiteral("Weekly follow-up"),
                                               QStringLiteral("Hi Sam,\n\nthanks for the call.\n"));
    QVERIFY(
        m_agent->service().decide(earlier, {QStringLiteral("approve"), 1, {}, {}}, QStringLiteral("otto.other")).ok());
    const ApprovalId json =
        m_agent->submit(router, QStringLiteral("Route lead 17"),
                        QStringLiteral(R"({"tool":"crm.assign","lead":17,"to":"inbound"})"), QStringLiteral("json"));
    const ApprovalId email = m_agent->submit(
        router, QStringLiteral("Intro email"),
        QStringLiteral("To: sam@example.com\nSubject: Hello\n\nHi Sam,\nnice to meet you.\n"), QStringLiteral("email"));
    const ApprovalId markdown = m_agent->submit(followUp, QStringLiteral("Weekly follow-up"),
                                                QStringLiteral("Hi Sam,\n\nthanks for the **long** call.\n"));
    QVERIFY(json != 0 && email != 0 && markdown != 0);
    openWindow();
    QTRY_COMPARE(inboxTabText(), QStringLiteral("Approval Inbox (3 · 3)"));

    // Newest first; the first item is open.
    QCOMPARE(currentId(), markdown);
    auto *rendered = child<QTextBrowser>(*m_window, "renderedPayload");
    QVERIFY(rendered->toPlainText().contains(QStringLiteral("thanks for the long call")));
    QCOMPARE(m_inbox->detail()->approvalId(), markdown);
    m_inbox->detail()->grab().save(QStringLiteral("/tmp/inbox-detail.png"));
    press(Qt::Key_J);
    QCOMPARE(currentId(), email);
    QVERIFY(rendered->toPlainText().contains(QStringLiteral("Subject:")));
    press(Qt::Key_K);
    QCOMPARE(currentId(), markdown);
    press(Qt::Key_Down);
    QCOMPARE(currentId(), email);
    press(Qt::Key_J);
    QCOMPARE(currentId(), json);
    QVERIFY(rendered->toPlainText().contains(QStringLiteral("\"lead\": 17"))); // pretty-printed
    m_window->grab().save(QStringLiteral("/tmp/inbox-window.png"));
    press(Qt::Key_K);
    press(Qt::Key_K);
    QCOMPARE(currentId(), markdown);

    // A: approved, and the next item opens by itself.
    press(Qt::Key_A);
    QCOMPARE(stored(markdown).state, ApprovalState::Approved);
    QCOMPARE(currentId(), email);
    QVERIFY(m_inbox->view()->hasFocus());

    // R asks for a reason; Enter with none does nothing.
    press(Qt::Key_R);
    QDialog *reject = waitForDialog("rejectDialog");
    QVERIFY(reject);
    auto *reason = child<QLineEdit>(*reject, "reasonLineEdit");
    QTRY_VERIFY(reason->hasFocus());
    QTest::keyClick(reason, Qt::Key_Return);
    QVERIFY(reject->isVisible());
    QTest::keyClicks(reason, QStringLiteral("Not to this address"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(!reject->isVisible());
    QCOMPARE(stored(email).state, ApprovalState::Rejected);
    QCOMPARE(currentId(), json);
    QTRY_VERIFY(m_inbox->view()->hasFocus());

    // E: the payload in an editor, a reason, then approve the edited text.
    press(Qt::Key_E);
    QDialog *edit = waitForDialog("approvalEditDialog");
    QVERIFY(edit);
    auto *payload = child<QPlainTextEdit>(*edit, "payloadEdit");
    QTRY_VERIFY(payload->hasFocus());
    QTest::keyClick(payload, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(payload, Qt::Key_Left);
    QTest::keyClicks(payload, QStringLiteral(",\"note\":\"checked\""));
    QTest::keyClick(payload, Qt::Key_Tab);
    QWidget *editReason = QApplication::focusWidget();
    QCOMPARE(editReason, child<QLineEdit>(*edit, "reasonLineEdit"));
    QTest::keyClicks(editReason, QStringLiteral("Add the check note"));
    QTest::keyClick(editReason, Qt::Key_Return);
    QTRY_VERIFY(!edit->isVisible());
    const Approval edited = stored(json);
    QCOMPARE(edited.state, ApprovalState::Approved);
    QVERIFY(edited.approvedPayload.contains(QStringLiteral("\"note\":\"checked\"")));
    QVERIFY(!edited.originalPayload.contains(QStringLiteral("note")));

    // The decided items left; what remains is the reviewer's none.
    QCOMPARE(m_inbox->model()->rowCount(), 0);
    QTRY_COMPARE(m_inbox->counts().pendingForMe, 0);
    QTRY_COMPARE(inboxTabText(), QStringLiteral("Approval Inbox (0 · 0)"));
}

void TestApprovalInbox::shortcutSheet_andOpenContext()
{
    const NodeId followUp = m_agent->idOf(QStringLiteral("/acme/sales/outbound/follow-up"));
    const ApprovalId earlier =
        m_agent->submit(followUp, QStringLiteral("Weekly follow-up"), QStringLiteral("Hi Sam,\n\nthanks.\n"));
    QVERIFY(m_agent->service()
                .decide(earlier, {QStringLiteral("reject"), 1, QStringLiteral("too short"), {}},
                        QStringLiteral("otto.other"))
                .ok());
    const ApprovalId approved =
        m_agent->submit(followUp, QStringLiteral("Weekly follow-up"), QStringLiteral("Hi Sam,\n\nthanks a lot.\n"));
    QVERIFY(
        m_agent->service()
            .decide(approved, {QStringLiteral("approve"), 1, QStringLiteral("good"), {}}, QStringLiteral("otto.other"))
            .ok());
    const ApprovalId repeat = m_agent->submit(
        followUp, QStringLiteral("Weekly follow-up"),
        QStringLiteral("Hi Sam,\n\nthanks a lot for the **call** on Tuesday.\n\n- pricing sheet\n- next steps\n"));
    QVERIFY(repeat != 0);
    openWindow();
    QCOMPARE(currentId(), repeat);
    // The context: earlier decisions on this agent; the diff against the approved output.
    const QString context = child<QLabel>(*m_window, "approvalContextLabel")->text();
    QVERIFY2(context.contains(QStringLiteral("too short")) && context.contains(QStringLiteral("good")),
             qPrintable(context));
    auto *tabs = child<QTabWidget>(*m_window, "approvalDetailTabs");
    tabs->setCurrentIndex(2);
    m_inbox->detail()->grab().save(QStringLiteral("/tmp/inbox-diff.png"));
    tabs->setCurrentIndex(0);
    m_inbox->view()->setFocus();

    press(Qt::Key_Question);
    QDialog *sheet = waitForDialog("shortcutSheet");
    QVERIFY(sheet);
    sheet->grab().save(QStringLiteral("/tmp/inbox-shortcuts.png"));
    QTest::keyClick(sheet, Qt::Key_Escape);
    QTRY_VERIFY(!sheet->isVisible());

    QTRY_VERIFY(m_inbox->view()->hasFocus());
    press(Qt::Key_O);
    QCOMPARE(child<QTabWidget>(*m_window, "placesTabWidget")->currentIndex(), 0);
    QVERIFY(orgTree(*m_window)->hasFocus());
    QCOMPARE(orgTree(*m_window)->currentIndex().data().toString(), QStringLiteral("follow-up"));
}

void TestApprovalInbox::bulk_refusedForCritical_elseNeedsAReason()
{
    const NodeId router = m_agent->idOf(QStringLiteral("/acme/sales/inbound/lead-router"));
    const NodeId mailer = m_agent->idOf(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const ApprovalId a = m_agent->submit(router, QStringLiteral("one"));
    const ApprovalId b = m_agent->submit(router, QStringLiteral("two"));
    const ApprovalId critical = m_agent->submit(mailer, QStringLiteral("to every prospect"));
    QVERIFY(a != 0 && b != 0 && critical != 0);
    openWindow();
    QCOMPARE(currentId(), critical);

    // All three selected (Shift+Down twice): refused, with why, and nothing decided.
    press(Qt::Key_Down, Qt::ShiftModifier);
    press(Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(m_inbox->view()->selectionModel()->selectedRows().size(), 3);
    press(Qt::Key_A);
    QVERIFY2(m_inbox->message().contains(QStringLiteral("critical")), qPrintable(m_inbox->message()));
    QVERIFY(!m_window->findChild<QDialog *>(QStringLiteral("bulkDecisionDialog")));
    press(Qt::Key_R);
    QVERIFY(!m_window->findChild<QDialog *>(QStringLiteral("bulkDecisionDialog")));
    for (const ApprovalId id : {a, b, critical}) {
        QCOMPARE(stored(id).state, ApprovalState::Pending);
    }
    m_window->grab().save(QStringLiteral("/tmp/inbox-bulk-refused.png"));

    // Without the critical one (X takes it out): a reason is required, then both are approved.
    press(Qt::Key_Up);
    QCOMPARE(currentId(), b);
    press(Qt::Key_Down, Qt::ControlModifier); // moves without selecting
    QCOMPARE(currentId(), a);
    press(Qt::Key_X);
    QCOMPARE(m_inbox->view()->selectionModel()->selectedRows().size(), 2);
    press(Qt::Key_A);
    QDialog *bulk = waitForDialog("bulkDecisionDialog");
    QVERIFY(bulk);
    auto *reason = child<QLineEdit>(*bulk, "reasonLineEdit");
    QTest::keyClick(reason, Qt::Key_Return);
    QVERIFY(bulk->isVisible());
    QTest::keyClicks(reason, QStringLiteral("Routine routing"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(!bulk->isVisible());
    QCOMPARE(stored(a).state, ApprovalState::Approved);
    QCOMPARE(stored(b).state, ApprovalState::Approved);
    QCOMPARE(stored(critical).state, ApprovalState::Pending);
    QCOMPARE(m_inbox->model()->rowCount(), 1);
    QCOMPARE(currentId(), critical);
}

void TestApprovalInbox::staleItem_showsWhyAndLeaves()
{
    const NodeId router = m_agent->idOf(QStringLiteral("/acme/sales/inbound/lead-router"));
    const ApprovalId older = m_agent->submit(router, QStringLiteral("older"));
    const ApprovalId item = m_agent->submit(router, QStringLiteral("contested"));
    openWindow();
    QCOMPARE(currentId(), item);
    // Another reviewer edits it first (a new revision, approved); this window has not heard.
    QVERIFY(m_agent->service()
                .decide(item, {QStringLiteral("edit"), 1, QStringLiteral("tone"), QStringLiteral("Hello there")},
                        QStringLiteral("otto.other"))
                .ok());
    press(Qt::Key_A);
    QVERIFY(!m_inbox->message().isEmpty());
    QCOMPARE(m_inbox->model()->rowCount(), 1);
    QCOMPARE(currentId(), older);
    QCOMPARE(stored(item).approvedPayload, QStringLiteral("Hello there"));
    QCOMPARE(stored(older).state, ApprovalState::Pending);
}

void TestApprovalInbox::proposedVersion_decidedInTheSameInbox()
{
    const NodeId router = m_agent->idOf(QStringLiteral("/acme/sales/inbound/lead-router"));
    const NodeId mailer = m_agent->idOf(QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    const ApprovalId item = m_agent->submit(router, QStringLiteral("an approval"));
    QVERIFY(item != 0);
    // Someone else proposes a new version of the critical agent.
    Result<std::unique_ptr<Store>> store = Store::open(m_path);
    QVERIFY(store.ok());
    LocalWorkspace proposer(std::move(store).value(), QStringLiteral("pat.proposer"));
    const Result<Agent> agent = proposer.agent(mailer);
    QVERIFY(agent.ok());
    const Result<AgentVersion> head = proposer.version(mailer, agent->headVersion);
    QVERIFY(head.ok());
    const QString proposedSpec =
        QString(head->spec).replace(QStringLiteral("the one thing"), QStringLiteral("the two things"));
    QVERIFY(proposedSpec != head->spec);
    const auto proposed = proposer.changeSpec(mailer, agent->headVersion, proposedSpec, QStringLiteral("wider scope"));
    QVERIFY2(proposed.ok(), qPrintable(proposed ? QString() : proposed.error().message));

    openWindow();
    // The proposal leads the reviewer's section, with its diff against the version it is based on.
    QCOMPARE(m_inbox->model()->rowCount(), 2);
    QVERIFY(m_inbox->model()->isProposalAt(0));
    QCOMPARE(m_inbox->model()->agentPathAt(0), QStringLiteral("/acme/sales/outbound/prospect-mailer"));
    QCOMPARE(currentId(), ApprovalId(0));
    QVERIFY(child<QTextBrowser>(*m_window, "renderedPayload")->toPlainText().contains(QStringLiteral("two things")));
    // E does not apply to it; A asks for a reason and makes it the new version.
    press(Qt::Key_E);
    QVERIFY(m_inbox->message().contains(QStringLiteral("Versions tab")));
    press(Qt::Key_A);
    QDialog *dialog = waitForDialog("proposalDecisionDialog");
    QVERIFY(dialog);
    auto *reason = child<QLineEdit>(*dialog, "reasonLineEdit");
    QTRY_VERIFY(reason->hasFocus());
    QTest::keyClicks(reason, QStringLiteral("Reviewed the scope"));
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_window->workspace()->agent(mailer)->headVersion, agent->headVersion + 1);
    QCOMPARE(m_inbox->model()->rowCount(), 1);
    QCOMPARE(currentId(), item);

    // A new proposal arrives while the inbox is open (the agent changed): it comes on top.
    const Result<Agent> now = proposer.agent(mailer);
    QVERIFY(now.ok());
    const auto again = proposer.changeSpec(
        mailer, now->headVersion, QString(proposedSpec).replace(QStringLiteral("two"), QStringLiteral("three")),
        QStringLiteral("wider still"));
    QVERIFY(again.ok());
    Q_EMIT m_window->workspace()->agentChanged(mailer);
    QCOMPARE(m_inbox->model()->rowCount(), 2);
    QVERIFY(m_inbox->model()->isProposalAt(0));
    QCOMPARE(currentId(), item); // the reviewer stays where they were
}

QTEST_MAIN(TestApprovalInbox)
#include "tst_approvalinbox.moc"
