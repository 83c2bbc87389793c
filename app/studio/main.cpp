#include "core/connection.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DoSQL"));
    QApplication::setApplicationName(QStringLiteral("DoSQL Studio"));
    QApplication::setApplicationVersion(QStringLiteral(DOSQL_STUDIO_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("dosql-studio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse, query and watch DoSQL and SQLite databases."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QApplication::translate("main", "Open the bundled demo database."));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only"),
        QApplication::translate("main", "Open the given files read-only."));
    const QCommandLineOption table(
        QStringLiteral("table"),
        QApplication::translate("main", "Open this table once the database is ready."),
        QStringLiteral("name"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QApplication::translate("main", "The database to open on a server given without /db/NAME."),
        QStringLiteral("name"));
    parser.addOptions({demo, readOnly, table, database});
    parser.addPositionalArgument(
        QStringLiteral("databases"),
        QApplication::translate(
            "main", "SQLite files, or DoSQL server addresses such as"
                    " http://localhost:8787/db/app (the token comes from DOSQL_TOKEN)."),
        QStringLiteral("[FILE|URL...]"));
    parser.process(app);

    MainWindow window;
    if (parser.isSet(table)) {
        const QString name = parser.value(table);
        QObject::connect(&window, &MainWindow::databaseReady, &window,
                         [&window, name](Connection *c) { window.openTableByName(c, name); });
    }
    window.show();
    window.restoreDrafts();
    for (const QString &argument : parser.positionalArguments()) {
        ConnectionSpec spec;
        spec.location = argument;
        spec.mode = parser.isSet(readOnly) ? ConnectionSpec::OpenMode::ReadOnly
                                           : ConnectionSpec::OpenMode::ReadWrite;
        if (spec.isRemote()) {
            spec.remote.database = parser.value(database);
            spec.remote.token = qEnvironmentVariable("DOSQL_TOKEN");
        }
        window.open(spec);
    }
    if (parser.isSet(demo))
        window.openDemo();
    return app.exec();
}
