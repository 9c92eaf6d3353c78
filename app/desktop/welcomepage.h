// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace steward {

// What the window shows when no workspace is open: the ways to get one, and why the last
// attempt to open one failed.
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WelcomePage)
    ~WelcomePage() override = default;

    // Shows the problem in words; an empty message hides it.
    void setError(const QString &message);

Q_SIGNALS:
    void openDemoRequested();
    void openWorkspaceRequested();
    void newWorkspaceRequested();

private:
    QLabel *m_error = nullptr;
};

} // namespace steward
