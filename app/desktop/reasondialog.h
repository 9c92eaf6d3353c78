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

// A small form for one tree edit: optionally a name, always a reason (every change is audited
// with one). OK stays disabled until the form is complete. OK applies the change through the
// given function; when that is refused, the error is shown in the dialog, which stays open.
class ReasonDialog final : public QDialog
{
    Q_OBJECT

public:
    using Apply = std::function<Status(const QString &name, const QString &reason)>;

    struct Form
    {
        QString title;
        QString description;
        bool asksForName = false;
        QString name; // the initial name
        QString okText;
    };

    ReasonDialog(const Form &form, Apply apply, QWidget *parent);
    Q_DISABLE_COPY_MOVE(ReasonDialog)
    ~ReasonDialog() override = default;

    void accept() override;

private:
    void updateState();

    Apply m_apply;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
