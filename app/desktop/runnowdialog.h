// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace steward {

// Run now: an optional JSON payload (an object; what a trigger would hand the agent) and the
// reason, which the audit log keeps. A payload that is not a JSON object is named inline while
// it is typed and keeps Run disabled. Run applies through the given function; when that is
// refused, the error is shown in the dialog, which stays open.
class RunNowDialog final : public QDialog
{
    Q_OBJECT

public:
    using Apply = std::function<Status(const QJsonObject &payload, const QString &reason)>;

    RunNowDialog(const QString &agentPath, Apply apply, QWidget *parent);
    Q_DISABLE_COPY_MOVE(RunNowDialog)
    ~RunNowDialog() override = default;

    void accept() override;

private:
    // The payload as typed, or why it is not one.
    [[nodiscard]] Result<QJsonObject> payload() const;
    void updateState();

    Apply m_apply;
    QPlainTextEdit *m_payload = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
