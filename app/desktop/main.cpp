// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprofile.h"
#include "i18n/translations.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace steward;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Steward"));
    QApplication::setApplicationName(QStringLiteral("Steward"));
    QApplication::setApplicationDisplayName(QStringLiteral("Steward"));
    QApplication::setApplicationVersion(QStringLiteral(STEWARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(STEWARD_APP_ID));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    steward::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "The control room for background AI agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QApplication::translate("main", "The workspace file to open."),
                                 QStringLiteral("[WORKSPACE_FILE]"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main",
                                                                "Open the demo workspace, building it first "
                                                                "if it is not there yet."));
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QApplication::translate("main", "Select the node at PATH in the tree."),
                                          QStringLiteral("PATH"));
    const QCommandLineOption grabOption(QStringLiteral("grab"),
                                        QApplication::translate("main",
                                                                "Save a picture of the window to PNG once it "
                                                                "is shown, then quit."),
                                        QStringLiteral("PNG"));
    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       QApplication::translate("main",
                                                               "Show TAB: overview, versions, reliability or "
                                                               "runs (of the selected node), audit, feed or "
                                                               "inbox."),
                                       QStringLiteral("TAB"));
    const QCommandLineOption versionsOption(QStringLiteral("versions"),
                                            QApplication::translate("main",
                                                                    "With --tab versions: select these "
                                                                    "versions, e.g. 3,4 (one is compared "
                                                                    "with its parent)."),
                                            QStringLiteral("LIST"));
    const QCommandLineOption bundleOption(QStringLiteral("bundle"),
                                          QApplication::translate("main",
                                                                  "Open the audit bundle FILE read-only "
                                                                  "(auditor mode)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("key"),
                                       QApplication::translate("main",
                                                               "With --bundle: the public key (hex) to check "
                                                               "its signature against."),
                                       QStringLiteral("HEX"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QApplication::translate("main",
                                "Work on the workspace this server shares; the token comes from the "
                                "STEWARD_TOKEN environment variable."),
        QStringLiteral("URL"));
    parser.addOptions(
        {demoOption, selectOption, grabOption, tabOption, versionsOption, bundleOption, keyOption, serverOption});
    parser.process(app);

    MainWindow window;
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(bundleOption)) {
        const Status opened = window.openBundle(parser.value(bundleOption), parser.value(keyOption).toLatin1());
        if (!opened) {
            std::fprintf(stderr, "steward: %s\n", qPrintable(opened.error().message));
            return 1;
        }
    } else if (parser.isSet(serverOption)) {
        const Result<QUrl> url = ConnectionProfile::parseServerUrl(parser.value(serverOption));
        const QString token = qEnvironmentVariable("STEWARD_TOKEN");
        if (!url || token.isEmpty()) {
            std::fprintf(stderr, "steward: %s\n",
                         url ? qPrintable(QApplication::translate("main", "--server needs STEWARD_TOKEN set."))
                             : qPrintable(url.error().message));
            return 2;
        }
        window.connectWithToken(url.value(), token);
    } else if (!files.isEmpty()) {
        window.openWorkspace(files.first());
    } else if (parser.isSet(demoOption)) {
        window.openDemo();
    } else {
        window.openMostRecent();
    }
    window.show();

    const QString select = parser.value(selectOption);
    const QString png = parser.value(grabOption);
    const QString tab = parser.value(tabOption);
    QList<int> versions;
    for (const QString &number : parser.value(versionsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        versions.append(number.trimmed().toInt());
    }
    // A server's workspace arrives over the network after the token is checked.
    const int grabDelayMs = parser.isSet(serverOption) ? 3000 : 500;
    const auto firstPageLoaded = [&window, select, png, tab, versions, grabDelayMs] {
        if (!select.isEmpty()) {
            window.selectPath(select);
        }
        if (tab == QLatin1String("versions") && !window.showVersions(versions)) {
            std::fprintf(stderr, "steward: no such versions of the selected agent\n");
        } else if (tab == QLatin1String("reliability")) {
            window.showReliability();
        } else if (tab == QLatin1String("audit")) {
            window.showAudit();
        } else if (tab == QLatin1String("feed")) {
            window.showLiveFeed();
        } else if (tab == QLatin1String("inbox")) {
            window.showInbox();
        } else if (tab == QLatin1String("runs") && !window.showRuns()) {
            std::fprintf(stderr, "steward: --tab runs needs an agent selected (--select PATH)\n");
        }
        if (png.isEmpty()) {
            return;
        }
        // Delayed so that the window has been laid out and shown, and the audit check (on its
        // worker) has reported, before it is drawn.
        QTimer::singleShot(grabDelayMs, &window, [&window, png] {
            const bool saved = window.grab().save(png, "PNG");
            if (!saved) {
                std::fprintf(stderr, "steward: could not write %s\n", qPrintable(png));
            }
            QApplication::exit(saved ? 0 : 1);
        });
    };
    // While the demo workspace is being built, the first page is the one after it.
    if (window.isBuildingDemo()) {
        QObject::connect(&window, &MainWindow::demoFinished, &window, firstPageLoaded);
    } else {
        firstPageLoaded();
    }
    return QApplication::exec();
}
