// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace steward {

// Asks an auditor which bundle to open and the public key they were given for it. The key
// may be left empty; the bundle is then opened with its signature unchecked. Like
// ReasonDialog, OK opens through the given function and a refusal is shown in the dialog.
class BundleOpenDialog final : public QDialog
{
    Q_OBJECT

public:
    using Apply = std::function<Status(const QString &path, const QByteArray &publicKeyHex)>;

    BundleOpenDialog(Apply apply, QWidget *parent);
    Q_DISABLE_COPY_MOVE(BundleOpenDialog)
    ~BundleOpenDialog() override = default;

    void accept() override;

private:
    void chooseFile();
    void updateState();

    Apply m_apply;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
