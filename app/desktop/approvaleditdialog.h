// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace steward {

// Edit then approve: the payload to change and the reason (required, it is kept with the
// diff). OK stays disabled until the payload differs and a reason is given; it applies the
// decision through the given function, and a refusal is shown in the dialog, which stays open.
class ApprovalEditDialog final : public QDialog
{
    Q_OBJECT

public:
    using Apply = std::function<Status(const QString &payload, const QString &reason)>;

    ApprovalEditDialog(const QString &title, const QString &payload, Apply apply, QWidget *parent);
    Q_DISABLE_COPY_MOVE(ApprovalEditDialog)
    ~ApprovalEditDialog() override = default;

    void accept() override;

private:
    void updateState();

    Apply m_apply;
    QString m_original;
    QPlainTextEdit *m_payload = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
