// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvaleditdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward {

ApprovalEditDialog::ApprovalEditDialog(const QString &title, const QString &payload, Apply apply, QWidget *parent)
    : QDialog(parent), m_apply(std::move(apply)), m_original(payload)
{
    setObjectName(QStringLiteral("approvalEditDialog"));
    setWindowTitle(tr("Edit Then Approve"));
    auto *description = new QLabel(tr("Edit \"%1\". What you approve is the edited text; the original, the "
                                      "change and your reason are kept.")
                                       .arg(title),
                                   this);
    description->setWordWrap(true);
    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("payloadEdit"));
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setPlainText(payload);
    m_payload->setTabChangesFocus(true);
    m_payload->setAccessibleName(tr("Payload"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why it needed changing"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setText(tr("Approve Edited"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ApprovalEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ApprovalEditDialog::reject);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &ApprovalEditDialog::updateState);
    connect(m_reason, &QLineEdit::textChanged, this, &ApprovalEditDialog::updateState);

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addWidget(m_payload, 1);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(640, 480);
    updateState();
}

void ApprovalEditDialog::updateState()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_payload->toPlainText() != m_original && !m_reason->text().trimmed().isEmpty());
}

void ApprovalEditDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled()) {
        return;
    }
    const Status applied = m_apply(m_payload->toPlainText(), m_reason->text().trimmed());
    if (!applied) {
        m_error->setText(applied.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace steward
