// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// fakeopenai: the test server of fakeopenai.h as a program, for server tests and benchmarks
// that start processes. Prints the port it listens on (one line) and serves until killed.
//   fakeopenai [--port N] [--mode completion|cost|unauthorized|...] [--content TEXT]
#include "fakeopenai.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    using steward::test::FakeOpenAi;

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("An OpenAI-compatible chat completions server for tests."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default: a free one)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("How to answer: %1.").arg(FakeOpenAi::modeNames().join(u", ")),
                                  QStringLiteral("MODE"), QStringLiteral("completion"));
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("The answer's text."),
                                     QStringLiteral("TEXT"));
    parser.addOptions({port, mode, content});
    parser.process(app);

    QTextStream err(stderr);
    const std::optional<FakeOpenAi::Mode> chosen = FakeOpenAi::modeNamed(parser.value(mode));
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!chosen || !portOk || portNumber > 65535) {
        err << "fakeopenai: bad --mode or --port (see --help)\n";
        return 2;
    }
    FakeOpenAi server;
    server.setMode(*chosen);
    if (parser.isSet(content)) {
        server.setContent(parser.value(content));
    }
    if (!server.listen(static_cast<quint16>(portNumber))) {
        err << "fakeopenai: cannot listen on port " << portNumber << '\n';
        return 1;
    }
    QTextStream(stdout) << server.port() << Qt::endl;
    return QCoreApplication::exec();
}
