// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runnowdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward {

RunNowDialog::RunNowDialog(const QString &agentPath, Apply apply, QWidget *parent)
    : QDialog(parent), m_apply(std::move(apply))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Run Now"));

    auto *description =
        new QLabel(tr("Start a run of %1 now, with its current version. The payload is what a trigger would hand "
                      "the agent; leave it empty for none.")
                       .arg(agentPath),
                   this);
    description->setObjectName(QStringLiteral("descriptionLabel"));
    description->setWordWrap(true);

    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("payloadTextEdit"));
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setPlaceholderText(QStringLiteral("{\"ticket\": 4711}"));
    m_payload->setTabChangesFocus(true);
    m_payload->setMinimumHeight(m_payload->fontMetrics().height() * 6);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &RunNowDialog::updateState);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why? Kept in the audit log"));
    connect(m_reason, &QLineEdit::textChanged, this, &RunNowDialog::updateState);
    auto *fields = new QFormLayout;
    fields->addRow(tr("&Payload (JSON):"), m_payload);
    fields->addRow(tr("&Reason:"), m_reason);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setText(tr("&Run"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RunNowDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RunNowDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    m_reason->setFocus();
    updateState();
}

Result<QJsonObject> RunNowDialog::payload() const
{
    const QByteArray text = m_payload->toPlainText().trimmed().toUtf8();
    if (text.isEmpty()) {
        return QJsonObject();
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{Error::Code::Invalid,
                     tr("The payload is not JSON: %1 at character %2.").arg(error.errorString()).arg(error.offset)};
    }
    if (!document.isObject()) {
        return Error{Error::Code::Invalid, tr("The payload must be a JSON object, like {\"ticket\": 4711}.")};
    }
    return document.object();
}

void RunNowDialog::updateState()
{
    const Result<QJsonObject> parsed = payload();
    m_error->setText(parsed ? QString() : parsed.error().message);
    m_error->setVisible(!parsed);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(parsed && !m_reason->text().trimmed().isEmpty());
}

void RunNowDialog::accept()
{
    const Result<QJsonObject> parsed = payload();
    if (!parsed || m_reason->text().trimmed().isEmpty()) {
        return;
    }
    const Status applied = m_apply(parsed.value(), m_reason->text().trimmed());
    if (!applied) {
        m_error->setText(applied.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace steward
