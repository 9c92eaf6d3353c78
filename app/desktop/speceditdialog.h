// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace steward {

class Workspace;

// Edits an agent's spec: the head version's text in a monospace editor and the reason, which
// is required. Save goes through Workspace::changeSpec, so for a critical agent it proposes
// rather than saves. A refusal is shown in the dialog, which stays open: a spec that does not
// parse puts the cursor on the line it names; a change someone else saved first offers to
// reload their version.
class SpecEditDialog final : public QDialog
{
    Q_OBJECT

public:
    SpecEditDialog(Workspace &workspace, NodeId agentId, QWidget *parent);
    Q_DISABLE_COPY_MOVE(SpecEditDialog)
    ~SpecEditDialog() override = default;

    void accept() override;

Q_SIGNALS:
    // The change was stored; the message says what became of it.
    void changed(const QString &message);

private:
    // Loads the head version into the editor and bases the change on it.
    void loadHead();
    void showError(const QString &message);
    void updateState();

    Workspace &m_workspace;
    NodeId m_agentId;
    bool m_critical = false;
    int m_baseVersion = 0;
    QLabel *m_base = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_reload = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace steward
