// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translations.h"
#include "serverconfig.h"
#include "serverlog.h"
#include "stewardserver.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// SIGTERM and SIGINT end the event loop through a socket pair, so the store closes cleanly.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stewardd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));
    steward::installTranslations();

    const steward::Result<steward::ServerConfig> config =
        steward::ServerConfig::read(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (!config) {
        std::fprintf(stderr, "stewardd: %s\n", qPrintable(config.error().message));
        return 2;
    }
    if (config->showHelp) {
        std::fputs(qPrintable(steward::ServerConfig::helpText()), stdout);
        return 0;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        std::perror("stewardd: socketpair");
        return 1;
    }
    QSocketNotifier signalNotifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] {
        steward::ServerLog::info(QStringLiteral("stopping"));
        QCoreApplication::quit();
    });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    std::signal(SIGPIPE, SIG_IGN);

    steward::StewardServer server(config.value());
    if (const steward::Status started = server.start(); !started) {
        steward::ServerLog::error(QStringLiteral("start_failed"),
                                  {{QStringLiteral("reason"), started.error().message}});
        return 1;
    }
    return QCoreApplication::exec();
}
