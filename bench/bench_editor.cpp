// The SQL editor on a 1M-row query of the demo's shape (orders): time until the first rows are
// in the result grid, resident memory while the whole result streams in, and a CSV export of the
// query beside the sqlite3 shell's `.mode csv` export of the same query in the same run
// (target <= 1.5x).
//
//   bench_editor [--rows N] [--rounds N]

#include "bench/benchsupport.h"
#include "core/engine/localconnection.h"
#include "core/engine/sqlitedb.h"
#include "core/resultexport.h"
#include "models/queryresultmodel.h"
#include "widgets/querytab.h"
#include "widgets/sqleditor.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

QTextStream out(stdout);

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({rowsOption, roundsOption});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.db"));
    {
        SqliteDb db;
        db.open(path, SqliteDb::OpenMode::Create);
        // The demo's orders, a million of them.
        db.exec(
            QStringLiteral(
                "CREATE TABLE orders(id TEXT PRIMARY KEY, user_id TEXT NOT NULL, status TEXT NOT "
                "NULL,"
                " total REAL NOT NULL, created_at INTEGER NOT NULL);"
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)"
                " INSERT INTO orders SELECT printf('ord_%08d', i), printf('usr_%06d', i % 5000),"
                " CASE i % 4 WHEN 0 THEN 'pending' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped'"
                " ELSE 'delivered' END, round((i % 50000) * 0.37, 2), 1780000000000 + i * 1000"
                " FROM n")
                .arg(rows));
    }
    const QString sql = QStringLiteral("SELECT * FROM orders");
    ConnectionSpec spec;
    spec.location = path;
    LocalConnection connection(spec);
    QEventLoop opening;
    QObject::connect(&connection, &Connection::stateChanged, &opening, &QEventLoop::quit);
    connection.open();
    opening.exec();

    out << "bench_editor: " << rows << "-row result (SELECT * FROM orders), medians of " << rounds
        << " rounds" << Qt::endl;

    QList<double> firstRows, whole, growth, exports, shell;
    for (int round = 0; round < rounds; ++round) {
        // Time to first visible rows, and memory, through the editor itself.
        QueryTab tab(&connection);
        tab.resize(1200, 800);
        tab.show();
        const qint64 before = BenchSupport::residentBytes();
        qint64 peak = before;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, &sampler,
                         [&] { peak = qMax(peak, BenchSupport::residentBytes()); });
        sampler.start(5);
        tab.editor()->setText(sql);
        QElapsedTimer clock;
        clock.start();
        double first = -1;
        tab.runScript();
        while (tab.isRunning()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (first < 0 && tab.results()->count() > 1) {
                auto *view = qobject_cast<QTableView *>(tab.results()->widget(1));
                if (view && view->model()->rowCount() > 0)
                    first = double(clock.nsecsElapsed()) / 1e6;
            }
        }
        whole.append(double(clock.nsecsElapsed()) / 1e6);
        sampler.stop();
        peak = qMax(peak, BenchSupport::residentBytes());
        firstRows.append(first);
        growth.append(double(peak - before) / (1024.0 * 1024.0));

        // CSV export of the same query, beside the sqlite3 shell.
        ResultExport::Options options;
        options.path = dir.filePath(QStringLiteral("export.csv"));
        ResultExport exporter(&connection, Statement(sql), options);
        QEventLoop exporting;
        QObject::connect(&exporter, &ResultExport::finished, &exporting, &QEventLoop::quit);
        QObject::connect(&exporter, &ResultExport::failed, &exporting, &QEventLoop::quit);
        clock.restart();
        exporter.start();
        exporting.exec();
        exports.append(double(clock.nsecsElapsed()) / 1e6);

        QProcess sqlite3;
        sqlite3.setStandardOutputFile(dir.filePath(QStringLiteral("shell.csv")));
        clock.restart();
        sqlite3.start(QStringLiteral("sqlite3"),
                      {QStringLiteral("-csv"), QStringLiteral("-header"), path, sql});
        sqlite3.waitForFinished(-1);
        shell.append(double(clock.nsecsElapsed()) / 1e6);
    }
    // The first round grows the heap; later ones reuse it. The largest growth is the honest one.
    out << QStringLiteral("first rows in the grid: %1 ms (target <= 50); whole result streamed:"
                          " %2 s; resident memory grew %3 MiB at most (median %4 MiB; the grid"
                          " keeps at most %5 rows)")
               .arg(BenchSupport::median(firstRows), 0, 'f', 1)
               .arg(BenchSupport::median(whole) / 1000, 0, 'f', 2)
               .arg(*std::max_element(growth.cbegin(), growth.cend()), 0, 'f', 1)
               .arg(BenchSupport::median(growth), 0, 'f', 1)
               .arg(QueryResultModel::kMaxRows)
        << Qt::endl;
    const double ratio = BenchSupport::median(exports) / BenchSupport::median(shell);
    out << QStringLiteral("CSV export: %1 s (%2 MiB); sqlite3 -csv: %3 s (%4 MiB); ratio %5x"
                          " (target <= 1.5x: %6)")
               .arg(BenchSupport::median(exports) / 1000, 0, 'f', 2)
               .arg(QFileInfo(dir.filePath(QStringLiteral("export.csv"))).size() / 1048576.0, 0,
                    'f', 1)
               .arg(BenchSupport::median(shell) / 1000, 0, 'f', 2)
               .arg(QFileInfo(dir.filePath(QStringLiteral("shell.csv"))).size() / 1048576.0, 0, 'f',
                    1)
               .arg(ratio, 0, 'f', 2)
               .arg(ratio <= 1.5 ? QStringLiteral("met") : QStringLiteral("MISSED"))
        << Qt::endl;
    return 0;
}
