// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace steward {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("Welcome to Steward"), this);
    title->setObjectName(QStringLiteral("welcomeTitleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = new QLabel(tr("Steward keeps your company's background agents in one place: where each agent "
                                "sits in the organisation, who owns it, what changed and why.\n\n"
                                "To look around, open the demo workspace: a made-up company with a few hundred "
                                "agents and three months of activity."),
                             this);
    intro->setObjectName(QStringLiteral("welcomeIntroLabel"));
    intro->setWordWrap(true);

    auto *openDemo = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Open the &demo workspace"), this);
    openDemo->setObjectName(QStringLiteral("openDemoButton"));
    openDemo->setDefault(true);
    auto *open = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open a workspace…"), this);
    open->setObjectName(QStringLiteral("openWorkspaceButton"));
    auto *create = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("&New workspace…"), this);
    create->setObjectName(QStringLiteral("newWorkspaceButton"));
    auto *connectToServer =
        new QPushButton(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("&Connect to a server…"), this);
    connectToServer->setObjectName(QStringLiteral("connectToServerButton"));
    connect(connectToServer, &QPushButton::clicked, this, &WelcomePage::connectToServerRequested);
    connect(openDemo, &QPushButton::clicked, this, &WelcomePage::openDemoRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openWorkspaceRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newWorkspaceRequested);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("welcomeErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addSpacing(12);
    column->addWidget(intro);
    column->addSpacing(18);
    column->addWidget(openDemo);
    column->addWidget(open);
    column->addWidget(create);
    column->addWidget(connectToServer);
    m_serversTitle = new QLabel(tr("Saved servers:"), this);
    m_serversTitle->setObjectName(QStringLiteral("savedServersLabel"));
    m_serversTitle->hide();
    m_servers = new QVBoxLayout;
    column->addSpacing(12);
    column->addWidget(m_serversTitle);
    column->addLayout(m_servers);
    column->addSpacing(12);
    column->addWidget(m_error);

    // A centred column of readable width (fixed, so that the wrapped text gets its height).
    auto *centre = new QWidget(this);
    centre->setLayout(column);
    centre->setFixedWidth(540);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(centre);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

void WelcomePage::setProfiles(const QList<ConnectionProfile> &profiles)
{
    while (QLayoutItem *item = m_servers->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const ConnectionProfile &profile : profiles) {
        const QString server = profile.principalName.isEmpty()
            ? profile.serverUrl.toDisplayString()
            : tr("%1 as %2").arg(profile.serverUrl.toDisplayString(), profile.principalName);
        auto *button = new QCommandLinkButton(profile.name, server, this);
        button->setObjectName(QStringLiteral("savedServerButton"));
        button->setIcon(style()->standardIcon(QStyle::SP_DriveNetIcon));
        const QString name = profile.name;
        connect(button, &QPushButton::clicked, this, [this, name] { Q_EMIT connectToProfileRequested(name); });
        m_servers->addWidget(button);
    }
    m_serversTitle->setVisible(!profiles.isEmpty());
}

void WelcomePage::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace steward
