// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/auditrepository.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTimer;

namespace steward {

class AuditLogModel;
class Workspace;

// The audit log as a place of its own: filters (actor, action, subject path, dates) above the
// entries, newest first and read page by page as the list scrolls, and below them every field
// of the selected entry, its details pretty-printed and its hashes.
class AuditView final : public QWidget
{
    Q_OBJECT

public:
    explicit AuditView(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditView)
    ~AuditView() override = default;

    void setWorkspace(Workspace *workspace);

private:
    [[nodiscard]] AuditFilter filterFromFields() const;
    void applyFilter();
    void showSelected();
    void showError();

    AuditLogModel *m_model = nullptr;
    QTimer *m_filterDelay = nullptr;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_subject = nullptr;
    QCheckBox *m_fromEnabled = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_untilEnabled = nullptr;
    QDateEdit *m_until = nullptr;
    QLabel *m_error = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_details = nullptr;
};

} // namespace steward
