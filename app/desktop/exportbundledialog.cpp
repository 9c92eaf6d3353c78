// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportbundledialog.h"

#include "bundle/auditbundle.h"
#include "service/workspace.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace steward {
namespace {

// A date that can be left out: a check box that enables it.
QDateEdit *optionalDate(QCheckBox *enabled, const QString &objectName, QWidget *parent)
{
    auto *date = new QDateEdit(QDate::currentDate(), parent);
    date->setObjectName(objectName);
    date->setCalendarPopup(true);
    date->setEnabled(false);
    QObject::connect(enabled, &QCheckBox::toggled, date, &QDateEdit::setEnabled);
    return date;
}

} // namespace

ExportBundleDialog::ExportBundleDialog(Workspace &workspace, const QString &subtree, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Export Audit Bundle"));

    auto *description = new QLabel(tr("A signed, read-only copy of the workspace for an auditor. Versions and the "
                                      "whole audit log are always included, so the chain can be verified."),
                                   this);
    description->setObjectName(QStringLiteral("descriptionLabel"));
    description->setWordWrap(true);

    m_file = new QLineEdit(QDir::home().filePath(tr("audit-bundle.steward")), this);
    m_file->setObjectName(QStringLiteral("bundleFileLineEdit"));
    connect(m_file, &QLineEdit::textChanged, this, &ExportBundleDialog::updateState);
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    connect(m_browse, &QPushButton::clicked, this, &ExportBundleDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    m_subtree = new QLineEdit(subtree, this);
    m_subtree->setObjectName(QStringLiteral("subtreeLineEdit"));
    m_subtree->setPlaceholderText(tr("The whole workspace"));
    m_subtree->setClearButtonEnabled(true);

    m_fromEnabled = new QCheckBox(tr("&From:"), this);
    m_fromEnabled->setObjectName(QStringLiteral("fromCheckBox"));
    m_from = optionalDate(m_fromEnabled, QStringLiteral("fromDateEdit"), this);
    m_untilEnabled = new QCheckBox(tr("&Until:"), this);
    m_untilEnabled->setObjectName(QStringLiteral("untilCheckBox"));
    m_until = optionalDate(m_untilEnabled, QStringLiteral("untilDateEdit"), this);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setPlaceholderText(tr("Why? Kept in the audit log"));
    connect(m_reason, &QLineEdit::textChanged, this, &ExportBundleDialog::updateState);

    auto *fields = new QFormLayout;
    fields->addRow(tr("&Bundle file:"), fileRow);
    fields->addRow(tr("&Subtree:"), m_subtree);
    fields->addRow(m_fromEnabled, m_from);
    fields->addRow(m_untilEnabled, m_until);
    fields->addRow(tr("&Reason:"), m_reason);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_result = new QWidget(this);
    m_written = new QLabel(m_result);
    m_written->setObjectName(QStringLiteral("exportResultLabel"));
    m_written->setWordWrap(true);
    m_written->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_publicKey = new QLineEdit(m_result);
    m_publicKey->setObjectName(QStringLiteral("publicKeyLineEdit"));
    m_publicKey->setReadOnly(true);
    m_publicKey->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_publicKey->setAccessibleName(tr("Public key"));
    auto *copy = new QPushButton(tr("&Copy"), m_result);
    copy->setObjectName(QStringLiteral("copyKeyButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_publicKey->text()); });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_publicKey, 1);
    keyRow->addWidget(copy);
    auto *resultLayout = new QVBoxLayout(m_result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_written);
    resultLayout->addWidget(new QLabel(tr("Give the auditor this public key, through another channel than the "
                                          "bundle, so they can check who signed it:"),
                                       m_result));
    resultLayout->addLayout(keyRow);
    m_result->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("dialogButtonBox"));
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_export, &QPushButton::clicked, this, &ExportBundleDialog::exportBundle);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportBundleDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addLayout(fields);
    layout->addWidget(m_error);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    updateState();
}

void ExportBundleDialog::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Bundle"), m_file->text(),
                                                      tr("Steward audit bundles (*.steward);;All files (*)"));
    if (!path.isEmpty()) {
        m_file->setText(path);
    }
}

void ExportBundleDialog::updateState()
{
    m_export->setEnabled(!m_file->text().trimmed().isEmpty() && !m_reason->text().trimmed().isEmpty());
}

void ExportBundleDialog::exportBundle()
{
    BundleScope scope;
    scope.subtreePath = m_subtree->text().trimmed();
    if (m_fromEnabled->isChecked()) {
        scope.from = m_from->date().startOfDay();
    }
    if (m_untilEnabled->isChecked()) {
        scope.until = m_until->date().endOfDay();
    }
    const QString path = m_file->text().trimmed();
    const Result<BundleManifest> manifest = m_workspace.exportBundle(path, scope, m_reason->text().trimmed());
    if (!manifest) {
        m_error->setText(manifest.error().message);
        m_error->show();
        return;
    }
    m_error->hide();
    m_written->setText(
        tr("Wrote the bundle to %1 and its signed manifest to %2 (audit log up to entry %3).")
            .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(AuditBundle::manifestPathFor(path)))
            .arg(manifest->auditHeadSequence));
    m_publicKey->setText(QString::fromLatin1(manifest->publicKey));
    m_result->show();
    // Done: the form is kept for reference, and the only way on is to close.
    for (QWidget *field :
         {static_cast<QWidget *>(m_file), static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_subtree),
          static_cast<QWidget *>(m_fromEnabled), static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_untilEnabled),
          static_cast<QWidget *>(m_until), static_cast<QWidget *>(m_reason)}) {
        field->setEnabled(false);
    }
    m_export->hide();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    m_publicKey->setFocus();
    m_publicKey->selectAll();
}

} // namespace steward
