// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reasondialog.h"

#include "domain/orgnode.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward {

ReasonDialog::ReasonDialog(const Form &form, Apply apply, QWidget *parent) : QDialog(parent), m_apply(std::move(apply))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(form.title);

    auto *description = new QLabel(form.description, this);
    description->setObjectName(QStringLiteral("descriptionLabel"));
    description->setWordWrap(true);

    auto *fields = new QFormLayout;
    if (form.asksForName) {
        m_name = new QLineEdit(form.name, this);
        m_name->setObjectName(QStringLiteral("nameLineEdit"));
        m_name->setPlaceholderText(tr("lower-case letters, digits, - _ ."));
        m_name->selectAll();
        fields->addRow(tr("&Name:"), m_name);
        connect(m_name, &QLineEdit::textChanged, this, &ReasonDialog::updateState);
    }
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why? Kept in the audit log"));
    fields->addRow(tr("&Reason:"), m_reason);
    connect(m_reason, &QLineEdit::textChanged, this, &ReasonDialog::updateState);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    if (!form.okText.isEmpty()) {
        ok->setText(form.okText);
    }
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReasonDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReasonDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    updateState();
}

void ReasonDialog::updateState()
{
    const QString nameProblem = m_name ? nodeNameProblem(m_name->text()) : QString();
    // Tell what is wrong with the name while it is typed, but not before anything is typed.
    const bool showProblem = m_name && !m_name->text().isEmpty() && !nameProblem.isEmpty();
    m_error->setText(showProblem ? nameProblem : QString());
    m_error->setVisible(showProblem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(nameProblem.isEmpty() && !m_reason->text().trimmed().isEmpty());
}

void ReasonDialog::accept()
{
    const Status applied = m_apply(m_name ? m_name->text() : QString(), m_reason->text().trimmed());
    if (!applied) {
        m_error->setText(applied.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace steward
