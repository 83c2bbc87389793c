#include "core/dberror.h"
#include "core/engine/demodatabase.h"
#include "server/demoworkload.h"
#include "server/dosqlserver.h"
#include "server/servedatabase.h"
#include "server/serverinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2];

// SIGINT/SIGTERM end the event loop through a socket pair, the only safe way out of a handler.
void installShutdownSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char c;
        [[maybe_unused]] const auto n = ::read(signalPipe[1], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = [](int) {
        const char c = 1;
        [[maybe_unused]] const auto n = ::write(signalPipe[0], &c, 1);
    };
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(serverName());
    QCoreApplication::setApplicationVersion(serverVersion());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "dosqld", "A local DoSQL instance: serves the SQLite files of a folder over the DoSQL"
                  " contract (HTTP API and RPC over WebSocket) with a persisted change log."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("dosqld", "Folder of <name>.db files (default: ./dosql-data)."),
        QStringLiteral("dir"), QStringLiteral("dosql-data"));
    const QCommandLineOption bind(
        QStringLiteral("bind"),
        QCoreApplication::translate(
            "dosqld", "Address to listen on (default 127.0.0.1; others need a token)."),
        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("dosqld", "Port (default 8787; 0 picks a free one)."),
        QStringLiteral("port"), QStringLiteral("8787"));
    const QCommandLineOption token(
        QStringLiteral("token-env"),
        QCoreApplication::translate(
            "dosqld", "Name of the environment variable holding the token (default DOSQL_TOKEN)."),
        QStringLiteral("var"), QStringLiteral("DOSQL_TOKEN"));
    const QCommandLineOption create(
        QStringLiteral("create"),
        QCoreApplication::translate("dosqld",
                                    "Create a database on first use of an unknown name."));
    const QCommandLineOption httpOnly(
        QStringLiteral("http-only"),
        QCoreApplication::translate("dosqld",
                                    "Serve the HTTP API only and refuse WebSockets, like the"
                                    " deployed DoSQL worker (to try HTTP compatibility mode)."));
    const QCommandLineOption maxFrame(
        QStringLiteral("max-frame-bytes"),
        QCoreApplication::translate("dosqld", "Largest request accepted (default 16 MiB)."),
        QStringLiteral("bytes"), QString::number(16 * 1024 * 1024));
    const QCommandLineOption keep(
        QStringLiteral("log-keep"),
        QCoreApplication::translate("dosqld",
                                    "Change-log entries kept per database (default 1000000)."),
        QStringLiteral("count"), QStringLiteral("1000000"));
    const QCommandLineOption maxAge(
        QStringLiteral("log-max-age-hours"),
        QCoreApplication::translate("dosqld",
                                    "Change-log entries kept at most this long (default 168)."),
        QStringLiteral("hours"), QStringLiteral("168"));
    const QCommandLineOption buffer(
        QStringLiteral("cdc-buffer"),
        QCoreApplication::translate(
            "dosqld", "Events a change subscriber may lag before BUFFER_OVERFLOW (default 10000)."),
        QStringLiteral("events"), QStringLiteral("10000"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate(
            "dosqld", "Create (or reuse) the demo database \"demo\" in the data folder."));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QCoreApplication::translate(
            "dosqld",
            "With --demo: row changes per second of the live workload (default 20; 0 stops it)."),
        QStringLiteral("events"), QStringLiteral("20"));
    parser.addOptions(
        {dataDir, bind, port, token, create, httpOnly, maxFrame, keep, maxAge, buffer, demo, rate});
    parser.process(app);

    DosqlServer::Config config;
    config.dataDir = QDir(parser.value(dataDir)).absolutePath();
    config.bindAddress = QHostAddress(parser.value(bind));
    config.port = quint16(parser.value(port).toUInt());
    // The token comes from the environment, never the command line, where `ps` would show it.
    config.token = qEnvironmentVariable(parser.value(token).toLocal8Bit().constData());
    config.createMissing = parser.isSet(create);
    config.httpOnly = parser.isSet(httpOnly);
    config.maxFrameBytes = parser.value(maxFrame).toLongLong();
    config.logKeepCount = parser.value(keep).toLongLong();
    config.logMaxAgeMs = parser.value(maxAge).toLongLong() * 3600 * 1000;
    config.cdcMaxBufferedEvents = parser.value(buffer).toInt();
    if (config.bindAddress.isNull() || config.maxFrameBytes <= 0) {
        std::fprintf(
            stderr,
            "dosqld: --bind needs an IP address and --max-frame-bytes a positive number.\n");
        return 2;
    }

    if (parser.isSet(demo)) {
        QDir().mkpath(config.dataDir);
        const QString path = QDir(config.dataDir).filePath(QStringLiteral("demo.db"));
        if (!QFileInfo::exists(path)) {
            if (const auto error = DemoDatabase::create(path)) {
                std::fprintf(stderr, "dosqld: cannot create the demo database: %s\n",
                             qPrintable(error->message));
                return 1;
            }
        }
    }

    DosqlServer server(config);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "dosqld: %s\n", qPrintable(error));
        return 1;
    }
    // Scripts and tests read the port from here when they asked for port 0.
    std::printf("dosqld listening on http://%s:%u\n", qPrintable(config.bindAddress.toString()),
                server.port());
    std::fflush(stdout);
    std::unique_ptr<DemoWorkload> workload;
    if (parser.isSet(demo)) {
        DbError dbError;
        if (ServedDatabase *db = server.database(QStringLiteral("demo"), &dbError)) {
            workload = std::make_unique<DemoWorkload>(db, parser.value(rate).toDouble());
            workload->start();
            std::printf("demo database: http://%s:%u/db/demo (workload: %s row changes/s)\n",
                        qPrintable(config.bindAddress.toString()), server.port(),
                        qPrintable(parser.value(rate)));
            std::fflush(stdout);
        }
    }
    installShutdownSignals(app);
    return app.exec();
}
