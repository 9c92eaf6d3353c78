// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "speceditdialog.h"

#include "service/workspace.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBlock>
#include <QVBoxLayout>

namespace steward {
namespace {

// The line a spec's parse error names ("Line 7: ..." in the user's language); 0 if none.
int lineNamedIn(const QString &message)
{
    QString pattern = QRegularExpression::escape(QCoreApplication::translate("steward::AgentSpec", "Line %1: %2"));
    pattern.replace(QRegularExpression::escape(QStringLiteral("%1")), QStringLiteral("(\\d+)"));
    pattern.replace(QRegularExpression::escape(QStringLiteral("%2")), QStringLiteral(".*"));
    const QRegularExpressionMatch match = QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'),
                                                             QRegularExpression::DotMatchesEverythingOption)
                                              .match(message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

SpecEditDialog::SpecEditDialog(Workspace &workspace, NodeId agentId, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_agentId(agentId)
{
    setAttribute(Qt::WA_DeleteOnClose);

    m_base = new QLabel(this);
    m_base->setObjectName(QStringLiteral("baseVersionLabel"));
    m_base->setWordWrap(true);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("specPlainTextEdit"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setAccessibleName(tr("Spec"));
    m_editor->setMinimumSize(640, 420);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why? Kept in the audit log"));
    connect(m_reason, &QLineEdit::textChanged, this, &SpecEditDialog::updateState);
    auto *fields = new QFormLayout;
    fields->addRow(tr("&Reason:"), m_reason);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_reload = m_buttons->addButton(tr("&Reload Latest"), QDialogButtonBox::ResetRole);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Replace the text with the latest version; your edits are dropped"));
    m_reload->hide();
    connect(m_reload, &QPushButton::clicked, this, &SpecEditDialog::loadHead);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SpecEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SpecEditDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_base);
    layout->addWidget(m_editor, 1);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    const Result<OrgNode> node = m_workspace.node(agentId);
    const Result<Agent> agent = m_workspace.agent(agentId);
    m_critical = agent && agent->criticality == Criticality::Critical;
    const QString name = node ? node->name : QString();
    setWindowTitle(m_critical ? tr("Propose a Change to %1").arg(name) : tr("Edit %1").arg(name));
    m_buttons->button(QDialogButtonBox::Save)->setText(m_critical ? tr("&Propose") : tr("&Save"));
    loadHead();
}

void SpecEditDialog::loadHead()
{
    m_error->hide();
    m_reload->hide();
    const Result<Agent> agent = m_workspace.agent(m_agentId);
    if (!agent) {
        showError(agent.error().message);
        return;
    }
    m_baseVersion = agent->headVersion;
    QString spec;
    if (m_baseVersion > 0) {
        const Result<AgentVersion> head = m_workspace.version(m_agentId, m_baseVersion);
        if (!head) {
            showError(head.error().message);
            return;
        }
        spec = head->spec;
    }
    m_editor->setPlainText(spec);
    m_base->setText(m_critical ? tr("Changing version %1. The agent is critical: your change becomes a proposal "
                                    "that a second person must approve.")
                                     .arg(m_baseVersion)
                               : tr("Changing version %1.").arg(m_baseVersion));
    updateState();
}

void SpecEditDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SpecEditDialog::updateState()
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!m_reason->text().trimmed().isEmpty());
}

void SpecEditDialog::accept()
{
    const Result<AgentService::VersionChange> outcome =
        m_workspace.changeSpec(m_agentId, m_baseVersion, m_editor->toPlainText(), m_reason->text().trimmed());
    if (!outcome) {
        showError(outcome.error().message);
        if (outcome.error().code == Error::Code::Conflict) {
            m_reload->show();
        } else if (const int line = lineNamedIn(outcome.error().message); line > 0) {
            m_editor->setTextCursor(QTextCursor(m_editor->document()->findBlockByNumber(line - 1)));
            m_editor->setFocus();
        }
        return;
    }
    Q_EMIT changed(outcome->proposed ? tr("Proposed a change on version %1. It awaits a second person's approval.")
                                           .arg(outcome->proposed->baseVersion)
                                     : tr("Saved version %1.").arg(outcome->saved->number));
    QDialog::accept();
}

} // namespace steward
