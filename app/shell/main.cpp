#include "app/shell/shell.h"

#include "core/net/remoteendpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2];

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dosql-shell"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOSQL_STUDIO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Run SQL against a DoSQL server or a SQLite file, list and describe its tables,"
                " or watch its changes.\n\nExit codes: 0 done, 1 a statement failed, 2 wrong"
                " usage, 3 could not connect or open, 4 the token was refused, 130 interrupted."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption command(QStringList{QStringLiteral("c"), QStringLiteral("command")},
                                     QCoreApplication::translate("main", "Run SQL (repeatable)."),
                                     QStringLiteral("sql"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("main", "Print rows as JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QCoreApplication::translate("main", "Print rows as CSV."));
    const QCommandLineOption table(
        QStringLiteral("table"),
        QCoreApplication::translate("main", "Print rows as an aligned table (the default)."));
    const QCommandLineOption tables(QStringLiteral("tables"),
                                    QCoreApplication::translate("main", "List tables and views."));
    const QCommandLineOption schema(
        QStringLiteral("schema"),
        QCoreApplication::translate("main", "Print a table's definition."),
        QStringLiteral("table"));
    const QCommandLineOption watch(
        QStringLiteral("watch"),
        QCoreApplication::translate("main", "Print the changes to these tables as JSON lines."),
        QStringLiteral("table[,table]"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QCoreApplication::translate("main", "With --watch: start after this LSN."),
        QStringLiteral("lsn"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main", "The database, for a server address without /db/NAME."),
        QStringLiteral("name"));
    const QCommandLineOption tokenEnv(
        QStringLiteral("token-env"),
        QCoreApplication::translate("main", "The environment variable holding the token (default"
                                            " DOSQL_TOKEN)."),
        QStringLiteral("var"), QStringLiteral("DOSQL_TOKEN"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("main", "Also trust the CA certificates in this PEM file."),
        QStringLiteral("file"));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only"),
        QCoreApplication::translate("main", "Refuse statements that change the database."));
    parser.addOptions({command, json, csv, table, tables, schema, watch, from, database, tokenEnv,
                       caFile, readOnly});
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QCoreApplication::translate("main",
                                                             "A server address such as"
                                                             " http://localhost:8787/db/app, or a"
                                                             " SQLite file."),
                                 QStringLiteral("URL|FILE"));
    parser.process(app);

    QTextStream err(stderr);
    auto usage = [&](const QString &message) {
        err << "dosql-shell: " << message << "\n"
            << QCoreApplication::translate("main", "Try dosql-shell --help.") << Qt::endl;
        return int(Shell::Usage);
    };
    if (parser.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("main", "Give one server address or file."));
    const int actions = int(parser.isSet(command)) + int(parser.isSet(tables))
                        + int(parser.isSet(schema)) + int(parser.isSet(watch));
    if (actions != 1)
        return usage(QCoreApplication::translate(
            "main", "Say what to do: one of -c SQL, --tables, --schema TABLE or --watch TABLES."));
    if (int(parser.isSet(json)) + int(parser.isSet(csv)) + int(parser.isSet(table)) > 1)
        return usage(QCoreApplication::translate("main", "Choose one of --json, --csv, --table."));

    Shell::Options options;
    options.spec.location = parser.positionalArguments().first();
    options.spec.mode = parser.isSet(readOnly) ? ConnectionSpec::OpenMode::ReadOnly
                                               : ConnectionSpec::OpenMode::ReadWrite;
    if (options.spec.isRemote()) {
        options.spec.remote.database = parser.value(database);
        options.spec.remote.token = qEnvironmentVariable(qPrintable(parser.value(tokenEnv)));
        options.spec.remote.caFile = parser.value(caFile);
        QString problem;
        if (!RemoteEndpoint::parse(options.spec.location, options.spec.remote.database, &problem)
                 .isValid())
            return usage(problem);
    } else if (!QFileInfo::exists(options.spec.location)) {
        err << "dosql-shell: CONNECTION_FAILED: "
            << QCoreApplication::translate("main", "There is no file %1.")
                   .arg(options.spec.location)
            << Qt::endl;
        return Shell::ConnectFailed;
    }
    options.statements = parser.values(command);
    options.listTables = parser.isSet(tables);
    options.schemaOf = parser.value(schema);
    options.watchTables = parser.value(watch).split(u',', Qt::SkipEmptyParts);
    options.watchFrom = parser.value(from);
    options.format = parser.isSet(json)  ? Shell::Format::Json
                     : parser.isSet(csv) ? Shell::Format::Csv
                                         : Shell::Format::Table;

    // Ctrl+C ends the run with 130, after what was printed is flushed.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app,
                         [] { QCoreApplication::exit(Shell::Interrupted); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    Shell shell(options);
    QObject::connect(&shell, &Shell::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    shell.start();
    return app.exec();
}
