// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace steward {

class Workspace;

// Exports a signed audit bundle for an auditor: where to write it, what it holds (a subtree,
// a time range) and why. Once written, it shows where the bundle and its manifest are and the
// public key to give the auditor, selectable and with a Copy button.
class ExportBundleDialog final : public QDialog
{
    Q_OBJECT

public:
    // `subtree` is the path offered as the scope; empty offers the whole workspace.
    ExportBundleDialog(Workspace &workspace, const QString &subtree, QWidget *parent);
    Q_DISABLE_COPY_MOVE(ExportBundleDialog)
    ~ExportBundleDialog() override = default;

private:
    void chooseFile();
    void exportBundle();
    void updateState();

    Workspace &m_workspace;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_subtree = nullptr;
    QCheckBox *m_fromEnabled = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_untilEnabled = nullptr;
    QDateEdit *m_until = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_result = nullptr;
    QLabel *m_written = nullptr;
    QLineEdit *m_publicKey = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace steward
