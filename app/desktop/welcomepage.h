// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace steward {

// What the window shows when no workspace is open: the ways to get one (the saved server
// connections among them), and why the last attempt to open one failed.
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WelcomePage)
    ~WelcomePage() override = default;

    // Shows the problem in words; an empty message hides it.
    void setError(const QString &message);
    // The saved server connections, each a button that connects to it.
    void setProfiles(const QList<ConnectionProfile> &profiles);

Q_SIGNALS:
    void openDemoRequested();
    void openWorkspaceRequested();
    void newWorkspaceRequested();
    void connectToServerRequested();
    void connectToProfileRequested(const QString &profileName);

private:
    QLabel *m_error = nullptr;
    QLabel *m_serversTitle = nullptr;
    QVBoxLayout *m_servers = nullptr;
};

} // namespace steward
