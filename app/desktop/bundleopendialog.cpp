// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundleopendialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward {

BundleOpenDialog::BundleOpenDialog(Apply apply, QWidget *parent) : QDialog(parent), m_apply(std::move(apply))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Open Audit Bundle"));

    auto *description = new QLabel(tr("Open a bundle read-only and check that nothing in it changed since it was "
                                      "signed. Its manifest (FILE.manifest.json) must sit beside it."),
                                   this);
    description->setObjectName(QStringLiteral("descriptionLabel"));
    description->setWordWrap(true);

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("bundleFileLineEdit"));
    connect(m_file, &QLineEdit::textChanged, this, &BundleOpenDialog::updateState);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &BundleOpenDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("publicKeyLineEdit"));
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setPlaceholderText(tr("64 hex digits, as given to you with the bundle"));
    m_key->setToolTip(tr("Left empty, the bundle opens but nobody can tell who signed it."));

    auto *fields = new QFormLayout;
    fields->addRow(tr("&Bundle file:"), fileRow);
    fields->addRow(tr("&Public key:"), m_key);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Open)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BundleOpenDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BundleOpenDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    updateState();
}

void BundleOpenDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Audit Bundle"), QDir::homePath(),
                                                      tr("Steward audit bundles (*.steward);;All files (*)"));
    if (!path.isEmpty()) {
        m_file->setText(path);
    }
}

void BundleOpenDialog::updateState()
{
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(!m_file->text().trimmed().isEmpty());
}

void BundleOpenDialog::accept()
{
    const Status opened = m_apply(m_file->text().trimmed(), m_key->text().trimmed().toLatin1());
    if (!opened) {
        m_error->setText(opened.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace steward
